"""Statement extraction: who says what about whom.

Per sentence: the relation rules (the relations package) and the responsibility rules
(attribution.py) propose candidates; each candidate then gets its speaker from
the innermost attribution frame covering its cue (speakers.py), its polarity
from the frame and from negation in its clause, its certainty from estimative
language in its clause (hedges.py), and its argument types are checked
(``adapt``). Statements are kept once per (subject, predicate, object, by,
polarity) and evidence span, symmetric predicates once per pair; the
orchestrator keeps one per key for the document.
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Doc, Span

from claimgraph.extract.attribution import EventTracker, responsibility_rule
from claimgraph.extract.context import ExtractContext
from claimgraph.extract.dates import find_dates
from claimgraph.extract.hedges import clause_tokens, is_hedged, is_negated, sentence_dismisses
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.relations import (
    ACTOR,
    SENTENCE_RULES,
    STATE_KINDS,
    Cand,
    SentView,
    lexicons,
    name_rule,
)
from claimgraph.extract.speakers import Frame, find_frames, innermost
from claimgraph.records import AUTHOR, Event, Statement

SYMMETRIC = {"allied_with", "rival_of"}
MAX_EVIDENCE = 200
DISMISS_WINDOW = 3  # sentences back whose attributed claims a dismissal rejects
CONTESTED = {"claim", "accuse", "believe", "frame"}


def extract_statements(
    doc: Doc, index: EntityIndex, events: list[Event], ctx: ExtractContext
) -> list[Statement]:
    """Who says what about whom, offsets in body coordinates."""
    lex = lexicons(ctx.packs)
    tracker = EventTracker(sorted(events, key=lambda e: e.start))
    kinds = {e.id: e.kind for e in events}
    out: list[Statement] = []
    recent: deque[list[Statement]] = deque(maxlen=DISMISS_WINDOW)
    previous: list[Frame] = []
    memory: dict = {"topic": topic_organization(index)}
    for n, sent in enumerate(doc.sents):
        view = SentView(sent, index, ctx.packs, memory)
        frames = find_frames(view, lex, previous)
        cands: list[Cand] = []
        for rule in SENTENCE_RULES:
            cands += rule(view, lex)
        refs = tracker.refer(view, lex, n)
        cands += responsibility_rule(view, lex, refs)
        found: list[Statement] = []
        for cand in cands:
            found += _resolve(cand, view, frames, lex, kinds, ctx)
            ctx.bump(cand.rule)
        if sentence_dismisses(sent, lex):
            found += _dismiss(recent, sent)
        # Only contested claims can be dismissed: what a frame claims, alleges, accuses or insinuates.
        contested = [f for f in frames if f.role in CONTESTED]
        recent.append([s for s in found if s.by != AUTHOR and any(s.by in f.speakers for f in contested)])
        out += found
        previous = frames or previous
        memory = view.remember()
    out += _by_names(doc, index, lex, kinds, ctx)
    return _dedupe(out)


def topic_organization(index: EntityIndex) -> str | None:
    """The armed group a report is about: the one mentioned most, and clearly more than any other."""
    counts: dict[str, int] = {}
    for _, _, entity in index.mentions_in(0, 1 << 62):
        if entity.type == "organization" and entity.kind in ("militant_group", None):
            counts[entity.id] = counts.get(entity.id, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 5:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def _by_names(
    doc: Doc, index: EntityIndex, lex, kinds: dict[str, str], ctx: ExtractContext
) -> list[Statement]:
    out: list[Statement] = []
    for cand in name_rule(doc, index):
        sent = cand.cue.sent
        out += _resolve(cand, SentView(sent, index, ctx.packs), [], lex, kinds, ctx)
    return out


def _resolve(
    cand: Cand, view: SentView, frames: list[Frame], lex, kinds: dict[str, str], ctx: ExtractContext
) -> list[Statement]:
    pred = adapt(cand.predicate, cand.subject, cand.object, view, kinds)
    if pred is None:
        return []
    subject, obj = cand.subject, cand.object
    if pred == "supports" and cand.predicate == "allied_with" and _is_state(view, obj):
        subject, obj = obj, subject
    frame = innermost(frames, [cand.cue])
    if frame is not None and frame.cue.i == cand.cue.i:
        frame = innermost([f for f in frames if f is not frame], [cand.cue])
    speakers = [cand.by] if cand.by else (frame.speakers if frame else [AUTHOR])
    polarity = cand.polarity
    if polarity is None:
        negated = is_negated(cand.cue, lex)
        denied = frame is not None and frame.role == "deny"
        polarity = "deny" if negated != denied else "affirm"
    hedged = cand.hedged or bool(frame and frame.hedged)
    hedged = hedged or is_hedged(cand.cue, lex, stop=frame.cue if frame else None)
    start, end = _evidence(cand, view.sent)
    date = _date(view.sent, start, end, ctx)
    return [
        Statement(
            subject=subject,
            predicate=pred,
            object=obj,
            by=s,
            polarity=polarity,
            certainty="hedged" if hedged else "asserted",
            date=date,
            start=start,
            end=end,
            rule=cand.rule,
        )
        for s in speakers
    ]


def _is_state(view: SentView, ident: str) -> bool:
    return view.etype(ident) == "place" or view.ekind(ident) in STATE_KINDS


def _party(view: SentView, ident: str) -> bool:
    """An actor that can support, ally or feud: a person, an organization or a country."""
    t = view.etype(ident)
    return t in ACTOR or (t == "place" and view.ekind(ident) in ("country", None))


def adapt(pred: str, s: str, o: str, view: SentView, kinds: dict[str, str]) -> str | None:
    """The predicate the argument types allow (or None): member_of between groups is part_of, etc."""
    if s == o:
        return None
    ts, to = view.etype(s), view.etype(o)
    if pred == "responsible_for":
        return pred if ts in ACTOR and o in kinds else None
    if to is None or ts is None:
        return None
    state_s, state_o = _is_state(view, s), _is_state(view, o)
    if pred in ("leader_of", "deputy_of"):
        return pred if ts == "person" and to == "organization" else None
    if pred in ("member_of", "part_of"):
        if to != "organization":
            return None
        if ts == "person":
            return "member_of"
        return "part_of" if ts == "organization" else None
    if pred == "split_from":
        return pred if ts in ACTOR and to == "organization" else None
    if pred == "pledged_allegiance_to":
        return pred if ts in ACTOR and to in ACTOR else None
    if pred in ("supports", "allied_with"):
        if not _party(view, s) or not _party(view, o):
            return None
        if state_s and state_o:
            return None
        if state_s or state_o:
            return "supports" if ts != "person" and to != "person" else None
        if pred == "allied_with" and ts == "person" and to == "organization":
            return "member_of"
        if pred == "allied_with" and to == "person" and ts == "organization":
            return None
        return "allied_with"
    if pred == "rival_of":
        return pred if _party(view, s) and _party(view, o) else None
    if pred == "proxy_of":
        return (
            pred if ts == "organization" and not state_s and (to == "organization" or to == "place") else None
        )
    if pred == "successor_of":
        return pred if ts == to == "person" else None
    if pred == "active_in":
        return pred if ts in ACTOR and to == "place" and not state_s else None
    if pred == "nationality":
        return pred if ts == "person" and to == "place" else None
    return None


def _evidence(cand: Cand, sent: Span) -> tuple[int, int]:
    """Body offsets of the clause carrying the cue, narrowed to fit the evidence limit."""
    toks = clause_tokens(cand.cue)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if end - start > MAX_EVIDENCE:
        half = MAX_EVIDENCE // 2
        start = max(sent.start_char, cand.cue.idx - half)
        end = min(sent.end_char, cand.cue.idx + half)
    return max(start, sent.start_char), min(end, sent.end_char)


def _date(sent: Span, start: int, end: int, ctx: ExtractContext) -> str | None:
    text = ctx.body[start:end] if ctx.body else sent.text[start - sent.start_char : end - sent.start_char]
    for mention in find_dates(text, ctx.doc_date):
        if mention.iso:
            return mention.iso
    return None


def _dismiss(recent: deque[list[Statement]], sent: Span) -> list[Statement]:
    """The author rejects the claims attributed just before ("these arguments have no merit")."""
    out = []
    for batch in recent:
        for st in batch:
            if st.polarity == "affirm":
                out.append(
                    Statement(
                        subject=st.subject,
                        predicate=st.predicate,
                        object=st.object,
                        by=AUTHOR,
                        polarity="deny",
                        certainty="hedged",
                        start=sent.start_char,
                        end=min(sent.end_char, sent.start_char + MAX_EVIDENCE),
                        rule="statements.dismissal",
                    )
                )
    return out


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple] = set()
    out = []
    for st in statements:
        s, o = st.subject, st.object
        if st.predicate in SYMMETRIC:
            s, o = sorted((s, o))
        # Once per evidence span: the orchestrator keeps one per key after dropping repeated text
        # (a pull-quote may come first), so a later copy of a statement must survive here.
        key = (s, st.predicate, o, st.by, st.polarity, st.start)
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out
