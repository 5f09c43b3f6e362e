"""Turn one ``Extraction`` into plain table rows, independent of the database backend.

Every backend writes the same rows: this module decides sentence spans,
sentence indexes, footnote refs and normalised names; a backend only inserts
them and resolves local ids (entity/event slugs) to its own row ids.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimgraph.records import CleanText, Extraction, Marker
from claimgraph.store.sentences import split_sentences
from claimgraph.text import fold

_APOSTROPHES = re.compile(r"['’‘`ʿʾ]")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    """Lookup form of a name: no diacritics, casefolded, apostrophes dropped, punctuation as spaces.

    "Al-Qā'ida", "al Qaida" and "AL QAIDA" all become "al qaida".
    """
    plain = _APOSTROPHES.sub("", fold(name))
    return _NON_WORD.sub(" ", plain).strip()


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass
class DocumentRows:
    """The rows of one document, ready to insert; ``document`` is the documents row."""

    document: dict[str, Any]
    sentences: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    markers: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)  # + "aliases", "mentions" lists
    events: list[dict[str, Any]] = field(default_factory=list)  # + "participants", "targets" lists
    statements: list[dict[str, Any]] = field(default_factory=list)
    estimates: list[dict[str, Any]] = field(default_factory=list)


class _Sentences:
    """Sentence lookup by document offset."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.starts = [r["start"] for r in rows]

    def index(self, start: int) -> int | None:
        """Index of the sentence holding document offset ``start`` (or the last one before it)."""
        i = bisect_right(self.starts, start) - 1
        return i if i >= 0 else None

    def notes(self, idx: int | None) -> list[str]:
        return [] if idx is None else json.loads(self.rows[idx]["notes"])


def _sentence_rows(
    text: str,
    clean: CleanText | None,
    spans: Sequence[tuple[int, int]] | None,
    markers: Sequence[Marker],
) -> list[dict[str, Any]]:
    """Sentences in document coordinates; ``spans`` are body spans (document spans without ``clean``)."""
    source = clean.body if clean is not None else text
    body_spans = sorted(spans) if spans is not None else split_sentences(source)
    rows: list[dict[str, Any]] = []
    for b_start, b_end in body_spans:
        start, end = clean.to_doc(b_start, b_end) if clean is not None else (b_start, b_end)
        rows.append(
            {
                "idx": len(rows),
                "start": start,
                "end": end,
                "body_start": b_start,
                "body_end": b_end,
                "text": source[b_start:b_end],
                "notes": [],
            }
        )
    # A marker belongs to the sentence it follows: markers sit after the full stop.
    starts = [r["start"] for r in rows]
    for marker in sorted(markers, key=lambda m: m.start):
        i = bisect_right(starts, marker.start) - 1
        if i >= 0 and marker.note_id not in rows[i]["notes"]:
            rows[i]["notes"].append(marker.note_id)
    for row in rows:
        row["notes"] = to_json(row["notes"])
    return rows


def _provenance(sent: _Sentences, start: int, end: int, notes: list[str], rule: str, version: str) -> dict:
    return {
        "start": start,
        "end": end,
        "sentence": sent.index(start),
        "notes": to_json(list(notes)),
        "rule": rule,
        "extractor_version": version,
    }


def build_rows(
    extraction: Extraction,
    clean: CleanText | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> DocumentRows:
    """All rows for ``extraction``; see ``Store.write_extraction`` for the meaning of the arguments."""
    doc = extraction.document
    version = extraction.extractor_version
    notes = extraction.notes or (clean.notes if clean is not None else [])
    markers = extraction.markers or (clean.markers if clean is not None else [])
    rows = DocumentRows(
        document={
            "sha256": doc.sha256,
            "name": doc.name,
            "source_path": doc.source_path,
            "title": doc.title,
            "authors": to_json(doc.authors),
            "published": doc.published,
            "document_date": extraction.document_date,
            "reader": doc.reader,
            "media_type": doc.media_type,
            "text": doc.text,
            "body": clean.body if clean is not None else extraction.body,
            "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "extractor_version": version,
        }
    )
    rows.sentences = _sentence_rows(doc.text, clean, sentences, markers)
    sent = _Sentences(rows.sentences)
    rows.notes = [{"note_id": n.id, "text": n.text, "start": n.start, "end": n.end} for n in notes]
    rows.markers = [{"note_id": m.note_id, "start": m.start, "end": m.end} for m in markers]
    for c in extraction.citations:
        rows.citations.append(
            {
                "note_id": c.id,
                "authors": to_json(c.authors),
                **{k: getattr(c, k) for k in ("title", "publisher", "date", "url", "accessed", "ref", "raw")},
                "start": c.start,
                "end": c.end,
                "extractor_version": version,
            }
        )
    for e in extraction.entities:
        mentions = []
        for m in e.mentions:
            idx = sent.index(m.start)
            mentions.append(
                {"text": m.text, **_provenance(sent, m.start, m.end, sent.notes(idx), m.rule, version)}
            )
        rows.entities.append(
            {
                "local_id": e.id,
                "type": e.type,
                "kind": e.kind,
                "name": e.name,
                "norm": normalise(e.name),
                "pack_id": e.pack_id,
                "rule": e.rule,
                "extractor_version": version,
                "aliases": [
                    {"position": i, "alias": a, "norm": normalise(a)} for i, a in enumerate(e.aliases)
                ],
                "mentions": mentions,
            }
        )
    for ev in extraction.events:
        rows.events.append(
            {
                "local_id": ev.id,
                **{k: getattr(ev, k) for k in ("kind", "name", "date", "location", "killed", "wounded")},
                "evidence": ev.evidence,
                **_provenance(sent, ev.start, ev.end, ev.notes, ev.rule, version),
                "participants": list(ev.participants),
                "targets": list(ev.targets),
            }
        )
    for s in extraction.statements:
        rows.statements.append(
            {
                **{k: getattr(s, k) for k in ("subject", "predicate", "object", "by", "polarity")},
                **{k: getattr(s, k) for k in ("certainty", "date", "evidence")},
                **_provenance(sent, s.start, s.end, s.notes, s.rule, version),
            }
        )
    for est in extraction.estimates:
        rows.estimates.append(
            {
                **{k: getattr(est, k) for k in ("subject", "quantity", "low", "high", "as_of", "by")},
                "evidence": est.evidence,
                **_provenance(sent, est.start, est.end, est.notes, est.rule, version),
            }
        )
    return rows
