"""Idempotent re-ingest, replace, and all-or-nothing writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph.exc import StoreError
from claimgraph.records import CleanText, Entity, Extraction, Statement
from claimgraph.store.sqlite import SQLiteStore

Sample = Callable[..., tuple[Extraction, CleanText]]
Checksum = Callable[[Path], str]


def test_rewriting_a_stored_document_changes_nothing(
    kb: SQLiteStore, kb_path: Path, sample: Sample, db_checksum: Checksum
) -> None:
    ext, clean = sample()
    assert kb.write_extraction(ext, clean) is True
    stats, digest = kb.stats(), db_checksum(kb_path)
    assert kb.write_extraction(ext, clean) is False
    # Same content hash, different extraction: still a no-op without replace.
    ext.statements = ext.statements[:1]
    assert kb.write_extraction(ext, clean) is False
    assert kb.stats() == stats
    assert db_checksum(kb_path) == digest


def test_replace_rewrites_the_document(kb: SQLiteStore, sample: Sample) -> None:
    ext, clean = sample()
    kb.write_extraction(ext, clean)
    ext.statements = ext.statements[:1]
    ext.extractor_version = "test-2"
    assert kb.write_extraction(ext, clean, replace=True) is True
    assert kb.stats()["documents"] == 1
    assert kb.stats()["statements"] == 1
    assert kb.load_extraction(ext.document.sha256) == ext


def _broken_after_rows(sample: Sample, kind: str, tag: str = "bad") -> tuple[Extraction, CleanText]:
    ext, clean = sample(tag)
    if kind == "check":  # violates a CHECK after document, sentences, entities and events are in
        ext.statements.append(Statement("valley-front", "rival_of", "hill-brigade", polarity="maybe"))
    elif kind == "unique":  # a second entity with the same local id
        ext.entities.append(Entity("ardan", "place", "Ardan again"))
    elif kind == "binding":  # a value SQLite cannot store, in the last table written
        ext.estimates[0].as_of = object()  # type: ignore[assignment]
    return ext, clean


@pytest.mark.parametrize("kind", ["check", "unique", "binding"])
def test_a_write_failing_half_way_leaves_the_store_as_it_was(
    kb: SQLiteStore, kb_path: Path, kind: str, sample: Sample, db_checksum: Checksum
) -> None:
    kb.write_extraction(*sample("a"))
    stats, digest = kb.stats(), db_checksum(kb_path)
    bad, clean = _broken_after_rows(sample, kind)
    with pytest.raises(StoreError, match="nothing stored"):
        kb.write_extraction(bad, clean)
    assert not kb.has_document(bad.document.sha256)
    assert kb.stats() == stats
    assert db_checksum(kb_path) == digest
    # The store is still usable, and the same document goes in once fixed.
    good, clean = sample("bad")
    assert kb.write_extraction(good, clean) is True


def test_failed_replace_keeps_the_old_version(
    kb: SQLiteStore, kb_path: Path, sample: Sample, db_checksum: Checksum
) -> None:
    ext, clean = sample("a")
    kb.write_extraction(ext, clean)
    digest = db_checksum(kb_path)
    bad, clean = _broken_after_rows(sample, "check", "a")
    with pytest.raises(StoreError):
        kb.write_extraction(bad, clean, replace=True)
    assert db_checksum(kb_path) == digest
    assert kb.load_extraction(ext.document.sha256) == ext


def test_readers_see_committed_data_while_a_writer_holds_the_lock(
    kb: SQLiteStore, kb_path: Path, sample: Sample
) -> None:
    kb.write_extraction(*sample("a"))
    other = SQLiteStore(kb_path, timeout=0.2)
    try:
        kb.connection.execute("BEGIN IMMEDIATE")
        kb.connection.execute("DELETE FROM statements")
        assert len(other.statements()) == 3  # WAL: the reader is not blocked and sees no uncommitted change
        with pytest.raises(StoreError, match="cannot write"):
            other.write_extraction(*sample("b"))
        kb.connection.execute("ROLLBACK")
        assert other.write_extraction(*sample("b")) is True
    finally:
        other.close()
    assert [d["name"] for d in kb.documents()] == ["field-a.pdf", "field-b.pdf"]
