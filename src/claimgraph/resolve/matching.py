"""Do two entity records (usually from different documents) denote the same actor?

Written as a list of small feature functions, each returning a verdict and
the evidence for it, in the manner of nomenklatura's matchers: the first
decisive feature wins and its reason is kept, so every merge is explainable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimgraph.resolve.names import DEFAULT_TITLES, is_acronym_of, normalize, skeleton, strip_titles

# Kinds that may be told apart by one report and not another (a "leader" in
# one report is a "militant" in the next), so they never block a merge.
_SOFT_KINDS = {"person": {"leader", "militant", "official", "other", "analyst"}, "organization": {"other"}}


@dataclass(frozen=True)
class Record:
    """What matching needs to know about an entity."""

    key: str  # stable source id, e.g. "<document sha256[:12]>:<local id>"
    type: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    pack_id: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *[a for a in self.aliases if a != self.name])


@dataclass
class Verdict:
    same: bool | None  # True merge, False never, None undecided
    rule: str = ""
    evidence: str = ""


@dataclass
class MatchResult:
    same: bool
    rule: str
    evidence: str
    checked: list[str] = field(default_factory=list)


Feature = Callable[[Record, Record], Verdict]


def type_mismatch(a: Record, b: Record) -> Verdict:
    if a.type != b.type:
        return Verdict(False, "type_mismatch", f"{a.type} ≠ {b.type}")
    return Verdict(None)


def pack_identity(a: Record, b: Record) -> Verdict:
    if a.pack_id and b.pack_id:
        if a.pack_id == b.pack_id:
            return Verdict(True, "pack_identity", a.pack_id)
        return Verdict(False, "pack_conflict", f"{a.pack_id} ≠ {b.pack_id}")
    return Verdict(None)


def kind_conflict(a: Record, b: Record) -> Verdict:
    soft = _SOFT_KINDS.get(a.type, set())
    if a.kind and b.kind and a.kind != b.kind and not (a.kind in soft and b.kind in soft):
        return Verdict(False, "kind_conflict", f"{a.kind} ≠ {b.kind}")
    return Verdict(None)


def same_name(a: Record, b: Record) -> Verdict:
    names_b = {normalize(n): n for n in b.names}
    for n in a.names:
        hit = names_b.get(normalize(n))
        if hit is not None and _specific(a.type, normalize(n)):
            return Verdict(True, "same_name", f"{n!r} = {hit!r}")
    return Verdict(None)


def transliteration(a: Record, b: Record) -> Verdict:
    titles = DEFAULT_TITLES if a.type == "person" else ()
    keys_b = {skeleton(n, titles): n for n in b.names if _specific(a.type, strip_titles(n))}
    for n in a.names:
        if not _specific(a.type, strip_titles(n)):
            continue
        k = skeleton(n, titles)
        if len(k) >= 5 and k in keys_b:
            return Verdict(True, "transliteration", f"{n!r} ~ {keys_b[k]!r}")
    return Verdict(None)


def acronym_long_form(a: Record, b: Record) -> Verdict:
    if a.type not in ("organization", "community"):
        return Verdict(None)
    for short in a.names:
        for long in b.names:
            if is_acronym_of(short, long):
                return Verdict(True, "acronym", f"{short!r} abbreviates {long!r}")
    for short in b.names:
        for long in a.names:
            if is_acronym_of(short, long):
                return Verdict(True, "acronym", f"{short!r} abbreviates {long!r}")
    return Verdict(None)


def _specific(entity_type: str, normalized: str) -> bool:
    """A person's name needs two words; a lone surname is shared by many people."""
    if entity_type == "person":
        return len(strip_titles(normalized).split()) >= 2
    return len(normalized) >= 2


FEATURES: list[Feature] = [
    type_mismatch,
    pack_identity,
    kind_conflict,
    same_name,
    transliteration,
    acronym_long_form,
]


def match(a: Record, b: Record, features: list[Feature] = FEATURES) -> MatchResult:
    """Apply the features in order; the first decisive one gives the answer."""
    checked = []
    for feature in features:
        verdict = feature(a, b)
        checked.append(feature.__name__)
        if verdict.same is not None:
            return MatchResult(verdict.same, verdict.rule, verdict.evidence, checked)
    return MatchResult(False, "no_evidence", "no shared name, spelling or acronym", checked)


def blocking_keys(r: Record) -> set[str]:
    """Cheap keys so only plausible pairs are compared."""
    titles = DEFAULT_TITLES if r.type == "person" else ()
    keys = set()
    if r.pack_id:
        keys.add("pack:" + r.pack_id)
    for n in r.names:
        norm = normalize(n)
        keys.add("n:" + norm)
        keys.add("s:" + skeleton(n, titles))
        letters = "".join(c for c in n if c.isalpha()).lower()
        if (
            2 <= len(letters) <= 8
            and n.replace("-", "").replace(".", "").isalnum()
            and any(c.isupper() for c in n[1:])
        ):
            keys.add("a:" + letters)
        words = norm.split()
        if len(words) >= 2:
            keys.add("a:" + "".join(w[0] for w in words))
            keys.add(
                "a:" + "".join(w[0] for w in words if w not in {"of", "the", "and", "e", "i", "al", "ul"})
            )
    return keys
