"""claimgraph.store: the knowledge base.

``open_store(url_or_path)`` returns a ``Store``; SQLite is the embedded
default.  Other stages depend only on the ``Store`` interface.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.exc import StoreError
from claimgraph.store import analyze_tables  # noqa: F401  (registers the analysis migration last)
from claimgraph.store.base import Row, Store
from claimgraph.store.sqlite import SQLiteStore

__all__ = ["Row", "SQLiteStore", "Store", "open_store"]


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating and migrating if needed) the knowledge base at a URL or path.

    ``sqlite:///relative/path``, ``sqlite:////absolute/path``, ``sqlite:///:memory:``
    or a plain file path open SQLite; ``postgresql://`` is reserved for a later backend.
    """
    target = str(url_or_path)
    scheme, sep, rest = target.partition("://")
    if not sep:
        return SQLiteStore(target)
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise StoreError(f"bad SQLite URL {target!r}: use sqlite:///path/to/kb.db")
        return SQLiteStore(rest[1:])
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        raise StoreError("PostgreSQL backend not available yet")
    raise StoreError(f"unknown knowledge-base URL scheme {scheme!r} in {target!r}")
