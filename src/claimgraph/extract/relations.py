"""Relations between actors: the sentence view, argument finding and the relation rules.

A ``SentView`` answers "which entities does this token/phrase denote" over
one sentence (entity mentions from ``doc.ents`` and coref spans, spread over
conjunctions and "such as" lists). The rules turn dependency patterns plus
the pack lexicons into ``Cand`` candidates; statements.py decides speaker,
polarity and certainty and checks argument types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.index import EntityIndex
from claimgraph.packs import PackSet
from claimgraph.records import Entity

LIST_PREPS = {"including", "like"}
LIST_SEPARATORS = {",", "*", "(", ")", ";", "“", "”", '"', "'"}
LIST_ADVS = {"especially", "notably", "particularly", "namely"}
SPEECH_NOUNS = {
    "report", "statement", "study", "assessment", "source", "remark", "word", "comment", "interview",
    "article", "book", "tweet", "message", "letter", "video", "speech", "testimony", "account", "claim",
}  # fmt: skip
PRONOUN_POSS = {"its", "their", "his", "her"}
PERSONAL = {"he", "she", "it", "him"}
GROUP_PRONOUNS = {"both", "all", "each", "they", "them", "these", "those"}
# Nouns that stand for the people of a group ("ISKP fighters", "IS sources").
AGENT_NOUNS = {
    "fighter", "militant", "member", "commander", "operative", "emissary", "terrorist", "cadre", "unit",
    "cell", "force", "leader", "leadership", "official", "source", "spokesman", "spokesperson", "man",
    "element", "affiliate", "supporter", "recruiter", "researcher", "analyst", "expert", "report",
    "statement", "assessment", "study", "jihadist", "attacker", "bomber", "gunman", "insurgent", "ftf",
    "group", "faction", "delegation", "contingent", "lieutenant", "representative", "team", "office",
}  # fmt: skip


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


_CACHE: dict[int, tuple[PackSet, Lexicons]] = {}


def lexicons(packs: PackSet) -> Lexicons:
    """The lexicons of a pack set, built once per pack set."""
    hit = _CACHE.get(id(packs))
    if hit is None or hit[0] is not packs:
        hit = (packs, Lexicons(packs))
        _CACHE[id(packs)] = hit
    return hit[1]


class SentView:
    """Entity lookups over one sentence."""

    def __init__(
        self, sent: Span, index: EntityIndex, packs: PackSet | None = None, memory: dict | None = None
    ) -> None:
        self.sent = sent
        self.packs = packs
        # What earlier sentences were about, for pronouns the coref stage left open:
        # {"person": id, "organization": id} (their last subjects).
        self.memory = memory if memory is not None else {}
        self.doc = sent.doc
        self.index = index
        self.tok_ent: dict[int, str] = {}
        self.tok_mention: dict[int, tuple[int, int]] = {}
        self._roots: dict[tuple[int, int], int] = {}
        doc = sent.doc
        for s, e, entity in index.mentions_in(sent.start_char, sent.end_char):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                if i not in self.tok_ent:
                    self.tok_ent[i] = entity.id
                    self.tok_mention[i] = (span.start, span.end)

    # -- entities -----------------------------------------------------------------
    def ent(self, tok: Token) -> str | None:
        return self.tok_ent.get(tok.i)

    def etype(self, ident: str) -> str | None:
        e = self.index.get(ident)
        return e.type if e else None

    def ekind(self, ident: str) -> str | None:
        e = self.index.get(ident)
        return e.kind if e else None

    def mention_span(self, tok: Token) -> Span | None:
        m = self.tok_mention.get(tok.i)
        return self.doc[m[0] : m[1]] if m else None

    def root(self, tok: Token) -> Token:
        """The syntactic head of the mention containing ``tok`` (``tok`` itself outside mentions)."""
        m = self.tok_mention.get(tok.i)
        if m is None:
            return tok
        at = self._roots.get(m)
        if at is None:
            span = self.doc[m[0] : m[1]]
            roots = [t.i for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
            at = self._roots[m] = roots[-1] if roots else m[1] - 1
        return self.doc[at]

    def in_same_mention(self, a: Token, b: Token) -> bool:
        m = self.tok_mention.get(a.i)
        return m is not None and m == self.tok_mention.get(b.i)

    def group(self, tok: Token) -> list[str]:
        """The entity at ``tok`` plus the entities coordinated with it ("A, B and C")."""
        root = self.root(tok)
        out: list[str] = []
        seen: set[int] = set()
        stack = [root]
        while stack:
            t = stack.pop()
            if t.i in seen or not (self.sent.start <= t.i < self.sent.end):
                continue
            seen.add(t.i)
            ident = self.ent(t)
            if ident and ident not in out:
                out.append(ident)
            elif ident is None and t.i != root.i:
                if any(c.lower_ in ("other", "another") for c in t.children):
                    continue  # "A and other groups such as B": B is not listed with A
                members = self._list_members(t) or self._agent_group(t)
                out += [x for x in members if x not in out]
            for c in t.children:
                if c.dep_ == "conj":
                    stack.append(self.root(c))
        return out

    def _list_members(self, tok: Token) -> list[str]:
        """Entities introduced by "such as", "including", "like", an apposition or "above all"."""
        out: list[str] = []
        for c in tok.children:
            is_list = c.dep_ == "prep" and (
                c.lower_ in LIST_PREPS or (c.lower_ == "as" and any(x.lower_ == "such" for x in c.children))
            )
            if c.dep_ == "amod" and c.lower_ == "such":
                is_list = any(x.lower_ == "as" for x in c.children)
                c = next((x for x in c.children if x.lower_ == "as"), c)
            if is_list:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += [x for x in self.np_ents(p, agent=True) if x not in out]
                out += [x for x in self.surface_list(c) if x not in out]
            elif c.dep_ == "appos":
                out += [x for x in self.np_ents(c) if x not in out]
        if not out:
            # "groups in Pakistan, above all A and B": a list after an adverbial marker.
            for t in self.doc[tok.i + 1 : min(self.sent.end, tok.i + 12)]:
                if t.lower_ in LIST_ADVS or (t.lower_ == "all" and self.doc[t.i - 1].lower_ == "above"):
                    nxt = next((x for x in self.doc[t.i + 1 : t.i + 4] if self.ent(x)), None)
                    if nxt is not None:
                        out = self.group(nxt)
                    break
        return out

    def surface_list(self, marker: Token) -> list[str]:
        """Mentions listed right after ``marker`` ("such as A, B, *C* and D"), read off the surface."""
        out: list[str] = []
        i = marker.i + 1
        while i < self.sent.end:
            tok = self.doc[i]
            ident = self.ent(tok)
            if ident:
                if ident not in out:
                    out.append(ident)
                span = self.mention_span(tok)
                i = span.end if span is not None else i + 1
                # an acronym in brackets right after a name: "Lashkar-e-Taiba (LeT)"
                if i + 2 < self.sent.end and self.doc[i].text == "(" and self.ent(self.doc[i + 1]):
                    i += 2
                continue
            if tok.text in LIST_SEPARATORS or tok.lower_ in ("and", "or", "the", "as", "well"):
                i += 1
                continue
            break
        return out

    def np_ents(self, tok: Token, agent: bool = False, depth: int = 0) -> list[str]:
        """Entities a noun phrase headed by ``tok`` denotes.

        With ``agent``, a phrase about people of a group ("ISKP fighters", "terrorists
        presumed to be from ISKP", "IS sources") denotes the group.
        """
        if self.ent(tok):
            return self.group(tok)
        if tok.lower_ in GROUP_PRONOUNS:
            return self.antecedent_group(tok)
        if tok.lower_ in PERSONAL:
            return self.pronoun_antecedent(tok)
        out = self._list_members(tok)
        if not out:
            for c in tok.children:
                if c.dep_ == "conj" and self.ent(c):
                    out += [x for x in self.group(c) if x not in out]
        if out or not agent or depth > 1:
            return out
        if tok.lemma_.lower() in AGENT_NOUNS or tok.pos_ in ("NOUN", "PROPN") or tok.dep_ == "pobj":
            return self._agent_group(tok) or self._raised_group(tok)
        return []

    def _raised_group(self, tok: Token) -> list[str]:
        """ "gunmen presumed/believed to be from X": the group a raising verb puts its subject in."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return []
        for x in tok.head.children:
            if x.dep_ == "xcomp" and x.lemma_ == "be":
                for p in x.children:
                    if p.dep_ == "prep" and p.lower_ in ("from", "of", "with"):
                        found = [e for g in p.children if g.dep_ == "pobj" for e in self.np_ents(g)]
                        return [e for e in found if self.etype(e) == "organization"]
        return []

    def _agent_group(self, tok: Token) -> list[str]:
        found = self._agent_tree(tok)
        if found:
            return found
        _, left = left_window(self, tok)
        for ident in left:  # "IS emissaries" even when the parser took "IS" for a verb
            if self.etype(ident) == "organization":
                return [ident]
        return []

    def _agent_tree(self, tok: Token) -> list[str]:
        frontier = [(tok, 0)]
        while frontier:
            t, d = frontier.pop(0)
            for c in t.children:
                if c.dep_ in ("compound", "poss", "amod", "nmod", "prep", "pobj", "acl", "xcomp", "agent"):
                    if c.dep_ == "prep" and c.lower_ not in ("of", "from", "with", "at", "by", "for"):
                        continue
                    kind = self.etype(self.ent(c)) if self.ent(c) else None
                    if kind == "organization" or (kind == "person" and tok.lemma_.lower() in SPEECH_NOUNS):
                        return self.group(c)
                    if d < 3:
                        frontier.append((c, d + 1))
        return []

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

    # -- verb arguments -----------------------------------------------------------
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
                    return self.np_ents(c, agent=agent) or (holders(self, c) if c.pos_ == "NOUN" else [])
        if depth > 2:
            return []
        head = verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            if verb.dep_ == "xcomp" and head.lemma_ in ("accuse", "suspect", "allow", "ask", "call"):
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
                    return self.np_ents(noun)  # "accused the two countries of supporting…"
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
                        # "the Taliban's offensives, which were aided by…": the offensives' owner
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
                # "cooperating to a limited extent with X": the object hangs off an adverbial phrase.
                for p in c.children:
                    if p.dep_ == "pobj" and not self.ent(p) and p.pos_ == "NOUN":
                        for q in p.children:
                            if q.dep_ == "prep" and q.lower_ in preps:
                                out += [x for g in q.children if g.dep_ == "pobj" for x in self.np_ents(g)]
            if c.dep_ == "prt" and c.lower_ in preps:  # "broke away from"
                for p in c.children:
                    out += self.np_ents(p) if p.dep_ == "pobj" else []
        return list(dict.fromkeys(out))


def passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying a noun ("a group created by X")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def holders(view: SentView, noun: Token, depth: int = 0, surface: bool = True) -> list[str]:
    """Entities a predicate noun is said of: "X, the leader of…", "X is a member…", "X as a front…".

    Dependency readings are tried in turn; the surface reading (a name right before or after
    the noun phrase) comes last, for mis-parsed appositions.
    """
    for strategy in _HOLDER_STRATEGIES:
        found = strategy(view, noun, depth)
        if found:
            return found
    return surface_holder(view, noun) if surface else []


def _by_apposition(view: SentView, noun: Token, depth: int) -> list[str]:
    dep, head = noun.dep_, noun.head
    plural = noun.tag_ in ("NNS", "NNPS")  # "three groups: A, B and C" lists; "the leader, X" does not
    comma_conj = dep == "conj" and not any(c.dep_ == "cc" for c in head.children if head.i < c.i < noun.i)
    if dep == "appos" or (comma_conj and view.ent(head) and noun.pos_ == "NOUN"):
        found = view.np_ents(head) if plural or not view.ent(head) else [view.ent(head)]
        if found:
            return found  # type: ignore[return-value]
    for c in noun.children:
        if c.dep_ == "appos" and view.ent(c):
            return view.group(c) if plural else [view.ent(c)]  # type: ignore[list-item]
    if dep == "compound" and view.ent(head):
        return view.group(head)
    return []


def _by_copula(view: SentView, noun: Token, depth: int) -> list[str]:
    dep, head = noun.dep_, noun.head
    if dep in ("attr", "acomp") and head.pos_ in ("AUX", "VERB"):
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                    return view.np_ents(head.head)
                return view.np_ents(c)
    if dep == "nsubj" and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ == "attr" and view.ent(c):
                return view.group(c)
            if c.dep_ == "attr" and c.pos_ == "NOUN" and depth < 2:
                found = holders(view, c, depth + 1)  # "the leader of X is a former member named Y"
                if found:
                    return found
    return []


def _by_as(view: SentView, noun: Token, depth: int) -> list[str]:
    dep, head = noun.dep_, noun.head
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        return view.objects(verb, (), dobj=True) or view.subjects(verb)
    if dep in ("oprd", "xcomp") and head.pos_ == "VERB":
        return view.objects(head, ()) or view.subjects(head)
    return []


def _by_naming(view: SentView, noun: Token, depth: int) -> list[str]:
    dep, head = noun.dep_, noun.head
    if dep in ("nsubj", "dobj") and head.lemma_ in NAMING_VERBS:  # "a splinter group … called X"
        return [x for c in head.children if c.dep_ == "oprd" for x in view.np_ents(c)]
    for c in noun.children:  # "a member named X"
        if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS:
            found = [x for g in c.children if g.dep_ in ("oprd", "dobj", "attr") for x in view.np_ents(g)]
            if found:
                return found
    if dep == "nsubjpass":  # "X was identified as Y"
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                found = [x for p in c.children if p.dep_ == "pobj" for x in view.np_ents(p)]
                if found:
                    return found
    return []


def _by_coordination(view: SentView, noun: Token, depth: int) -> list[str]:
    dep, head = noun.dep_, noun.head
    if depth >= 2:
        return []
    if dep == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return holders(view, head, depth + 1, surface=False)
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NUM", "PRON"):
        return holders(view, head.head, depth + 1)  # "one of the attackers was X"
    return []


_HOLDER_STRATEGIES = (_by_apposition, _by_copula, _by_as, _by_naming, _by_coordination)


SKIP_RIGHT = {",", "—", "–", ":", "(", "named", "called", "one", "mr", "mr.", "was", "is"}
SKIP_LEFT = {",", "(", "—", "–"}
DETS = {"a", "an", "the", "another", "its", "their", "his", "her", "this", "that"}
MODIFIER_WORDS = {
    "then",
    "former",
    "ex",
    "-",
    "(",
    ")",
    "'s",
    "’s",
    "once",
    "erstwhile",
    "self",
    "so",
    "called",
}


def left_window(view: SentView, noun: Token) -> tuple[int, list[str]]:
    """Start of the noun phrase ending at ``noun`` and the entities among its modifiers.

    Surface-based so that it survives mis-parses: walks left over adjectives,
    numbers, compound nouns, hyphens and mentions ("a former TTP (X) senior
    commander", "the then IS chief spokesperson") and stops after a determiner.
    """
    doc, sent = view.doc, view.sent
    found: list[str] = []
    j = noun.i - 1
    start = noun.i
    while j >= sent.start:
        t = doc[j]
        ident = view.ent(t)
        if ident:
            if ident not in found:
                found.append(ident)
            span = view.mention_span(t)
            j = span.start - 1 if span is not None else j - 1
            start = j + 1
            continue
        if t.lower_ in DETS:
            start = j
            break
        if (
            t.pos_ in ("ADJ", "NUM")
            or t.lower_ in MODIFIER_WORDS
            or (t.pos_ == "NOUN" and t.dep_ == "compound")
        ):
            start = j
            j -= 1
            continue
        break
    return start, found


def surface_holder(view: SentView, noun: Token, skip_of: bool = True) -> list[str]:
    """A name right after the title ("ISKP emir X", "the leader of Y, X") or right before it ("X, a … T")."""
    doc, sent = view.doc, view.sent
    i = noun.i + 1
    if skip_of and i < sent.end and doc[i].lower_ in ("of", "for", "in", "from"):
        k = i + 1
        while k < sent.end and doc[k].lower_ in ("the", "a"):
            k += 1
        span = view.mention_span(doc[k]) if k < sent.end else None
        if span is not None:
            i = span.end
    hops = 0
    while i < sent.end and doc[i].lower_ in SKIP_RIGHT and hops < 3:
        i, hops = i + 1, hops + 1
    if i < sent.end and view.ent(doc[i]):
        root = view.root(doc[i])
        # "…another branch, Pakistan has also…": a name that starts a new clause is no apposition.
        if root.dep_ not in ("nsubj", "nsubjpass", "csubj") or root.head.i == noun.i:
            return view.group(doc[i])
    start, _ = left_window(view, noun)
    k = start - 1
    opened = doc[start].lower_ in DETS or (k >= sent.start and doc[k].text == "(")
    if opened and k >= sent.start and doc[k].text in SKIP_LEFT:
        while k >= sent.start and doc[k].text in SKIP_LEFT:
            k -= 1
        ident = view.ent(doc[k]) if k >= sent.start else None
        if ident and view.etype(ident) != "place":
            return [ident]
    return []


def modifier_ents(view: SentView, noun: Token, preps: list[str], types: tuple[str, ...]) -> list[Token]:
    """Mention roots among the noun's left modifiers or after one of ``preps`` ("ISKP emir", "emir of ISKP")."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < noun.i:
            for t in c.subtree:
                ident = view.ent(t)
                if ident and view.etype(ident) in types and t.i == view.root(t).i:
                    out.append(t)
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if view.ent(p):
                    out.append(view.root(p))
                    continue
                listed = [view.root(x) for x in _mention_tokens(view, view.np_ents(p))]
                out += listed or [
                    x
                    for m in p.children
                    if m.dep_ == "compound"
                    for x in m.subtree
                    if view.ent(x) and x.i == view.root(x).i
                ]
    if not out:
        _, found = left_window(view, noun)
        out = [view.root(t) for t in _mention_tokens(view, [x for x in found if view.etype(x) in types])]
    return out


def _mention_tokens(view: SentView, idents: list[str]) -> list[Token]:
    """The first token of a mention of each entity in the sentence."""
    out = []
    for ident in idents:
        for i in sorted(view.tok_ent):
            if view.tok_ent[i] == ident:
                out.append(view.doc[i])
                break
    return out


# -- rules ------------------------------------------------------------------------
ORG = ("organization",)
ACTOR = ("organization", "person")
STATE_KINDS = {"government", "state_agency", "military", "international_org"}
SYMMETRIC = {"allied_with", "rival_of"}
PRESENCE_VERBS = {
    "be", "have", "operate", "base", "locate", "remain", "exist", "maintain", "keep", "hold", "station",
    "deploy", "stay", "live", "function", "establish", "control", "present",
}  # fmt: skip
NAMING_VERBS = {"call", "name", "know", "dub", "term"}
MODIFIER_ROLES = {"splinter", "breakaway", "offshoot", "deputy"}
ACCUSING = {"accuse", "suspect", "blame", "charge", "convict", "condemn", "criticise", "criticize"}
USERS = {"use", "employ", "exploit", "wield", "deploy", "utilise", "utilize"}


def role_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Title and classifier nouns: "the ISKP emir X", "X, a former TTP commander", "a branch of Y"."""
    out: list[Cand] = []
    for tok in view.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in lex.roles or view.ent(tok):
            continue
        noun = tok
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and not view.ent(tok.head):
            if tok.head.lemma_.lower() in lex.roles:
                continue  # the modified noun carries the relation ("deputy leader", "splinter faction")
            if lemma in MODIFIER_ROLES:
                noun = tok.head  # "a splinter group of X called Y"
        entry = lex.roles[lemma]
        pred = entry["predicate"]
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        mod_preds = {lex.roles[m.lemma_.lower()]["predicate"] for m in mods if m.lemma_.lower() in lex.roles}
        if "deputy_of" in mod_preds:
            pred = "deputy_of"
        elif "split_from" in mod_preds:
            pred = "split_from"
        elif entry.get("qualified") and _qualified(view, noun, mods, lex):
            pred = entry["qualified"]
        preps = entry.get("preps") or ["of"]
        types = ("organization", "place") if pred == "proxy_of" else ORG
        if pred == "successor_of":
            types = ("person",)
        hold = holders(view, noun) or view._list_members(noun)
        if entry.get("demonym_holder") and not hold:
            hold = _demonym_countries(view, lex, noun)  # "their Pakistani benefactors"
        objs = [view.ent(t) for t in modifier_ents(view, noun, preps, types)]
        # "their new leader": the pronoun is usually whoever chose the leader, not what is led.
        leadership = pred in ("leader_of", "deputy_of")
        objs += [x for x in view.poss_ent(noun, tuple(hold), pronouns=not leadership) if x not in objs]
        bare = not any(c.dep_ in ("prep", "compound", "poss", "nmod") for c in noun.children)
        if leadership and not objs and hold and entry.get("topical") and bare and _definite_title(noun):
            objs = [view.memory["topic"]] if view.memory.get("topic") else []
        if pred == "proxy_of":
            objs += [x for x in _demonym_countries(view, lex, noun) if x not in objs]
            if (
                not objs
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "as"
                and noun.head.head.lemma_ in USERS
            ):
                objs = view.subjects(noun.head.head)  # "using ISKP as an instrument"
        for h in hold:
            for o in objs:
                if not o or o == h:
                    continue
                s, ob = (o, h) if entry.get("reverse") else (h, o)
                out.append(Cand(s, pred, ob, noun, f"relations.role.{lemma}"))
    return out


def _is_place(view: SentView, tok: Token) -> bool:
    ident = view.ent(tok)
    return bool(ident) and view.etype(ident) == "place"  # type: ignore[arg-type]


APPOINTMENTS = {"appointment", "nomination", "election", "selection", "elevation", "installation"}


def appointment_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "the appointment of X (as the ISKP emir)" → leader_of(X, the group named, else the report's group)."""
    out: list[Cand] = []
    for tok in view.sent:
        if tok.lemma_.lower() not in APPOINTMENTS or tok.pos_ != "NOUN":
            continue
        people = [x for x in _prep_ents(view, tok, ("of",)) if view.etype(x) == "person"]
        people += [x for x in view.poss_ent(tok, pronouns=False) if view.etype(x) == "person"]
        orgs: list[str] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for title in c.children:
                    orgs += [view.ent(t) for t in modifier_ents(view, title, ["of"], ORG)]  # type: ignore[misc]
        if not orgs and view.memory.get("topic"):
            orgs = [view.memory["topic"]]
        out += [Cand(p, "leader_of", o, tok, "relations.appointment") for p in people for o in orgs]
    return out


def _definite_title(noun: Token) -> bool:
    """ "the fifth emir", "their new leader", "(appointed) as temporary governor": a title of one group."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in noun.children)


def _qualified(view: SentView, tok: Token, mods: list[Token], lex: Lexicons) -> bool:
    """A leadership title narrowed to a sub-unit ("recruitment chief", "head for Kunar")."""
    for m in mods:
        if m.pos_ == "NOUN" and not view.ent(m) and m.lemma_.lower() not in lex.roles:
            return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "in") and any(_is_place(view, p) for p in c.children):
            return True
    return False


def _demonym_countries(view: SentView, lex: Lexicons, tok: Token) -> list[str]:
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
                    people = view._list_members(noun)  # "Pakistani fighters including X and Y"
        else:
            people = holders(view, tok) or view._list_members(tok)
        people = [p for p in people if view.etype(p) == "person"]
        if not people:
            continue
        country = ensure_country(view, lex.demonyms[key])
        for p in people:
            out.append(Cand(p, "nationality", country, tok, "relations.demonym"))  # type: ignore[arg-type]
            for org in _prep_ents(view, tok, ("from", "of")):  # "an Afghan from TKK"
                if view.etype(org) == "organization":
                    out.append(Cand(p, "member_of", org, tok, "relations.demonym"))
    return out


def former_member_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "X, former Taliban from the Quetta Shura": an organization named in apposition to a person."""
    out: list[Cand] = []
    for tok in view.sent:
        ident = view.ent(tok)
        if (
            not ident
            or tok.i != view.root(tok).i
            or tok.dep_ != "appos"
            or view.etype(ident) != "organization"
        ):
            continue
        if not any(c.lower_ in ("former", "ex", "veteran", "onetime") for c in tok.children):
            continue
        people = [x for x in view.np_ents(tok.head) if view.etype(x) == "person"]
        orgs = [ident] + [x for x in _prep_ents(view, tok, ("from", "of")) if view.etype(x) == "organization"]
        out += [Cand(p, "member_of", o, tok, "relations.former") for p in people for o in orgs]
    return out


def verb_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """Relation verbs: "X joined Y", "Y was led by X", "X clashed with Y", "X is backed by Y"."""
    out: list[Cand] = []
    for tok in view.sent:
        if tok.lemma_ == "be" and tok.pos_ == "AUX":
            against = _prep_ents(view, tok, ("against",))  # "they are against ISKP"
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
            for s in subs:
                for o in objs:
                    if s != o:
                        out.append(Cand(s, pred, o, tok, f"relations.verb.{entry['term']}"))
    return out


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
            a += _prep_ents(view, tok, entry.get("subject_preps") or ())
            b = _prep_ents(view, tok, entry.get("preps") or ())
        pairs: list[tuple[str, str]] = []
        if entry.get("between"):
            both = _prep_ents(view, tok, ("between", "among"), agent=True)
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


def _prep_ents(
    view: SentView, tok: Token, preps: tuple[str, ...] | list[str], agent: bool = False
) -> list[str]:
    out: list[str] = []
    children = list(tok.children)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        children += [c for c in tok.head.head.children if c.i > tok.i]  # "a level of collusion between…"
    for c in children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [x for x in view.np_ents(p, agent=agent) if x not in out]
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


def locative_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """active_in: "ISKP's presence in Iran", "groups operating in Pakistan", "the Afghanistan-based X"."""
    out: list[Cand] = []
    for prep in view.sent:
        if prep.dep_ != "prep" or prep.lower_ not in lex.loc_preps:
            continue
        places = [x for p in prep.children if p.dep_ == "pobj" for x in _places(view, p)]
        if not places:
            out += _inside(view, prep)
            continue
        actors = _located(view, prep.head, prep, lex)
        head = prep.head
        # "not yet defeated in X" does not deny a presence in X; "has no presence in X" does.
        polarity = None if head.pos_ not in ("VERB", "AUX") or head.lemma_ in PRESENCE_VERBS else "affirm"
        for a in actors:
            for p in places:
                out.append(Cand(a, "active_in", p, prep, "relations.locative", polarity=polarity))
    for tok in view.sent:
        if tok.lower_ == "based" and tok.i - 2 >= view.sent.start and view.doc[tok.i - 1].text in ("-", "–"):
            place = view.ent(view.doc[tok.i - 2])
            if place and view.etype(place) == "place":
                noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else tok
                actors = view.np_ents(noun) or holders(view, noun) or view._list_members(noun)
                for a in actors:
                    out.append(Cand(a, "active_in", place, tok, "relations.based"))
    return [c for c in out if c.predicate != "active_in" or _actor_ok(view, c.subject)]


def _inside(view: SentView, prep: Token) -> list[Cand]:
    """ "the groups inside ISKP, such as A and B", "incorporated within the structure of ISKP"."""
    if prep.lower_ not in ("inside", "within"):
        return []
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if pobj is None:
        return []
    orgs = [view.ent(pobj)] if view.ent(pobj) else []
    orgs = [x for x in orgs if view.etype(x) == "organization"]
    if not orgs and pobj.lemma_.lower() in ("structure", "rank", "fold", "ranks", "umbrella"):
        orgs = [x for x in _prep_ents(view, pobj, ("of",)) if view.etype(x) == "organization"]
    head = prep.head
    if head.pos_ == "VERB" and head.dep_ in ("relcl", "acl"):
        head = head.head
    if head.pos_ in ("NOUN", "PROPN"):
        # "the groups inside ISKP, such as A and B": the list may hang off ISKP in the parse.
        parts = view.np_ents(head) or holders(view, head, surface=False) or view._list_members(pobj)
    else:
        parts = view.subjects(head, agent=False)
    if not parts and head.pos_ == "VERB" and passive(head):
        parts = view.objects(head, ())
    return [Cand(p, "part_of", o, prep, "relations.inside") for p in parts for o in orgs if p != o]


def _places(view: SentView, pobj: Token, depth: int = 0) -> list[str]:
    """Places a locative object names: "in Kunar", "in Chalas village, Dewaygal valley and…",
    "in remote areas of Tsowkey district", "in the provinces of Herat and Farah"."""
    if view.ent(pobj):
        return [x for x in view.group(pobj) if view.etype(x) == "place"]
    out: list[str] = []
    for c in pobj.children:
        if c.dep_ in ("compound", "amod", "nmod") and view.ent(c) and c.i < pobj.i:
            out += view.group(c)  # "Chalas village", "Dewaygal valley"
    if not out and depth < 2:
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out += [x for p in c.children if p.dep_ == "pobj" for x in _places(view, p, depth + 1)]
        out = out or view._list_members(pobj)
    for c in pobj.children:
        if c.dep_ == "conj" and not view.ent(c) and depth < 3:
            out += _places(view, c, depth + 1)
    if not out and pobj.tag_ == "NNS":
        # "in three districts in southern Nangarhar—Achin, Deh Bala and Kot": the named ones
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for inner in c.children:
                    for a in inner.children:
                        if a.dep_ == "appos" and view.ent(a):
                            out += view.group(a)
    return [x for x in dict.fromkeys(out) if view.etype(x) == "place"]


def _located(view: SentView, head: Token, prep: Token, lex: Lexicons) -> list[str]:
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if view.ent(head):
        if pobj is not None and view.in_same_mention(head, pobj):
            return []
        return view.group(head)
    if head.pos_ in ("NOUN", "PROPN"):
        role = lex.roles.get(head.lemma_.lower())
        if role and role["predicate"] != "part_of":
            people = holders(view, head)
            if people:
                return people
        found = holders(view, head, surface=False)
        found = found or view.poss_ent(head) + [view.ent(t) for t in modifier_ents(view, head, ["of"], ACTOR)]  # type: ignore[misc]
        found = found or holders(view, head) or view._list_members(head)
        governor = head.head
        if not found and head.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
            found = [] if governor.lemma_.lower() in lex.loc_block else view.subjects(governor)
        return found
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.lemma_.lower() in lex.loc_block:
            return []
        named = [view.ent(c) for c in head.children if c.dep_ == "oprd" and view.ent(c)]
        if named and head.lemma_ in NAMING_VERBS:
            return named  # type: ignore[return-value]
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return view.np_ents(head.head, agent=True) or holders(view, head.head)
        if head.pos_ == "ADJ" and head.head.pos_ in ("AUX", "VERB"):
            return view.subjects(head.head)
        if any(c.dep_ == "nsubjpass" for c in head.children) and not any(
            c.dep_ == "agent" for c in head.children
        ):
            return view.objects(head, ())  # "ISKP is located in…"
        return view.subjects(head)
    return []


def _actor_ok(view: SentView, ident: str) -> bool:
    return view.etype(ident) in ACTOR and view.ekind(ident) not in STATE_KINDS


def possessive_rule(view: SentView, lex: Lexicons) -> list[Cand]:
    """ "the Taliban's Haqqani Network" → part_of; "Akhundzada's Taliban" → leader_of."""
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


SENTENCE_RULES = (
    role_rule,
    appointment_rule,
    demonym_rule,
    verb_rule,
    noun_rule,
    locative_rule,
    possessive_rule,
    hyphen_rule,
    former_member_rule,
)


BRANCH_NAME = re.compile(r"\b(?:Province|Wilayat|Wilayah|Branch|Chapter)\b|^(?:in|of)\s", re.IGNORECASE)
GROUP_OF_PERSON = re.compile(
    r"^(?:['’]s)?\s*(?:group|faction|network|shura|organi[sz]ation|outfit|militia|men)$", re.I
)


def name_rule(doc: Doc, index: EntityIndex) -> list[Cand]:
    """Names that state a relation: "Islamic State Khorasan Province" is part of "Islamic State",
    "al-Qaeda in the Indian Subcontinent" of "al-Qaeda"; "X's group" is led by X."""
    first: dict[str, Token] = {}
    end = doc[-1].idx + len(doc[-1].text) if len(doc) else 0  # Doc.text is rebuilt on each access
    for s, e, entity in index.mentions_in(0, end):
        if entity.id not in first:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                first[entity.id] = span[0]
    out: list[Cand] = []
    ents = [e for e in index.entities.values() if e.id in first]
    for e in ents:
        if e.type != "organization":
            continue
        for other in ents:
            if other.id == e.id or other.type not in ("organization", "person"):
                continue
            if _named_after(e, other):
                pred = "part_of" if other.type == "organization" else "leader_of"
                s, o = (e.id, other.id) if pred == "part_of" else (other.id, e.id)
                out.append(Cand(s, pred, o, first[e.id], "relations.name"))
    return out


def _named_after(e: Entity, other: Entity) -> bool:
    for a in {e.name, *e.aliases}:
        for b in {other.name, *other.aliases}:
            if len(b) < 4 or (
                not a.startswith(b + " ") and not a.startswith(b + "'") and not a.startswith(b + "’")
            ):
                continue
            rest = a[len(b) :].strip()
            if other.type == "organization" and BRANCH_NAME.search(rest):
                return True
            if other.type == "person" and " " in b and GROUP_OF_PERSON.match(rest):
                return True
    return False
