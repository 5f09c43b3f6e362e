"""Responsibility claims per event: every side, with its speaker and stance; contested events first."""

from __future__ import annotations

from pathlib import Path

from claimgraph.analyze.attribution import responsibility_claims
from claimgraph.records import Document, Entity, Event, Extraction, Statement
from claimgraph.store import open_store

TEXT = (
    "The Valley Front claimed the bombing of the north bridge. Officials blamed the River Brigade, "
    "which denied it. A separate raid on the depot was carried out by the Valley Front."
)


def ent(ident: str, name: str) -> Entity:
    return Entity(id=ident, type="organization", kind="militant_group", name=name, aliases=[name])


def stmt(subject: str, obj: str, by: str, polarity: str = "affirm") -> Statement:
    start = TEXT.index("The Valley")
    return Statement(
        subject, "responsible_for", obj, by=by, polarity=polarity, evidence=TEXT[:40], start=start, end=40
    )


def test_claims_grouped_by_event_with_speakers_and_denials(tmp_path: Path) -> None:
    doc = Document(text=TEXT, source_path="brief.txt", sha256="a" * 64, reader="text")
    officials = Entity(
        id="officials", type="organization", kind="government", name="Officials", aliases=["Officials"]
    )
    extraction = Extraction(
        document=doc,
        body=TEXT,
        entities=[ent("valley_front", "Valley Front"), ent("river_brigade", "River Brigade"), officials],
        events=[
            Event(id="bridge_bombing", kind="attack", name="North bridge bombing", date="2021-06"),
            Event(id="depot_raid", kind="attack", name="Depot raid"),
        ],
        statements=[
            stmt("valley_front", "bridge_bombing", "valley_front"),
            stmt("river_brigade", "bridge_bombing", "officials"),
            stmt("river_brigade", "bridge_bombing", "river_brigade", "deny"),
            stmt("valley_front", "depot_raid", "author"),
        ],
    )
    with open_store(tmp_path / "kb.db") as store:
        store.write_extraction(extraction)
        events = responsibility_claims(store)
    assert [e.event for e in events] == ["North bridge bombing", "Depot raid"]
    bridge, depot = events
    assert bridge.contested and not depot.contested
    sides = {(c.actor, c.speaker, c.polarity) for c in bridge.claims}
    assert sides == {
        ("Valley Front", "Valley Front", "affirm"),
        ("River Brigade", "Officials", "affirm"),
        ("River Brigade", "River Brigade", "deny"),
    }
    assert depot.claims[0].speaker == "the author"
