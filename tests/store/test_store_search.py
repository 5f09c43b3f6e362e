"""Full-text search over stored sentences."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.exc import StoreError
from claimgraph.records import CleanText, Document, Extraction
from claimgraph.store.sqlite import SQLiteStore

Sample = Callable[..., tuple[Extraction, CleanText]]


def _plain(name: str, text: str) -> Extraction:
    doc = Document(text, f"/in/{name}", hashlib.sha256(text.encode()).hexdigest(), "txt")
    return Extraction(document=doc, body=text)


@pytest.fixture
def searchable(kb: SQLiteStore, sample: Sample) -> SQLiteStore:
    kb.write_extraction(
        _plain(
            "one.txt",
            "Raids on the border continued through the winter and the spring, according to local elders. "
            "A raid, then another raid. "
            "The market reopened in Peshāwar.",
        ),
        None,
    )
    kb.write_extraction(_plain("two.txt", "Nothing about that here. The council met twice."), None)
    kb.write_extraction(*sample())
    return kb


def test_every_word_must_match_and_stems_are_shared(searchable: SQLiteStore) -> None:
    hits = searchable.search_sentences("attack checkpoint")
    assert [h["document_name"] for h in hits] == ["field-a.pdf"]
    assert "[attacked]" in hits[0]["snippet"] and "[checkpoint]" in hits[0]["snippet"]
    assert searchable.search_sentences("attack council") == []


def test_results_are_ranked_and_carry_their_span(searchable: SQLiteStore) -> None:
    hits = searchable.search_sentences("raid")
    assert [h["text"] for h in hits] == [
        "A raid, then another raid.",
        "Raids on the border continued through the winter and the spring, according to local elders.",
    ]
    assert hits[0]["score"] > hits[1]["score"]
    doc = searchable.get_document(hits[0]["document"])
    for h in hits:
        assert doc["text"][h["start"] : h["end"]] == h["text"]
        assert h["idx"] in (0, 1)


def test_accents_case_and_operators_in_queries(searchable: SQLiteStore) -> None:
    assert [h["idx"] for h in searchable.search_sentences("PESHAWAR")] == [2]
    assert len(searchable.search_sentences('raid" (*:')) == 2  # FTS syntax characters are ignored
    assert searchable.search_sentences("raid OR council") == []  # OR is just a word here
    assert searchable.search_sentences("...") == []
    with pytest.raises(StoreError):
        searchable.search_sentences('raid" OR (', raw=True)
    assert len(searchable.search_sentences("raid OR council", raw=True)) == 3


def test_limit_and_document_filter(searchable: SQLiteStore) -> None:
    assert len(searchable.search_sentences("raid", limit=1)) == 1
    assert searchable.search_sentences("raid", limit=0) == []
    two = next(d["id"] for d in searchable.documents() if d["name"] == "two.txt")
    assert searchable.search_sentences("raid", document_id=two) == []
    assert len(searchable.search_sentences("council", document_id=two)) == 1


def test_deleted_documents_leave_the_index(searchable: SQLiteStore) -> None:
    sha = next(d["sha256"] for d in searchable.documents() if d["name"] == "one.txt")
    searchable.delete_document(sha)
    assert searchable.search_sentences("raid") == []
    conn = searchable.connection
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_user_query_is_safe(searchable: SQLiteStore, query: str) -> None:
    for hit in searchable.search_sentences(query):
        assert hit["snippet"]
