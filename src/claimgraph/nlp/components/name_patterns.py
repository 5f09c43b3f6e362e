"""Personal names the statistical NER misses or cuts: titled names and kunyas.

``Mawlawi Aslam Farooqi`` → the person "Aslam Farooqi" with the alias
"Mawlawi Aslam Farooqi" (a title before a one-word name stays in the name:
"Mullah Omar").  ``Abu Bakr al-Baghdadi`` (kunya + nisba) → one person.  A
name followed by a facility or group head ("Abu Ghraib prison", "Mullah
Bakhtwar group") is left to the other rules.  Ambiguous ranks ("General",
"President") only count when the NER also saw a person there.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.nlp.components.common import MONTHS, NAMES_KEY, add_alias
from claimgraph.packs import PackSet

UPPER = "A-ZÀ-ÖØ-ÞĀĒĪŌŪŠŽḤṢṬẒ‘ʿ"
WORD = rf"[{UPPER}][\w’'ʼ]*(?:-[\w’'ʼ]+)*"
PARTICLE = r"(?:al|el|ash|as|ad|an|ar|at|az|adh|ibn|bin|bint|ul|ud|ur|us|ud-din)"
PART = rf"(?:{PARTICLE}[- ])?{WORD}"
NAME = rf"{PART}(?:[ ]{PART}){{0,3}}"
CAP = rf"[{UPPER}][\w’'ʼ]*"
LINK = r"(?:e|i|ul|ut|ud|ur|us|al|el|wal|fi|fil|bil|an|ash|as|ad|az|ar|at)"
KUNYA = re.compile(rf"\b(?:Abu|Abū|Abou|Umm)[ ]{PART}(?:[ ]{PART}){{0,2}}")
# Words that end a name: sentence-initial function words, months, and the like.
STOP = frozenset({
    "the", "a", "an", "in", "on", "at", "of", "and", "or", "but", "for", "to", "from", "by", "with", "as",
    "this", "that", "these", "those", "it", "its", "he", "his",
}) | MONTHS  # fmt: skip
STRICT_KINDS = frozenset({"military", "office", "civil"})


class NamePatterns:
    """Finds titled names, kunyas (label PERSON) and names opened by a group word ("Wilayat Sindh",
    label ORG): ``doc.spans["cg_names"]``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.titles: dict[str, dict] = {}
        self.title_re: re.Pattern[str] | None = None
        self.heads: frozenset[str] = frozenset()
        self.group_re: re.Pattern[str] | None = None

    def configure(self, packs: PackSet) -> None:
        """Read the ``titles`` and ``entity_cues`` lexicons."""
        entries = packs.entries("titles")
        self.titles = {e["term"].rstrip(".").lower(): e for e in entries}
        if self.titles:
            alts = "|".join(
                re.escape(e["term"].rstrip(".")) for e in sorted(entries, key=lambda e: -len(e["term"]))
            )
            self.title_re = re.compile(rf"\b(?P<title>(?:{alts})\.?)[ ]+(?P<name>{NAME})")
        cues = packs.entries("entity_cues")
        self.heads = frozenset(e["term"] for e in cues if e["position"] in ("last", "any"))
        openers = sorted(
            {
                e["term"].capitalize()
                for e in cues
                if e["position"] == "first" and e["type"] == "organization" and " " not in e["term"]
            }
        )
        self.group_re = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, openers))})(?:[- ](?:{LINK}[- ])*{CAP}){{1,5}}")
            if openers
            else None
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        persons = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
        spans: list[Span] = []
        aliases: list[tuple[Span, str]] = []
        if self.title_re is not None:
            for m in self.title_re.finditer(text):
                entry = self.titles.get(m.group("title").rstrip(".").lower(), {})
                start, end = self._cut(text, m.start("name"), m.end("name"))
                if end <= start:
                    continue
                if entry.get("kind") in STRICT_KINDS and not _overlaps(persons, start, end):
                    continue
                whole = doc.char_span(m.start(), end, alignment_mode="contract")
                bare = doc.char_span(start, end, alignment_mode="contract")
                if whole is None or bare is None:
                    continue
                if entry.get("strip", True) is False or len(bare) == 1 or " " not in text[start:end]:
                    spans.append(Span(doc, whole.start, whole.end, label="PERSON"))
                else:
                    span = Span(doc, bare.start, bare.end, label="PERSON")
                    spans.append(span)
                    aliases.append((span, text[m.start() : end]))
        for m in KUNYA.finditer(text):
            start, end = self._cut(text, m.start(), m.end(), keep_first=True)
            if len(text[start:end].split()) < 2:
                continue
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label="PERSON"))
        if self.group_re is not None:
            for m in self.group_re.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
                if span is not None and len(span) > 1:
                    spans.append(Span(doc, span.start, span.end, label="ORG"))
        kept = filter_spans(spans)
        doc.spans[NAMES_KEY] = kept
        kept_set = {(s.start, s.end) for s in kept}
        for span, alias in aliases:
            if (span.start, span.end) in kept_set:
                add_alias(doc, span, alias, "name_patterns.title")
        return doc

    def _cut(self, text: str, start: int, end: int, keep_first: bool = False) -> tuple[int, int]:
        """Shorten a matched name at the first stop word; empty when a head noun follows it."""
        words = list(re.finditer(r"\S+", text[start:end]))
        kept_end = start
        for i, w in enumerate(words):
            low = w.group(0).lower()
            if (i > 0 or not keep_first) and low in STOP:
                break
            if low in self.heads:
                return start, start  # "Abu Ghraib prison", "Bakhtwar group": not a bare person
            kept_end = start + w.end()
        follower = re.match(r"[ ]+([\w-]+)", text[end : end + 40])
        if kept_end == end and follower and follower.group(1).lower() in self.heads:
            return start, start
        possessive = re.search(r"(?:['’ʼ]s?)$", text[start:kept_end])
        if possessive:
            kept_end -= len(possessive.group(0))
        return start, kept_end


def _overlaps(spans: set[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
