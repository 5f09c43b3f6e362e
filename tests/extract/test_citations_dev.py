"""Citations on the development reports, scored with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from claimgraph.extract.citations import parse_citations
from claimgraph.ingest.cleanup import clean
from claimgraph.records import Document

pytestmark = pytest.mark.devset


def _scorer(gold_dir: Path) -> ModuleType:
    path = gold_dir.parent / "score.py"
    if not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("claimgraph_dev_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_citations_f1_and_field_accuracy(dev_docs: Path, dev_gold: Path) -> None:
    score = _scorer(dev_gold)
    tp = n_pred = n_gold = right = total = 0
    for gold_file in sorted(dev_gold.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc_path = dev_docs / gold["document"]
        if not doc_path.is_file():
            continue
        doc = Document(
            text=doc_path.read_text(encoding="utf-8"), source_path=doc_path.name, sha256="", reader="text"
        )
        pred = {
            "document": doc.name,
            "entities": [],
            "events": [],
            "statements": [],
            "estimates": [],
            "citations": [c.to_format() for c in parse_citations(clean(doc).notes)],
        }
        for key in ("entities", "events", "statements", "estimates", "citations"):
            gold.setdefault(key, [])
        res = score.score_doc(gold, pred)
        tp, n_pred, n_gold = (
            tp + res["citations"]["tp"],
            n_pred + res["citations"]["pred"],
            n_gold + res["citations"]["gold"],
        )
        right += res["citation_fields"]["right"]
        total += res["citation_fields"]["total"]
    assert n_gold, "no gold citations found"
    f1 = score.prf(tp, n_pred, n_gold)["f1"]
    assert f1 >= 0.95
    assert right / total >= 0.90
