"""Page furniture: what a page carries besides the article.

``mark_furniture`` marks the paragraph blocks that are page numbers, running
heads and feet, author blurbs and bylines, disclaimers, keyword lines and web
boilerplate, and says which of them signal the end of the article.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from claimgraph.ingest.notes import Block
from claimgraph.records import Document

_PAGE_NO = re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", re.IGNORECASE)
_ROLE = (
    r"(?i:fellow|associate|professor|analyst|researcher|director|editor|scholar|consultant|lecturer|"
    r"journalist|correspondent|student|officer|head|coordinator|chair|advis[eo]r|founder|expert|"
    r"manager|specialist|candidate|intern|writer|reporter)"
)
_BLURB = re.compile(
    r"^\W*(?:(?:Mr|Ms|Mrs|Dr|Prof|Professor|Col|Lt|Gen|Maj|Brig|Amb)\.?\s+)*"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:is|was|serves as|works as)\s+"
    rf"(?:(?:a|an|the|currently|presently)\s+)*(?:[\w-]+\s+){{0,4}}?{_ROLE}s?\b"
    r"|^\W*The authors?\s+(?:is|are)\b"
)
_AFFILIATION = re.compile(
    rf"^\W*(?:(?:Senior|Junior|Research|Visiting|Assistant|Associate|Distinguished)\s+)*{_ROLE}s?\b"
)
_DISCLAIMER = re.compile(
    r"^\W*\(?\s*Disclaimer\b|views?\s+(?:and\s+opinions?\s+)?expressed\b.{0,80}\b(?:are|is)\s+(?:those|solely|the)\b",
    re.IGNORECASE,
)
_KEYWORDS = re.compile(r"^\W*(?:key\s*words|tags|topics)\s*:", re.IGNORECASE)
_BOILER = re.compile(
    r"^\W*(?:leave a (?:reply|comment)|share (?:this|on)\b|related (?:articles|posts|stories|content|reading)|"
    r"read (?:more|also|next)\b|you (?:may|might) also like|subscribe\b|sign up\b|follow us\b|about the authors?\b|"
    r"©|copyright\b|all rights reserved)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:originally|first)\s+published\b|\bthis (?:article|piece|commentary|paper) (?:first )?appeared\b"
    r"|^\W*(?:published|posted|last updated|updated)\s*(?:on)?\s*:?\s*\w+",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z'’-]+|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)*|(?:al|el|bin|ibn|van|von|de|da)-?)$"
)
_NOT_NAME = {
    "the", "of", "and", "in", "on", "for", "introduction", "abstract", "summary", "conclusion", "state",
    "province", "group", "network", "contents", "notes", "background", "overview",
}  # fmt: skip


def _name_like(text: str) -> bool:
    tokens = text.replace(",", " ").split()
    return 2 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(t) and t.lower() not in _NOT_NAME for t in tokens)


def _byline(line: str, authors: set[str]) -> bool:
    """A line naming the author(s) or their affiliation ("By Jane Roe", "Senior Fellow, X")."""
    t = re.sub(r"^\W*by\s+", "", line.strip(), flags=re.IGNORECASE).strip(" *_")
    return t.lower() in authors or _name_like(t) or bool(_AFFILIATION.match(t) and len(t) < 120)


def _head_key(text: str) -> str:
    return re.sub(r"\d+", "#", text).lower()


def _page_edge_heads(blocks: list[Block], src: str, texts: dict[int, str]) -> set[str]:
    """Short lines found at the top or bottom of two or more pages (running heads and feet)."""
    breaks = [m.start() for m in re.finditer("\f", src)]
    if not breaks:
        return set()
    pages: dict[int, list[int]] = {}
    for i in texts:
        pages.setdefault(bisect.bisect_left(breaks, blocks[i].start), []).append(i)
    seen: dict[str, set[int]] = {}
    for page, idx in pages.items():
        for i in idx[:2] + idx[-2:]:
            if len(texts[i]) <= 80:
                seen.setdefault(_head_key(texts[i]), set()).add(page)
    return {k for k, p in seen.items() if len(p) >= 2}


def mark_furniture(blocks: list[Block], src: str, doc: Document) -> list[int]:
    """Mark page furniture; return the indices of blocks that signal the article's end."""
    texts = {i: b.text(src).strip() for i, b in enumerate(blocks) if b.kind == "body"}
    heads = Counter(_head_key(t) for t in texts.values() if len(t) <= 80)
    edge_heads = _page_edge_heads(blocks, src, texts)
    first_long = next((i for i, t in texts.items() if len(t) >= 150), len(blocks))
    authors = {a.lower() for a in doc.authors}
    enders = []
    first = min(texts, default=0)
    for i, t in texts.items():
        b = blocks[i]
        short = len(t) < 400
        if i < first_long:
            # front matter: drop byline and affiliation lines, keep the title
            keep = [
                ln
                for k, ln in enumerate(b.lines)
                if (i == first and k == 0) or not _byline(src[ln[0] : ln[1]], authors)
            ]
            if not keep:
                b.kind = "furniture"
                continue
            b.lines = keep
            t = b.text(src).strip()
        if (
            _PAGE_NO.match(t)
            or (len(t) <= 80 and (heads[_head_key(t)] >= 3 or _head_key(t) in edge_heads))
            or (short and _BLURB.match(t))
            or (len(t) < 700 and _DISCLAIMER.search(t))
            or _KEYWORDS.match(t)
            or (len(t) < 120 and (_BOILER.match(t) or _PUBLISHED.search(t)))
            or re.sub(r"^\W*by\s+", "", t.lower()) in authors
        ):
            b.kind = "furniture"
            if len(t) < 700 and (_DISCLAIMER.search(t) or _BOILER.match(t) or _PUBLISHED.search(t)):
                enders.append(i)
    return enders
