"""Nationality through demonyms ("a Pakistani national", "X (an Afghan from Kunar)")."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.relations.arguments import prep_ents
from claimgraph.extract.relations.base import Cand
from claimgraph.extract.relations.holders import holders
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.view import SentView
from claimgraph.records import Entity


def demonym_countries(view: SentView, lex: Lexicons, tok: Token) -> list[str]:
    out = []
    for t in tok.subtree:
        if t.dep_ in ("amod", "compound") and t.text in lex.demonyms and not view.ent(t):
            ident = ensure_country(view, lex.demonyms[t.text])
            if ident:
                out.append(ident)
    return out


def ensure_country(view: SentView, pack_id: str) -> str:
    """The document entity for a country reached through a demonym, created when absent."""
    for ident, e in view.index.entities.items():
        if ident == pack_id or (e.pack_id or "").endswith(":" + pack_id):
            return ident
    pe = view.packs.entities.get(pack_id) if view.packs else None
    name = pe.name if pe else pack_id.replace("_", " ").title()
    view.index.ensure(
        Entity(
            id=pack_id,
            type="place",
            kind="country",
            name=name,
            aliases=[name],
            pack_id=pe.key if pe else None,
            rule="relations.demonym",
        )
    )
    return pack_id


def demonym_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Nationality: "a Pakistani national", "X (an Afghan from Kunar)", "Syrians such as X"."""
    out: list[Cand] = []
    for tok in view.sent:
        text = tok.text
        key = text if text in lex.demonyms else (text[:-1] if text.endswith("s") else "")
        if key not in lex.demonyms or (view.ent(tok) and view.etype(view.ent(tok)) != "community"):  # type: ignore[arg-type]
            continue
        people: list[str] = []
        if tok.dep_ in ("amod", "compound"):
            noun = tok.head
            while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i and not view.ent(noun):
                noun = noun.head
            if view.ent(noun):
                people = [x for x in view.group(noun) if view.etype(x) == "person"]
            elif noun.pos_ in ("NOUN", "PROPN"):
                head_lemma = noun.lemma_.lower()
                if head_lemma in lex.person_nouns or head_lemma in lex.roles:
                    people = holders(view, noun)
                if not people and noun.tag_ in ("NNS", "NNPS"):
                    people = view.list_members(noun)  # "Pakistani fighters including X and Y"
        else:
            people = holders(view, tok) or view.list_members(tok)
        people = [p for p in people if view.etype(p) == "person"]
        if not people:
            continue
        country = ensure_country(view, lex.demonyms[key])
        for p in people:
            out.append(Cand(p, "nationality", country, tok, "relations.demonym"))  # type: ignore[arg-type]
            for org in prep_ents(view, tok, ("from", "of")):  # "an Afghan from TKK"
                if view.etype(org) == "organization":
                    out.append(Cand(p, "member_of", org, tok, "relations.demonym"))
    return out


ORIGIN_VERBS = {"be", "hail", "originate"}  # "X is from Pakistan", "X hails from Pakistan"


def origin_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Nationality from origin: "he is (not) from Afghanistan", "X hails from Pakistan"; only a
    country counts (a province or city of origin says nothing about citizenship)."""
    out: list[Cand] = []
    for prep in view.sent:
        if prep.dep_ != "prep" or prep.lower_ != "from" or prep.head.lemma_ not in ORIGIN_VERBS:
            continue
        if prep.head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in prep.head.children):
            continue  # "X is a fighter from Pakistan": the noun's own phrase, read by the demonym/role rules
        countries = [
            x
            for p in prep.children
            if p.dep_ == "pobj" and view.ent(p)
            for x in view.group(p)
            if view.etype(x) == "place" and view.ekind(x) == "country"
        ]
        people = [x for x in view.subjects(prep.head, agent=False) if view.etype(x) == "person"]
        out += [Cand(p, "nationality", c, prep, "relations.origin") for p in people for c in countries]
    return out
