"""Who says it: attribution frames of reported speech.

A *frame* is a speaker plus the tokens its words cover: "Afghan officials
said that <scope>", "according to <speaker>, <scope>", "<speaker> denied
<scope>", passive "it was reported that <scope>" (speaker unknown → the
author, hedged). Frames nest; a fact takes the speaker of the innermost
frame that covers its cue token, else the author.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimgraph.extract.relations import APPOINTMENTS, Lexicons, SentView
from claimgraph.records import AUTHOR

VAGUE = {
    "source",
    "sources",
    "some",
    "many",
    "others",
    "observers",
    "analysts",
    "experts",
    "reports",
    "estimates",
}
PRONOUNS = {"he", "she", "they", "it", "who", "which", "that"}


@dataclass
class Frame:
    """A speaker (or several: "India and Afghanistan accuse…") and the tokens its words cover."""

    speakers: list[str]
    cue: Token
    role: str  # say | claim | deny | accuse | believe | frame | according
    scope: set[int] = field(default_factory=set)
    hedged: bool = False
    phrase: set[int] = field(default_factory=set)  # the tokens naming the speaker

    def covers(self, token: Token) -> bool:
        return token.i in self.scope


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _speaker_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Tokens naming who speaks through ``verb`` and whether they are the passive agent."""
    if _passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return agents, True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        return subj, False
    head = verb.head
    # "put out a statement saying…", "responded by saying…": the speaker of the governing verb;
    # "Pakistan trying to say…": the noun a participle modifies.
    hops = 0
    while head.i != verb.i and hops < 4:
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return [head], False
        if head.pos_ in ("VERB", "AUX"):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
            if subj:
                return subj, False
        if head.dep_ == "ROOT":
            break
        verb, head, hops = head, head.head, hops + 1
    return [], False


def _frame_scope(sent: Span, verb: Token, exclude: list[Token]) -> set[int]:
    scope = {t.i for t in verb.subtree}
    for tok in exclude:
        scope -= {t.i for t in tok.subtree}
    for child in verb.children:
        # A coordinated clause ("denied X and went on to say Y") is not covered by this verb.
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            scope -= {t.i for t in child.subtree}
        # What comes before the verb is context ("In its 2020 report, X said…", "The factions inside
        # JNIM, they all refused…"), unless it is a fronted quote ("JNIM is a front, they said").
        if child.i < verb.i and child.dep_ not in ("ccomp", "parataxis"):
            scope -= {t.i for t in child.subtree}
    return scope & set(range(sent.start, sent.end))


def find_frames(view: SentView, lex: Lexicons, previous: list[Frame]) -> list[Frame]:
    """Every attribution frame of the sentence, outermost first."""
    frames: list[Frame] = []
    sent = view.sent
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex.reporting:
            entry = lex.reporting[lemma]
            # "claimed the attack" is a claim of responsibility, handled with its event.
            clausal = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            if lemma == "claim" and not clausal and not _passive(tok):
                continue
            frame = _verb_frame(view, tok, entry, previous, lex)
            if frame is not None:
                frames.append(frame)
        elif tok.lower_ in ("according", "per") and tok.i + 1 < sent.end:
            frame = _according_frame(view, tok)
            if frame is not None:
                frames.append(frame)
    # Words naming a speaker ("as per X", "X said") belong to no other frame.
    for f in frames:
        if f.role == "according":
            for g in frames:
                if g is not f:
                    g.scope -= f.phrase
    frames.sort(key=lambda f: -len(f.scope))
    return frames


def _verb_frame(
    view: SentView, verb: Token, entry: dict, previous: list[Frame], lex: Lexicons
) -> Frame | None:
    role = entry["role"]
    hedged = bool(entry.get("hedged"))
    toks, agentive = _speaker_tokens(verb)
    speakers: list[str] = []
    for tok in toks:
        speakers += view.np_ents(tok, agent=True)
    if not speakers and toks and toks[0].lower_ in PRONOUNS:
        speakers = view.pronoun_antecedent(toks[0])
    if not speakers and toks and toks[0].lower_ in PRONOUNS:
        # An unresolved pronoun reports for the last named speaker nearby.
        for frame in reversed(previous):
            if frame.speakers != [AUTHOR]:
                speakers = list(frame.speakers)
                break
    if not speakers:
        vague = any(t.lower_ in VAGUE or t.lemma_.lower() in VAGUE for t in toks)
        named_thing = bool(toks) and toks[0].pos_ in ("NOUN", "PROPN") and not agentive
        if named_thing and not vague and role != "believe":
            return None  # a non-actor subject ("the data showed") does not make a speaker
        speakers, hedged = [AUTHOR], True
    has_object = any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    if role in ("accuse", "frame") and not has_object and not _passive(verb):
        return None
    reports = (
        any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        or _passive(verb)
        or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))
    )
    if not reports and not (entry.get("object") and any(c.dep_ == "dobj" for c in verb.children)):
        return None  # "X maintains ties with Y" reports nothing
    if role == "deny" and not _denies_a_claim(verb, lex):
        return None  # "denying ISKP space" is not a denial of a proposition
    exclude = [t for t in toks if not agentive]
    exclude += [c for c in verb.children if c.dep_ == "agent"]
    scope = _frame_scope(view.sent, verb, exclude)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As ACLED reported, <clause>": the speaker covers the clause it is attached to.
        scope |= _frame_scope(view.sent, verb.head, []) - {t.i for t in verb.subtree}
    return Frame(speakers=speakers, cue=verb, role=role, scope=scope, hedged=hedged)


def _denies_a_claim(verb: Token, lex: Lexicons) -> bool:
    for c in verb.children:
        if c.dep_ == "ccomp":
            return True
        what = c.lemma_.lower()
        if c.dep_ == "dobj" and (
            what in lex.claim_nouns or what in lex.resp["denied"] or what in APPOINTMENTS
        ):
            return True  # "rejected the claim", "denied any involvement", "rejected the appointment of X"
    return False


def _according_frame(view: SentView, tok: Token) -> Frame | None:
    sent = view.sent
    if tok.lower_ == "according" and sent.doc[tok.i + 1].lower_ != "to":
        return None
    if tok.lower_ == "per" and (tok.i == sent.start or sent.doc[tok.i - 1].lower_ != "as"):
        return None
    pobjs = [t for t in tok.subtree if t.dep_ == "pobj"]
    if not pobjs:
        nxt = sent.doc[tok.i + 1 : min(sent.end, tok.i + 8)]
        pobjs = [t for t in nxt if view.ent(t)][:1]
    speakers: list[str] = []
    for p in pobjs[:1]:
        speakers += view.np_ents(p, agent=True)
    if not speakers:
        return None
    phrase = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
    if pobjs:
        phrase |= {t.i for t in pobjs[0].subtree}
    scope = set(range(sent.start, sent.end)) - phrase
    return Frame(speakers=speakers, cue=tok, role="according", scope=scope, phrase=phrase)


def innermost(frames: list[Frame], tokens: list[Token]) -> Frame | None:
    """The smallest frame covering every token of the fact (its cue and arguments)."""
    best: Frame | None = None
    for frame in frames:
        if all(frame.covers(t) for t in tokens) and (best is None or len(frame.scope) < len(best.scope)):
            best = frame
    return best
