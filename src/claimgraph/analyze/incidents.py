"""Incidents: the same happening reported by several documents, merged into one.

Mentions identical in kind, date, place, name words and participants are
one incident outright.  The others are assigned, most precise date first,
to the incident they score best against (``incident_features.compare``:
dates agreeing at the coarser precision, the same place, matching names,
shared participants, the same toll), when the score reaches ``THRESHOLD``
and no veto holds against any mention already in it (dates weeks apart, two
places of the same scale, arrests of different people).  Candidates come
from an index of incidents by kind, year and anchor (a name word, a place or
a participant), so every merge needs one of those in common.  Conflicting
attributes within one incident (killed 22 vs 25, two close dates) are kept
side by side with their sources, never overwritten.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.analyze.common import (
    Canonical,
    Reason,
    Verdict,
    canonical_version,
    days_apart,
    dedupe,
    local_ids,
    precision,
    words,
)
from claimgraph.analyze.data import EventRow, Reader
from claimgraph.analyze.incident_features import (
    NEAR_DAYS,
    STRICT_PARTICIPANTS,
    THRESHOLD,
    View,
    compare,
    view,
)
from claimgraph.exc import NotFound
from claimgraph.store.analyze_tables import cached, store_cache

ALGORITHM = "incidents.v2"
CANDIDATE_CAP = 300  # most incidents one mention is compared with
REPRESENTATIVES = 8  # mentions of an incident a new mention is compared with (most precise first)


# -- clustering ---------------------------------------------------------------


@dataclass
class Link:
    """Why two event mentions were merged."""

    a: int
    b: int
    score: float
    reasons: list[Reason]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Link:
        reasons = [Reason(r["feature"], r["points"], 1.0, r["detail"]) for r in d["reasons"]]
        return cls(d["events"][0], d["events"][1], d["score"], reasons)

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
        raw_links: dict[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        self.reader = reader
        self.members = members
        self.links = links or {}
        self._raw_links = raw_links or {}  # from the cache, parsed when an incident is asked for
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
            out.append(Incident(ident, events[0].kind, events, self._links_of(ident)))
        return out

    def _links_of(self, ident: str) -> list[Link]:
        if ident not in self.links and ident in self._raw_links:
            self.links[ident] = [Link.from_dict(d) for d in self._raw_links[ident]]
        return self.links.get(ident, [])

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

    def __init__(self, views: dict[int, View]) -> None:
        self.parent = {i: i for i in views}
        self.members: dict[int, list[View]] = {i: [v] for i, v in views.items()}
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


def _anchors(v: View) -> list[tuple[str, str]]:
    return (
        [("t", t) for t in v.tokens]
        + [("p", p) for p in v.participants]
        + ([("l", v.place)] if v.place else [])
    )


def _index_keys(v: View) -> list[tuple[str, str, str, object]]:
    when: object = v.date[0] if v.date else "undated"
    return [(v.event.kind, *a, when) for a in _anchors(v)] + [(v.event.kind, *a, "any") for a in _anchors(v)]


def _lookup_keys(v: View) -> list[tuple[str, str, str, object]]:
    if not v.date:
        return [(v.event.kind, *a, "any") for a in _anchors(v)]
    year = v.date[0]
    return [(v.event.kind, *a, when) for a in _anchors(v) for when in (year, year - 1, year + 1, "undated")]


def cluster(reader: Reader, events: Iterable[EventRow], canonical: Canonical = local_ids) -> IncidentIndex:
    """Merge event mentions into incidents; see the module docstring."""
    events = list(events)
    views = {e.id: view(e, canonical) for e in events}
    df = Counter(t for v in views.values() for t in v.tokens)
    total = max(len(views), 1)
    idf = {t: math.log(1 + total / n) for t, n in df.items()}
    groups = _Groups(views)
    links: dict[int, list[Link]] = defaultdict(list)
    # Identical mentions (a famous incident told the same way by hundreds of reports) merge first.
    same: dict[tuple[object, ...], list[View]] = defaultdict(list)
    for v in views.values():
        same[(v.event.kind, v.event.date, v.place, v.tokens, v.participants)].append(v)
    signatures: list[View] = []
    for found in same.values():
        rep = found[0]
        self_score = compare(rep, rep, idf)
        if len(found) > 1 and self_score.score - _same_doc_points(self_score) >= THRESHOLD:
            root = rep.event.id
            for other in found[1:]:
                root = groups.union(groups.find(root), groups.find(other.event.id))
            detail = f"{len(found)} mentions with the same kind, date, place, name words and participants"
            links[root].append(
                Link(rep.event.id, found[-1].event.id, THRESHOLD, [Reason("identical", 0.0, 1.0, detail)])
            )
            signatures.append(rep)
        else:
            signatures += found
    signatures.sort(
        key=lambda v: (-len(v.date or ()), -len(groups.members[groups.find(v.event.id)]), v.event.id)
    )
    index: dict[tuple[str, str, str, object], list[int]] = defaultdict(list)
    reps: dict[int, list[View]] = {}
    for v in signatures:
        own = groups.find(v.event.id)
        candidates = dedupe(groups.find(r) for key in _lookup_keys(v) for r in index.get(key, ()))
        best: tuple[float, int, int, list[Reason]] | None = None
        for c in candidates[:CANDIDATE_CAP]:
            if c == own or not groups.compatible(c, own, v.event.kind):
                continue
            for other in reps[c][:REPRESENTATIVES]:
                verdict = compare(v, other, idf)
                if (
                    verdict.vetoed is None
                    and verdict.score >= THRESHOLD
                    and (best is None or verdict.score > best[0])
                ):
                    best = (verdict.score, c, other.event.id, verdict.reasons)
        if best is None:
            reps[own] = [v]
        else:
            score, c, other_id, reasons = best
            root = groups.union(c, own)
            reps[root] = [*reps.pop(c), v]
            merged = links.pop(c, []) + links.pop(own, [])
            links[root] = [*merged, Link(v.event.id, other_id, score, reasons)]
        for key in _index_keys(v):
            index[key].append(groups.find(v.event.id))
    members, named = _members(groups, links)
    return IncidentIndex(reader, members, named, {e.id: e for e in events})


def _same_doc_points(verdict: Verdict) -> float:
    """Points a mention loses against itself for sharing its own document (not a real penalty)."""
    return sum(r.points for r in verdict.reasons if r.feature == "same_document")


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
            return IncidentIndex(reader, data["members"], raw_links=data["links"])
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
