"""Features comparing two event mentions: does the same happening stand behind both?

Each feature is a small function returning (value, what it saw) or None, with
a weight; the score of a pair is the weighted sum, and a veto feature that
fires rules the pair out.  ``compare`` returns the score with every reason.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.analyze.common import Canonical, Reason, Verdict, days_apart, parse_date, words
from claimgraph.analyze.data import EventRow
from claimgraph.resolve.names import skeleton

THRESHOLD = 2.0
NEAR_DAYS = 45  # dates further apart than this are different happenings
STRICT_PARTICIPANTS = frozenset({"arrest", "surrender", "leadership_change"})
_GENERIC_WORDS = """a an and the of in on at by near to from for with after during against into its
    attack attacks attacked bombing bombings bomb bombed assault raid raids strike strikes airstrike air
    drone suicide shooting killing killed kill death arrest arrests arrested capture captured detention
    operation operations surrender surrendered clash clashes fighting between offensive named appointed
    appointment chosen new leader governor emir establishment declaration founding announced incident
    explosion blast massacre siege"""
_GENERIC = frozenset(_GENERIC_WORDS.split())  # words of event names that tell no incident apart


@dataclass(slots=True)
class View:
    """What the features compare of one event mention."""

    event: EventRow
    date: tuple[int, ...] | None
    place: str | None
    place_words: frozenset[str]
    tokens: frozenset[str]
    participants: frozenset[str]


def view(ev: EventRow, canonical: Canonical) -> View:
    tokens = frozenset(
        skeleton(w) for w in words(ev.name) if w not in _GENERIC and len(w) > 1 and not w.isdigit()
    )
    place = canonical(ev.document, ev.location) if ev.location else None
    return View(
        ev,
        parse_date(ev.date),
        place,
        frozenset(words(ev.location_name)) if ev.location_name else frozenset(),
        frozenset(t for t in tokens if t),
        frozenset(canonical(ev.document, p) for p in ev.participants),
    )


# -- features -----------------------------------------------------------------

Signal = tuple[float, str] | None  # (value, detail); None when the feature has nothing to say


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    fn: Callable[[View, View, dict[str, float]], Signal]
    veto: bool = False  # a veto feature that fires rules the pair out


def _date_agree(a: View, b: View, idf: dict[str, float]) -> Signal:
    if not a.date or not b.date:
        return None
    level = min(len(a.date), len(b.date))
    if a.date[:level] != b.date[:level]:
        return None
    value = {1: 0.2, 2: 0.67, 3: 1.0}[level]
    return value, f"{a.event.date} ~ {b.event.date} ({('year', 'month', 'day')[level - 1]})"


def _date_far(a: View, b: View, idf: dict[str, float]) -> Signal:
    gap = days_apart(a.event.date, b.event.date)
    if gap is None or gap <= NEAR_DAYS:
        return None
    return 1.0, f"{a.event.date} vs {b.event.date}"


def _same_place(a: View, b: View, idf: dict[str, float]) -> Signal:
    if not a.place or not b.place:
        return None
    if a.place == b.place:
        return 1.0, f"both at {a.event.location_name or a.place}"
    if a.event.location_kind != b.event.location_kind and a.place_words and b.place_words:
        small, big = sorted((a.place_words, b.place_words), key=len)
        if small < big:
            return 0.5, f"{a.event.location_name} / {b.event.location_name} (one names the other)"
    return None


def _other_place(a: View, b: View, idf: dict[str, float]) -> Signal:
    if not a.place or not b.place or a.place == b.place:
        return None
    if a.event.location_kind and a.event.location_kind == b.event.location_kind:
        return 1.0, f"{a.event.location_name or a.place} vs {b.event.location_name or b.place}"
    return None


def name_similarity(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Weighted overlap of two name-word sets: shared weight over the lighter side's weight."""
    if not a or not b:
        return 0.0
    shared = sum(idf.get(t, 1.0) for t in a & b)
    lighter = min(sum(idf.get(t, 1.0) for t in a), sum(idf.get(t, 1.0) for t in b))
    return shared / lighter if lighter else 0.0


def _names(a: View, b: View, idf: dict[str, float]) -> Signal:
    if a.tokens and a.tokens == b.tokens:
        return 1.0, f"same name ({a.event.name} / {b.event.name})"
    sim = name_similarity(a.tokens, b.tokens, idf)
    if sim < 0.5:
        return None
    return 0.75 * sim, f"similar names ({a.event.name} / {b.event.name}, {sim:.2f})"


def _participants(a: View, b: View, idf: dict[str, float]) -> Signal:
    shared = a.participants & b.participants
    if not shared:
        return None
    return 1.0, "both involve " + ", ".join(sorted(shared))


def _other_people(a: View, b: View, idf: dict[str, float]) -> Signal:
    if a.event.kind not in STRICT_PARTICIPANTS or not a.participants or not b.participants:
        return None
    if a.participants & b.participants:
        return None
    return 1.0, f"{', '.join(sorted(a.participants))} vs {', '.join(sorted(b.participants))}"


def _same_toll(a: View, b: View, idf: dict[str, float]) -> Signal:
    if a.event.killed is None or a.event.killed != b.event.killed:
        return None
    return 1.0, f"both report {a.event.killed} killed"


def _same_document(a: View, b: View, idf: dict[str, float]) -> Signal:
    return (1.0, "one report already told them apart") if a.event.document == b.event.document else None


FEATURES: tuple[Feature, ...] = (
    Feature("date_agrees", 1.5, _date_agree),
    Feature("same_place", 1.0, _same_place),
    Feature("names_match", 2.0, _names),
    Feature("shared_participants", 1.0, _participants),
    Feature("same_toll", 0.5, _same_toll),
    Feature("same_document", -0.5, _same_document),
    Feature("dates_far_apart", 0.0, _date_far, veto=True),
    Feature("different_places", 0.0, _other_place, veto=True),
    Feature("different_people", 0.0, _other_people, veto=True),
)


def compare(a: View, b: View, idf: dict[str, float]) -> Verdict:
    """Score one pair of event mentions of the same kind, with the reasons."""
    verdict = Verdict()
    for f in FEATURES:
        signal = f.fn(a, b, idf)
        if signal is None:
            continue
        value, detail = signal
        if f.veto:
            verdict.vetoed = Reason(f.name, 0.0, 1.0, detail)
            verdict.score = -math.inf
            return verdict
        verdict.add(Reason(f.name, f.weight, value, detail))
    return verdict
