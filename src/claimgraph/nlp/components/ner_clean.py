"""Cleaning and typing the statistical NER's spans before they compete with the rules.

One NER span gives zero or more candidates:

* trimmed of determiners and possessives, grown to whole hyphenated words
  ("Ansar" → "Ansar-ul-Mujahideen"), split at an inner possessive or comma
  ("Taliban's Haqqani Network" → "Taliban", "Haqqani Network");
* dropped when junk: digits, URLs, lowercase fragments, months, concept words
  (``entity_stoplist``), single common English words, titles of cited works
  made only of dictionary words, names of operations;
* typed by the cue words of the name ("Kabul University" is a facility),
  by given names ("Abdul Rashid" is a person whatever the NER said), and as
  communities for plural group nouns;
* a place name with a unit head ("Kunar province") becomes the place itself,
  with the longer form noted as an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from claimgraph.nlp.components.common import (
    KEEP_LABELS,
    MONTHS,
    WEAK,
    WEEKDAYS,
    add_alias,
    fold,
    label_for,
    trim,
    user_table,
)
from claimgraph.nlp.components.cues import Cues
from claimgraph.packs import PackSet

CALENDAR_WORDS = MONTHS | WEEKDAYS
GROUP_NOUNS = frozenset({"people", "community", "communities", "minority", "minorities", "tribe", "tribes"})
ARTICLE = re.compile(r"^(?:al|el|ash|as|ad|an|ar|at|az|adh|ibn|bin)[-‐ ]", re.IGNORECASE)
JUNK = re.compile(r"\d|https?:|www\.|\.com|\.org|@|[\^{}|<>=_\\*]")
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "national",
        "citizen",
        "cleric",
        "militant",
        "terrorist",
        "commander",
        "leader",
        "native",
    }
)
# Labels the NER sometimes gives to names ("Hafeez Saeed Khan" as WORK_OF_ART): kept aside so that the
# entity stage can take them when they spell a name it already knows.
WEAK_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
MAX_HEADING = 16  # tokens on either side of a name that a heading line may have
SPLITTERS = frozenset({"'s", "’s", ",", ";", "(", ")", "and", "&amp;"})


@dataclass
class Candidate:
    span: Span
    kind: str | None
    retyped: bool  # cue words or a given name decided the type


class NerCleaner:
    """Turns NER spans into typed candidates (configured from the packs' lexicons)."""

    def __init__(self, nlp: Language, packs: PackSet | None = None) -> None:
        self.cues = Cues(packs)
        packs = packs if packs is not None else PackSet(packs=[])
        self.stop = frozenset(fold(t) for t in packs.terms("entity_stoplist"))
        self.given = frozenset(fold(t) for t in packs.terms("given_names"))
        self.communities: dict[str, dict] = {}
        for e in packs.entries("communities"):
            self.communities.setdefault(fold(e["term"]), e)
            self.communities.setdefault(fold(e["plural"]), {**e, "plural_form": True})
        entities = list(packs.entities.values())
        for e in entities:
            if e.type == "community":
                for alias in e.aliases:
                    self.communities.setdefault(
                        fold(alias), {"term": alias, "plural": e.name, "kind": e.kind}
                    )
        self.demonyms = frozenset(fold(d) for e in entities for d in e.demonyms)
        self.places = frozenset(fold(a) for e in entities if e.type == "place" for a in e.aliases)
        self.common, self.nouns = _word_lists(nlp)
        self.person_nouns = frozenset(t.lower() for t in packs.terms("role_nouns")) | PERSON_NOUNS

    def candidates(self, doc: Doc, ent: Span) -> list[Candidate]:
        """The typed candidates one NER span gives (often one, none for junk)."""
        if ent.label_ not in KEEP_LABELS:
            if ent.label_ in WEAK_LABELS:
                user_table(doc, WEAK, list).append((ent.start_char, ent.end_char))  # type: ignore[union-attr]
            return []
        span = trim(_unsuffixed(_whole_words(ent)))
        if span is None:
            return []
        if len(span) > 1 and all(fold(t.text) in self.communities for t in span):
            return [
                Candidate(
                    Span(doc, t.i, t.i + 1, label="NORP"), self.communities[fold(t.text)].get("kind"), True
                )
                for t in span
            ]
        heading = _heading(span)
        if heading == "caps" or (heading and ent.label_ != "GPE"):
            return []  # section headings are Title Case: the NER sees names everywhere
        out = []
        for part in _split(span):
            cand = self._one(doc, part, ent.label_)
            if cand is not None:
                out.append(cand)
        return out

    def _one(self, doc: Doc, span: Span, label: str) -> Candidate | None:
        if (
            label == "ORG"
            and len(span) == 2
            and fold(span[0].text) in self.demonyms
            and span[1].is_title | span[1].is_upper
        ):
            span = span[1:]  # "Pakistani ISI" → "ISI"
        text = span.text
        low = fold(text)
        if JUNK.search(text) or "\n" in text or len(text) < 2 or low in CALENDAR_WORDS or low in self.stop:
            return None
        if not (text[0].isupper() or ARTICLE.match(text)):
            return None
        if low in self.demonyms or low in self.communities or label == "NORP":
            return self._community(doc, span, label)
        words = [t.lower_ for t in span]
        found = self.cues.classify(words, lambda a, b: self._is_place(span[a:b]))
        if found is not None:
            cue, a, b = found
            if cue.type == "none" or (a == 0 and b == len(words) and not cue.standalone):
                return None
            if cue.type == "place" and cue.kind != "facility" and b == len(words) and cue.position == "last":
                base = span[:a]
                add_alias(doc, base, text, "ner_clean.place_head")
                return Candidate(
                    Span(doc, base.start, base.end, label=label_for("place", cue.kind)), cue.kind, True
                )
            return Candidate(
                Span(doc, span.start, span.end, label=label_for(cue.type, cue.kind)), cue.kind, True
            )
        if label == "ORG" and (
            (2 <= len(span) <= 4 and fold(span[0].text) in self.given) or self._described_as_person(span)
        ):
            return Candidate(Span(doc, span.start, span.end, label="PERSON"), None, True)
        if len(span) == 1 and not text.isupper() and low in self.common:
            return None
        if label in ("ORG", "PERSON") and len(span) > 1 and all(self._dictionary(t) for t in span):
            return None  # "Building Alliances": a fragment of a cited title, not a name
        return Candidate(Span(doc, span.start, span.end, label=label), None, False)

    def _community(self, doc: Doc, span: Span, label: str) -> Candidate | None:
        low = fold(span.text)
        entry = self.communities.get(low)
        nxt = doc[span.end] if span.end < len(doc) else None
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        if nxt is not None and nxt.lower_ in GROUP_NOUNS and prev not in ("a", "an", "one"):
            kind = (entry or {}).get("kind") or ("national" if low in self.demonyms else "ethnic")
            return Candidate(Span(doc, span.start, span.end + 1, label="NORP"), kind, True)
        plural = span[-1].tag_ in ("NNS", "NNPS") or bool((entry or {}).get("plural_form"))
        national = (
            low in self.demonyms
            or (low.endswith("s") and low[:-1] in self.demonyms)
            or (entry or {}).get("kind") == "national"
        )
        if plural and national and len(span) == 1:
            return None  # "Syrians", "Indians": nationals, not a community
        if plural:
            kind = (entry or {}).get("kind") or ("national" if national else "ethnic")
            return Candidate(Span(doc, span.start, span.end, label="NORP"), kind, False)
        if entry and entry.get("adjective"):
            return Candidate(Span(doc, span.start, span.end, label="NORP"), entry.get("kind"), False)
        tok = span[-1]
        if (
            len(span) == 1
            and entry is None
            and not national
            and tok.tag_ == "NNP"
            and tok.lower_ not in self.nouns
            and (tok.dep_ not in ("amod", "compound"))
        ):
            return Candidate(
                Span(doc, span.start, span.end, label="PERSON"), None, False
            )  # a mislabelled name
        return None

    def _described_as_person(self, span: Span) -> bool:
        """ "X, a former TTP commander": an apposition headed by a role or person noun."""
        for appos in (c for c in span.root.children if c.dep_ == "appos"):
            heads = [appos, *(c for c in appos.children if c.dep_ == "conj")]
            if any(h.lemma_.lower() in self.person_nouns for h in heads):
                return True
        return False

    def _is_place(self, span: Span) -> bool:
        return fold(span.text) in self.places or all(t.ent_type_ in ("GPE", "LOC") for t in span)

    def _dictionary(self, token) -> bool:
        low = token.lower_
        return (
            not token.is_alpha or token.is_stop or low in self.common or token.lemma_.lower() in self.common
        )


def _heading(span: Span) -> str:
    """ "caps" or "title" inside a short line in capitals or Title Case without final punctuation
    (a section heading), else ""."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
        if span.start - start > MAX_HEADING:
            return False
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and "\n" not in doc[end].text:
        end += 1
        if end - span.end > MAX_HEADING:
            return False
    line = doc[start:end]
    words = [t for t in line if t.is_alpha and not t.is_stop]
    if not words or line[-1].text in (".", "?", "!", ":", ";", '"', "”", ")", ","):
        return False
    if sum(1 for t in words if t.is_upper) >= 0.8 * len(words):
        return "caps"
    return "title" if sum(1 for t in words if t.is_title or t.is_upper) >= 0.8 * len(words) else ""


def _unsuffixed(span: Span) -> Span:
    """Without a hyphenated lowercase tail: "Taliban-controlled" → "Taliban", "US-assisted" → "US"."""
    end = span.end
    while end - span.start > 2 and span.doc[end - 2].text == "-" and span.doc[end - 1].is_lower:
        end -= 2
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label)


def _whole_words(span: Span) -> Span:
    """Grow a span over hyphen-joined pieces cut off at either end ("Ansar" of "Ansar-ul-Mujahideen")."""
    doc = span.doc
    start, end = span.start, span.end
    while (
        end + 1 < len(doc)
        and doc[end - 1].whitespace_ == ""
        and doc[end].text == "-"
        and doc[end].whitespace_ == ""
    ):
        end += 2
    while (
        start >= 2
        and doc[start - 2].whitespace_ == ""
        and doc[start - 1].text == "-"
        and doc[start - 1].whitespace_ == ""
    ):
        start -= 2
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label)


def _split(span: Span) -> list[Span]:
    """Parts of a span separated by a possessive, comma, bracket or "and"."""
    parts, start = [], span.start
    for tok in span:
        if tok.lower_ in SPLITTERS:
            if tok.i > start:
                parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    if start < span.end:
        parts.append(span.doc[start : span.end])
    return [
        p for p in (trim(Span(span.doc, p.start, p.end, label=span.label)) for p in parts) if p is not None
    ]


def _word_lists(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """English verbs/adjectives/adverbs and nouns from the lemmatizer's index (empty if absent)."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError, ValueError):
        return frozenset(), frozenset()
    noun = hash_string("noun")
    common: set[str] = set()
    nouns: set[str] = set()
    for key, values in index.items():
        (nouns if key in (noun, "noun") else common).update(values)
    return frozenset(common), frozenset(nouns)
