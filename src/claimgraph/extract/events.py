"""Event extraction: dated, placed or named happenings in the body.

Kinds: attack, ct_operation, arrest, surrender, clash, founding,
leadership_change.  For each sentence, trigger phrases from the
``event_triggers`` lexicon are found (``event_triggers``), their clause is
read for date, place, actors, targets and casualties (``event_args``), the
kind is settled by who acts on whom (state forces → ct_operation, militants →
attack, militants on militants → clash), and mentions that are generic
(plural "attacks", counted "59 operations", habitual, hypothetical, negated,
a bare anaphoric "the attack") or unidentified (no date, place or name: the
annotation guide) are dropped.  Mentions of one happening collapse into one
event (``event_merge``); names and ids come from ``event_names``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.dates import DateMention
from claimgraph.extract.event_args import (
    Args,
    actors,
    casualties,
    entities_in,
    find_date,
    find_location,
    patient_entities,
    predicate_of,
    scope_of,
    side_of,
)
from claimgraph.extract.event_merge import collapse, fold_sentence, named_events
from claimgraph.extract.event_names import Candidate, event_name, operation_name
from claimgraph.extract.event_roles import founded, leadership, nearest_person
from claimgraph.extract.event_triggers import Lexicons, Trigger, find_triggers
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Entity, Event

MODALS = {"may", "might", "could", "would", "should", "will", "can", "must", "shall"}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
RULE = "events"


def extract_events(doc: Doc, index: EntityIndex, ctx: ExtractContext) -> list[Event]:
    """Events of the body, offsets in body coordinates."""
    lex = Lexicons.of(ctx.packs)
    dates = _dates_by_token(doc, ctx.dates(doc))
    candidates: list[Candidate] = []
    for sent in segments(doc):
        habitual = lex.is_habitual(sent)
        found: list[tuple[Trigger, Candidate]] = []
        triggers = find_triggers(sent, lex)
        heads = frozenset(t.head.i for t in triggers)
        here = {i: d for i, d in dates.items() if sent.start <= i < sent.end}
        for trig in triggers:
            if _generic(trig, lex, habitual, here):
                continue
            args = _read(trig, sent, index, lex, here, heads - {trig.head.i})
            if _anaphoric(trig, args):
                continue
            cand = _candidate(trig, args, sent, index, lex)
            if cand is not None:
                found.append((trig, cand))
        for trig, cand in fold_sentence(found):
            if _identified(trig, cand):
                ctx.bump(cand.rule)
                candidates.append(cand)
    candidates += named_events(ctx.body or doc.text, lex, index)
    candidates.sort(key=lambda c: c.start)
    return collapse(candidates)


FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "with",
    "from",
    "its",
    "their",
}


def segments(doc: Doc) -> Iterator[Span]:
    """Sentences, cut again at paragraph breaks the parser ran over (a heading glued to its paragraph).

    A blank line after a function word ("fight with the\\n\\nTaliban") is a page break inside a sentence
    and does not cut.
    """
    for sent in doc.sents:
        start = sent.start
        for m in re.finditer(r"\n\s*\n", sent.text):
            before = sent.text[: m.start()].split()
            if not before or before[-1].lower() in FUNCTION_WORDS:
                continue
            cut = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
            if cut is not None and start < cut.start < sent.end:
                yield doc[start : cut.start]
                start = cut.start
        yield doc[start : sent.end]


def _dates_by_token(doc: Doc, mentions: list[DateMention]) -> dict[int, DateMention]:
    out: dict[int, DateMention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out[tok.i] = m
    return out


def _counted(tok: Token, dates: dict[int, DateMention]) -> bool:
    """ "59 operations", "four emirs": a number (not a year) counts the noun."""
    return any(
        (c.dep_ == "nummod" or (c.like_num and c.i < tok.i)) and c.i not in dates for c in tok.children
    )


def _generic(trig: Trigger, lex: Lexicons, habitual: set[int], dates: dict[int, DateMention]) -> bool:
    """Plural, counted, modifier-only, habitual, negated or hypothetical mentions."""
    head = trig.head
    if operation_name(trig):
        return False
    if trig.is_noun:
        if head.tag_ in ("NNS", "NNPS") and not (trig.entry.state and _has_place_prep(head)):
            return True
        if head.dep_ in ("compound", "amod", "poss") and head.head.i >= trig.end:
            return True
        if _counted(head, dates):
            return True
    elif head.tag_ == "VBG" and head.dep_ == "pcomp" and not any(t.i in dates for t in head.subtree):
        return True  # "a record of attacking minorities": a habit, not a happening
    elif head.dep_ == "amod" or (
        head.tag_ == "VBN"
        and head.dep_ in ("acl",)
        and head.head.pos_ == "NOUN"
        and not any(c.dep_ in ("agent", "prep") for c in head.children)
    ):
        return True
    pred = predicate_of(head)
    checked = [head, pred] if (not trig.is_noun or head.head.i == pred.i) else [head]
    for tok in checked:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) or c.i in habitual:
                return True
            # "1,442 members surrendered", "12 nationals were captured": a figure, not an event.
            counted = c.dep_ in ("nsubj", "nsubjpass", "dobj") and _counted(c, dates)
            if counted and trig.entry.kind in ("arrest", "surrender"):
                return True
    if head.i in habitual or any(t.i in habitual for t in head.lefts):
        return True
    anc = head
    for _ in range(6):
        if anc.i != head.i and anc.lemma_.lower() in lex.irrealis:
            return True
        if anc.head.i == anc.i or anc.dep_ == "ccomp":
            break
        anc = anc.head
    return (
        not trig.is_noun
        and head.tag_ in ("VBZ", "VBP", "VB")
        and not any(c.dep_ == "auxpass" for c in head.children)
    )


def _has_place_prep(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("in", "across") for c in head.children)


def _anaphoric(trig: Trigger, args: Args) -> bool:
    """ "the attack", "this jailbreak": a bare definite noun refers back to an event already told."""
    head = trig.head
    if not trig.is_noun or operation_name(trig):
        return False
    dets = [c for c in head.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ANAPHORIC_DETS:
        return False
    if any(c.dep_ in ("compound", "nmod", "poss") or (c.dep_ == "amod" and c.ent_type_) for c in head.lefts):
        return False
    direct = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "of", "during")
        for g in c.subtree
    ]
    has_date = args.date is not None and any(args.date.start <= t.idx < args.date.end for t in direct)
    has_place = any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in head.children)
    named = [e for e in args.patients if e.type != "place" or e.kind == "facility"]
    return not (has_date or has_place or named)


def _read(
    trig: Trigger,
    sent: Span,
    index: EntityIndex,
    lex: Lexicons,
    dates: dict[int, DateMention],
    other_heads: frozenset[int] = frozenset(),
) -> Args:
    pred = predicate_of(trig.head)
    args = Args(predicate=pred, scope=scope_of(trig, pred, sent))
    args.date = find_date(trig, pred, dates)
    args.location = find_location(index, trig, pred, sent, other_heads)
    tagged, patients, others = actors(trig, index, lex)
    args.patient_tokens = [p for p in patients if p.i not in dates]
    for tok, ent in tagged:
        args.agent_side = args.agent_side or side_of(ent, tok, lex)
        if ent is not None and (ent.type != "place" or ent.kind == "country"):
            args.agents.append(ent)
    for tok in args.patient_tokens:
        args.patients += [e for e in patient_entities(index, tok) if e not in args.patients]
    for tok in others:
        args.others += [e for e in entities_in(index, tok) if e not in args.others]
    in_scope = [e for _, _, e in index.mentions_in(*args.scope)]
    args.communities = [e for e in in_scope if e.type == "community"]
    args.militants = [e for e in in_scope if e.kind == "militant_group"]
    start = min(trig.head.idx, args.scope[0])
    args.killed, args.wounded = casualties(
        sent.text[max(0, start - sent.start_char) : args.scope[1] - sent.start_char]
    )
    return args


def _patient_side(args: Args, lex: Lexicons) -> str | None:
    for ent in args.patients:
        side = side_of(ent, None, lex)
        if side:
            return side
    return next((s for s in (lex.side_of_word(t) for t in args.patient_tokens) if s), None)


def _kind(trig: Trigger, args: Args, lex: Lexicons) -> str | None:
    """Settle attack / ct_operation / clash by who acts on whom; a declared caliph is a leadership change."""
    entry = trig.entry
    if entry.term == "declare" and any(t.lemma_.lower() in lex.leader_roles for t in trig.head.subtree):
        return "leadership_change"
    if entry.kind not in ("attack", "ct_operation", "killing"):
        return entry.kind
    agent, patient = args.agent_side, _patient_side(args, lex)
    if entry.state or agent == "state":
        return "ct_operation"
    if agent == "militant" and patient == "militant":
        return "clash"
    if entry.kind == "killing":
        named = [e for e in args.patients if e.type in ("person", "organization")]
        if patient == "militant" or (named and agent is None and patient != "state"):
            return "ct_operation"
        return "attack" if named else None
    if entry.kind == "ct_operation" and agent == "militant":
        # "a Taliban offensive ... broke ISKP's enclave": one armed group's operation against another
        agents = {e.id for e in args.agents}
        others = [e for e in args.patients + args.others + args.militants if e.id not in agents]
        return "clash" if any(side_of(e, None, lex) == "militant" for e in others) else "attack"
    if entry.kind == "ct_operation":
        return "ct_operation"
    return "attack"


def _candidate(trig: Trigger, args: Args, sent: Span, index: EntityIndex, lex: Lexicons) -> Candidate | None:
    kind = _kind(trig, args, lex)
    if kind is None:
        return None
    persons = [e for e in args.patients if e.type == "person"]
    groups = [e for e in args.patients if e.type == "organization"]
    facilities = [e for e in args.patients if e.type == "place" and e.kind == "facility"]
    if args.location is not None and args.location.kind == "facility" and args.location not in facilities:
        facilities.append(args.location)
    if kind == "founding":
        groups = founded(trig, args, index)
        if not groups:
            return None
    elif kind == "leadership_change":
        persons, groups = leadership(trig, args, index, lex)
        if not persons:
            return None
    elif kind == "surrender" and not persons and any(e.type == "person" for e in args.agents):
        persons = [e for e in args.agents if e.type == "person"][:1]  # "X surrendered": X gives up
    elif kind in ("arrest", "surrender") and not persons:
        inside = [e for t in args.patient_tokens for e in entities_in(index, t) if e.type == "person"]
        persons = inside[:1] or nearest_person(trig, sent, index)
        if not persons and not groups:
            return None
    cand = Candidate(
        kind=kind,
        name=event_name(kind, trig, args, sent, persons, groups, lex),
        start=sent.start_char,
        end=sent.end_char,
        rule=f"{RULE}.{trig.entry.kind}_{'noun' if trig.is_noun else 'verb'}",
        date=args.date.iso if args.date else None,
        location=args.location,
        killed=args.killed,
        wounded=args.wounded,
        persons=_ids(persons),
        facilities=_ids(facilities),
        groups=_ids(groups),
    )
    if kind == "attack":
        targets = [*args.patients, *args.communities]
        cand.targets = _ids([e for e in targets if e.type != "place" or e.kind == "facility"])
    elif kind in ("founding", "leadership_change"):
        cand.participants = _ids([*persons, *groups])
    else:
        cand.participants = _ids(
            [e for e in [*args.agents, *args.patients, *args.others, *persons] if e.type != "place"]
        )
    if kind == "clash":
        # The other side must be named as such ("with X", "against X", "between X and Y"); a group merely
        # mentioned nearby counts only for a clash noun ("clashes"), not for "fought for ISGS in Mali".
        sides = [*args.agents, *args.patients, *args.others]
        marked = bool(args.patients or args.others)  # "fought against X" names the other side
        if (
            marked
            or (not trig.entry.weak and trig.entry.kind == "clash")
            or trig.entry.kind == "ct_operation"
        ):
            sides += args.militants
        cand.participants = _ids([e for e in sides if e.type != "place"])
        if len(cand.participants) < 2:
            return None  # a clash needs its two sides
    return cand


def _ids(entities: list[Entity]) -> list[str]:
    return list(dict.fromkeys(e.id for e in entities))


def _identified(trig: Trigger, cand: Candidate) -> bool:
    """The guide's test: a specific event has a date, a place or a name."""
    named = bool(cand.persons or cand.facilities or cand.name.startswith("Operation "))
    named = named or (cand.kind == "attack" and bool(cand.targets) and trig.is_noun)
    if cand.kind in ("founding", "leadership_change") and trig.entry.kind == "founding":
        return cand.date is not None
    if trig.entry.weak:
        named = named or bool(cand.participants or cand.targets)
        return (cand.date is not None) + (cand.location is not None) + named >= 2
    return cand.date is not None or cand.location is not None or named
