"""Credibility in the Admiralty (NATO) system: who publishes it, and how well it holds up.

Source reliability (A completely reliable … E unreliable, F cannot be judged)
is an analyst's judgement per publisher, recorded with ``claimgraph grade``.
Information credibility (1 confirmed … 5 improbable, 6 cannot be judged) is
suggested for every claim from weighted features, each with its reason:
independent corroboration, hedging, the grades of its sources, denials and
incompatible claims.  The suggestion is a starting point for the analyst,
never a verdict on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimgraph.analyze.claims import Claim, attach_sources, claim_id, get_claim, names_for
from claimgraph.analyze.common import Canonical, Reason, Verdict, locals_of
from claimgraph.analyze.contradictions import nesting_pairs
from claimgraph.analyze.data import Reader
from claimgraph.analyze.incidents import IncidentIndex
from claimgraph.analyze.sources import Source
from claimgraph.store.rows import normalise

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
_GRADE_VALUE = {"A": 1.0, "B": 0.6, "C": 0.0, "D": -0.6, "E": -1.0}


def grade_of(source: Source, grades: dict[str, dict[str, str]]) -> tuple[str, str] | None:
    """(grade, publisher as graded) for a source: the longest graded name found in its publisher or label."""
    texts = [f" {normalise(t)} " for t in (source.publisher, source.label) if t]
    best: tuple[int, str, str] | None = None
    for norm, g in grades.items():
        if any(f" {norm} " in t for t in texts) and (best is None or len(norm) > best[0]):
            best = (len(norm), g["grade"], g["publisher"])
    return (best[1], best[2]) if best else None


@dataclass
class Evidence:
    """What the credibility features look at for one claim."""

    claim: Claim
    grades: dict[str, tuple[str, str]]  # source key -> (grade, graded publisher)
    opposed_by: list[str] = field(default_factory=list)  # ids of incompatible claims


Signal = tuple[float, str] | None


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    fn: Callable[[Evidence], Signal]


def _corroboration(ev: Evidence) -> Signal:
    keys = ev.claim.independent("affirm")
    if not keys:
        return None
    labels = "; ".join(ev.claim.sources[k].label for k in keys if k in ev.claim.sources)
    n = len(keys)
    return 1.0 + 1.5 * min(n - 1, 2), f"{n} independent source(s): {labels}"


def _hedged(ev: Evidence) -> Signal:
    affirm = ev.claim.affirmations
    hedged = [a for a in affirm if a.hedged]
    if not affirm or not hedged:
        return None
    if len(hedged) == len(affirm):
        return 1.0, "every assertion is hedged"
    return 0.33, f"{len(hedged)} of {len(affirm)} assertions hedged"


def _reliability(ev: Evidence) -> Signal:
    graded = [ev.grades[k] for k in ev.claim.independent("affirm") if k in ev.grades]
    if not graded:
        return None
    grade, publisher = min(graded)
    value = _GRADE_VALUE.get(grade)
    if value is None:
        return None
    return value, f"best source graded {grade} ({RELIABILITY[grade]}): {publisher}"


def _denied(ev: Evidence) -> Signal:
    keys = ev.claim.independent("deny")
    if not keys:
        return None
    labels = "; ".join(ev.claim.sources[k].label for k in keys if k in ev.claim.sources)
    return float(min(len(keys), 2)), f"denied by {len(keys)} source(s): {labels}"


def _contradicted(ev: Evidence) -> Signal:
    if not ev.opposed_by:
        return None
    return min(len(ev.opposed_by), 3) * 0.5, "incompatible with " + ", ".join(ev.opposed_by)


FEATURES: tuple[Feature, ...] = (
    Feature("corroboration", 1.0, _corroboration),
    Feature("hedged", -0.75, _hedged),
    Feature("source_reliability", 0.5, _reliability),
    Feature("denied", -1.0, _denied),
    Feature("contradicted", -1.0, _contradicted),
)
THRESHOLDS = ((2.5, 1), (1.5, 2), (0.75, 3), (0.0, 4))


@dataclass
class Rating:
    """A suggested credibility rating with its score and reasons."""

    rating: int
    score: float
    reasons: list[Reason]

    @property
    def label(self) -> str:
        return CREDIBILITY[self.rating]

    def to_dict(self) -> dict[str, object]:
        return {
            "rating": self.rating,
            "label": self.label,
            "score": round(self.score, 3),
            "reasons": [r.to_dict() for r in self.reasons],
        }


def rate(claim: Claim, grades: dict[str, dict[str, str]], opposed_by: list[str] | None = None) -> Rating:
    """Suggest an information-credibility rating (1–6) for a claim whose sources are attached."""
    ev = Evidence(
        claim,
        {k: g for k, s in claim.sources.items() if (g := grade_of(s, grades))},
        list(opposed_by or []),
    )
    verdict = Verdict()
    for f in FEATURES:
        signal = f.fn(ev)
        if signal is not None:
            verdict.add(Reason(f.name, f.weight, *signal))
    if not claim.affirmations:
        reason = Reason("no_assertion", 0.0, 0.0, "nobody in the knowledge base asserts it; only denials")
        return Rating(6, verdict.score, [*verdict.reasons, reason])
    rating = next((r for limit, r in THRESHOLDS if verdict.score >= limit), 5)
    return Rating(rating, verdict.score, verdict.reasons)


# -- one claim, fully explained ----------------------------------------------------


@dataclass
class Assessment:
    """A claim with its sources, the claims it is incompatible with, and a suggested rating."""

    claim: Claim
    names: dict[str, str]
    opposed_by: list[str]
    rating: Rating
    grades: dict[str, tuple[str, str]]


def opposing_claims(
    reader: Reader, incidents: IncidentIndex, canonical: Canonical, claim: Claim
) -> list[str]:
    """Ids of affirmed claims incompatible with this one: another actor held responsible for the
    same incident (unless nested in it), or the opposite of allied/rival for the same pair."""
    if claim.predicate == "responsible_for" and claim.object in incidents:
        events = incidents.members[claim.object]
        rows = reader.statements(("responsible_for",), object_events=events)
        nested = nesting_pairs(
            reader, canonical, scope=locals_of(canonical, {s.subject for s in rows} | {claim.subject})
        )
        others = {
            canonical(s.document, s.subject)
            for s in rows
            if s.polarity == "affirm" and canonical(s.document, s.subject) != claim.subject
        }
        others = {o for o in others if (o, claim.subject) not in nested and (claim.subject, o) not in nested}
        return sorted(claim_id(o, claim.predicate, claim.object) for o in others)
    if claim.predicate in ("allied_with", "rival_of"):
        opposite = "rival_of" if claim.predicate == "allied_with" else "allied_with"
        pair = {claim.subject, claim.object}
        for s in reader.statements((opposite,), touching=locals_of(canonical, pair)):
            if (
                s.polarity == "affirm"
                and {canonical(s.document, s.subject), canonical(s.document, s.object)} == pair
            ):
                return [claim_id(claim.subject, opposite, claim.object)]
    return []


def assess(
    reader: Reader,
    incidents: IncidentIndex,
    canonical: Canonical,
    ident: str,
    grades: dict[str, dict[str, str]],
) -> Assessment:
    """A claim (by id or statement row id) with its independent sources and a suggested rating."""
    claim = get_claim(reader, canonical, incidents, ident)
    rows = reader.statements(ids=[a.statement for a in claim.assertions])
    names = names_for(reader, canonical, rows)
    if claim.object in incidents:
        names[claim.object] = incidents.get(claim.object).name
    attach_sources([claim], reader, canonical, names)
    opposed = opposing_claims(reader, incidents, canonical, claim)
    rating = rate(claim, grades, opposed)
    graded = {k: g for k, s in claim.sources.items() if (g := grade_of(s, grades))}
    return Assessment(claim, names, opposed, rating, graded)
