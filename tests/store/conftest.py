"""Fixtures for the store tests: real SQLite files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.store.sqlite import SQLiteStore


@pytest.fixture
def kb_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def kb(kb_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(kb_path)
    yield store
    store.close()
