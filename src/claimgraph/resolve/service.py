"""One knowledge base across reports: document entities resolved into canonical entities.

Stable API (the analysis stage relies on it)::

    from claimgraph.resolve.service import resolve_store, canonical_of

    resolution = resolve_store(store)      # -> Resolution
    ids = canonical_of(store)              # {(document row id, local entity id): canonical id}

``resolve_store(store, *, only=None) -> Resolution``
    Loads every document entity as a ``Record`` (key ``"<document
    sha256[:12]>:<local id>"``, type, kind, name, aliases — including the
    "also known as" names the extractor attached — and pack id), the live
    human decisions, clusters them (``resolve.cluster``) and writes
    ``kb_entities`` / ``kb_members`` in one transaction.  With ``only`` (a
    list of canonical ids) just the members of those entities are
    re-clustered and rewritten, which is what ``merge``/``split`` use to
    answer at once on a large knowledge base.  Deterministic: the same
    documents and decisions give the same ids.  ``KnowledgeBase.ingest``
    calls it after adding documents.

``canonical_of(store) -> dict[tuple[int, str], str]``
    Cheap read of ``kb_members``; resolves first only when the stored
    resolution is stale (documents added or deleted since).

Canonical ids are the pack id's local part ("iskp") or a slug of the name
most records use ("afghan_officials"), with ``_2``… on a clash.  They stay
the same while an entity's membership does; durable references (decisions)
use record keys, which survive deleting and re-ingesting a document because
the hash and the extractor's local ids are deterministic.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from claimgraph.exc import StoreError
from claimgraph.resolve.cluster import Clustering, Decision, cluster, display_name
from claimgraph.resolve.matching import Record
from claimgraph.store.base import Row, Store

__all__ = [
    "Resolution",
    "canonical_of",
    "ensure_resolved",
    "live_decisions",
    "record_key",
    "records_from_rows",
    "resolve_store",
]


def record_key(sha256: str, local_id: str) -> str:
    """The stable key of a document entity: ``"<sha256[:12]>:<local id>"``."""
    return f"{sha256[:12]}:{local_id}"


@dataclass
class Resolution:
    """What one resolution run produced."""

    clustering: Clustering
    records: int  # document entities clustered
    entities: int  # knowledge-base entities written
    seconds: float
    partial: bool = False  # only some entities were re-clustered
    row_of: dict[str, int] = field(default_factory=dict)  # record key -> entities row id

    @property
    def merged(self) -> int:
        """Records that joined another record's entity."""
        return self.records - self.entities

    def to_dict(self) -> dict[str, Any]:
        rules = Counter(link.rule for link in self.clustering.links)
        return {
            "records": self.records,
            "entities": self.entities,
            "links": dict(sorted(rules.items())),
            "refused": len(self.clustering.blocked),
            "seconds": round(self.seconds, 3),
            "partial": self.partial,
        }


def records_from_rows(rows: Sequence[Row]) -> tuple[list[Record], dict[str, int]]:
    """``Store.entity_records`` rows as ``Record``s, and record key → entities row id."""
    records, row_of = [], {}
    for r in rows:
        key = record_key(r["sha256"], r["local_id"])
        if key in row_of:
            raise StoreError(f"two documents share the key prefix {key!r}; cannot resolve")
        row_of[key] = r["id"]
        aliases = tuple(dict.fromkeys([r["name"], *r["aliases"]]))
        records.append(Record(key, r["type"], r["name"], r["kind"], aliases, r["pack_id"]))
    return records, row_of


def live_decisions(store: Store) -> list[Decision]:
    return [
        Decision(d["kind"], d["a_key"], d["b_key_or_alias"], d["user"], d["reason"])
        for d in store.decisions()
    ]


def resolve_store(store: Store, *, only: Sequence[str] | None = None) -> Resolution:
    """Cluster the store's document entities and write the knowledge-base entities (see module doc)."""
    start = time.perf_counter()
    with _gc_paused():
        records, row_of = records_from_rows(store.entity_records(only))
        reserved = store.kb_entity_ids() - set(only) if only is not None else set()
        clustering = cluster(records, live_decisions(store), reserved=reserved)
        entities, members = _rows(clustering, {r.key: r for r in records}, row_of)
        store.write_resolution(entities, members, replace=only)
    return Resolution(
        clustering, len(records), len(entities), time.perf_counter() - start, only is not None, row_of
    )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hundreds of thousands of small, acyclic objects: the cycle collector only slows their making."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def ensure_resolved(store: Store) -> Resolution | None:
    """Resolve when documents were added or deleted since the last resolution."""
    return resolve_store(store) if store.resolution_stale() else None


def canonical_of(store: Store) -> dict[tuple[int, str], str]:
    """(document row id, local entity id) → canonical id of every document entity."""
    ensure_resolved(store)
    return store.canonical_of()


def _rows(
    clustering: Clustering, by_key: dict[str, Record], row_of: dict[str, int]
) -> tuple[list[Row], list[Row]]:
    entities, members = [], []
    for cid, keys in clustering.clusters.items():
        records = [by_key[k] for k in keys]
        pool = [r for r in records if r.pack_id] or records
        kinds = Counter(r.kind for r in pool if r.kind)
        packs = Counter(r.pack_id for r in records if r.pack_id)
        entities.append(
            {
                "id": cid,
                "type": Counter(r.type for r in records).most_common(1)[0][0],
                "kind": max(kinds, key=lambda k: (kinds[k], k)) if kinds else None,
                "name": display_name(records),
                "pack_id": max(packs, key=lambda p: (packs[p], p)) if packs else None,
                "records": len(keys),
                "documents": len({k.split(":", 1)[0] for k in keys}),
            }
        )
        for k in keys:
            link = clustering.joined_by.get(k)
            members.append(
                {
                    "entity": row_of[k],
                    "canonical": cid,
                    "record_key": k,
                    "rule": link.rule if link else "",
                    "evidence": link.evidence if link else "",
                    "via": (link.b if link.a == k else link.a) if link else None,
                }
            )
    return entities, members


class ResolvedIds:
    """The resolution as a ``Canonical`` mapping for the analyses: (document row, local id) → canonical id.

    Read lazily, one document at a time, so a query touching a few documents does not load the
    mapping of a whole large knowledge base.  ``refresh()`` (called by the knowledge base after
    every ingest, merge, split or undo) drops what was read.  ``version`` changes with the
    decisions and the resolution, so analysis caches keyed on it never serve a result computed
    under another resolution.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[int, dict[str, str]] = {}
        self._inverse: dict[str, set[str]] = {}
        self._version: str | None = None

    def refresh(self) -> None:
        self._docs.clear()
        self._inverse.clear()
        self._version = None

    def _ready(self) -> None:
        if self._version is None:
            ensure_resolved(self.store)
            decided = self.store.decisions(include_deleted=True)
            withdrawn = sum(1 for d in decided if d.get("deleted_at"))
            self._version = f"resolved:{len(decided)}:{withdrawn}"

    @property
    def version(self) -> str:
        self._ready()
        return self._version or ""

    def __call__(self, document: int, local_id: str) -> str:
        mapping = self._docs.get(document)
        if mapping is None:
            self._ready()
            mapping = self._docs[document] = self.store.canonical_of_document(document)
        return mapping.get(local_id, local_id)

    def locals_of(self, canonical_id: str) -> set[str]:
        """Local ids that resolve to ``canonical_id`` (to narrow queries before mapping)."""
        found = self._inverse.get(canonical_id)
        if found is None:
            self._ready()
            found = self._inverse[canonical_id] = self.store.local_ids_of(canonical_id)
        return found
