"""Title and classifier nouns ("the ISKP emir X", "a branch of Y"), appointments, "X, former Y"."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.relations.arguments import prep_ents
from claimgraph.extract.relations.base import ORG, USERS, Cand
from claimgraph.extract.relations.holders import holders, modifier_ents
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.nationality import demonym_countries
from claimgraph.extract.relations.view import SentView

MODIFIER_ROLES = {"splinter", "breakaway", "offshoot", "deputy"}
MEMBER_PREPS = ["of", "in", "within"]  # "a commander of X", "a constable in the X police"
POSTED = {"leader_of", "deputy_of", "member_of"}  # titles held by people, possibly for a place


def role_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Title and classifier nouns: "the ISKP emir X", "X, a former TTP commander", "a branch of Y"."""
    out: list[Cand] = []
    for tok in view.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in lex.roles or view.ent(tok):
            continue
        noun = tok
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and not view.ent(tok.head):
            if tok.head.lemma_.lower() in lex.roles:
                continue  # the modified noun carries the relation ("deputy leader", "splinter faction")
            if lemma in MODIFIER_ROLES:
                noun = tok.head  # "a splinter group of X called Y"
        entry = lex.roles[lemma]
        pred = entry["predicate"]
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        mod_preds = {lex.roles[m.lemma_.lower()]["predicate"] for m in mods if m.lemma_.lower() in lex.roles}
        if "deputy_of" in mod_preds:
            pred = "deputy_of"
        elif "split_from" in mod_preds:
            pred = "split_from"
        elif entry.get("qualified") and _qualified(view, noun, mods, lex):
            pred = entry["qualified"]
        preps = entry.get("preps") or (MEMBER_PREPS if pred == "member_of" else ["of"])
        types = ("organization", "place") if pred == "proxy_of" else ORG
        if pred == "successor_of":
            types = ("person",)
        hold = holders(view, noun) or view.list_members(noun)
        if entry.get("demonym_holder") and not hold:
            hold = demonym_countries(view, lex, noun)  # "their Pakistani benefactors"
        objs = [view.ent(t) for t in modifier_ents(view, noun, preps, types)]
        # "their new leader": the pronoun is usually whoever chose the leader, not what is led.
        leadership = pred in ("leader_of", "deputy_of")
        objs += [x for x in view.poss_ent(noun, tuple(hold), pronouns=not leadership) if x not in objs]
        bare = not any(c.dep_ in ("prep", "compound", "poss", "nmod") for c in noun.children)
        if leadership and not objs and hold and entry.get("topical") and bare and _definite_title(noun):
            objs = [view.memory["topic"]] if view.memory.get("topic") else []
        if pred == "proxy_of":
            objs += [x for x in demonym_countries(view, lex, noun) if x not in objs]
            if (
                not objs
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "as"
                and noun.head.head.lemma_ in USERS
            ):
                objs = view.subjects(noun.head.head)  # "using JNIM as a tool"
        for h in hold:
            for o in objs:
                if not o or o == h:
                    continue
                s, ob = (o, h) if entry.get("reverse") else (h, o)
                out.append(Cand(s, pred, ob, noun, f"relations.role.{lemma}"))
        if pred in POSTED:
            out += [
                Cand(h, "active_in", p, noun, "relations.role.post") for h in hold for p in _posts(view, noun)
            ]
    return out


def _posts(view: SentView, noun: Token) -> list[str]:
    """The place a title is held for: "the head for Kunar", "the commander for the northern provinces"."""
    return [x for x in prep_ents(view, noun, ("for",)) if view.etype(x) == "place"]


def _is_place(view: SentView, tok: Token) -> bool:
    ident = view.ent(tok)
    return bool(ident) and view.etype(ident) == "place"  # type: ignore[arg-type]


APPOINTMENTS = {"appointment", "nomination", "election", "selection", "elevation", "installation"}


def appointment_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "the appointment of X (as the ISKP emir)" → leader_of(X, the group named, else the report's group)."""
    out: list[Cand] = []
    for tok in view.sent:
        if tok.lemma_.lower() not in APPOINTMENTS or tok.pos_ != "NOUN":
            continue
        people = [x for x in prep_ents(view, tok, ("of",)) if view.etype(x) == "person"]
        people += [x for x in view.poss_ent(tok, pronouns=False) if view.etype(x) == "person"]
        orgs: list[str] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for title in c.children:
                    orgs += [view.ent(t) for t in modifier_ents(view, title, ["of"], ORG)]  # type: ignore[misc]
        if not orgs and view.memory.get("topic"):
            orgs = [view.memory["topic"]]
        out += [Cand(p, "leader_of", o, tok, "relations.appointment") for p in people for o in orgs]
    return out


def _definite_title(noun: Token) -> bool:
    """ "the fifth emir", "their new leader", "(appointed) as acting governor": a title of one group."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in noun.children)


def _qualified(view: SentView, tok: Token, mods: list[Token], lex: Lexicons) -> bool:
    """A leadership title narrowed to a sub-unit ("recruitment chief", "head for Kunar")."""
    for m in mods:
        if m.pos_ == "NOUN" and not view.ent(m) and m.lemma_.lower() not in lex.roles:
            return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "in") and any(_is_place(view, p) for p in c.children):
            return True
    return False


def former_member_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "X, former JNIM from the Katiba Macina": an organization named in apposition to a person."""
    out: list[Cand] = []
    for tok in view.sent:
        ident = view.ent(tok)
        if (
            not ident
            or tok.i != view.root(tok).i
            or tok.dep_ != "appos"
            or view.etype(ident) != "organization"
        ):
            continue
        if not any(c.lower_ in ("former", "ex", "veteran", "onetime") for c in tok.children):
            continue
        people = [x for x in view.np_ents(tok.head) if view.etype(x) == "person"]
        orgs = [ident] + [x for x in prep_ents(view, tok, ("from", "of")) if view.etype(x) == "organization"]
        out += [Cand(p, "member_of", o, tok, "relations.former") for p in people for o in orgs]
    return out
