"""What the entity components share: span-group keys, labels and per-doc side tables.

The components hand their results on through the Doc itself so that
``nlp.pipe`` (and its multiprocessing) carries them:

``doc.spans[PACK_KEY]``     pack aliases found (``kb_id_`` = pack entity id)
``doc.spans[NAMES_KEY]``    titled names and kunyas
``doc.spans[GENERIC_KEY]``  generic actors ("Afghan officials"), ``kb_id_`` = merge key
``doc.ents``                the final mentions, one label each
``doc.user_data[KINDS]``    ``{(start_char, end_char): kind}`` for final mentions
``doc.user_data[ORIGINS]``  ``{(start_char, end_char): origin}``: pack, pattern, generic, cue or ner
``doc.user_data[ALIASES]``  ``[(start_char, end_char, alias, rule)]``: extra surface forms
``doc.user_data[LINKS]``    ``[(s1, e1, s2, e2, rule)]``: two mentions of one entity
``doc.user_data[WEAK]``     ``[(start_char, end_char)]``: NER spans of other labels that may be names
``doc.user_data[INNER]``    ``[(start_char, end_char, label, kb)]``: a mention inside a longer
                            one ("Mullah Bakhtwar" in "Mullah Bakhtwar's group")
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.text import APOSTROPHES, fold

PACK_KEY = "cg_pack"
NAMES_KEY = "cg_names"
GENERIC_KEY = "cg_generic"
KINDS = "cg_kinds"
ALIASES = "cg_aliases"
LINKS = "cg_links"
ORIGINS = "cg_origins"
INNER = "cg_inner"
WEAK = "cg_weak"
GENERIC_PREFIX = "generic:"

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
LABEL_TYPE = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "community",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
# Determiners and possessive markers that are not part of a name.
_LEADING = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Calendar words: capitalised like names, never one.
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})  # fmt: skip
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def label_for(entity_type: str, kind: str | None = None) -> str:
    """The spaCy entity label of a format type (and place kind)."""
    if entity_type == "person":
        return "PERSON"
    if entity_type == "community":
        return "NORP"
    if entity_type == "place":
        return {"facility": "FAC", "region": "LOC"}.get(kind or "", "GPE")
    return "ORG"


def norm_key(text: str) -> str:
    """Case, diacritics, apostrophes, punctuation and a leading "the" folded away."""
    s = fold(text)
    s = re.sub("[" + APOSTROPHES + "]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def trim(span: Span) -> Span | None:
    """The span without leading determiners, trailing possessives and stray punctuation."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _LEADING or not _wordy(doc[start])):
        start += 1
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or not _wordy(doc[end - 1])):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def _wordy(token) -> bool:
    return any(c.isalnum() for c in token.text)


def user_table(doc: Doc, key: str, factory: type) -> dict | list:
    """A side table of ``doc.user_data``, created empty on first use."""
    table = doc.user_data.get(key)
    if table is None:
        table = doc.user_data[key] = factory()
    return table


def set_kind(doc: Doc, span: Span, kind: str | None) -> None:
    if kind:
        user_table(doc, KINDS, dict)[(span.start_char, span.end_char)] = kind  # type: ignore[index]


def set_origin(doc: Doc, span: Span, origin: str) -> None:
    user_table(doc, ORIGINS, dict)[(span.start_char, span.end_char)] = origin  # type: ignore[index]


def kind_of(doc: Doc, start_char: int, end_char: int) -> str | None:
    return doc.user_data.get(KINDS, {}).get((start_char, end_char))


def add_alias(doc: Doc, span: Span, alias: str, rule: str) -> None:
    """Record an extra surface form of the entity mentioned at ``span``."""
    user_table(doc, ALIASES, list).append((span.start_char, span.end_char, alias, rule))  # type: ignore[union-attr]


def add_link(doc: Doc, a: Span, b: Span, rule: str) -> None:
    """Record that two mentions denote one entity."""
    user_table(doc, LINKS, list).append(  # type: ignore[union-attr]
        (a.start_char, a.end_char, b.start_char, b.end_char, rule)
    )


def add_inner(doc: Doc, span: Span, kb: str | None) -> None:
    """Record a mention that lies inside a longer chosen mention."""
    user_table(doc, INNER, list).append((span.start_char, span.end_char, span.label_, kb or ""))  # type: ignore[union-attr]
