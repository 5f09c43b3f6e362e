"""Names that state a relation ("Islamic State Khorasan Province", "X's group")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.extract.index import EntityIndex
from claimgraph.extract.relations.base import Cand
from claimgraph.records import Entity

BRANCH_NAME = re.compile(r"\b(?:Province|Wilayat|Wilayah|Branch|Chapter)\b|^(?:in|of)\s", re.IGNORECASE)
GROUP_OF_PERSON = re.compile(
    r"^(?:['’]s)?\s*(?:group|faction|network|shura|organi[sz]ation|outfit|militia|men)$", re.I
)


def name_rule(doc: Doc, index: EntityIndex) -> list[Cand]:
    """Names that state a relation: "Islamic State Khorasan Province" is part of "Islamic State",
    "al-Qaeda in the Indian Subcontinent" of "al-Qaeda"; "X's group" is led by X."""
    first: dict[str, Token] = {}
    end = doc[-1].idx + len(doc[-1].text) if len(doc) else 0  # Doc.text is rebuilt on each access
    for s, e, entity in index.mentions_in(0, end):
        if entity.id not in first:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                first[entity.id] = span[0]
    out: list[Cand] = []
    ents = [e for e in index.entities.values() if e.id in first]
    for e in ents:
        if e.type != "organization":
            continue
        for other in ents:
            if other.id == e.id or other.type not in ("organization", "person"):
                continue
            if _named_after(e, other):
                pred = "part_of" if other.type == "organization" else "leader_of"
                s, o = (e.id, other.id) if pred == "part_of" else (other.id, e.id)
                out.append(Cand(s, pred, o, first[e.id], "relations.name"))
    return out


def _named_after(e: Entity, other: Entity) -> bool:
    for a in {e.name, *e.aliases}:
        for b in {other.name, *other.aliases}:
            if len(b) < 4 or (
                not a.startswith(b + " ") and not a.startswith(b + "'") and not a.startswith(b + "’")
            ):
                continue
            rest = a[len(b) :].strip()
            if other.type == "organization" and BRANCH_NAME.search(rest):
                return True
            if other.type == "person" and " " in b and GROUP_OF_PERSON.match(rest):
                return True
    return False
