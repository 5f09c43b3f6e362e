"""Schema migrations: recorded, applied once, each in its own transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph.exc import StoreError
from claimgraph.records import CleanText, Extraction
from claimgraph.store.migrations import MIGRATIONS, Migrations
from claimgraph.store.sqlite import TABLES, SQLiteStore

Sample = Callable[..., tuple[Extraction, CleanText]]
Checksum = Callable[[Path], str]


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_new_store_has_the_schema_and_records_its_migrations(kb: SQLiteStore, kb_path: Path) -> None:
    assert set(TABLES) | {"_migrations", "sentences_fts"} <= _tables(kb_path)
    assert kb.schema_version == len(MIGRATIONS.migrations) >= 1
    rows = kb.connection.execute("SELECT migration_set, name FROM _migrations ORDER BY rowid").fetchall()
    assert rows == [("claimgraph", m.name) for m in MIGRATIONS.migrations]
    assert kb.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert kb.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing(kb_path: Path, db_checksum: Checksum) -> None:
    SQLiteStore(kb_path).close()
    digest = db_checksum(kb_path)
    with SQLiteStore(kb_path) as store:
        assert store.schema_version == len(MIGRATIONS.migrations)
    assert db_checksum(kb_path) == digest


def test_opening_an_old_database_applies_pending_migrations(kb_path: Path, sample: Sample) -> None:
    ext, clean = sample()
    with SQLiteStore(kb_path) as store:
        store.write_extraction(ext, clean)
        old_version = store.schema_version
    newer = MIGRATIONS.copy()
    calls: list[str] = []

    @newer()
    def m900_entity_notes(conn: sqlite3.Connection) -> None:
        calls.append("m900")
        conn.execute("ALTER TABLE entities ADD COLUMN note TEXT")

    for _ in range(2):
        with SQLiteStore(kb_path, migrations=newer) as store:
            assert store.schema_version == old_version + 1
            assert store.load_extraction(ext.document.sha256) == ext
    assert calls == ["m900"]
    assert len(MIGRATIONS.migrations) == old_version  # the shipped set is untouched


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    steps = Migrations("demo")

    @steps()
    def m1(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE one (x)")

    @steps()
    def m2(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE two (x)")
        conn.execute("INSERT INTO one VALUES (1)")
        conn.execute("SELECT * FROM no_such_table")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(StoreError, match="m2"):
        steps.apply(conn)
    assert steps.applied(conn) == ["m1"]
    assert _tables(path) == {"_migrations", "one"}
    assert conn.execute("SELECT count(*) FROM one").fetchone()[0] == 0
    conn.close()


def test_duplicate_migration_names_are_refused() -> None:
    steps = Migrations("demo")

    @steps(name="same")
    def a(conn: sqlite3.Connection) -> None: ...

    with pytest.raises(ValueError, match="duplicate"):

        @steps(name="same")
        def b(conn: sqlite3.Connection) -> None: ...


def test_a_database_from_a_newer_version_is_refused(kb_path: Path) -> None:
    newer = MIGRATIONS.copy()

    @newer()
    def m999_future(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE future (x)")

    SQLiteStore(kb_path, migrations=newer).close()
    with pytest.raises(StoreError, match="newer version"):
        SQLiteStore(kb_path)


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("plain text, not SQLite " * 100)
    with pytest.raises(StoreError, match=r"notes\.txt"):
        SQLiteStore(path)
    with pytest.raises(StoreError):
        SQLiteStore(tmp_path / "missing-dir" / "kb.db")
