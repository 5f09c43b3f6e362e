"""Narrow, fast reads of the rows the analyses need.

The analyses scan every statement or event of a knowledge base of thousands
of documents, so they read only the columns they use, as small slotted
records, straight from the store's SQL connection (``Store.connection``).
Evidence text is fetched only for the rows an answer shows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimgraph.analyze.common import words
from claimgraph.exc import StoreError
from claimgraph.store.base import Store
from claimgraph.store.rows import normalise


class HasNotes:
    """A row with the footnote ids of its sentence as stored (JSON text) in ``notes_json``."""

    __slots__ = ()
    notes_json: str

    @property
    def notes(self) -> list[str]:
        """Footnote ids of the row's sentence (decoded on demand: most reads never need them)."""
        return _notes(self.notes_json)


@dataclass(slots=True)
class DocInfo:
    id: int
    name: str
    title: str | None
    authors_json: str
    date: str | None  # the document's own date (or publication date): when its claims were said

    @property
    def authors(self) -> list[str]:
        return _notes(self.authors_json)


@dataclass(slots=True)
class StatementRow(HasNotes):
    id: int
    document: int
    subject: str
    subject_entity: int | None
    predicate: str
    object: str
    object_entity: int | None
    object_event: int | None
    by: str
    by_entity: int | None
    polarity: str
    certainty: str
    date: str | None
    notes_json: str
    sentence: int | None


@dataclass(slots=True)
class EventRow(HasNotes):
    id: int
    document: int
    local_id: str
    kind: str
    name: str | None
    date: str | None
    location: str | None
    location_kind: str | None
    location_name: str | None
    killed: int | None
    wounded: int | None
    notes_json: str
    sentence: int | None
    participants: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EstimateRow(HasNotes):
    id: int
    document: int
    subject: str
    subject_entity: int | None
    quantity: str
    low: float | None
    high: float | None
    as_of: str | None
    by: str
    by_entity: int | None
    notes_json: str
    sentence: int | None


@dataclass(slots=True)
class CitationRow:
    id: int
    document: int
    note_id: str
    authors: list[str]
    title: str | None
    publisher: str | None
    date: str | None
    url: str | None
    ref: str | None
    raw: str


@dataclass(slots=True)
class EntityInfo:
    id: int
    document: int
    local_id: str
    type: str
    kind: str | None
    name: str


def _notes(value: Any) -> list[str]:
    if not value or value == "[]":
        return []
    return list(json.loads(value))


def _marks(values: Iterable[Any]) -> tuple[str, list[Any]]:
    """``?`` placeholders for an ``IN (…)`` list, and the distinct values in order to bind to them."""
    wanted = sorted(set(values))
    return ",".join("?" * len(wanted)), wanted


def _chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


_ST_COLS = (
    "id, document, subject, subject_entity, predicate, object, object_entity, object_event, "
    '"by", by_entity, polarity, certainty, date, notes, sentence'
)
_EV_COLS = (
    "ev.id, ev.document, ev.local_id, ev.kind, ev.name, ev.date, ev.location, l.kind, l.name, "
    "ev.killed, ev.wounded, ev.notes, ev.sentence"
)
_EST_COLS = (
    'id, document, subject, subject_entity, quantity, low, high, as_of, "by", by_entity, notes, sentence'
)
_CIT_COLS = "id, document, note_id, authors, title, publisher, date, url, ref, raw"


class Reader:
    """Reads for the analyses over one store; needs a store with a SQL ``connection``."""

    def __init__(self, store: Store) -> None:
        conn = getattr(store, "connection", None)
        if not isinstance(conn, sqlite3.Connection):
            raise StoreError("the analyses need a SQLite knowledge base")
        self.store = store
        self.conn = conn
        self._docs: dict[int, DocInfo] | None = None
        self._fingerprint: tuple[tuple[int, int], str] | None = None

    def _sql(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def _by_ids(self, sql: str, ids: Iterable[int], params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run ``sql`` (with one ``{marks}`` placeholder for ``IN``, after ``params``) over ids, in chunks."""
        rows: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(set(ids))):
            rows += self._sql(sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk])
        return rows

    # -- documents -----------------------------------------------------------

    def documents(self) -> dict[int, DocInfo]:
        """Every document by row id, with the date it was written (its own date or publication date)."""
        if self._docs is None:
            self._docs = {}
            for i, name, title, authors, doc_date, published in self._sql(
                "SELECT id, name, title, authors, document_date, published FROM documents ORDER BY id"
            ):
                self._docs[i] = DocInfo(i, name, title, authors or "[]", doc_date or published)
        return self._docs

    def fingerprint(self) -> str:
        """Changes whenever a document is added, replaced or removed (recomputed only after a write)."""
        version = (self._sql("PRAGMA data_version")[0][0], self.conn.total_changes)
        if self._fingerprint is not None and self._fingerprint[0] == version:
            return self._fingerprint[1]
        digest = hashlib.sha1()
        for doc_id, sha in self._sql("SELECT id, sha256 FROM documents ORDER BY id"):
            digest.update(f"{doc_id}:{sha};".encode())
        self._fingerprint = (version, digest.hexdigest())
        return self._fingerprint[1]

    # -- extracted rows ------------------------------------------------------

    def statements(
        self,
        predicates: Iterable[str] | None = None,
        *,
        ids: Iterable[int] | None = None,
        object_events: Iterable[int] | None = None,
        subjects: Iterable[str] | None = None,
        polarity: str | None = None,
        touching: Iterable[str] | None = None,
        between: Iterable[str] | None = None,
    ) -> list[StatementRow]:
        """Statements in row order: all, or some predicates, row ids, event objects, subject local ids,
        one polarity, with a subject or object among ``touching`` local ids, or with both subject and
        object among ``between`` local ids."""
        conditions, params = [], []
        if between is not None:
            marks, local = _marks(between)
            conditions.append(f"(subject IN ({marks}) AND object IN ({marks}))")
            params += local + local
        if touching is not None:
            marks, local = _marks(touching)
            conditions.append(f"(subject IN ({marks}) OR object IN ({marks}))")
            params += local + local
        if polarity is not None:
            conditions.append("polarity = ?")
            params.append(polarity)
        for column, values in (("predicate", predicates), ("subject", subjects)):
            if values is not None:
                marks, wanted = _marks(values)
                conditions.append(f"{column} IN ({marks})")
                params += wanted
        if ids is not None or object_events is not None:
            column, values = ("id", ids) if ids is not None else ("object_event", object_events)
            conditions.append(f"{column} IN ({{marks}})")
            sql = f"SELECT {_ST_COLS} FROM statements WHERE " + " AND ".join(conditions)
            rows = sorted(self._by_ids(sql, values or (), params))
        else:
            where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
            rows = self._sql(f"SELECT {_ST_COLS} FROM statements{where} ORDER BY id", params)
        return [StatementRow(*r) for r in rows]

    def participant_entities(self, event_ids: Iterable[int]) -> dict[tuple[int, str], EntityInfo]:
        """Entity rows of the participants of some events, by (event id, local id)."""
        sql = (
            "SELECT p.event, e.id, e.document, e.local_id, e.type, e.kind, e.name FROM event_participants p "
            "JOIN entities e ON e.id = p.entity WHERE p.event IN ({marks})"
        )
        return {(r[0], r[3]): EntityInfo(*r[1:]) for r in self._by_ids(sql, event_ids)}

    def main_groups(self, documents: Iterable[int]) -> dict[int, tuple[str, int]]:
        """Per document, the organisation mentioned most often: (local id, mentions)."""
        sql = (
            "SELECT m.document, e.local_id, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity "
            "WHERE m.document IN ({marks}) AND e.type = 'organization' "
            "AND coalesce(e.kind, '') = 'militant_group' GROUP BY m.document, e.local_id"
        )
        best: dict[int, tuple[str, int]] = {}
        for doc, local, n in sorted(self._by_ids(sql, documents), key=lambda r: (r[0], -r[2], r[1])):
            best.setdefault(doc, (local, n))
        return best

    def events(
        self, ids: Iterable[int] | None = None, *, kinds: Iterable[str] | None = None
    ) -> list[EventRow]:
        """Events with their location's kind and name, participants and targets, in row order."""
        base = f"SELECT {_EV_COLS} FROM events ev LEFT JOIN entities l ON l.id = ev.location_entity"
        if kinds is not None:
            ids = [r[0] for r in self._by_kinds(kinds)] if ids is None else ids
        if ids is None:
            rows = self._sql(base + " ORDER BY ev.id")
        else:
            rows = self._by_ids(base + " WHERE ev.id IN ({marks})", ids)
        events = {r[0]: EventRow(*r) for r in rows}
        for role, table in (("participants", "event_participants"), ("targets", "event_targets")):
            sql = f"SELECT event, local_id, position FROM {table}"
            found = self._sql(sql) if ids is None else self._by_ids(sql + " WHERE event IN ({marks})", events)
            for event_id, local, _pos in sorted(found, key=lambda r: (r[0], r[2])):
                ev = events.get(event_id)
                if ev is not None:
                    getattr(ev, role).append(local)
        return sorted(events.values(), key=lambda e: e.id)

    def _by_kinds(self, kinds: Iterable[str]) -> list[tuple[Any, ...]]:
        marks, wanted = _marks(kinds)
        return self._sql(f"SELECT id FROM events WHERE kind IN ({marks})", wanted)

    def events_matching(self, query: str, query_words: Sequence[str]) -> list[int]:
        """Ids of events whose local id is ``query`` or whose name or local id holds every query word."""
        exact = [r[0] for r in self._sql("SELECT id FROM events WHERE local_id = ? ORDER BY id", (query,))]
        if exact:
            return exact
        clause = " AND ".join("(name LIKE ? OR local_id LIKE ?)" for _ in query_words)
        params = [f"%{w}%" for w in query_words for _ in range(2)]
        rows = self._sql(f"SELECT id, name, local_id FROM events WHERE {clause} ORDER BY id", params)
        wanted = set(query_words)
        return [
            i for i, name, local in rows if wanted <= set(words(name)) | set(words(local.replace("_", " ")))
        ]

    def estimates(self, ids: Iterable[int] | None = None) -> list[EstimateRow]:
        """Estimates in row order: all, or some row ids."""
        if ids is None:
            rows = self._sql(f"SELECT {_EST_COLS} FROM estimates ORDER BY id")
        else:
            rows = sorted(self._by_ids(f"SELECT {_EST_COLS} FROM estimates WHERE id IN ({{marks}})", ids))
        return [EstimateRow(*r) for r in rows]

    def citations(self, documents: Iterable[int] | None = None) -> list[CitationRow]:
        """Citations of some documents (all when None), in row order."""
        if documents is None:
            rows = self._sql(f"SELECT {_CIT_COLS} FROM citations ORDER BY id")
        else:
            rows = sorted(
                self._by_ids(f"SELECT {_CIT_COLS} FROM citations WHERE document IN ({{marks}})", documents)
            )
        return [CitationRow(r[0], r[1], r[2], _notes(r[3]), *r[4:]) for r in rows]

    # -- entities and evidence -----------------------------------------------

    def entities(self, ids: Iterable[int | None]) -> dict[int, EntityInfo]:
        """Entity rows by id (only those asked for)."""
        sql = "SELECT id, document, local_id, type, kind, name FROM entities WHERE id IN ({marks})"
        return {r[0]: EntityInfo(*r) for r in self._by_ids(sql, (i for i in ids if i is not None))}

    def entities_named(self, name: str) -> list[tuple[int, str]]:
        """(document, local id) of every entity whose name, alias or local id matches ``name``."""
        norm = normalise(name)
        if not norm:
            return []
        found: set[tuple[int, str]] = set()
        for sql, value in (
            ("SELECT document, local_id FROM entities WHERE norm = ?", norm),
            ("SELECT document, local_id FROM entities WHERE local_id = ?", name.strip()),
            (
                "SELECT e.document, e.local_id FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.norm = ?",
                norm,
            ),
        ):
            found.update((r[0], r[1]) for r in self._sql(sql, (value,)))
        return sorted(found)

    def evidence(self, table: str, ids: Iterable[int]) -> dict[int, tuple[str, int, int]]:
        """(evidence, start, end) of rows of ``statements``, ``events`` or ``estimates``."""
        if table not in ("statements", "events", "estimates"):
            raise ValueError(table)
        sql = f'SELECT id, evidence, start, "end" FROM {table} WHERE id IN ({{marks}})'
        return {r[0]: (r[1] or "", r[2], r[3]) for r in self._by_ids(sql, ids)}

    def sentences(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """Sentence text by (document, sentence index)."""
        out: dict[tuple[int, int], str] = {}
        wanted = sorted(set(keys))
        for i in range(0, len(wanted), 400):
            chunk = wanted[i : i + 400]
            clause = " OR ".join("(document = ? AND idx = ?)" for _ in chunk)
            params = [v for k in chunk for v in k]
            for doc, idx, text in self._sql(
                f"SELECT document, idx, text FROM sentences WHERE {clause}", params
            ):
                out[(doc, idx)] = text
        return out
