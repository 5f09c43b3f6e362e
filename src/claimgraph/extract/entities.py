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

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimgraph.nlp.components.common import (
    ALIASES,
    GENERIC_PREFIX,
    INNER,
    KINDS,
    LABEL_TYPE,
    LINKS,
    ORIGINS,
    fold,
    norm_key,
)
from claimgraph.packs import PackSet
from claimgraph.packs.schema import KINDS as FORMAT_KINDS
from claimgraph.records import Entity, Mention

ARTICLE = re.compile(r"^(?:al|el|ash|as|ad|an|ar|at|az|adh)[-‐ ]", re.IGNORECASE)
CONNECTORS = frozenset({"of", "the", "for", "in", "and", "at", "e", "i", "ul", "al", "on", "de", "wal"})
# Mention origins from strongest to weakest, for the type vote and the rule.
GROUP_HEADS = frozenset(
    {"group", "network", "faction", "module", "front", "brigade", "battalion", "movement"}
)
PLACE_UNITS = frozenset(
    {"province", "district", "city", "village", "valley", "region", "town", "area", "county"}
)
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "into", "across", "throughout", "within", "around", "towards"}
)
ORIGIN_RANK = {"pack": 0, "generic": 1, "pattern": 2, "cue": 3, "ner": 4}


@dataclass
class _Mention:
    span: Span
    text: str
    etype: str
    kind: str | None
    kb: str | None
    origin: str
    in_repeat: bool = False
    aliases: list[str] = field(default_factory=list)
    inner: bool = False  # inside a longer mention, not one of doc.ents
    placelike: bool = False


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def surface(text: str) -> str:
    """A mention's text as an alias: whitespace collapsed, possessive and edge punctuation removed."""
    s = re.sub(r"\s+", " ", text).strip()
    s = re.sub(r"['’ʼ]s$", "", s)
    s = re.sub(r"(?<=s)['’ʼ]$", "", s)
    return s.strip(' ,;:-–—()[]"“”')


def skeleton(text: str) -> str:
    """A transliteration key: Farooqi/Faruqi, Hafeez/Hafiz, Zia-ul-Haq/Ziaul Haq share one."""
    s = re.sub(r"(?<=[aeiou])h\b", "", norm_key(text)).replace(" ", "")
    for a, b in (("ph", "f"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("q", "k")):
        s = s.replace(a, b)
    s = s.replace("w", "u").replace("y", "i")
    s = re.sub(
        r"[aeiou]+", lambda m: "u" if m.group(0)[0] in "ou" else ("i" if m.group(0)[0] in "ei" else "a"), s
    )
    return re.sub(r"(.)\1+", r"\1", s)


def slug(text: str) -> str:
    """A lowercase id made from a name."""
    s = re.sub(r"[^0-9a-z]+", "_", fold(text)).strip("_")
    if not s or not s[0].isalnum():
        s = "e_" + s
    return s[:60]


def name_words(text: str) -> list[str]:
    """Skeletons of a person name's words, Arabic articles dropped ("al-Rahman" → "rahman")."""
    return [skeleton(ARTICLE.sub("", w)) for w in re.split(r"\s+", text) if w and norm_key(w)]


def significant_initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", fold(text)) if w and w not in CONNECTORS and w[0].isalnum()]
    return "".join(w[0] for w in words)


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
    union = _Union(len(mentions))
    _unite(doc, mentions, union)
    _pack_surnames(mentions, union, packs)
    clusters: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        clusters.setdefault(union.find(i), []).append(i)
    _retype_places(mentions, clusters)
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


def _collect(doc: Doc, packs: PackSet, repeats: list[tuple[int, int]]) -> list[_Mention]:
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
            _Mention(
                ent, text, etype, kind, kb, origin, in_repeat, extra.get((ent.start_char, ent.end_char), [])
            )
        )
    for start, end, label, kb in doc.user_data.get(INNER, []):
        span = doc.char_span(start, end, label=label, kb_id=kb)
        if span is not None:
            known = packs.entities.get(kb) if kb else None
            etype = known.type if known is not None else LABEL_TYPE.get(label, "person")
            origin = "pack" if known is not None else "ner"
            out.append(_Mention(span, surface(span.text), etype, None, kb or None, origin, inner=True))
    _mark_placelike(out, _given_names(packs))
    return out


def _unite(doc: Doc, mentions: list[_Mention], union: _Union) -> None:
    by_offsets = {(m.span.start_char, m.span.end_char): i for i, m in enumerate(mentions)}
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        keys = [("kb", m.kb)] if m.kb else []
        keys.append(("name", norm_key(m.text)))
        if m.etype != "community" or m.kb:
            keys.append((f"skel:{m.etype}", skeleton(m.text)))
        for key in keys:
            if key[1] and key in first:
                a, b = mentions[first[key]], m
                if key[0] == "kb" or _compatible(a, b):
                    union.join(first[key], i)
            elif key[1]:
                first[key] = i
    for s1, e1, s2, e2, _rule in doc.user_data.get(LINKS, []):
        a, b = by_offsets.get((s1, e1)), by_offsets.get((s2, e2))
        if a is not None and b is not None and _compatible(mentions[a], mentions[b]):
            union.join(a, b)
    _partial_names(mentions, union)
    _acronyms(mentions, union)
    _plurals(mentions, union)
    _group_names(mentions, union)


def _compatible(a: _Mention, b: _Mention) -> bool:
    """Mentions of two different pack entities or of different generic bodies never unite."""
    if a.kb and b.kb and a.kb != b.kb:
        return False
    return not (a.origin in ("pack", "generic") and b.origin in ("pack", "generic") and a.etype != b.etype)


def _partial_names(mentions: list[_Mention], union: _Union) -> None:
    """Surname-only and shortened person mentions join the one full name they fit."""
    full: dict[int, list[str]] = {}
    for i, m in enumerate(mentions):
        if m.etype == "person" and len(m.text.split()) >= 2:
            root = union.find(i)
            full.setdefault(root, name_words(m.text))
            if len(name_words(m.text)) > len(full[root]):
                full[root] = name_words(m.text)
    for i, m in enumerate(mentions):
        if m.kb and m.etype != "person":
            continue
        words = name_words(m.text)
        if not words or (m.etype != "person" and len(words) > 1) or m.etype in ("community",):
            continue
        root = union.find(i)
        fits = {
            r
            for r, names in full.items()
            if r != root
            and len(words) < len(names)
            and (names[-len(words) :] == words or (len(words) >= 2 and names[: len(words)] == words))
        }
        if len(fits) == 1:
            union.join(i, fits.pop())


def _acronyms(mentions: list[_Mention], union: _Union) -> None:
    longs: dict[tuple[str, str], set[int]] = {}
    for i, m in enumerate(mentions):
        if len(m.text.split()) >= 2 and not m.text.isupper():
            longs.setdefault((m.etype, significant_initials(m.text)), set()).add(union.find(i))
    for i, m in enumerate(mentions):
        compact = re.sub(r"[^A-Za-z]", "", m.text)
        if " " in m.text or len(compact) < 2 or sum(c.isupper() for c in compact) < 2:
            continue
        caps = "".join(c for c in compact if c.isupper()).lower()
        roots = {union.find(r) for r in longs.get((m.etype, caps), set())}
        if len(roots) == 1 and _compatible(m, mentions[roots.copy().pop()]):
            union.join(i, roots.pop())


def _plurals(mentions: list[_Mention], union: _Union) -> None:
    """ "the Haqqanis" → the one group whose name starts with "Haqqani"."""
    heads: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        words = m.text.split()
        if m.etype == "organization" and len(words) >= 2:
            heads.setdefault(norm_key(words[0]), set()).add(union.find(i))
    for i, m in enumerate(mentions):
        low = norm_key(m.text)
        if m.kb or " " in low or not low.endswith("s") or m.etype not in ("community", "person"):
            continue
        roots = {union.find(r) for r in heads.get(low[:-1], set())}
        if len(roots) == 1:
            root = roots.pop()
            union.join(i, root)
            m.etype = "organization"


def _group_names(mentions: list[_Mention], union: _Union) -> None:
    """ "Gansu Hui" after "Gansu Hui Group": a group named by its name without the head noun."""
    stems: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        words = m.text.split()
        if (
            m.etype == "organization"
            and m.origin == "cue"
            and len(words) >= 2
            and words[-1].lower() in GROUP_HEADS
        ):
            stems.setdefault(norm_key(" ".join(words[:-1])), set()).add(union.find(i))
    for i, m in enumerate(mentions):
        if m.origin != "ner" or m.kb or m.placelike:
            continue
        roots = {union.find(r) for r in stems.get(norm_key(m.text), set())}
        if len(roots) == 1:
            union.join(i, roots.pop())
            m.etype = "organization"


def _retype_places(mentions: list[_Mention], clusters: dict[int, list[int]]) -> None:
    """NER-only names used like places ("in Tora Bora", "Achin, Deh Bala and Kot") become places."""
    for members in clusters.values():
        group = [mentions[i] for i in members]
        if any(m.origin != "ner" or m.etype not in ("person", "organization") for m in group):
            continue
        if any(m.placelike for m in group):
            for m in group:
                m.etype = "place"


def _mark_placelike(mentions: list[_Mention], given: frozenset[str]) -> None:
    """Flag NER-only mentions that sit where places sit: after a locative preposition,
    after "province(s)/district(s) of", or in a list with places."""
    by_token: dict[int, _Mention] = {m.span.root.i: m for m in mentions if not m.inner}
    direct: set[int] = set()
    for m in mentions:
        root = m.span.root
        if m.inner or m.origin != "ner" or fold(m.span[0].text) in given:
            continue
        head = root.head
        if (
            root.dep_ == "pobj"
            and len(m.span) <= 3
            and (head.lower_ in LOCATIVE or (head.lower_ == "of" and head.head.lemma_.lower() in PLACE_UNITS))
        ):
            direct.add(root.i)
    for m in mentions:
        if m.inner or m.origin != "ner" or fold(m.span[0].text) in given:
            continue
        root = m.span.root
        linked = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            linked.append(root.head)
        places = [t for t in linked if t.i in by_token and (by_token[t.i].etype == "place" or t.i in direct)]
        m.placelike = root.i in direct or (bool(linked) and len(places) == len(linked))


def _given_names(packs: PackSet) -> frozenset[str]:
    lex = packs.lexicons.get("given_names")
    return frozenset(fold(t) for t in lex.terms()) if lex is not None else frozenset()


def _pack_surnames(mentions: list[_Mention], union: _Union, packs: PackSet) -> None:
    """A lone surname ("Akhundzada's") of exactly one known person is that person."""
    index = _surname_index(packs)
    persons = {
        union.find(i) for i, m in enumerate(mentions) if m.etype == "person" and len(m.text.split()) > 1
    }
    for i, m in enumerate(mentions):
        if (
            m.kb
            or m.placelike
            or m.origin not in ("ner", "pattern")
            or " " in m.text
            or union.find(i) in persons
        ):
            continue
        owners = index.get(skeleton(ARTICLE.sub("", m.text)), set())
        if len(owners) == 1:
            m.kb, m.etype, m.origin = next(iter(owners)), "person", "pack"
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.kb:
            union.join(first.setdefault(m.kb, i), i)


_SURNAMES: dict[int, tuple[PackSet, dict[str, set[str]]]] = {}


def _surname_index(packs: PackSet) -> dict[str, set[str]]:
    cached = _SURNAMES.get(id(packs))
    if cached is not None and cached[0] is packs:
        return cached[1]
    index: dict[str, set[str]] = {}
    for e in packs.entities.values():
        if e.type == "person":
            for alias in e.aliases:
                words = alias.split()
                if len(words) >= 2:
                    index.setdefault(skeleton(ARTICLE.sub("", words[-1])), set()).add(e.id)
    _SURNAMES[id(packs)] = (packs, index)
    return index


def _entity(members: list[_Mention], packs: PackSet, taken: dict[str, Entity]) -> Entity:
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
