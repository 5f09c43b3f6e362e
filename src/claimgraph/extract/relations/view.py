"""``SentView``: which entities a token or noun phrase of one sentence denotes.

Entity mentions come from ``doc.ents`` and the coref spans (through the ``EntityIndex``),
spread over conjunctions, "such as" lists and appositions; pronouns and verb arguments
are resolved by the mixins in pronouns.py and arguments.py.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.index import EntityIndex
from claimgraph.extract.relations.arguments import ArgumentsMixin
from claimgraph.extract.relations.holders import left_window, trailing_people
from claimgraph.extract.relations.pronouns import PronounsMixin
from claimgraph.packs import PackSet

LIST_PREPS = {"including", "like"}
LIST_SEPARATORS = {",", "*", "(", ")", ";", "“", "”", '"', "'"}
LIST_ADVS = {"especially", "notably", "particularly", "namely"}
SPEECH_NOUNS = {
    "report", "statement", "study", "assessment", "source", "remark", "word", "comment", "interview",
    "article", "book", "tweet", "message", "letter", "video", "speech", "testimony", "account", "claim",
}  # fmt: skip
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


class SentView(PronounsMixin, ArgumentsMixin):
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
                members = self.list_members(t) or self._agent_group(t)
                out += [x for x in members if x not in out]
            for c in t.children:
                if c.dep_ == "conj":
                    stack.append(self.root(c))
        return out

    def list_members(self, tok: Token) -> list[str]:
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
            # "factions in Mali, above all A and B": a list after an adverbial marker.
            for t in self.doc[tok.i + 1 : min(self.sent.end, tok.i + 12)]:
                if t.lower_ in LIST_ADVS or (t.lower_ == "all" and self.doc[t.i - 1].lower_ == "above"):
                    nxt = next((x for x in self.doc[t.i + 1 : t.i + 4] if self.ent(x)), None)
                    # "clashed often, especially in X" modifies a phrase of place or time, lists nothing
                    if nxt is not None and t.head.pos_ != "ADP":
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

        With ``agent``, a phrase about people of a group ("JNIM fighters", "gunmen
        thought to be from JNIM", "IS sources") denotes the group.
        """
        if self.ent(tok):
            return self.group(tok)
        if tok.lower_ in GROUP_PRONOUNS:
            return self.antecedent_group(tok)
        if tok.lower_ in PERSONAL:
            return self.pronoun_antecedent(tok)
        out = self.list_members(tok) or self.counted_antecedents(tok)
        if not out:
            for c in tok.children:
                if c.dep_ == "conj" and self.ent(c):
                    out += [x for x in self.group(c) if x not in out]
        if not out and tok.pos_ == "NOUN":
            out = trailing_people(self, tok)  # "two commanders from the border areas, A and B"
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
