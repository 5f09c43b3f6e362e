"""Plain text and Markdown reader."""

from __future__ import annotations

import re
from pathlib import Path

from claimgraph.ingest.readers.base import Parsed, Reader, tidy
from claimgraph.ingest.readers.guard import decode_text, sniff_text
from claimgraph.ingest.readers.meta import clean_title, parse_date, split_authors

_HEAD_LINES = 30  # metadata lines are looked for among the first non-empty lines
_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(?P<value>.+?)\s*$")
_BYLINE = re.compile(r"^\s*(?:\*\*|_)?by\s+(?P<names>[A-Z][^\n]{1,150}?)(?:\*\*|_)?\s*$", re.I)
_ATX = re.compile(r"^\s{0,3}(?P<level>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_AUTHOR_KEYS = {"author", "authors", "by", "written by"}
_DATE_KEYS = {"date", "published", "publication date", "published on", "dated"}
_TITLE_KEYS = {"title"}


def read_text(path: Path, data: bytes) -> Parsed:
    """Read a plain-text or Markdown file: charset detection, newline tidy,
    title/author/date from front matter, "Author:"/"Date:" lines or a byline."""
    text, _encoding = decode_text(data)
    text = tidy(text)
    fields, text = _front_matter(text)
    lines = [line for line in text.split("\n") if line.strip()][:_HEAD_LINES]
    for key, value in _field_lines(lines):
        fields.setdefault(key, value)
    authors = split_authors(_first(fields, _AUTHOR_KEYS))
    if not authors:
        authors = _byline(lines)
    published = parse_date(_first(fields, _DATE_KEYS))
    title = clean_title(_first(fields, _TITLE_KEYS)) or _title(text)
    return Parsed(text=text, title=title, authors=authors, published=published)


def _first(fields: dict[str, str], keys: set[str]) -> str | None:
    return next((fields[k] for k in fields if k in keys), None)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``---`` front matter (key: value lines); returns fields and the rest."""
    if not text.startswith("---\n"):
        return {}, text
    lines = text.split("\n", 80)
    for i, line in enumerate(lines[1:80], start=1):
        if line.strip() in ("---", "..."):
            fields = dict(_field_lines(lines[1:i]))
            rest = "\n".join(lines[i + 1 :]) if i + 1 < len(lines) else ""
            return fields, rest.lstrip("\n")
    return {}, text


def _field_lines(lines: list[str]) -> list[tuple[str, str]]:
    found = []
    for line in lines:
        m = _FIELD.match(line)
        if m:
            key = m["key"].strip().lower().replace("_", " ").replace("-", " ")
            value = m["value"].strip().strip("\"'")
            if value and key in _AUTHOR_KEYS | _DATE_KEYS | _TITLE_KEYS:
                found.append((key, value))
    return found


def _byline(lines: list[str]) -> list[str]:
    for line in lines[:12]:
        m = _BYLINE.match(line)
        if m and not m["names"].rstrip().endswith("."):
            names = split_authors(m["names"])
            if names and all(_looks_like_name(n) for n in names):
                return names
    return []


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(
        w[0].isupper() or w.lower() in {"de", "van", "al", "bin"} for w in words
    )


def _title(text: str) -> str | None:
    """First Markdown heading near the top, else the first short line."""
    lines = text.split("\n")[:200]
    for i, line in enumerate(lines):
        m = _ATX.match(line)
        if m:
            return clean_title(m["title"])
        if (
            line.strip()
            and i + 1 < len(lines)
            and _SETEXT.match(lines[i + 1])
            and lines[i + 1].strip()[0] == "="
        ):
            return clean_title(line)
    first = next((line.strip() for line in lines if line.strip()), "")
    if first and len(first) <= 150 and not first.endswith((".", ",", ";")):
        return clean_title(first)
    return None


TEXT = Reader(
    name="text",
    media_type="text/plain",
    suffixes=(".txt", ".text"),
    read=read_text,
    sniff=sniff_text,
)
MARKDOWN = Reader(
    name="text",
    media_type="text/markdown",
    suffixes=(".md", ".markdown"),
    read=read_text,
    sniff=sniff_text,
)
