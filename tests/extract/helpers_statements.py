"""Run the statement stage on short sentences with hand-set entities and events.

Mentions come from a surface → (id, type, kind) table (every occurrence is a
mention), events from (id, kind, phrase) triples whose span is the phrase's
first occurrence, so the tests do not depend on the entity or event stages.
"""

from __future__ import annotations

import re

from spacy.tokens import Span
from spacy.util import filter_spans

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.index import EntityIndex
from claimgraph.extract.statements import extract_statements
from claimgraph.nlp.model import load_base_model
from claimgraph.packs import load_packs
from claimgraph.records import Entity, Event, Statement

LABEL = {"person": "PERSON", "organization": "ORG", "place": "GPE", "community": "NORP"}

# A fictional-but-plausible Sahel cast, so no test sentence comes from a real report.
SAHEL = {
    "JNIM": ("jnim", "organization", "militant_group"),
    "ISGS": ("isgs", "organization", "militant_group"),
    "Islamic State": ("islamic_state", "organization", "militant_group"),
    "IS": ("islamic_state", "organization", "militant_group"),
    "Islamic State Sahel Province": ("issp", "organization", "militant_group"),
    "al-Qaeda": ("al_qaeda", "organization", "militant_group"),
    "Ansar Dine": ("ansar_dine", "organization", "militant_group"),
    "Katiba Macina": ("katiba_macina", "organization", "militant_group"),
    "Al-Mourabitoun": ("al_mourabitoun", "organization", "militant_group"),
    "Malian officials": ("malian_officials", "organization", "government"),
    "the Malian government": ("malian_government", "organization", "government"),
    "Malian forces": ("malian_forces", "organization", "military"),
    "the Defence Ministry": ("defence_ministry", "organization", "government"),
    "Sahel Monitor": ("sahel_monitor", "organization", "research_org"),
    "the United Nations": ("united_nations", "organization", "international_org"),
    "Algeria": ("algeria", "place", "country"),
    "Mali": ("mali", "place", "country"),
    "Mopti": ("mopti", "place", "city"),
    "Gao": ("gao", "place", "city"),
    "Menaka": ("menaka", "place", "city"),
    "Timbuktu": ("timbuktu", "place", "city"),
    "Iyad Ag Ghaly": ("iyad_ag_ghaly", "person", "leader"),
    "Ag Ghaly": ("iyad_ag_ghaly", "person", "leader"),
    "Amadou Koufa": ("amadou_koufa", "person", "leader"),
    "Koufa": ("amadou_koufa", "person", "leader"),
    "Adnan Abu Walid": ("adnan_abu_walid", "person", "leader"),
    "Abu Walid": ("adnan_abu_walid", "person", "leader"),
    "Moussa Diallo": ("moussa_diallo", "person", "militant"),
    "Diallo": ("moussa_diallo", "person", "militant"),
    "Hamid Sow": ("hamid_sow", "person", "militant"),
    "Sow": ("hamid_sow", "person", "militant"),
}


def statements(
    text: str,
    events: tuple[tuple[str, str, str], ...] = (),
    entities: dict[str, tuple[str, str, str | None]] | None = None,
) -> list[Statement]:
    """Statements of ``text``; ``events`` are (id, kind, phrase) with the phrase as evidence span."""
    table = SAHEL if entities is None else entities
    doc = load_base_model()(text)
    spans: list[Span] = []
    ids: dict[tuple[int, int], str] = {}
    records: dict[str, Entity] = {}
    for surface, (ident, etype, kind) in table.items():
        found = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
        if not found:
            continue
        records.setdefault(ident, Entity(id=ident, type=etype, kind=kind, name=surface, aliases=[]))
        records[ident].aliases.append(surface)
        for m in found:
            span = doc.char_span(m.start(), m.end(), label=LABEL[etype], alignment_mode="expand")
            if span is not None:
                spans.append(span)
                ids[(span.start, span.end)] = ident
    doc.ents = [
        Span(doc, s.start, s.end, label=s.label_, span_id=ids[(s.start, s.end)]) for s in filter_spans(spans)
    ]
    index = EntityIndex.from_doc(doc, records)
    evs = []
    for ident, kind, phrase in events:
        at = text.index(phrase)
        evs.append(Event(id=ident, kind=kind, name=phrase, start=at, end=at + len(phrase)))
    ctx = ExtractContext(packs=load_packs(), document="test.txt", doc_date="2021-06-01", body=text)
    return extract_statements(doc, index, evs, ctx)


def triples(found: list[Statement]) -> set[tuple[str, str, str]]:
    return {(s.subject, s.predicate, s.object) for s in found}


def keys(found: list[Statement]) -> set[tuple[str, str, str, str, str]]:
    return {(s.subject, s.predicate, s.object, s.by, s.polarity) for s in found}


def find(found: list[Statement], subject: str, predicate: str, obj: str) -> list[Statement]:
    return [s for s in found if (s.subject, s.predicate, s.object) == (subject, predicate, obj)]
