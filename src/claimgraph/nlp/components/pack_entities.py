"""Pack entity ruler: every alias of a known entity, found with PhraseMatchers.

Short or capitalised-inside aliases ("IS", "TTP", "LeT") match case-sensitively
so that "IS" is never "is"; single words match as written or in capitals;
longer names match case-insensitively.  Spelling variants of separators are
added when the patterns are built ("Lashkar-e-Taiba" also matches
"Lashkar e Taiba" and "Lashkar-e Taiba").
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.nlp.components.common import PACK_KEY, label_for
from claimgraph.packs import PackSet
from claimgraph.text import strip_marks

_MAX_SEPARATOR_VARIANTS = 3  # 3**3 = 27 spellings at most per alias


def exact_case(alias: str, short_max: int) -> bool:
    """True when an alias must match with its exact capitalisation."""
    compact = alias.replace(".", "")
    if len(compact) <= short_max or compact.isupper():
        return True
    # Mixed-case acronyms: LeT, LeJ-A, VoH (not "al-Qaeda" or "al-Naba").
    letters = [c for c in alias if c.isalpha()]
    return " " not in alias and len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2


def spellings(alias: str) -> set[str]:
    """The alias with its hyphens written as hyphen, space or nothing, and apostrophes varied."""
    parts = re.split(r"(?<=\w)-(?=\w)", alias)
    out: set[str] = set()
    if 1 < len(parts) <= _MAX_SEPARATOR_VARIANTS + 1:
        for seps in itertools.product(("-", " ", ""), repeat=len(parts) - 1):
            out.add(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    else:
        out.add(alias)
    for form in list(out):
        if "’" in form or "'" in form:
            out.add(form.replace("’", "'"))
            out.add(form.replace("'", "’"))
            out.add(re.sub(r"['’]", "", form))
        out.add(strip_marks(form))
    for form in list(out):
        # "US" ↔ "U.S.", "UK" ↔ "U.K." as a word of the alias.
        out.add(re.sub(r"\b([A-Z])\.([A-Z])\.(?=\s|$)", r"\1\2", form))
        out.add(re.sub(r"\b([A-Z])([A-Z])\b(?=\s|$)", r"\1.\2.", form))
    return {o for o in out if o.strip()}


class PackEntityRuler:
    """Marks pack aliases in ``doc.spans["cg_pack"]`` (label by type, ``kb_id_`` = entity id)."""

    def __init__(self, nlp: Language, name: str, short_max: int) -> None:
        self.nlp = nlp
        self.name = name
        self.short_max = short_max
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[str, str] = {}

    def configure(self, packs: PackSet) -> None:
        """(Re)build the matchers from the packs' entities."""
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        owners: dict[tuple[bool, str], str] = {}
        # Canonical names claim their spelling before other entities' aliases do.
        ordered = sorted(
            ((alias != e.name, e.id, alias) for e in packs.entities.values() for alias in e.aliases),
        )
        for _, ident, alias in ordered:
            exact = exact_case(alias, self.short_max)
            forms = spellings(alias)
            if exact:
                forms |= {f.upper() for f in forms if " " not in f and not f.isupper()}
            for form in forms:
                key = (exact, form if exact else form.lower())
                owners.setdefault(key, ident)
        patterns: dict[tuple[bool, str], list[Doc]] = {}
        for (exact, form), ident in owners.items():
            patterns.setdefault((exact, ident), []).append(self.nlp.make_doc(form))
        for (exact, ident), docs in patterns.items():
            (self.exact if exact else self.lower).add(ident, docs)
        self.labels = {e.id: label_for(e.type, e.kind) for e in packs.entities.values()}

    def __call__(self, doc: Doc) -> Doc:
        strings = self.nlp.vocab.strings
        spans = []
        for match_id, start, end in [*self.exact(doc), *self.lower(doc)]:
            ident = strings[match_id]
            if end - start > 1 and doc[start].lower_ == "the":  # an alias listed as "the X"
                start += 1
            spans.append(Span(doc, start, end, label=self.labels.get(ident, "ORG"), kb_id=ident))
        doc.spans[PACK_KEY] = filter_spans(spans)
        return doc
