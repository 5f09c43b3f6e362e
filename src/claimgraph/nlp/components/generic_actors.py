"""Generic state actors: a demonym or place name + a head ("Afghan security officials").

Heads come from the ``generic_actors`` lexicon (kind and merge group),
in-between words from ``generic_modifiers``.  Each span gets ``kb_id_``
``generic:<place>:<group>`` so that phrases denoting one body ("Afghan forces",
"Afghan security forces", "the Afghan military") become one entity; the place
is the pack country a demonym or name points to when the packs know it.
Capitalised in-between words make a proper name ("Afghan National Army"),
which is left to the other rules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.nlp.components.common import GENERIC_KEY, GENERIC_PREFIX, fold, label_for, set_kind
from claimgraph.packs import PackSet


class GenericActors:
    """Finds generic actors: ``doc.spans["cg_generic"]`` (label ORG, ``kb_id_`` = merge key)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.heads: dict[str, dict] = {}
        self.places: dict[str, str] = {}  # folded demonym or country name → country key

    def configure(self, packs: PackSet) -> None:
        """Build the patterns from the lexicons and the packs' countries."""
        self.heads = {e["term"].lower(): e for e in packs.entries("generic_actors")}
        modifiers = sorted({w for t in packs.terms("generic_modifiers") for w in t.split()})
        self.places = {}
        for e in packs.entities.values():
            if e.type == "place" and e.kind in ("country", None):
                for form in [*e.aliases, *e.demonyms]:
                    self.places.setdefault(fold(form), e.id)
        demonyms = sorted({form for e in packs.entities.values() for form in e.demonyms})
        self.matcher = Matcher(self.nlp.vocab)
        place_tokens = [
            [{"ENT_TYPE": {"IN": ["NORP", "GPE"]}, "IS_TITLE": True, "OP": "+"}],
            [{"ENT_TYPE": {"IN": ["NORP", "GPE"]}, "IS_UPPER": True, "OP": "+"}],
        ]
        if demonyms:
            place_tokens.append([{"ORTH": {"IN": demonyms}}])
        middle = [{"ORTH": {"IN": modifiers}, "OP": "*"}] if modifiers else []
        singles = sorted(h for h in self.heads if " " not in h)
        heads = [[{"LOWER": {"IN": singles}}]] + [
            [{"LOWER": w} for w in h.split()] for h in self.heads if " " in h
        ]
        patterns = [lead + middle + head for head in heads for lead in place_tokens]
        self.matcher.add("GENERIC", patterns, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _match_id, start, end in self.matcher(doc):
            two = " ".join(t.lower_ for t in doc[max(start, end - 2) : end])
            head = two if two in self.heads else doc[end - 1].lower_
            entry = self.heads[head]
            n_head = len(head.split())
            place_end = start
            while place_end < end - n_head and (
                doc[place_end].ent_type_ in ("NORP", "GPE") or fold(doc[place_end].text) in self.places
            ):
                place_end += 1
            if place_end == start:
                continue
            place_text = doc[start:place_end].text
            if fold(place_text) not in self.places and doc[start].ent_type_ != "GPE":
                continue  # "Islamic forces": an adjective, not a country
            last = doc[end - 1]
            if last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end:
                continue  # "Afghan military operations": the head modifies another noun
            place = self.places.get(fold(place_text), fold(place_text).replace(" ", "_"))
            key = f"{GENERIC_PREFIX}{place}:{entry['group']}"
            label = label_for(entry.get("type", "organization"), entry["kind"])
            spans.append(Span(doc, start, end, label=label, kb_id=key))
        kept = filter_spans(spans)
        for span in kept:
            entry = self.heads.get(" ".join(t.lower_ for t in span[-2:])) or self.heads.get(span[-1].lower_)
            set_kind(doc, span, entry["kind"] if entry else None)
        doc.spans[GENERIC_KEY] = kept
        return doc
