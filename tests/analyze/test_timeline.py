"""Timeline: incidents in date order, filtered by entity, kind and date range; dated claims of an entity."""

from __future__ import annotations

from report_builder import Report, Write

TEXT = (
    "On 4 May 2021 gunmen stormed the Ardan market. The Valley Front claimed it. "
    "Police arrested Omar Tal in Bellport in March 2020. "
    "A bridge bombing in Bellport followed in 2019. "
    "Omar Tal has led the Valley Front since 2018."
)


def _kb(write: Write):
    r = (
        Report("a.txt", TEXT)
        .event("market_attack", "attack", "stormed the Ardan market", name="Ardan market attack",
               date="2021-05-04", location="ardan", killed=9)
        .says("valley_front", "responsible_for", "market_attack", "The Valley Front claimed it", by="valley_front")
        .event("arrest_of_omar_tal", "arrest", "arrested Omar Tal", name="Arrest of Omar Tal", date="2020-03",
               location="bellport", participants=["omar_tal"])
        .event("bridge_bombing", "attack", "bridge bombing", name="Bellport bridge bombing", date="2019",
               location="bellport")
        .says("omar_tal", "leader_of", "valley_front", "has led the Valley Front", date="2018")
    )  # fmt: skip
    return write(r)


def test_incidents_in_date_order_with_kind_and_range_filters(write: Write) -> None:
    kb = _kb(write)
    assert [e.ref for e in kb.timeline()] == ["bridge_bombing", "arrest_of_omar_tal", "market_attack"]
    assert [e.ref for e in kb.timeline(kind="attack")] == ["bridge_bombing", "market_attack"]
    assert [e.ref for e in kb.timeline(start="2020", end="2020-12")] == ["arrest_of_omar_tal"]
    market = kb.timeline(start="2021-05")[0]
    assert "Valley Front" in market.detail and "killed 9" in market.detail


def test_an_entity_timeline_adds_its_dated_claims(write: Write) -> None:
    kb = _kb(write)
    entries = kb.timeline(entity="Valley Front")
    assert [(e.date, e.kind) for e in entries] == [("2018", "leader_of"), ("2021-05-04", "attack")]
    assert [e.ref for e in kb.timeline(entity="Omar Tal")] == [
        "omar_tal/leader_of/valley_front",
        "arrest_of_omar_tal",
    ]
    assert [e.ref for e in kb.timeline(entity="Bellport")] == ["bridge_bombing", "arrest_of_omar_tal"]
