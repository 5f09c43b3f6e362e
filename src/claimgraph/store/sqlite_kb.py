"""The cross-document knowledge base in SQLite (a mixin of ``SQLiteStore``).

Tables of schema 2 (``schema_002.sql``): ``decisions`` (append-only human
judgements), ``kb_entities`` and ``kb_members`` (the current resolution).
Lists of ids are passed as one JSON parameter (``json_each``) so a query
never hits SQLite's limit on bound variables.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from claimgraph.exc import NotFound
from claimgraph.store.rows import normalise
from claimgraph.store.sqlite_read import SQLiteReads

Row = dict[str, Any]

_MEMBER_COLUMNS = (
    "m.entity, m.canonical, m.record_key, m.rule, m.evidence, m.via, e.document, "
    "d.name AS document_name, e.local_id, e.type, e.kind, e.name, e.pack_id"
)
_KB_COLUMNS = ("id", "type", "kind", "name", "norm", "pack_id", "records", "documents")
_MEMBER_FIELDS = ("entity", "canonical", "record_key", "rule", "evidence", "via")


def lookup_norm(name: str) -> str:
    """Lookup form of a typed name: as stored (``rows.normalise``), without a leading "the"."""
    norm = normalise(name)
    return norm[4:] if norm.startswith("the ") else norm


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteKB(SQLiteReads):
    """Resolution and decision methods of ``SQLiteStore``; needs its ``_write`` transaction."""

    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]

    # -- resolution input and output ------------------------------------------

    def entity_records(self, canonical_ids: Sequence[str] | None = None) -> list[Row]:
        # Read with a bare cursor: this feeds a whole-base resolution, hundreds of thousands of rows.
        if canonical_ids is None:
            where, params = "", []
        else:
            where = (
                " WHERE e.id IN (SELECT entity FROM kb_members "
                "WHERE canonical IN (SELECT value FROM json_each(?)))"
            )
            params = [json.dumps(list(canonical_ids))]
        names = ("id", "document", "sha256", "local_id", "type", "kind", "name", "pack_id")
        cursor = self._conn.execute(
            "SELECT e.id, e.document, d.sha256, e.local_id, e.type, e.kind, e.name, e.pack_id "
            f"FROM entities e JOIN documents d ON d.id = e.document{where} ORDER BY e.id",
            params,
        )
        rows = [{**dict(zip(names, values, strict=True)), "aliases": []} for values in cursor]
        by_id = {r["id"]: r["aliases"] for r in rows}
        cursor = self._conn.execute(
            f"SELECT a.entity, a.alias FROM aliases a JOIN entities e ON e.id = a.entity{where} "
            "ORDER BY a.entity, a.position",
            params,
        )
        for entity, alias in cursor:
            by_id[entity].append(alias)
        return rows

    def write_resolution(
        self, entities: Sequence[Row], members: Sequence[Row], *, replace: Sequence[str] | None = None
    ) -> None:
        # A resolution mostly repeats the last one: only the rows that changed are written.
        new_entities = {e["id"]: _kb_values(e) for e in entities}
        new_members = {tuple(m.get(k) for k in _MEMBER_FIELDS) for m in members}
        where, params = "", []
        if replace is not None:
            where, params = " WHERE {} IN (SELECT value FROM json_each(?))", [json.dumps(list(replace))]
        entity_sql = f"INSERT INTO kb_entities ({', '.join(_KB_COLUMNS)}) VALUES ({', '.join('?' * 8)})"
        with self._write() as conn:
            old_members = set(
                conn.execute(
                    f"SELECT {', '.join(_MEMBER_FIELDS)} FROM kb_members{where.format('canonical')}", params
                )
            )
            old_entities = {
                r[0]: r
                for r in conn.execute(
                    f"SELECT {', '.join(_KB_COLUMNS)} FROM kb_entities{where.format('id')}", params
                )
            }
            gone = {m[0]: m for m in old_members - new_members}
            came = {m[0]: m for m in new_members - old_members}
            conn.executemany(
                "DELETE FROM kb_members WHERE entity = ?", sorted((e,) for e in gone.keys() - came)
            )
            conn.executemany(
                f"{entity_sql} ON CONFLICT (id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in _KB_COLUMNS[1:]),
                [v for k, v in new_entities.items() if old_entities.get(k) != v],
            )
            conn.executemany(  # a record that changed entity or reason keeps its row
                "UPDATE kb_members SET canonical = ?, rule = ?, evidence = ?, via = ? WHERE entity = ?",
                sorted((m[1], m[3], m[4], m[5], e) for e, m in came.items() if e in gone),
            )
            conn.executemany(
                f"INSERT INTO kb_members ({', '.join(_MEMBER_FIELDS)}) VALUES ({', '.join('?' * 6)})",
                sorted(m for e, m in came.items() if e not in gone),
            )
            conn.executemany(
                "DELETE FROM kb_entities WHERE id = ?", [(k,) for k in old_entities if k not in new_entities]
            )

    def resolution_stale(self) -> bool:
        (stale,) = self._conn.execute(
            "SELECT (SELECT count(*) FROM entities) != (SELECT count(*) FROM kb_members) "
            "OR (SELECT coalesce(sum(records), 0) FROM kb_entities) != (SELECT count(*) FROM kb_members)"
        ).fetchone()
        return bool(stale)

    # -- reading the knowledge base ---------------------------------------------

    def kb_entity(self, canonical_id: str) -> Row:
        rows = self._rows("SELECT * FROM kb_entities WHERE id = ?", (canonical_id,))
        if not rows:
            raise NotFound(f"no entity {canonical_id!r} in the knowledge base")
        return rows[0]

    def kb_entity_ids(self) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT id FROM kb_entities")}

    def find_kb_entities(self, name: str) -> list[Row]:
        norm = lookup_norm(name)
        if not norm:
            return []
        rows = self._rows(
            "SELECT *, 'name' AS matched FROM kb_entities WHERE norm = ? ORDER BY records DESC, id", (norm,)
        )
        if rows:
            return rows
        return self._rows(
            "SELECT *, 'alias' AS matched FROM kb_entities WHERE id IN ("
            "SELECT m.canonical FROM aliases a JOIN kb_members m ON m.entity = a.entity WHERE a.norm = ? "
            "UNION SELECT m.canonical FROM entities e JOIN kb_members m ON m.entity = e.id WHERE e.norm = ?"
            ") ORDER BY records DESC, id",
            (norm, norm),
        )

    def kb_members(
        self, canonical_id: str | None = None, *, record_key: str | None = None, aliases: bool = True
    ) -> list[Row]:
        column, value = (
            ("m.record_key", record_key) if record_key is not None else ("m.canonical", canonical_id)
        )
        rows = self._rows(
            f"SELECT {_MEMBER_COLUMNS} FROM kb_members m JOIN entities e ON e.id = m.entity "
            f"JOIN documents d ON d.id = e.document WHERE {column} = ? ORDER BY e.document, e.id",
            (value,),
        )
        if not aliases:
            return rows
        return self._with_aliases(rows, f"SELECT m.entity FROM kb_members m WHERE {column} = ?", [value])

    def canonical_of(self) -> dict[tuple[int, str], str]:
        cursor = self._conn.execute(
            "SELECT e.document, e.local_id, m.canonical FROM kb_members m JOIN entities e ON e.id = m.entity"
        )
        return {(doc, local): cid for doc, local, cid in cursor}

    def canonical_of_document(self, document_id: int) -> dict[str, str]:
        cursor = self._conn.execute(
            "SELECT e.local_id, m.canonical FROM entities e JOIN kb_members m ON m.entity = e.id "
            "WHERE e.document = ?",
            (document_id,),
        )
        return dict(cursor.fetchall())

    def local_ids_of(self, canonical_id: str) -> set[str]:
        cursor = self._conn.execute(
            "SELECT DISTINCT e.local_id FROM kb_members m JOIN entities e ON e.id = m.entity WHERE m.canonical = ?",
            (canonical_id,),
        )
        return {row[0] for row in cursor}

    def kb_aliases(self, canonical_id: str) -> list[Row]:
        return self._rows(
            "SELECT a.alias, count(DISTINCT e.document) AS documents FROM kb_members m "
            "JOIN entities e ON e.id = m.entity JOIN aliases a ON a.entity = m.entity "
            "WHERE m.canonical = ? GROUP BY a.alias ORDER BY documents DESC, a.alias",
            (canonical_id,),
        )

    def kb_statement_summary(self, canonical_id: str) -> list[Row]:
        members = "SELECT entity FROM kb_members WHERE canonical = ?"
        parts = [
            ("subject", "s.subject_entity", "s.by_entity", 's."by"'),
            ("object", "s.object_entity", "s.by_entity", 's."by"'),
            ("speaker", "s.by_entity", "s.subject_entity", "s.subject"),
        ]
        sql = " UNION ALL ".join(
            f"SELECT '{role}' AS role, s.predicate, s.polarity, coalesce(o.canonical, {slug}) AS other, "
            "count(*) AS statements, count(DISTINCT s.document) AS documents "
            f"FROM statements s LEFT JOIN kb_members o ON o.entity = {other} "
            f"WHERE {mine} IN ({members}) GROUP BY s.predicate, s.polarity, other"
            for role, mine, other, slug in parts
        )
        return self._rows(f"{sql} ORDER BY role, predicate, statements DESC, other", [canonical_id] * 3)

    # -- decisions ----------------------------------------------------------------

    def add_decision(
        self,
        kind: str,
        a_key: str,
        b_key_or_alias: str,
        *,
        user: str = "",
        reason: str = "",
        created_at: str | None = None,
    ) -> Row:
        with self._write() as conn:
            cursor = conn.execute(
                'INSERT INTO decisions (kind, a_key, b_key_or_alias, "user", reason, created_at) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                (kind, a_key, b_key_or_alias, user, reason, created_at or now()),
            )
        return self._rows("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,))[0]

    def decisions(self, *, include_deleted: bool = False) -> list[Row]:
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return self._rows(f"SELECT * FROM decisions{where} ORDER BY id")

    def delete_decision(self, decision_id: int) -> Row:
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE decisions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (now(), decision_id),
            )
        if cursor.rowcount == 0:
            raise NotFound(f"no live decision {decision_id} in the knowledge base")
        return self._rows("SELECT * FROM decisions WHERE id = ?", (decision_id,))[0]


def _kb_values(e: Row) -> tuple[Any, ...]:
    row = {**e, "norm": lookup_norm(e["name"])}
    return tuple(row.get(k) for k in _KB_COLUMNS)
