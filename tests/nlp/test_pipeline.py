"""The pipeline is built from the registry and the config, cached, and leaves the base model alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.exc import InvalidConfig
from claimgraph.nlp.factories import FACTORIES
from claimgraph.nlp.model import load_base_model
from claimgraph.nlp.pipeline import build_pipeline, pipeline_config, pipeline_version

pytestmark = pytest.mark.slow

EXPECTED_FACTORIES = (
    "claimgraph_pack_entities_v1",
    "claimgraph_name_patterns_v1",
    "claimgraph_generic_actors_v1",
    "claimgraph_entity_merge_v1",
    "claimgraph_alias_links_v1",
)


@pytest.fixture(scope="module")
def packs(test_packs):
    return test_packs


def test_factories_are_registered_under_versioned_names():
    assert FACTORIES == EXPECTED_FACTORIES
    for name in EXPECTED_FACTORIES:
        assert Language.has_factory(name), name


def test_config_lists_the_components_in_order_with_their_factories():
    config = pipeline_config()
    names = config["claimgraph"]["components"]
    assert [config["components"][n]["factory"] for n in names] == list(EXPECTED_FACTORIES)


def test_pipeline_appends_components_after_the_base_model(packs):
    nlp = build_pipeline(packs)
    base = load_base_model().pipe_names
    assert nlp.pipe_names[: len(base)] == base
    assert nlp.pipe_names[len(base) :] == list(pipeline_config()["claimgraph"]["components"])
    assert "claimgraph" not in " ".join(load_base_model().pipe_names)  # the cached base stays bare


def test_pipeline_is_cached_per_pack_set(packs):
    assert build_pipeline(packs) is build_pipeline(packs)
    other = type(packs)(packs=packs.packs, entities=dict(packs.entities), lexicons=dict(packs.lexicons))
    assert build_pipeline(other) is not build_pipeline(packs)


def test_version_names_claimgraph_pipeline_and_model(packs):
    version = pipeline_version(build_pipeline(packs))
    assert version.startswith("claimgraph ") and "pipeline v1" in version and "core_web_sm" in version


def test_broken_config_is_an_invalid_config_error(tmp_path):
    bad = tmp_path / "pipeline.cfg"
    bad.write_text("[components]\n", encoding="utf-8")
    with pytest.raises(InvalidConfig):
        pipeline_config(bad)
    bad.write_text("[claimgraph\nversion = ", encoding="utf-8")
    with pytest.raises(InvalidConfig):
        pipeline_config(bad)
