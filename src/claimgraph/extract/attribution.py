"""Responsibility for events: perpetration, claims, blame and denials.

"ISKP carried out a raid on…" (author), "the raid by ISKP", "ISKP claimed
the bombing" (by = ISKP), "officials blamed the Haqqani Network" (by =
officials), "the Taliban denied having a hand in the bombing" (by = Taliban,
deny). The event is one whose evidence lies in the sentence, one the
sentence names ("the Jalalabad prison raid"), or, for "the attack" / "it",
the most recent event within a few sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimgraph.extract.hedges import is_negated
from claimgraph.extract.relations import ACTOR, Cand, Lexicons, SentView, holders, passive
from claimgraph.records import Event

ATTACK_KINDS = {"attack"}
FOUND_KINDS = {"founding", "leadership_change"}
ANAPHORA_SENTENCES = 3
NAME_STOP = {"the", "a", "an", "of", "in", "on", "at", "by", "and", "to", "attack", "attacks", "bombing"}
HYPHEN_AGENT = {"related", "linked", "claimed", "led", "perpetrated", "orchestrated", "executed"}
DEFINITE = {"the", "this", "that", "these", "those", "such"}


@dataclass
class EventTracker:
    """Which events a sentence refers to, and the last attack referred to (for anaphora)."""

    events: list[Event]
    last: Event | None = None
    last_sent: int = -99
    _words: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ev in self.events:
            words = re.findall(r"[a-z][a-z'-]+", (ev.name or "").lower())
            self._words[ev.id] = {w for w in words if w not in NAME_STOP and len(w) > 2}

    def refer(self, view: SentView, lex: Lexicons, n: int) -> list[Event]:
        """Events sentence ``n`` refers to: by its span, by name, or by anaphora ("the attack", "it")."""
        sent = view.sent
        here = [ev for ev in self.events if ev.start < sent.end_char and ev.end > sent.start_char]
        nouns = [t for t in sent if t.lemma_.lower() in lex.resp["event"] and t.pos_ in ("NOUN", "PRON")]
        for noun in nouns:
            ev = self._named(view, noun)
            if ev is not None and ev not in here:
                here.append(ev)
        attacks = [ev for ev in here if ev.kind in ATTACK_KINDS]
        if attacks:
            self.last = max(attacks, key=lambda e: e.start)
            self.last_sent = n
        elif (
            self.last is not None
            and n - self.last_sent <= ANAPHORA_SENTENCES
            and (any(_definite(t) for t in nouns) or any(t.lower_ == "it" for t in sent))
        ):
            here.append(self.last)
        return here

    def _named(self, view: SentView, noun: Token) -> Event | None:
        words = {t.lower_ for t in noun.subtree if t.i < noun.i or t.dep_ in ("prep", "pobj", "compound")}
        locs = {view.ent(t) for t in noun.subtree} - {None}
        best, score = None, 0
        for ev in self.events:
            s = len(self._words[ev.id] & words) + 2 * (ev.location in locs)
            if s > score and s >= 2:
                best, score = ev, s
        return best


def _definite(tok: Token) -> bool:
    """ "the attack", "this bombing", "the attack culprits" (the determiner of a compound's head)."""
    owner = tok.head if tok.dep_ == "compound" else tok
    return tok.pos_ == "PRON" or any(c.lower_ in DEFINITE for c in owner.children if c.dep_ == "det")


def _event_for(
    tok: Token, events: list[Event], kinds: set[str], nouns: frozenset[str] = frozenset()
) -> list[Event]:
    """The event of ``tok``'s phrase, else the event nearest to it in the sentence.

    An infinitive that names no event ("to target urban areas") is an aim, not an event.
    """
    fitting = [e for e in events if e.kind in kinds]
    if not fitting:
        return []
    for t in tok.subtree:
        for ev in fitting:
            if ev.start <= t.idx < ev.end and t.pos_ == "NOUN":
                return [ev]
    if tok.pos_ == "VERB":
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if infinitive and not any(o.lemma_.lower() in nouns for o in objects):
            return []  # "to target urban areas": an aim, not the sentence's event
    return [min(fitting, key=lambda e: abs(e.start - tok.idx))]


def _carry_out(tok: Token, entry: dict) -> bool:
    particle = entry.get("particle")
    return not particle or any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)


def responsibility_rule(view: SentView, lex: Lexicons, events: list[Event]) -> list[Cand]:
    """responsible_for candidates of one sentence, given the events it refers to."""
    if not events:
        return []
    out: list[Cand] = []
    resp = lex.resp
    for tok in view.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in resp["perpetrate"] and _carry_out(tok, resp["perpetrate"][lemma]):
            for ev in _event_for(tok, events, ATTACK_KINDS, frozenset(resp["event"])):
                out += _cands(view.subjects(tok), ev, tok, "attribution.perpetrate")
        if tok.pos_ == "VERB" and lemma in resp["found"]:
            for ev in _event_for(tok, events, FOUND_KINDS):
                out += _cands(view.subjects(tok), ev, tok, "attribution.found")
        if tok.pos_ == "VERB" and lemma in resp["claim"]:
            out += _claim(view, tok, events, lex)
        if tok.pos_ == "VERB" and lemma in resp["blame"]:
            out += _blame(view, tok, events)
        if tok.pos_ == "VERB" and lemma in resp["deny"]:
            out += _deny(view, tok, events, lex)
        if lemma in resp["event"] and tok.pos_ == "NOUN":
            out += _by_phrase(view, tok, events)
        if lemma in resp["agent"] and tok.pos_ == "NOUN" and not view.ent(tok):
            for ev in _event_for(tok, events, ATTACK_KINDS):
                out += _cands(holders(view, tok), ev, tok, "attribution.agent")
        if lemma in ("role", "part", "hand") and tok.pos_ == "NOUN":
            out += _role_in(view, tok, events)
        if tok.lower_ in HYPHEN_AGENT and tok.i - 2 >= view.sent.start and view.doc[tok.i - 1].text in "-–":
            actor = view.ent(view.doc[tok.i - 2])  # "an IS-related incident", "an ISKP-claimed attack"
            if actor and tok.head.lemma_.lower() in resp["event"]:
                for ev in _event_for(tok.head, events, ATTACK_KINDS):
                    out += _cands([actor], ev, tok, "attribution.hyphen")
        if tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
            subj = view.subjects(tok.head)
            for ev in _event_for(tok, events, ATTACK_KINDS):
                out += _cands(subj, ev, tok, "attribution.behind")
    return out


def _cands(actors: list[str], ev: Event, cue: Token, rule: str, **kw) -> list[Cand]:
    return [Cand(a, "responsible_for", ev.id, cue, rule, **kw) for a in actors]


def _role_in(view: SentView, noun: Token, events: list[Event]) -> list[Cand]:
    """ "X played a (key) role in the raid / in the appointment of Y"."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return []
    out: list[Cand] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj":
                    for ev in _event_for(p, events, ATTACK_KINDS | FOUND_KINDS):
                        out += _cands(view.subjects(noun.head), ev, noun, "attribution.role")
    return out


def _claim(view: SentView, tok: Token, events: list[Event], lex: Lexicons) -> list[Cand]:
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return []  # "claimed that…" reports a proposition, handled as a frame
    claimants = view.subjects(tok)
    out: list[Cand] = []
    for ev in _event_for(tok, events, ATTACK_KINDS):
        for a in claimants:
            if view.etype(a) in ACTOR:
                out.append(
                    Cand(a, "responsible_for", ev.id, tok, "attribution.claim", by=a, polarity="affirm")
                )
    # "ISKP has not claimed the attack" is an absence, not a denial.
    return [] if is_negated(tok, lex) else out


def _blame(view: SentView, tok: Token, events: list[Event]) -> list[Cand]:
    speakers = view.subjects(tok)
    # "attacks attributed to X" put it on X; "blamed X", "accused X" on the object.
    attributed = tok.lemma_ == "attribute"
    accused = view.objects(tok, ("to",), dobj=False) if attributed else view.objects(tok, ())
    out: list[Cand] = []
    for ev in _event_for(tok, events, ATTACK_KINDS):
        for a in accused:
            for s in speakers or ["author"]:
                if a != s:
                    out.append(Cand(a, "responsible_for", ev.id, tok, "attribution.blame", by=s))
    return out


def _deny(view: SentView, tok: Token, events: list[Event], lex: Lexicons) -> list[Cand]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp")]
    what = {t.lemma_.lower() for o in objs for t in o.subtree}
    if not what & (set(lex.resp["denied"]) | set(lex.resp["event"])):
        return []
    deniers = view.subjects(tok)
    out: list[Cand] = []
    for ev in _event_for(tok, events, ATTACK_KINDS):
        for a in deniers:
            out.append(Cand(a, "responsible_for", ev.id, tok, "attribution.deny", by=a, polarity="deny"))
    return out


def _by_phrase(view: SentView, noun: Token, events: list[Event]) -> list[Cand]:
    out: list[Cand] = []
    preps = list(noun.children)
    if noun.dep_ == "dobj" and not passive(noun.head):
        # "described the bombing of X by ISGS": the by-phrase hangs off the active verb in the parse.
        preps += [c for c in noun.head.children if c.i > noun.i]
    for c in preps:
        if c.dep_ == "prep" and c.lower_ == "by":
            actors = [x for p in c.children if p.dep_ == "pobj" for x in view.np_ents(p, agent=True)]
            for ev in _event_for(noun, events, ATTACK_KINDS | FOUND_KINDS):
                out += _cands(actors, ev, noun, "attribution.by")
    return out
