"""Pronoun and possessor resolution for ``SentView`` (a mixin over its entity lookups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    pass

PRONOUN_POSS = {"its", "their", "his", "her"}


class PronounsMixin:
    """Antecedents of pronouns and possessors; mixed into ``SentView``."""

    def antecedent_group(self, tok: Token) -> list[str]:
        """ "both of them", "they all": the nearest coordinated entities before ``tok``."""
        for t in reversed(self.doc[self.sent.start : tok.i]):
            if self.ent(t) and self.etype(self.ent(t)) in ("organization", "person"):  # type: ignore[arg-type]
                head = self.root(t)
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head
                return self.group(head) if self.ent(head) else [self.ent(t)]  # type: ignore[list-item]
        return []

    def poss_ent(self, tok: Token, exclude: tuple[str, ...] = (), pronouns: bool = True) -> list[str]:
        """Entities of a possessor child ("ISKP's", "its" resolved to the nearest fitting entity)."""
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if self.ent(c):
                return self.group(c)
            if c.lower_ in PRONOUN_POSS and pronouns:
                if tok.dep_ == "conj" and self.ent(tok.head) and self.ent(tok.head) not in exclude:
                    return [self.ent(tok.head)]  # type: ignore[list-item]
                return self.pronoun_antecedent(c, exclude)
        return []

    def pronoun_antecedent(self, tok: Token, exclude: tuple[str, ...] = ()) -> list[str]:
        """A pronoun's entity: its coref span, else the nearest earlier mention of a fitting type
        (a person for he/his, an organization in subject position for it/its/they/their)."""
        if self.ent(tok):
            return [self.ent(tok)]  # type: ignore[list-item]
        personal = tok.lower_ in ("he", "his", "him", "she", "her")
        subject_like = tok.lower_ in ("he", "she", "his")
        for t in reversed(self.doc[self.sent.start : tok.i]):
            ident = self.ent(t)
            if not ident or ident in exclude:
                continue
            if personal and self.etype(ident) == "person":
                return [ident]
            collective = self.etype(ident) == "organization" or (
                self.etype(ident) == "place" and self.ekind(ident) == "country"
            )
            if not personal and collective and self.root(t).dep_ in ("nsubj", "nsubjpass"):
                return [ident]
        # Across sentences only "he"/"his" are resolved: an earlier subject person is a safe guess,
        # an earlier organization for "its"/"their" is not.
        if not personal:
            # "In its weekly magazine, Islamic State reported…": the pronoun comes before its subject.
            for t in self.doc[tok.i + 1 : self.sent.end]:
                ident = self.ent(t)
                is_org = bool(ident) and ident not in exclude and self.etype(ident) == "organization"
                if is_org and self.root(t).dep_ == "nsubj" and self.root(t).head.dep_ == "ROOT":
                    return [ident]  # type: ignore[list-item]
        remembered = self.memory.get("person") if subject_like else None
        return [remembered] if remembered and remembered not in exclude else []

    def remember(self) -> dict:
        """What this sentence leaves for pronouns in the next ones (its last subjects)."""
        memory = dict(self.memory)
        for i in sorted(self.tok_ent):
            tok = self.doc[i]
            ident = self.tok_ent[i]
            kind = self.etype(ident)
            if tok.i != self.root(tok).i or kind not in ("person", "organization"):
                continue
            if tok.dep_ in ("nsubj", "nsubjpass"):
                memory[kind] = ident
        return memory
