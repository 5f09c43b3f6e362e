"""Footnotes, endnotes and source lists.

Extracted reports carry their notes in several shapes: blocks interleaved
with the body at page ends (``^{14.} …``, ``- 14. …``, ``14. …``, ``¹⁴ …``) or
a section at the end under a heading ("Notes", "Sources", "References",
"Endnotes").  ``collect_notes`` finds them among the paragraph ``Block``s of a
document, joins a note that a page break split, and turns the entries of an
unnumbered source list into notes ``s1``, ``s2``…  ``ingest.markers`` then
finds the markers in the body that point to them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from claimgraph.records import Marker, Note

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


@dataclass
class Block:
    """A paragraph-like run of lines; ``kind`` says what cleanup made of it."""

    lines: list[tuple[int, int]]
    kind: str = "body"  # body | note | heading | furniture | foreign
    note_id: str | None = None
    text_start: int = 0  # notes: where the note's own text starts (after its number)
    prefix: str = ""  # notes: text caught inside the number's braces ("^{37. &}")
    parts: list[tuple[int, int]] = field(default_factory=list)  # notes: continuation spans

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]

    def text(self, src: str) -> str:
        return " ".join(src[s:e] for s, e in self.lines)


@dataclass
class NoteStart:
    id: str
    offset: int  # chars from the line start to the note text
    prefix: str
    strong: bool  # a style that is unambiguous outside a notes section


_CARET = re.compile(r"\^\{\s*(\d{1,3})\s*[.)]?\s*([^}]{0,8})\}\s*")
_CARET_BARE = re.compile(r"\^(\d{1,3})[.)]?\s+(?=\S)")
_MD_FOOTNOTE = re.compile(r"\[\^(\d{1,3})\]:\s*(?=\S)")  # Markdown footnote definition "[^3]: …"
_SUPER = re.compile(rf"([{SUPERSCRIPTS}]{{1,3}})[.)]?\s*(?=\S)")
_BRACKET = re.compile(r"\[(\d{1,3})\][.)]?\s+(?=\S)")
_DASH = re.compile(r"[-–•*]\s+(\d{1,3})[.)]\s+(?=\S)")
_PLAIN = re.compile(r"(\d{1,3})[.)]\s+(?=\S)")
_PLAIN_NODOT = re.compile(r"(\d{1,3})\s+(?=[A-Z\"“‘'*<_(])")
_SECTION = re.compile(
    r"^[\W_]*(notes|endnotes|end notes|footnotes|references|sources|bibliography|works cited|"
    r"citations|notes and references|sources and notes|notes and sources)[\W_]*$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://|www\.|<http", re.IGNORECASE)
_ACCESSED = re.compile(r"\b(accessed|retrieved|last visited|viewed on)\b", re.IGNORECASE)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b"
)
_CITE_CUES = re.compile(
    r"\bibid\b|\bop\.\s*cit\b|\bn\.\s*\d|\bpp?\.\s*\d|\bvol\.\s*\d|[\"”]\s*[,.]|,\s*[\"“]|\(\d{4}\)|"
    r"\b[A-Z]{1,4}/(?:[A-Z]+/)?\d{2,4}/\d+",
    re.IGNORECASE,
)
_TERMINAL = ".!?"


def is_section_heading(text: str) -> bool:
    """True for a line that opens a notes or source section ("Notes", "**References**")."""
    return len(text) < 40 and bool(_SECTION.match(text.strip()))


def looks_like_citation(text: str) -> bool:
    """True when a text reads like a bibliographic reference rather than prose."""
    if _URL.search(text) or _ACCESSED.search(text) or _CITE_CUES.search(text):
        return True
    return bool(_DATE.search(text)) and text.count(",") >= 2


def note_start(line: str, in_section: bool) -> NoteStart | None:
    """The note number a line opens with, in any of the supported styles."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    m = _CARET.match(stripped)
    if m:
        extra = m.group(2).strip()
        return NoteStart(m.group(1), lead + m.end(), extra if extra not in ".)" else "", True)
    for rx, strong in (
        (_MD_FOOTNOTE, True),
        (_CARET_BARE, True),
        (_BRACKET, True),
        (_SUPER, True),
        (_DASH, False),
    ):
        m = rx.match(stripped)
        if m:
            return NoteStart(m.group(1).translate(SUP_TO_DIGIT), lead + m.end(), "", strong)
    m = _PLAIN.match(stripped) or (_PLAIN_NODOT.match(stripped) if in_section else None)
    if m:
        return NoteStart(m.group(1), lead + m.end(), "", False)
    return None


def _unterminated(text: str) -> bool:
    t = text.rstrip().rstrip("\"”’')]>*")
    return not t or t[-1] not in _TERMINAL


def _continues(block_text: str, note_text: str, section: str | None) -> bool:
    """Whether a paragraph right after a note continues it.

    Inside a notes section a paragraph that starts in lower case, with "<" or
    a URL continues the note.  Between body pages only an unfinished note is
    continued, and only by a paragraph that reads as reference material.
    """
    t = block_text.lstrip("*_ ")
    if not t:
        return False
    if section is not None and (t[0] in "<(" or t[0].islower() or _URL.match(t) or _ACCESSED.match(t)):
        return True
    if section == "list" or not _unterminated(note_text):
        return False
    if _URL.search(t) or _ACCESSED.search(t):
        return True
    return (section is not None and looks_like_citation(t)) or (len(t) < 200 and bool(_DATE.search(t)))


_EVIDENCE = re.compile(r"(?<=[^\W\d_][.,;:!?)\"”’])(\d{1,3})(?=\s|$)")


def mark_note_starts(blocks: list[Block], src: str) -> None:
    """Pass 1: mark section headings and blocks that open a note.

    Outside a notes section a plain number ("14. …", "14 …") opens a note
    only when the block reads like a reference, or when it belongs to a run
    of consecutively numbered blocks (a footnote block) whose numbers also
    appear glued to the body text as markers ("said.14").
    """
    evidence = {int(m.group(1)) for m in _EVIDENCE.finditer(src)}
    evidence |= {
        int(m.group().translate(SUP_TO_DIGIT)) for m in re.finditer(rf"[{SUPERSCRIPTS}]{{1,3}}", src)
    }
    starts: list[NoteStart | None] = []
    for b in blocks:
        line = src[b.lines[0][0] : b.lines[0][1]]
        if len(b.lines) == 1 and is_section_heading(line):
            b.kind = "heading"
            starts.append(None)
        else:
            starts.append(note_start(line, True))
    in_section = False
    max_id = 0
    for i, (b, ns) in enumerate(zip(blocks, starts, strict=True)):
        if b.kind == "heading":
            in_section = True
            continue
        if ns is None or ns.id == "0":
            continue
        num = int(ns.id)
        if not (in_section or ns.strong) and not _plain_note_ok(
            i, num, max_id, blocks, starts, src, evidence
        ):
            continue
        b.kind, b.note_id = "note", ns.id
        b.text_start, b.prefix = b.lines[0][0] + ns.offset, ns.prefix
        max_id = max(max_id, num)


def _plain_note_ok(
    i: int,
    num: int,
    max_id: int,
    blocks: list[Block],
    starts: list[NoteStart | None],
    src: str,
    evidence: set[int],
) -> bool:
    if num > max_id + 6:
        return False
    if looks_like_citation(blocks[i].text(src)):
        return True
    run = [num]
    for step in (-1, 1):
        k, n = i + step, num + step
        while 0 <= k < len(blocks) and (ns := starts[k]) is not None and ns.id == str(n):
            run.append(n)
            k, n = k + step, n + step
    return any(n in evidence for n in run) and (len(run) > 1 or num <= max_id + 3)


def _note_text(b: Block, src: str) -> str:
    first = src[b.text_start : b.lines[0][1]]
    rest = [src[s:e] for s, e in b.lines[1:]] + [src[s:e] for s, e in b.parts]
    text = " ".join([b.prefix + first, *rest])
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _section_is_numbered(blocks: list[Block], h: int) -> bool:
    for b in blocks[h + 1 : h + 6]:
        if b.kind == "heading":
            return False
        if b.kind == "note":
            return True
    return False


_BULLET = re.compile(r"\s*[-•*·–]\s+")


def number_listed_notes(notes: list[Note], markers: list[Marker]) -> bool:
    """Give list entries ("s1", "s2"…) numbers when the body's markers count them.

    Readers turn an HTML ordered list of notes into bullets; when every note
    is such an entry and the markers run from 1 up to at most their number,
    entry k is note k.  Returns True when it renumbered.
    """
    if not notes or not all(n.id.startswith("s") for n in notes):
        return False
    ids = {int(m.note_id) for m in markers if m.note_id.isdigit()}
    if not ids or max(ids) > len(notes) or len(ids) < max(1, len(notes) // 2):
        return False
    for k, note in enumerate(notes, 1):
        note.id = str(k)
    return True


def collect_notes(blocks: list[Block], src: str) -> list[Note]:
    """Pass 2: attach continuations, read source lists, return the notes.

    Expects ``mark_note_starts`` and furniture marking to have run.  Blocks
    after a notes section that are not notes become ``foreign``.
    """
    last: Block | None = None  # the note the next paragraph may continue
    pending: Block | None = None  # an unfinished note whose tail may sit before the next note block
    section: str | None = None  # None | "numbered" | "list" | "closed"
    n_src = 0
    prev_body: Block | None = None
    for i, b in enumerate(blocks):
        if b.kind not in ("body", "note", "heading"):
            continue
        if b.kind == "heading":
            section = "numbered" if _section_is_numbered(blocks, i) else "list"
            last = pending = prev_body = None
            continue
        if b.kind == "note":
            if pending is not None and prev_body is not None and section is None:
                tail = prev_body.text(src)
                if (_URL.search(tail) or _ACCESSED.search(tail)) and not tail[:1].islower():
                    prev_body.kind = "note-part"
                    pending.parts.extend(prev_body.lines)
            last, pending, prev_body = b, None, None
            continue
        text = b.text(src)
        if last is not None and _continues(text, _note_text(last, src), section):
            b.kind = "note-part"
            last.parts.extend(b.lines)
            continue
        if section == "list" and (looks_like_citation(text) or len(text) < 300):
            n_src += 1
            bullet = _BULLET.match(text)
            b.kind, b.note_id = "note", f"s{n_src}"
            b.text_start = b.start + (bullet.end() if bullet else 0)
            last = b
            continue
        if section is not None:
            section = "closed"
            b.kind = "foreign"
            continue
        if last is not None and _unterminated(_note_text(last, src)):
            pending = last
        last, prev_body = None, b
    notes = []
    for b in blocks:
        if b.kind == "note" and b.note_id is not None:
            end = max([b.end] + [e for _, e in b.parts])
            notes.append(Note(b.note_id, _note_text(b, src), b.text_start, end))
    for b in blocks:
        if b.kind == "note-part":
            b.kind = "note"
    return notes
