"""Certainty and polarity of a fact, scoped to the clause that carries it.

The clause of a cue token is the subtree of its nearest clause head (a verb
with a subject, or the root) minus the embedded clauses that do not contain
the cue. A hedge or a negation counts when it lies in that clause, or when it
attaches directly to a clause head above it (an "it is likely that…" or a
"may" governing the clause).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.relations import Lexicons

CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp", "csubj", "acl", "parataxis"}
EMBEDDED = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"}


def clause_head(token: Token) -> Token:
    """The nearest head at or above ``token`` that starts a clause."""
    tok = token
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and (
            tok.dep_ in CLAUSE_DEPS or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def clause_tokens(token: Token) -> list[Token]:
    """Tokens of the clause carrying ``token`` (embedded clauses without it left out)."""
    head = clause_head(token)
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in EMBEDDED and child.pos_ in ("VERB", "AUX") and token not in child.subtree:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def governing_heads(token: Token, stop: Token | None = None) -> list[Token]:
    """Clause heads above the clause of ``token`` up to ``stop`` (a reporting verb) or the root."""
    heads = []
    tok = clause_head(token)
    for _ in range(8):
        if tok.head.i == tok.i or (stop is not None and tok.i == stop.i):
            break
        tok = clause_head(tok.head)
        if stop is not None and tok.i == stop.i:
            break
        heads.append(tok)
    return heads


def _hedge(tok: Token, lex: Lexicons) -> bool:
    low = tok.lower_
    if low in lex.hedge_modals:
        return tok.tag_ == "MD"  # "may" the modal, not "May" the month
    return low in lex.hedge_words or (tok.lemma_.lower() in lex.hedge_words and tok.pos_ != "NOUN")


def _has_phrase(text: str, phrases: list[str]) -> bool:
    low = " " + " ".join(text.lower().split()) + " "
    return any(" " + p + " " in low for p in phrases)


def is_hedged(token: Token, lex: Lexicons, stop: Token | None = None, extra: list[Token] = ()) -> bool:
    """True when estimative language qualifies the clause carrying ``token``."""
    clause = clause_tokens(token)
    for tok in [*clause, *extra]:
        if _hedge(tok, lex):
            return True
    for head in governing_heads(token, stop):
        for child in [head, *head.children]:
            if (child.dep_ in ("aux", "advmod", "acomp", "auxpass") or child.i == head.i) and _hedge(
                child, lex
            ):
                return True
    text = " ".join(t.text for t in clause)
    return _has_phrase(text, lex.hedge_phrases)


def _negator(tok: Token, lex: Lexicons) -> bool:
    entry = lex.negations.get(tok.lower_)
    if entry is None:
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return nxt not in (entry.get("not_before") or [])


LIGHT = {"be", "have", "exist", "maintain", "keep", "retain", "hold", "enjoy", "find", "establish", "show"}


def is_negated(token: Token, lex: Lexicons, args: list[Token] = ()) -> bool:
    """True when the clause carrying ``token`` is negated ("was not behind", "has no presence in").

    A negation on the governing verb negates a fact inside a noun phrase only when the verb
    is light ("has no presence") or the fact hangs directly off it ("was not behind").
    """
    path = [token]
    tok = token
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and len(path) < 6:
        if tok.dep_ == "appos":
            break  # an apposition is presupposed: "X was not A but B, a former C" keeps "B was a C"
        tok = tok.head
        path.append(tok)
    verb = path[-1]
    for i, t in enumerate(path):
        if i > 0 and path[i - 1].dep_ in ("nsubj", "nsubjpass", "csubj"):
            break  # "Ghaly's appointment did not end the feud" does not deny the appointment
        is_verb = t.i == verb.i and t.pos_ in ("VERB", "AUX")
        if is_verb and i >= 2 and verb.lemma_ not in LIGHT:
            break
        for child in t.children:
            if child.dep_ == "neg" and _negator(child, lex):
                return True
            scope = lex.negations.get(child.lower_, {}).get("scope")
            if child.dep_ == "det" and scope == "object" and _negator(child, lex):
                return True
    for a in args:
        if any(c.dep_ == "det" and c.lower_ == "no" and _negator(c, lex) for c in a.children):
            return True
    return False


def sentence_dismisses(sent: Span, lex: Lexicons) -> bool:
    """True when the sentence rejects claims reported before it ("these arguments have no merit")."""
    has_claim = False
    for tok in sent:
        if tok.lemma_.lower() in lex.claim_nouns and tok.pos_ == "NOUN":
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet")}
            if dets & {"these", "those", "such", "the", "both", "all", "this", "that", "any"}:
                has_claim = True
    return has_claim and _has_phrase(sent.text, lex.rejections)
