"""Leadership succession: leaders in order, how each tenure ended, disputed successions."""

from __future__ import annotations

import pytest
from report_builder import Report, Write

from claimgraph.exc import NotFound

HISTORY = (
    "The Valley Front was led first by Omar Tal, named emir in January 2015. "
    "Omar Tal was killed in an air strike on 3 June 2016. "
    "Sami Rud succeeded him. "
    "Sami Rud was arrested in Bellport in April 2019. "
    "Karim Dost took over in 2019. "
    "The Valley Front is the most active group in the valley."
)
LATER = (
    "Karim Dost has led the Valley Front since 2019, the panel said. "
    "Some commanders rejected Karim Dost as leader. "
    "They chose Yusuf Bek as their own emir instead."
)


def _history() -> Report:
    return (
        Report("history.txt", HISTORY, date="2020-01-01")
        .event("omar_tal_named_emir", "leadership_change", "named emir", name="Omar Tal named emir",
               date="2015-01", participants=["omar_tal"])
        .event("strike_killing_omar_tal", "ct_operation", "killed in an air strike",
               name="Air strike killing Omar Tal", date="2016-06-03", participants=["omar_tal"])
        .says("sami_rud", "successor_of", "omar_tal", "Sami Rud succeeded him")
        .event("arrest_of_sami_rud", "arrest", "Sami Rud was arrested", name="Arrest of Sami Rud",
               date="2019-04", location="bellport", participants=["sami_rud"])
        .event("karim_dost_takes_over", "leadership_change", "Karim Dost took over",
               name="Karim Dost takes over", date="2019", participants=["karim_dost", "valley_front"])
        .says("valley_front", "active_in", "ardan", "most active group")
    )  # fmt: skip


def test_leaders_in_order_with_how_each_tenure_ended(write: Write) -> None:
    kb = write(_history())
    result = kb.succession("Valley Front")
    order = [(t.person, t.ended) for t in result.tenures]
    assert order == [("omar_tal", "killed"), ("sami_rud", "arrested"), ("karim_dost", "no end reported")]
    omar, sami, karim = result.tenures
    assert (omar.start.date if omar.start else None, omar.end.date if omar.end else None) == (
        "2015-01",
        "2016-06-03",
    )
    assert sami.end is not None and sami.end.date == "2019-04"
    assert any("succeeded Omar Tal" in r for r in sami.reasons)
    assert karim.start is not None and karim.start.date == "2019"


def test_a_leader_without_an_end_event_is_replaced_by_the_next(write: Write) -> None:
    text = "Omar Tal led the River Brigade from 2010. In 2014 Sami Rud was named its new leader."
    r = (
        Report("a.txt", text)
        .says("omar_tal", "leader_of", "river_brigade", "Omar Tal led the River Brigade", date="2010")
        .event("sami_rud_named", "leadership_change", "Sami Rud was named", name="Sami Rud named leader",
               date="2014", participants=["sami_rud", "river_brigade"])
    )  # fmt: skip
    tenures = write(r).succession("River Brigade").tenures
    assert [(t.person, t.ended) for t in tenures] == [
        ("omar_tal", "replaced"),
        ("sami_rud", "no end reported"),
    ]
    assert tenures[0].end is not None and tenures[0].end.date == "2014"


def test_a_denied_leadership_is_disputed_and_a_rival_named_next_to_it_is_a_claimant(write: Write) -> None:
    later = (
        Report("later.txt", LATER, date="2021-03-01")
        .says("karim_dost", "leader_of", "valley_front", "has led the Valley Front", by="monitoring_panel",
              date="2019")
        .says("karim_dost", "leader_of", "valley_front", "rejected Karim Dost as leader", by="northern_wing",
              polarity="deny")
        .event("yusuf_bek_chosen", "leadership_change", "chose Yusuf Bek", name="Yusuf Bek chosen emir",
               participants=["yusuf_bek", "valley_front"])
    )  # fmt: skip
    kb = write(_history(), later)
    tenures = {t.person: t for t in kb.succession("Valley Front").tenures}
    assert tenures["karim_dost"].disputed_by == ["Northern Wing"]
    assert tenures["karim_dost"].rivals == ["Yusuf Bek"] and tenures["yusuf_bek"].rivals == ["Karim Dost"]
    order = [t.person for t in kb.succession("Valley Front").tenures]
    assert order.index("yusuf_bek") == order.index("karim_dost") + 1


def test_leadership_changes_of_other_groups_are_left_out(write: Write) -> None:
    text = "Omar Tal leads the Valley Front. In 2018 Sami Rud became head of the Hill Movement."
    r = (
        Report("a.txt", text)
        .says("omar_tal", "leader_of", "valley_front", "Omar Tal leads the Valley Front")
        .event("sami_rud_head", "leadership_change", "Sami Rud became head", name="Sami Rud becomes head",
               date="2018", participants=["sami_rud", "hill_movement"])
    )  # fmt: skip
    assert [t.person for t in write(r).succession("Valley Front").tenures] == ["omar_tal"]


def test_an_unknown_organisation_is_not_found(write: Write) -> None:
    kb = write(_history())
    with pytest.raises(NotFound):
        kb.succession("Harbour Guard")


def test_a_named_successor_ends_the_tenure_before_a_later_arrest(write: Write) -> None:
    text = (
        "Sami Rud took over the River Brigade in April 2019, succeeding Omar Tal. "
        "Omar Tal was arrested in Bellport in May 2020, long after he stepped aside."
    )
    r = (
        Report("a.txt", text)
        .says("omar_tal", "leader_of", "river_brigade", "succeeding Omar Tal", date="2018")
        .event("sami_rud_takes_over", "leadership_change", "Sami Rud took over", name="Sami Rud takes over",
               date="2019-04", participants=["sami_rud", "river_brigade"])
        .says("sami_rud", "successor_of", "omar_tal", "succeeding Omar Tal")
        .event("arrest_of_omar_tal", "arrest", "Omar Tal was arrested", name="Arrest of Omar Tal", date="2020-05",
               participants=["omar_tal"])
    )  # fmt: skip
    omar, sami = write(r).succession("River Brigade").tenures
    assert (omar.person, omar.ended, omar.end.date if omar.end else None) == (
        "omar_tal",
        "replaced",
        "2019-04",
    )
    assert [m.date for m in omar.other_endings] == ["2020-05"] and not omar.rivals and not sami.rivals


def test_a_leadership_change_before_the_founding_belongs_to_another_body(write: Write) -> None:
    text = (
        "In 2012 Yusuf Bek was named emir of the movement that later founded the Valley Front. "
        "The Valley Front was established in 2014. Omar Tal was named emir in 2015."
    )
    r = (
        Report("a.txt", text)
        .event("yusuf_bek_named", "leadership_change", "Yusuf Bek was named emir", name="Yusuf Bek named emir",
               date="2012", participants=["yusuf_bek"])
        .event("founding_of_valley_front", "founding", "The Valley Front was established",
               name="Founding of the Valley Front", date="2014", participants=["valley_front"])
        .event("omar_tal_named", "leadership_change", "Omar Tal was named emir", name="Omar Tal named emir",
               date="2015", participants=["omar_tal"])
    )  # fmt: skip
    assert [t.person for t in write(r).succession("Valley Front").tenures] == ["omar_tal"]
