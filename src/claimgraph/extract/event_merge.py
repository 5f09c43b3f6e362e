"""Collapsing repeated mentions of one event into a single Event.

Two mentions are one event when they are of the same kind (an arrest and a
surrender of the same person are rival accounts of one happening), their
dates do not disagree, and they share a named person acted upon, a facility,
a founded group, the same name, or the same place with both mentions dated.
The first mention keeps its name and evidence; later ones fill in what it
lacks (a more precise date, a more specific place, casualty figures).
Within a sentence, a killing is folded into the attack or operation it
reports, and an apposition ("Operation X, a joint operation") into its head.
Well-known events named by shorthand ("9/11") come from the ``event_named``
lexicon.
"""

from __future__ import annotations

import re

from claimgraph.extract.event_names import Candidate, make_id, modified
from claimgraph.extract.event_triggers import Lexicons, Trigger
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Entity, Event

KIND_FAMILY = {"surrender": "arrest"}
PERSON_KINDS = ("arrest", "surrender", "leadership_change", "ct_operation", "attack")


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _family(kind: str) -> str:
    return KIND_FAMILY.get(kind, kind)


def same_event(a: Candidate, b: Candidate) -> bool:
    """Whether two mentions describe one happening (see module doc of events)."""
    if _family(a.kind) != _family(b.kind) or not _compatible(a.date, b.date):
        return False
    if a.name.lower() == b.name.lower():
        return True
    if a.kind in PERSON_KINDS and set(a.persons) & set(b.persons):
        return True
    if set(a.facilities) & set(b.facilities):
        return True
    if a.kind == "founding" and set(a.groups) & set(b.groups):
        return True
    if a.location is not None and b.location is not None and a.location.id == b.location.id:
        return bool(a.date and b.date)
    return False


def _more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


def absorb(into: Candidate, other: Candidate) -> None:
    """Fold a later mention into the first one."""
    into.date = _more_precise(into.date, other.date)
    if other.location is not None and (into.location is None or _rank(other.location) < _rank(into.location)):
        into.location = other.location
    into.killed = into.killed if into.killed is not None else other.killed
    into.wounded = into.wounded if into.wounded is not None else other.wounded
    for attr in ("targets", "participants", "persons", "facilities", "groups"):
        mine = getattr(into, attr)
        mine += [x for x in getattr(other, attr) if x not in mine]


def _rank(place: Entity) -> int:
    order = ("facility", "village", "district", "city", "province", "region", "country")
    return order.index(place.kind) if place.kind in order else 3


def collapse(candidates: list[Candidate]) -> list[Event]:
    """Merge mentions of the same event (first mention keeps name and evidence) into Events."""
    merged: list[Candidate] = []
    for cand in candidates:
        target = next((m for m in merged if same_event(m, cand)), None)
        if target is None:
            merged.append(cand)
        else:
            absorb(target, cand)
    taken: set[str] = set()
    events = []
    for c in merged:
        events.append(
            Event(
                id=make_id(c.name, c.date, taken),
                kind=c.kind,
                name=c.name,
                date=c.date,
                location=c.location.id if c.location else None,
                killed=c.killed,
                wounded=c.wounded,
                targets=list(c.targets),
                participants=list(c.participants),
                start=c.start,
                end=c.end,
                rule=c.rule,
            )
        )
    return events


def fold_sentence(found: list[tuple[Trigger, Candidate]]) -> list[tuple[Trigger, Candidate]]:
    """Within a sentence, a killing linked to an attack/operation trigger is that event's outcome,
    and a trigger in apposition to another ("Operation Barkhane, a joint operation") is the same event."""
    out: list[tuple[Trigger, Candidate]] = []
    for trig, cand in found:
        pair = next(
            ((t2, c2) for t2, c2 in found if c2 is not cand and _folds_into(trig, cand, t2, c2, found)), None
        )
        if pair is None:
            out.append((trig, cand))
            continue
        host_trig, host = pair
        host.date = host.date or cand.date
        host.location = host.location or cand.location
        host.killed = host.killed if host.killed is not None else cand.killed
        host.persons += [p for p in cand.persons if p not in host.persons]
        field_name = "targets" if host.kind == "attack" else "participants"
        mine = getattr(host, field_name)
        mine[:] = list(dict.fromkeys([*mine, *cand.persons, *cand.targets, *cand.participants]))
        if host.kind == "ct_operation" and cand.name.startswith("Killing of ") and not host.persons[1:]:
            host.name = f"{modified(host_trig)} killing {cand.name.removeprefix('Killing of ')}"
    return out


def _folds_into(trig: Trigger, cand: Candidate, t2: Trigger, c2: Candidate, found: list) -> bool:
    if trig.head.dep_ == "appos" and trig.head.head.i in range(t2.start, t2.end + 2) and c2.kind == cand.kind:
        return True
    if trig.entry.kind != "killing":
        return False
    hosts = [
        t for t, c in found if t.entry.kind != "killing" and c.kind in ("attack", "ct_operation", "clash")
    ]
    return bool(hosts) and min(hosts, key=lambda t: abs(t.head.i - trig.head.i)) is t2


def named_events(text: str, lex: Lexicons, index: EntityIndex) -> list[Candidate]:
    """Well-known events named by shorthand ("9/11") from the ``event_named`` lexicon."""
    out = []
    for entry in lex.named:
        for m in re.finditer(rf"(?<![\w/]){re.escape(entry['term'])}(?![\w/])", text):
            out.append(
                Candidate(
                    kind=entry["kind"],
                    name=entry["name"],
                    start=m.start(),
                    end=m.end(),
                    rule="events.named",
                    date=str(entry["date"]),
                    location=index.get(entry.get("location") or ""),
                )
            )
    return out
