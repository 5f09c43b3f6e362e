"""The document's own date, and the date parsing that citations share.

``document_date`` answers "when was this written?", which later stages use
to resolve "this year" or "in May".  It prefers the reader's metadata, then a
dated line in the text ("originally published on 4 June 2021", a
dateline), and falls back on the notes: a report is written after the
latest source it cites or accessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.records import Citation, CleanText, Document

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_ISO = re.compile(rf"\b({_YEAR})-([01]\d)(?:-([0-3]\d))?\b")
_MDY = re.compile(rf"\b({MONTH})\s+({_DAY}),?\s+({_YEAR})\b", re.IGNORECASE)
_DMY = re.compile(rf"\b({_DAY})(?:\s+of)?\s+({MONTH}),?\s+({_YEAR})\b", re.IGNORECASE)
_MY = re.compile(rf"\b({MONTH}),?\s+({_YEAR})\b", re.IGNORECASE)
_SEASON_Y = re.compile(rf"\b(?:spring|summer|autumn|fall|winter|early|mid|late)\s+({_YEAR})\b", re.IGNORECASE)
_Y = re.compile(rf"(?<![\d/.-])({_YEAR})(?![\d/]|-\d)")
_RANGE = re.compile(
    rf"\b{MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\s*(?:[–—-]|to)\s*{MONTH}\s+{_DAY},?\s+{_YEAR}\b"
    rf"|\b{_DAY}\s+{MONTH}(?:\s+{_YEAR})?\s*(?:[–—-]|to)\s*{_DAY}\s+{MONTH},?\s+{_YEAR}\b",
    re.IGNORECASE,
)
_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted|appeared)\b[^.\n]{0,60}?\b(?:on|in)\s+"
    r"|\bthis (?:article|piece|commentary|paper|report) (?:was )?(?:first )?(?:published|appeared)\b[^.\n]{0,60}?"
    r"\b(?:on|in)\s+",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^\W*(?:date|published|posted|last updated|updated|first published)\s*(?:on)?\s*:?\s*", re.IGNORECASE
)


@dataclass
class DateSpan:
    start: int
    end: int
    iso: str


def _month(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def find_dates(text: str, years: bool = True) -> list[DateSpan]:
    """Absolute dates in ``text`` as ISO partials, most precise reading of each span first.

    With ``years`` a bare year ("2018") counts too.
    """
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], iso: str) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateSpan(m.start(), m.end(), iso))

    for m in _ISO.finditer(text):
        add(m, "-".join(g for g in m.groups() if g))
    for m in _MDY.finditer(text):
        add(m, f"{m.group(3)}-{_month(m.group(1)):02d}-{_day(m.group(2)):02d}")
    for m in _DMY.finditer(text):
        add(m, f"{m.group(3)}-{_month(m.group(2)):02d}-{_day(m.group(1)):02d}")
    for m in _MY.finditer(text):
        add(m, f"{m.group(2)}-{_month(m.group(1)):02d}")
    for m in _SEASON_Y.finditer(text):
        add(m, m.group(1))
    if years:
        for m in _Y.finditer(text):
            add(m, m.group(1))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str, years: bool = True) -> str | None:
    """The first date in ``text`` as an ISO partial ("2020-05-17", "2020-06", "2018"), or None."""
    dates = find_dates(text, years)
    return dates[0].iso if dates else None


def is_range(text: str) -> bool:
    """True when ``text`` holds a period between two dates ("July 1–September 30, 2019")."""
    return bool(_RANGE.search(text))


def _normalise_published(value: str) -> str | None:
    if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value.strip()):
        return value.strip()
    return parse_date(value)


def _dated_line(text: str) -> str | None:
    for m in _ORIGINALLY.finditer(text):
        d = find_dates(text[m.end() : m.end() + 40], years=False)
        if d and d[0].start == 0:
            return d[0].iso
    for line in text.splitlines():
        if len(line) < 120 and _DATE_LABEL.match(line.strip("*_ ")):
            d = find_dates(_DATE_LABEL.sub("", line.strip("*_ ")), years=False)
            if d and d[0].start == 0:
                return d[0].iso
    for line in text[:600].splitlines():
        line = _DATE_LABEL.sub("", line.strip().strip("*_ "))
        d = find_dates(line, years=False)
        if not d:
            continue
        pre, rest = line[: d[0].start].strip(), line[d[0].end :].strip()
        # a line that is only a date, or a dateline "KABUL, March 3, 2020 — …"
        if (not pre or re.fullmatch(r"[A-Z][A-Z .'-]{1,30},", pre)) and (len(rest) <= 2 or rest[0] in "—–-"):
            return d[0].iso
    return None


def _from_citations(citations: list[Citation]) -> str | None:
    dates = [d for c in citations for d in (c.date, c.accessed) if d]
    if not dates:
        return None
    dates.sort(key=lambda d: (d[:4], d[5:7] or "00", d[8:10] or "00"))
    if len(dates) > 2 and int(dates[-1][:4]) - int(dates[-2][:4]) > 2:
        dates.pop()  # a lone far-off year is a typo in a note, not the writing date
    return dates[-1][:7]


def document_date(doc: Document, clean: CleanText, citations: list[Citation]) -> str | None:
    """The document's own date (ISO partial): metadata, else a dated line, else its notes.

    From the notes the answer is the latest publication or access date among
    the citations, cut to year-month (or year).
    """
    if doc.published:
        iso = _normalise_published(doc.published)
        if iso:
            return iso
    return _dated_line(doc.text) or _from_citations(citations)
