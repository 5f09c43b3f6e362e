"""The pack lexicons the relation and statement rules use, indexed once per pack set."""

from __future__ import annotations

from claimgraph.extract.context import per_packs
from claimgraph.packs import PackSet


class Lexicons:
    """The pack lexicons the statement rules use, indexed for lookup."""

    def __init__(self, packs: PackSet) -> None:
        self.reporting = {e["term"]: e for e in packs.lexicon("reporting_verbs").entries}
        hedges = packs.lexicon("hedges").terms()
        self.hedge_words = {h.lower() for h in hedges if " " not in h}
        self.hedge_modals = {e["term"] for e in packs.lexicon("hedges").entries if e.get("kind") == "modal"}
        self.hedge_phrases = [h.lower() for h in hedges if " " in h]
        self.negations = {e["term"]: e for e in packs.lexicon("negations").entries}
        dismissals = packs.lexicon("dismissals").entries
        self.claim_nouns = {e["term"] for e in dismissals if e["kind"] == "claim"}
        self.rejections = [e["term"].lower() for e in dismissals if e["kind"] == "rejection"]
        self.roles = {e["term"]: e for e in packs.lexicon("role_nouns").entries}
        self.person_nouns = set(packs.lexicon("person_nouns").terms())
        self.verbs: dict[str, list[dict]] = {}
        self.nouns: dict[str, dict] = {}
        for e in packs.lexicon("relation_cues").entries:
            if e["pos"] == "verb":
                self.verbs.setdefault(e["term"], []).append(e)
            else:
                self.nouns[e["term"]] = e
        self.signs = packs.lexicon("relation_modifiers").mapping("sign")
        loc = packs.lexicon("locatives").entries
        self.loc_preps = {e["term"] for e in loc if e["kind"] == "prep"}
        self.loc_block = {e["term"] for e in loc if e["kind"] == "block"}
        self.resp: dict[str, dict] = {}
        for e in packs.lexicon("responsibility_cues").entries:
            self.resp.setdefault(e["role"], {})[e["term"]] = e
        self.demonyms: dict[str, str] = {}
        for pe in packs.entities.values():
            if pe.type == "place" and pe.kind == "country":
                for d in pe.demonyms:
                    self.demonyms.setdefault(d, pe.id)


def lexicons(packs: PackSet) -> Lexicons:
    """The lexicons of a pack set, built once per pack set."""
    return per_packs(packs, Lexicons)
