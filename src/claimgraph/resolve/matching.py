"""Do two entity records (usually from different documents) denote the same actor?

Written as a list of small feature functions, each returning a verdict and
the evidence for it, in the manner of nomenklatura's matchers: the first
decisive feature wins and its reason is kept, so every merge is explainable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.resolve.names import (
    DEFAULT_TITLES,
    acronym,
    is_acronym_of,
    normalize,
    skeleton,
    strip_titles,
)

# Kinds that may be told apart by one report and not another (a "leader" in
# one report is a "militant" in the next), so they never block a merge.
SOFT_KINDS = {"person": {"leader", "militant", "official", "other", "analyst"}, "organization": {"other"}}


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
    soft = SOFT_KINDS.get(a.type, set())
    if a.kind and b.kind and a.kind != b.kind and not (a.kind in soft and b.kind in soft):
        return Verdict(False, "kind_conflict", f"{a.kind} ≠ {b.kind}")
    return Verdict(None)


def same_name(a: Record, b: Record) -> Verdict:
    names_b = {normalize(n): n for n in b.names}
    for n in a.names:
        hit = names_b.get(normalize(n))
        if hit is not None and specific(a.type, normalize(n)):
            return Verdict(True, "same_name", f"{n!r} = {hit!r}")
    return Verdict(None)


def transliteration(a: Record, b: Record) -> Verdict:
    titles = DEFAULT_TITLES if a.type == "person" else ()
    keys_b = {skeleton(n, titles): n for n in b.names if specific(a.type, strip_titles(n))}
    for n in a.names:
        if not specific(a.type, strip_titles(n)):
            continue
        k = skeleton(n, titles)
        if len(k) >= 5 and k in keys_b:
            return Verdict(True, "transliteration", f"{n!r} ~ {keys_b[k]!r}")
    return Verdict(None)


def acronym_long_form(a: Record, b: Record) -> Verdict:
    if a.type not in ACRONYM_TYPES:
        return Verdict(None)
    for x, y in ((a, b), (b, a)):
        for short in filter(looks_like_acronym, x.names):
            for long in y.names:
                if is_acronym_of(short, long):
                    return Verdict(True, "acronym", f"{short!r} abbreviates {long!r}")
    return Verdict(None)


ACRONYM_TYPES = ("organization", "community")

# First words that make a two-word person name too common to identify anyone:
# kunyas ("Abu Omar"), "servant of" names ("Abdul Rahman"), "son of", Muhammad.
_COMMON_FIRST = frozenset(
    {"abu", "abd", "abdul", "abdel", "abdur", "abdus", "umm", "ibn", "bin", "bint"}
    | {"muhammad", "mohammad", "mohammed", "muhammed"}
)


def looks_like_acronym(name: str) -> bool:
    """Written as an abbreviation: 2–8 letters, no space, at least two capitals ("TTP", "LeT", "ISIS-K")."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 8 and " " not in name.strip() and sum(c.isupper() for c in letters) >= 2


def specific(entity_type: str, normalized: str) -> bool:
    """Could this name identify one actor?  A person needs two words beyond titles and
    articles, and not a kunya or Abdul- name alone; a lone surname is shared by many people."""
    if entity_type == "person":
        words = [w for w in strip_titles(normalized).split() if w not in ("al", "el")]
        return len(words) >= 3 or (len(words) == 2 and words[0] not in _COMMON_FIRST)
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
    """Cheap keys so only plausible pairs are compared.

    ``pack:`` pack id, ``n:`` normalised name, ``s:`` transliteration
    skeleton, ``a:`` acronym letters (organisations and communities).  Only
    names that could support a match get a key, so a lone surname or a kunya
    never puts thousands of people in one block.
    """
    keys = {"pack:" + r.pack_id} if r.pack_id else set()
    for n in r.names:
        keys.update(_name_keys(r.type, n))
    return keys


@lru_cache(maxsize=1 << 17)
def _name_keys(entity_type: str, name: str) -> tuple[str, ...]:
    norm = normalize(name)
    if not specific(entity_type, norm):
        return ()
    keys = ["n:" + norm]
    skel = skeleton(name, DEFAULT_TITLES if entity_type == "person" else ())
    if len(skel) >= 5:
        keys.append("s:" + skel)
    if entity_type in ACRONYM_TYPES:
        if looks_like_acronym(name):
            keys.append("a:" + "".join(c for c in name if c.isalpha()).lower())
        words = norm.split()
        if len(words) >= 2:
            keys.append("a:" + "".join(w[0] for w in words))
            keys.append("a:" + acronym(name))
    return tuple(keys)
