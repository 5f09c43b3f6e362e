"""Leadership succession of an organisation, from statements and events.

Leaders are the people the knowledge base says lead the organisation
(``leader_of``), the people a leadership change names for it, and the
successors or predecessors (``successor_of``) of either.  A leadership change
counts for the organisation when it names it, or when it names no other armed
group (or only its parent) in a report mainly about it.  A tenure starts at
the person's earliest leadership change; it ends at the person's last
reported death in an operation, arrest or surrender, or else when a successor
takes over.  A leadership denied by someone is disputed; people named leader
in a report that denies another's leadership, or whose tenures overlap, are
rival claimants.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.analyze.claims import names_for
from claimgraph.analyze.common import (
    AUTHOR_NAME,
    Canonical,
    coarse_agree,
    days_apart,
    dedupe,
    local_ids,
    locals_of,
    sort_key,
    words,
)
from claimgraph.analyze.data import EventRow, Reader
from claimgraph.analyze.incidents import IncidentIndex
from claimgraph.records import AUTHOR

ENDINGS = {"ct_operation": "killed", "arrest": "arrested", "surrender": "surrendered"}
_KILLED = re.compile(r"\b(kill\w*|death|dead|died|die|slain|eliminat\w*|neutrali[sz]\w*)\b", re.I)
OVERLAP_DAYS = 31
NEAR = 2  # sentences between a denial of one leader and the naming of another


@dataclass
class Mark:
    """A dated fact about a tenure, with where it comes from."""

    date: str | None
    what: str
    documents: list[str]
    evidence: str = ""


@dataclass
class Tenure:
    person: str
    name: str
    start: Mark | None = None
    attested: list[Mark] = field(default_factory=list)  # leader_of statements (dated or not)
    end: Mark | None = None
    ended: str = "no end reported"  # killed | arrested | surrendered | replaced | targeted | no end reported
    other_endings: list[Mark] = field(default_factory=list)
    disputed_by: list[str] = field(default_factory=list)
    rivals: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    predecessors: set[str] = field(default_factory=set)  # from successor_of statements

    @property
    def first_date(self) -> str | None:
        """The start, else the earliest date the person is said to lead (not after the tenure ended)."""
        end = self.end.date if self.end else None
        dated = sorted(m.date for m in self.attested if m.date and (end is None or m.date[: len(end)] <= end))
        return self.start.date if self.start and self.start.date else (dated[0] if dated else None)

    def to_dict(self) -> dict[str, object]:
        def mark(m: Mark | None) -> object:
            return m.__dict__ if m else None

        return {
            "person": self.person,
            "name": self.name,
            "start": mark(self.start),
            "leader_by": self.first_date,
            "end": mark(self.end),
            "ended": self.ended,
            "other_endings": [mark(m) for m in self.other_endings],
            "disputed_by": self.disputed_by,
            "rivals": self.rivals,
            "reasons": self.reasons,
            "attested": [mark(m) for m in self.attested],
        }


@dataclass
class Succession:
    organisation: str
    name: str
    tenures: list[Tenure]

    def to_dict(self) -> dict[str, object]:
        return {
            "organisation": self.organisation,
            "name": self.name,
            "leaders": [t.to_dict() for t in self.tenures],
        }


def succession(
    reader: Reader,
    incidents: IncidentIndex,
    organisation: set[str],
    canonical: Canonical = local_ids,
    name: str | None = None,
) -> Succession:
    """The leaders of an organisation (any of its canonical ids) in order; see the module docstring."""
    docs = reader.documents()

    def doc_names(ids: list[int]) -> list[str]:
        return dedupe(docs[d].name for d in ids if d in docs)

    leader_rows = [
        s
        for s in reader.statements(("leader_of",), touching=locals_of(canonical, organisation))
        if canonical(s.document, s.object) in organisation
    ]
    names = names_for(reader, canonical, leader_rows)
    tenures: dict[str, Tenure] = {}

    def tenure(person: str, fallback: str) -> Tenure:
        if person not in tenures:
            tenures[person] = Tenure(person, names.get(person, fallback))
        return tenures[person]

    evidence = reader.evidence("statements", [s.id for s in leader_rows])
    for s in leader_rows:
        t = tenure(canonical(s.document, s.subject), s.subject)
        speaker = AUTHOR_NAME if s.by == AUTHOR else names.get(canonical(s.document, s.by), s.by)
        if s.polarity == "deny":
            t.disputed_by = dedupe([*t.disputed_by, speaker])
            continue
        what = "leader" + (" (hedged)" if s.certainty == "hedged" else "") + f", according to {speaker}"
        t.attested.append(Mark(s.date, what, doc_names([s.document]), evidence.get(s.id, ("", 0, 0))[0]))
        if f"named leader by {speaker}" not in t.reasons:
            t.reasons.append(f"named leader by {speaker}")

    affirmed = {canonical(s.document, s.subject) for s in leader_rows if s.polarity == "affirm"}
    changes = _leadership_changes(reader, incidents, organisation, canonical, affirmed)
    for person, pname, ev, why in changes:
        t = tenure(person, pname)
        if t.name == person:
            t.name = pname
        mark = Mark(ev.date, f"{ev.name or ev.local_id}", doc_names([ev.document]))
        if t.start is None or (ev.date and (not t.start.date or ev.date < t.start.date)):
            t.start = mark
        t.reasons.append(f"leadership change {ev.name or ev.local_id}: {why}")

    _add_successors(reader, canonical, tenures)
    _endings(reader, incidents, canonical, tenures, doc_names)
    ordered = _order(tenures, reader, canonical)
    _replaced_and_rivals(ordered, changes, leader_rows, canonical)
    return Succession(sorted(organisation)[0], name or sorted(organisation)[0], ordered)


def _leadership_changes(
    reader: Reader,
    incidents: IncidentIndex,
    organisation: set[str],
    canonical: Canonical,
    known_leaders: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[str, str, EventRow, str]]:
    """(person, name, event, why) for each leadership change that concerns the organisation.

    A change that names only the parent group (a caliph declared, a governor named by the
    centre) concerns the branch only for a person some source says leads the branch.
    """
    events = reader.events(kinds=("leadership_change",))
    if not events:
        return []
    parents = {
        canonical(s.document, s.object)
        for s in reader.statements(("part_of",), touching=locals_of(canonical, organisation))
        if s.polarity == "affirm" and canonical(s.document, s.subject) in organisation
    }
    # A leadership change before the organisation existed is some other body's (its parent's).
    founded = sorted(
        e.date
        for e in reader.events(kinds=("founding",))
        if e.date and any(canonical(e.document, p) in organisation for p in e.participants)
    )
    if founded:
        events = [e for e in events if not e.date or coarse_agree(e.date, founded[0]) or e.date > founded[0]]
    info = reader.participant_entities([e.id for e in events])
    concerned: list[tuple[EventRow, str, list[tuple[str, str]]]] = []
    fallback: list[tuple[EventRow, set[str], list[tuple[str, str]]]] = []
    for ev in events:
        people, groups = [], set()
        for local in ev.participants:
            e = info.get((ev.id, local))
            if e is None:
                continue
            if e.type == "person":
                people.append((canonical(ev.document, local), e.name))
            elif e.type == "organization" and e.kind == "militant_group":
                groups.add(canonical(ev.document, local))
        if groups & organisation:
            concerned.append((ev, "names the organisation", people))
        elif groups <= parents and people and (not groups or any(p in known_leaders for p, _ in people)):
            fallback.append((ev, groups, people))
    # Only then look up which group each remaining report is mainly about.
    main = reader.main_groups({ev.document for ev, _g, _p in fallback})
    for ev, groups, people in fallback:
        if main.get(ev.document) and canonical(ev.document, main[ev.document][0]) in organisation:
            why = "in a report mainly about the organisation"
            concerned.append(
                (ev, why + (f" (by its parent {', '.join(sorted(groups))})" if groups else ""), people)
            )
    found = []
    for ev, why, people in sorted(concerned, key=lambda c: c[0].id):
        title = set(words(ev.name))
        named = [p for p in people if set(words(p[1])) & title] or people
        found += [(person, pname, ev, why) for person, pname in named]
    return found


def _add_successors(reader: Reader, canonical: Canonical, tenures: dict[str, Tenure]) -> None:
    """Bring in successors and predecessors of known leaders, noting the order."""
    rows = [s for s in reader.statements(("successor_of",)) if s.polarity == "affirm"]
    names = names_for(reader, canonical, rows)
    changed = True
    while changed:
        changed = False
        for s in rows:
            after, before = canonical(s.document, s.subject), canonical(s.document, s.object)
            for known, other, text in ((before, after, "succeeded"), (after, before, "preceded")):
                if known in tenures and other not in tenures:
                    tenures[other] = Tenure(other, names.get(other, other))
                    tenures[other].reasons.append(f"{text} {tenures[known].name} (successor_of)")
                    changed = True
            if before in tenures and after in tenures:
                note = f"successor of {tenures[before].name}"
                if note not in tenures[after].reasons:
                    tenures[after].reasons.append(note)
                    tenures[after].predecessors.add(before)


def _endings(
    reader: Reader, incidents: IncidentIndex, canonical: Canonical, tenures: dict[str, Tenure], doc_names
) -> None:
    events = [
        e
        for e in reader.events(kinds=ENDINGS)
        if any(canonical(e.document, p) in tenures for p in e.participants)
    ]
    evidence = reader.evidence("events", [e.id for e in events])
    per_person: dict[str, dict[str, list[EventRow]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        for p in e.participants:
            person = canonical(e.document, p)
            if person in tenures:
                per_person[person][incidents.of_event(e.id) or str(e.id)].append(e)
    for person, by_incident in per_person.items():
        marks = []
        for members in by_incident.values():
            dates = sorted({e.date for e in members if e.date}, key=lambda d: (-len(d), d))
            kind = members[0].kind
            how = ENDINGS[kind]
            text = " ".join(f"{e.name or ''} {evidence.get(e.id, ('', 0, 0))[0]}" for e in members)
            if kind == "ct_operation" and not _KILLED.search(text):
                how = "targeted"
            name = members[0].name or members[0].local_id
            marks.append(
                (
                    Mark(
                        dates[0] if dates else None,
                        f"{how}: {name}",
                        doc_names([e.document for e in members]),
                    ),
                    how,
                )
            )
        marks.sort(key=lambda m: sort_key(m[0].date))
        t = tenures[person]
        t.end, t.ended = marks[-1]
        t.other_endings = [m for m, _ in marks[:-1]]
        if t.other_endings:
            t.reasons.append("several endings reported; the latest is kept, the others listed")


def _effective(t: Tenure) -> str | None:
    return t.first_date or (t.end.date if t.end else None)


def _compare(a: Tenure, b: Tenure) -> int:
    da, db = _effective(a), _effective(b)
    if da and db and not coarse_agree(da, db):
        return -1 if da < db else 1
    if bool(da) != bool(db):
        return -1 if da else 1
    ea, eb = (a.end.date if a.end else None), (b.end.date if b.end else None)
    if ea and eb and ea != eb:
        return -1 if ea < eb else 1
    if bool(ea) != bool(eb):
        return -1 if ea else 1  # a leader still in office comes last
    return -1 if a.person < b.person else (1 if a.person > b.person else 0)


def _order(tenures: dict[str, Tenure], reader: Reader, canonical: Canonical) -> list[Tenure]:
    ordered = sorted(tenures.values(), key=functools.cmp_to_key(_compare))
    # successor_of wins over dates: move a successor right after its predecessor when it came before.
    for _ in range(len(ordered)):
        moved = False
        for i, t in enumerate(ordered):
            for before in t.predecessors:
                j = next((k for k, x in enumerate(ordered) if x.person == before), None)
                if j is not None and j > i:
                    ordered.insert(j, ordered.pop(i))
                    moved = True
                    break
            if moved:
                break
        if not moved:
            break
    return ordered


def _replaced_and_rivals(ordered: list[Tenure], changes, leader_rows, canonical: Canonical) -> None:
    for prev, nxt in itertools.pairwise(ordered):
        if prev.end is None and nxt.first_date:
            prev.end = Mark(nxt.first_date, f"replaced by {nxt.name}", [])
            prev.ended = "replaced"
        if prev.end and prev.end.date and nxt.start and nxt.start.date:
            gap = days_apart(prev.end.date, nxt.start.date)
            if not (nxt.start.date < prev.end.date and gap and gap > OVERLAP_DAYS):
                continue
            if prev.person in nxt.predecessors:
                # A named successor took over first: the later arrest or death came after the tenure.
                prev.other_endings.append(
                    Mark(prev.end.date, f"after the tenure: {prev.end.what}", prev.end.documents)
                )
                prev.end = Mark(nxt.start.date, f"replaced by {nxt.name}", nxt.start.documents)
                prev.ended = "replaced"
            else:
                _rival(
                    prev,
                    nxt,
                    f"tenures overlap ({nxt.name} from {nxt.start.date}, {prev.name} until {prev.end.date})",
                )
    # Named leader close to a denial of someone else's leadership: a rival claimant.
    denials = [s for s in leader_rows if s.polarity == "deny"]
    by_person = {t.person: t for t in ordered}
    for person, _name, ev, _why in changes:
        for s in denials:
            other = canonical(s.document, s.subject)
            near = (
                s.sentence is not None and ev.sentence is not None and abs(s.sentence - ev.sentence) <= NEAR
            )
            if s.document == ev.document and near and other != person and {other, person} <= by_person.keys():
                rival, claimant = by_person[other], by_person[person]
                _rival(
                    rival,
                    claimant,
                    f"{claimant.name} named leader next to a denial of {rival.name}'s leadership",
                )
    # An undated claimant sits next to the leader it rivalled.
    for t in [t for t in ordered if not _effective(t) and t.rivals]:
        anchor = next((x for x in ordered if x.name in t.rivals and _effective(x)), None)
        if anchor is not None:
            ordered.remove(t)
            ordered.insert(ordered.index(anchor) + 1, t)


def _rival(a: Tenure, b: Tenure, why: str) -> None:
    if b.name not in a.rivals:
        a.rivals.append(b.name)
    if a.name not in b.rivals:
        b.rivals.append(a.name)
    for t in (a, b):
        if why not in t.reasons:
            t.reasons.append(why)
