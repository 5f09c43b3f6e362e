"""Score predictions on the development reports with the shared scorer (shared/eval/score.py).

The scorer is loaded from beside the gold folder, so the figures are exactly the
ones ``score.py`` prints; a test skips when the scorer or every report is absent.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SECTIONS = ("entities", "events", "statements", "estimates", "citations")


def load_scorer(gold_dir: Path) -> ModuleType:
    """The shared scorer module next to ``gold_dir`` (skips the test when it is missing)."""
    path = gold_dir.parent / "score.py"
    if not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("claimgraph_dev_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_dev_set(
    dev_docs: Path, dev_gold: Path, predict: Callable[[Path], dict]
) -> tuple[ModuleType, dict[str, dict]]:
    """Per-document scores of ``predict(report path)`` (an extraction-format dict) against each gold file.

    Returns the scorer module (for ``micro``/``prf``) and {document name: score_doc result};
    skips the test when no report matches a gold file.
    """
    score = load_scorer(dev_gold)
    per_doc: dict[str, dict] = {}
    for gold_file in sorted(dev_gold.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        path = dev_docs / gold["document"]
        if not path.is_file():
            continue
        for key in SECTIONS:
            gold.setdefault(key, [])
        per_doc[gold["document"]] = score.score_doc(gold, predict(path))
    if not per_doc:
        pytest.skip("no development report matches the gold files")
    return score, per_doc
