"""Fixtures of the analysis tests: a knowledge base in tmp_path and a writer of invented reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from report_builder import Report, Write

from claimgraph.analyze.common import local_ids
from claimgraph.kb import KnowledgeBase
from claimgraph.kb import open as open_kb


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    # The analyses are tested on their own: entity identity is the local id, as the reports write it.
    # (The resolution stage has its own tests; the dev-set tests below use the real one.)
    base = open_kb(tmp_path / "kb.db", canonical=local_ids)
    yield base
    base.close()


@pytest.fixture
def write(kb: KnowledgeBase) -> Write:
    """Store reports in ``kb`` (in order) and return it."""

    def _write(*reports: Report) -> KnowledgeBase:
        for r in reports:
            kb.store.write_extraction(r.extraction())
        return kb

    return _write
