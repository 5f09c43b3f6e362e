"""Who a founding, a leadership change or an arrest is about.

Helpers of ``events``: the group a founding brings into being, the new (and
replaced) leader of a leadership change, and the person an arrest or
surrender most likely concerns when the parse does not link them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.event_args import Args, entities_in, patient_entities
from claimgraph.extract.event_names import role_word
from claimgraph.extract.event_triggers import Lexicons, Trigger
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Entity


def founded(trig: Trigger, args: Args, index: EntityIndex) -> list[Entity]:
    """Groups a founding trigger brings into being (object, passive subject, "of X", apposition)."""
    out = [e for e in args.patients if e.type == "organization"]
    for tok in args.patient_tokens:
        for ap in tok.children:
            if ap.dep_ == "appos":
                out += [e for e in entities_in(index, ap) if e.type == "organization" and e not in out]
    if not out and trig.is_noun:
        for c in trig.head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out += [e for e in entities_in(index, c) if e.type == "organization"]
    return out


def leadership(
    trig: Trigger, args: Args, index: EntityIndex, lex: Lexicons
) -> tuple[list[Entity], list[Entity]]:
    """(persons: new leader first, then the one replaced; groups led or choosing) of a leadership change.

    The role noun must sit in the trigger's phrase outside an active subject
    ("IS commander X appointed Y as envoy" names no new leader).
    """
    head = trig.head
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    in_subj = {t.i for s in subj for t in s.subtree}
    scope = [t for t in head.subtree if t.i not in in_subj]
    role = role_word(scope, trig, lex)
    if role is None:
        return [], []

    def persons_of(tokens: list[Token]) -> list[Entity]:
        return [e for t in tokens for e in entities_in(index, t) if e.type == "person"]

    by = [g for c in head.children if c.dep_ == "agent" for g in c.children]
    undergo = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj", "appos")]
    undergo += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("as", "of") for g in c.children]
    if trig.entry.term == "replace" and by:
        new, old = persons_of(by), persons_of(undergo)
    elif trig.entry.term in ("replace", "succeed", "become", "take over"):  # the subject takes office
        new, old = persons_of(subj), persons_of(undergo)
    else:
        new, old = persons_of(undergo), []
    others = [e for e in persons_of(scope) if e not in new and e not in old]
    persons = list({e.id: e for e in [*new, *old, *others]}.values())
    of = [g for c in role.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    mods = [c for c in role.children if c.dep_ in ("compound", "poss", "nmod")]
    groups = [e for t in [*mods, *of] for e in patient_entities(index, t) if e.type == "organization"]
    groups += [e for e in [*args.agents, *args.patients] if e.type == "organization" and e not in groups]
    return persons, groups


def nearest_person(trig: Trigger, sent: Span, index: EntityIndex) -> list[Entity]:
    """Fallback patient: the closest person mentioned before a passive verb or a noun, after an active verb."""
    head = trig.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or head.tag_ == "VBN"
    mentions = [(s, e) for s, _, e in index.mentions_in(sent.start_char, sent.end_char) if e.type == "person"]
    if passive or trig.is_noun:
        pool = [(head.idx - s, e) for s, e in mentions if s < head.idx]
    else:
        pool = [(s - head.idx, e) for s, e in mentions if s > head.idx]
    return [min(pool, key=lambda p: p[0])[1]] if pool else []
