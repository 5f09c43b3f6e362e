"""Estimate extraction (being written: see the extraction issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Estimate


def extract_estimates(doc: Doc, index: EntityIndex, ctx: ExtractContext) -> list[Estimate]:
    """Figures about actors' size or activity, offsets in body coordinates."""
    return []
