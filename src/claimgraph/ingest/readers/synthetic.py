"""Synthetic two-column report pages for measuring PDF reading order.

Each generated PDF has a running header, a page number, two columns of body
paragraphs with superscript note markers, and a full-width footnote block at
the bottom of the page.  The same page can be drawn in different content
stream orders, because real PDFs do not always draw text in reading order.
The ground truth (sentences per page in reading order, footnotes per page)
comes back with the bytes.  Needs reportlab (a dev dependency).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

ORDERS = ("logical", "furniture-first", "row-interleaved")

_SUBJECTS = (
    "The northern militia",
    "A splinter faction",
    "The provincial police",
    "The border brigade",
    "Local elders",
    "An aid convoy",
    "The river patrol",
    "A regional monitoring group",
    "The interior ministry",
    "Two village councils",
    "The mountain battalion",
    "A rival network",
)
_VERBS = (
    "expanded its presence in",
    "withdrew from",
    "reported clashes near",
    "collected levies around",
    "set up checkpoints outside",
    "negotiated a truce covering",
    "recruited young men from",
    "moved supplies through",
    "lost control of",
    "was accused of raids in",
)
_PLACES = (
    "the Dara valley",
    "Kelmar district",
    "the eastern crossings",
    "the salt flats",
    "Vorna town",
    "the upper pass",
    "Tesh market",
    "the old airfield",
    "the canal villages",
    "Serin province",
)
_TIMES = (
    "in early spring",
    "during the harvest",
    "after the elections",
    "in the winter months",
    "before the ceasefire",
    "over three weeks",
    "late last year",
    "within a fortnight",
)
_TAILS = (
    "",
    ", according to residents",
    ", although officials disputed the account",
    ", a claim that could not be verified independently",
    ", local radio said",
)
_SOURCES = (
    "Interview with a district official",
    "Field notes, monitoring mission",
    "Regional bulletin, issue",
    "Statement posted by the group",
    "Report of the provincial council",
    "Press briefing, ministry spokesman",
)

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 56.0
TEXT_W = PAGE_W - 2 * MARGIN
BODY_FONT, BODY_SIZE, LEADING = "Times-Roman", 10.0, 12.5
PARA_GAP = 7.0
BODY_TOP = PAGE_H - 80
NOTE_SIZE, NOTE_LEADING = 7.5, 9.5
NOTES_PER_PAGE = 3
NOTE_LINES = 6  # room kept at the foot of each page: up to 3 notes of up to 2 lines
BODY_BOTTOM = 50 + NOTE_LINES * NOTE_LEADING + 22
_LONG_NOTE = ", held in the archive of the monitoring mission and consulted again for this working paper"

Token = tuple[str, str | None]  # a word and the note marker that follows it


@dataclass
class PageTruth:
    """What a perfect reader returns for one page, in reading order."""

    sentences: list[str] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)  # indexes into sentences
    notes: list[str] = field(default_factory=list)


@dataclass
class SyntheticPdf:
    data: bytes
    pages: list[PageTruth]
    order: str


def make_sentences(rng: random.Random, n: int) -> list[str]:
    """n distinct invented report sentences."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        s = (
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_PLACES)} "
            f"{rng.choice(_TIMES)}{rng.choice(_TAILS)}."
        )
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


@dataclass
class _Page:
    truth: PageTruth = field(default_factory=PageTruth)
    wide: list[tuple[float, str, float]] = field(default_factory=list)  # full-width lines: y, text, size
    columns: list[list[tuple[float, list[Token]]]] = field(default_factory=lambda: [[], []])


def two_column_pdf(seed: int = 0, pages: int = 3, order: str = "logical") -> SyntheticPdf:
    """A two-column PDF with footnotes, header and page numbers, drawn in ``order``.

    The seed varies the sentences, the gutter (14-30 pt), where note markers
    fall and which notes wrap onto a second line.  Page 1 opens with a
    full-width title and abstract above the columns.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    rng = random.Random(seed)
    gutter = rng.choice((14.0, 20.0, 30.0))
    col_w = (TEXT_W - gutter) / 2
    pool = make_sentences(rng, 60 * pages)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1)
    c.setTitle(f"Synthetic field report {seed}")
    c.setAuthor("Test Author")
    truths: list[PageTruth] = []
    note_no = 0
    for page_no in range(1, pages + 1):
        page = _Page()
        top = BODY_TOP
        if page_no == 1:
            page.wide.append((top, f"Field report {seed}: movements along the valley", 16.0))
            abstract = [pool.pop(0) for _ in range(3)]
            lines = _wrap([(w, None) for w in " ".join(abstract).split()], stringWidth, TEXT_W)
            top -= 30
            for tokens in lines:
                page.wide.append((top, " ".join(w for w, _ in tokens), BODY_SIZE))
                top -= LEADING
            top -= PARA_GAP + 8
            page.truth.paragraph_starts.append(0)
            page.truth.sentences.extend(abstract)
        col, y = 0, top
        while pool:
            para = [pool.pop(0) for _ in range(min(len(pool), rng.randint(2, 5)))]
            saved = note_no, len(page.truth.notes)
            tokens: list[Token] = []
            for sentence in para:
                marker = None
                if len(page.truth.notes) < NOTES_PER_PAGE and rng.random() < 0.25:
                    note_no += 1
                    marker = str(note_no)
                    tail = _LONG_NOTE if rng.random() < 0.4 else ""
                    page.truth.notes.append(
                        f"{marker} {rng.choice(_SOURCES)} {rng.randint(2, 90)}, {seed}-{note_no}{tail}."
                    )
                words = sentence.split()
                tokens += [(w, None) for w in words[:-1]] + [(words[-1], marker)]
            placed = _place(_wrap(tokens, stringWidth, col_w), page.columns, col, y, top)
            if placed is None:  # paragraph does not fit on this page: it starts the next
                pool[:0] = para
                note_no, kept = saved
                del page.truth.notes[kept:]
                break
            col, y = placed
            page.truth.paragraph_starts.append(len(page.truth.sentences))
            page.truth.sentences.extend(para)
        _draw_page(c, page_no, seed, page, order, col_w, gutter)
        truths.append(page.truth)
        if not pool:
            break
    c.save()
    return SyntheticPdf(buf.getvalue(), truths, order)


def _wrap(tokens: list[Token], width_of, max_width: float) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    width = 0.0
    for word, marker in tokens:
        w = width_of(word + " ", BODY_FONT, BODY_SIZE) + (width_of(marker, BODY_FONT, 6) if marker else 0)
        if lines[-1] and width + w > max_width:
            lines.append([])
            width = 0.0
        lines[-1].append((word, marker))
        width += w
    return lines


def _place(lines, columns, col: int, y: float, top: float) -> tuple[int, float] | None:
    """Put a paragraph's lines into the columns from (col, y); None if the page is full."""
    room = int((y - BODY_BOTTOM) // LEADING) + 1
    if col == 1 and len(lines) > room:
        return None
    if col == 0 and len(lines) > room + int((top - BODY_BOTTOM) // LEADING) + 1:
        return None
    for line in lines:
        if y < BODY_BOTTOM:
            col, y = 1, top
        columns[col].append((y, line))
        y -= LEADING
    return col, y - PARA_GAP


def _draw_page(c, page_no: int, seed: int, page: _Page, order: str, col_w: float, gutter: float) -> None:
    from reportlab.lib.utils import simpleSplit

    def header() -> None:
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, PAGE_H - 40, f"Synthetic field report {seed}")
        c.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, "Working paper")

    def number() -> None:
        c.setFont("Helvetica", 8)
        c.drawCentredString(PAGE_W / 2, 30, str(page_no))

    def wide() -> None:
        for y, text, size in page.wide:
            c.setFont("Times-Bold" if size > BODY_SIZE else BODY_FONT, size)
            c.drawString(MARGIN, y, text)

    def footnotes() -> None:
        top = 50 + NOTE_LINES * NOTE_LEADING + 6
        c.line(MARGIN, top, MARGIN + 120, top)
        y = top - 12
        c.setFont("Times-Roman", NOTE_SIZE)
        for note in page.truth.notes:
            for part in simpleSplit(note, "Times-Roman", NOTE_SIZE, TEXT_W):
                c.drawString(MARGIN, y, part)
                y -= NOTE_LEADING

    def line(col: int, y: float, tokens: list[Token]) -> None:
        t = c.beginText(MARGIN + col * (col_w + gutter), y)
        text = ""
        for i, (word, marker) in enumerate(tokens):
            text += word if i == 0 else " " + word
            if marker:
                t.setFont(BODY_FONT, BODY_SIZE)
                t.textOut(text)
                t.setRise(3.5)
                t.setFont(BODY_FONT, 6)
                t.textOut(marker)
                t.setRise(0)
                text = ""
        t.setFont(BODY_FONT, BODY_SIZE)
        t.textOut(text)
        c.drawText(t)

    def column(col: int) -> None:
        for y, tokens in page.columns[col]:
            line(col, y, tokens)

    if order == "logical":
        header(), wide(), column(0), column(1), footnotes(), number()
    elif order == "furniture-first":
        number(), header(), footnotes(), column(1), column(0), wide()
    else:
        header(), wide()
        by_pos = {(i, y): t for i, col in enumerate(page.columns) for y, t in col}
        for y in sorted({y for _, y in by_pos}, reverse=True):
            for col in (0, 1):
                if (col, y) in by_pos:
                    line(col, y, by_pos[(col, y)])
        footnotes(), number()
    c.showPage()
