"""Builders for the analysis tests: short invented reports, written to a real SQLite store.

Every record is placed on the phrase of the text it comes from, so sentence
indexes and evidence are what ingest would store.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimgraph.kb import KnowledgeBase
from claimgraph.records import (
    Citation,
    Document,
    Entity,
    Estimate,
    Event,
    Extraction,
    Marker,
    Mention,
    Note,
    Statement,
)

KINDS = {
    "valley_front": ("organization", "militant_group", "Valley Front"),
    "river_brigade": ("organization", "militant_group", "River Brigade"),
    "hill_movement": ("organization", "militant_group", "Hill Movement"),
    "northern_wing": ("organization", "militant_group", "Northern Wing"),
    "interior_ministry": ("organization", "government", "Interior Ministry"),
    "monitoring_panel": ("organization", "international_org", "United Nations Monitoring Panel"),
    "daily_courier": ("organization", "media", "Daily Courier"),
    "ardan": ("place", "city", "Ardan"),
    "bellport": ("place", "city", "Bellport"),
    "ardan_market": ("place", "facility", "Ardan Market"),
    "omar_tal": ("person", "leader", "Omar Tal"),
    "sami_rud": ("person", "leader", "Sami Rud"),
    "karim_dost": ("person", "leader", "Karim Dost"),
    "ilyas_noor": ("person", "militant", "Ilyas Noor"),
    "yusuf_bek": ("person", "leader", "Yusuf Bek"),
}


@dataclass
class Report:
    """One invented report: its text and the records placed on its phrases."""

    name: str
    text: str
    date: str | None = "2021-06-01"
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def span(self, phrase: str) -> tuple[int, int]:
        start = self.text.index(phrase)
        return start, start + len(phrase)

    def entity(self, *ids: str) -> None:
        for ident in ids:
            if ident not in self.entities and ident in KINDS:
                etype, kind, name = KINDS[ident]
                self.entities[ident] = Entity(ident, etype, name, kind=kind, aliases=[name])

    def event(self, ident: str, kind: str, phrase: str, **fields: object) -> Report:
        start, end = self.span(phrase)
        ev = Event(ident, kind, evidence=phrase, start=start, end=end, **fields)  # type: ignore[arg-type]
        self.entity(*ev.participants, *ev.targets, *([ev.location] if ev.location else []))
        self.events.append(ev)
        return self

    def says(
        self,
        subject: str,
        predicate: str,
        obj: str,
        phrase: str,
        *,
        by: str = "author",
        polarity: str = "affirm",
        certainty: str = "asserted",
        date: str | None = None,
        notes: tuple[str, ...] = (),
    ) -> Report:
        start, end = self.span(phrase)
        self.entity(subject, obj, by)
        self.statements.append(
            Statement(
                subject,
                predicate,
                obj,
                by,
                polarity,
                certainty,
                date,
                phrase,
                start,
                end,
                list(notes),
                "test",
            )
        )
        return self

    def estimate(
        self,
        subject: str,
        quantity: str,
        low: float | None,
        high: float | None,
        phrase: str,
        *,
        as_of: str | None = None,
        by: str = "author",
    ) -> Report:
        start, end = self.span(phrase)
        self.entity(subject, by)
        self.estimates.append(
            Estimate(subject, quantity, low, high, as_of, by, phrase, start, end, [], "test")
        )
        return self

    def cite(self, note_id: str, **fields: object) -> Report:
        self.citations.append(Citation(note_id, **fields))  # type: ignore[arg-type]
        return self

    def extraction(self) -> Extraction:
        text = self.text
        for e in self.entities.values():
            e.mentions = [
                Mention(m.group(), m.start(), m.end(), "test") for m in re.finditer(re.escape(e.name), text)
            ]
        notes = [Note(c.id, c.raw or c.title or "", 0, 0) for c in self.citations]
        markers = [Marker(c.id, 0, 0) for c in self.citations]
        doc = Document(
            text=text,
            source_path=f"/reports/{self.name}",
            sha256=hashlib.sha256((self.name + text).encode()).hexdigest(),
            reader="text",
            title=self.title or self.name,
            authors=list(self.authors),
            published=self.date,
        )
        return Extraction(
            document=doc,
            body=text,
            notes=notes,
            markers=markers,
            entities=list(self.entities.values()),
            events=self.events,
            statements=self.statements,
            estimates=self.estimates,
            citations=self.citations,
            document_date=self.date,
            extractor_version="test",
        )


Write = Callable[..., KnowledgeBase]
