"""A timeline: incidents in date order, and, for one entity, the dated claims about it.

An incident involves an entity when it is a participant, a target, the place,
or an actor someone holds responsible.  Claims enter the timeline when the
text dates the fact (``leader_of`` dated 2020, ``rival_of`` dated 2015), at
the start of their validity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.analyze.claims import PREDICATES, group_claims, names_for
from claimgraph.analyze.common import Canonical, coarse_agree, local_ids, locals_of, sort_key, within
from claimgraph.analyze.data import Reader, StatementRow
from claimgraph.analyze.incidents import IncidentIndex


@dataclass
class Entry:
    date: str | None
    kind: str  # an event kind, or a predicate for a claim
    title: str
    ref: str  # incident id or claim id
    documents: list[str]
    entities: list[str] = field(default_factory=list)
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Summary:
    """What the timeline shows and filters on for one incident (small enough to cache for all)."""

    id: str
    kind: str
    name: str
    date: str | None
    place: str | None
    killed: list[int]
    documents: list[int]
    involved: list[str]  # canonical ids: participants, targets, place, actors held responsible
    blamed: list[str]  # names of the actors held responsible

    def to_cache(self) -> list[object]:
        return list(self.__dict__.values())


def summarise(reader: Reader, incidents: IncidentIndex, canonical: Canonical = local_ids) -> list[Summary]:
    """A summary of every incident, with who is held responsible."""
    blamed: dict[str, set[str]] = defaultdict(set)
    rows: list[StatementRow] = []
    for s in reader.statements(("responsible_for",), polarity="affirm"):
        ident = incidents.of_event(s.object_event) if s.object_event is not None else None
        if ident:
            blamed[ident].add(canonical(s.document, s.subject))
            rows.append(s)
    names = names_for(reader, canonical, rows)
    out = []
    for inc in incidents.all():
        involved = {canonical(e.document, x) for e in inc.events for x in (*e.participants, *e.targets)}
        involved |= {canonical(e.document, e.location) for e in inc.events if e.location}
        involved |= blamed.get(inc.id, set())
        places = inc.values("location_name")
        out.append(
            Summary(
                inc.id,
                inc.kind,
                inc.name,
                inc.date,
                str(places[0][0]) if places else None,
                [int(str(v)) for v, _ in inc.values("killed")],
                inc.documents,
                sorted(involved),
                sorted(names.get(a, a) for a in blamed.get(inc.id, ())),
            )
        )
    return out


def timeline(
    reader: Reader,
    incidents: IncidentIndex | None,
    canonical: Canonical = local_ids,
    *,
    entity: set[str] | None = None,
    kind: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
    summaries: list[Summary] | None = None,
) -> list[Entry]:
    """Entries in date order (undated last, and left out when a date range is given); the first
    ``limit`` only when given.  ``summaries`` (from ``summarise``) saves reading every incident;
    without them ``incidents`` is needed."""
    docs = reader.documents()
    ranged = start is not None or end is not None
    entries: list[Entry] = []
    if kind is None or kind not in PREDICATES:
        if summaries is None:
            if incidents is None:
                raise ValueError("timeline needs incidents or their summaries")
            summaries = summarise(reader, incidents, canonical)
        for inc in summaries:
            if kind is not None and inc.kind != kind:
                continue
            if ranged and not within(inc.date, start, end):
                continue
            if entity is not None and not entity.intersection(inc.involved):
                continue
            killed = "/".join(str(v) for v in inc.killed)
            detail = ", ".join(
                x
                for x in (
                    inc.place or "",
                    f"killed {killed}" if killed else "",
                    f"blamed: {', '.join(inc.blamed)}" if inc.blamed else "",
                )
                if x
            )
            names = [docs[d].name for d in inc.documents if d in docs]
            entries.append(Entry(inc.date, inc.kind, inc.name, inc.id, names, list(inc.involved), detail))
    if entity is not None or (kind is not None and kind in PREDICATES):
        entries += _claims(reader, incidents, canonical, entity, kind, start, end)
    entries.sort(key=lambda e: (sort_key(e.date), e.kind, e.title))
    return entries[:limit] if limit is not None else entries


def _claims(
    reader: Reader,
    incidents: IncidentIndex | None,
    canonical: Canonical,
    entity: set[str] | None,
    kind: str | None,
    start: str | None,
    end: str | None,
) -> list[Entry]:
    predicates = [kind] if kind in PREDICATES else [p for p in PREDICATES if p != "responsible_for"]
    scope = locals_of(canonical, entity) if entity is not None else None
    rows = [s for s in reader.statements(predicates, touching=scope) if s.date and s.polarity == "affirm"]
    if entity is not None:
        rows = [
            s for s in rows if {canonical(s.document, s.subject), canonical(s.document, s.object)} & entity
        ]
    names = names_for(reader, canonical, rows)
    docs = reader.documents()
    out = []
    for claim in group_claims(rows, reader, canonical, incidents).values():
        # One entry per distinct dated fact: "rival_of 2015" and "rival_of 2017" are two.
        dates: list[str] = []
        for a in claim.assertions:
            if a.date and not any(coarse_agree(a.date, d) for d in dates):
                dates.append(a.date)
        for date in dates:
            if (start is not None or end is not None) and not within(date, start, end):
                continue
            said_in = [
                docs[a.document].name for a in claim.assertions if a.date and coarse_agree(a.date, date)
            ]
            subject, obj = names.get(claim.subject, claim.subject), names.get(claim.object, claim.object)
            out.append(
                Entry(
                    date,
                    claim.predicate,
                    f"{subject} {claim.predicate.replace('_', ' ')} {obj}",
                    claim.id,
                    list(dict.fromkeys(said_in)),
                    [claim.subject, claim.object],
                )
            )
    return out
