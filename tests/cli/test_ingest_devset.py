"""The real development reports ingest whole: every document stored, with sane provenance spans."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimgraph

pytestmark = [pytest.mark.slow, pytest.mark.devset]


def test_development_reports_ingest_with_valid_spans(dev_docs: Path, tmp_path: Path) -> None:
    with claimgraph.open(tmp_path / "dev.db") as kb:
        report = kb.ingest([dev_docs])
        assert not report.failed, [(r.path, r.reason) for r in report.failed]
        assert len(report.added) == len(list(dev_docs.glob("*.txt")))
        for doc in kb.documents():
            length = len(kb.store.get_document(doc["id"])["text"])
            for sentence in kb.store.sentences_of(doc["id"]):
                assert 0 <= sentence["start"] <= sentence["end"] <= length
