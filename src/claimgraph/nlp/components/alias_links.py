"""Alias constructions between mentions: definitions, "also known as", "or", slashes.

* ``Long Name (LN)`` and ``Long Name, or LN`` when LN abbreviates the long
  name.  The acronym becomes a mention if the NER missed it; so does the long
  name, found by walking back over capitalised words and connectors, when
  no mention ends right before the brackets ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM)").
* ``X, also known as Y`` / ``X (aka Y)`` / ``X alias Y``; ``X or Y`` between
  groups when one abbreviates the other or Y is defined right after, and
  between persons after "nom de guerre", "alias", "known as" or "kunya".
* ``A/B`` ("ETIM/ETIP", "Islamic Movement/Party"): the parts are aliases.

Links go to ``doc.user_data["cg_links"]``; the entity stage unites them.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.nlp.components.common import add_alias, add_link, kind_of, label_for, set_kind, set_origin
from claimgraph.nlp.components.cues import Cues
from claimgraph.packs import PackSet

ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}(?:[A-Za-z&.\-]*[A-Z][A-Za-z]?)(?:[ /][A-Z][A-Za-z\-]*)*s?$")
BRACKETS = re.compile(r"\([ \t]*([A-Z][^()\n]{1,19}?)[ \t]*\)")
OR_ACRONYM = re.compile(r"^,?[ \t]+or[ \t]+([A-Z][A-Za-z\-]{1,10})\b")
AKA = re.compile(
    r"^[ \t]*(?:,|—|–|\(|-)?[ \t]*(?:also known as|also called|better known as|known as|a\.?k\.?a\.?|alias)[ \t]+$",
    re.IGNORECASE,
)
OR_BETWEEN = re.compile(r"^[ \t]*,?[ \t]+or[ \t]+$")
ALIAS_TRIGGER = re.compile(r"(?:nom de guerre|alias|known as|kunya|pseudonym|also called)\W*$", re.IGNORECASE)
CONNECTORS = frozenset(
    {"of", "the", "for", "in", "and", "at", "e", "i", "ul", "al", "-", "&", "on", "de", "wal"}
)


def initials(text: str) -> str:
    """First letters of the words and hyphen parts, lowercased."""
    return "".join(w[0] for w in re.split(r"[\s\-/]+", text) if w and w[0].isalnum()).lower()


def abbreviates(short: str, long: str) -> bool:
    """True when the capitals of ``short`` are an in-order selection of the initials of ``long``."""
    caps = [c.lower() for c in short if c.isupper()]
    init = initials(long)
    if len(caps) < 2 or not init or caps[0] != init[0]:
        return False
    it = iter(init)
    return all(c in it for c in caps)


class AliasLinks:
    """Links mentions that the text declares to be one entity."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.cues = Cues()
        self.title_re: re.Pattern[str] | None = None

    def configure(self, packs: PackSet) -> None:
        """Read the cue words that type a long form found by walking back, and the titles."""
        self.cues = Cues(packs)
        titles = packs.terms("titles")
        alts = "|".join(re.escape(t.rstrip(".")) for t in sorted(titles, key=len, reverse=True))
        self.title_re = re.compile(rf"\b(?:{alts})\.?(?=[ \t]+$|[ \t]*$)") if alts else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ents = list(doc.ents)
        for m in BRACKETS.finditer(text):
            ents = self._bracket(doc, text, ents, m)
        for ent in list(ents):
            m = OR_ACRONYM.match(text[ent.end_char : ent.end_char + 30])
            if m:
                self._acronym_after(doc, ents, ent, ent.end_char + m.start(1), m.group(1))
        for ent, nxt in itertools.pairwise(ents):
            self._pair(doc, text, ent, nxt)
        for ent in ents:
            self._slash(doc, ent)
        doc.ents = ents
        return doc

    def _pair(self, doc: Doc, text: str, ent: Span, nxt: Span) -> None:
        between = text[ent.end_char : nxt.start_char]
        if AKA.match(between) and ent.label_ == nxt.label_:
            add_link(doc, ent, nxt, "alias_links.aka")
        elif OR_BETWEEN.match(between) and ent.label_ == nxt.label_ == "ORG":
            tail = re.match(r"^[ \t]*\(([^()]{2,20})\)", text[nxt.end_char : nxt.end_char + 30])
            if (
                abbreviates(nxt.text, ent.text)
                or abbreviates(ent.text, nxt.text)
                or (tail and abbreviates(tail.group(1), nxt.text))
            ):
                add_link(doc, ent, nxt, "alias_links.or")
        elif ent.label_ == nxt.label_ == "PERSON" and OR_BETWEEN.match(self._untitled(between)):
            before = self._untitled(text[max(0, ent.start_char - 60) : ent.start_char])
            if ALIAS_TRIGGER.search(re.sub(r"\b(?:his|her|its|the|a|as|by|of)\s+", "", before).rstrip()):
                add_link(doc, ent, nxt, "alias_links.or")

    def _untitled(self, text: str) -> str:
        """Text with honorifics removed ("or Dr. " → "or "), so that titled names read as names."""
        return self.title_re.sub("", text) if self.title_re is not None else text

    def _bracket(self, doc: Doc, text: str, ents: list[Span], m: re.Match) -> list[Span]:
        """``Long Name (LN)``: link the two, making either mention if it is missing."""
        short = m.group(1)
        parts = [p for p in short.split("/") if p]
        if not all(ACRONYM.match(p) for p in parts):
            return ents
        before_end = len(text[: m.start()].rstrip())
        prior = next((e for e in reversed(ents) if e.end_char == before_end), None)
        if prior is not None and abbreviates(parts[0], prior.text):
            self._acronym_after(doc, ents, prior, m.start(1), short)
            return ents
        long = self._walk_back(doc, before_end, parts[0])
        if long is None:
            return ents
        if any(e.start < long.start < e.end for e in ents):
            return ents
        kept = [e for e in ents if not (long.start <= e.start and e.end <= long.end)]
        found = self.cues.classify([t.lower_ for t in long])
        if found is not None and found[0].type == "none":
            return ents  # "Operation Green Sword (OGS)": not an entity
        etype, kind = (found[0].type, found[0].kind) if found else ("organization", None)
        new = Span(doc, long.start, long.end, label=label_for(etype, kind))
        set_kind(doc, new, kind)
        set_origin(doc, new, "pattern")
        kept = sorted([*kept, new], key=lambda s: s.start)
        ents[:] = kept
        self._acronym_after(doc, ents, new, m.start(1), short)
        return ents

    def _walk_back(self, doc: Doc, end_char: int, acronym: str) -> Span | None:
        """The shortest run of capitalised words before ``end_char`` whose initials spell the acronym."""
        last = doc.char_span(end_char - 1, end_char, alignment_mode="expand") if end_char else None
        if last is None or len(last) == 0:
            return None
        end = last.end
        start = end
        while (
            start > 0
            and start > end - 12
            and (doc[start - 1].text[:1].isupper() or doc[start - 1].text in CONNECTORS)
        ):
            start -= 1
        letters = "".join(c for c in acronym if c.isupper()).lower()
        for s in range(end - 1, start - 1, -1):
            if doc[s].text in CONNECTORS or not doc[s].text[:1].isupper():
                continue
            words = [t.text for t in doc[s:end] if t.text not in CONNECTORS and t.text[:1].isupper()]
            init = "".join(w[0] for w in words).lower()
            if init == letters:
                return doc[s:end]
            if len(init) > len(letters) + 1:
                break
        return None

    def _acronym_after(self, doc: Doc, ents: list[Span], ent: Span, start_char: int, short: str) -> bool:
        """Link ``ent`` with the acronym at ``start_char``, making it a mention if needed."""
        parts = [p for p in short.split("/") if p]
        if not parts or not abbreviates(parts[0], ent.text):
            return False
        acr = doc.char_span(start_char, start_char + len(short), alignment_mode="contract")
        if acr is None:
            return False
        existing = next((e for e in ents if e.start == acr.start and e.end == acr.end), None)
        if existing is not None:
            add_link(doc, ent, existing, "alias_links.definition")
            return True
        parts_found = [e for e in ents if acr.start <= e.start and e.end <= acr.end]
        if parts_found:  # "ETIM/ETIP" already found as "ETIM" and "ETIP"
            for part in parts_found:
                add_link(doc, ent, part, "alias_links.definition")
            return True
        if any(e.start < acr.end and acr.start < e.end for e in ents):
            return False
        new = Span(doc, acr.start, acr.end, label=ent.label_, kb_id=ent.kb_id_)
        set_kind(doc, new, kind_of(doc, ent.start_char, ent.end_char))
        set_origin(doc, new, "pattern")
        ents[:] = sorted([*ents, new], key=lambda s: s.start)
        add_link(doc, ent, new, "alias_links.definition")
        return True

    def _slash(self, doc: Doc, ent: Span) -> None:
        """ "ETIM/ETIP", "Movement/Party": the slashed form is one more alias."""
        toks = list(ent)
        if "/" not in ent.text or len(toks) < 3:
            return
        for i, tok in enumerate(toks[1:-1], start=1):
            if tok.text == "/" and toks[i - 1].text[:1].isupper() and toks[i + 1].text[:1].isupper():
                add_alias(doc, ent, doc[ent.start : ent.start + i].text, "alias_links.slash")
                if toks[i + 1].is_upper and toks[i - 1].is_upper:
                    add_alias(doc, ent, toks[i + 1].text, "alias_links.slash")
                return
