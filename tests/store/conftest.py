"""Fixtures for the store tests: real SQLite files in tmp_path, short invented documents
built directly from records, and a checksum of a whole database."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claimgraph.records import (
    Citation,
    CleanText,
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
from claimgraph.store.sqlite import SQLiteStore

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Built:
    """A document text with its cleaned body, as ingest would produce it."""

    text: str
    clean: CleanText
    notes: list[Note] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

    def span(self, phrase: str, nth: int = 0) -> tuple[int, int]:
        """Span of the nth occurrence of ``phrase`` in the document text."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return start, start + len(phrase)


def build_text(parts: list[str | int], notes: dict[str, str]) -> Built:
    """Body from ``parts`` (strings are body text, ints are note markers), then a notes section."""
    text, body, offsets, markers = "", "", [], []
    for part in parts:
        if isinstance(part, int):
            sup = str(part).translate(SUPERSCRIPTS)
            markers.append(Marker(str(part), len(text), len(text) + len(sup)))
            text += sup
        else:
            offsets.extend(range(len(text), len(text) + len(part)))
            body += part
            text += part
    text += "\n\nNotes\n"
    note_rows = []
    for nid, ntext in notes.items():
        line = f"{nid} {ntext}\n"
        start = len(text) + len(nid) + 1
        note_rows.append(Note(nid, ntext, start, start + len(ntext)))
        text += line
    clean = CleanText(body=body, offsets=offsets, notes=note_rows, markers=markers)
    return Built(text, clean, note_rows, markers)


def build_sample(tag: str = "a", *, version: str = "test-1") -> tuple[Extraction, CleanText]:
    """A small report with every record type; ``tag`` makes the content (and hash) unique."""
    b = build_text(
        [
            f"Field notes {tag}.\n\n",
            "The Valley Front attacked a checkpoint in Ardan on 3 May 2021.",
            1,
            " Officials blamed the Hill Brigade (HB) for the attack, but HB denied it.",
            2,
            " The Valley Front may have about 300 fighters.",
        ],
        {"1": "J. Doe, Border raids, Daily Post, 4 May 2021.", "2": "Ibid."},
    )
    doc = Document(
        text=b.text,
        source_path=f"/reports/field-{tag}.pdf",
        sha256=hashlib.sha256(b.text.encode()).hexdigest(),
        reader="pdf",
        title=f"Field notes {tag}",
        authors=["A. Writer", "B. Writer"],
        published="2021-06",
        media_type="application/pdf",
    )

    def mention(phrase: str, nth: int = 0) -> Mention:
        s, e = b.span(phrase, nth)
        return Mention(phrase, s, e, rule="test:mention")

    attack = b.span("attacked a checkpoint in Ardan on 3 May 2021")
    blame = b.span("Officials blamed the Hill Brigade (HB) for the attack")
    deny = b.span("HB denied it")
    size = b.span("may have about 300 fighters")
    ext = Extraction(
        document=doc,
        body=b.clean.body,
        notes=b.notes,
        markers=b.markers,
        entities=[
            Entity(
                "valley-front",
                "organization",
                "Valley Front",
                kind="militant_group",
                aliases=["Valley Front"],
                pack_id="test:vf",
                mentions=[mention("Valley Front"), mention("Valley Front", 1)],
                rule="test:pack",
            ),
            Entity(
                "hill-brigade",
                "organization",
                "Hill Brigade",
                kind="militant_group",
                aliases=["Hill Brigade", "HB"],
                mentions=[mention("Hill Brigade"), mention("HB", 1)],
                rule="test:ner",
            ),
            Entity("ardan", "place", "Ardān", kind="city", aliases=["Ardan"], mentions=[mention("Ardan")]),
            Entity(
                "officials",
                "organization",
                "Officials",
                kind="government",
                aliases=["Officials"],
                mentions=[mention("Officials")],
            ),
        ],
        events=[
            Event(
                "ardan-attack",
                "attack",
                name="Ardan checkpoint attack",
                date="2021-05-03",
                location="ardan",
                killed=4,
                wounded=None,
                targets=["ardan"],
                participants=["valley-front", "unknown-slug"],
                evidence="attacked a checkpoint in Ardan",
                start=attack[0],
                end=attack[1],
                notes=["1"],
                rule="test:event",
            ),
        ],
        statements=[
            Statement(
                "valley-front",
                "active_in",
                "ardan",
                start=attack[0],
                end=attack[1],
                notes=["1"],
                evidence="checkpoint in Ardan",
                rule="test:active",
            ),
            Statement(
                "hill-brigade",
                "responsible_for",
                "ardan-attack",
                by="officials",
                date="2021-05-03",
                evidence="Officials blamed the Hill Brigade",
                start=blame[0],
                end=blame[1],
                notes=["2"],
                rule="test:blame",
            ),
            Statement(
                "hill-brigade",
                "responsible_for",
                "ardan-attack",
                by="hill-brigade",
                polarity="deny",
                evidence="HB denied it",
                start=deny[0],
                end=deny[1],
                notes=["2"],
                rule="test:deny",
            ),
        ],
        estimates=[
            Estimate(
                "valley-front",
                "fighters",
                300.0,
                300.0,
                as_of="2021",
                evidence="about 300 fighters",
                start=size[0],
                end=size[1],
                rule="test:estimate",
            ),
        ],
        citations=[
            Citation(
                "1",
                authors=["J. Doe"],
                title="Border raids",
                publisher="Daily Post",
                date="2021-05-04",
                raw=b.notes[0].text,
                start=b.notes[0].start,
                end=b.notes[0].end,
            ),
            Citation("2", ref="1", raw="Ibid.", start=b.notes[1].start, end=b.notes[1].end),
        ],
        document_date="2021-06",
        extractor_version=version,
    )
    return ext, b.clean


def checksum_of(path: Path) -> str:
    """Hash of the schema and every row of every table (including FTS shadow tables)."""
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        tables = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            digest.update(f"{name}\0{sql}\0".encode())
            if sql and sql.startswith("CREATE TABLE"):
                rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
                digest.update("\n".join(rows).encode())
        return digest.hexdigest()
    finally:
        conn.close()


@pytest.fixture
def kb_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def kb(kb_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(kb_path)
    yield store
    store.close()


@pytest.fixture
def sample() -> Callable[..., tuple[Extraction, CleanText]]:
    """``sample(tag="a")``: a small report with every record type, unique per tag."""
    return build_sample


@pytest.fixture
def db_checksum() -> Callable[[Path], str]:
    """``db_checksum(path)``: hash of a database's schema and every row."""
    return checksum_of
