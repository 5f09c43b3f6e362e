"""Contradictions, computed from the knowledge base (never listed by hand).

Four checks, each a function over claims or estimates that returns
``Contradiction`` records with their sides and reasons:

- ``responsibility``: different actors held responsible for one incident,
  unless one is part of, a member of, led by or a proxy of the other (a
  nesting that is itself denied somewhere does not count);
- ``denial``: a claim and its denial (a responsibility claim denied, or a
  relation asserted and denied);
- ``estimates``: figures for the same actor, quantity family and year whose
  ranges do not overlap (point figures get a ±10 % margin; two figures of
  one sentence by one speaker are a change told, not a disagreement);
- ``alliance``: two groups said to be allied and rivals in the same period
  (an undated side cannot be placed in another period, so it counts).

A side lists the row ids it rests on; ``materialise`` turns the rows of the
contradictions actually shown into items with speaker, dates and evidence.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.analyze.claims import Claim, claim_key, group_claims, names_for
from claimgraph.analyze.common import AUTHOR_NAME, Canonical, local_ids, speaker_id
from claimgraph.analyze.data import EstimateRow, Reader, StatementRow
from claimgraph.analyze.incidents import IncidentIndex
from claimgraph.records import AUTHOR

NESTING = ("part_of", "member_of", "leader_of", "deputy_of", "proxy_of")
QUANTITY_FAMILY = {"fighters": "strength", "members": "strength"}
POINT_MARGIN = 0.10
KINDS = ("responsibility", "denial", "estimates", "alliance")
MAX_PAIRS_SHOWN = 3


@dataclass
class Item:
    """One statement or estimate on one side of a contradiction."""

    table: str  # "statements" | "estimates"
    id: int
    document: int
    speaker: str
    text: str  # what it says: "affirms (hedged)", "1,500–2,200 fighters"
    date: str | None  # of the fact
    said: str | None  # of the document
    evidence: str = ""
    document_name: str = ""
    speaker_name: str = ""


@dataclass
class SideOf:
    label: str
    table: str
    ids: list[int]
    items: list[Item] = field(default_factory=list)  # filled by ``materialise``


@dataclass
class Contradiction:
    kind: str
    title: str
    entities: list[str]
    sides: list[SideOf]
    reasons: list[str] = field(default_factory=list)
    documents: int = 0  # how many documents take part: the most discussed come first

    @property
    def id(self) -> str:
        key = self.kind + "|" + "|".join(sorted(f"{s.table}:{i}" for s in self.sides for i in s.ids))
        return self.kind[:3] + "-" + hashlib.sha1(key.encode()).hexdigest()[:10]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "entities": self.entities,
            "documents": self.documents,
            "reasons": self.reasons,
            "sides": [
                {"label": s.label, "count": len(s.ids), "items": [i.__dict__ for i in s.items]}
                for s in self.sides
            ],
        }

    def to_cache(self) -> list[Any]:
        """A compact form for the cache (no items, no id)."""
        return [
            self.kind,
            self.title,
            self.entities,
            [[s.label, s.table, s.ids] for s in self.sides],
            self.reasons,
            self.documents,
        ]

    @classmethod
    def from_cache(cls, d: list[Any]) -> Contradiction:
        kind, title, entities, sides, reasons, documents = d
        return cls(
            kind,
            title,
            entities,
            [SideOf(label, table, ids) for label, table, ids in sides],
            reasons,
            documents,
        )


def _ids(claim: Claim, polarity: str) -> list[int]:
    return [a.statement for a in claim.assertions if a.polarity == polarity]


def _documents(*claims: Claim) -> int:
    return len({a.document for c in claims for a in c.assertions})


# -- the four checks ------------------------------------------------------------


def responsibility(
    claims: Iterable[Claim], nested: set[tuple[str, str]], names: dict[str, str]
) -> list[Contradiction]:
    """Incompatible responsibility claims: several actors affirmed for one incident."""
    per_incident: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate == "responsible_for" and c.affirmations:
            per_incident[c.object].append(c)
    out = []
    for incident, found in sorted(per_incident.items()):
        actors = sorted(c.subject for c in found)
        compatible = {(a, b) for a in actors for b in actors if (a, b) in nested}
        clash = [
            (a, b)
            for i, a in enumerate(actors)
            for b in actors[i + 1 :]
            if (a, b) not in compatible and (b, a) not in compatible
        ]
        if not clash:
            continue
        reasons = [f"{names.get(a, a)} and {names.get(b, b)} are both held responsible" for a, b in clash]
        reasons += [
            f"{names.get(a, a)} is part, member, leader or proxy of {names.get(b, b)}: compatible"
            for a, b in sorted(compatible)
        ]
        sides = [
            SideOf(f"{names.get(c.subject, c.subject)} responsible", "statements", _ids(c, "affirm"))
            for c in found
        ]
        title = f"who carried out {names.get(incident, incident)}"
        out.append(
            Contradiction("responsibility", title, [incident, *actors], sides, reasons, _documents(*found))
        )
    return out


def denials(claims: Iterable[Claim], names: dict[str, str]) -> list[Contradiction]:
    """A claim and its denial."""
    out = []
    for c in claims:
        if not c.affirmations or not c.denials:
            continue
        what = "responsibility claim" if c.predicate == "responsible_for" else "relation"
        subject, obj = names.get(c.subject, c.subject), names.get(c.object, c.object)
        affirm = sorted({names.get(a.speaker, a.speaker) for a in c.affirmations})
        deny = sorted({names.get(a.speaker, a.speaker) for a in c.denials})
        reasons = [f"{what} asserted by {', '.join(affirm)} and denied by {', '.join(deny)}"]
        sides = [
            SideOf("asserted", "statements", _ids(c, "affirm")),
            SideOf("denied", "statements", _ids(c, "deny")),
        ]
        title = f"{subject} {c.predicate.replace('_', ' ')} {obj}"
        out.append(Contradiction("denial", title, [c.subject, c.object], sides, reasons, _documents(c)))
    return out


def _interval(e: EstimateRow) -> tuple[float, float]:
    low = e.low if e.low is not None else 0.0
    high = e.high if e.high is not None else math.inf
    if e.low is not None and e.high is not None and e.low == e.high:
        return low * (1 - POINT_MARGIN), high * (1 + POINT_MARGIN)
    return low, high


def figure(low: float | None, high: float | None) -> str:
    """A range as people write it: "1,500–2,200", "over 90", "under 200", "2,000"."""

    def num(x: float) -> str:
        return f"{x:,.0f}"

    if low is not None and high is not None:
        return num(low) if low == high else f"{num(low)}–{num(high)}"
    if low is not None:
        return f"over {num(low)}"
    return f"under {num(high)}" if high is not None else "?"


def estimates(
    rows: Iterable[EstimateRow], canonical: Canonical, names: dict[str, str]
) -> list[Contradiction]:
    """Estimates of the same quantity family for the same actor and year whose ranges do not overlap."""
    groups: dict[tuple[str, str, str], list[EstimateRow]] = defaultdict(list)
    for e in rows:
        if not e.as_of or (e.low is None and e.high is None):
            continue
        family = QUANTITY_FAMILY.get(e.quantity, e.quantity)
        groups[(canonical(e.document, e.subject), family, e.as_of[:4])].append(e)
    out = []
    for (subject, family, year), found in sorted(groups.items()):
        spans = [_interval(e) for e in found]
        disjoint = []
        for i, a in enumerate(found):
            la, ha = spans[i]
            for j in range(i + 1, len(found)):
                lb, hb = spans[j]
                if ha < lb or hb < la:
                    b = found[j]
                    if not (a.document == b.document and a.sentence == b.sentence and a.by == b.by):
                        disjoint.append((a, b))
        if not disjoint:
            continue
        involved = sorted(
            {e.id: e for pair in disjoint for e in pair}.values(), key=lambda e: (e.low or 0, e.id)
        )
        reasons = [
            f"{figure(a.low, a.high)} {a.quantity} ({a.as_of}) does not overlap "
            f"{figure(b.low, b.high)} {b.quantity} ({b.as_of})"
            for a, b in disjoint[:MAX_PAIRS_SHOWN]
        ]
        if len(disjoint) > MAX_PAIRS_SHOWN:
            reasons.append(f"and {len(disjoint) - MAX_PAIRS_SHOWN} more pair(s) that do not overlap")
        quantities = sorted({e.quantity for e in involved})
        if len(quantities) > 1:
            reasons.append(f"{' and '.join(quantities)} compared as {family}")
        sides = [SideOf(figure(e.low, e.high), "estimates", [e.id]) for e in involved]
        title = f"{family} of {names.get(subject, subject)} in {year}"
        docs = len({e.document for e in involved})
        out.append(Contradiction("estimates", title, [subject], sides, reasons, docs))
    return out


def alliances(claims: Iterable[Claim], names: dict[str, str]) -> list[Contradiction]:
    """Two groups said to be allied and rivals in the same period: the relation is contested."""
    pairs: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    for c in claims:
        if c.predicate in ("allied_with", "rival_of") and c.affirmations:
            pairs[(c.subject, c.object)][c.predicate] = c
    out = []
    for (a, b), found in sorted(pairs.items()):
        if len(found) < 2:
            continue
        allied, rival = found["allied_with"], found["rival_of"]
        ya = {x.date[:4] if x.date else None for x in allied.affirmations}
        yr = {x.date[:4] if x.date else None for x in rival.affirmations}
        shared = sorted(y for y in ya & yr if y)
        if shared:
            reason = f"said to be allied and rivals in {', '.join(shared)}"
            keep = set(shared)
        elif None in ya or None in yr:
            reason = "an undated statement cannot be placed in another period"
            keep = ya | yr
        else:
            continue

        def ids(c: Claim, keep: set[str | None] = keep) -> list[int]:
            return [
                x.statement
                for x in c.affirmations
                if (x.date[:4] if x.date else None) in keep or x.date is None
            ]

        sides = [SideOf("allied", "statements", ids(allied)), SideOf("rivals", "statements", ids(rival))]
        title = f"{names.get(a, a)} and {names.get(b, b)}: allies or rivals"
        out.append(Contradiction("alliance", title, [a, b], sides, [reason], _documents(allied, rival)))
    return out


# -- all together -----------------------------------------------------------------


def nesting_pairs(
    reader: Reader, canonical: Canonical, scope: set[str] | None = None
) -> set[tuple[str, str]]:
    """(a, b) pairs where a is part of, a member, leader or proxy of b: affirmed and never denied.

    ``scope`` narrows the reading to statements between these local ids."""
    affirmed, denied = set(), set()
    for s in reader.statements(NESTING, between=scope):
        pair = (canonical(s.document, s.subject), canonical(s.document, s.object))
        (affirmed if s.polarity == "affirm" else denied).add(pair)
    return affirmed - denied


def find_contradictions(
    reader: Reader,
    incidents: IncidentIndex,
    canonical: Canonical = local_ids,
    *,
    entity: set[str] | None = None,
    kinds: Iterable[str] = KINDS,
) -> list[Contradiction]:
    """Every contradiction (or those involving one of ``entity``'s ids), most discussed first.

    The sides hold row ids only; call ``materialise`` on the ones to show.
    """
    kinds = set(kinds)
    rows = _relevant_statements(reader, canonical, incidents, kinds)
    claims = list(group_claims(rows, reader, canonical, incidents).values())
    names = names_for(reader, canonical, rows)
    names.update({i.id: i.name for i in incidents.many({c.object for c in claims if c.object in incidents})})
    found: list[Contradiction] = []
    if "responsibility" in kinds:
        found += responsibility(claims, nesting_pairs(reader, canonical), names)
    if "denial" in kinds:
        found += denials(claims, names)
    if "alliance" in kinds:
        found += alliances(claims, names)
    if "estimates" in kinds:
        rows_e = reader.estimates()
        names.update(_estimate_names(reader, canonical, rows_e))
        found += estimates(rows_e, canonical, names)
    if entity is not None:
        found = [c for c in found if entity.intersection(c.entities)]
    return sorted(found, key=lambda c: (-c.documents, KINDS.index(c.kind), c.title))


def _relevant_statements(
    reader: Reader, canonical: Canonical, incidents: IncidentIndex, kinds: set[str]
) -> list[StatementRow]:
    """Only the statements a check can use: responsibility, alliance, and claims someone denies."""
    predicates = set()
    if "responsibility" in kinds:
        predicates.add("responsible_for")
    if "alliance" in kinds:
        predicates |= {"allied_with", "rival_of"}
    rows = reader.statements(predicates) if predicates else []
    if "denial" in kinds:
        denied = {claim_key(s, canonical, incidents) for s in reader.statements(polarity="deny")}
        chosen = {s.id for s in rows}
        more = reader.statements({p for _s, p, _o in denied} - predicates)
        rows += [s for s in more if s.id not in chosen and claim_key(s, canonical, incidents) in denied]
    return sorted(rows, key=lambda s: s.id)


def _estimate_names(reader: Reader, canonical: Canonical, rows: list[EstimateRow]) -> dict[str, str]:
    sample: dict[str, int] = {}
    for e in rows:
        if e.subject_entity is not None:
            sample.setdefault(canonical(e.document, e.subject), e.subject_entity)
    return {canonical(e.document, e.local_id): e.name for e in reader.entities(sample.values()).values()}


def materialise(
    reader: Reader, canonical: Canonical, found: list[Contradiction], per_side: int | None = 10
) -> list[Contradiction]:
    """Fill the items of these contradictions (the first ``per_side`` of each side, in the order
    said): speaker, what it says, dates, document, evidence."""
    docs = reader.documents()
    shown = {id(s): s.ids[:per_side] if per_side is not None else s.ids for c in found for s in c.sides}
    st_ids = [i for c in found for s in c.sides if s.table == "statements" for i in shown[id(s)]]
    est_ids = {i for c in found for s in c.sides if s.table == "estimates" for i in shown[id(s)]}
    statements = {s.id: s for s in reader.statements(ids=st_ids)}
    figures = {e.id: e for e in reader.estimates(ids=est_ids)} if est_ids else {}
    names = names_for(reader, canonical, statements.values())
    names.update(_speaker_names(reader, canonical, figures.values()))
    evidence = {**reader.evidence("statements", st_ids)}
    est_evidence = reader.evidence("estimates", est_ids)
    for c in found:
        for side in c.sides:
            side.items = []
            for i in shown[id(side)]:
                if side.table == "statements" and i in statements:
                    s = statements[i]
                    text = ("affirms" if s.polarity == "affirm" else "denies") + (
                        " (hedged)" if s.certainty == "hedged" else ""
                    )
                    item = Item(
                        "statements",
                        i,
                        s.document,
                        speaker_id(canonical, s.document, s.by),
                        text,
                        s.date,
                        None,
                    )
                    item.evidence = evidence.get(i, ("", 0, 0))[0]
                elif side.table == "estimates" and i in figures:
                    e = figures[i]
                    text = f"{figure(e.low, e.high)} {e.quantity}"
                    item = Item(
                        "estimates",
                        i,
                        e.document,
                        speaker_id(canonical, e.document, e.by),
                        text,
                        e.as_of,
                        None,
                    )
                    item.evidence = est_evidence.get(i, ("", 0, 0))[0]
                else:
                    continue
                doc = docs.get(item.document)
                item.said = doc.date if doc else None
                item.document_name = doc.name if doc else str(item.document)
                item.speaker_name = (
                    AUTHOR_NAME if item.speaker == AUTHOR else names.get(item.speaker, item.speaker)
                )
                side.items.append(item)
    return found


def _speaker_names(reader: Reader, canonical: Canonical, rows: Iterable[EstimateRow]) -> dict[str, str]:
    ids = {e.by_entity for e in rows if e.by_entity is not None}
    return {canonical(e.document, e.local_id): e.name for e in reader.entities(ids).values()}
