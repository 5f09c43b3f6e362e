"""The final mentions: pack aliases, name patterns, generic actors and the cleaned NER.

Candidates are ranked and chosen greedily without overlap (then longer first):

1. a longer span that contains a weaker one and says what it really is: an
   NER name around a pack alias of another type ("Kabul University" around
   the city, "Abdullah Orakzai" around the district, "Islamic Movement of
   Uzbekistan" around the country), a titled name or kunya around a pack
   person, a generic actor around a country ("the US military"), a
   community with a demonym ("Indian Muslims");
2. pack aliases; 3. titled names, kunyas and generic actors; 4. the NER.

A chosen person or place name followed by a facility or group head grows
over it ("Jalalabad prison", "Kasaragod module", "Azizullah Haqqani's group");
followed by a place unit ("Mamand valley") it stays the place and the longer
form becomes an alias.  Sectarian adjectives count as community mentions
("Sikh worshippers"), other community adjectives do not ("Pashtun fighters").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.nlp.components.common import (
    GENERIC_KEY,
    KINDS,
    LABEL_TYPE,
    NAMES_KEY,
    PACK_KEY,
    add_alias,
    add_inner,
    fold,
    label_for,
    set_kind,
    set_origin,
)
from claimgraph.nlp.components.ner_clean import SPLITTERS, NerCleaner
from claimgraph.packs import PackSet

GROW_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
POSSESSIVE = frozenset({"'s", "’s"})
GROUP_WORDS = frozenset({"people", "community", "communities", "population", "diaspora", "minority"})


class EntityMerge:
    """Chooses ``doc.ents`` from the candidates of the earlier components and the NER."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.ner = NerCleaner(nlp)
        self.cues = self.ner.cues
        self.pack_kinds: dict[str, tuple[str, str | None]] = {}
        self.adjectival: frozenset[str] = frozenset()
        self.generic_heads: frozenset[str] = frozenset()
        self.distinct_groups: frozenset[str] = frozenset()

    def configure(self, packs: PackSet) -> None:
        """Read cues, stoplist, communities and the packs' places and demonyms."""
        self.ner = NerCleaner(self.nlp, packs)
        self.cues = self.ner.cues  # one reading of the entity_cues lexicon
        self.pack_kinds = {e.id: (e.type, e.kind) for e in packs.entities.values()}
        generic = packs.entries("generic_actors")
        self.distinct_groups = frozenset(e["group"] for e in generic if e.get("distinct"))
        self.generic_heads = frozenset(e["term"].split()[-1].lower() for e in generic)
        self.adjectival = frozenset(
            fold(e["term"]) for e in packs.entries("communities") if e.get("adjective")
        )

    def __call__(self, doc: Doc) -> Doc:
        pack = sorted(
            (s for s in doc.spans.get(PACK_KEY, []) if self._pack_mention(s)), key=lambda s: s.start
        )
        starts = [s.start for s in pack]
        kinds = doc.user_data.get(KINDS, {})
        cands: list[tuple[int, Span, str | None, str | None, str]] = []  # rank, span, kb, kind, origin
        for s in pack:
            cands.append((2, s, s.kb_id_, self.pack_kinds.get(s.kb_id_, ("", None))[1], "pack"))
            prev = doc[s.start - 1] if s.start > 0 else None
            if (
                s.label_ == "NORP"
                and prev is not None
                and fold(prev.text) in self.ner.demonyms
                and (s[-1].tag_ in ("NNS", "NNPS") or s[-1].lower_.endswith("s"))
            ):
                kind = self.pack_kinds.get(s.kb_id_, ("", None))[1]
                cands.append(
                    (1, Span(doc, s.start - 1, s.end, label="NORP"), None, kind, "cue")
                )  # "Indian Muslims"
        for s in doc.spans.get(NAMES_KEY, []):
            inner = _inside(pack, starts, s)
            if s.label_ == "ORG":  # "Wilayat Pakistan" is more than the country inside it
                whole = any((p.start, p.end) == (s.start, s.end) for p in inner)
                other = any(self.pack_kinds.get(p.kb_id_, ("",))[0] != "organization" for p in inner)
                cands.append((1 if other and not whole else 3, s, None, "militant_group", "pattern"))
                continue
            kb = inner[0].kb_id_ if len(inner) == 1 and inner[0].label_ == "PERSON" else None
            cands.append((1 if kb else 3, s, kb, None, "pattern"))
        for s in doc.spans.get(GENERIC_KEY, []):
            inner = _inside(pack, starts, s)
            distinct = s.kb_id_.rsplit(":", 1)[-1] in self.distinct_groups
            rank = 1 if distinct or any(p.label_ != "ORG" for p in inner) else 3
            cands.append((rank, s, s.kb_id_, kinds.get((s.start_char, s.end_char)), "generic"))
        for ent in doc.ents:
            for c in self.ner.candidates(doc, ent):
                rank = 1 if self._overrides(c.span, c.kind, _inside(pack, starts, c.span)) else 4
                cands.append((rank, c.span, None, c.kind, "cue" if c.retyped else "ner"))
        taken = bytearray(len(doc) + 1)
        chosen = []
        for _rank, span, kb, kind, origin in sorted(cands, key=lambda c: (c[0], -len(c[1]), c[1].start)):
            if any(taken[span.start : span.end]):
                continue
            taken[span.start : span.end] = b"\x01" * len(span)
            chosen.append((span, kb, kind, origin))
        ents: list[Span] = []
        chosen.sort(key=lambda c: c[0].start)
        skip = -1
        for i, (span, kb, kind, origin) in enumerate(chosen):
            if i == skip:
                continue
            if origin != "generic" and (kb is None or self.pack_kinds.get(kb, ("",))[0] != "organization"):
                span, kb, kind, origin = self._grow(doc, span, kb, kind, origin, taken)
            nxt = chosen[i + 1][0] if i + 1 < len(chosen) else None
            if nxt is not None and kb is None and self._grows_of(doc, span, origin, nxt):
                span, skip = Span(doc, span.start, nxt.end, label="ORG"), i + 1
            final = Span(doc, span.start, span.end, label=span.label_, kb_id=kb or "")
            set_kind(doc, final, kind)
            set_origin(doc, final, origin)
            ents.append(final)
        doc.ents = ents
        return doc

    def _pack_mention(self, span: Span) -> bool:
        """False for modifiers that describe rather than name.

        "Pashtun fighters" (a community adjective), "Syrians such as X" (nationals,
        not a national community: that needs "the Syrian people"), "Pakistani
        military operations" (a state body's name used as a modifier).
        """
        etype, kind = self.pack_kinds.get(span.kb_id_, ("", None))
        last = span[-1]
        if etype == "community" and kind == "national":
            return last.lower_ in GROUP_WORDS
        if etype == "organization" and last.lower_ in self.generic_heads:
            return not (last.dep_ in ("compound", "amod", "nmod") and last.head.i >= span.end)
        if span.label_ != "NORP" or len(span) != 1 or fold(span.text) in self.adjectival:
            return True
        return not (
            last.dep_ in ("amod", "compound")
            and last.head.pos_ == "NOUN"
            and last.tag_ not in ("NNS", "NNPS")
        )

    def _overrides(self, span: Span, kind: str | None, inner: list[Span]) -> bool:
        """A name that contains pack aliases of another type is more than them."""
        if not inner or len(span) < 2 or any(t.lower_ in SPLITTERS for t in span):
            return False
        if all((p.start, p.end) == (span.start, span.end) for p in inner):
            return False
        covered = {i for p in inner for i in range(p.start, p.end)}
        if all(t.i in covered for t in span if t.is_alpha):
            return False  # "US-Taliban": nothing but known names
        own = LABEL_TYPE[span.label_]
        if own == "community":
            return fold(span[0].text) in self.ner.demonyms
        return any(self.pack_kinds.get(p.kb_id_, ("",))[0] != own for p in inner) or (
            kind is not None and any(self.pack_kinds.get(p.kb_id_, ("", None))[1] != kind for p in inner)
        )

    def _grow(
        self, doc: Doc, span: Span, kb: str | None, kind: str | None, origin: str, taken: bytearray
    ) -> tuple[Span, str | None, str | None, str]:
        """Grow over a following head noun ("Jalalabad prison") or note it as an alias."""
        if span.label_ not in GROW_LABELS and not (span.label_ == "ORG" and origin == "ner"):
            return span, kb, kind, origin  # a known group + "movement"/"branch" describes, not names
        end = span.end
        possessive = end < len(doc) and doc[end].lower_ in POSSESSIVE
        if possessive:
            end += 1
        if end >= len(doc) or taken[end] or doc[end].is_punct:
            return span, kb, kind, origin
        head = doc[end].lower_
        found = self.cues.classify([*[t.lower_ for t in span], head], lambda a, b: True)
        if found is None or found[1] != len(span) + 0 or found[2] != len(span) + 1:
            return span, kb, kind, origin
        cue = found[0]
        if (possessive or span.label_ == "ORG") and head != "group":
            return span, kb, kind, origin  # "X's group", "X group" name a group; "AQ branch" describes
        if cue.type not in ("place", "organization"):
            return span, kb, kind, origin
        if cue.type == "place" and cue.kind != "facility":
            if kb is not None and self.pack_kinds.get(kb, ("",))[0] != "place":
                return span, kb, kind, origin
            add_alias(doc, span, doc[span.start : end + 1].text, "entity_merge.place_head")
            return (
                Span(doc, span.start, span.end, label=label_for("place", kind or cue.kind)),
                kb,
                kind or cue.kind,
                origin,
            )
        if (cue.type == "organization" and cue.kind != "militant_group") or (
            span.label_ == "ORG" and cue.type == "place"
        ):
            return span, kb, kind, origin
        taken[end] = 1
        if possessive and span.label_ == "PERSON":
            add_inner(doc, span, kb)  # "Mullah Bakhtwar's group" also names the man
        return Span(doc, span.start, end + 1, label=label_for(cue.type, cue.kind)), None, cue.kind, "cue"

    def _grows_of(self, doc: Doc, span: Span, origin: str, nxt: Span) -> bool:
        """ "Khorasan Branch" + "of Iran": a group name that ends in "of <place>"."""
        if origin != "cue" or span.label_ != "ORG" or nxt.label_ not in ("GPE", "LOC"):
            return False
        if nxt.start != span.end + 1 or doc[span.end].lower_ != "of":
            return False
        found = self.cues.classify([t.lower_ for t in span])
        return found is not None and found[0].type == "organization" and found[2] == len(span)


def _inside(spans: list[Span], starts: list[int], outer: Span) -> list[Span]:
    """The spans (sorted, not overlapping, ``starts`` their starts) lying inside ``outer``."""
    out = []
    for p in spans[bisect_left(starts, outer.start) :]:
        if p.start >= outer.end:
            break
        if p.end <= outer.end:
            out.append(p)
    return out
