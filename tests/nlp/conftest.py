"""Fixtures for the NLP tests: the built-in core lexicons plus a few entities written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.packs import PackSet
from claimgraph.packs.loader import BUILTIN_DIR, Pack, load_pack, merge
from claimgraph.packs.schema import PackEntity, PackManifest

ENTITIES: list[dict] = [
    {"id": "islamic_state", "type": "organization", "kind": "militant_group", "name": "Islamic State",
     "aliases": ["IS", "ISIS"]},
    {"id": "lej", "type": "organization", "kind": "militant_group", "name": "Lashkar-e-Jhangvi", "aliases": ["LeJ"]},
    {"id": "afghanistan", "type": "place", "kind": "country", "name": "Afghanistan", "demonyms": ["Afghan"]},
    {"id": "pakistan", "type": "place", "kind": "country", "name": "Pakistan", "demonyms": ["Pakistani"]},
    {"id": "united_states", "type": "place", "kind": "country", "name": "United States",
     "aliases": ["US", "U.S."], "demonyms": ["American"]},
    {"id": "syria", "type": "place", "kind": "country", "name": "Syria", "demonyms": ["Syrian"]},
    {"id": "kabul", "type": "place", "kind": "city", "name": "Kabul", "within": "afghanistan"},
    {"id": "kunar", "type": "place", "kind": "province", "name": "Kunar", "within": "afghanistan"},
    {"id": "sikhs", "type": "community", "kind": "religious", "name": "Sikhs", "aliases": ["Sikh"]},
    {"id": "hazaras", "type": "community", "kind": "ethnic", "name": "Hazaras", "aliases": ["Hazara"]},
]  # fmt: skip


def make_packs(entities: list[dict] | None = None) -> PackSet:
    """Core lexicons (no core entities) + the given entities (default: ``ENTITIES``)."""
    core = load_pack(BUILTIN_DIR / "core")
    lexicons_only = Pack(manifest=core.manifest, path=core.path, lexicons=core.lexicons)
    manifest = PackManifest(name="testpack")
    items = [
        PackEntity.model_validate({**e, "pack": "testpack"})
        for e in (ENTITIES if entities is None else entities)
    ]
    return merge([lexicons_only, Pack(manifest=manifest, path=Path("."), entities=items)])


@pytest.fixture(scope="session")
def test_packs() -> PackSet:
    return make_packs()


@pytest.fixture(scope="session")
def test_nlp(test_packs):
    from claimgraph.nlp.pipeline import build_pipeline

    return build_pipeline(test_packs)


@pytest.fixture(scope="session")
def packs_with():
    """``packs_with(extra_entities)``: the test entities plus more, with the core lexicons."""
    return lambda extra: make_packs([*ENTITIES, *extra])
