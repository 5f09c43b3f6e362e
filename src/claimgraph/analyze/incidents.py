"""Incidents: the same happening reported by several documents, merged into one.

Two event mentions are compared only when they share a kind and a block
(the same month, a distinctive name word, or a participant).  A pair scores
as the sum of weighted features (``FEATURES``), each with its reason: dates
that agree at the coarser precision, the same place, matching names, shared
participants, the same toll.  Pairs reaching ``THRESHOLD`` are merged,
strongest first, unless a veto holds between the two groups (dates months
apart, two different places of the same scale, two arrests of different
people).  Conflicting attributes within one incident (killed 22 vs 25, two
close dates) are kept side by side with their sources, never overwritten.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimgraph.analyze.common import (
    Canonical,
    Reason,
    Verdict,
    canonical_version,
    days_apart,
    dedupe,
    local_ids,
    parse_date,
    precision,
    words,
)
from claimgraph.analyze.data import EventRow, Reader
from claimgraph.exc import NotFound
from claimgraph.resolve.names import skeleton
from claimgraph.store.analyze_tables import cached, store_cache

ALGORITHM = "incidents.v1"
THRESHOLD = 2.0
NEAR_DAYS = 45  # dates further apart than this are different happenings
BLOCK_CAP = 200  # a name word or participant shared by more mentions is no block
STRICT_PARTICIPANTS = frozenset({"arrest", "surrender", "leadership_change"})
_GENERIC_WORDS = """a an and the of in on at by near to from for with after during against into its
    attack attacks attacked bombing bombings bomb bombed assault raid raids strike strikes airstrike air
    drone suicide shooting killing killed kill death arrest arrests arrested capture captured detention
    operation operations surrender surrendered clash clashes fighting between offensive named appointed
    appointment chosen new leader governor emir establishment declaration founding announced incident
    explosion blast massacre siege"""
_GENERIC = frozenset(_GENERIC_WORDS.split())  # words of event names that tell no incident apart


@dataclass(slots=True)
class _View:
    """What the features compare of one event mention."""

    event: EventRow
    date: tuple[int, ...] | None
    place: str | None
    place_words: frozenset[str]
    tokens: frozenset[str]
    participants: frozenset[str]


def _view(ev: EventRow, canonical: Canonical) -> _View:
    tokens = frozenset(
        skeleton(w) for w in words(ev.name) if w not in _GENERIC and len(w) > 1 and not w.isdigit()
    )
    place = canonical(ev.document, ev.location) if ev.location else None
    return _View(
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
    fn: Callable[[_View, _View, dict[str, float]], Signal]
    veto: bool = False  # a veto feature that fires rules the pair out


def _date_agree(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    if not a.date or not b.date:
        return None
    level = min(len(a.date), len(b.date))
    if a.date[:level] != b.date[:level]:
        return None
    value = {1: 0.2, 2: 0.67, 3: 1.0}[level]
    return value, f"{a.event.date} ~ {b.event.date} ({('year', 'month', 'day')[level - 1]})"


def _date_far(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    gap = days_apart(a.event.date, b.event.date)
    if gap is None or gap <= NEAR_DAYS:
        return None
    return 1.0, f"{a.event.date} vs {b.event.date}"


def _same_place(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    if not a.place or not b.place:
        return None
    if a.place == b.place:
        return 1.0, f"both at {a.event.location_name or a.place}"
    if a.event.location_kind != b.event.location_kind and a.place_words and b.place_words:
        small, big = sorted((a.place_words, b.place_words), key=len)
        if small < big:
            return 0.5, f"{a.event.location_name} / {b.event.location_name} (one names the other)"
    return None


def _other_place(a: _View, b: _View, idf: dict[str, float]) -> Signal:
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


def _names(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    if a.tokens and a.tokens == b.tokens:
        return 1.0, f"same name ({a.event.name} / {b.event.name})"
    sim = name_similarity(a.tokens, b.tokens, idf)
    if sim < 0.5:
        return None
    return 0.75 * sim, f"similar names ({a.event.name} / {b.event.name}, {sim:.2f})"


def _participants(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    shared = a.participants & b.participants
    if not shared:
        return None
    return 1.0, "both involve " + ", ".join(sorted(shared))


def _other_people(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    if a.event.kind not in STRICT_PARTICIPANTS or not a.participants or not b.participants:
        return None
    if a.participants & b.participants:
        return None
    return 1.0, f"{', '.join(sorted(a.participants))} vs {', '.join(sorted(b.participants))}"


def _same_toll(a: _View, b: _View, idf: dict[str, float]) -> Signal:
    if a.event.killed is None or a.event.killed != b.event.killed:
        return None
    return 1.0, f"both report {a.event.killed} killed"


def _same_document(a: _View, b: _View, idf: dict[str, float]) -> Signal:
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


def compare(a: _View, b: _View, idf: dict[str, float]) -> Verdict:
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


# -- clustering ---------------------------------------------------------------


@dataclass
class Link:
    """Why two event mentions were merged."""

    a: int
    b: int
    score: float
    reasons: list[Reason]

    def to_dict(self) -> dict[str, object]:
        return {
            "events": [self.a, self.b],
            "score": round(self.score, 3),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class Incident:
    """One happening and every document's mention of it."""

    id: str
    kind: str
    events: list[EventRow]
    links: list[Link] = field(default_factory=list)

    @property
    def name(self) -> str:
        names = Counter(e.name for e in self.events if e.name)
        if not names:
            return self.events[0].local_id
        return max(names.items(), key=lambda kv: (kv[1], len(kv[0])))[0]

    @property
    def date(self) -> str | None:
        """The most precise date of the incident when all its dates agree, else the earliest."""
        dated = sorted({e.date for e in self.events if e.date})
        if not dated:
            return None
        best = max(dated, key=precision)
        if all(days_apart(best, d) == 0 for d in dated):
            return best
        return dated[0]

    @property
    def documents(self) -> list[int]:
        return sorted({e.document for e in self.events})

    def values(self, attribute: str) -> list[tuple[object, list[EventRow]]]:
        """Distinct values of an event attribute with the mentions giving each, most sources first."""
        seen: dict[object, list[EventRow]] = {}
        for e in self.events:
            value = getattr(e, attribute)
            if value is not None:
                seen.setdefault(value, []).append(e)
        return sorted(seen.items(), key=lambda kv: (-len({e.document for e in kv[1]}), str(kv[0])))

    def conflicts(self) -> dict[str, list[tuple[object, list[EventRow]]]]:
        """Attributes on which the mentions disagree (date, place, toll), side by side."""
        out = {}
        for attribute in ("date", "location_name", "killed", "wounded"):
            values = self.values(attribute)
            if attribute == "date":
                distinct = {str(v) for v, _ in values}
                clash = any(days_apart(str(x), str(y)) for x in distinct for y in distinct)
                if clash:
                    out[attribute] = values
            elif len(values) > 1:
                out[attribute] = values
        return out


class IncidentIndex:
    """Which incident each event row belongs to; incidents are built from their rows on demand."""

    def __init__(
        self,
        reader: Reader,
        members: dict[str, list[int]],
        links: dict[str, list[Link]] | None = None,
        events: dict[int, EventRow] | None = None,
    ) -> None:
        self.reader = reader
        self.members = members
        self.links = links or {}
        self.by_event = {e: ident for ident, ids in members.items() for e in ids}
        self._events: dict[int, EventRow] = dict(events or {})
        self._all_loaded = events is not None

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, ident: object) -> bool:
        return ident in self.members

    def get(self, ident: str) -> Incident:
        """One incident by id; raises ``NotFound``."""
        if ident not in self.members:
            raise NotFound(f"no incident {ident!r} in the knowledge base")
        return self.many([ident])[0]

    def many(self, idents: Iterable[str]) -> list[Incident]:
        """Incidents by id, in the order asked (unknown ids skipped)."""
        idents = [i for i in idents if i in self.members]
        missing = [e for i in idents for e in self.members[i] if e not in self._events]
        if missing:
            self._events.update((e.id, e) for e in self.reader.events(missing))
        out = []
        for ident in idents:
            events = [self._events[e] for e in self.members[ident] if e in self._events]
            out.append(Incident(ident, events[0].kind, events, self.links.get(ident, [])))
        return out

    def all(self) -> list[Incident]:
        """Every incident, in order of their first event row."""
        if not self._all_loaded:
            self._events = {e.id: e for e in self.reader.events()}
            self._all_loaded = True
        return self.many(self.members)

    def of_event(self, event_id: int) -> str | None:
        return self.by_event.get(event_id)


class _Groups:
    """Union-find over event ids keeping, per group, the dates, places and people a veto looks at."""

    def __init__(self, views: dict[int, _View]) -> None:
        self.parent = {i: i for i in views}
        self.members: dict[int, list[_View]] = {i: [v] for i, v in views.items()}
        self.dates = {i: {v.event.date} - {None} for i, v in views.items()}
        self.places = {i: {(v.place, v.event.location_kind)} if v.place else set() for i, v in views.items()}
        self.people = {i: set(v.participants) for i, v in views.items()}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int, kind: str) -> bool:
        """No veto between the two groups: dates close enough, no two places of one scale, same people."""
        if any((days_apart(x, y) or 0) > NEAR_DAYS for x in self.dates[a] for y in self.dates[b]):
            return False
        for place, pkind in self.places[a]:
            if any(pkind and pkind == qkind and place != other for other, qkind in self.places[b]):
                return False
        people_a, people_b = self.people[a], self.people[b]
        return not (kind in STRICT_PARTICIPANTS and people_a and people_b and not people_a & people_b)

    def union(self, a: int, b: int) -> int:
        """Merge two roots; return the new root."""
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        for attr in (self.dates, self.places, self.people):
            attr[a] |= attr.pop(b)  # type: ignore[operator]
        return a


def _candidate_pairs(views: list[_View]) -> set[tuple[int, int]]:
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    years: dict[tuple[str, int], list[_View]] = defaultdict(list)
    for v in views:
        kind, i = v.event.kind, v.event.id
        if v.date and len(v.date) >= 2:
            blocks[(kind, "m", str(v.date[:2]))].append(i)
        if v.date:
            years[(kind, v.date[0])].append(v)
        for t in v.tokens:
            blocks[(kind, "t", t)].append(i)
        for p in v.participants:
            blocks[(kind, "p", p)].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, ids in blocks.items():
        if key[1] != "m" and len(ids) > BLOCK_CAP:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pairs.add((ids[x], ids[y]) if ids[x] < ids[y] else (ids[y], ids[x]))
    # Year-only mentions are compared with every mention of that kind and year.
    for same_year in years.values():
        coarse = [v.event.id for v in same_year if len(v.date or ()) == 1]
        for i in coarse:
            for v in same_year:
                j = v.event.id
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def cluster(reader: Reader, events: Iterable[EventRow], canonical: Canonical = local_ids) -> IncidentIndex:
    """Merge event mentions into incidents; see the module docstring."""
    events = list(events)
    views = {e.id: _view(e, canonical) for e in events}
    df = Counter(t for v in views.values() for t in v.tokens)
    total = max(len(views), 1)
    idf = {t: math.log(1 + total / n) for t, n in df.items()}
    scored = []
    for a, b in _candidate_pairs(list(views.values())):
        va, vb = views[a], views[b]
        if va.event.kind != vb.event.kind:
            continue
        verdict = compare(va, vb, idf)
        if verdict.vetoed is None and verdict.score >= THRESHOLD:
            scored.append((verdict.score, a, b, verdict))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    groups = _Groups(views)
    links: dict[int, list[Link]] = defaultdict(list)
    for score, a, b, verdict in scored:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or not groups.compatible(ra, rb, views[a].event.kind):
            continue
        root = groups.union(ra, rb)
        merged = links.pop(ra, []) + links.pop(rb, [])
        links[root] = [*merged, Link(a, b, score, verdict.reasons)]
    members, named = _members(groups, links)
    return IncidentIndex(reader, members, named, {e.id: e for e in events})


def _members(
    groups: _Groups, links: dict[int, list[Link]]
) -> tuple[dict[str, list[int]], dict[str, list[Link]]]:
    members: dict[str, list[int]] = {}
    named_links: dict[str, list[Link]] = {}
    for root, views in sorted(groups.members.items(), key=lambda kv: min(v.event.id for v in kv[1])):
        events = sorted((v.event for v in views), key=lambda e: e.id)
        ident = events[0].local_id
        if ident in members:
            ident = f"{ident}~{events[0].id}"
        members[ident] = [e.id for e in events]
        if links.get(root):
            named_links[ident] = links[root]
    return members, named_links


def build_incidents(reader: Reader, canonical: Canonical = local_ids, *, cache: bool = True) -> IncidentIndex:
    """Cluster every event of the knowledge base into incidents.

    With ``cache`` the result is kept in the knowledge base, keyed by its
    documents, the canonical mapping and this algorithm, and reused until one
    of them changes.
    """
    stamp = f"{ALGORITHM}|{canonical_version(canonical)}|{reader.fingerprint()}"
    if cache:
        data = cached(reader.store, "incidents", stamp)
        if data is not None:
            links = {
                ident: [
                    Link(
                        d["events"][0],
                        d["events"][1],
                        d["score"],
                        [Reason(r["feature"], r["points"], 1.0, r["detail"]) for r in d["reasons"]],
                    )
                    for d in found
                ]
                for ident, found in data["links"].items()
            }
            return IncidentIndex(reader, data["members"], links)
    events = reader.events()
    index = cluster(reader, events, canonical)
    if cache:
        links_data = {i: [link.to_dict() for link in found] for i, found in index.links.items()}
        store_cache(reader.store, "incidents", stamp, {"members": index.members, "links": links_data})
    return index


def find_incidents(index: IncidentIndex, query: str) -> list[Incident]:
    """Incidents matching ``query``, best first.

    An incident id, an event row id or a member event's local id selects one
    incident; otherwise every incident with a mention whose name (or local id)
    contains every word of the query, most reported first.
    """
    q = query.strip()
    if q in index:
        return [index.get(q)]
    if q.isdigit() and int(q) in index.by_event:
        return index.many([index.by_event[int(q)]])
    wanted = words(q.replace("_", " "))
    if not wanted:
        return []
    found = dedupe(index.by_event[e] for e in index.reader.events_matching(q, wanted) if e in index.by_event)
    incidents = index.many(found)
    return sorted(incidents, key=lambda i: (-len(i.documents), i.id))
