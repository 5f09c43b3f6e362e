"""Who is put forward as responsible for each event, by whom, affirmed or denied.

``responsibility_claims`` groups the claims of each document's events (the
per-document view of ``claimgraph demo``); ``blame`` gathers them per
incident across documents, with the role of every speaker (the actor
itself, a government, the UN, a rival group, an analyst), the date each was
said, the evidence sentence and a suggested credibility per side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.analyze.claims import attach_sources, group_claims, names_for
from claimgraph.analyze.common import AUTHOR_NAME, Canonical, dedupe, local_ids, locals_of, sort_key
from claimgraph.analyze.contradictions import nesting_pairs
from claimgraph.analyze.credibility import Rating, rate
from claimgraph.analyze.data import DocInfo, EntityInfo, Reader, StatementRow
from claimgraph.analyze.incidents import Incident, IncidentIndex, find_incidents
from claimgraph.exc import NotFound
from claimgraph.records import AUTHOR
from claimgraph.store.base import Store
from claimgraph.store.rows import normalise


@dataclass
class Attribution:
    actor: str
    speaker: str
    polarity: str
    certainty: str
    evidence: str
    document: str
    notes: list[str] = field(default_factory=list)


@dataclass
class EventClaims:
    event: str
    kind: str
    date: str | None
    document: str
    claims: list[Attribution] = field(default_factory=list)

    @property
    def contested(self) -> bool:
        """More than one actor put forward, or a denial."""
        return len({c.actor for c in self.claims}) > 1 or any(c.polarity == "deny" for c in self.claims)


def responsibility_claims(store: Store) -> list[EventClaims]:
    """Every event with at least one responsibility statement, contested ones first."""
    rows = [st for st in store.statements(predicate="responsible_for") if st.get("object_event") is not None]
    reader = Reader(store)
    entities = reader.entities(st.get(k) for st in rows for k in ("subject_entity", "by_entity"))
    event_rows = {e.id: e for e in reader.events({st["object_event"] for st in rows})}

    def name(entity_row: int | None, local: str) -> str:
        if local == AUTHOR:
            return AUTHOR_NAME
        return local if entity_row is None else entities[entity_row].name

    events: dict[int, EventClaims] = {}
    for st in rows:
        ev_row = st["object_event"]
        if ev_row not in events:
            ev = event_rows[ev_row]
            events[ev_row] = EventClaims(ev.name or ev.local_id, ev.kind, ev.date, st["document_name"])
        events[ev_row].claims.append(
            Attribution(
                actor=name(st.get("subject_entity"), st["subject"]),
                speaker=name(st.get("by_entity"), st["by"]),
                polarity=st["polarity"],
                certainty=st["certainty"],
                evidence=st.get("evidence") or "",
                document=st["document_name"],
                notes=list(st.get("notes") or []),
            )
        )
    return sorted(events.values(), key=lambda e: (not e.contested, e.date or "", e.event))


# -- across documents: blame per incident ---------------------------------------

ROLE_GOVERNMENT = frozenset({"government", "state_agency", "military", "official"})
_UN_WORDS = ("united nations", "monitoring team", "secretary general", "security council", "unama")


def speaker_role(actor: str, speaker: str, info: EntityInfo | None, own: set[str] | None = None) -> str:
    """Who is speaking, relative to the actor put forward: the actor itself, a government, the UN…

    ``own`` holds the canonical ids of the actor's own members and leaders (a spokesman speaks for it).
    """
    if speaker == AUTHOR:
        return "analyst (author)"
    if speaker == actor or speaker in (own or set()):
        return "self"
    if info is None:
        return "other"
    name = normalise(info.name)
    is_un = "un" in name.split() or any(w in name for w in _UN_WORDS)
    if info.kind != "media" and (info.kind == "international_org" or is_un):
        return "UN" if is_un else "international"
    if info.kind in ROLE_GOVERNMENT or (info.type == "place" and info.kind == "country"):
        return "government"
    if info.kind == "militant_group":
        return "rival group"
    if info.kind in ("research_org", "analyst"):
        return "analyst"
    if info.kind == "media":
        return "media"
    return "other"


@dataclass
class BlameStatement:
    """One responsibility statement about an incident, with everything needed to weigh it."""

    statement: int
    actor: str
    speaker: str
    speaker_name: str
    role: str  # self | government | UN | international | rival group | analyst (author) | analyst | media | other
    polarity: str
    certainty: str
    date: str | None
    said: str | None
    document: str
    evidence: str
    sentence: str
    notes: list[str]
    sources: list[str]

    @property
    def stance(self) -> str:
        if self.role == "self":
            word = "claims" if self.polarity == "affirm" else "denies"
        else:
            word = "blames" if self.polarity == "affirm" else "clears"
        return word + (" (hedged)" if self.certainty == "hedged" else "")

    def to_dict(self) -> dict[str, object]:
        return {**self.__dict__, "stance": self.stance}


@dataclass
class Side:
    """One actor put forward as responsible, and the statements for or against it, in the order said.

    ``statements`` may be the first few only (see ``blame(per_side=…)``); ``affirmed_by``,
    ``denied_by`` and ``total`` always count them all.
    """

    actor: str
    actor_name: str
    statements: list[BlameStatement]
    rating: Rating | None = None
    affirmed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    total: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "actor": self.actor,
            "actor_name": self.actor_name,
            "affirmed_by": self.affirmed_by,
            "denied_by": self.denied_by,
            "credibility": self.rating.to_dict() if self.rating else None,
            "statements_total": self.total,
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass
class Blame:
    """Who is held responsible for an incident, by whom, and how the story changed."""

    incident: Incident
    sides: list[Side]

    @property
    def contested(self) -> bool:
        affirmed = [s for s in self.sides if s.affirmed_by]
        return len(affirmed) > 1 or any(s.denied_by for s in self.sides)

    @property
    def chronology(self) -> list[BlameStatement]:
        """Every statement in the order it was said (undated last)."""
        return sorted(
            (st for side in self.sides for st in side.statements),
            key=lambda s: (sort_key(s.said), s.statement),
        )

    def to_dict(self, docs: dict[int, DocInfo]) -> dict[str, object]:
        inc = self.incident
        return {
            "incident": incident_dict(inc, docs),
            "contested": self.contested,
            "sides": [s.to_dict() for s in self.sides],
            "chronology": [s.statement for s in self.chronology],
        }


def incident_dict(inc: Incident, docs: dict[int, DocInfo]) -> dict[str, object]:
    """An incident for JSON: its mentions per document and any attribute the documents disagree on."""
    return {
        "id": inc.id,
        "kind": inc.kind,
        "name": inc.name,
        "date": inc.date,
        "documents": [docs[d].name for d in inc.documents if d in docs],
        "mentions": [
            {
                "event": e.id,
                "document": docs[e.document].name if e.document in docs else e.document,
                "local_id": e.local_id,
                "name": e.name,
                "date": e.date,
                "location": e.location_name or e.location,
                "killed": e.killed,
                "wounded": e.wounded,
            }
            for e in inc.events
        ],
        "disagreements": {
            attr: [
                {"value": v, "documents": dedupe(docs[e.document].name for e in evs if e.document in docs)}
                for v, evs in values
            ]
            for attr, values in inc.conflicts().items()
        },
        "merged_because": [link.to_dict() for link in inc.links],
    }


def _own_people(reader: Reader, canonical: Canonical, rows: list[StatementRow]) -> dict[str, set[str]]:
    """Canonical ids of the members and leaders of each actor, among these statements' speakers."""
    speakers = {s.by for s in rows if s.by != AUTHOR}
    own: dict[str, set[str]] = defaultdict(set)
    if not speakers:
        return own
    for m in reader.statements(("member_of", "leader_of", "deputy_of"), subjects=speakers):
        if m.polarity == "affirm":
            own[canonical(m.document, m.object)].add(canonical(m.document, m.subject))
    return own


def blame(
    reader: Reader,
    incidents: IncidentIndex,
    incident: str,
    canonical: Canonical = local_ids,
    grades: dict[str, dict[str, str]] | None = None,
    *,
    per_side: int | None = None,
) -> Blame:
    """Every actor put forward as responsible for an incident, by whom, affirmed or denied.

    ``incident`` is an incident id (or a member event's local id / row id; see
    ``incidents.find_incidents``).  Sides are ordered by how many speakers
    affirm them; each side's statements in the order they were said, the
    first ``per_side`` only when given (the speakers and the rating still
    count them all).
    """
    inc = incidents.get(incident) if incident in incidents else None
    if inc is None:
        found = find_incidents(incidents, incident)
        if not found:
            raise NotFound(f"no incident matching {incident!r} in the knowledge base")
        inc = found[0]
    rows = [
        s
        for s in reader.statements(("responsible_for",), object_events=[e.id for e in inc.events])
        if s.object_event is not None
    ]
    claims = group_claims(rows, reader, canonical, incidents)
    names = names_for(reader, canonical, rows)
    attach_sources(claims.values(), reader, canonical, names)
    by_row = {s.id: s for s in rows}
    shown = {c.id: c.assertions[:per_side] if per_side is not None else c.assertions for c in claims.values()}
    shown_rows = [by_row[a.statement] for found in shown.values() for a in found]
    infos = reader.entities(s.by_entity for s in shown_rows)
    own = _own_people(reader, canonical, shown_rows)
    evidence = reader.evidence("statements", [s.id for s in shown_rows])
    sentences = reader.sentences((s.document, s.sentence) for s in shown_rows if s.sentence is not None)
    docs = reader.documents()
    affirmed = {c.subject for c in claims.values() if c.affirmations}
    scope = locals_of(canonical, affirmed, {s.subject for s in rows})
    nested = nesting_pairs(reader, canonical, scope) if len(affirmed) > 1 else set()
    sides = []
    for claim in claims.values():
        statements = []
        for a in shown[claim.id]:
            row = by_row[a.statement]
            statements.append(
                BlameStatement(
                    statement=a.statement,
                    actor=claim.subject,
                    speaker=a.speaker,
                    speaker_name=names.get(a.speaker, row.by),
                    role=speaker_role(
                        claim.subject, a.speaker, infos.get(row.by_entity or -1), own[claim.subject]
                    ),
                    polarity=a.polarity,
                    certainty=a.certainty,
                    date=a.date,
                    said=a.said,
                    document=docs[a.document].name if a.document in docs else str(a.document),
                    evidence=evidence.get(a.statement, ("", 0, 0))[0],
                    sentence=sentences.get((row.document, row.sentence or -1), ""),
                    notes=a.notes,
                    sources=[claim.sources[k].label for k in a.sources if k in claim.sources],
                )
            )
        others = sorted(
            o
            for o in affirmed - {claim.subject}
            if (o, claim.subject) not in nested and (claim.subject, o) not in nested
        )
        rating = rate(claim, grades or {}, [f"{names.get(o, o)} held responsible" for o in others])
        side = Side(claim.subject, names.get(claim.subject, claim.subject), statements, rating)
        side.affirmed_by = dedupe(names.get(a.speaker, a.speaker) for a in claim.affirmations)
        side.denied_by = dedupe(names.get(a.speaker, a.speaker) for a in claim.denials)
        side.total = len(claim.assertions)
        sides.append(side)
    sides.sort(key=lambda s: (-len(s.affirmed_by), len(s.denied_by), s.actor))
    return Blame(inc, sides)
