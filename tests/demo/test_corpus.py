"""The demo corpus is well formed: headers, footnotes that resolve, and shared citations."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claimgraph.demo import CORPUS_FILES, corpus_dir

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
NOTES_HEADING = re.compile(r"^#+\s*Notes\s*$", re.MULTILINE)
UN_SYMBOL = re.compile(r"\bS/\d{4}/\d+\b")

# Note definitions, one style per file: "[^3]: ...", "³ ..." or "3. ..."
NOTE_STYLES = {
    "bracket": re.compile(r"^\[\^(\d+)\]:\s+\S", re.MULTILINE),
    "superscript": re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S", re.MULTILINE),
    "numbered": re.compile(r"^(\d+)\.\s+\S", re.MULTILINE),
}
BRACKET_MARKER = re.compile(r"\[\^(\d+)\]")
SUPERSCRIPT_MARKER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def _split(text: str) -> tuple[str, str]:
    """Body and Notes section of a note; fails the test when there is no single Notes heading."""
    parts = NOTES_HEADING.split(text)
    assert len(parts) == 2, "expected exactly one 'Notes' heading"
    return parts[0], parts[1]


def _note_ids(notes: str) -> tuple[str, list[int]]:
    """The note style used and the note numbers in order."""
    found = {name: rx.findall(notes) for name, rx in NOTE_STYLES.items()}
    used = [name for name, ids in found.items() if ids]
    assert len(used) == 1, f"notes section mixes styles: {used}"
    style = used[0]
    return style, [int(i.translate(SUPERSCRIPT)) for i in found[style]]


def _marker_ids(body: str) -> list[int]:
    ids = [int(m) for m in BRACKET_MARKER.findall(body)]
    ids += [int(m.translate(SUPERSCRIPT)) for m in SUPERSCRIPT_MARKER.findall(body)]
    return ids


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: (corpus_dir() / name).read_text(encoding="utf-8") for name in CORPUS_FILES}


def test_listed_files_are_exactly_the_files_on_disk() -> None:
    on_disk = sorted(p.name for p in corpus_dir().glob("*.md"))
    assert on_disk == sorted(CORPUS_FILES)
    assert 6 <= len(CORPUS_FILES) <= 8


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_header_has_title_byline_and_iso_date(name: str, texts: dict[str, str]) -> None:
    lines = [ln for ln in texts[name].splitlines() if ln.strip()]
    assert re.fullmatch(r"# \S.*", lines[0])
    assert re.fullmatch(r"By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)+, \S.*", lines[1])
    m = re.fullmatch(r"Date: (\d{4}-\d{2}-\d{2})", lines[2])
    assert m
    assert date(2015, 1, 1) <= date.fromisoformat(m.group(1)) <= date.today()


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_body_is_a_short_briefing(name: str, texts: dict[str, str]) -> None:
    body, _ = _split(texts[name])
    assert 300 <= len(body.split()) <= 650


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_marker_has_a_note_and_every_note_a_marker(name: str, texts: dict[str, str]) -> None:
    body, notes = _split(texts[name])
    _, note_ids = _note_ids(notes)
    markers = _marker_ids(body)
    assert len(markers) >= 3
    assert set(markers) == set(note_ids)
    assert note_ids == list(range(1, len(note_ids) + 1)), "notes are numbered 1..n without gaps"
    assert markers == sorted(markers), "markers appear in numeric order"


def test_all_three_note_styles_are_exercised(texts: dict[str, str]) -> None:
    styles = {_note_ids(_split(t)[1])[0] for t in texts.values()}
    assert styles == set(NOTE_STYLES)


def test_pointer_notes_follow_a_real_citation(texts: dict[str, str]) -> None:
    pointers = 0
    for text in texts.values():
        lines = [ln for ln in _split(text)[1].splitlines() if ln.strip()]
        for i, line in enumerate(lines):
            if re.search(r"\bIbid\.|\bn\. \d+\b", line):
                pointers += 1
                assert i > 0, "a pointer note cannot be the first note"
    assert pointers >= 3


def test_a_un_report_is_cited_by_more_than_one_note(texts: dict[str, str]) -> None:
    citing: dict[str, set[str]] = {}
    for name, text in texts.items():
        for symbol in UN_SYMBOL.findall(_split(text)[1]):
            citing.setdefault(symbol, set()).add(name)
    assert any(len(files) >= 2 for files in citing.values())


def test_corpus_dir_is_inside_the_package() -> None:
    assert corpus_dir().is_dir()
    assert Path(corpus_dir(), CORPUS_FILES[0]).is_file()
