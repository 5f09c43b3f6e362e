"""Verb arguments for ``SentView`` (a mixin) and entities of prepositional objects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimgraph.extract.relations.base import ACCUSING, USERS, acronym_aux, passive
from claimgraph.extract.relations.holders import holders

if TYPE_CHECKING:
    from claimgraph.extract.relations.view import SentView


class ArgumentsMixin:
    """Logical subjects and objects of verbs; mixed into ``SentView``."""

    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]:
        """Entities of the logical subject of ``verb`` (the agent when passive).

        With ``agent`` a subject about people of a group ("ISKP fighters") stands for the group.
        """
        if passive(verb):
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            out = [x for a in agents for x in self.np_ents(a, agent=agent)]
            if out or depth > 2:
                return out
        # An active subject even on a "passive" verb: the parser takes "IS" in "IS emissaries had
        # arrived" for an auxiliary.
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            for c in verb.children:
                if c.dep_ in ("nsubj", "csubj"):
                    if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                        return self.np_ents(verb.head, agent=agent) or holders(self, verb.head)
                    found = self.np_ents(c, agent=agent) or (holders(self, c) if c.pos_ == "NOUN" else [])
                    return found + [x for x in companions(self, c) if x not in found]
        named_aux = [c for c in verb.children if acronym_aux(c) and self.ent(c)]
        if named_aux and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            return self.group(named_aux[0])  # "When IS still ran towns near…"
        if depth > 2:
            return []
        head = verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            if verb.dep_ == "xcomp" and head.lemma_ in ("accuse", "suspect", "allow", "ask", "call"):
                return self.objects(head, ())
            if verb.dep_ == "xcomp" and any(c.dep_ == "nsubjpass" for c in head.children):
                # Raising: "X was said / reported / believed to be based in…" is about X, not the sayer.
                return self.objects(head, ())
            return self.subjects(head, depth + 1, agent)
        if verb.dep_ == "pcomp" and head.dep_ in ("prep", "agent"):
            governor = head.head
            if governor.lemma_ in ACCUSING:
                return self.objects(governor, ())  # "accused X of funding…": X, never the accuser
            if governor.lemma_ in USERS:
                objs = self.objects(governor, ())
                if objs:
                    return objs
            if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ in ("dobj", "attr", "pobj"):
                noun = governor
                governor = governor.head.head if governor.dep_ == "pobj" else governor.head
                if governor.lemma_ in ACCUSING:
                    return self.np_ents(noun)  # "accused both neighbours of arming…"
            if governor.pos_ in ("VERB", "AUX"):
                return self.subjects(governor, depth + 1, agent)
        if verb.dep_ in ("acl", "relcl") and not passive(verb):
            return self.np_ents(head, agent=agent) or holders(self, head)
        return []

    def objects(self, verb: Token, preps: tuple[str, ...] | list[str], dobj: bool = True) -> list[str]:
        """Entities of the direct object (the subject when passive) and of objects of ``preps``."""
        out: list[str] = []
        if passive(verb):
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                        # "the army's sweeps, which were backed by…": the sweeps' owner
                        out += self.np_ents(verb.head) or self.poss_ent(verb.head, pronouns=False)
                    else:
                        out += self.np_ents(c)
            if verb.dep_ == "acl":
                out += self.np_ents(verb.head)
        elif dobj:
            for c in verb.children:
                if c.dep_ in ("dobj", "attr"):
                    out += self.np_ents(c) or [x for x in self.poss_ent(c) if not c.lower_.endswith("self")]
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.np_ents(p)
            elif c.dep_ == "prep" and preps:
                # "working to some degree with X": the object hangs off an adverbial phrase.
                for p in c.children:
                    if p.dep_ == "pobj" and not self.ent(p) and p.pos_ == "NOUN":
                        for q in p.children:
                            if q.dep_ == "prep" and q.lower_ in preps:
                                out += [x for g in q.children if g.dep_ == "pobj" for x in self.np_ents(g)]
            if c.dep_ == "prt" and c.lower_ in preps:  # "broke away from"
                for p in c.children:
                    out += self.np_ents(p) if p.dep_ == "pobj" else []
        return list(dict.fromkeys(out))


def prep_ents(
    view: SentView, tok: Token, preps: tuple[str, ...] | list[str], agent: bool = False
) -> list[str]:
    out: list[str] = []
    children = list(tok.children)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        children += [c for c in tok.head.head.children if c.i > tok.i]  # "a degree of trust between…"
    for c in children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [x for x in view.np_ents(p, agent=agent) if x not in out]
    return out


def companions(view: SentView, subject: Token) -> list[str]:
    """Actors a subject phrase adds to itself: "X, alongside Y," / "X, along with Y," / "X together with Y"."""
    preps: list[Token] = []
    for c in subject.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "alongside":
            preps.append(c)
        elif c.lower_ in ("along", "together"):
            preps += [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif c.lower_ == "with" and c.i > 0 and view.doc[c.i - 1].lower_ in ("along", "together"):
            preps.append(c)
    out: list[str] = []
    for prep in preps:
        for p in prep.children:
            if p.dep_ == "pobj":
                out += [x for x in view.np_ents(p) if x not in out]
    return out
