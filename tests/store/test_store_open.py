"""open_store: URLs and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.exc import StoreError
from claimgraph.store import SQLiteStore, Store, open_store


def test_plain_path_and_sqlite_url_open_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with open_store(path) as store:
        assert isinstance(store, SQLiteStore) and isinstance(store, Store)
    assert path.exists()
    with open_store(f"sqlite:///{path}") as store:
        assert store.path == str(path)
        assert store.schema_version >= 1


def test_relative_sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///rel.db").close()
    assert (tmp_path / "rel.db").exists()


def test_in_memory_store() -> None:
    with open_store("sqlite:///:memory:") as store:
        assert store.stats()["documents"] == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://user@host/kb", "PostgreSQL backend not available yet"),
        ("postgres://host/kb", "PostgreSQL backend not available yet"),
        ("mysql://host/kb", "unknown"),
        ("sqlite://", "bad SQLite URL"),
    ],
)
def test_unsupported_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)
