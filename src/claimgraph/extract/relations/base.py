"""Shared pieces of the relation rules: the candidate record, argument-type sets, verb classes."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

ORG = ("organization",)
ACTOR = ("organization", "person")
STATE_KINDS = {"government", "state_agency", "military", "international_org"}
SYMMETRIC = {"allied_with", "rival_of"}
PRESENCE_VERBS = {
    "be", "have", "operate", "base", "locate", "remain", "exist", "maintain", "keep", "hold", "station",
    "deploy", "stay", "live", "function", "establish", "control", "present",
}  # fmt: skip
NAMING_VERBS = {"call", "name", "know", "dub", "term"}
ACCUSING = {"accuse", "suspect", "blame", "charge", "convict", "condemn", "criticise", "criticize"}
USERS = {"use", "employ", "exploit", "wield", "deploy", "utilise", "utilize"}


@dataclass
class Cand:
    """A relation candidate before speaker, polarity and certainty are settled."""

    subject: str
    predicate: str
    object: str
    cue: Token
    rule: str
    args: list[Token] = field(default_factory=list)
    by: str | None = None
    polarity: str | None = None
    hedged: bool = False


def passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying a noun ("a group created by X")."""
    return any(
        c.dep_ == "nsubjpass" or (c.dep_ == "auxpass" and not acronym_aux(c)) for c in verb.children
    ) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def acronym_aux(tok: Token) -> bool:
    """An all-capital "auxiliary" ("IS" in "When IS held territory"): a name the parser took for a verb."""
    return tok.dep_ in ("aux", "auxpass") and tok.text.isupper() and len(tok.text) > 1
