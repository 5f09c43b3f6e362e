"""The analysis queries of ``KnowledgeBase``: blame, conflicts, timeline, succession, sources, grade.

A mixin so that ``kb.py`` stays the one public API while the queries live
with the analyses.  Each query reads through one ``Reader`` and the
``canonical`` mapping of the knowledge base; the incident index is built
once per state of the knowledge base and cached in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analyze.attribution import Blame, blame
from claimgraph.analyze.common import Canonical, local_ids
from claimgraph.analyze.contradictions import KINDS, Contradiction, find_contradictions
from claimgraph.analyze.credibility import Assessment, assess
from claimgraph.analyze.data import Reader
from claimgraph.analyze.incidents import Incident, IncidentIndex, build_incidents, find_incidents
from claimgraph.analyze.succession import Succession, succession
from claimgraph.analyze.timeline import Entry, timeline
from claimgraph.exc import NotFound
from claimgraph.store import analyze_tables
from claimgraph.store.base import Store


class AnalysisQueries:
    """Needs ``self.store``; ``self.canonical`` maps local entity ids to canonical ids."""

    store: Store
    canonical: Canonical = staticmethod(local_ids)  # type: ignore[assignment]
    _reader: Reader | None = None
    _incidents: tuple[str, IncidentIndex] | None = None

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

    def blame(self, incident: str) -> Blame:
        """Every actor held responsible for an incident, by whom, affirmed or denied, in the order said."""
        return blame(self.reader, self.incidents(), incident, self.canonical, self.grades())

    def conflicts(self, entity: str | None = None, kinds: Iterable[str] = KINDS) -> list[Contradiction]:
        """Contradictions (responsibility, denial, estimates, alliance), optionally about one entity."""
        ids = self.entity_ids(entity) if entity else None
        return find_contradictions(self.reader, self.incidents(), self.canonical, entity=ids, kinds=kinds)

    def timeline(
        self,
        entity: str | None = None,
        kind: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> list[Entry]:
        """Incidents (and, for an entity, dated claims about it) in date order."""
        ids = self.entity_ids(entity) if entity else None
        return timeline(
            self.reader, self.incidents(), self.canonical, entity=ids, kind=kind, start=start, end=end
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
