"""PDF readers: pypdf (content-stream order) and pdfminer.six (layout analysis).

Both return pages joined by a form-feed line (``"\\n\\f\\n"``) and
paragraphs separated by blank lines.  ``docs/pdf-readers.md`` says which is
the default and why (numbers from ``python -m claimgraph.ingest.readers.compare``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path

from claimgraph import settings
from claimgraph.ingest.readers.base import Parsed, Reader, Refused, optional_metadata
from claimgraph.ingest.readers.guard import require_pdf
from claimgraph.ingest.readers.layout import Line, reading_order
from claimgraph.ingest.readers.meta import clean_title, parse_date, split_authors

PAGE_BREAK = "\n\f\n"
_NO_TEXT = "no text layer: the PDF holds only images (scanned?); OCR is not supported"
_MAX_ORDERED_LINES = 5000  # beyond this a page is a data dump: keep the parser's order
_PARA_GAP = 1.5  # a line gap this many times the page's usual gap starts a paragraph


class _Budget:
    """Stops extraction as soon as the text passes ``max_text_chars``."""

    def __init__(self) -> None:
        self.limit = settings.get_int("max_text_chars")
        self.used = 0

    def spend(self, text: str) -> None:
        self.used += len(text)
        if self.used > self.limit:
            raise Refused(f"text too long: over {self.limit} characters after this page, limit {self.limit}")


def _finish(pages: list[str], meta: dict[str, object]) -> Parsed:
    text = PAGE_BREAK.join(p.strip("\n") for p in pages)
    if not text.strip():
        raise Refused(_NO_TEXT)
    return Parsed(
        text=text,
        title=clean_title(meta.get("title")),
        authors=split_authors(meta.get("author")),
        published=parse_date(meta.get("date")),
    )


# -- pypdf -------------------------------------------------------------------


def read_pypdf(path: Path, data: bytes) -> Parsed:
    """Read a PDF with pypdf: text in content-stream order, paragraphs from line gaps."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _pypdf_decrypt(reader):
            raise Refused("encrypted PDF: a password is needed to read it")
        info = optional_metadata(lambda: _pypdf_info(reader))
        budget = _Budget()
        pages = []
        for page in reader.pages:
            pages.append(_pypdf_page(page))
            budget.spend(pages[-1])
    except PdfReadError as err:
        raise Refused(f"corrupt PDF: {err}") from err
    return _finish(pages, info)


def _pypdf_info(reader: object) -> dict[str, object]:
    meta = reader.metadata or {}  # type: ignore[attr-defined]
    return {"title": meta.get("/Title"), "author": meta.get("/Author"), "date": meta.get("/CreationDate")}


def _pypdf_decrypt(reader: object) -> bool:
    """Open PDFs protected only by an owner password (permissions), as viewers do."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception as err:  # pypdf raises several types for unsupported crypto
        raise Refused(f"encrypted PDF: cannot decrypt ({err})") from err


def _pypdf_page(page: object) -> str:
    """One page's text, with a blank line where the vertical gap says a new paragraph starts."""
    lines: list[tuple[float | None, str]] = [(None, "")]

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append((None, ""))
            y0, current = lines[-1]
            if y0 is None and piece.strip():
                y0 = y
            lines[-1] = (y0, current + piece)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    kept = [(y, t.rstrip()) for y, t in lines if t.strip()]
    return _paragraphs(kept)


def _paragraphs(lines: list[tuple[float | None, str]]) -> str:
    gaps = [
        a - b for (a, _), (b, _) in itertools.pairwise(lines) if a is not None and b is not None and a > b
    ]
    # The line pitch: a low quantile, because paragraph gaps can be half of all gaps.
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    out: list[str] = []
    for i, (y, text) in enumerate(lines):
        if i:
            prev = lines[i - 1][0]
            new_block = y is not None and prev is not None and (y > prev or prev - y > _PARA_GAP * usual)
            out.append("\n\n" if new_block else "\n")
        out.append(text)
    return "".join(out)


# -- pdfminer.six ------------------------------------------------------------


def read_pdfminer(path: Path, data: bytes) -> Parsed:
    """Read a PDF with pdfminer.six: text lines put in column-aware reading order."""
    return pdfminer_text(data, ordered=True)


def pdfminer_text(data: bytes, ordered: bool = True) -> Parsed:
    """pdfminer.six extraction; ``ordered=False`` keeps pdfminer's own box order
    (kept for the reader comparison)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect as err:
        raise Refused("encrypted PDF: a password is needed to read it") from err
    except PDFEncryptionError as err:
        raise Refused(f"encrypted PDF: cannot decrypt ({err})") from err
    except PSException as err:
        raise Refused(f"corrupt PDF: {type(err).__name__}: {err}") from err
    info = optional_metadata(lambda: _pdfminer_info(document))
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    budget = _Budget()
    pages = []
    try:
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            pages.append(_page_text(device.get_result(), ordered))
            budget.spend(pages[-1])
    except PSException as err:
        raise Refused(f"corrupt PDF: {type(err).__name__}: {err}") from err
    return _finish(pages, info)


def _page_text(layout: object, ordered: bool) -> str:
    """A page's lines put in column-aware reading order, paragraphs from line gaps."""
    lines = _lines(layout)
    if ordered and len(lines) <= _MAX_ORDERED_LINES:
        with contextlib.suppress(RecursionError):  # a pathological page: keep pdfminer's order
            lines = reading_order(lines)
    return _paragraphs([(ln.y0, ln.text) for ln in lines])


def _lines(container: object) -> list[Line]:
    """Text lines in pdfminer's order, descending into boxes and figures."""
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    out = []
    for el in container:  # type: ignore[attr-defined]
        if isinstance(el, LTTextLine):
            text = el.get_text().strip()
            if text:
                out.append(Line(el.x0, el.y0, el.x1, el.y1, text, _size(el)))
        elif isinstance(el, LTTextBox | LTFigure):
            out.extend(_lines(el))
    return out


def _size(line: object) -> float:
    """Median character size of a pdfminer text line."""
    sizes = sorted(getattr(ch, "size", 0.0) for ch in line)  # type: ignore[attr-defined]
    return sizes[len(sizes) // 2] if sizes else 0.0


def _pdfminer_info(document: object) -> dict[str, object]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, object] = {}
    for info in getattr(document, "info", []) or []:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key, name in (("Title", "title"), ("Author", "author"), ("CreationDate", "date")):
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                found.setdefault(name, value)
    return found


PYPDF = Reader(
    name="pdf/pypdf",
    media_type="application/pdf",
    suffixes=(".pdf",),
    read=read_pypdf,
    sniff=require_pdf,
)
PDFMINER = Reader(
    name="pdf/pdfminer",
    media_type="application/pdf",
    suffixes=(".pdf",),
    read=read_pdfminer,
    sniff=require_pdf,
)
