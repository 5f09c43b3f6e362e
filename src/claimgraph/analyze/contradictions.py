"""Contradictions, computed from the knowledge base (never listed by hand).

Four checks, each a function over claims or estimates that returns
``Contradiction`` records with their sides and reasons:

- ``responsibility``: different actors held responsible for one incident,
  unless one is part of, a member of, led by or a proxy of the other;
- ``denial``: a claim and its denial (a responsibility claim denied, or a
  relation asserted and denied);
- ``estimates``: figures for the same actor, quantity family and year whose
  ranges do not overlap (point figures get a ±10 % margin);
- ``alliance``: two groups said to be allied and rivals in the same period
  (an undated side cannot be placed in another period, so it counts).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.analyze.claims import Claim, claim_key, group_claims, names_for
from claimgraph.analyze.common import AUTHOR_NAME, Canonical, local_ids, sort_key, speaker_id
from claimgraph.analyze.data import EstimateRow, Reader, StatementRow
from claimgraph.analyze.incidents import IncidentIndex
from claimgraph.records import AUTHOR

NESTING = ("part_of", "member_of", "leader_of", "deputy_of", "proxy_of")
QUANTITY_FAMILY = {"fighters": "strength", "members": "strength"}
POINT_MARGIN = 0.10
KINDS = ("responsibility", "denial", "estimates", "alliance")


@dataclass
class Item:
    """One statement or estimate on one side of a contradiction."""

    table: str  # "statements" | "estimates"
    id: int
    document: int
    speaker: str
    text: str  # what it says, e.g. "affirms", "1,500–2,200 fighters"
    certainty: str
    date: str | None
    said: str | None
    evidence: str = ""
    document_name: str = ""
    speaker_name: str = ""


@dataclass
class SideOf:
    label: str
    items: list[Item]


@dataclass
class Contradiction:
    kind: str
    title: str
    entities: set[str]
    sides: list[SideOf]
    reasons: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        key = self.kind + "|" + "|".join(sorted(f"{i.table}:{i.id}" for s in self.sides for i in s.items))
        return self.kind[:3] + "-" + hashlib.sha1(key.encode()).hexdigest()[:10]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "entities": sorted(self.entities),
            "reasons": self.reasons,
            "sides": [{"label": s.label, "items": [i.__dict__ for i in s.items]} for s in self.sides],
        }


def _item(claim: Claim, a_index: int) -> Item:
    a = claim.assertions[a_index]
    text = ("affirms" if a.affirms else "denies") + (" (hedged)" if a.hedged else "")
    return Item("statements", a.statement, a.document, a.speaker, text, a.certainty, a.date, a.said)


def _items(claim: Claim, polarity: str | None = None) -> list[Item]:
    return [_item(claim, i) for i, a in enumerate(claim.assertions) if polarity in (None, a.polarity)]


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
        compatible = {
            (a, b) for a in actors for b in actors if a != b and ((a, b) in nested or (b, a) in nested)
        }
        clash = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1 :] if (a, b) not in compatible]
        if not clash:
            continue
        reasons = [f"{names.get(a, a)} and {names.get(b, b)} are both held responsible" for a, b in clash]
        reasons += [
            f"{names.get(a, a)} is part of or led by {names.get(b, b)}: compatible"
            for a, b in sorted(compatible)
            if (a, b) in nested
        ]
        sides = [SideOf(f"{names.get(c.subject, c.subject)} responsible", _items(c, "affirm")) for c in found]
        out.append(
            Contradiction(
                "responsibility",
                f"who carried out {names.get(incident, incident)}",
                {incident, *actors},
                sides,
                reasons,
            )
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
        statement = f"{subject} {c.predicate.replace('_', ' ')} {obj}"
        affirm = sorted({names.get(a.speaker, a.speaker) for a in c.affirmations})
        deny = sorted({names.get(a.speaker, a.speaker) for a in c.denials})
        reasons = [f"{what} asserted by {', '.join(affirm)} and denied by {', '.join(deny)}"]
        out.append(
            Contradiction(
                "denial",
                statement,
                {c.subject, c.object},
                [SideOf("asserted", _items(c, "affirm")), SideOf("denied", _items(c, "deny"))],
                reasons,
            )
        )
    return out


def _interval(e: EstimateRow) -> tuple[float, float]:
    low = e.low if e.low is not None else 0.0
    high = e.high if e.high is not None else math.inf
    if e.low is not None and e.high is not None and e.low == e.high:
        return low * (1 - POINT_MARGIN), high * (1 + POINT_MARGIN)
    return low, high


def _figure(e: EstimateRow) -> str:
    def num(x: float) -> str:
        return f"{x:,.0f}"

    if e.low is not None and e.high is not None:
        return num(e.low) if e.low == e.high else f"{num(e.low)}–{num(e.high)}"
    if e.low is not None:
        return f"over {num(e.low)}"
    if e.high is not None:
        return f"under {num(e.high)}"
    return "?"


def estimates(
    rows: Iterable[EstimateRow], canonical: Canonical, said: dict[int, str | None], names: dict[str, str]
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
        disjoint = []
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                same_sentence = a.document == b.document and a.sentence == b.sentence and a.by == b.by
                (la, ha), (lb, hb) = _interval(a), _interval(b)
                if not same_sentence and (ha < lb or hb < la):
                    disjoint.append((a, b))
        if not disjoint:
            continue
        involved = {e.id: e for pair in disjoint for e in pair}
        reasons = [
            f"{_figure(a)} {a.quantity} ({a.as_of}) does not overlap {_figure(b)} {b.quantity} ({b.as_of})"
            for a, b in disjoint
        ]
        if len({e.quantity for e in involved.values()}) > 1:
            reasons.append(
                f"{' and '.join(sorted({e.quantity for e in involved.values()}))} compared as {family}"
            )
        sides = [
            SideOf(
                _figure(e),
                [
                    Item(
                        "estimates",
                        e.id,
                        e.document,
                        speaker_id(canonical, e.document, e.by),
                        f"{_figure(e)} {e.quantity}",
                        "asserted",
                        e.as_of,
                        said.get(e.document),
                    )
                ],
            )
            for e in sorted(involved.values(), key=lambda e: (sort_key(e.as_of), e.low or 0, e.id))
        ]
        out.append(
            Contradiction(
                "estimates", f"{family} of {names.get(subject, subject)} in {year}", {subject}, sides, reasons
            )
        )
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
        elif None in ya or None in yr:
            reason = "an undated statement cannot be placed in another period"
        else:
            continue
        out.append(
            Contradiction(
                "alliance",
                f"{names.get(a, a)} and {names.get(b, b)}: allies or rivals",
                {a, b},
                [SideOf("allied", _items(allied, "affirm")), SideOf("rivals", _items(rival, "affirm"))],
                [reason],
            )
        )
    return out


# -- all together -----------------------------------------------------------------


def nesting_pairs(reader: Reader, canonical: Canonical) -> set[tuple[str, str]]:
    """(a, b) pairs where a is part of, a member, leader or proxy of b: affirmed and never denied."""
    affirmed, denied = set(), set()
    for s in reader.statements(NESTING):
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
    """Every contradiction of the knowledge base (or those involving one of ``entity``'s ids)."""
    kinds = set(kinds)
    rows = _relevant_statements(reader, canonical, incidents, entity, kinds)
    claims = group_claims(rows, reader, canonical, incidents).values()
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
        said = {d.id: d.date for d in reader.documents().values()}
        rows_e = reader.estimates()
        if entity is not None:
            rows_e = [e for e in rows_e if canonical(e.document, e.subject) in entity]
        names.update(_estimate_names(reader, canonical, rows_e))
        found += estimates(rows_e, canonical, said, names)
    if entity is not None:
        found = [c for c in found if c.entities & entity]
    _fill(reader, found, names)
    return found


def _relevant_statements(
    reader: Reader,
    canonical: Canonical,
    incidents: IncidentIndex,
    entity: set[str] | None,
    kinds: set[str],
) -> list[StatementRow]:
    """Only the statements a check can use: responsibility, alliance, and claims someone denies."""
    predicates = set()
    if "responsibility" in kinds:
        predicates.add("responsible_for")
    if "alliance" in kinds:
        predicates |= {"allied_with", "rival_of"}
    rows = reader.statements(predicates) if predicates else []
    if "denial" in kinds:
        denied_rows = reader.statements(polarity="deny")
        denied = {claim_key(s, canonical, incidents) for s in denied_rows}
        chosen = {s.id for s in rows}
        more = reader.statements({p for _s, p, _o in denied} - predicates)
        rows += [s for s in more if s.id not in chosen and claim_key(s, canonical, incidents) in denied]
    return sorted(rows, key=lambda s: s.id)


def _estimate_names(reader: Reader, canonical: Canonical, rows: list[EstimateRow]) -> dict[str, str]:
    entity_ids = {i for e in rows for i in (e.subject_entity, e.by_entity) if i is not None}
    return {canonical(e.document, e.local_id): e.name for e in reader.entities(entity_ids).values()}


def _fill(reader: Reader, found: list[Contradiction], names: dict[str, str]) -> None:
    """Evidence, document and speaker names of the items shown."""
    docs = reader.documents()
    for table in ("statements", "estimates"):
        ids = [i.id for c in found for s in c.sides for i in s.items if i.table == table]
        evidence = reader.evidence(table, ids)
        for c in found:
            for s in c.sides:
                for i in s.items:
                    if i.table == table:
                        i.evidence = evidence.get(i.id, ("", 0, 0))[0]
                        i.document_name = docs[i.document].name if i.document in docs else str(i.document)
                        i.speaker_name = (
                            AUTHOR_NAME if i.speaker == AUTHOR else names.get(i.speaker, i.speaker)
                        )
