"""The per-document orchestrator: cleaned body → pipeline → entities → events, estimates, statements.

    extraction = extract_document(read_document("report.pdf"))
    extraction.to_format()  # the shared extraction format

Stages work in body coordinates (the text the spaCy Doc was made from); here
every item is mapped back to ``Document.text``: ``start``/``end`` become
document offsets, ``evidence`` the exact document substring (≤ 200
characters), ``notes`` the footnote ids whose markers fall in the item's
sentence.  References to unknown ids are dropped, items found only inside
repeated text (pull-quotes) are dropped, and statements are kept once per
(subject, predicate, object, by, polarity).  Generic actors ("Afghan
officials") are kept as the entity stage found them: it only takes them where
they are the head of their phrase, i.e. where they act or speak.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract.citations import parse_citations
from claimgraph.extract.context import ExtractContext
from claimgraph.extract.coref import resolve_coref
from claimgraph.extract.docdate import document_date
from claimgraph.extract.entities import build_entities
from claimgraph.extract.estimates import extract_estimates
from claimgraph.extract.events import extract_events
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.statements import extract_statements
from claimgraph.ingest.cleanup import clean
from claimgraph.nlp.pipeline import build_pipeline, pipeline_version
from claimgraph.packs import PackSet, load_packs
from claimgraph.records import AUTHOR, CleanText, Document, Entity, Estimate, Event, Extraction, Statement

MAX_EVIDENCE = 200
MAX_GAP = 24  # removed characters (markers, hyphenation) that still leave one stretch of text


def extract_document(
    document: Document, *, packs: PackSet | None = None, nlp: Language | None = None, explain: bool = False
) -> Extraction:
    """Everything extracted from one document, offsets in ``document.text``."""
    packs = packs if packs is not None else load_packs()
    nlp = nlp if nlp is not None else build_pipeline(packs)
    text = clean(document)
    return _extract(document, text, nlp(text.body), packs, nlp, explain)


def extract_many(
    documents: Iterable[Document],
    *,
    packs: PackSet | None = None,
    nlp: Language | None = None,
    explain: bool = False,
    batch_size: int = 4,
) -> Iterator[Extraction]:
    """``extract_document`` over many documents, parsing them with ``nlp.pipe`` (same results, faster)."""
    packs = packs if packs is not None else load_packs()
    nlp = nlp if nlp is not None else build_pipeline(packs)
    cleaned = ((text.body, (document, text)) for document in documents for text in (clean(document),))
    for doc, (document, text) in nlp.pipe(cleaned, as_tuples=True, batch_size=batch_size):
        yield _extract(document, text, doc, packs, nlp, explain)


def _extract(
    document: Document, text: CleanText, doc: Doc, packs: PackSet, nlp: Language, explain: bool
) -> Extraction:
    citations = parse_citations(text.notes)
    doc_date = document_date(document, text, citations)
    entities = build_entities(doc, packs, text.repeats)
    resolve_coref(doc, entities, packs)
    index = EntityIndex.from_doc(doc, entities)
    ctx = ExtractContext(
        packs=packs, document=document.name, doc_date=doc_date, body=text.body, explain=explain
    )
    events = extract_events(doc, index, ctx)
    estimates = extract_estimates(doc, index, ctx)
    statements = extract_statements(doc, index, events, ctx)
    fresh = [x for x in events if not text.in_repeat(x.start, x.end)]
    kept_events = _known_event_refs(fresh, index.entities)
    event_ids = {e.id for e in kept_events}
    kept_statements = _dedupe(
        [
            s
            for s in statements
            if not text.in_repeat(s.start, s.end) and _statement_known(s, index.entities, event_ids)
        ]
    )
    kept_estimates = _dedupe_estimates(
        [
            e
            for e in estimates
            if not text.in_repeat(e.start, e.end)
            and e.subject in index.entities
            and (e.by == AUTHOR or e.by in index.entities)
        ]
    )
    kept_entities = list(index.entities.values())
    grounding = _Grounding(document, text, doc)
    for entity in kept_entities:
        for mention in entity.mentions:
            mention.start, mention.end = grounding.span(mention.start, mention.end)
    for item in (*kept_events, *kept_statements, *kept_estimates):
        grounding.ground(item)
    return Extraction(
        document=document,
        body=text.body,
        notes=list(text.notes),
        markers=list(text.markers),
        entities=kept_entities,
        events=kept_events,
        statements=kept_statements,
        estimates=kept_estimates,
        citations=citations,
        document_date=doc_date,
        extractor_version=pipeline_version(nlp),
        clean=text,
        sentences=list(grounding.sents),
    )


def _known_event_refs(events: list[Event], entities: dict[str, Entity]) -> list[Event]:
    for event in events:
        if event.location is not None and event.location not in entities:
            event.location = None
        event.targets = [t for t in event.targets if t in entities]
        event.participants = [p for p in event.participants if p in entities]
    return events


def _statement_known(s: Statement, entities: dict[str, Entity], events: set[str]) -> bool:
    known = entities.keys() | events
    return s.subject in known and s.object in known and (s.by == AUTHOR or s.by in entities)


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for s in statements:
        key = s.key()
        if s.predicate in ("allied_with", "rival_of"):
            a, b = sorted((s.subject, s.object))
            key = (a, s.predicate, b, s.by, s.polarity)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _dedupe_estimates(estimates: list[Estimate]) -> list[Estimate]:
    """One estimate per (subject, quantity, figures, date, source): the text often repeats a figure."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in estimates:
        key = (e.subject, e.quantity, e.low, e.high, e.as_of, e.by)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


class _Grounding:
    """Maps body spans to the document: offsets, evidence text and footnote ids."""

    def __init__(self, document: Document, text: CleanText, doc: Doc) -> None:
        self.document = document
        self.text = text
        self.sents = [(s.start_char, s.end_char) for s in doc.sents]
        self.sent_starts = [a for a, _ in self.sents]
        self.markers = sorted(text.markers, key=lambda m: m.start)
        self.marker_starts = [m.start for m in self.markers]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of a body span."""
        n = len(self.text.body)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        return self.text.to_doc(start, max(start, end))

    def ground(self, item: Event | Statement | Estimate) -> None:
        body_start, body_end = item.start, max(item.start, item.end)
        if body_end == body_start and self.sents:  # no span given: quote the sentence
            i = max(0, bisect_right(self.sent_starts, body_start) - 1)
            body_start, body_end = self.sents[i]
        start, end = self._contiguous(body_start, body_end)
        raw = self.document.text[start:end]
        # Trim to the limit at a word boundary, then drop edge whitespace: still an exact substring.
        if len(raw) > MAX_EVIDENCE:
            cut = raw.rfind(" ", 0, MAX_EVIDENCE)
            raw = raw[: cut if cut > MAX_EVIDENCE // 2 else MAX_EVIDENCE]
        lead = len(raw) - len(raw.lstrip())
        raw = raw.strip()
        item.start, item.end = start + lead, start + lead + len(raw)
        item.evidence = raw or None
        item.notes = self._notes(body_start, body_end)

    def _contiguous(self, body_start: int, body_end: int) -> tuple[int, int]:
        """Document span of the longest piece of a body span that is one stretch of the document.

        Cleanup may move text (a paragraph rejoined across a footnote block), so a body span
        can map to pieces in different places; the evidence quotes the longest piece.
        """
        offsets = self.text.offsets
        n = len(self.text.body)
        body_start, body_end = max(0, min(body_start, n)), max(0, min(body_end, n))
        if not offsets or body_end <= body_start:
            return self.span(body_start, body_end)
        best, run = (body_start, body_start), body_start
        for i in range(body_start + 1, body_end + 1):
            if i == body_end or not 0 < offsets[i] - offsets[i - 1] <= MAX_GAP:
                if i - run > best[1] - best[0]:
                    best = (run, i)
                run = i
        return self.span(*best)

    def _notes(self, body_start: int, body_end: int) -> list[str]:
        """Ids of the note markers inside the sentences that hold the item."""
        if not self.sents or not self.markers:
            return []
        first = max(0, bisect_right(self.sent_starts, body_start) - 1)
        last = max(first, bisect_right(self.sent_starts, max(body_start, body_end - 1)) - 1)
        lo = self.sents[first][0]
        hi = self.sents[last][1]
        doc_lo = self.span(lo, lo + 1)[0] if lo < len(self.text.body) else len(self.document.text)
        next_body = hi if hi < len(self.text.body) else None
        doc_hi = (
            self.text.offsets[next_body]
            if next_body is not None and self.text.offsets
            else len(self.document.text)
        )
        out: list[str] = []
        for m in self.markers[bisect_right(self.marker_starts, doc_lo - 1) :]:
            if m.start >= doc_hi:
                break
            if m.note_id not in out:
                out.append(m.note_id)
        return out
