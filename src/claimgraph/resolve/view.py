"""Find a knowledge-base entity by what an analyst types, and gather what is known about it.

``find_entity(store, text)`` accepts a canonical id ("iskp"), a record key
("3f2a9c01b7de:iskp"), a name or an alias ("ISIS-K", "Wilayat Khorasan"),
compared after folding case, accents and punctuation.  ``entity_view``
returns one ``EntityView``: type and kind, every alias with the number of
documents using it, every member record with the rule and evidence that
linked it, the statements about or by it counted per predicate with their
speakers, and the human decisions that shaped it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from claimgraph.exc import Conflict, NotFound
from claimgraph.records import AUTHOR
from claimgraph.resolve.names import normalize
from claimgraph.resolve.service import ensure_resolved
from claimgraph.store.base import Row, Store

MEMBER_FIELDS = ("record_key", "document", "document_name", "local_id", "name", "rule", "evidence", "via")


@dataclass
class StatementCount:
    """Statements with the entity in one role and one predicate, and who they come from."""

    role: str  # subject | object | speaker
    predicate: str
    polarity: str
    statements: int
    others: list[tuple[str, int]] = field(default_factory=list)  # speakers (subjects when role is speaker)


@dataclass
class EntityView:
    id: str
    type: str
    kind: str | None
    name: str
    pack_id: str | None
    records: int
    documents: int
    aliases: list[tuple[str, int]] = field(default_factory=list)  # alias, documents using it
    members: list[dict[str, Any]] = field(default_factory=list)
    statements: list[StatementCount] = field(default_factory=list)
    decisions: list[Row] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = [{"alias": a, "documents": n} for a, n in self.aliases]
        for s in d["statements"]:
            s["others"] = [{"name": o, "statements": n} for o, n in s["others"]]
        return d


def find_entity(store: Store, text: str) -> Row:
    """The knowledge-base entity ``text`` names; raises ``NotFound`` or ``Conflict`` (ambiguous)."""
    ensure_resolved(store)
    text = text.strip()
    try:
        return store.kb_entity(text)
    except NotFound:
        pass
    if ":" in text:
        rows = store.kb_members(record_key=text)
        if rows:
            return store.kb_entity(rows[0]["canonical"])
    found = store.find_kb_entities(text)
    if not found:
        raise NotFound(f"no entity named {text!r} in the knowledge base")
    if len(found) > 1:
        options = ", ".join(f"{r['id']} ({r['type']}, {r['name']!r})" for r in found[:8])
        raise Conflict(f"{text!r} is ambiguous: {options}; use one of these ids")
    return found[0]


def entity_view(store: Store, text: str) -> EntityView:
    """Everything the knowledge base holds about the entity ``text`` names."""
    row = find_entity(store, text)
    cid = row["id"]
    members = store.kb_members(cid)
    view = EntityView(
        cid, row["type"], row["kind"], row["name"], row["pack_id"], row["records"], row["documents"]
    )
    view.aliases = [(a["alias"], a["documents"]) for a in store.kb_aliases(cid)]
    view.members = [{k: m[k] for k in MEMBER_FIELDS} for m in members]
    view.statements = _statements(store, cid)
    keys = {m["record_key"] for m in members}
    names = {normalize(a) for a, _ in view.aliases}
    view.decisions = [
        d
        for d in store.decisions()
        if d["a_key"] in keys
        or d["b_key_or_alias"] in keys
        or (d["kind"] == "split" and normalize(d["b_key_or_alias"]) in names)
    ]
    return view


def _statements(store: Store, cid: str) -> list[StatementCount]:
    groups: dict[tuple[str, str, str], StatementCount] = {}
    others: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    labels: dict[str, str] = {}
    for r in store.kb_statement_summary(cid):
        key = (r["role"], r["predicate"], r["polarity"])
        group = groups.setdefault(key, StatementCount(*key, 0))
        group.statements += r["statements"]
        label = _label(store, r["other"], labels)
        others[key][label] = others[key].get(label, 0) + r["statements"]
    for key, group in groups.items():
        group.others = sorted(others[key].items(), key=lambda x: (-x[1], x[0]))
    return sorted(groups.values(), key=lambda g: (g.role, -g.statements, g.predicate, g.polarity))


def _label(store: Store, other: str, cache: dict[str, str]) -> str:
    if other == AUTHOR:
        return "the author"
    if other not in cache:
        try:
            cache[other] = store.kb_entity(other)["name"]
        except NotFound:
            cache[other] = other  # a local slug that names no entity (an event, a generic actor)
    return cache[other]
