"""Event extraction (being written: see the extraction issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.context import ExtractContext
from claimgraph.extract.index import EntityIndex
from claimgraph.records import Event


def extract_events(doc: Doc, index: EntityIndex, ctx: ExtractContext) -> list[Event]:
    """Events of the body, offsets in body coordinates."""
    return []
