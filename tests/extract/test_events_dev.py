"""Events and estimates on the development reports, through the whole extractor, scored by the shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_scoring import score_dev_set

from claimgraph.extract.document import extract_document
from claimgraph.ingest.read import read_document

pytestmark = [pytest.mark.devset, pytest.mark.slow]

TARGETS = {"events": 0.75, "estimates": 0.80}  # project targets (micro F1)


def _predict(path: Path) -> dict:
    pred = extract_document(read_document(path)).to_format()
    for item in pred["events"] + pred["estimates"]:
        assert item["rule"].startswith(("events.", "estimates."))
        assert item["evidence"] and len(item["evidence"]) <= 200
    return pred


def test_dev_events_and_estimates_reach_the_targets(dev_docs: Path, dev_gold: Path) -> None:
    score, per_doc = score_dev_set(dev_docs, dev_gold, _predict)
    micro = score.micro(per_doc)
    for name, target in TARGETS.items():
        assert micro[name]["f1"] >= target, (name, micro[name])
