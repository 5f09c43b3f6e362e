"""The analysis queries of ``KnowledgeBase``: blame, conflicts, timeline, succession, sources, grade.

A mixin so that ``kb.py`` stays the one public API while the queries live
with the analyses.  Each query reads through one ``Reader`` and the
``canonical`` mapping of the knowledge base; the incident index is built
once per state of the knowledge base and cached in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from claimgraph.analyze.attribution import Blame, blame
from claimgraph.analyze.common import Canonical, canonical_version, local_ids
from claimgraph.analyze.contradictions import KINDS, Contradiction, find_contradictions, materialise
from claimgraph.analyze.credibility import Assessment, assess
from claimgraph.analyze.data import Reader
from claimgraph.analyze.incidents import ALGORITHM, Incident, IncidentIndex, build_incidents, find_incidents
from claimgraph.analyze.succession import Succession, succession
from claimgraph.analyze.timeline import Entry, Summary, summarise, timeline
from claimgraph.exc import NotFound
from claimgraph.store import analyze_tables
from claimgraph.store.base import Store

CONTRADICTIONS = "contradictions.v1"
TIMELINE = "timeline.v1"


class AnalysisQueries:
    """Needs ``self.store``; ``self.canonical`` maps local entity ids to canonical ids."""

    store: Store
    canonical: Canonical = staticmethod(local_ids)  # type: ignore[assignment]
    _reader: Reader | None = None
    _incidents: tuple[str, IncidentIndex] | None = None

    @property
    def _memo(self) -> dict[str, tuple[str, list[Any]]]:
        memo = self.__dict__.get("_analysis_memo")
        if memo is None:
            memo = self.__dict__["_analysis_memo"] = {}
        return memo

    @property
    def reader(self) -> Reader:
        if self._reader is None:
            self._reader = Reader(self.store)
        return self._reader

    def incidents(self) -> IncidentIndex:
        """Every incident: event mentions merged across documents (cached per knowledge-base state)."""
        stamp = self.reader.fingerprint()
        if self._incidents is None or self._incidents[0] != stamp:
            self.reader._docs = None  # documents may have changed too
            self._incidents = (stamp, build_incidents(self.reader, self.canonical))
        return self._incidents[1]

    def find_incidents(self, query: str) -> list[Incident]:
        """Incidents matching an id, an event's local id or the words of a name; best first."""
        return find_incidents(self.incidents(), query)

    def entity_ids(self, name: str) -> set[str]:
        """Canonical ids of the entities a name, alias or id refers to; raises ``NotFound``."""
        found = {self.canonical(doc, local) for doc, local in self.reader.entities_named(name)}
        if not found:
            raise NotFound(f"no entity named {name!r} in the knowledge base")
        return found

    def blame(self, incident: str, *, per_side: int | None = None) -> Blame:
        """Every actor held responsible for an incident, by whom, affirmed or denied, in the order said
        (the first ``per_side`` statements of each side when given)."""
        return blame(
            self.reader, self.incidents(), incident, self.canonical, self.grades(), per_side=per_side
        )

    def conflicts(
        self,
        entity: str | None = None,
        kinds: Iterable[str] = KINDS,
        *,
        limit: int | None = None,
        per_side: int | None = 10,
    ) -> list[Contradiction]:
        """Contradictions (responsibility, denial, estimates, alliance), optionally about one entity,
        most discussed first; ``limit`` keeps the first ones, each side showing its first ``per_side``
        statements in the order said (None: all)."""
        ids = self.entity_ids(entity) if entity else None
        wanted = set(kinds)
        found = [c for c in self._all_contradictions() if c[0] in wanted]
        if ids is not None:
            found = [c for c in found if ids.intersection(c[2])]
        chosen = [Contradiction.from_cache(c) for c in (found[:limit] if limit is not None else found)]
        return materialise(self.reader, self.canonical, chosen, per_side)

    def _all_contradictions(self) -> list[list[Any]]:
        """Every contradiction of the knowledge base in compact form."""
        return self._cached(
            "contradictions",
            CONTRADICTIONS,
            lambda: [
                c.to_cache() for c in find_contradictions(self.reader, self.incidents(), self.canonical)
            ],
        )

    def _cached(self, name: str, version: str, build: Callable[[], list[Any]]) -> list[Any]:
        """A derived result kept in memory and in the knowledge base for its current state."""
        stamp = f"{version}|{ALGORITHM}|{canonical_version(self.canonical)}|{self.reader.fingerprint()}"
        memo = self._memo.get(name)
        if memo is not None and memo[0] == stamp:
            return memo[1]
        data = analyze_tables.cached(self.store, name, stamp)
        if data is None:
            data = build()
            analyze_tables.store_cache(self.store, name, stamp, data)
        self._memo[name] = (stamp, data)
        return data

    def timeline(
        self,
        entity: str | None = None,
        kind: str | None = None,
        start: str | None = None,
        end: str | None = None,
        *,
        limit: int | None = None,
    ) -> list[Entry]:
        """Incidents (and, for an entity, dated claims about it) in date order; the first ``limit``."""
        ids = self.entity_ids(entity) if entity else None
        summaries = self._cached(
            "timeline",
            TIMELINE,
            lambda: [s.to_cache() for s in summarise(self.reader, self.incidents(), self.canonical)],
        )
        return timeline(
            self.reader,
            None,
            self.canonical,
            entity=ids,
            kind=kind,
            start=start,
            end=end,
            limit=limit,
            summaries=[Summary(*row) for row in summaries],
        )

    def succession(self, organisation: str) -> Succession:
        """The leaders of an organisation in order, with how each tenure ended."""
        ids = self.entity_ids(organisation)
        return succession(self.reader, self.incidents(), ids, self.canonical, name=organisation)

    def sources(self, claim: str) -> Assessment:
        """A claim (``subject/predicate/object`` or a statement id) with its independent sources and rating."""
        return assess(self.reader, self.incidents(), self.canonical, claim, self.grades())

    def grade(self, publisher: str, grade: str, *, user: str = "") -> dict[str, str]:
        """Record an analyst's Admiralty reliability grade (A–F) for a publisher."""
        return analyze_tables.set_grade(self.store, publisher, grade, user=user)

    def grades(self) -> dict[str, dict[str, str]]:
        """Every recorded publisher grade."""
        return analyze_tables.grades(self.store)
