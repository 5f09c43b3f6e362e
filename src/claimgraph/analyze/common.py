"""What every cross-document analysis shares: canonical ids, partial dates, explained scores.

``Canonical`` maps a document-local entity id to a knowledge-base-wide id.
The analyses never decide entity identity themselves: they take the mapping
as an argument, so the resolution stage can be swapped in.  The default,
``local_ids``, keeps the local id, which already agrees across documents for
actors known to a domain pack (their local id is the slug of the pack id).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimgraph.records import AUTHOR

AUTHOR_NAME = "the author"

Canonical = Callable[[int, str], str]
"""(document row id, document-local entity id) → canonical entity id."""


def local_ids(document: int, local_id: str) -> str:
    """The default ``Canonical``: the local id itself."""
    return local_id


def locals_of(canonical: Canonical, ids: Iterable[str], also: Iterable[str] = ()) -> set[str] | None:
    """Document-local ids that may map to these canonical ids, to narrow a query before mapping;
    None when the mapping cannot say (then every row must be mapped).

    The default mapping keeps local ids, so they are the canonical ids themselves.  An injected
    mapping can offer ``locals_of(canonical_id) -> iterable of local ids``; ``also`` adds local ids
    already known to match (e.g. found by name).
    """
    ids = set(ids)
    if canonical is local_ids:
        return ids | set(also)
    inverse = getattr(canonical, "locals_of", None)
    if inverse is None:
        return None
    return {local for i in ids for local in inverse(i)} | ids | set(also)


def canonical_version(canonical: Canonical) -> str:
    """A label of the mapping for caches: its ``version`` attribute, else its qualified name."""
    version = getattr(canonical, "version", None)
    if version:
        return str(version)
    return f"{getattr(canonical, '__module__', '?')}.{getattr(canonical, '__qualname__', '?')}"


def speaker_id(canonical: Canonical, document: int, by: str) -> str:
    """Canonical id of a speaker; the author of a document stays ``author``."""
    return AUTHOR if by == AUTHOR else canonical(document, by)


# -- explained scores ---------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One feature's contribution to a verdict: ``weight`` × ``value`` with what it saw."""

    feature: str
    weight: float
    value: float
    detail: str

    @property
    def points(self) -> float:
        return self.weight * self.value

    def __str__(self) -> str:
        return f"{self.feature} {self.points:+.2f}: {self.detail}"

    def to_dict(self) -> dict[str, object]:
        return {"feature": self.feature, "points": round(self.points, 3), "detail": self.detail}


@dataclass
class Verdict:
    """A score with the reasons behind it; ``vetoed`` names a feature that ruled it out."""

    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    vetoed: Reason | None = None

    def add(self, reason: Reason) -> None:
        self.reasons.append(reason)
        self.score += reason.points


# -- partial ISO dates --------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) of a partial ISO date; None when unreadable."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def precision(value: str | None) -> int:
    """0 for no date, 1 year, 2 month, 3 day."""
    parsed = parse_date(value)
    return len(parsed) if parsed else 0


def truncate(value: str | None, level: int) -> str | None:
    """The date cut to ``level`` parts (1 year, 2 month, 3 day)."""
    parsed = parse_date(value)
    if not parsed:
        return None
    parts = parsed[:level]
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def coarse_agree(a: str | None, b: str | None) -> bool | None:
    """Do two dates agree at the coarser of their precisions?  None when one is missing."""
    pa, pb = parse_date(a), parse_date(b)
    if not pa or not pb:
        return None
    level = min(len(pa), len(pb))
    return pa[:level] == pb[:level]


def days_apart(a: str | None, b: str | None) -> int | None:
    """Approximate distance in days between the starts of two dates, at their coarser precision."""
    pa, pb = parse_date(a), parse_date(b)
    if not pa or not pb:
        return None
    level = min(len(pa), len(pb))

    def day_number(p: tuple[int, ...]) -> int:
        year, month, day = (*p[:level], 1, 1)[:3] if level < 3 else p[:3]
        return year * 372 + (month - 1) * 31 + (day - 1)

    return abs(day_number(pa) - day_number(pb))


def sort_key(value: str | None) -> str:
    """Order dates as text; undated last."""
    return value or "9999"


def within(value: str | None, start: str | None, end: str | None) -> bool:
    """Does a partial date overlap the closed range [start, end]?  Each bound is optional and covers
    its whole period ("2021" as an end includes 2021-12-31); an undated value is outside any range."""
    if start is None and end is None:
        return True
    v = parse_date(value)
    if not v:
        return False
    s, e = parse_date(start), parse_date(end)
    if s and v[: min(len(v), len(s))] < s[: min(len(v), len(s))]:
        return False
    return not (e and v[: min(len(v), len(e))] > e[: min(len(v), len(e))])


# -- names --------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def words(text: str | None) -> list[str]:
    """Lower-case words of a text (letters and digits)."""
    return _WORD.findall((text or "").casefold())


def dedupe(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))
