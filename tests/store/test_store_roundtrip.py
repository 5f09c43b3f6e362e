"""Writing an extraction and reading every record type back, with its provenance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimgraph.exc import NotFound
from claimgraph.records import CleanText, Extraction
from claimgraph.store.sqlite import SQLiteStore

Sample = Callable[..., tuple[Extraction, CleanText]]


def test_load_extraction_returns_what_was_written(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    assert kb.write_extraction(ext, clean) is True
    assert kb.has_document(ext.document.sha256)
    assert kb.load_extraction(ext.document.sha256) == ext
    doc_id = kb.documents()[0]["id"]
    assert kb.load_extraction(doc_id) == ext


def test_document_metadata_and_text(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    (meta,) = kb.documents()
    assert meta["name"] == "field-a.pdf"
    assert meta["authors"] == ["A. Writer", "B. Writer"]
    assert meta["document_date"] == "2021-06"
    assert meta["extractor_version"] == "test-1"
    assert "text" not in meta
    full = kb.get_document(meta["id"])
    assert full["text"] == ext.document.text
    assert full["body"] == clean.body
    assert kb.get_document(ext.document.sha256)["id"] == meta["id"]
    with pytest.raises(NotFound):
        kb.get_document("0" * 64)


def test_sentences_are_document_spans_with_their_footnotes(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    sentences = kb.sentences_of(kb.documents()[0]["id"])
    assert [s["idx"] for s in sentences] == list(range(len(sentences)))
    assert len(sentences) == 4
    for s in sentences:
        # The stored text is the clean body; its span in the document covers the same words.
        assert s["text"] == clean.body[s["body_start"] : s["body_end"]]
        assert ext.document.text[s["start"] : s["end"]].startswith(s["text"][:10])
    assert [s["notes"] for s in sentences] == [[], ["1"], ["2"], []]


def test_statements_carry_provenance_and_resolved_references(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    doc_id = kb.documents()[0]["id"]
    sentences = kb.sentences_of(doc_id)
    entities = {e["local_id"]: e["id"] for e in kb.entities(doc_id)}
    (event,) = kb.events(doc_id)
    blame, deny = kb.statements(doc_id, predicate="responsible_for")
    assert blame["subject_entity"] == entities["hill-brigade"]
    assert blame["object_event"] == event["id"] and blame["object_entity"] is None
    assert blame["by"] == "officials" and blame["by_entity"] == entities["officials"]
    assert deny["polarity"] == "deny" and deny["by_entity"] == entities["hill-brigade"]
    for row in kb.statements(doc_id):
        sentence = sentences[row["sentence"]]
        assert sentence["start"] <= row["start"] < row["end"] <= sentence["end"]
        assert row["document"] == doc_id and row["document_name"] == "field-a.pdf"
        assert row["extractor_version"] == "test-1"
        assert row["rule"].startswith("test:")
    assert blame["notes"] == ["2"] and blame["date"] == "2021-05-03"
    assert kb.get_statement(blame["id"]) == blame


def test_author_speaker_is_not_an_entity(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    active = kb.statements(predicate="active_in")[0]
    assert active["by"] == "author" and active["by_entity"] is None


def test_events_estimates_and_citations(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    doc_id = kb.documents()[0]["id"]
    entities = {e["local_id"]: e["id"] for e in kb.entities(doc_id)}
    (event,) = kb.events(kind="attack")
    assert event["location_entity"] == entities["ardan"]
    assert event["participants"] == ["valley-front", "unknown-slug"]
    assert event["targets"] == ["ardan"]
    assert event["killed"] == 4 and event["wounded"] is None
    assert event["sentence"] == 1 and event["notes"] == ["1"]
    assert kb.events(kind="arrest") == []
    assert kb.get_event(event["id"]) == event

    (estimate,) = kb.estimates(entity_id=entities["valley-front"])
    assert (estimate["low"], estimate["high"], estimate["as_of"]) == (300.0, 300.0, "2021")
    assert estimate["sentence"] == 3
    assert kb.estimates(entity_id=entities["ardan"]) == []

    cites = kb.citations(doc_id)
    assert [c["note_id"] for c in cites] == ["1", "2"]
    assert cites[0]["authors"] == ["J. Doe"] and cites[1]["ref"] == "1"
    assert kb.citations(note_id="2") == [cites[1]]
    assert kb.get_citation(cites[0]["id"]) == cites[0]
    note = kb.notes_of(doc_id)[0]
    assert ext.document.text[note["start"] : note["end"]] == note["text"]


def test_mentions_take_sentence_and_footnotes(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    hb = kb.find_entities("HB")[0]
    mentions = kb.mentions(entity_id=hb["id"])
    assert [m["text"] for m in mentions] == ["Hill Brigade", "HB"]
    assert all(m["sentence"] == 2 and m["notes"] == ["2"] for m in mentions)
    for m in mentions:
        assert ext.document.text[m["start"] : m["end"]] == m["text"]


def test_find_entities_by_name_or_alias_ignores_case_accents_and_punctuation(
    kb: SQLiteStore, sample: Sample
) -> None:
    kb.write_extraction(*sample("a"))
    kb.write_extraction(*sample("b"))
    assert [e["name"] for e in kb.find_entities("ardan")] == ["Ardān", "Ardān"]
    assert {e["document_name"] for e in kb.find_entities("VALLEY-FRONT")} == {"field-a.pdf", "field-b.pdf"}
    assert [e["local_id"] for e in kb.find_entities("hb", type="organization")] == ["hill-brigade"] * 2
    assert kb.find_entities("hb", type="place") == []
    assert kb.find_entities("Valley") == []
    assert kb.find_entities("  ") == []
    entity = kb.find_entities("Hill Brigade")[0]
    assert entity["aliases"] == ["Hill Brigade", "HB"]
    assert kb.get_entity(entity["id"]) == entity
    with pytest.raises(NotFound):
        kb.get_entity(10_000)


def test_delete_document_removes_all_its_rows(kb: SQLiteStore, sample: Sample) -> None:
    a, clean_a = sample("a")
    kb.write_extraction(a, clean_a)
    before = kb.stats()
    kb.write_extraction(*sample("b"))
    assert kb.delete_document(kb.documents()[1]["sha256"]) is True
    assert kb.stats() == before
    assert kb.delete_document("missing") is False
    assert kb.connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert kb.load_extraction(a.document.sha256) == a


def test_stats_count_rows_per_table(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    stats = kb.stats()
    assert stats["documents"] == 1
    assert stats["entities"] == len(ext.entities)
    assert stats["aliases"] == sum(len(e.aliases) for e in ext.entities)
    assert stats["mentions"] == sum(len(e.mentions) for e in ext.entities)
    assert stats["statements"] == 3 and stats["estimates"] == 1 and stats["citations"] == 2
    assert stats["event_participants"] == 2 and stats["event_targets"] == 1
    assert stats["notes"] == 2 and stats["markers"] == 2 and stats["sentences"] == 4


def test_without_clean_text_sentences_are_split_from_the_document_text(
    kb: SQLiteStore, sample: Sample
) -> None:
    ext, _ = sample()
    kb.write_extraction(ext, None)
    sentences = kb.sentences_of(kb.documents()[0]["id"])
    text = ext.document.text
    assert all(text[s["start"] : s["end"]] == s["text"] for s in sentences)
    assert any("¹" in s["text"] for s in sentences)


def test_sentences_given_by_the_nlp_stage_are_used(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    cut = clean.body.index("Officials")
    kb.write_extraction(ext, clean, sentences=[(cut, len(clean.body)), (0, cut - 1)])
    sentences = kb.sentences_of(kb.documents()[0]["id"])
    assert [s["body_start"] for s in sentences] == [0, cut]
    assert sentences[1]["text"].startswith("Officials")
    (estimate,) = kb.estimates()
    assert estimate["sentence"] == 1
