"""Estimate extraction: figures about an actor's size or activity.

For every figure in a sentence (``numbers.find_quantities``) the counted noun
decides the quantity type (``estimate_quantities`` lexicon: fighters →
fighters, FTFs → foreign_fighters, attacks/operations → attacks, leaders lost →
leaders_lost...); a figure without a noun of its own ("which rises to
2,000-2,500") continues the previous figure of the sentence.  The subject is
the group named in the counted phrase ("ISKP members", "fighters of ISKP"),
else the agent or subject of its clause, else the nearest armed group of the
sentence or of the sentences just before.  ``as_of`` is the date of the
clause (the end of a period; "since 2015" runs to the time of writing), else
the document's year when the text speaks of the present; ``by`` is the source
the sentence credits ("according to X", "X reported"), else the author.
Counts that belong to a described event (its attackers, its dead) are left
to the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.context import ExtractContext, per_packs
from claimgraph.extract.dates import DateMention
from claimgraph.extract.event_args import entities_in, patient_entities
from claimgraph.extract.event_triggers import Lexicons
from claimgraph.extract.events import segments
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.numbers import Quantity, find_quantities
from claimgraph.packs import PackSet
from claimgraph.records import AUTHOR, Entity, Estimate

RULE = "estimates"


@dataclass
class EstimateLexicon:
    nouns: dict[tuple[str, ...], str] = field(default_factory=dict)
    cues: dict[str, set[str]] = field(default_factory=dict)

    @staticmethod
    def of(packs: PackSet) -> EstimateLexicon:
        """Tables for ``packs`` (built once per pack set)."""
        return per_packs(packs, _estimate_lexicon)

    def has(self, role: str, tok: Token) -> bool:
        return tok.lemma_.lower() in self.cues.get(role, set()) or tok.lower_ in self.cues.get(role, set())


def _estimate_lexicon(packs: PackSet) -> EstimateLexicon:
    lex = EstimateLexicon()
    for e in packs.lexicon("estimate_quantities").entries:
        lex.nouns[tuple(e["term"].lower().split())] = e["quantity"]
    for e in packs.lexicon("estimate_cues").entries:
        lex.cues.setdefault(e["role"], set()).add(e["term"].lower())
    return lex


def extract_estimates(doc: Doc, index: EntityIndex, ctx: ExtractContext) -> list[Estimate]:
    """Figures about actors' size or activity, offsets in body coordinates."""
    lex = EstimateLexicon.of(ctx.packs)
    events = Lexicons.of(ctx.packs)
    dates = ctx.dates(doc)
    out: list[Estimate] = []
    seen: dict[tuple, str] = {}
    salience = _salience(index)
    for sent in segments(doc):
        previous: tuple[str, Entity | None] | None = None
        for q in find_quantities(sent.text):
            span = doc.char_span(sent.start_char + q.start, sent.start_char + q.end, alignment_mode="expand")
            if span is None or q.value is None:
                continue
            est, previous = _estimate(span, q, sent, index, lex, events, dates, ctx, salience, previous)
            if est is None:
                continue
            # A figure repeated in other words is one estimate; a verbatim copy of its context
            # (a pull-quote) is kept so that the orchestrator, which knows the repeats, drops the copy.
            key = (est.subject, est.quantity, est.low, est.high)
            words = re.sub(r"\W+", "", _clip(sent, span.start_char - 60, span.end_char + 60)).lower()
            if seen.setdefault(key, words) == words:
                ctx.bump(est.rule)
                out.append(est)
    return out


def _clip(sent: Span, start: int, end: int) -> str:
    """Text of the sentence between two document offsets (clamped to the sentence)."""
    base = sent.start_char
    return sent.text[max(0, start - base) : max(0, end - base)]


def _number_token(span: Span) -> Token:
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span[-1]


def _counted_noun(num: Token, sent: Span) -> Token | None:
    """The noun a figure counts: its head ("2,200 members"), "six of its leaders", or the next noun."""
    if num.dep_ in ("nummod", "quantmod", "amod", "compound") and num.head.pos_ in ("NOUN", "PROPN"):
        head = num.head
        return head if head.i > num.i else None
    for c in num.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            if objs:
                return objs[0]
    found: Token | None = None
    for tok in num.doc[num.i + 1 : min(num.i + 7, sent.end)]:
        if tok.pos_ == "NOUN":
            found = tok  # the last noun of a compound run: "mid-level leaders", "recruitment chiefs"
        elif (found is not None and tok.text != "-") or (
            tok.pos_ not in ("ADJ", "PROPN", "NUM", "PUNCT", "X") and not tok.ent_type_
        ):
            break
    return found


def _size_noun(num: Token, lex: EstimateLexicon) -> Token | None:
    """The noun a size verb measures, when the figure is the verb's complement."""
    verb = _governing_verb(num)
    if verb is None or not lex.has("size_verb", verb):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != num.i and c.pos_ == "NOUN":
            return c
    return None


def _quantity_type(noun: Token | None, q: Quantity, lex: EstimateLexicon) -> str | None:
    if q.unit in ("percent", "usd"):
        return "other"
    if q.unit == "strength":
        return "fighters"
    if noun is None or noun.ent_type_:
        return None  # a word of a name ("... Territorial Force") counts nothing
    lemma = noun.lemma_.lower()
    mods = [c.lemma_.lower() for c in noun.lefts if c.dep_ in ("amod", "compound")]
    for mod in mods:
        if (mod, lemma) in lex.nouns:
            return lex.nouns[(mod, lemma)]
    bare = re.sub(r"[^a-z-]+$", "", noun.lower_)  # "leaders.⁴²" when a marker sticks to the word
    return lex.nouns.get((lemma,)) or lex.nouns.get((bare,)) or lex.nouns.get((bare.removesuffix("s"),))


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _estimate(
    span: Span,
    q: Quantity,
    sent: Span,
    index: EntityIndex,
    lex: EstimateLexicon,
    events: Lexicons,
    dates: list[DateMention],
    ctx: ExtractContext,
    salience: dict[str, int],
    previous: tuple[str, Entity | None] | None,
) -> tuple[Estimate | None, tuple[str, Entity | None] | None]:
    num = _number_token(span)
    if q.text.lower() in ("one", "a", "an"):
        return None, previous  # "one of the most...", not a count
    noun = _counted_noun(num, sent)
    qtype = _quantity_type(noun, q, lex)
    if qtype is None and noun is None and q.unit is None:
        noun = _size_noun(num, lex)  # "its fighters number about 2,000", "put its strength at 2,200"
        qtype = _quantity_type(noun, q, lex)
    inherited = False
    lead = _clip(sent, span.start_char - 12, span.start_char).lower().split()
    if (
        qtype is None
        and noun is None
        and previous is not None
        and q.unit is None
        and lead[-1:] in (["to"], ["including"])
    ):
        qtype, inherited = previous[0], True  # "rises to 2,000", "including eight": the same count continued
    if qtype is None:
        return None, previous
    anchor = noun or num
    verb = _governing_verb(anchor)
    if q.unit == "usd" and not any(lex.has("funding", t) for t in sent):
        return None, previous  # a reward or a price, not the actor's money
    if _partitive_superlative(num):
        return None, previous  # "two of the deadliest attacks" picks examples, it does not count
    if qtype == "leaders":
        if not any(lex.has("loss", t) for t in sent):
            return None, previous
        qtype = "leaders_lost"
    elif (
        qtype in ("fighters", "members", "foreign_fighters")
        and verb is not None
        and lex.has("surrender", verb)
    ):
        qtype = "surrendered"
    elif verb is not None and lex.has("casualty", verb) and qtype != "casualties":
        return None, previous  # "13 members were killed": the dead of an event
    if (
        verb is not None
        and anchor.dep_ == "nsubj"
        and (verb.lemma_.lower() in events.light or _is_trigger(verb, events))
    ):
        return None, previous  # the attackers of a described event, not a headcount
    is_source = verb is not None and lex.has("source_verb", verb)
    subject = _subject(anchor, verb, index, by_agent=qtype == "attacks", source_verb=is_source)
    if subject is None and inherited and previous is not None:
        subject = previous[1]
    if subject is None:
        subject = _salient_group(sent, index, salience)
    if subject is None or subject.type != "organization":
        return None, (qtype, None)
    est = Estimate(
        subject=subject.id,
        quantity=qtype,
        low=q.low,
        high=q.high if q.bound != "min" else None,
        as_of=_as_of(num, sent, dates, lex, ctx),
        by=_source(num, sent, index, lex),
        start=sent.start_char,
        end=sent.end_char,
        rule=f"{RULE}.{'continued' if inherited else 'counted_noun'}",
    )
    return est, (qtype, subject)


def _partitive_superlative(num: Token) -> bool:
    for c in num.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if any(m.tag_ == "JJS" or m.lower_ in ("most", "best", "worst") for m in g.subtree):
                    return True
    return False


def _is_trigger(verb: Token, events: Lexicons) -> bool:
    entry = events.triggers.get((verb.lemma_.lower(),))
    return entry is not None and entry.kind in ("attack", "ct_operation", "clash")


def _subject(
    anchor: Token,
    verb: Token | None,
    index: EntityIndex,
    by_agent: bool,
    source_verb: bool = False,
) -> Entity | None:
    """The organisation a counted phrase is about."""
    groups = _groups_of_phrase(anchor, index)
    if groups:
        return groups[0]
    parent = anchor.head
    if anchor.dep_ in ("pobj", "appos") and parent.dep_ == "prep" and parent.lower_ in ("including", "among"):
        groups = _groups_of_phrase(parent.head, index)
    elif anchor.dep_ == "appos":
        groups = _groups_of_phrase(parent, index)
    if groups:
        return groups[0]
    verbs = [v for v in anchor.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB"]
    for v in [*verbs, *([verb] if verb is not None else [])]:
        for c in v.children:
            if by_agent and (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")):
                found = [e for e in entities_in(index, c) if e.type == "organization"]
                if found:
                    return found[-1]
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i:
                found = [e for e in entities_in(index, c) if e.type == "organization"]
                if source_verb:  # "ACLED reported 45 attacks" is ACLED's figure about someone else,
                    found = [e for e in found if e.kind == "militant_group"]  # unless a group counts its own
                if found:
                    return found[0]
    return None


def _groups_of_phrase(noun: Token, index: EntityIndex) -> list[Entity]:
    """Organisations named inside a noun phrase: compounds, possessives, "of/in/affiliated to X"."""
    own = [index.entity_of_token(t) for t in [noun, *noun.lefts] if t.i == noun.i or t.dep_ != "det"]
    out = [e for e in own if e is not None and e.type == "organization"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "for", "within", "inside", "by"):
            for g in c.children:
                ent = index.entity_of_token(g)
                found = patient_entities(index, g) if c.lower_ == "of" else [ent] if ent else []
                out += [e for e in found if e.type == "organization"]
        elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in ("affiliate", "affiliated", "link", "belong"):
            out += [e for e in entities_in(index, c) if e.type == "organization"]
    return out


def _salience(index: EntityIndex) -> dict[str, int]:
    """How often each armed group is mentioned in the document (the report's main actor ranks first)."""
    counts: dict[str, int] = {}
    for _, _, ent in index.mentions_in(0, 1 << 62):
        if ent.kind == "militant_group":
            counts[ent.id] = counts.get(ent.id, 0) + 1
    return counts


def _salient_group(sent: Span, index: EntityIndex, salience: dict[str, int]) -> Entity | None:
    """Of the armed groups named in the sentence, the one the document is most about."""
    groups = [
        e for _, _, e in index.mentions_in(sent.start_char, sent.end_char) if e.kind == "militant_group"
    ]
    return max(groups, key=lambda e: salience.get(e.id, 0)) if groups else None


def _as_of(
    num: Token, sent: Span, dates: list[DateMention], lex: EstimateLexicon, ctx: ExtractContext
) -> str | None:
    """The date a figure refers to: its clause's date (period end), else the document's year for the present."""
    doc_year = ctx.doc_date[:4] if ctx.doc_date else None
    here = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.iso]
    if here:
        best = min(here, key=lambda d: abs(d.start - num.idx))
        before = _clip(sent, best.start - 40, best.start).lower()
        if any(f"{cue} " in before for cue in lex.cues.get("since", ())):
            return doc_year
        return best.last
    if any(lex.has("present", t) for t in sent):
        return doc_year
    return None


def _source(num: Token, sent: Span, index: EntityIndex, lex: EstimateLexicon) -> str:
    """Who the sentence credits with the figure: "according to X", "X reported", else the author."""
    text = sent.text.lower()
    for cue in lex.cues.get("source_prep", ()):
        at = text.find(cue + " ")
        if at >= 0:
            start = sent.start_char + at + len(cue) + 1
            found = [e for _, _, e in index.mentions_in(start, min(sent.end_char, start + 80))]
            actors = [e for e in found if e.type in ("organization", "person")]
            if actors:
                return actors[0].id
    ancestors = {a.i for a in num.ancestors}
    for tok in sent:
        if not lex.has("source_verb", tok) or tok.pos_ != "VERB":
            continue
        as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        if tok.i not in ancestors and not as_clause:
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":
                found = [e for e in entities_in(index, c) if e.type in ("organization", "person")]
                if found:
                    return found[0].id
    return AUTHOR
