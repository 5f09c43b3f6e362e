"""claimgraph: evidence-grounded knowledge bases of competing claims about armed groups.

import claimgraph
kb = claimgraph.open("iskp.db")
kb.ingest(["reports/"])
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from claimgraph.kb import KnowledgeBase


def open(path: str | Path | None = None, *, packs: Iterable[str] = ()) -> KnowledgeBase:
    """Open (or create) the knowledge base at ``path``; ``packs`` adds domain-pack folders."""
    from claimgraph.kb import open as _open

    return _open(path, packs=packs)


__all__ = ["__version__", "open"]
