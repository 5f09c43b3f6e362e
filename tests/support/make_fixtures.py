"""Build test documents at test time from sentences written for the tests.

Nothing here is copied from a real report: every text is invented.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

PARAGRAPHS = [
    "The valley council met twice in April to discuss the new checkpoints. "
    "Members said that traders had paid fees at three crossings.",
    "A spokesman for the river brigade denied that his men collected any fees. "
    "He said the brigade only escorted convoys along the southern road.",
    "Observers from a monitoring group counted eleven incidents in the district during the month.",
]
NOTES = [
    "Minutes of the valley council, April session.",
    "Statement of the river brigade, posted on its channel.",
]


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def simple_pdf(
    path: Path,
    paragraphs: list[str] = PARAGRAPHS,
    *,
    title: str | None = "Checkpoint survey",
    author: str | None = "Ana Ruiz; Tomas Berg",
    encrypt: str | None = None,
) -> Path:
    """A one-column PDF: one paragraph per block, a blank gap between paragraphs."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), encrypt=encrypt, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    c.setFont("Times-Roman", 11)
    y = 780.0
    for para in paragraphs:
        for line in simpleSplit(para, "Times-Roman", 11, 480):
            if y < 60:
                c.showPage()
                c.setFont("Times-Roman", 11)
                y = 780.0
            c.drawString(56, y, line)
            y -= 14
        y -= 12
    c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A PDF with a drawing and no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    return path


def docx_file(
    path: Path,
    paragraphs: list[str] = PARAGRAPHS,
    *,
    title: str = "Checkpoint survey",
    author: str = "Ana Ruiz",
    table: list[list[str]] | None = None,
    notes: list[str] | None = None,
) -> Path:
    """A .docx with paragraphs, an optional table and optional footnotes.

    python-docx cannot write footnotes, so a placeholder run is swapped for a
    real ``w:footnoteReference`` and ``word/footnotes.xml`` is added.
    """
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = dt.datetime(2022, 5, 17, 9, 30)
    document.add_heading(title, level=1)
    for i, para in enumerate(paragraphs):
        p = document.add_paragraph(para)
        if notes and i < len(notes):
            p.add_run(f"FOOTNOTEREF{i + 1}")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for col, cell in enumerate(row):
                grid.cell(r, col).text = cell
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    if notes:
        data = _add_footnotes(data, notes)
    path.write_bytes(data)
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_footnotes(data: bytes, notes: list[str]) -> bytes:
    entries = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
        f"</w:r></w:p></w:footnote>"
        for i, text in enumerate(notes, start=1)
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f"{entries}</w:footnotes>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                for i in range(1, len(notes) + 1):
                    text = text.replace(f"<w:t>FOOTNOTEREF{i}</w:t>", f'<w:footnoteReference w:id="{i}"/>')
                body = text.encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            dst.writestr(item, body)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def zip_bomb(path: Path, inflated_mb: int = 210, name: str = "word/document.xml") -> Path:
    """A zip whose one member inflates to ``inflated_mb`` MiB of zeros.

    Written in 1 MiB chunks so memory stays small; the file on disk is a few
    hundred KiB.
    """
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(name, "w", force_zip64=True) as member:
            for _ in range(inflated_mb):
                member.write(chunk)
    return path


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Checkpoint survey | Valley Monitor</title>
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2021-06-03T10:00:00Z">
<style>.hidden {{ display: none }} /* STYLE-TEXT-MARKER */</style>
<script>alert(1); var SCRIPT_TEXT_MARKER = "script must not leak";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/about">NAV-TEXT-MARKER about us</a></nav>
<article><h1>Checkpoint survey</h1>
{body}
<script>document.write("INLINE-SCRIPT-MARKER")</script>
</article>
<section class="footnotes"><ol>{notes}</ol></section>
<footer>Copyright FOOTER-TEXT-MARKER</footer>
</body></html>
"""


def html_page(path: Path, paragraphs: list[str] = PARAGRAPHS, notes: list[str] = NOTES) -> Path:
    """An article page with nav, footer, scripts, styles and a footnote list."""
    body = "\n".join(
        f"<p>{p}" + (f'<sup><a href="#fn{i + 1}">{i + 1}</a></sup>' if i < len(notes) else "") + "</p>"
        for i, p in enumerate(paragraphs)
    )
    items = "".join(f'<li id="fn{i}">{n}</li>' for i, n in enumerate(notes, start=1))
    path.write_text(HTML_PAGE.format(body=body, notes=items), encoding="utf-8")
    return path
