"""Tables of the analysis stage: analysts' publisher grades and a cache of derived results.

The migration registers into the core ``MIGRATIONS`` set from this separate
module, which ``claimgraph.store`` imports after ``migrations``: it therefore
always runs after every core migration defined there, whatever their number.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from claimgraph.exc import StoreError
from claimgraph.store.base import Store
from claimgraph.store.migrations import MIGRATIONS, run_script
from claimgraph.store.rows import normalise

GRADES = "ABCDEF"

_SCHEMA = """
CREATE TABLE analyze_publisher_grades (
    norm TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    set_by TEXT NOT NULL DEFAULT '',
    set_at TEXT NOT NULL
);

-- Lookups by document-local id across documents (entity names, claim subjects and objects).
CREATE INDEX analyze_entities_local_id ON entities(local_id);
CREATE INDEX analyze_statements_subject ON statements(subject, predicate);
CREATE INDEX analyze_statements_object ON statements(object, predicate);

CREATE TABLE analyze_cache (
    name TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    built_at TEXT NOT NULL
);
"""


@MIGRATIONS(name="analyze_001_grades_and_cache")
def analyze_001_grades_and_cache(conn: sqlite3.Connection) -> None:
    """Publisher reliability grades set by analysts; derived results cached per knowledge-base state;
    indexes for lookups by local id across documents."""
    run_script(conn, _SCHEMA)


def _conn(store: Store) -> sqlite3.Connection:
    conn = getattr(store, "connection", None)
    if not isinstance(conn, sqlite3.Connection):
        raise StoreError("publisher grades and the analysis cache need a SQLite knowledge base")
    return conn


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def set_grade(store: Store, publisher: str, grade: str, *, user: str = "") -> dict[str, str]:
    """Record an analyst's reliability grade (Admiralty A–F) for a publisher; replaces an earlier one."""
    grade = grade.strip().upper()
    if len(grade) != 1 or grade not in GRADES:
        raise StoreError(f"grade must be one of A, B, C, D, E, F (got {grade!r})")
    norm = normalise(publisher)
    if not norm:
        raise StoreError("publisher name is empty")
    conn = _conn(store)
    row = {"norm": norm, "publisher": publisher.strip(), "grade": grade, "set_by": user, "set_at": _now()}
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO analyze_publisher_grades (norm, publisher, grade, set_by, set_at) "
            "VALUES (:norm, :publisher, :grade, :set_by, :set_at) "
            "ON CONFLICT(norm) DO UPDATE SET publisher = excluded.publisher, grade = excluded.grade, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            row,
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"cannot record the grade: {exc}") from exc
    return row


def grades(store: Store) -> dict[str, dict[str, str]]:
    """Every recorded grade by normalised publisher name."""
    rows = _conn(store).execute(
        "SELECT norm, publisher, grade, set_by, set_at FROM analyze_publisher_grades ORDER BY norm"
    )
    return {r[0]: {"publisher": r[1], "grade": r[2], "set_by": r[3], "set_at": r[4]} for r in rows}


def cached(store: Store, name: str, stamp: str) -> Any | None:
    """The cached result ``name`` when it was built for ``stamp``, else None."""
    row = _conn(store).execute("SELECT stamp, data FROM analyze_cache WHERE name = ?", (name,)).fetchone()
    if row is None or row[0] != stamp:
        return None
    return json.loads(row[1])


def store_cache(store: Store, name: str, stamp: str, data: Any) -> bool:
    """Keep a derived result for ``stamp``; False (nothing kept) when the knowledge base is read-only."""
    conn = _conn(store)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT OR REPLACE INTO analyze_cache (name, stamp, data, built_at) VALUES (?, ?, ?, ?)",
            (name, stamp, json.dumps(data, separators=(",", ":")), _now()),
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    return True
