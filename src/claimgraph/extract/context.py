"""What every extraction stage receives besides the parsed document."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.packs import PackSet


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

    def bump(self, rule: str) -> None:
        """Count how often a rule fired (for --explain and debugging)."""
        self.counters[rule] = self.counters.get(rule, 0) + 1
