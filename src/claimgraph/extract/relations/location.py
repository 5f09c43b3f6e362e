"""active_in from locative phrases ("presence in Y", "operating in Y", "the Y-based X") and
part_of from "inside"/"within" an organization."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.relations.arguments import prep_ents
from claimgraph.extract.relations.base import ACTOR, NAMING_VERBS, PRESENCE_VERBS, STATE_KINDS, Cand, passive
from claimgraph.extract.relations.holders import holders, modifier_ents
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.view import SentView


def locative_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """active_in: "JNIM's presence in Niger", "groups operating in Pakistan", "the Afghanistan-based X"."""
    out: list[Cand] = []
    for prep in view.sent:
        if prep.dep_ != "prep" or prep.lower_ not in lex.loc_preps:
            continue
        places = [x for p in prep.children if p.dep_ == "pobj" for x in _places(view, p)]
        if not places:
            out += _inside(view, prep)
            continue
        actors = _located(view, prep.head, prep, lex)
        head = prep.head
        # "not yet defeated in X" does not deny a presence in X; "has no presence in X" does.
        polarity = None if head.pos_ not in ("VERB", "AUX") or head.lemma_ in PRESENCE_VERBS else "affirm"
        for a in actors:
            for p in places:
                out.append(Cand(a, "active_in", p, prep, "relations.locative", polarity=polarity))
    for tok in view.sent:
        if tok.lower_ == "based" and tok.i - 2 >= view.sent.start and view.doc[tok.i - 1].text in ("-", "–"):
            place = view.ent(view.doc[tok.i - 2])
            if place and view.etype(place) == "place":
                noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else tok
                actors = view.np_ents(noun) or holders(view, noun) or view.list_members(noun)
                for a in actors:
                    out.append(Cand(a, "active_in", place, tok, "relations.based"))
    return [c for c in out if c.predicate != "active_in" or _actor_ok(view, c.subject)]


CONTROL_NOUNS = {"control", "hold", "grip", "sway", "dominance", "domination", "command"}


def control_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """active_in from control over a place: "X has control of parts of Y", "X's grip on Y"."""
    out: list[Cand] = []
    for noun in view.sent:
        if noun.lemma_.lower() not in CONTROL_NOUNS or noun.pos_ != "NOUN":
            continue
        places = [
            x
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("of", "over", "on")
            for p in c.children
            if p.dep_ == "pobj"
            for x in _places(view, p)
        ]
        if not places:
            continue
        actors = view.poss_ent(noun) or [view.ent(t) for t in modifier_ents(view, noun, [], ACTOR)]  # type: ignore[misc]
        if not actors and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            actors = view.subjects(noun.head)  # "X has / holds / exerts control over Y"
        out += [Cand(a, "active_in", p, noun, "relations.control") for a in actors for p in places]
    return [c for c in out if _actor_ok(view, c.subject)]


def _inside(view: SentView, prep: Token) -> list[Cand]:
    """ "the factions inside JNIM, such as A and B", "absorbed within the ranks of JNIM"."""
    if prep.lower_ not in ("inside", "within"):
        return []
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if pobj is None:
        return []
    orgs = [view.ent(pobj)] if view.ent(pobj) else []
    orgs = [x for x in orgs if view.etype(x) == "organization"]
    if not orgs and pobj.lemma_.lower() in ("structure", "rank", "fold", "ranks", "umbrella"):
        orgs = [x for x in prep_ents(view, pobj, ("of",)) if view.etype(x) == "organization"]
    head = prep.head
    if head.pos_ == "VERB" and head.dep_ in ("relcl", "acl"):
        head = head.head
    if head.pos_ in ("NOUN", "PROPN"):
        # "the factions inside JNIM, such as A and B": the list may hang off JNIM in the parse.
        parts = view.np_ents(head) or holders(view, head, surface=False) or view.list_members(pobj)
        for t in pobj.subtree if not parts else ():
            if view.ent(t) in orgs and t.i == view.root(t).i:
                parts = view.list_members(t)  # "…within the ranks of X, such as A and B"
                break
    else:
        parts = view.subjects(head, agent=False)
    if not parts and head.pos_ == "VERB" and passive(head):
        parts = view.objects(head, ())
    return [Cand(p, "part_of", o, prep, "relations.inside") for p in parts for o in orgs if p != o]


def _places(view: SentView, pobj: Token, depth: int = 0) -> list[str]:
    """Places a locative object names: "in Kunar", "in Tinzaouaten village, Tilemsi valley and…",
    "in remote parts of Ansongo district", "in the regions of Gao and Menaka"."""
    if view.ent(pobj):
        return [x for x in view.group(pobj) if view.etype(x) == "place"]
    out: list[str] = []
    for c in pobj.children:
        if c.dep_ in ("compound", "amod", "nmod") and view.ent(c) and c.i < pobj.i:
            out += view.group(c)  # "Tinzaouaten village", "Tilemsi valley"
    if not out and depth < 2:
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out += [x for p in c.children if p.dep_ == "pobj" for x in _places(view, p, depth + 1)]
        out = out or view.list_members(pobj)
    for c in pobj.children:
        if c.dep_ == "conj" and not view.ent(c) and depth < 3:
            out += _places(view, c, depth + 1)
    if not out and pobj.tag_ == "NNS":
        # "in three districts of eastern Mali—Ansongo, Tessit and Menaka": the named ones
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for inner in c.children:
                    for a in inner.children:
                        if a.dep_ == "appos" and view.ent(a):
                            out += view.group(a)
    return [x for x in dict.fromkeys(out) if view.etype(x) == "place"]


def _located(view: SentView, head: Token, prep: Token, lex: Lexicons) -> list[str]:
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if view.ent(head):
        if pobj is not None and view.in_same_mention(head, pobj):
            return []
        return view.group(head)
    if head.pos_ in ("NOUN", "PROPN"):
        role = lex.roles.get(head.lemma_.lower())
        if role and role["predicate"] != "part_of":
            people = holders(view, head)
            if people:
                return people
        elif role:
            return holders(view, head)  # "an AQ branch in the Sahel, JNIM": the branch is there, not AQ
        found = holders(view, head, surface=False)
        found = found or view.poss_ent(head) + [view.ent(t) for t in modifier_ents(view, head, ["of"], ACTOR)]  # type: ignore[misc]
        found = found or holders(view, head) or view.list_members(head)
        governor = head.head
        if not found and head.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
            found = [] if governor.lemma_.lower() in lex.loc_block else view.subjects(governor)
        return found
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.lemma_.lower() in lex.loc_block:
            return []
        named = [view.ent(c) for c in head.children if c.dep_ == "oprd" and view.ent(c)]
        if named and head.lemma_ in NAMING_VERBS:
            return named  # type: ignore[return-value]
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return view.np_ents(head.head, agent=True) or holders(view, head.head)
        if head.pos_ == "ADJ" and head.head.pos_ in ("AUX", "VERB"):
            return view.subjects(head.head)
        if any(c.dep_ == "nsubjpass" for c in head.children) and not any(
            c.dep_ == "agent" for c in head.children
        ):
            return view.objects(head, ())  # "ISKP is located in…"
        return view.subjects(head)
    return []


def _actor_ok(view: SentView, ident: str) -> bool:
    return view.etype(ident) in ACTOR and view.ekind(ident) not in STATE_KINDS
