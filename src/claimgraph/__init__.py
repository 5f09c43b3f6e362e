"""claimgraph: evidence-grounded knowledge bases of competing claims about armed groups."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
