"""Citations on the development reports, scored with the shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_scoring import score_dev_set

from claimgraph.extract.citations import parse_citations
from claimgraph.ingest.cleanup import clean
from claimgraph.records import Document

pytestmark = pytest.mark.devset


def _predict(path: Path) -> dict:
    doc = Document(text=path.read_text(encoding="utf-8"), source_path=path.name, sha256="", reader="text")
    return {
        "document": doc.name,
        "entities": [],
        "events": [],
        "statements": [],
        "estimates": [],
        "citations": [c.to_format() for c in parse_citations(clean(doc).notes)],
    }


def test_dev_citations_f1_and_field_accuracy(dev_docs: Path, dev_gold: Path) -> None:
    score, per_doc = score_dev_set(dev_docs, dev_gold, _predict)
    citations = score.micro(per_doc)["citations"]
    assert citations["gold"], "no gold citations found"
    right = sum(r["citation_fields"]["right"] for r in per_doc.values())
    total = sum(r["citation_fields"]["total"] for r in per_doc.values())
    assert citations["f1"] >= 0.95
    assert right / total >= 0.90
