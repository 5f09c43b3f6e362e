"""Fixtures of the analysis tests: a knowledge base in tmp_path and a writer of invented reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from report_builder import Report, Write

import claimgraph
from claimgraph.kb import KnowledgeBase


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    base = claimgraph.open(tmp_path / "kb.db")
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
