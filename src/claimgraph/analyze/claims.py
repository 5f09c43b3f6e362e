"""Claims: every statement of the knowledge base grouped by (subject, predicate, object).

Subjects and objects go through the ``Canonical`` mapping; an object that is
an event becomes its incident.  A claim lists who asserts it and who denies
it, hedged or not, the date of the fact and the date it was said (the
document's date), from which documents, and resting on how many independent
primary sources (``sources.statement_sources``).  Relations dated by the text
get a validity period: from the earliest dated affirmation, to the first
later dated denial.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from claimgraph.analyze.common import AUTHOR_NAME, Canonical, locals_of, sort_key, speaker_id
from claimgraph.analyze.data import DocInfo, HasNotes, Reader, StatementRow
from claimgraph.analyze.incidents import IncidentIndex
from claimgraph.analyze.sources import Source, statement_sources
from claimgraph.exc import NotFound
from claimgraph.records import AUTHOR

PREDICATES = (
    "responsible_for",
    "leader_of",
    "deputy_of",
    "member_of",
    "part_of",
    "allied_with",
    "rival_of",
    "split_from",
    "pledged_allegiance_to",
    "supports",
    "proxy_of",
    "successor_of",
    "active_in",
    "nationality",
)
SYMMETRIC = frozenset({"allied_with", "rival_of"})
_CLAIM_ID = re.compile(r"^(?P<s>.+?)/(?P<p>" + "|".join(PREDICATES) + r")/(?P<o>.+)$")


def claim_id(subject: str, predicate: str, obj: str) -> str:
    """The id of a claim: ``subject/predicate/object`` (canonical ids; symmetric pairs sorted)."""
    if predicate in SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    return f"{subject}/{predicate}/{obj}"


def parse_claim_id(text: str) -> tuple[str, str, str]:
    """(subject, predicate, object) of a claim id; raises ``NotFound`` when it is not one."""
    m = _CLAIM_ID.match(text.strip())
    if not m:
        raise NotFound(
            f"{text!r} is not a claim id (subject/predicate/object, e.g. iskp/part_of/islamic_state)"
        )
    return m["s"], m["p"], m["o"]


@dataclass
class Assertion(HasNotes):
    """One statement inside a claim, with its provenance."""

    statement: int
    document: int
    speaker: str  # canonical id, or "author"
    polarity: str
    certainty: str
    date: str | None  # when the fact holds, as the text dates it
    said: str | None  # when it was said: the document's date
    notes_json: str
    sentence: int | None
    sources: list[str] = field(default_factory=list)  # keys of its independent sources

    @property
    def affirms(self) -> bool:
        return self.polarity == "affirm"

    @property
    def hedged(self) -> bool:
        return self.certainty == "hedged"


@dataclass
class Claim:
    """Everything the knowledge base holds on one (subject, predicate, object)."""

    subject: str
    predicate: str
    object: str
    assertions: list[Assertion] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return claim_id(self.subject, self.predicate, self.object)

    @property
    def affirmations(self) -> list[Assertion]:
        return [a for a in self.assertions if a.affirms]

    @property
    def denials(self) -> list[Assertion]:
        return [a for a in self.assertions if not a.affirms]

    @property
    def documents(self) -> list[int]:
        return sorted({a.document for a in self.assertions})

    def independent(self, polarity: str = "affirm") -> list[str]:
        """Keys of the distinct primary sources behind the affirmations (or the denials)."""
        keys: dict[str, None] = {}
        for a in self.assertions:
            if a.polarity == polarity:
                keys.update(dict.fromkeys(a.sources))
        return list(keys)

    @property
    def valid_from(self) -> str | None:
        dated = sorted(a.date for a in self.affirmations if a.date)
        return dated[0] if dated else None

    @property
    def valid_to(self) -> str | None:
        start = self.valid_from
        later = sorted(a.date for a in self.denials if a.date and (start is None or a.date > start))
        return later[0] if later else None

    @property
    def said(self) -> tuple[str | None, str | None]:
        """First and last date the claim was said (its documents' dates)."""
        dates = sorted(a.said for a in self.assertions if a.said)
        return (dates[0], dates[-1]) if dates else (None, None)


def claim_key(s: StatementRow, canonical: Canonical, incidents: IncidentIndex | None) -> tuple[str, str, str]:
    """(subject, predicate, object) of a statement's claim: canonical ids, events as incidents."""
    subject = canonical(s.document, s.subject)
    if s.object_event is not None and incidents is not None:
        obj = incidents.of_event(s.object_event) or s.object
    else:
        obj = canonical(s.document, s.object)
    if s.predicate in SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    return subject, s.predicate, obj


def _assertion(s: StatementRow, canonical: Canonical, docs: dict[int, DocInfo]) -> Assertion:
    doc = docs.get(s.document)
    return Assertion(
        s.id,
        s.document,
        speaker_id(canonical, s.document, s.by),
        s.polarity,
        s.certainty,
        s.date,
        doc.date if doc else None,
        s.notes_json,
        s.sentence,
    )


def group_claims(
    statements: Iterable[StatementRow],
    reader: Reader,
    canonical: Canonical,
    incidents: IncidentIndex | None = None,
) -> dict[str, Claim]:
    """Claims by id, without their sources (see ``attach_sources``); assertions in the order said."""
    docs = reader.documents()
    claims: dict[str, Claim] = {}
    for s in statements:
        subject, predicate, obj = claim_key(s, canonical, incidents)
        ident = claim_id(subject, predicate, obj)
        claim = claims.get(ident)
        if claim is None:
            claim = claims[ident] = Claim(subject, predicate, obj)
        claim.assertions.append(_assertion(s, canonical, docs))
    for claim in claims.values():
        claim.assertions.sort(key=lambda a: (sort_key(a.said), a.document, a.statement))
    return claims


def attach_sources(
    claims: Iterable[Claim],
    reader: Reader,
    canonical: Canonical,
    speaker_names: dict[str, str] | None = None,
) -> None:
    """Fill each claim's assertions' ``sources`` and the claim's ``sources`` (follows footnotes)."""
    claims = list(claims)
    ids = [a.statement for c in claims for a in c.assertions]
    rows = reader.statements(ids=ids)
    backing, sources = statement_sources(rows, reader, canonical, speaker_names)
    for c in claims:
        cites: dict[str, list[tuple[int, str]]] = {}
        for a in c.assertions:
            b = backing.get(a.statement)
            if b is None:
                continue
            a.sources = list(b.keys)
            for key in b.keys:
                found = cites.setdefault(key, [])
                found += [n for n in b.cites.get(key, []) if n not in found]
        c.sources = {key: replace(sources[key], cited_as=notes) for key, notes in cites.items()}


def get_claim(reader: Reader, canonical: Canonical, incidents: IncidentIndex, ident: str) -> Claim:
    """One claim by id (``subject/predicate/object``) or by the row id of one of its statements;
    without sources (``attach_sources``)."""
    text = ident.strip()
    if text.isdigit():
        rows = reader.statements(ids=[int(text)])
        if not rows:
            raise NotFound(f"no statement {text} in the knowledge base")
        subject, predicate, obj = claim_key(rows[0], canonical, incidents)
    else:
        subject, predicate, obj = parse_claim_id(text)
    wanted = claim_id(subject, predicate, obj)
    found = group_claims(
        (
            s
            for s in reader.statements([predicate], touching=locals_of(canonical, {subject, obj}))
            if claim_id(*claim_key(s, canonical, incidents)) == wanted
        ),
        reader,
        canonical,
        incidents,
    )
    if wanted not in found:
        raise NotFound(f"no claim {wanted!r} in the knowledge base")
    return found[wanted]


def names_for(reader: Reader, canonical: Canonical, rows: Iterable[StatementRow]) -> dict[str, str]:
    """Display names of the canonical ids of these statements' subjects, objects and speakers.

    A canonical id gets the name most of (up to) three of its entity rows use.
    """
    sample: dict[str, list[int]] = defaultdict(list)
    for s in rows:
        for local, row in ((s.subject, s.subject_entity), (s.object, s.object_entity), (s.by, s.by_entity)):
            if row is not None:
                ids = sample[canonical(s.document, local)]
                if len(ids) < 3 and row not in ids:
                    ids.append(row)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in reader.entities(i for ids in sample.values() for i in ids).values():
        votes[canonical(e.document, e.local_id)][e.name] += 1
    names = {ident: c.most_common(1)[0][0] for ident, c in votes.items()}
    names[AUTHOR] = AUTHOR_NAME
    return names
