"""Relation verbs from the ``relation_cues`` lexicon ("X joined Y", "Y was led by X")."""

from __future__ import annotations

from claimgraph.extract.relations.arguments import prep_ents
from claimgraph.extract.relations.base import SYMMETRIC, Cand, passive
from claimgraph.extract.relations.lexicons import Lexicons
from claimgraph.extract.relations.view import SentView


def verb_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Relation verbs: "X joined Y", "Y was led by X", "X clashed with Y", "X is backed by Y"."""
    out: list[Cand] = []
    for tok in view.sent:
        if tok.lemma_ == "be" and tok.pos_ == "AUX":
            against = prep_ents(view, tok, ("against",))  # "they are against ISKP"
            out += [
                Cand(s, "rival_of", o, tok, "relations.against") for s in view.subjects(tok) for o in against
            ]
        if tok.pos_ != "VERB":
            continue
        for entry in lex.verbs.get(tok.lemma_.lower(), []):
            preps = tuple(entry.get("preps") or ())
            pred = entry["predicate"]
            if entry.get("needs_prep") and not view.objects(tok, preps, dobj=False):
                continue
            if pred in SYMMETRIC and passive(tok) and not any(c.dep_ == "agent" for c in tok.children):
                # "a group linked to X", "terrorists affiliated with X": the passive subject is a party.
                subs, objs = view.objects(tok, ()), view.objects(tok, preps, dobj=False)
                subs = [x for x in subs if x not in objs]
            else:
                objs = view.objects(tok, preps, dobj=not entry.get("no_dobj"))
                subs = view.subjects(tok, agent=pred in ("rival_of", "allied_with", "supports"))
            if any(c.lower_ == "other" and any(x.lower_ == "each" for x in c.children) for c in tok.subtree):
                objs = subs  # "they confronted each other"
            elif entry.get("reciprocal") and not objs and len(subs) > 1:
                objs = subs  # "the two groups clashed in X"
            for s in subs:
                for o in objs:
                    if s != o:
                        out.append(Cand(s, pred, o, tok, f"relations.verb.{entry['term']}"))
    return out
