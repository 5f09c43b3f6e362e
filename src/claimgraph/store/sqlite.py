"""The embedded SQLite knowledge base.

One connection in autocommit mode; every write is an explicit
``BEGIN IMMEDIATE`` … ``COMMIT`` so a document is stored whole or not at all,
and a concurrent writer waits (``busy_timeout``) instead of failing half-way.
WAL journaling lets readers (the web UI) read while a writer ingests.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimgraph.exc import StoreError
from claimgraph.records import CleanText, Extraction
from claimgraph.store.base import Store
from claimgraph.store.migrations import MIGRATIONS, Migrations
from claimgraph.store.rows import DocumentRows, build_rows
from claimgraph.store.sqlite_kb import SQLiteKB

TABLES = (
    "documents",
    "sentences",
    "notes",
    "markers",
    "citations",
    "entities",
    "aliases",
    "mentions",
    "events",
    "event_participants",
    "event_targets",
    "statements",
    "estimates",
    "kb_entities",
    "kb_members",
    "decisions",
)


class SQLiteStore(SQLiteKB, Store):
    """Knowledge base in one SQLite file; pending migrations are applied on open."""

    def __init__(
        self, path: str | Path, *, timeout: float = 30.0, migrations: Migrations = MIGRATIONS
    ) -> None:
        self.path = str(path)
        self._migrations = migrations
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open knowledge base {self.path}: {exc}") from exc
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            migrations.apply(self._conn)
        except (sqlite3.Error, StoreError) as exc:
            self._conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot open knowledge base {self.path}: {exc}") from exc

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries the interface does not offer yet."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return len(self._migrations.applied(self._conn))

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on any exception."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"write to {self.path} failed, nothing stored: {exc}") from exc
            raise

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join("?" * len(row))
        cursor = self._conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        keys = list(rows[0])
        columns = ", ".join(f'"{k}"' for k in keys)
        marks = ", ".join("?" * len(keys))
        self._conn.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", [tuple(r[k] for k in keys) for r in rows]
        )

    def write_extraction(
        self,
        extraction: Extraction,
        clean: CleanText | None = None,
        *,
        sentences: Sequence[tuple[int, int]] | None = None,
        replace: bool = False,
    ) -> bool:
        if not replace and self.has_document(extraction.document.sha256):
            return False  # cheap early exit; re-checked under the write lock below
        rows = build_rows(extraction, clean, sentences)
        with self._write() as conn:
            sha = rows.document["sha256"]
            if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone():
                if not replace:
                    return False
                conn.execute("DELETE FROM documents WHERE sha256 = ?", (sha,))
            self._insert_rows(rows)
        return True

    def _insert_rows(self, rows: DocumentRows) -> None:
        doc = self._insert("documents", rows.document)
        for table in ("sentences", "notes", "markers", "citations"):
            self._insert_many(table, [{"document": doc, **r} for r in getattr(rows, table)])
        entity_ids: dict[str, int] = {}
        for e in rows.entities:
            fields = {k: v for k, v in e.items() if k not in ("aliases", "mentions")}
            eid = entity_ids[e["local_id"]] = self._insert("entities", {"document": doc, **fields})
            self._insert_many("aliases", [{"entity": eid, **a} for a in e["aliases"]])
            self._insert_many("mentions", [{"entity": eid, "document": doc, **m} for m in e["mentions"]])
        event_ids: dict[str, int] = {}
        for ev in rows.events:
            fields = {k: v for k, v in ev.items() if k not in ("participants", "targets")}
            fields["location_entity"] = entity_ids.get(ev["location"]) if ev["location"] else None
            evid = event_ids[ev["local_id"]] = self._insert("events", {"document": doc, **fields})
            for role in ("participants", "targets"):
                self._insert_many(
                    f"event_{role}",
                    [
                        {"event": evid, "position": i, "local_id": ref, "entity": entity_ids.get(ref)}
                        for i, ref in enumerate(ev[role])
                    ],
                )
        self._insert_many(
            "statements",
            [
                {
                    "document": doc,
                    **s,
                    "subject_entity": entity_ids.get(s["subject"]),
                    "subject_event": event_ids.get(s["subject"]),
                    "object_entity": entity_ids.get(s["object"]),
                    "object_event": event_ids.get(s["object"]),
                    "by_entity": entity_ids.get(s["by"]),
                }
                for s in rows.statements
            ],
        )
        self._insert_many(
            "estimates",
            [
                {
                    "document": doc,
                    **x,
                    "subject_entity": entity_ids.get(x["subject"]),
                    "by_entity": entity_ids.get(x["by"]),
                }
                for x in rows.estimates
            ],
        )

    def delete_document(self, sha256: str) -> bool:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM documents WHERE sha256 = ?", (sha256,))
        return cursor.rowcount > 0

    def stats(self) -> dict[str, int]:
        return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
