"""Who is put forward as responsible for each event, by whom, affirmed or denied.

This first version groups the claims of each document's events; merging the
same incident across documents is the resolution stage's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.store.base import Store


@dataclass
class Attribution:
    actor: str
    speaker: str
    polarity: str
    certainty: str
    evidence: str
    document: str
    notes: list[str] = field(default_factory=list)


@dataclass
class EventClaims:
    event: str
    kind: str
    date: str | None
    document: str
    claims: list[Attribution] = field(default_factory=list)

    @property
    def contested(self) -> bool:
        """More than one actor put forward, or a denial."""
        return len({c.actor for c in self.claims}) > 1 or any(c.polarity == "deny" for c in self.claims)


def responsibility_claims(store: Store) -> list[EventClaims]:
    """Every event with at least one responsibility statement, contested ones first."""
    names: dict[int | None, str] = {}

    def name(entity_row: int | None, local: str) -> str:
        if local == "author":
            return "the author"
        if entity_row is None:
            return local
        if entity_row not in names:
            names[entity_row] = store.get_entity(entity_row)["name"]
        return names[entity_row]

    events: dict[int, EventClaims] = {}
    for st in store.statements(predicate="responsible_for"):
        ev_row = st.get("object_event")
        if ev_row is None:
            continue
        if ev_row not in events:
            ev: dict[str, Any] = store.get_event(ev_row)
            events[ev_row] = EventClaims(
                ev.get("name") or ev["local_id"], ev["kind"], ev.get("date"), st["document_name"]
            )
        events[ev_row].claims.append(
            Attribution(
                actor=name(st.get("subject_entity"), st["subject"]),
                speaker=name(st.get("by_entity"), st["by"]),
                polarity=st["polarity"],
                certainty=st["certainty"],
                evidence=st.get("evidence") or "",
                document=st["document_name"],
                notes=list(st.get("notes") or []),
            )
        )
    return sorted(events.values(), key=lambda e: (not e.contested, e.date or "", e.event))
