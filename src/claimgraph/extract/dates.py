"""Date expressions in running text, normalised to ISO partial dates.

``find_dates`` scans a text for absolute dates ("26th January 2015", "March 25,
2020", "May 2020", "in late 2019", "2015"), dates without a year ("on 21
November", "March 8th", "in May"), ranges ("between the 3rd and 9th of
June", "from April 2018 to January 2019", "2014-2015") and relative
expressions ("this year", "last year", "earlier this month", "two years ago",
"a few weeks later").  Each becomes a ``DateMention`` whose ``iso`` has the
precision the text supports: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Partial dates resolve against the document's own date (``doc_date``): a
month without a year takes the document's year, or the previous year when
that month comes after the document's month; "this year" is the document's
year and "last year" the one before.  Without a document date such mentions
keep ``iso = None``.  Qualified years ("late 2019", "summer of 2018") keep
year precision.  A range normalises to the part both ends share ("3rd-9th
June 2019" → ``2019-06``); when the ends share nothing ("2014-2015", "from
April 2018 to January 2019") ``iso`` is the start and ``until`` the end,
so a caller that wants the end of the period (an estimate's ``as_of``) can
take it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# Nouns that, right after a four-digit number, make it a count, not a year.
COUNTED = (
    "people|persons|fighters|militants|members|men|women|children|soldiers|troops|"
    "civilians|recruits|attacks|families|dollars|rockets|prisoners|casualties|deaths"
)

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# Months must be capitalised ("may" and "march" are common words); abbreviations take an optional dot.
_MON = (
    r"\b(?:"
    + "|".join(
        n.capitalize() + (r"\.?" if len(n) <= 4 and n not in ("june", "july") else "") for n in _MONTH_NAMES
    )
    + "|"
    + "|".join(n.upper() for n in _MONTH_NAMES if len(n) > 4)
    + r")(?![A-Za-z])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR_END = rf"(?![\d%]|s\b|'s\b|,\d|\s+(?:{COUNTED})\b)"
_QUAL = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    r"first\s+half\s+of|second\s+half\s+of|spring(?:\s+of)?|summer(?:\s+of)?|autumn(?:\s+of)?|"
    r"fall\s+of|winter(?:\s+of)?)[\s-]+)"
)
_PREP = r"(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|of|on|[Tt]hrough|[Bb]efore|[Aa]fter|and|to|[Ll]ast|[Tt]his|[Nn]ext)"
# Range connectors: "between A and B", "from A to B", "A to B", "A-B".
_TO = r"(?:\s*(?:-|–|—)\s*|\s+(?:to|until|till|through)\s+)"


def _ranged(a: str, b: str) -> str:
    """Pattern for a range ``a``..``b``: "between A and B", "from A to B", "A to B", "A-B"."""
    return rf"(?:(?P<btw>between\s+)|from\s+)?{a}(?(btw)\s+and\s+|{_TO}){b}"


_NOT_AFTER_NUM = r"(?<![\d,.$/#£€])(?<!\w-)(?<!\w)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"(?<![\d/])(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    ),
    (
        "day_range",
        re.compile(
            _ranged(rf"(?:the\s+)?(?P<d>{_DAY})", rf"(?:the\s+)?(?P<d2>{_DAY})")
            + rf"(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?",
        ),
    ),
    (
        "month_range",
        re.compile(
            _ranged(rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?", rf"(?P<mon2>{_MON})")
            + rf"(?:,?\s+(?P<y2>{_YEAR}){_YEAR_END})?"
        ),
    ),
    (
        "year_range",
        re.compile(_NOT_AFTER_NUM + _ranged(rf"(?P<y>{_YEAR})", rf"(?P<y2>{_YEAR}|\d\d)") + _YEAR_END),
    ),
    (
        "dmy",
        re.compile(
            rf"(?<![\d,.])(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
        ),
    ),
    ("mdy", re.compile(rf"(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?(?![\d,]\d)")),
    ("my", re.compile(rf"(?:{_QUAL})?(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}")),
    ("qual_year", re.compile(rf"\b{_QUAL}(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}")),
    (
        "month",
        re.compile(rf"\b{_PREP}\s+(?P<span>(?:(?:early|mid|late)[\s-]+)?(?P<mon>{_MON}))(?![\w-]|\s+\d)"),
    ),
    ("year", re.compile(_NOT_AFTER_NUM + rf"(?P<y>{_YEAR}){_YEAR_END}(?!-\d)")),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>(?:earlier|later)\s+(?:this|that)\s+(?:year|month)|this\s+(?:year|month)|"
            r"last\s+(?:year|month)|the\s+previous\s+(?:year|month)|the\s+following\s+(?:year|month)|"
            r"next\s+(?:year|month)|that\s+(?:same\s+)?(?:year|month))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"a\s+few|a\s+couple\s+of|several|few)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
            r"(?P<dir>ago|later|earlier|after|before|afterwards)\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text; ``iso`` is ``None`` when it cannot be resolved."""

    start: int
    end: int
    text: str
    iso: str | None
    precision: str | None  # "day" | "month" | "year" | None
    until: str | None = None  # end of a range, when the range has one
    relative: bool = False  # needed the document date (or an anchor) to resolve

    @property
    def year(self) -> int | None:
        return int(self.iso[:4]) if self.iso else None

    @property
    def last(self) -> str | None:
        """The latest point the mention covers: ``until`` for a range, else ``iso``."""
        return self.until or self.iso


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """``"2020-05"`` → ``(2020, 5, None)``; anything else → ``None``."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    month = int(mo) if mo and 1 <= int(mo) <= 12 else None
    day = int(d) if d and month and 1 <= int(d) <= calendar.monthrange(y, month)[1] else None
    return y, month, day


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    """Format a (partial) date, dropping parts that would make it invalid."""
    if y is None or not 1 <= y <= 9999:
        return None
    if m is None or not 1 <= m <= 12:
        return f"{y:04d}"
    if d is None or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _precision(iso: str | None) -> str | None:
    if iso is None:
        return None
    return {4: "year", 7: "month", 10: "day"}[len(iso)]


def _month(name: str | None) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group()) if text else None  # type: ignore[union-attr]


def year_for_month(month: int, doc_date: str | None) -> int | None:
    """The year of a month named without one: the document's, or the year before if later."""
    anchor = parse_iso(doc_date)
    if anchor is None:
        return None
    year, doc_month, _ = anchor
    if doc_month is not None and month > doc_month:
        return year - 1
    return year


def _common(a: str | None, b: str | None) -> str | None:
    """The shared ISO prefix of two dates at a whole precision, or ``None``."""
    if not a or not b:
        return None
    for n in (10, 7, 4):
        if len(a) >= n and len(b) >= n and a[:n] == b[:n]:
            return a[:n]
    return None


def _range(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    common = _common(a, b)
    if common:
        return common, None
    return a, b


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _relative(phrase: str, doc_date: str | None) -> str | None:
    anchor = parse_iso(doc_date)
    if anchor is None:
        return None
    y, m, _ = anchor
    p = " ".join(phrase.lower().split())
    unit = "month" if p.endswith("month") else "year"
    if p.startswith(("last", "the previous")):
        delta = -1
    elif p.startswith(("next", "the following")):
        delta = 1
    elif p.startswith("that"):
        return None  # anaphoric: needs the narrative's time, not the document's
    else:
        delta = 0
    if unit == "year":
        return _iso(y + delta)
    if m is None:
        return None
    y2, m2 = _shift_month(y, m, delta)
    return _iso(y2, m2)


def _ago(n_text: str, unit: str, direction: str, doc_date: str | None) -> str | None:
    if direction.lower() != "ago":
        return None  # "later"/"after" count from a time in the narrative, unknown here
    n = SMALL_NUMBERS.get(n_text.lower()) if not n_text.isdigit() else int(n_text)
    anchor = parse_iso(doc_date)
    if n is None or anchor is None:
        return None
    y, m, _ = anchor
    unit = unit.lower().rstrip("s")
    if unit == "year":
        return _iso(y - n)
    if unit == "month" and m is not None:
        return _iso(*_shift_month(y, m, -n))
    return None


def _resolve(
    kind: str, g: dict[str, str | None], doc_date: str | None
) -> tuple[str | None, str | None, bool]:
    """(iso, until, relative) for one regex match."""
    if kind == "iso":
        return _iso(int(g["y"]), int(g["m"]), int(g["d"])), None, False  # type: ignore[arg-type]
    if kind == "relative":
        return _relative(g["rel"] or "", doc_date), None, True
    if kind == "ago":
        return _ago(g["n"] or "", g["unit"] or "", g["dir"] or "", doc_date), None, True
    if kind in ("year", "qual_year"):
        return _iso(int(g["y"])), None, False  # type: ignore[arg-type]
    if kind == "year_range":
        y1 = int(g["y"])  # type: ignore[arg-type]
        y2_text = g["y2"] or ""
        y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
        if y2 <= y1:
            return _iso(y1), None, False
        return _iso(y1), _iso(y2), False
    mon = _month(g.get("mon"))
    assert mon is not None
    year = int(g["y"]) if g.get("y") else None
    if kind == "month_range":
        mon2 = _month(g.get("mon2"))
        y2 = int(g["y2"]) if g.get("y2") else None
        relative = year is None and y2 is None
        if y2 is None:
            y2 = year_for_month(mon2, doc_date) if mon2 else None
        if year is None:
            year = y2 if (y2 is not None and mon2 and mon <= mon2) else (y2 - 1 if y2 else None)
        return (*_range(_iso(year, mon), _iso(y2, mon2)), relative)
    relative = year is None
    if year is None:
        year = year_for_month(mon, doc_date)
    if kind == "day_range":
        a, b = _iso(year, mon, _day(g["d"])), _iso(year, mon, _day(g["d2"]))
        return (*_range(a, b), relative)
    if kind in ("dmy", "mdy"):
        return _iso(year, mon, _day(g["d"])), None, relative
    return _iso(year, mon), None, relative  # "my", "month"


def find_dates(text: str, doc_date: str | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, longest match first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("span") if "span" in pattern.groupindex else m.span()
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            iso, until, relative = _resolve(kind, m.groupdict(), doc_date)
            found.append(DateMention(start, end, text[start:end], iso, _precision(iso), until, relative))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    return found


def normalise(expression: str, doc_date: str | None = None) -> str | None:
    """ISO partial date of a single date expression ("March 25, 2020" → "2020-03-25"), else ``None``."""
    for mention in find_dates(expression, doc_date):
        if mention.iso:
            return mention.iso
    return None


def years_in(text: str) -> list[int]:
    """Years of the resolvable absolute dates in ``text`` (handy for "as of" checks)."""
    return [d.year for d in find_dates(text) if d.year is not None]
