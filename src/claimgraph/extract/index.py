"""The entity index: which entity each mention in the Doc refers to.

Contract between the entity stage and the later stages: after the NLP
pipeline ran, every entity mention is in ``doc.ents`` with ``ent.ent_id_`` set
to the document-local entity id, and resolved references ("the group", "he")
are in ``doc.spans["cg_coref"]`` with ``span.id_`` set the same way.
``EntityIndex`` answers "what entity is at this span/token" in body offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.components.common import LABEL_TYPE
from claimgraph.records import Entity, Mention

COREF_KEY = "cg_coref"


@dataclass
class EntityIndex:
    entities: dict[str, Entity] = field(default_factory=dict)
    _spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, id), sorted
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, entities: dict[str, Entity] | None = None) -> EntityIndex:
        """Index ``doc.ents`` (with ``ent_id_``) and coref spans; make missing Entity records."""
        index = cls(entities=dict(entities or {}))
        spans: list[Span] = [e for e in doc.ents if e.ent_id_]
        spans += [s for s in doc.spans.get(COREF_KEY, []) if s.id_]
        for span in spans:
            ident = span.ent_id_ or span.id_
            if ident not in index.entities:
                index.entities[ident] = Entity(
                    id=ident,
                    type=LABEL_TYPE.get(span.label_, "organization"),
                    name=span.text,
                    aliases=[span.text],
                    rule="index.from_doc",
                )
            index._spans.append((span.start_char, span.end_char, ident))
        index._spans.sort()
        index._starts = [s for s, _, _ in index._spans]
        return index

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions lying inside the body span [start, end), in text order."""
        i = bisect_right(self._starts, start - 1)
        out = []
        for s, e, ident in self._spans[i:]:
            if s >= end:
                break
            if e <= end:
                out.append((s, e, self.entities[ident]))
        return out

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end) most."""
        best, best_overlap = None, 0
        i = max(0, bisect_right(self._starts, start) - 1)
        # Step back over earlier mentions that may still overlap.
        while i > 0 and self._spans[i - 1][1] > start:
            i -= 1
        for s, e, ident in self._spans[i:]:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = self.entities[ident], overlap
        return best

    def entity_of_token(self, token: Token) -> Entity | None:
        return self.entity_at(token.idx, token.idx + len(token.text))

    def ensure(self, entity: Entity, mention: Mention | None = None) -> Entity:
        """Add an entity made by a later stage (e.g. a country reached by a demonym)."""
        existing = self.entities.get(entity.id)
        if existing is None:
            self.entities[entity.id] = existing = entity
        if mention is not None:
            existing.mentions.append(mention)
            if mention.text not in existing.aliases:
                existing.aliases.append(mention.text)
        return existing
