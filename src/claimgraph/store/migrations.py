"""Ordered, named schema migrations recorded in a ``_migrations`` table.

In the style of sqlite-utils' migrations: each migration is a function
decorated with ``@MIGRATIONS()``; the order of definition is the order of
application; each runs in its own ``BEGIN IMMEDIATE`` transaction together
with the row that records it, so a failed migration leaves neither its
changes nor its record.  To change the schema, append a new function at the
end of this module; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from claimgraph.exc import StoreError

MigrationFn = Callable[[sqlite3.Connection], None]

_TABLE = """CREATE TABLE IF NOT EXISTS _migrations (
    migration_set TEXT NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (migration_set, name)
)"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement SQL script inside the current transaction.

    ``Connection.executescript`` would COMMIT first, so statements are split
    with ``sqlite3.complete_statement`` (which knows about trigger bodies).
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise StoreError(f"incomplete SQL statement in migration script: {buffer.strip()[:80]}")


def sql_file(name: str) -> str:
    """Text of a ``.sql`` file shipped in this package."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Migration:
    name: str
    fn: MigrationFn


class Migrations:
    """A named, ordered set of migrations."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.migrations: list[Migration] = []

    def __call__(self, *, name: str | None = None) -> Callable[[MigrationFn], MigrationFn]:
        """Decorator registering a migration, named after the function unless ``name`` is given."""

        def register(fn: MigrationFn) -> MigrationFn:
            mname = name or fn.__name__
            if any(m.name == mname for m in self.migrations):
                raise ValueError(f"duplicate migration name {mname!r}")
            self.migrations.append(Migration(mname, fn))
            return fn

        return register

    def copy(self) -> Migrations:
        """A new set with the same migrations, to extend without touching this one."""
        other = Migrations(self.name)
        other.migrations = list(self.migrations)
        return other

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        """Names of this set's migrations recorded in the database, oldest first."""
        conn.execute(_TABLE)
        rows = conn.execute(
            "SELECT name FROM _migrations WHERE migration_set = ? ORDER BY rowid", (self.name,)
        ).fetchall()
        return [r[0] for r in rows]

    def pending(self, conn: sqlite3.Connection) -> list[Migration]:
        done = set(self.applied(conn))
        return [m for m in self.migrations if m.name not in done]

    def apply(self, conn: sqlite3.Connection) -> list[str]:
        """Apply the pending migrations in order, each in one transaction; return their names.

        ``conn`` must be in autocommit mode (``isolation_level=None``).
        """
        known = {m.name for m in self.migrations}
        unknown = [n for n in self.applied(conn) if n not in known]
        if unknown:
            raise StoreError(
                f"database has migrations this claimgraph does not know ({', '.join(unknown)}): "
                "it was written by a newer version"
            )
        done: list[str] = []
        for migration in self.pending(conn):
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-checked under the write lock: another process may have applied it meanwhile.
                already = conn.execute(
                    "SELECT 1 FROM _migrations WHERE migration_set = ? AND name = ?",
                    (self.name, migration.name),
                ).fetchone()
                if not already:
                    migration.fn(conn)
                    conn.execute(
                        "INSERT INTO _migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                        (self.name, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                    )
                    done.append(migration.name)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"migration {migration.name} failed: {exc}") from exc
                raise
        return done


MIGRATIONS = Migrations("claimgraph")


@MIGRATIONS()
def m001_initial(conn: sqlite3.Connection) -> None:
    """Documents, sentences (+ FTS5), notes, markers, citations, entities, events, statements, estimates."""
    run_script(conn, sql_file("schema_001.sql"))


@MIGRATIONS()
def m002_knowledge_base(conn: sqlite3.Connection) -> None:
    """Human merge/split decisions and the cross-document resolution (kb_entities, kb_members)."""
    run_script(conn, sql_file("schema_002.sql"))
