"""Relational nouns from the ``relation_cues`` lexicon ("ties with", "X's support for Y")."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.relations.arguments import prep_ents
from claimgraph.extract.relations.base import ACCUSING, ACTOR, Cand
from claimgraph.extract.relations.holders import modifier_ents
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.view import SentView

LIGHT_RECEIVE = {"receive", "enjoy", "get", "seek", "count", "rely", "depend", "gain", "obtain"}


def noun_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Relational nouns: "ties with", "clashes between A and B", "X's support for Y"."""
    out: list[Cand] = []
    for tok in view.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in lex.nouns or view.ent(tok):
            continue
        entry = lex.nouns[lemma]
        pred = entry["predicate"]
        if pred == "relations":
            pred = _sign(tok, lex)
            if pred is None:
                continue
        anchor = tok
        if tok.dep_ == "compound" and view.ent(tok.head):
            # A gerund read as a noun: "accused X of funding JNIM" parsed as "[funding JNIM]".
            anchor = tok.head
            a, b = [], view.group(tok.head)
        else:
            a = view.poss_ent(tok) + [view.ent(t) for t in modifier_ents(view, tok, [], ACTOR)]  # type: ignore[misc]
            a += prep_ents(view, tok, entry.get("subject_preps") or ())
            b = prep_ents(view, tok, entry.get("preps") or ())
        pairs: list[tuple[str, str]] = []
        if entry.get("between"):
            both = prep_ents(view, tok, ("between", "among"), agent=True)
            pairs += [(x, y) for i, x in enumerate(both) for y in both[i + 1 :]]
        if tok.head.dep_ == "prep" and tok.head.lower_ == "under" and pred == "leader_of":
            b = view.np_ents(tok.head.head)
        gov = _governing_subject(view, anchor)
        if not a and b:
            a = gov
        elif (
            a
            and not b
            and (gov and (tok.head.lemma_ in LIGHT_RECEIVE or tok.head.head.lemma_ in LIGHT_RECEIVE))
        ):
            b = gov
        if pred == "pledged_allegiance_to" and a and not b:
            b = _sentence_subject(view, exclude=a)
        pairs += [(x, y) for x in a for y in b]
        for s, o in dict.fromkeys(pairs):
            if s and o and s != o:
                out.append(Cand(s, pred, o, tok, f"relations.noun.{lemma}"))
    return out


def _governing_subject(view: SentView, tok: Token) -> list[str]:
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ == "of" and head.head.lemma_ in ACCUSING:
            return view.objects(head.head, ())  # "accuse X of support for Y": X supports
        head = head.head
    if tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return view.subjects(head)
    return []


def _sentence_subject(view: SentView, exclude: list[str]) -> list[str]:
    root = view.sent.root
    return [x for x in view.subjects(root) if x not in exclude and view.etype(x) in ACTOR]


def _sign(tok: Token, lex: Lexicons) -> str | None:
    words = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        words += [head, *[c for c in head.children if c.dep_ in ("acomp", "advmod", "attr")]]
    if tok.dep_ == "dobj":
        words.append(head)
    for w in words:
        for t in (w, *[c for c in w.children if c.dep_ in ("advmod", "amod")]):
            sign = lex.signs.get(t.lemma_.lower()) or lex.signs.get(t.lower_)
            if sign:
                return "allied_with" if sign == "positive" else "rival_of"
    return None
