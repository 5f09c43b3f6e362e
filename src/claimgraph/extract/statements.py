"""Statement extraction (being written: see the extraction issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Event, Statement


def extract_statements(
    doc: Doc, index: EntityIndex, events: list[Event], ctx: ExtractContext
) -> list[Statement]:
    """Who says what about whom, offsets in body coordinates."""
    return []
