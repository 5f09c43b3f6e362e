"""How the entity stage decides that two mentions are one entity, and finds the mentions the NER missed.

``Cand`` is a mention on its way to an entity; ``unite`` applies the rules
listed in :mod:`claimgraph.extract.entities` with a union-find; ``propagate``
adds later occurrences of names already found (the NER often tags a name once
and misses it the next time, or calls it a work of art).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.extract.context import per_packs
from claimgraph.nlp.components.common import LINKS, WEAK, fold, norm_key
from claimgraph.packs import PackSet

ARTICLE = re.compile(r"^(?:al|el|ash|as|ad|an|ar|at|az|adh)[-‐ ]", re.IGNORECASE)
CONNECTORS = frozenset({"of", "the", "for", "in", "and", "at", "e", "i", "ul", "al", "on", "de", "wal"})
GROUP_HEADS = frozenset(
    {"group", "network", "faction", "module", "front", "brigade", "battalion", "movement"}
)
PLACE_UNITS = frozenset(
    {"province", "district", "city", "village", "valley", "region", "town", "area", "county"}
)
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "into", "across", "throughout", "within", "around", "towards"}
)
# Mention origins from strongest to weakest, for the type vote and the rule.
ORIGIN_RANK = {"pack": 0, "generic": 1, "pattern": 2, "cue": 3, "ner": 4, "propagated": 5}


@dataclass
class Cand:
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


class Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def surface(text: str) -> str:
    """A mention's text as an alias: whitespace collapsed, possessive and edge punctuation removed."""
    s = re.sub(r"\s+", " ", text).strip()
    s = re.sub(r"^the ", "", s)
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


def unite(doc: Doc, mentions: list[Cand], union: Union) -> None:
    by_offsets = {(m.span.start_char, m.span.end_char): i for i, m in enumerate(mentions)}
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        keys = [("kb", m.kb)] if m.kb else []
        keys.append(("name", norm_key(m.text)))
        if (m.etype != "community" or m.kb) and _spelled_out(m.text):
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


def _spelled_out(text: str) -> bool:
    """A written-out name (not an acronym like "ISPP"), long enough for a transliteration key."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 5 and sum(c.isupper() for c in letters) <= max(1, len(text.split()))


def _compatible(a: Cand, b: Cand) -> bool:
    """Mentions of two different pack entities or of different generic bodies never unite."""
    if a.kb and b.kb and a.kb != b.kb:
        return False
    return not (a.origin in ("pack", "generic") and b.origin in ("pack", "generic") and a.etype != b.etype)


def _partial_names(mentions: list[Cand], union: Union) -> None:
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
        if (
            not words
            or (m.etype != "person" and len(words) > 1 and m.origin != "ner")
            or m.etype == "community"
        ):
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


def _acronyms(mentions: list[Cand], union: Union) -> None:
    longs: dict[tuple[str, str], set[int]] = {}
    for i, m in enumerate(mentions):
        if len(m.text.split()) >= 2 and not m.text.isupper():
            longs.setdefault((m.etype, significant_initials(m.text)), set()).add(union.find(i))
    for i, m in enumerate(mentions):
        compact = re.sub(r"[^A-Za-z]", "", m.text)
        upper = sum(c.isupper() for c in compact)
        if " " in m.text or len(compact) < 2 or upper < 2 or upper * 2 < len(compact):
            continue  # "Al-Baghdadi" has two capitals but is no acronym
        caps = "".join(c for c in compact if c.isupper()).lower()
        roots = {union.find(r) for r in longs.get((m.etype, caps), set())}
        if len(roots) == 1 and _compatible(m, mentions[roots.copy().pop()]):
            union.join(i, roots.pop())


def _plurals(mentions: list[Cand], union: Union) -> None:
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


def _group_names(mentions: list[Cand], union: Union) -> None:
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


def retype_places(mentions: list[Cand], clusters: dict[int, list[int]]) -> None:
    """NER-only names used like places ("in Tora Bora", "Tessit, Ansongo and Talataye") become places."""
    for members in clusters.values():
        group = [mentions[i] for i in members]
        if any(m.origin != "ner" or m.etype not in ("person", "organization") for m in group):
            continue
        if any(m.placelike for m in group):
            for m in group:
                m.etype = "place"


def mark_placelike(mentions: list[Cand], given: frozenset[str]) -> None:
    """Flag NER-only mentions that sit where places sit: after a locative preposition,
    after "province(s)/district(s) of", or in a list with places."""
    by_token: dict[int, Cand] = {m.span.root.i: m for m in mentions if not m.inner}
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


def given_names(packs: PackSet) -> frozenset[str]:
    """The folded given names of the packs' ``given_names`` lexicon (built once per pack set)."""
    return per_packs(packs, _given_names)


def _given_names(packs: PackSet) -> frozenset[str]:
    lex = packs.lexicons.get("given_names")
    return frozenset(fold(t) for t in lex.terms()) if lex is not None else frozenset()


def pack_surnames(mentions: list[Cand], union: Union, packs: PackSet) -> None:
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


def _surname_index(packs: PackSet) -> dict[str, set[str]]:
    return per_packs(packs, _surnames)


def _surnames(packs: PackSet) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for e in packs.entities.values():
        if e.type == "person":
            for alias in e.aliases:
                words = alias.split()
                if len(words) >= 2:
                    index.setdefault(skeleton(ARTICLE.sub("", words[-1])), set()).add(e.id)
    return index


def propagate(doc: Doc, mentions: list[Cand], union: Union) -> None:
    """Add the uncovered occurrences of names already found, and NER spans of other labels that
    spell one ("Hafeez Saeed Khan" tagged as a work of art after "Hafiz Saeed Khan").

    Persons also lend their surname ("Wardak" after "Rahimullah Wardak") when no other
    person of the document shares it.
    """
    covered = bytearray(len(doc) + 1)
    for m in mentions:
        if not m.inner:
            covered[m.span.start : m.span.end] = b"\x01" * len(m.span)
    owners: dict[tuple[str, ...], set[int]] = {}
    skeletons: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        if m.inner or m.etype == "community" or m.in_repeat:
            continue
        root = union.find(i)
        words = tuple(t.text for t in m.span if not t.is_space)
        if words and words[0][:1].isupper() and len("".join(words)) >= 2 and words[-1] not in ("'s", "’s"):
            owners.setdefault(words, set()).add(root)
        if m.etype == "person" and len(words) >= 2 and words[-1].isalpha() and len(words[-1]) >= 4:
            owners.setdefault((words[-1],), set()).add(root)
        if len(words) >= 2:
            skeletons.setdefault(skeleton(m.text), set()).add(root)
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    keys = {}
    for words, roots in owners.items():
        if len(roots) == 1:
            key = " ".join(words)
            keys[key] = next(iter(roots))
            matcher.add(key, [Doc(doc.vocab, words=list(words))])
    found = [(s, e, keys[doc.vocab.strings[k]]) for k, s, e in matcher(doc)]
    for start, end in doc.user_data.get(WEAK, []):
        span = doc.char_span(start, end, alignment_mode="contract")
        roots = skeletons.get(skeleton(surface(span.text)), set()) if span is not None else set()
        if span is not None and len(roots) == 1:
            found.append((span.start, span.end, next(iter(roots))))
    for start, end, root in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if any(covered[start:end]) or _inside_name(doc, start, end):
            continue
        model = mentions[root]
        span = Span(doc, start, end, label=model.span.label_, kb_id=model.kb or "")
        covered[start:end] = b"\x01" * (end - start)
        mentions.append(Cand(span, surface(span.text), model.etype, model.kind, model.kb, "propagated"))
        union.join(root, union.add())


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """True when capitalised words run on either side: the match is part of a longer name."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    joined = after is not None and after.is_title and after.pos_ == "PROPN"
    lead = before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
    return joined or lead
