"""Pronoun and possessor resolution for ``SentView`` (a mixin over its entity lookups)."""

from __future__ import annotations

from spacy.tokens import Token

PRONOUN_POSS = {"its", "their", "his", "her"}
# "the two groups", "both countries": a counted class noun refers back to that many actors of its class.
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
CLASS_NOUNS = {
    "group": "organization", "organisation": "organization", "organization": "organization",
    "outfit": "organization", "movement": "organization", "faction": "organization",
    "network": "organization", "militia": "organization", "side": "organization",
    "country": "country", "nation": "country", "state": "country", "neighbour": "country",
    "neighbor": "country", "man": "person", "leader": "person", "commander": "person",
    "brother": "person", "individual": "person",
}  # fmt: skip
ANAPHORIC_DETS = {"the", "these", "those", "both"}


class PronounsMixin:
    """Antecedents of pronouns and possessors; mixed into ``SentView``."""

    def antecedent_group(self, tok: Token) -> list[str]:
        """ "both of them", "they all": the nearest coordinated entities before ``tok``
        (or what an earlier "the two groups" of the sentence stands for)."""
        for t in reversed(self.doc[self.sent.start : tok.i]):
            if self.ent(t) and self.etype(self.ent(t)) in ("organization", "person"):  # type: ignore[arg-type]
                head = self.root(t)
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head
                return self.group(head) if self.ent(head) else [self.ent(t)]  # type: ignore[list-item]
            if _counted(t):
                return self.counted_antecedents(t)
        return []

    def counted_antecedents(self, noun: Token) -> list[str]:
        """ "the two groups", "both countries": the last coordinated list of that many actors of the
        noun's class earlier in the sentence, else the actors of that class the previous sentence
        named, when it named exactly that many."""
        count, cls = _counted(noun) or (0, "")
        if not count:
            return []
        for t in reversed(self.doc[self.sent.start : noun.i]):
            ident = self.ent(t)
            if not ident or not self._of_class(ident, cls) or t.i != self.root(t).i:
                continue
            head = t
            while head.dep_ == "conj" and self.ent(head.head):
                head = self.root(head.head)
            listed = [x for x in self.group(head) if self._of_class(x, cls)]
            if len(listed) == count:
                return listed
        previous = self.memory.get("named", {}).get(cls, [])
        return list(previous) if len(previous) == count else []

    def _subject_apposition(self, tok: Token) -> bool:
        """ "Their leader, X, was killed": X names the subject (the parser may make it a conjunct)."""
        head = tok.head
        if head.dep_ not in ("nsubj", "nsubjpass") or self.ent(head):
            return False
        return tok.dep_ == "appos" or (tok.dep_ == "conj" and self.doc[tok.i - 1].text == ",")

    def _of_class(self, ident: str, cls: str) -> bool:
        if cls == "country":
            return self.etype(ident) == "place" and self.ekind(ident) in ("country", None)
        return self.etype(ident) == cls

    def poss_ent(self, tok: Token, exclude: tuple[str, ...] = (), pronouns: bool = True) -> list[str]:
        """Entities of a possessor child ("ISKP's", "its" resolved to the nearest fitting entity)."""
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if self.ent(c) and c.lower_ not in PRONOUN_POSS:
                return self.group(c)
            if c.lower_ in PRONOUN_POSS and pronouns:
                if tok.dep_ == "conj" and self.ent(tok.head) and self.ent(tok.head) not in exclude:
                    return [self.ent(tok.head)]  # type: ignore[list-item]
                return self.pronoun_antecedent(c, exclude)
        return []

    def pronoun_antecedent(self, tok: Token, exclude: tuple[str, ...] = ()) -> list[str]:
        """A pronoun's entity: its coref span, else the nearest earlier mention of a fitting type
        (a person for he/his, an organization in subject position for it/its/they/their)."""
        if self.ent(tok) and self.ent(tok) not in exclude:
            return [self.ent(tok)]  # type: ignore[list-item]
        # A coref link to an excluded entity ("X was chosen as his deputy": not X) is passed over.
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
            # A name the parser took for a verb ("for IS to regroup there") is as good as a subject.
            root = self.root(t)
            verbal = root.pos_ in ("AUX", "VERB") and root.dep_ not in ("amod", "compound", "npadvmod")
            hyphened = root.i + 1 < len(self.doc) and self.doc[root.i + 1].text == "-"
            subject = root.dep_ in ("nsubj", "nsubjpass") or (verbal and not hyphened)
            if not personal and collective and subject:
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
            if tok.dep_ in ("nsubj", "nsubjpass") or self._subject_apposition(tok):
                memory[kind] = ident
        named: dict[str, list[str]] = {}
        for ident in dict.fromkeys(self.tok_ent[i] for i in sorted(self.tok_ent)):
            for cls in ("organization", "person", "country"):
                if self._of_class(ident, cls):
                    named.setdefault(cls, []).append(ident)
        memory["named"] = named
        return memory


def _counted(noun: Token) -> tuple[int, str] | None:
    """(count, class) of a definite counted class noun ("the two groups", "both countries")."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return None
    cls = CLASS_NOUNS.get(noun.lemma_.lower())
    if cls is None:
        return None
    count = 0
    definite = False
    for c in noun.children:
        if c.i > noun.i:
            continue
        if c.lower_ in COUNTS and c.dep_ in ("nummod", "det", "preconj", "predet", "amod"):
            count = COUNTS[c.lower_]
            definite = definite or c.lower_ == "both"
        if c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETS:
            definite = True
    return (count, cls) if count and definite else None
