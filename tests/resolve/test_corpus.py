"""The knowledge base built from the bundled demo notes, then the development reports on top."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import claimgraph
from claimgraph.demo import corpus_dir
from claimgraph.kb import KnowledgeBase

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    with claimgraph.open(tmp_path_factory.mktemp("corpus") / "kb.db") as kb:
        assert not kb.ingest([corpus_dir()]).failed
        yield kb


def assert_sound(kb: KnowledgeBase) -> None:
    """No entity mixes types or pack entities; every member of a larger entity says why it is there."""
    for cid in kb.store.kb_entity_ids():
        members = kb.store.kb_members(cid)
        assert len({m["type"] for m in members}) == 1, cid
        assert len({m["pack_id"] for m in members if m["pack_id"]}) <= 1, cid
        assert len(members) == 1 or all(m["rule"] and m["evidence"] for m in members), cid


def test_demo_iskp_is_one_entity_with_every_spelling(demo_kb: KnowledgeBase) -> None:
    iskp = demo_kb.entity("ISKP")
    assert iskp.documents == len(demo_kb.documents())
    for spelling in ("ISIS-K", "Wilayat Khorasan", "ISIL-K", "Islamic State Khorasan Province"):
        assert demo_kb.entity(spelling).id == iskp.id, spelling
    assert_sound(demo_kb)


def test_demo_leaders_are_one_person_each_and_namesakes_stay_apart(demo_kb: KnowledgeBase) -> None:
    assert demo_kb.entity("Aslam Faruqi").id == demo_kb.entity("Aslam Farooqi").id
    assert demo_kb.entity("Aslam Farooqi").documents >= 3
    assert demo_kb.entity("Hafeez Saeed").id == demo_kb.entity("Hafiz Saeed Khan").id
    assert demo_kb.entity("Abdul Hasib Logari").id != demo_kb.entity("Abdul Rahman al-Logari").id
    assert demo_kb.entity("Logar").type == "place"
    assert demo_kb.entity("Abdul Hasib Logari").type == "person"


def test_development_reports_join_the_same_entities(demo_kb: KnowledgeBase, dev_docs: Path) -> None:
    before = demo_kb.entity("ISKP").documents
    added = demo_kb.ingest([dev_docs]).added
    assert added
    assert demo_kb.entity("ISKP").documents > before
    assert_sound(demo_kb)
