"""The analyses on a knowledge base built by the real pipeline from the development reports and the demo corpus.

Reads the reports only; asserts what an analyst relies on, not the exact output.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimgraph
from claimgraph.analyze.sources import SourceIndex, un_symbols
from claimgraph.demo import corpus_dir
from claimgraph.kb import KnowledgeBase

pytestmark = [pytest.mark.slow, pytest.mark.devset]


@pytest.fixture(scope="module")
def kb(dev_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    base = claimgraph.open(tmp_path_factory.mktemp("dev") / "kb.db")
    report = base.ingest([dev_docs, corpus_dir()])
    assert len(report.added) >= len(list(corpus_dir().glob("*.md"))) + 1
    yield base
    base.close()


def test_blame_on_a_contested_attack_shows_every_side_with_its_sentence(kb: KnowledgeBase) -> None:
    contested = [b for i in kb.incidents().all() if i.kind == "attack" and (b := kb.blame(i.id)).contested]
    assert contested
    for result in contested:
        assert all(st.sentence or st.evidence for side in result.sides for st in side.statements)
        assert all(side.rating is not None for side in result.sides)
    assert any(len([s for s in b.sides if s.affirmed_by]) > 1 for b in contested)


def test_incidents_merge_mentions_from_different_reports(kb: KnowledgeBase) -> None:
    merged = [i for i in kb.incidents().all() if len(i.documents) > 1]
    assert merged
    assert all(i.links for i in merged)


def test_conflicting_strength_estimates_come_with_sources_and_dates(kb: KnowledgeBase) -> None:
    found = kb.conflicts(kinds=["estimates"])
    assert found
    for c in found:
        items = [i for s in c.sides for i in s.items]
        assert len(items) >= 2 and all(i.document_name and i.said and i.date for i in items)


def test_iskp_succession_starts_with_its_first_governor_and_says_how_tenures_ended(kb: KnowledgeBase) -> None:
    tenures = kb.succession("ISKP").tenures
    assert len(tenures) >= 3
    assert tenures[0].name == "Hafiz Saeed Khan" and tenures[0].ended == "killed"
    starts = [t.first_date for t in tenures if t.first_date]
    assert starts == sorted(starts, key=lambda d: d[:4])
    assert {t.ended for t in tenures} >= {"killed", "arrested"}


def test_one_un_report_cited_by_several_reports_is_one_work(kb: KnowledgeBase) -> None:
    citations = kb.reader.citations()
    by_symbol: dict[str, list] = {}
    for c in citations:
        for symbol in un_symbols(f"{c.url or ''} {c.title or ''} {c.raw}"):
            by_symbol.setdefault(symbol, []).append(c)
    shared = {s: cs for s, cs in by_symbol.items() if len({c.document for c in cs}) > 1}
    assert shared
    index = SourceIndex(citations)
    for cs in shared.values():
        assert len({index.work(c) for c in cs}) == 1


def test_every_query_answers_in_under_a_second(kb: KnowledgeBase) -> None:
    kb.conflicts(limit=1)  # builds the derived indexes once
    kb.timeline(limit=1)
    attack = next(i.id for i in kb.incidents().all() if i.kind == "attack")
    for query in (
        lambda: kb.blame(attack),
        lambda: kb.conflicts(entity="ISKP"),
        lambda: kb.timeline(entity="ISKP", start="2020", end="2021"),
        lambda: kb.succession("ISKP"),
        lambda: kb.sources("iskp/part_of/islamic_state"),
    ):
        start = time.perf_counter()
        query()
        assert time.perf_counter() - start < 1.0
