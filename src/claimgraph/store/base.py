"""The knowledge-base interface every backend implements.

Rows come back as plain dicts with the column names of the schema
(``store/schema_001.sql``): JSON columns (``authors``, ``notes``) decoded to
lists, and ``document_name`` added next to ``document`` (the row id) so a
caller can cite the source without a second query.  Every extracted row
carries its provenance: ``document``, ``start``/``end`` (offsets into the
document's text), ``sentence`` (index into ``sentences_of``), ``notes``
(footnote ids), ``rule`` and ``extractor_version``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

from claimgraph.records import CleanText, Extraction, Marker, Note
from claimgraph.store import load

Row = dict[str, Any]


class Store(ABC):
    """A knowledge base of extracted documents."""

    @property
    @abstractmethod
    def schema_version(self) -> int:
        """Number of schema migrations applied to the database."""

    # -- writing ---------------------------------------------------------

    @abstractmethod
    def has_document(self, sha256: str) -> bool:
        """True when a document with this content hash is stored."""

    @abstractmethod
    def write_extraction(
        self,
        extraction: Extraction,
        clean: CleanText | None = None,
        *,
        sentences: Sequence[tuple[int, int]] | None = None,
        replace: bool = False,
    ) -> bool:
        """Store one document and everything extracted from it, in one transaction.

        ``sentences`` are sentence spans in ``clean.body`` (in ``Document.text``
        when ``clean`` is None); without them the body is split with a simple
        regex splitter.  Returns False, writing nothing, when a document with
        the same sha256 is already stored, unless ``replace`` is set: then the
        old rows are replaced in the same transaction.  Raises ``StoreError``
        on any failure, leaving the store as it was.
        """

    @abstractmethod
    def delete_document(self, sha256: str) -> bool:
        """Remove a document and all its rows; False when it was not stored."""

    # -- documents and text ----------------------------------------------

    @abstractmethod
    def documents(self) -> list[Row]:
        """Every document's metadata (no text), in insertion order."""

    @abstractmethod
    def get_document(self, ref: int | str) -> Row:
        """One document with its ``text`` and ``body``, by row id or sha256; raises ``NotFound``."""

    def load_extraction(self, ref: int | str) -> Extraction:
        """Rebuild the stored ``Extraction`` of a document (row id or sha256); raises ``NotFound``."""
        doc = self.get_document(ref)
        doc_id = doc["id"]
        mentions: dict[int, list[Row]] = {}
        for m in self.mentions(document_id=doc_id):
            mentions.setdefault(m["entity"], []).append(m)
        return Extraction(
            document=load.document(doc),
            body=doc["body"],
            notes=[load.build(Note, n, id="note_id") for n in self.notes_of(doc_id)],
            markers=[load.build(Marker, m) for m in self.markers_of(doc_id)],
            entities=[load.entity(e, mentions.get(e["id"], [])) for e in self.entities(doc_id)],
            events=[load.event(e) for e in self.events(doc_id)],
            statements=[load.statement(s) for s in self.statements(doc_id)],
            estimates=[load.estimate(e) for e in self.estimates(doc_id)],
            citations=[load.citation(c) for c in self.citations(doc_id)],
            document_date=doc["document_date"],
            extractor_version=doc["extractor_version"],
        )

    @abstractmethod
    def sentences_of(self, document_id: int) -> list[Row]:
        """Sentences of a document in order: ``idx``, ``start``, ``end``, ``text``, ``notes``."""

    @abstractmethod
    def notes_of(self, document_id: int) -> list[Row]:
        """The document's notes (``note_id``, ``text``, ``start``, ``end``) in order."""

    @abstractmethod
    def markers_of(self, document_id: int) -> list[Row]:
        """The document's note markers (``note_id``, ``start``, ``end``) in order."""

    @abstractmethod
    def search_sentences(
        self, query: str, limit: int = 20, *, document_id: int | None = None, raw: bool = False
    ) -> list[Row]:
        """Full-text search over sentences, best match first.

        Each hit has ``document``, ``document_name``, ``idx``, ``start``,
        ``end``, ``text``, ``snippet`` (matches in ``[...]``) and ``score``
        (higher is better).  Every word of ``query`` must match (stemmed);
        with ``raw`` the query is passed to the engine's own syntax.
        """

    # -- extracted records -------------------------------------------------

    @abstractmethod
    def entities(self, document_id: int | None = None) -> list[Row]:
        """Document-local entity rows, each with its ``aliases`` list."""

    @abstractmethod
    def get_entity(self, entity_id: int) -> Row:
        """One entity row by id; raises ``NotFound``."""

    @abstractmethod
    def find_entities(self, name: str, *, type: str | None = None) -> list[Row]:
        """Entities whose name or an alias equals ``name`` once normalised (case, accents, punctuation)."""

    @abstractmethod
    def mentions(self, *, entity_id: int | None = None, document_id: int | None = None) -> list[Row]:
        """Mention rows, filtered by entity and/or document."""

    @abstractmethod
    def events(self, document_id: int | None = None, *, kind: str | None = None) -> list[Row]:
        """Event rows, each with ``participants`` and ``targets`` (lists of local ids)."""

    @abstractmethod
    def get_event(self, event_id: int) -> Row:
        """One event row by id; raises ``NotFound``."""

    @abstractmethod
    def statements(
        self,
        document_id: int | None = None,
        *,
        predicate: str | None = None,
        entity_id: int | None = None,
    ) -> list[Row]:
        """Statement rows; ``entity_id`` matches the subject, the object or the speaker."""

    @abstractmethod
    def get_statement(self, statement_id: int) -> Row:
        """One statement row by id; raises ``NotFound``."""

    @abstractmethod
    def estimates(self, document_id: int | None = None, *, entity_id: int | None = None) -> list[Row]:
        """Estimate rows; ``entity_id`` matches the subject or the speaker."""

    @abstractmethod
    def get_estimate(self, estimate_id: int) -> Row:
        """One estimate row by id; raises ``NotFound``."""

    @abstractmethod
    def citations(self, document_id: int | None = None, *, note_id: str | None = None) -> list[Row]:
        """Citation rows, filtered by document and/or footnote id."""

    @abstractmethod
    def get_citation(self, citation_id: int) -> Row:
        """One citation row by id; raises ``NotFound``."""

    # -- one knowledge base across documents (see claimgraph.resolve) -----

    @abstractmethod
    def entity_records(self, canonical_ids: Sequence[str] | None = None) -> list[Row]:
        """Document entities as resolution input: ``id``, ``document``, ``sha256``, ``local_id``,
        ``type``, ``kind``, ``name``, ``pack_id``, ``aliases`` (list), ordered by ``id``.

        With ``canonical_ids``, only the current members of those knowledge-base entities.
        """

    @abstractmethod
    def write_resolution(
        self, entities: Sequence[Row], members: Sequence[Row], *, replace: Sequence[str] | None = None
    ) -> None:
        """Store a resolution in one transaction.

        ``entities`` are ``kb_entities`` rows (``id``, ``type``, ``kind``, ``name``,
        ``pack_id``, ``records``, ``documents``); ``members`` are ``kb_members`` rows
        (``entity`` row id, ``canonical``, ``record_key``, ``rule``, ``evidence``, ``via``).
        ``replace=None`` replaces the whole resolution; a list replaces only those
        canonical ids (and their members).
        """

    @abstractmethod
    def resolution_stale(self) -> bool:
        """True when some document entity is in no knowledge-base entity, or an entity lost members."""

    @abstractmethod
    def kb_entity(self, canonical_id: str) -> Row:
        """One knowledge-base entity by canonical id; raises ``NotFound``."""

    @abstractmethod
    def kb_entity_ids(self) -> set[str]:
        """Every canonical id in use."""

    @abstractmethod
    def find_kb_entities(self, name: str) -> list[Row]:
        """Knowledge-base entities whose name, or failing that an alias of a member, equals ``name``
        once normalised; each row has ``matched`` = "name" or "alias"."""

    @abstractmethod
    def kb_members(
        self, canonical_id: str | None = None, *, record_key: str | None = None, aliases: bool = True
    ) -> list[Row]:
        """Member records in document order: ``entity`` (row id), ``canonical``, ``record_key``,
        ``rule``, ``evidence``, ``via``, with the entity's ``document``, ``document_name``,
        ``local_id``, ``type``, ``kind``, ``name``, ``pack_id`` and (unless ``aliases=False``)
        ``aliases``."""

    @abstractmethod
    def canonical_of(self) -> dict[tuple[int, str], str]:
        """(document row id, local entity id) → canonical id, for every resolved entity."""

    @abstractmethod
    def canonical_of_document(self, document_id: int) -> dict[str, str]:
        """Local entity id → canonical id for one document's resolved entities."""

    @abstractmethod
    def local_ids_of(self, canonical_id: str) -> set[str]:
        """The local ids of the document entities resolved into ``canonical_id``."""

    @abstractmethod
    def kb_aliases(self, canonical_id: str) -> list[Row]:
        """Aliases of an entity's members: ``alias``, ``documents`` (how many use it), most used first."""

    @abstractmethod
    def kb_statement_summary(self, canonical_id: str) -> list[Row]:
        """Statements about or by an entity, counted: ``role`` (subject | object | speaker),
        ``predicate``, ``polarity``, ``other`` (canonical id of the speaker, or of the
        subject for role speaker, else the local slug), ``statements``, ``documents``."""

    @abstractmethod
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
        """Append a human ``merge`` or ``split`` decision; returns its row."""

    @abstractmethod
    def decisions(self, *, include_deleted: bool = False) -> list[Row]:
        """Decisions in the order they were made; undone ones only with ``include_deleted``."""

    @abstractmethod
    def delete_decision(self, decision_id: int) -> Row:
        """Undo a live decision (sets ``deleted_at``); raises ``NotFound``."""

    # -- housekeeping ------------------------------------------------------

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Row count of every table."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
