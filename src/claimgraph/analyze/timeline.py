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
from claimgraph.analyze.common import Canonical, coarse_agree, local_ids, sort_key, within
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


def timeline(
    reader: Reader,
    incidents: IncidentIndex,
    canonical: Canonical = local_ids,
    *,
    entity: set[str] | None = None,
    kind: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> list[Entry]:
    """Entries in date order (undated last, and left out when a date range is given)."""
    docs = reader.documents()
    ranged = start is not None or end is not None
    entries: list[Entry] = []
    if kind is None or kind not in PREDICATES:
        blamed: dict[str, set[str]] = defaultdict(set)
        blame_rows: dict[str, list[StatementRow]] = defaultdict(list)
        for s in reader.statements(("responsible_for",)):
            ident = incidents.of_event(s.object_event) if s.object_event is not None else None
            if ident and s.polarity == "affirm":
                blamed[ident].add(canonical(s.document, s.subject))
                blame_rows[ident].append(s)
        for inc in incidents.all():
            if kind is not None and inc.kind != kind:
                continue
            date = inc.date
            if ranged and not within(date, start, end):
                continue
            involved = {canonical(e.document, x) for e in inc.events for x in (*e.participants, *e.targets)}
            involved |= {canonical(e.document, e.location) for e in inc.events if e.location}
            involved |= blamed.get(inc.id, set())
            if entity is not None and not involved & entity:
                continue
            places = inc.values("location_name")
            killed = "/".join(str(v) for v, _ in inc.values("killed"))
            detail = ", ".join(
                x for x in (str(places[0][0]) if places else "", f"killed {killed}" if killed else "") if x
            )
            entries.append(
                Entry(
                    date,
                    inc.kind,
                    inc.name,
                    inc.id,
                    [docs[d].name for d in inc.documents if d in docs],
                    sorted(involved),
                    detail,
                )
            )
        names = names_for(reader, canonical, [s for e in entries for s in blame_rows.get(e.ref, [])])
        for e in entries:
            if blamed.get(e.ref):
                who = ", ".join(sorted(names.get(a, a) for a in blamed[e.ref]))
                e.detail = f"{e.detail}, blamed: {who}" if e.detail else f"blamed: {who}"
    if entity is not None or (kind is not None and kind in PREDICATES):
        entries += _claims(reader, incidents, canonical, entity, kind, start, end)
    entries.sort(key=lambda e: (sort_key(e.date), e.kind, e.title))
    return entries


def _claims(
    reader: Reader,
    incidents: IncidentIndex,
    canonical: Canonical,
    entity: set[str] | None,
    kind: str | None,
    start: str | None,
    end: str | None,
) -> list[Entry]:
    predicates = [kind] if kind in PREDICATES else [p for p in PREDICATES if p != "responsible_for"]
    rows = [s for s in reader.statements(predicates) if s.date and s.polarity == "affirm"]
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
