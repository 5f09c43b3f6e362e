"""Relations carried by a modifier: possessives ("JNIM's Katiba Macina") and hyphenated
participles ("an IS-linked group", "a Pakistan-backed group")."""

from __future__ import annotations

from claimgraph.extract.relations.base import STATE_KINDS, Cand
from claimgraph.extract.relations.holders import holders
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.view import SentView


def possessive_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "JNIM's Katiba Macina" → part_of; "Akhundzada's Taliban" → leader_of."""
    out: list[Cand] = []
    for tok in view.sent:
        ident = view.ent(tok)
        if not ident or tok.i != view.root(tok).i or view.etype(ident) != "organization":
            continue
        owners = view.poss_ent(tok, exclude=(ident,))
        for owner in owners[:1]:
            if owner == ident:
                continue
            if view.etype(owner) == "organization":
                out.append(Cand(ident, "part_of", owner, tok, "relations.possessive"))
            elif view.etype(owner) == "person" and view.ekind(ident) not in STATE_KINDS:
                out.append(Cand(owner, "leader_of", ident, tok, "relations.possessive"))
    return out


HYPHEN_CUES = {
    "linked": "allied_with",
    "affiliated": "allied_with",
    "aligned": "allied_with",
    "allied": "allied_with",
    "connected": "allied_with",
    "backed": "supports",
    "sponsored": "supports",
    "funded": "supports",
    "financed": "supports",
    "supported": "supports",
    "controlled": "proxy_of",
}


def hyphen_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "an IS-linked entity" → allied_with; "a Pakistan-backed group" → supports; "X-controlled" → proxy_of."""
    out: list[Cand] = []
    doc = view.doc
    for tok in view.sent:
        pred = HYPHEN_CUES.get(tok.lower_)
        if pred is None or tok.i - 2 < view.sent.start or doc[tok.i - 1].text not in ("-", "–"):
            continue
        other = view.ent(doc[tok.i - 2])
        if not other:
            continue
        noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else tok
        for h in view.np_ents(noun) or holders(view, noun):
            if h == other:
                continue
            s, o = (other, h) if pred == "supports" else (h, other)
            out.append(Cand(s, pred, o, tok, "relations.hyphen"))
    return out
