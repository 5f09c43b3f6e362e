"""Event trigger lookup: which tokens of a sentence name a happening, and of what kind.

The words come from the pack lexicons ``event_triggers`` (trigger phrases by
kind), ``event_cues`` (light verbs, irrealis governors, habitual modifiers),
``event_actors`` (generic actor nouns by side) and ``event_leader_roles``.
``Lexicons.of(packs)`` builds the lookup tables once per pack set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from claimgraph.extract.context import per_packs
from claimgraph.packs import PackSet


@dataclass(frozen=True)
class TriggerEntry:
    term: str
    kind: str
    pos: str  # noun | verb | any
    label: str
    state: bool = False
    weak: bool = False
    poss_patient: bool = False
    object_is_instrument: bool = False


@dataclass
class Lexicons:
    """Lookup tables built from the pack lexicons used by event and estimate extraction."""

    triggers: dict[tuple[str, ...], TriggerEntry] = field(default_factory=dict)
    light: set[str] = field(default_factory=set)
    irrealis: set[str] = field(default_factory=set)
    habitual: set[tuple[str, ...]] = field(default_factory=set)
    actor_side: dict[str, str] = field(default_factory=dict)
    leader_roles: set[str] = field(default_factory=set)
    named: list[dict[str, Any]] = field(default_factory=list)
    by_first: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = field(default_factory=dict)

    def starting_with(self, forms: tuple[str, ...]) -> list[tuple[tuple[str, ...], TriggerEntry]]:
        """Trigger phrases whose first word is one of ``forms``, longest first."""
        found = [pair for f in forms for pair in self.by_first.get(f, ())]
        return sorted(found, key=lambda p: -len(p[0]))

    @staticmethod
    def of(packs: PackSet) -> Lexicons:
        """Tables for ``packs`` (built once per pack set)."""
        return per_packs(packs, _build)

    def side_of_word(self, token: Token) -> str | None:
        """``state``/``militant`` for a generic actor noun ("forces", "terrorists"), else ``None``."""
        lemma = token.lemma_.lower()
        if token.dep_ == "compound" or token.i == 0:
            return self.actor_side.get(lemma)
        prev = token.doc[token.i - 1]
        two = f"{prev.lemma_.lower()} {lemma}"
        return self.actor_side.get(two) or self.actor_side.get(lemma)

    def is_habitual(self, sent: Span) -> set[int]:
        """Token indices of habitual modifiers in the sentence."""
        out: set[int] = set()
        lemmas = [t.lemma_.lower() for t in sent]
        lowers = [t.lower_ for t in sent]
        for i in range(len(lemmas)):
            for n in (2, 1):
                if tuple(lemmas[i : i + n]) in self.habitual or tuple(lowers[i : i + n]) in self.habitual:
                    out.update(range(sent.start + i, sent.start + i + n))
        return out


@dataclass
class Trigger:
    """A trigger phrase matched in a sentence; ``head`` is its syntactic head token."""

    start: int  # token index (doc)
    end: int
    head: Token
    entry: TriggerEntry

    @property
    def is_noun(self) -> bool:
        """Nominal use; a noun trigger tagged as a gerund ("the mortar shelling") still counts."""
        return self.head.pos_ in ("NOUN", "PROPN") or (self.entry.pos == "noun" and self.head.tag_ == "VBG")

    @property
    def span(self) -> Span:
        return self.head.doc[self.start : self.end]


def _forms(token: Token) -> tuple[str, ...]:
    """Lemma, and for non-verbs the surface form too ("found" the verb is "find", not "found")."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG":
        return (lemma,)
    low = token.lower_
    # An ordered tuple, not a set: the first form wins among equally long matches, and a set's
    # order would change with the interpreter's string hashing.
    forms = [low] + [
        f for f in (lemma, low[:-1] if low.endswith("s") and len(low) > 3 else "") if f and f != low
    ]
    return tuple(dict.fromkeys(forms))


def _pos_ok(entry: TriggerEntry, head: Token) -> bool:
    if entry.pos == "noun":
        return head.pos_ in ("NOUN", "PROPN") or head.tag_ == "VBG"
    if entry.pos == "verb":
        return head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")
    return head.pos_ in ("NOUN", "PROPN", "VERB")


def find_triggers(sent: Span, lex: Lexicons) -> list[Trigger]:
    """Trigger phrases in ``sent``, longest match first, non-overlapping, in text order."""
    tokens = [t for t in sent if t.text != "-"]  # "counter-terrorism" reads as "counter terrorism"
    forms = [_forms(t) for t in tokens]
    out: list[Trigger] = []
    i = 0
    while i < len(tokens):
        matched = None
        for key, entry in lex.starting_with(forms[i]):
            n = len(key)
            if i + n > len(tokens) or any(key[k] not in forms[i + k] for k in range(1, n)):
                continue
            window = tokens[i : i + n]
            if any(t.is_punct for t in window):
                continue
            span = sent.doc[window[0].i : window[-1].i + 1]
            head = span.root
            if _pos_ok(entry, head) and not _in_proper_name(span):
                matched = Trigger(span.start, span.end, head, entry)
                i += n
                break
        if matched is not None:
            out.append(matched)
        else:
            i += 1
    return out


def _in_proper_name(span: Span) -> bool:
    """A capitalised trigger word inside a longer name ("... Massive Ordnance Air Blast") is no trigger.

    "Operation Green Sword" is the exception: the name itself denotes the event.
    """
    first = span[0]
    if not first.text[:1].isupper() or first.lower_ == "operation" or first.is_sent_start:
        return False
    doc = span.doc
    before = doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.text[:1].isupper() and not before.is_sent_start and before.is_alpha


def _build(packs: PackSet) -> Lexicons:
    lex = Lexicons()
    for e in packs.lexicon("event_triggers").entries:
        entry = TriggerEntry(
            term=e["term"],
            kind=e["kind"],
            pos=e.get("pos", "any"),
            label=e.get("label") or e["term"],
            state=bool(e.get("state", False)),
            weak=bool(e.get("weak", False)),
            poss_patient=e.get("poss") == "patient",
            object_is_instrument=e.get("object") == "instrument",
        )
        lex.triggers[tuple(e["term"].lower().replace("-", " ").split())] = entry
    for e in packs.lexicon("event_cues").entries:
        words = tuple(e["term"].lower().split())
        if e["role"] == "light":
            lex.light.add(e["term"].lower())
        elif e["role"] == "irrealis":
            lex.irrealis.add(e["term"].lower())
        else:
            lex.habitual.add(words)
    lex.actor_side = {e["term"].lower(): e["side"] for e in packs.lexicon("event_actors").entries}
    lex.leader_roles = {e["term"].lower() for e in packs.lexicon("event_leader_roles").entries}
    lex.named = list(packs.lexicon("event_named").entries)
    for key, entry in lex.triggers.items():
        lex.by_first.setdefault(key[0], []).append((key, entry))
    return lex
