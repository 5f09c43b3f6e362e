"""HTML reader: trafilatura main-text extraction, lxml fallback, footnote lists kept."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from lxml import etree, html

from claimgraph.ingest.readers.base import Parsed, Reader, Refused, tidy
from claimgraph.ingest.readers.guard import decode_text, sniff_text
from claimgraph.ingest.readers.meta import clean_title, parse_date, split_authors

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BLOCKS = {"p", "head", "quote", "code", "list", "table", "row", "div"}
# Never text, whatever the extractor decides: dropped before the fallback too.
_NOISE = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "iframe",
    "svg",
    "form",
    "button",
)
_NOTE_ID = re.compile(r"^(?:fn|footnote|endnote|note|_?ftn|_?edn)[-_:]?(?P<n>\d+)$", re.I)
_NOTE_BOX = re.compile(r"foot-?notes?|end-?notes?", re.I)


def read_html(path: Path, data: bytes) -> Parsed:
    """Read an HTML page's main text and its title, author and date."""
    declared = _META_CHARSET.search(data[:4096])
    text, _ = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text = tidy(text)
    # lxml refuses str input carrying an encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise Refused(f"invalid HTML: {err}") from err
    _prune(tree)
    body, title, author, date = _trafilatura(copy.deepcopy(tree))
    used = None
    if not body.strip():
        body, used = _fallback(tree), "html/lxml"
    if not body.strip():
        raise Refused("HTML has no main text")
    notes = _footnotes(tree, body)
    if notes:
        body = body.rstrip() + "\n\nNotes\n\n" + "\n".join(notes)
    return Parsed(
        text=body,
        title=clean_title(title) or _tree_title(tree),
        authors=split_authors(author),
        published=parse_date(date),
        reader=used,
    )


def _prune(tree: html.HtmlElement) -> None:
    """Drop code, styles and navigation before extraction, so they can never
    reach the text; JSON-LD metadata scripts stay for the metadata."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//nav|//iframe|//svg|//object|//embed"):
        if bad.tag == "script" and (bad.get("type") or "").lower() == "application/ld+json":
            continue
        bad.drop_tree()


def _trafilatura(tree: html.HtmlElement) -> tuple[str, str | None, str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        favor_recall=True,
        include_tables=True,
        include_formatting=True,
        with_metadata=True,
    )
    if doc is None:
        return "", None, None, None
    body = _render(doc.body) if getattr(doc, "body", None) is not None else (doc.text or "")
    return body, doc.title, doc.author, doc.date


def _render(root: etree._Element) -> str:
    """Text of trafilatura's XML body: blocks become paragraphs (blank line
    between them), list items and table rows single lines, superscript note
    numbers become superscript digits so cleanup can find the markers."""
    parts: list[str] = []

    def inline(el: etree._Element) -> str:
        out = [el.text or ""]
        for child in el:
            if child.tag == "lb":
                out.append("\n")
            elif child.tag == "hi" and child.get("rend") == "#sup" and (child.text or "").strip().isdigit():
                out.append(child.text.strip().translate(_SUPERSCRIPT))
            else:
                out.append(inline(child))
            out.append(child.tail or "")
        return "".join(out)

    def block(el: etree._Element) -> None:
        if el.tag == "list":
            items = [re.sub(r"\s+", " ", inline(i)).strip() for i in el if i.tag == "item"]
            parts.append("\n".join(f"- {i}" for i in items if i))
        elif el.tag == "table":
            rows = [" | ".join(inline(c).strip() for c in row) for row in el if row.tag == "row"]
            parts.append("\n".join(r for r in rows if r.strip(" |")))
        elif any(child.tag in _BLOCKS for child in el):
            if (el.text or "").strip():
                parts.append(el.text.strip())
            for child in el:
                block(child) if child.tag in _BLOCKS else parts.append(inline(child))
                if (child.tail or "").strip():
                    parts.append(child.tail.strip())
        else:
            parts.append(re.sub(r"[ \t]+", " ", inline(el)).strip())

    for child in root:
        block(child)
    return "\n\n".join(p for p in parts if p.strip())


def _fallback(tree: html.HtmlElement) -> str:
    """Text of <body> minus noise elements, one paragraph per block element."""
    body = tree.find("body")
    if body is None:
        return ""
    body = _strip_noise(body)
    for el in body.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    text = body.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _strip_noise(el: html.HtmlElement) -> html.HtmlElement:
    copy = html.fromstring(html.tostring(el))
    for bad in copy.xpath("|".join(f"//{t}" for t in _NOISE)):
        bad.drop_tree()
    for comment in copy.xpath("//comment()"):
        comment.getparent().remove(comment)
    return copy


def _footnotes(tree: html.HtmlElement, body: str) -> list[str]:
    """Footnote/endnote entries the main-text extraction dropped, as "N. text".

    Found by id (fn1, footnote-2, _ftn3...) or as items of a list inside a
    container whose class/id names footnotes or endnotes.
    """
    found: dict[str, str] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NOISE:
            continue
        m = _NOTE_ID.match(el.get("id") or el.get("name") or "")
        if m and el.tag in ("li", "p", "div", "aside", "section"):
            found.setdefault(m["n"], _note_text(el))
        elif _NOTE_BOX.search(f"{el.get('class', '')} {el.get('id', '')}"):
            for ol in el.iter("ol"):
                start = int(ol.get("start", "1")) if ol.get("start", "1").isdigit() else 1
                for i, li in enumerate(ol.iterchildren("li"), start=start):
                    found.setdefault(str(i), _note_text(li))
    flat = re.sub(r"\s+", " ", body)
    notes = []
    for number, text in sorted(found.items(), key=lambda kv: int(kv[0])):
        text = re.sub(r"^\[?\d+\]?[.)]?\s*", "", text)
        if text and text[:60] not in flat:
            notes.append(f"{number}. {text}")
    return notes


def _note_text(el: html.HtmlElement) -> str:
    clean = _strip_noise(el)
    for back in clean.xpath(
        './/a[contains(@class, "backref") or contains(@class, "footnote-back") or @rev="footnote"]'
    ):
        back.drop_tree()
    text = re.sub(r"\s+", " ", clean.text_content()).strip()
    return re.sub(r"[\s↩\ufe0e\ufe0f]+$", "", text)


def _tree_title(tree: html.HtmlElement) -> str | None:
    title = tree.findtext(".//title")
    return clean_title(title)


HTML = Reader(
    name="html/trafilatura",
    media_type="text/html",
    suffixes=(".html", ".htm", ".xhtml"),
    read=read_html,
    sniff=sniff_text,
)
