"""Arguments of an event trigger: its clause, date, place, actors, targets and casualties.

Everything here works on one trigger in a parsed sentence.  Dependency
structure is used first (subject/agent/object, prepositional attachments);
the small English parser is often wrong on long report sentences, so each
role falls back on word order within the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.extract.dates import DateMention
from claimgraph.extract.event_triggers import Lexicons, Trigger
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.numbers import find_quantities
from claimgraph.records import Entity

PLACE_RANK = {"facility": 0, "village": 1, "district": 2, "city": 3, "province": 4, "region": 5, "country": 6}
LOCATIVE = {"in", "at", "on", "near", "inside", "outside", "across", "throughout", "within", "around", "of"}
PATIENT_PREPS = {"on", "against", "at", "of", "targeting"}
STATE_KINDS = {"military", "government", "state_agency"}
MILITANT_PERSON_KINDS = {"militant", "leader"}
# "June 2019 marked the start of Operation X": the phase of an event carries its date.
PHASE_NOUNS = {"beginning", "start", "launch", "outset", "onset", "end", "conclusion"}
# Dependencies through which a governing clause's date still applies to the trigger.
DATE_INHERIT = {
    "advcl",
    "xcomp",
    "acl",
    "relcl",
    "conj",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "nsubj",
    "nsubjpass",
}
_KILLED_AFTER = re.compile(
    r"^\s*(?:(?!and\b|or\b|but\b|hours\b|days\b|weeks\b|months\b|years\b|times\b)[\w-]+\s+){0,2}?"
    r"(?:(?:were|was|had been|have been|are|being|got)\s+)?(?P<w>killed|dead|died|slain|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
_KILLED_BEFORE = re.compile(
    r"(?P<w>killing|killed|kill|kills|leaving|left|claimed the lives of|death toll (?:of|to|at|rose to|reached)|"
    r"wounding|wounded|injuring|injured)\s*$",
    re.IGNORECASE,
)


@dataclass
class Args:
    """What a trigger's clause says about the event."""

    predicate: Token
    scope: tuple[int, int]  # char span of the clause
    date: DateMention | None = None
    location: Entity | None = None
    agents: list[Entity] = field(default_factory=list)
    agent_side: str | None = None
    patients: list[Entity] = field(default_factory=list)
    patient_tokens: list[Token] = field(default_factory=list)
    others: list[Entity] = field(default_factory=list)  # entities of "with X", "between X and Y", "to X"
    communities: list[Entity] = field(default_factory=list)
    militants: list[Entity] = field(default_factory=list)  # armed groups named in the clause
    killed: int | None = None
    wounded: int | None = None


def predicate_of(head: Token) -> Token:
    """The verb that governs a trigger (the trigger itself when it is a verb)."""
    tok = head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def scope_of(trigger: Trigger, predicate: Token, sent: Span) -> tuple[int, int]:
    """Char span of the trigger's clause: the predicate's subtree, within the sentence."""
    tokens = [t for t in predicate.subtree if sent.start <= t.i < sent.end]
    tokens += list(trigger.head.subtree)
    return _span_chars(tokens)


def entities_in(index: EntityIndex, tokens: list[Token] | Token) -> list[Entity]:
    """Entities mentioned in a token's subtree (or a token list), in order, without repeats."""
    toks = list(tokens.subtree) if isinstance(tokens, Token) else tokens
    if not toks:
        return []
    start, end = _span_chars(toks)
    out: list[Entity] = []
    for _, _, ent in index.mentions_in(start, end):
        if ent not in out:
            out.append(ent)
    return out


def side_of(entity: Entity | None, token: Token | None, lex: Lexicons) -> str | None:
    """``state`` or ``militant`` for an actor, from its entity kind or its head noun."""
    if entity is not None:
        if entity.kind in STATE_KINDS or (entity.type == "place" and entity.kind == "country"):
            return "state"
        if entity.kind == "militant_group" or (
            entity.type == "person" and entity.kind in MILITANT_PERSON_KINDS
        ):
            return "militant"
        if entity.type == "person" and entity.kind == "official":
            return "state"
    if token is not None:
        return lex.side_of_word(token)
    return None


def _path_ok(
    tok: Token, stops: set[int], allow_preps: set[str], blocked: frozenset[int] = frozenset()
) -> bool:
    """Walk up from ``tok`` to one of ``stops``; refuse other clauses and non-locative preps."""
    cur = tok
    for _ in range(12):
        if cur.i in stops:
            return True
        if cur.i in blocked:
            return False  # the place belongs to another event of the sentence
        if cur.dep_ == "prep" and cur.lemma_.lower() not in allow_preps:
            return False
        if cur.pos_ == "VERB" and cur.dep_ not in ("acl", "amod") and cur.i not in stops:
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def find_location(
    index: EntityIndex, trigger: Trigger, predicate: Token, sent: Span, blocked: frozenset[int] = frozenset()
) -> Entity | None:
    """The most specific place attached to the trigger or its predicate by a locative link."""
    stops = {trigger.head.i, predicate.i}
    best: tuple[float, int, Entity] | None = None
    start, end = scope_of(trigger, predicate, sent)
    for s, e, ent in index.mentions_in(start, end):
        if ent.type != "place":
            continue
        span = sent.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") or not _path_ok(root, stops, LOCATIVE | {"during"}, blocked):
            continue
        rank = PLACE_RANK.get(ent.kind or "", 3.5)
        key = (rank, abs(root.i - trigger.head.i), ent)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def find_date(trigger: Trigger, predicate: Token, dates: dict[int, DateMention]) -> DateMention | None:
    """The date of the trigger's phrase, else its clause, else a governing clause (not reported speech)."""
    head = trigger.head
    root = head.head if head.dep_ == "compound" else head  # "Operation Hamza in 2017"
    if head.dep_ == "compound" and head.lower_ == "operation":
        # "Operation Hamza (OH) in 2017": the date right after the name.
        for tok in head.doc[root.i + 1 : root.i + 6]:
            if tok.i in dates and dates[tok.i].iso:
                return dates[tok.i]
            if tok.is_sent_end or tok.lower_ in ("and", ";"):
                break
    # Coordinated phrases are other events: "the university attack and the May 2020 ward attack".
    conj = {t.i for c in root.children if c.dep_ == "conj" for t in c.subtree}
    pools = [[t for t in root.subtree if not _in_other_clause(t, root) and t.i not in conj]]
    if _direct(root, predicate):
        pools.append([t for t in predicate.subtree if not _in_other_clause(t, predicate) and t.i not in conj])
    for pool in pools:
        own = [t for t in pool if t.i in dates and dates[t.i].iso]
        if own:
            nearest = min(own, key=lambda t: (abs(t.i - head.i), t.i < head.i))
            return dates[nearest.i]
    when = next((c for c in predicate.children if c.lower_ == "when" and c.i < predicate.i), None)
    if when is not None:
        # "..., August 2016, when X was killed": the date just before "when" is the clause's time.
        for tok in reversed(list(predicate.doc[max(0, when.i - 4) : when.i])):
            if tok.i in dates and dates[tok.i].iso:
                return dates[tok.i]
    return _governing_date(predicate, dates) or _adjacent_date(trigger, dates)


def _governing_date(predicate: Token, dates: dict[int, DateMention]) -> DateMention | None:
    """A date attached to a clause that governs the predicate ("In 2019, ... following X, Y happened")."""
    tok = predicate
    for _ in range(6):
        if tok.dep_ not in DATE_INHERIT or tok.head.i == tok.i:
            return None
        parent = tok.head
        if parent.i in dates and dates[parent.i].iso:
            return dates[parent.i]
        for child in parent.children:
            if child.i == tok.i:
                continue
            if child.dep_ in ("prep", "npadvmod", "advmod", "pobj") and child.i < tok.i:
                hit = [t for t in child.subtree if t.i in dates and dates[t.i].iso]
                if hit:
                    return dates[hit[0].i]
        tok = parent
    return None


def _adjacent_date(trigger: Trigger, dates: dict[int, DateMention], reach: int = 10) -> DateMention | None:
    """Fallback for a misparsed sentence: a date just after the trigger's phrase, no verb in between."""
    for tok in trigger.head.doc[trigger.end : trigger.end + reach]:
        if tok.i in dates and dates[tok.i].iso:
            return dates[tok.i]
        if tok.pos_ in ("VERB", "AUX", "CCONJ") or tok.text in (";", ".", ":", ","):
            return None
    return None


def _direct(tok: Token, predicate: Token) -> bool:
    """Whether a trigger is an argument of its predicate, not buried in another noun phrase
    ("a reward for information on the airport attack" does not date the attack)."""
    cur = tok
    for _ in range(8):
        if cur.i == predicate.i:
            return True
        if cur.i != tok.i and cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() not in PHASE_NOUNS:
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _in_other_clause(tok: Token, predicate: Token) -> bool:
    """Whether ``tok`` sits in a relative or adverbial clause below ``predicate`` ("who joined IS in 2014")."""
    cur = tok
    while cur.i != predicate.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "ccomp") and cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def casualties(text: str) -> tuple[int | None, int | None]:
    """(killed, wounded) from phrases like "killing at least 24", "left 8 dead and 12 wounded"."""
    killed = wounded = None
    for q in find_quantities(text):
        if q.unit or q.value is None or q.value >= 100000:
            continue
        after = _KILLED_AFTER.match(text[q.end :])
        before = _KILLED_BEFORE.search(text[max(0, q.start - 40) : q.start])
        word = after.group("w").lower() if after else before.group("w").lower() if before else ""
        if not word:
            continue
        value = int(q.value)
        if word in ("wounded", "injured", "hurt", "wounding", "injuring"):
            wounded = wounded if wounded is not None else value
        else:
            killed = killed if killed is not None else value
    return killed, wounded


def actors(
    trigger: Trigger, index: EntityIndex, lex: Lexicons
) -> tuple[list[tuple[Token, Entity | None]], list[Token], list[Token]]:
    """(agent tokens with entity, patient tokens, other participant tokens) of a trigger."""
    head = trigger.head
    agents: list[Token] = []
    patients: list[Token] = []
    others: list[Token] = []
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    if not trigger.is_noun:
        for c in head.children:
            if c.dep_ == "nsubj":
                agents.append(c)
            elif c.dep_ == "agent":
                agents += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not trigger.entry.object_is_instrument):
                patients.append(c)
            elif c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if c.lemma_.lower() in PATIENT_PREPS - {"of"}:
                    patients += objs
                elif c.lemma_.lower() in ("with", "between", "to", "along"):
                    others += [o for g in objs for o in (g, *g.conjuncts)]
                    others += [
                        g2 for g in c.children if g.dep_ == "prep" for g2 in g.children if g2.dep_ == "pobj"
                    ]
        if not agents and head.dep_ in ("xcomp", "conj", "advcl") and not passive:
            agents += [c for c in head.head.children if c.dep_ == "nsubj"]
    else:
        for c in head.children:
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                prep = c.lemma_.lower()
                if prep == "by":
                    agents += objs
                elif prep in PATIENT_PREPS:
                    patients += [o for g in objs for o in (g, *g.conjuncts)]
                elif prep in ("with", "between", "to"):
                    others += [o for g in objs for o in (g, *g.conjuncts)]
            elif c.dep_ == "poss":
                (patients if trigger.entry.poss_patient else agents).append(c)
            elif c.dep_ == "appos" and trigger.entry.poss_patient:
                patients.append(c)  # "the arrest of the emir, X, ..." often parses X under "arrest"
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < trigger.start:
                agents.append(c)
        gov = head.head
        if head.dep_ in ("dobj", "nsubjpass") and gov.lemma_.lower() in lex.light:
            for c in gov.children:
                if c.dep_ == "nsubj":
                    agents.append(c)
                elif c.dep_ == "agent":
                    agents += [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lemma_.lower() in PATIENT_PREPS - {"of"}:
                    patients += [g for g in c.children if g.dep_ == "pobj"]
        elif head.dep_ == "nsubj" and gov.lemma_.lower() in ("kill", "target", "hit"):
            patients += [c for c in gov.children if c.dep_ == "dobj"]
    tagged = [(t, next(iter(patient_entities(index, t)), None)) for t in agents]
    return tagged, patients, others


def patient_entities(index: EntityIndex, tok: Token) -> list[Entity]:
    """Entities a patient phrase denotes: its head, appositions, conjuncts and name modifiers.

    "the third emir, Abu Bilal al-Sahli" → the person; "several ISI members" → ISI;
    nested places ("a clinic in Kabul") are not the patient.
    """
    out: list[Entity] = []
    for t in (tok, *tok.conjuncts):
        ent = index.entity_of_token(t)
        if ent is not None:
            out.append(ent)
            continue
        for c in t.children:
            if c.dep_ == "appos" or (c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < t.i):
                ent = index.entity_of_token(c)
                if ent is not None and ent not in out:
                    out.append(ent)
    return out
