"""Coreference for actors: "the group", "its leader", "he", "it" resolve to the entity meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.extract.coref import resolve_coref
from claimgraph.extract.entities import build_entities
from claimgraph.extract.index import COREF_KEY, EntityIndex
from claimgraph.nlp.pipeline import build_pipeline
from claimgraph.packs import PackSet
from claimgraph.packs.loader import BUILTIN_DIR, Pack, load_pack, merge
from claimgraph.packs.schema import PackEntity, PackManifest

pytestmark = pytest.mark.slow

ENTITIES = [
    {"id": "jan", "type": "organization", "kind": "militant_group", "name": "Jamaat al-Nur", "aliases": ["JAN"]},
    {"id": "kabul", "type": "place", "kind": "city", "name": "Kabul"},
    {"id": "afghan_government", "type": "organization", "kind": "government", "name": "Afghan government"},
]  # fmt: skip


@pytest.fixture(scope="module")
def packs() -> PackSet:
    core = load_pack(BUILTIN_DIR / "core")
    items = [PackEntity.model_validate({**e, "pack": "t"}) for e in ENTITIES]
    return merge(
        [
            Pack(manifest=core.manifest, path=core.path, lexicons=core.lexicons),
            Pack(manifest=PackManifest(name="t"), path=Path("."), entities=items),
        ]
    )


@pytest.fixture(scope="module")
def resolve(packs):
    nlp = build_pipeline(packs)

    def _resolve(text: str) -> dict[str, str]:
        doc = nlp(text)
        entities = build_entities(doc, packs)
        spans = resolve_coref(doc, entities, packs)
        assert list(doc.spans[COREF_KEY]) == spans
        names = {e.id: e.name for e in entities.values()}
        return {f"{s.text}@{s.start_char}": names[s.id_] for s in spans}

    return _resolve


def first(found: dict[str, str], text: str) -> str | None:
    return next((v for k, v in found.items() if k.split("@")[0] == text), None)


def test_the_group_is_the_last_armed_group(resolve):
    found = resolve(
        "JAN attacked a checkpoint in Kabul on Monday. The group later claimed the attack online."
    )
    assert first(found, "The group") == "Jamaat al-Nur"


def test_the_group_skips_state_bodies(resolve):
    found = resolve("JAN fought on. The Afghan government said talks had failed. The outfit vowed revenge.")
    assert first(found, "The outfit") == "Jamaat al-Nur"


def test_he_is_the_last_person_of_the_paragraph(resolve):
    found = resolve("Police arrested Rahimullah Wardak in Kabul in May. He had run the cell for two years.")
    assert first(found, "He") == "Rahimullah Wardak"


def test_he_does_not_cross_paragraphs(resolve):
    found = resolve("Police arrested Rahimullah Wardak in Kabul in May.\n\nHe was not named in the report.")
    assert first(found, "He") is None


def test_its_leader_is_the_person_named_leader_of_that_group(resolve):
    found = resolve(
        "The leader of JAN, Rahimullah Wardak, fled to Kabul. Weeks later JAN said its leader had been captured."
    )
    assert first(found, "its leader") == "Rahimullah Wardak"
    assert first(found, "its") == "Jamaat al-Nur"


def test_it_refers_to_a_group_that_is_the_subject(resolve):
    found = resolve("JAN lost most of its fighters in 2019. It moved to Kabul soon after.")
    assert first(found, "It") == "Jamaat al-Nur"


def test_expletive_it_has_no_referent(resolve):
    found = resolve("JAN lost most of its fighters in 2019. It is likely that the cell survived.")
    assert first(found, "It") is None


def test_index_finds_coreferent_spans(packs):
    nlp = build_pipeline(packs)
    doc = nlp("JAN attacked Kabul in June. The group has since gone quiet.")
    entities = build_entities(doc, packs)
    resolve_coref(doc, entities, packs)
    index = EntityIndex.from_doc(doc, entities)
    start = doc.text.index("The group")
    assert index.entity_at(start, start + len("The group")).id == "jan"


def test_the_group_prefers_the_group_the_text_is_about(resolve):
    found = resolve(
        "JAN struck Kabul again. JAN cells moved south. Taliban commanders who rejected talks may join the group."
    )
    assert first(found, "the group") == "Jamaat al-Nur"


def test_the_group_is_not_the_body_it_belongs_to(resolve):
    found = resolve("JAN lost ground in 2019. The Military Council of the organization met in Kabul.")
    assert first(found, "the organization") == "Jamaat al-Nur"


def test_common_noun_readings_are_left_alone(resolve):
    found = resolve("JAN lost ground in 2019. The movement of fighters across the border slowed.")
    assert first(found, "The movement") is None


def test_it_is_not_resolved_across_another_subject(resolve):
    found = resolve("JAN claimed the bombing in Kabul. The attack was brazen as it happened at noon.")
    assert first(found, "it") is None
