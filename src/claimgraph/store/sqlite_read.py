"""Read queries of the SQLite store (a mixin of ``SQLiteStore``).

To add a query for a later stage, write a method here with ``self._rows``
(decodes JSON columns) and ``_where`` (skips filters that are None).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from claimgraph.exc import NotFound, StoreError
from claimgraph.store.rows import normalise

Row = dict[str, Any]
JSON_COLUMNS = ("authors", "notes")
_WORD = re.compile(r"\w+")

_DOCUMENT_COLUMNS = (
    "id, sha256, name, source_path, title, authors, published, document_date, reader, media_type, "
    "ingested_at, extractor_version"
)


def _where(*conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """SQL ``WHERE`` clause joining the conditions whose value is not None.

    Each ``?`` of a condition is bound to its value, so ``("a = ? OR b = ?", 3)`` binds 3 twice.
    """
    clauses, params = [], []
    for clause, value in conditions:
        if value is not None:
            clauses.append(f"({clause})")
            params.extend([value] * clause.count("?"))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def fts_query(text: str) -> str:
    """An FTS5 query requiring every word of ``text``; quoting keeps operators literal."""
    return " ".join(f'"{w}"' for w in _WORD.findall(text))


class SQLiteReads:
    """Read methods shared by ``SQLiteStore``; needs ``self._conn``."""

    _conn: sqlite3.Connection

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        try:
            cursor = self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        names = [d[0] for d in cursor.description]
        rows = []
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            for key in JSON_COLUMNS:
                if isinstance(row.get(key), str):
                    row[key] = json.loads(row[key])
            rows.append(row)
        return rows

    @staticmethod
    def _one(rows: list[Row], what: str, ref: object) -> Row:
        if not rows:
            raise NotFound(f"no {what} {ref!r} in the knowledge base")
        return rows[0]

    # -- documents and text ----------------------------------------------

    def has_document(self, sha256: str) -> bool:
        return bool(self._rows("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)))

    def documents(self) -> list[Row]:
        return self._rows(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id")

    def get_document(self, ref: int | str) -> Row:
        column = "sha256" if isinstance(ref, str) else "id"
        rows = self._rows(f"SELECT {_DOCUMENT_COLUMNS}, text, body FROM documents WHERE {column} = ?", (ref,))
        return self._one(rows, "document", ref)

    def sentences_of(self, document_id: int) -> list[Row]:
        return self._rows(
            'SELECT id, document, idx, start, "end", body_start, body_end, text, notes '
            "FROM sentences WHERE document = ? ORDER BY idx",
            (document_id,),
        )

    def notes_of(self, document_id: int) -> list[Row]:
        return self._rows(
            'SELECT id, document, note_id, text, start, "end" FROM notes WHERE document = ? ORDER BY id',
            (document_id,),
        )

    def markers_of(self, document_id: int) -> list[Row]:
        return self._rows(
            'SELECT id, document, note_id, start, "end" FROM markers WHERE document = ? ORDER BY id',
            (document_id,),
        )

    def search_sentences(
        self, query: str, limit: int = 20, *, document_id: int | None = None, raw: bool = False
    ) -> list[Row]:
        match = query if raw else fts_query(query)
        if not match.strip() or limit <= 0:
            return []
        where, params = _where(("sentences_fts MATCH ?", match), ("s.document = ?", document_id))
        return self._rows(
            'SELECT s.id, s.document, d.name AS document_name, s.idx, s.start, s."end", s.text, s.notes, '
            "snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet, -bm25(sentences_fts) AS score "
            "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
            f"JOIN documents d ON d.id = s.document{where} ORDER BY bm25(sentences_fts), s.id LIMIT ?",
            [*params, limit],
        )

    # -- entities and mentions ---------------------------------------------

    def _with_document(self, table: str, alias: str, where: str, params: list[Any]) -> list[Row]:
        """Rows of ``table`` (as ``alias`` in ``where``) in id order, with their ``document_name``."""
        return self._rows(
            f"SELECT {alias}.*, d.name AS document_name FROM {table} {alias} "
            f"JOIN documents d ON d.id = {alias}.document{where} ORDER BY {alias}.id",
            params,
        )

    def _with_aliases(self, rows: list[Row], entity_ids_sql: str, params: list[Any]) -> list[Row]:
        """Give each row (keyed by ``entity``, else ``id``) the ``aliases`` of its entity, in order;
        ``entity_ids_sql`` selects the entity ids of the rows."""
        aliases: dict[int, list[str]] = {}
        for a in self._rows(
            f"SELECT entity, alias FROM aliases WHERE entity IN ({entity_ids_sql}) ORDER BY entity, position",
            params,
        ):
            aliases.setdefault(a["entity"], []).append(a["alias"])
        key = "entity" if rows and "entity" in rows[0] else "id"
        for row in rows:
            row["aliases"] = aliases.get(row[key], [])
        return rows

    def _entities(self, where: str, params: list[Any]) -> list[Row]:
        rows = self._with_document("entities", "e", where, params)
        return self._with_aliases(rows, f"SELECT e.id FROM entities e{where}", params)

    def entities(self, document_id: int | None = None) -> list[Row]:
        return self._entities(*_where(("e.document = ?", document_id)))

    def get_entity(self, entity_id: int) -> Row:
        return self._one(self._entities(*_where(("e.id = ?", entity_id))), "entity", entity_id)

    def find_entities(self, name: str, *, type: str | None = None) -> list[Row]:
        norm = normalise(name)
        if not norm:
            return []
        return self._entities(
            *_where(
                ("e.norm = ? OR e.id IN (SELECT entity FROM aliases WHERE norm = ?)", norm),
                ("e.type = ?", type),
            )
        )

    def mentions(self, *, entity_id: int | None = None, document_id: int | None = None) -> list[Row]:
        where, params = _where(("m.entity = ?", entity_id), ("m.document = ?", document_id))
        return self._rows(
            "SELECT m.*, e.local_id AS entity_local_id, d.name AS document_name FROM mentions m "
            f"JOIN entities e ON e.id = m.entity JOIN documents d ON d.id = m.document{where} ORDER BY m.id",
            params,
        )

    # -- events, statements, estimates, citations --------------------------

    def _events(self, where: str, params: list[Any]) -> list[Row]:
        rows = self._with_document("events", "ev", where, params)
        by_id = {r["id"]: r for r in rows}
        for row in rows:
            row["participants"], row["targets"] = [], []
        for role, table in (("participants", "event_participants"), ("targets", "event_targets")):
            for r in self._rows(
                f"SELECT event, local_id FROM {table} WHERE event IN "
                f"(SELECT ev.id FROM events ev{where}) ORDER BY event, position",
                params,
            ):
                by_id[r["event"]][role].append(r["local_id"])
        return rows

    def events(self, document_id: int | None = None, *, kind: str | None = None) -> list[Row]:
        return self._events(*_where(("ev.document = ?", document_id), ("ev.kind = ?", kind)))

    def get_event(self, event_id: int) -> Row:
        return self._one(self._events(*_where(("ev.id = ?", event_id))), "event", event_id)

    def statements(
        self,
        document_id: int | None = None,
        *,
        predicate: str | None = None,
        entity_id: int | None = None,
    ) -> list[Row]:
        return self._with_document(
            "statements",
            "s",
            *_where(
                ("s.document = ?", document_id),
                ("s.predicate = ?", predicate),
                ("s.subject_entity = ? OR s.object_entity = ? OR s.by_entity = ?", entity_id),
            ),
        )

    def get_statement(self, statement_id: int) -> Row:
        rows = self._with_document("statements", "s", *_where(("s.id = ?", statement_id)))
        return self._one(rows, "statement", statement_id)

    def estimates(self, document_id: int | None = None, *, entity_id: int | None = None) -> list[Row]:
        return self._with_document(
            "estimates",
            "x",
            *_where(("x.document = ?", document_id), ("x.subject_entity = ? OR x.by_entity = ?", entity_id)),
        )

    def get_estimate(self, estimate_id: int) -> Row:
        return self._one(
            self._with_document("estimates", "x", *_where(("x.id = ?", estimate_id))), "estimate", estimate_id
        )

    def citations(self, document_id: int | None = None, *, note_id: str | None = None) -> list[Row]:
        return self._with_document(
            "citations", "c", *_where(("c.document = ?", document_id), ("c.note_id = ?", note_id))
        )

    def get_citation(self, citation_id: int) -> Row:
        return self._one(
            self._with_document("citations", "c", *_where(("c.id = ?", citation_id))), "citation", citation_id
        )
