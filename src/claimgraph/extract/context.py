"""What every extraction stage receives besides the parsed document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc

from claimgraph.extract.dates import DateMention, find_dates
from claimgraph.packs import PackSet

T = TypeVar("T")
_PER_PACKS: dict[tuple[int, Callable[[PackSet], Any]], tuple[PackSet, Any]] = {}


def per_packs(packs: PackSet, build: Callable[[PackSet], T]) -> T:
    """``build(packs)``, made once per pack set: lookup tables derived from its lexicons."""
    key = (id(packs), build)
    hit = _PER_PACKS.get(key)
    if hit is None or hit[0] is not packs:  # an id can be reused once a pack set is gone
        hit = (packs, build(packs))
        _PER_PACKS[key] = hit
    return hit[1]


@dataclass
class ExtractContext:
    """Per-document context shared by the extraction stages.

    Offsets inside extraction are **body** offsets (into ``CleanText.body``,
    which is the text the spaCy Doc was made from); the orchestrator maps
    them to document offsets at the end.
    """

    packs: PackSet
    document: str = ""  # file name
    doc_date: str | None = None  # ISO partial date of the document itself
    body: str = ""
    explain: bool = False
    counters: dict[str, int] = field(default_factory=dict)
    _dates: list[DateMention] | None = field(default=None, repr=False)

    def dates(self, doc: Doc) -> list[DateMention]:
        """Every date of the body, found once per document (``Doc.text`` is rebuilt on each access)."""
        if self._dates is None:
            self._dates = find_dates(self.body or doc.text, self.doc_date)
        return self._dates

    def bump(self, rule: str) -> None:
        """Count how often a rule fired (for --explain and debugging)."""
        self.counters[rule] = self.counters.get(rule, 0) + 1
