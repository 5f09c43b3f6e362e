"""Statements on the development reports, through the whole extractor, scored by the shared scorer.

The floors sit below the measured figures (see the statements report) so that a
regression fails the run; the project targets are higher and tracked in the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_scoring import score_dev_set

from claimgraph.extract.document import extract_document
from claimgraph.ingest.read import read_document

pytestmark = [pytest.mark.devset, pytest.mark.slow]

FLOORS = {"statements_triple": 0.66, "statements_full": 0.63, "attribution": 0.70}


def _predict(path: Path) -> dict:
    pred = extract_document(read_document(path)).to_format()
    for st in pred["statements"]:
        assert st["rule"].split(".")[0] in ("relations", "attribution", "statements")
        assert st["polarity"] in ("affirm", "deny") and st["certainty"] in ("asserted", "hedged")
        assert st["evidence"] and len(st["evidence"]) <= 200
    return pred


def test_dev_statements_stay_above_their_floors(dev_docs: Path, dev_gold: Path) -> None:
    score, per_doc = score_dev_set(dev_docs, dev_gold, _predict)
    micro = score.micro(per_doc)
    for name, floor in FLOORS.items():
        assert micro[name]["f1"] >= floor, (name, micro[name])
