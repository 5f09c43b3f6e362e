"""Who a predicate noun is said of ("X, the leader of…") and the entities among its modifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimgraph.extract.relations.base import NAMING_VERBS

if TYPE_CHECKING:
    from claimgraph.extract.relations.view import SentView


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
        nearest = _entity_before_comma(view, noun)
        if not plural and view.ent(head) and nearest and nearest in view.group(head):
            return [nearest]  # "A, B and C (CC), the only one active in X": the last conjunct
        found = view.np_ents(head) if plural or not view.ent(head) else [view.ent(head)]
        if found:
            return found  # type: ignore[return-value]
        if dep == "appos" and head.dep_ == "appos" and head.pos_ == "NOUN" and depth < 2:
            found = _by_apposition(view, head, depth + 1)  # "X—the emir (a former JNIM commander)"
            if found:
                return found
    for c in noun.children:
        if c.dep_ == "appos" and view.ent(c):
            return view.group(c) if plural else [view.ent(c)]  # type: ignore[list-item]
    if dep == "compound" and view.ent(head):
        return view.group(head)
    return []


def _entity_before_comma(view: SentView, noun: Token) -> str | None:
    """The entity whose mention ends right before the comma that opens the noun's phrase."""
    k = noun.left_edge.i - 1
    if k < view.sent.start or view.doc[k].text != ",":
        return None
    k -= 1
    while k >= view.sent.start and view.doc[k].text in (")", "]"):
        k -= 1
    return view.ent(view.doc[k]) if k >= view.sent.start else None


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
    # "a member named X"; "a former policeman and an ex-JNIM fighter named X": the name closes both.
    for n in (noun, *[c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]):
        for c in n.children:
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


def _by_trailing_list(view: SentView, noun: Token, depth: int) -> list[str]:
    return trailing_people(view, noun)


_HOLDER_STRATEGIES = (_by_apposition, _by_copula, _by_as, _by_naming, _by_coordination, _by_trailing_list)

LIST_GLUE = {",", "and", "or", "&"}
APPOSITION_OPENERS = {"—", "–", ":"}


def trailing_people(view: SentView, noun: Token) -> list[str]:
    """People listed after a comma at the end of the noun's phrase: "two former TTP commanders from
    the border areas, A and B". The parser often hangs such an apposition off the last inner noun
    ("areas"), so it is read off the surface: a run of person mentions (and their untagged
    honorifics) joined by commas or "and", opened by a comma or dash, closing the phrase.
    """
    doc = view.doc
    end = noun.right_edge.i
    while end > noun.i and doc[end].is_punct:
        end -= 1
    if end <= noun.i or not view.ent(doc[end]):
        return []
    found: list[str] = []
    j = end
    while j > noun.i:
        t = doc[j]
        ident = view.ent(t)
        if ident:
            if view.etype(ident) != "person":
                break
            if ident not in found:
                found.insert(0, ident)
            span = view.mention_span(t)
            j = (span.start if span is not None else j) - 1
            continue
        if t.lower_ in LIST_GLUE or (t.pos_ == "PROPN" and t.dep_ == "compound" and view.ent(t.head)):
            j -= 1
            continue
        break
    # j is the last word of the phrase proper; the run must open with a comma or a dash.
    opened = doc[j].text in APPOSITION_OPENERS or doc[j + 1].text == ","
    return found if found and j > noun.i and opened else []


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
    commander", "the then ISGS chief recruiter") and stops after a determiner.
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
