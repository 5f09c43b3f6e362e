"""DOCX reader: python-docx for the package and core properties, body text
walked in order (paragraphs and tables), footnotes appended as a notes list."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from claimgraph.ingest.readers.base import Parsed, Reader, Refused, optional_metadata
from claimgraph.ingest.readers.guard import check_zip, require_zip
from claimgraph.ingest.readers.meta import clean_title, parse_date, split_authors

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def read_docx(path: Path, data: bytes) -> Parsed:
    """Read a .docx: zip-bomb guard first, then paragraphs, tables and footnotes."""
    check_zip(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise Refused(f"invalid docx: {type(err).__name__}: {err}") from err
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise Refused(f"corrupt docx: damaged zip member ({err})") from err
    numbers: dict[str, str] = {}  # footnote id -> number shown, in order of first reference
    blocks = _blocks(document.element.body, numbers)
    try:
        notes = _footnotes(data, numbers)
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise Refused(f"corrupt docx: damaged notes part ({err})") from err
    if notes:
        blocks += ["Notes", "\n".join(notes)]
    meta = optional_metadata(lambda: _core_properties(document))
    return Parsed(
        text="\n\n".join(b for b in blocks if b.strip()),
        title=clean_title(meta.get("title")),
        authors=split_authors(meta.get("author")),
        published=parse_date(meta.get("date")),
    )


def _core_properties(document: object) -> dict[str, object]:
    props = document.core_properties  # type: ignore[attr-defined]
    created = props.created.date().isoformat() if props.created else None
    return {"title": props.title, "author": props.author, "date": created}


def _blocks(body: object, numbers: dict[str, str]) -> list[str]:
    blocks = []
    for child in body.iterchildren():  # type: ignore[attr-defined]
        if child.tag == f"{_W}p":
            blocks.append(_runs(child, numbers))
        elif child.tag == f"{_W}tbl":
            blocks.append(_table(child, numbers))
        elif child.tag == f"{_W}sdt":  # content controls wrap ordinary paragraphs
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                blocks.extend(_blocks(content, numbers))
    return blocks


def _table(tbl: object, numbers: dict[str, str]) -> str:
    rows = []
    for tr in tbl.iter(f"{_W}tr"):  # type: ignore[attr-defined]
        cells = [
            " ".join(_runs(p, numbers) for p in tc.iter(f"{_W}p")).strip()
            for tc in tr.iterchildren(f"{_W}tc")
        ]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _runs(paragraph: object, numbers: dict[str, str]) -> str:
    """Visible text of a paragraph; footnote references become superscript numbers.

    Deleted tracked changes (w:delText) and field codes (w:instrText) are not text.
    """
    out = []
    for el in paragraph.iter():  # type: ignore[attr-defined]
        tag = el.tag
        if tag == f"{_W}t":
            out.append(el.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
            kind = "f" if tag.endswith("footnoteReference") else "e"
            key = f"{kind}{el.get(f'{_W}id')}"
            numbers.setdefault(key, str(len(numbers) + 1))
            out.append(numbers[key].translate(_SUPERSCRIPT))
    return "".join(out).strip()


def _footnotes(data: bytes, numbers: dict[str, str]) -> list[str]:
    """Referenced footnotes and endnotes as "N. text", in reference order."""
    if not numbers:
        return []
    from docx.oxml import parse_xml

    found: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part, kind, tag in (
            ("word/footnotes.xml", "f", "footnote"),
            ("word/endnotes.xml", "e", "endnote"),
        ):
            if part not in names:
                continue
            root = parse_xml(archive.read(part))
            for note in root.iter(f"{_W}{tag}"):
                key = f"{kind}{note.get(f'{_W}id')}"
                if key in numbers:
                    text = " ".join(_runs(p, {}) for p in note.iter(f"{_W}p"))
                    found[key] = re.sub(r"\s+", " ", text).strip()
    return [f"{numbers[k]}. {found[k]}" for k in sorted(found, key=lambda k: int(numbers[k]))]


DOCX = Reader(
    name="docx",
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    suffixes=(".docx",),
    read=read_docx,
    sniff=require_zip,
)
