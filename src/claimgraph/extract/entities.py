"""The entity stage: from the pipeline's mentions to one Entity per actor, place or community.

The spaCy components (``claimgraph.nlp.components``) find mentions; here the
mentions of one document are united into entities and every ``doc.ents``
span gets ``ent_id_`` = the entity's local id.  Two mentions are one entity
when

* they carry the same pack entity or generic-actor key,
* the text links them (``Long Name (LN)``, "also known as", "or", slashes),
* their names are equal after folding case, diacritics, apostrophes and
  a leading "the", or equal as transliteration skeletons (Farooqi/Faruqi,
  Hafeez/Hafiz, Badakshan/Badakhshan),
* one is the tail (or a two-word head) of exactly one longer person name
  ("Farooqi" after "Aslam Farooqi", "al-Rahman" after "Jamil al-Rahman"),
* an all-capitals form abbreviates exactly one longer name of that type,
* a plural ("the Haqqanis") names the members of exactly one group.

The canonical name is the pack's name, else the fullest form the text uses.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from claimgraph.extract.entity_links import (
    ORIGIN_RANK,
    Cand,
    Union,
    given_names,
    mark_placelike,
    pack_surnames,
    propagate,
    retype_places,
    skeleton,
    slug,
    surface,
    unite,
)
from claimgraph.nlp.components.common import (
    ALIASES,
    GENERIC_PREFIX,
    INNER,
    KINDS,
    LABEL_TYPE,
    ORIGINS,
)
from claimgraph.packs import PackSet
from claimgraph.packs.schema import KINDS as FORMAT_KINDS
from claimgraph.records import Entity, Mention

__all__ = ["build_entities", "skeleton", "slug", "surface"]


def build_entities(
    doc: Doc, packs: PackSet, repeats: list[tuple[int, int]] | None = None
) -> dict[str, Entity]:
    """Unite the mentions of ``doc.ents`` into entities and set each span's ``ent_id_``.

    ``repeats`` are body spans that repeat earlier text: their mentions are
    linked like the others but add no alias of their own.
    """
    mentions = _collect(doc, packs, repeats or [])
    if not mentions:
        return {}
    union = Union(len(mentions))
    unite(doc, mentions, union)
    pack_surnames(mentions, union, packs)
    propagate(doc, mentions, union)
    clusters: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        clusters.setdefault(union.find(i), []).append(i)
    retype_places(mentions, clusters)
    entities: dict[str, Entity] = {}
    owner: dict[int, str] = {}
    for members in sorted(clusters.values(), key=lambda m: m[0]):
        entity = _entity([mentions[i] for i in members], packs, entities)
        entities[entity.id] = entity
        for i in members:
            owner[i] = entity.id
    doc.ents = [
        Span(doc, m.span.start, m.span.end, label=m.span.label_, kb_id=m.span.kb_id_, span_id=owner[i])
        for i, m in enumerate(mentions)
        if not m.inner
    ]
    return entities


def _collect(doc: Doc, packs: PackSet, repeats: list[tuple[int, int]]) -> list[Cand]:
    kinds = doc.user_data.get(KINDS, {})
    origins = doc.user_data.get(ORIGINS, {})
    extra: dict[tuple[int, int], list[str]] = {}
    for s, e, alias, _rule in doc.user_data.get(ALIASES, []):
        extra.setdefault((s, e), []).append(surface(alias))
    out = []
    for ent in doc.ents:
        text = surface(ent.text)
        if not text:
            continue
        kb = ent.kb_id_ or None
        known = packs.entities.get(kb) if kb else None
        if known is not None:
            etype, kind, origin = known.type, known.kind, "pack"
        elif kb and kb.startswith(GENERIC_PREFIX):
            etype, origin = LABEL_TYPE.get(ent.label_, "organization"), "generic"
            kind = kinds.get((ent.start_char, ent.end_char))
        else:
            kind = kinds.get((ent.start_char, ent.end_char))
            etype = LABEL_TYPE.get(ent.label_, "organization")
            origin = origins.get((ent.start_char, ent.end_char), "ner")
            origin = origin if origin in ORIGIN_RANK else "ner"
        in_repeat = any(a <= ent.start_char and ent.end_char <= b for a, b in repeats)
        out.append(
            Cand(ent, text, etype, kind, kb, origin, in_repeat, extra.get((ent.start_char, ent.end_char), []))
        )
    for start, end, label, kb in doc.user_data.get(INNER, []):
        span = doc.char_span(start, end, label=label, kb_id=kb)
        if span is not None:
            known = packs.entities.get(kb) if kb else None
            etype = known.type if known is not None else LABEL_TYPE.get(label, "person")
            origin = "pack" if known is not None else "ner"
            out.append(Cand(span, surface(span.text), etype, None, kb or None, origin, inner=True))
    mark_placelike(out, given_names(packs))
    return out


def _entity(members: list[Cand], packs: PackSet, taken: dict[str, Entity]) -> Entity:
    pack = next((packs.entities[m.kb] for m in members if m.kb and m.kb in packs.entities), None)
    best = min(members, key=lambda m: ORIGIN_RANK[m.origin])
    if pack is not None:
        etype, kind, name = pack.type, pack.kind, pack.name
    else:
        votes: Counter[str] = Counter()
        for m in members:
            if ORIGIN_RANK[m.origin] == ORIGIN_RANK[best.origin]:
                votes[m.etype] += len(m.text.split())  # longer mentions are surer of their type
        etype = votes.most_common(1)[0][0]
        kinds = [m.kind for m in members if m.kind and m.etype == etype]
        kind = Counter(kinds).most_common(1)[0][0] if kinds else None
        name = _fullest([m.text for m in members])
    if kind is not None and kind not in FORMAT_KINDS.get(etype, ()):
        kind = None
    aliases = [name]
    for m in members:
        for form in [] if m.in_repeat else [m.text, *m.aliases]:
            if form and form not in aliases:
                aliases.append(form)
    ident = pack.id if pack is not None else slug(name)
    base, n = ident, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    return Entity(
        id=ident,
        type=etype,
        name=name,
        kind=kind,
        aliases=aliases,
        pack_id=pack.key if pack is not None else None,
        mentions=[
            Mention(text=m.text, start=m.span.start_char, end=m.span.end_char, rule=f"entities.{m.origin}")
            for m in members
        ],
        rule=f"entities.{best.origin}",
    )


def _fullest(forms: list[str]) -> str:
    """The longest form in words, mixed case preferred over all capitals, earliest on ties."""
    return max(forms, key=lambda f: (not f.isupper(), len(f.split()), len(f), -forms.index(f)))
