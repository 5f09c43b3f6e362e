"""Relations between actors: the sentence view, argument finding and the relation rules.

A ``SentView`` (view.py) answers "which entities does this token/phrase denote"
over one sentence (entity mentions from ``doc.ents`` and coref spans, spread
over conjunctions and "such as" lists). The rules, one module per family, turn
dependency patterns plus the pack lexicons into ``Cand`` candidates;
statements.py decides speaker, polarity and certainty and checks argument types.
"""

from __future__ import annotations

from claimgraph.extract.relations.base import (
    ACCUSING,
    ACTOR,
    NAMING_VERBS,
    ORG,
    STATE_KINDS,
    SYMMETRIC,
    Cand,
    passive,
)
from claimgraph.extract.relations.holders import holders, left_window, modifier_ents, surface_holder
from claimgraph.extract.relations.lexicons import Lexicons, lexicons
from claimgraph.extract.relations.location import control_rule, locative_rule
from claimgraph.extract.relations.modifiers import hyphen_rule, possessive_rule
from claimgraph.extract.relations.names import name_rule
from claimgraph.extract.relations.nationality import demonym_rule, ensure_country, origin_rule
from claimgraph.extract.relations.nouns import noun_rule
from claimgraph.extract.relations.roles import APPOINTMENTS, appointment_rule, former_member_rule, role_rule
from claimgraph.extract.relations.verbs import verb_rule
from claimgraph.extract.relations.view import SentView

# The order matters only for which candidate's evidence comes first; statements are deduplicated.
SENTENCE_RULES = (
    role_rule,
    appointment_rule,
    demonym_rule,
    verb_rule,
    noun_rule,
    locative_rule,
    control_rule,
    possessive_rule,
    hyphen_rule,
    former_member_rule,
    origin_rule,
)

__all__ = [
    "ACCUSING",
    "ACTOR",
    "APPOINTMENTS",
    "NAMING_VERBS",
    "ORG",
    "SENTENCE_RULES",
    "STATE_KINDS",
    "SYMMETRIC",
    "Cand",
    "Lexicons",
    "SentView",
    "ensure_country",
    "holders",
    "left_window",
    "lexicons",
    "modifier_ents",
    "name_rule",
    "passive",
    "surface_holder",
]
