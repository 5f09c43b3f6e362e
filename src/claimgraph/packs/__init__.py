"""Domain packs: known entities and lexicons as validated YAML data."""

from claimgraph.packs.loader import DEFAULT_PACKS, Pack, PackSet, load_pack, load_packs, merge
from claimgraph.packs.schema import ENTITY_TYPES, KINDS, Lexicon, PackEntity, PackManifest

__all__ = [
    "DEFAULT_PACKS",
    "ENTITY_TYPES",
    "KINDS",
    "Lexicon",
    "Pack",
    "PackEntity",
    "PackManifest",
    "PackSet",
    "load_pack",
    "load_packs",
    "merge",
]
