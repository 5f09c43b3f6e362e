"""Metadata helpers shared by the readers: dates, author lists, titles."""

from __future__ import annotations

import re

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:18|19|20|21)\d\d)"

_PATTERNS = [
    re.compile(r"^D:(?P<year>\d{4})(?P<month>\d\d)?(?P<day>\d\d)?"),  # PDF date
    re.compile(r"^" + _YEAR + r"(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?(?:[T ]|$)"),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"^\s*" + _YEAR + r"\s*$"),
]


def parse_date(value: object) -> str | None:
    """An ISO date, partial allowed ("2021", "2021-03", "2021-03-12"), or None.

    Accepts ISO strings, PDF dates (``D:20210312...``), "12 March 2021",
    "March 12, 2021", "March 2021" and a bare year.  Anything it cannot read
    unambiguously (e.g. "03/04/2021") gives None rather than a guess.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text or len(text) > 200:
        return None
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        month = _month_number(groups.get("month"))
        day = int(groups["day"]) if groups.get("day") else None
        if not 1800 <= year <= 2199:
            continue
        if month is None:
            return f"{year:04d}"
        if not 1 <= month <= 12:
            return f"{year:04d}"
        if day is None or not 1 <= day <= 31:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _month_number(raw: str | None) -> int | None:
    if not raw:
        return None
    if raw.isdigit():
        return int(raw)
    return _MONTHS.get(raw.lower().rstrip("."))


_AUTHOR_SEP = re.compile(r"\s*(?:;|\band\b|&|\n|\|)\s*", re.I)


def split_authors(value: object) -> list[str]:
    """Split an author field ("A; B", "A and B", "A, B") into names.

    A comma separates authors only when every piece has two words or more, so
    "Roe, Jane" stays one name.
    """
    if value is None:
        return []
    text = re.sub(r"\s+", " ", str(value)).strip()
    text = re.sub(r"^(?:by|authors?)\s*:?\s+", "", text, flags=re.I)
    names: list[str] = []
    for part in _AUTHOR_SEP.split(text):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and all(" " in p for p in pieces):
            names.extend(pieces)
        elif part.strip(" ,"):
            names.append(part.strip(" ,"))
    seen: set[str] = set()
    unique = []
    for name in names:
        if name.lower() not in seen and len(name) <= 100:
            seen.add(name.lower())
            unique.append(name)
    return unique


def clean_title(value: object) -> str | None:
    """A title with whitespace collapsed and Markdown emphasis removed, or None."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    text = re.sub(r"(\*\*|__|\*|`)", "", text).strip()
    text = text.strip("#").strip()
    if not text or len(text) > 300:
        return None
    return text
