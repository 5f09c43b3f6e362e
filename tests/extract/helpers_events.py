"""Build a parsed Doc with known entities, without the entity stage, for event/estimate tests."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.index import EntityIndex
from claimgraph.nlp.model import load_base_model
from claimgraph.packs import Lexicon, Pack, PackManifest, PackSet, merge
from claimgraph.records import Entity

LEXICON_DIR = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "packs" / "core" / "lexicons"
OWN_LEXICONS = (
    "event_triggers",
    "event_named",
    "event_actors",
    "event_leader_roles",
    "event_cues",
    "estimate_quantities",
    "estimate_cues",
)
LABEL = {"person": "PERSON", "organization": "ORG", "place": "GPE", "community": "NORP"}
_PACKS: list[PackSet] = []


def event_packs() -> PackSet:
    """A pack set with only the lexicons events and estimates use (other lexicons may be mid-edit)."""
    if not _PACKS:
        lexicons = {}
        for name in OWN_LEXICONS:
            data = yaml.safe_load((LEXICON_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
            lexicons[name] = Lexicon.model_validate(data)
        pack = Pack(manifest=PackManifest(name="core"), path=LEXICON_DIR.parent, lexicons=lexicons)
        _PACKS.append(merge([pack]))
    return _PACKS[0]


def parse(
    text: str, entities: dict[str, tuple[str, str, str | None]], doc_date: str | None = None
) -> tuple[Doc, EntityIndex, ExtractContext]:
    """Parse ``text``; ``entities`` maps a surface form to (id, type, kind); every occurrence is a mention."""
    doc = load_base_model()(text)
    spans: list[Span] = []
    ids: dict[tuple[int, int], str] = {}
    records: dict[str, Entity] = {}
    for surface_form, (ident, etype, kind) in entities.items():
        records.setdefault(ident, Entity(id=ident, type=etype, kind=kind, name=surface_form))
        if surface_form not in records[ident].aliases:
            records[ident].aliases.append(surface_form)
        for m in re.finditer(rf"(?<!\w){re.escape(surface_form)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), label=LABEL[etype], alignment_mode="expand")
            if span is not None:
                spans.append(span)
                ids[(span.start, span.end)] = ident
    doc.ents = [
        Span(doc, s.start, s.end, label=s.label_, span_id=ids[(s.start, s.end)]) for s in filter_spans(spans)
    ]
    index = EntityIndex.from_doc(doc, records)
    ctx = ExtractContext(packs=event_packs(), document="test.txt", doc_date=doc_date, body=text)
    return doc, index, ctx
