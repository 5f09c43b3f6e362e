"""Registration of the claimgraph spaCy components.

Factory names carry a version (``claimgraph_pack_entities_v1``): a change of
behaviour that alters output gets a new factory name, so a config always
builds what it was written for.  Components that read domain packs have a
``configure(packs)`` method, called by :func:`claimgraph.nlp.pipeline.build_pipeline`.
"""

from __future__ import annotations

from spacy.language import Language

from claimgraph.nlp.components.alias_links import AliasLinks
from claimgraph.nlp.components.entity_merge import EntityMerge
from claimgraph.nlp.components.generic_actors import GenericActors
from claimgraph.nlp.components.name_patterns import NamePatterns
from claimgraph.nlp.components.pack_entities import PackEntityRuler

FACTORIES: tuple[str, ...] = (
    "claimgraph_pack_entities_v1",
    "claimgraph_name_patterns_v1",
    "claimgraph_generic_actors_v1",
    "claimgraph_entity_merge_v1",
    "claimgraph_alias_links_v1",
)


@Language.factory(
    "claimgraph_pack_entities_v1",
    assigns=["doc.spans"],
    default_config={"short_max": 4},
)
def make_pack_entities(nlp: Language, name: str, short_max: int) -> PackEntityRuler:
    """Pack aliases via PhraseMatchers (exact case for aliases of ``short_max`` characters or less)."""
    return PackEntityRuler(nlp, name, short_max=short_max)


@Language.factory("claimgraph_name_patterns_v1", assigns=["doc.spans"], requires=["doc.ents"])
def make_name_patterns(nlp: Language, name: str) -> NamePatterns:
    """Titled names and kunyas."""
    return NamePatterns(nlp, name)


@Language.factory("claimgraph_generic_actors_v1", assigns=["doc.spans"], requires=["token.ent_type"])
def make_generic_actors(nlp: Language, name: str) -> GenericActors:
    """Generic state actors ("Afghan officials")."""
    return GenericActors(nlp, name)


@Language.factory("claimgraph_entity_merge_v1", assigns=["doc.ents"], requires=["doc.ents", "token.tag"])
def make_entity_merge(nlp: Language, name: str) -> EntityMerge:
    """The final ``doc.ents`` from pack, pattern, generic and filtered NER candidates."""
    return EntityMerge(nlp, name)


@Language.factory("claimgraph_alias_links_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_alias_links(nlp: Language, name: str) -> AliasLinks:
    """Acronym definitions, "also known as", "or" and slash aliases."""
    return AliasLinks(nlp, name)
