"""The knowledge base: the Python API that the CLI, the web app and scripts share.

import claimgraph
kb = claimgraph.open("reports.db")
report = kb.ingest(["reports/"])
kb.stats()
kb.search("prison raid")
kb.entity("ISIS-K")                     # one entity across documents (resolve.view.EntityView)
kb.merge("Abdul Hasib Logari", "Hasibullah Logari", reason="same emir")
kb.split("iskp", "Khorasan province")   # the records called so are not ISKP
kb.decisions()
kb.blame("Kabul University attack"); kb.conflicts(entity="ISKP"); kb.succession("ISKP")
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph import settings
from claimgraph.analyze.common import Canonical
from claimgraph.analyze.queries import AnalysisQueries
from claimgraph.exc import ClaimgraphError, ReadError
from claimgraph.packs import PackSet, load_packs
from claimgraph.resolve import decisions
from claimgraph.resolve.service import Resolution, ResolvedIds, resolve_store
from claimgraph.resolve.view import EntityView, entity_view


@dataclass
class FileResult:
    """What happened to one input file during ingest."""

    path: str
    status: str  # "added" | "unchanged" | "failed"
    reason: str | None = None
    document: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def added(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "added"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "unchanged": sum(r.status == "unchanged" for r in self.results),
            "failed": len(self.failed),
            "files": [r.__dict__ for r in self.results],
        }


class KnowledgeBase(AnalysisQueries):
    """A store plus the packs and NLP pipeline used to fill it, and the analysis queries over it.

    ``canonical`` maps (document row id, local entity id) to a knowledge-base-wide
    entity id for the analyses; by default the cross-document resolution
    (``resolve.service.ResolvedIds``), kept in step with ingests and decisions.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        packs: Iterable[str] = (),
        canonical: Canonical | None = None,
    ) -> None:
        from claimgraph.store import open_store

        self.path = str(path or settings.get("kb"))
        self.store = open_store(self.path)
        self.canonical = canonical if canonical is not None else ResolvedIds(self.store)
        self._pack_specs = tuple(packs)
        self._packs: PackSet | None = None
        self._nlp: Any = None

    # -- set-up -------------------------------------------------------------
    @property
    def packs(self) -> PackSet:
        if self._packs is None:
            self._packs = load_packs(self._pack_specs)
        return self._packs

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from claimgraph.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.packs)
        return self._nlp

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -------------------------------------------------------------
    def ingest(
        self,
        inputs: Iterable[str | Path],
        *,
        replace: bool = False,
        on_file: Callable[[FileResult], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read, extract and store every readable file; failures are reported, never raised.

        Each document is written in its own transaction, so an interrupted
        ingest leaves whole documents only, and re-running it completes it.
        A file whose content hash is already stored is left unchanged.
        """
        from claimgraph.extract.document import extract_document
        from claimgraph.ingest.read import iter_paths, read_document

        report = IngestReport()
        paths: list[Path] = []
        for spec in inputs:
            try:
                paths += iter_paths([str(spec)])
            except ReadError as e:
                report.results.append(FileResult(str(spec), "failed", e.reason))
        if on_start:
            on_start(len(paths))
        for path in paths:
            result = self._ingest_one(path, replace, read_document, extract_document)
            report.results.append(result)
            if on_file:
                on_file(result)
        if report.added:
            self.resolve()
        self._changed()
        return report

    def _ingest_one(self, path: Path, replace: bool, read: Callable, extract: Callable) -> FileResult:
        try:
            document = read(path)
        except ReadError as e:
            return FileResult(str(path), "failed", e.reason)
        if not replace and self.store.has_document(document.sha256):
            return FileResult(str(path), "unchanged", document=document.name)
        try:
            extraction = extract(document, packs=self.packs, nlp=self.nlp)
            self.store.write_extraction(
                extraction, extraction.clean, sentences=extraction.sentences or None, replace=replace
            )
        except ClaimgraphError as e:
            return FileResult(str(path), "failed", str(e), document=document.name)
        except Exception as e:
            where = traceback.extract_tb(e.__traceback__)[-1]
            reason = (
                f"internal error while extracting ({type(e).__name__}: {e} at {where.name}:{where.lineno})"
            )
            return FileResult(str(path), "failed", reason, document=document.name)
        counts = {
            "entities": len(extraction.entities),
            "events": len(extraction.events),
            "statements": len(extraction.statements),
            "estimates": len(extraction.estimates),
            "citations": len(extraction.citations),
        }
        return FileResult(str(path), "added", document=document.name, counts=counts)

    # -- queries ------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Row counts per kind of record."""
        return self.store.stats()

    def documents(self) -> list[dict[str, Any]]:
        return self.store.documents()

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over sentences, best first."""
        return self.store.search_sentences(text, limit=limit)

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Document-local entities named ``name`` (see ``entity`` for the cross-document view)."""
        return self.store.find_entities(name)

    def _changed(self) -> None:
        """Documents or decisions changed: the resolution mapping must be read again."""
        refresh = getattr(self.canonical, "refresh", None)
        if refresh is not None:
            refresh()

    # -- one knowledge base across documents -------------------------------
    def resolve(self) -> Resolution:
        """Re-cluster every document entity into knowledge-base entities (ingest does this itself)."""
        resolution = resolve_store(self.store)
        self._changed()
        return resolution

    def entity(self, name: str) -> EntityView:
        """One entity by canonical id, record key, name or alias; raises ``NotFound`` or ``Conflict``."""
        return entity_view(self.store, name)

    def merge(self, a: str, b: str, reason: str = "", *, user: str = "") -> dict[str, Any]:
        """Record that ``a`` and ``b`` are one entity; returns the stored decision."""
        result = decisions.merge(self.store, a, b, reason=reason, user=user)
        self._changed()
        return result

    def split(self, entity: str, alias: str, reason: str = "", *, user: str = "") -> dict[str, Any]:
        """Record that the records called ``alias`` (or with that record key) are not ``entity``."""
        result = decisions.split(self.store, entity, alias, reason=reason, user=user)
        self._changed()
        return result

    def undo(self, decision_id: int) -> dict[str, Any]:
        """Withdraw a merge or split decision."""
        result = decisions.undo(self.store, decision_id)
        self._changed()
        return result

    def decisions(self, *, include_deleted: bool = False) -> list[dict[str, Any]]:
        """The human merge/split decisions, oldest first."""
        return self.store.decisions(include_deleted=include_deleted)

    def dump_decisions(self, path: str | Path) -> int:
        """Write the live decisions to a JSON-lines file (to keep in git); returns how many."""
        return decisions.dump(self.store, path)

    def load_decisions(self, path: str | Path) -> int:
        """Add the decisions of a JSON-lines file not already live, and resolve; returns how many."""
        result = decisions.load(self.store, path)
        self._changed()
        return result


def open(
    path: str | Path | None = None, *, packs: Iterable[str] = (), canonical: Canonical | None = None
) -> KnowledgeBase:
    """Open (or create) a knowledge base; ``packs`` adds domain-pack folders."""
    return KnowledgeBase(path, packs=packs, canonical=canonical)
