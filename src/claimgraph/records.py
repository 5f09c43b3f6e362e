"""Core records that flow through the pipeline: ingest → nlp → extract → store.

Every extracted item keeps its provenance: the document it came from, the
character span in the document's text (``start``/``end``, offsets into
``Document.text``), the footnote ids of its sentence (``notes``) and the
component and rule that produced it (``rule``).  The per-document
``Extraction.to_format()`` emits the shared extraction format (v1).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

AUTHOR = "author"  # reserved speaker id: the document's own author(s)


@dataclass
class Document:
    """A document as a reader returned it, before any cleanup."""

    text: str
    source_path: str
    sha256: str
    reader: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date, partial allowed ("2020", "2020-05")
    media_type: str | None = None

    @property
    def name(self) -> str:
        """File name of the source, the ``document`` field of the format."""
        return self.source_path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class Note:
    """A footnote/endnote or an entry of a source list, as found in the text."""

    id: str  # "14", or "s1", "s2"… for an unnumbered source list
    text: str
    start: int  # span of the note's text in Document.text
    end: int


@dataclass
class Marker:
    """A note marker in the body (¹⁴, ^{14}, a bare number after a full stop)."""

    note_id: str
    start: int  # span of the marker in Document.text
    end: int


@dataclass
class CleanText:
    """Body text of a document after cleanup, with a map back to the original.

    ``body`` has notes, note markers, page furniture and glued-on foreign text
    removed and hyphenation across line breaks joined.  ``offsets[i]`` is the
    index in ``Document.text`` of ``body[i]`` (same length as ``body``), so any
    span found in the body maps back with ``to_doc``.  ``notes`` and
    ``markers`` use ``Document.text`` coordinates.  ``repeats`` lists body spans
    that repeat earlier body text (pull-quotes, duplicated paragraphs): they
    stay in the body, marked, so nothing is lost.
    """

    body: str
    offsets: list[int]
    notes: list[Note] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    repeats: list[tuple[int, int]] = field(default_factory=list)

    def to_doc(self, start: int, end: int) -> tuple[int, int]:
        """Map a body span [start, end) to a span of Document.text."""
        if not self.offsets:
            return start, end
        if start >= len(self.offsets):
            last = self.offsets[-1] + 1
            return last, last
        doc_start = self.offsets[start]
        doc_end = self.offsets[end - 1] + 1 if end > start else doc_start
        if doc_end < doc_start:  # cleanup moved text inside the span (a pull-quote): cover all of it
            piece = self.offsets[start : min(end, len(self.offsets))]
            doc_start, doc_end = min(piece), max(piece) + 1
        return doc_start, doc_end

    def in_repeat(self, start: int, end: int) -> bool:
        """True when the body span lies inside a marked repeat."""
        return any(a <= start and end <= b for a, b in self.repeats)


@dataclass
class Citation:
    """A parsed note: what work it cites, or which note it points to (``ref``)."""

    id: str
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    ref: str | None = None
    raw: str = ""
    start: int = 0
    end: int = 0

    def to_format(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("raw", "start", "end"):
            d.pop(k)
        return d


@dataclass
class Mention:
    """One surface form of an entity in the body."""

    text: str
    start: int
    end: int
    rule: str = ""


@dataclass
class Entity:
    id: str
    type: str  # person | organization | place | community
    name: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    pack_id: str | None = None  # "<pack>:<id>" when the entity comes from a domain pack
    mentions: list[Mention] = field(default_factory=list)
    rule: str = ""

    def to_format(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "kind": self.kind,
            "name": self.name,
            "aliases": list(self.aliases),
            "pack_id": self.pack_id,
            "rule": self.rule,
        }


@dataclass
class Event:
    id: str
    kind: str
    name: str | None = None
    date: str | None = None
    location: str | None = None
    killed: int | None = None
    wounded: int | None = None
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    evidence: str | None = None
    start: int = 0
    end: int = 0
    notes: list[str] = field(default_factory=list)
    rule: str = ""

    def to_format(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Statement:
    subject: str
    predicate: str
    object: str
    by: str = AUTHOR
    polarity: str = "affirm"  # affirm | deny
    certainty: str = "asserted"  # asserted | hedged
    date: str | None = None
    evidence: str | None = None
    start: int = 0
    end: int = 0
    notes: list[str] = field(default_factory=list)
    rule: str = ""

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.subject, self.predicate, self.object, self.by, self.polarity)

    def to_format(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Estimate:
    subject: str
    quantity: str
    low: float | None
    high: float | None = None
    as_of: str | None = None
    by: str = AUTHOR
    evidence: str | None = None
    start: int = 0
    end: int = 0
    notes: list[str] = field(default_factory=list)
    rule: str = ""

    def to_format(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    body: str = ""  # cleaned body text (see ingest.cleanup)
    notes: list[Note] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    document_date: str | None = None
    extractor_version: str = ""
    clean: CleanText | None = None  # the cleanup result the body came from
    sentences: list[tuple[int, int]] = field(default_factory=list)  # NLP sentence spans in clean.body

    def to_format(self) -> dict[str, Any]:
        """The per-document extraction format (shared/spec/extraction-format.md)."""
        return {
            "document": self.document.name,
            "document_date": self.document_date,
            "extractor_version": self.extractor_version,
            "entities": [e.to_format() for e in self.entities],
            "events": [e.to_format() for e in self.events],
            "statements": [s.to_format() for s in self.statements],
            "estimates": [e.to_format() for e in self.estimates],
            "citations": [c.to_format() for c in self.citations],
        }
