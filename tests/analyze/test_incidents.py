"""Incidents: mentions of one happening in several reports merge; different happenings never do."""

from __future__ import annotations

from report_builder import Report, Write

import claimgraph
from claimgraph.analyze.data import Reader
from claimgraph.analyze.incidents import build_incidents

MARKET_A = "Gunmen stormed the Ardan market on 4 May 2021, killing 22 people."
MARKET_B = "The May 2021 assault on the market in Ardan left 25 dead, officials said."
MARKET_C = "A second market attack in Ardan followed in September 2021."


def test_kind_date_and_place_agreeing_merge_across_reports_and_keep_conflicting_tolls(write: Write) -> None:
    a = Report("a.txt", MARKET_A).event(
        "ardan_market_attack", "attack", "stormed the Ardan market", name="Ardan market attack",
        date="2021-05-04", location="ardan", killed=22,
    )  # fmt: skip
    b = Report("b.txt", MARKET_B).event(
        "ardan_assault", "attack", "assault on the market", name="Ardan assault", date="2021-05",
        location="ardan", killed=25,
    )  # fmt: skip
    c = Report("c.txt", MARKET_C).event(
        "second_market_attack", "attack", "second market attack", name="Ardan market attack",
        date="2021-09", location="ardan",
    )  # fmt: skip
    kb = write(a, b, c)
    incidents = kb.incidents().all()
    merged = [i for i in incidents if len(i.events) > 1]
    assert len(incidents) == 2 and len(merged) == 1
    incident = merged[0]
    assert {e.local_id for e in incident.events} == {"ardan_market_attack", "ardan_assault"}
    assert incident.date == "2021-05-04"
    tolls = {value: sorted(e.local_id for e in events) for value, events in incident.conflicts()["killed"]}
    assert tolls == {22: ["ardan_market_attack"], 25: ["ardan_assault"]}
    reasons = " ".join(str(r) for link in incident.links for r in link.reasons)
    assert "date_agrees" in reasons and "same_place" in reasons


def test_matching_names_merge_undated_mentions_but_different_places_of_one_scale_do_not(write: Write) -> None:
    a = Report("a.txt", "The Bellport bridge bombing shocked the city.").event(
        "bellport_bridge_bombing", "attack", "Bellport bridge bombing", name="Bellport bridge bombing"
    )
    b = Report("b.txt", "After the Bellport bridge bombing in 2020, patrols grew.").event(
        "bridge_bombing_2020", "attack", "Bellport bridge bombing", name="Bellport bridge bombing",
        date="2020", location="bellport",
    )  # fmt: skip
    c = Report("c.txt", "A bridge bombing in Ardan was also reported.").event(
        "ardan_bridge_bombing", "attack", "bridge bombing in Ardan", name="Bridge bombing", location="ardan"
    )
    kb = write(a, b, c)
    groups = sorted(sorted(e.local_id for e in i.events) for i in kb.incidents().all())
    assert groups == [["ardan_bridge_bombing"], ["bellport_bridge_bombing", "bridge_bombing_2020"]]


def test_dates_months_apart_and_arrests_of_different_people_stay_apart(write: Write) -> None:
    a = Report("a.txt", "Police arrested Omar Tal in Ardan in March 2020.").event(
        "arrest_of_omar_tal", "arrest", "arrested Omar Tal", name="Arrest of Omar Tal", date="2020-03",
        participants=["omar_tal"],
    )  # fmt: skip
    b = Report("b.txt", "Omar Tal was arrested again in November 2020.").event(
        "arrest_of_omar_tal", "arrest", "was arrested again", name="Arrest of Omar Tal", date="2020-11",
        participants=["omar_tal"],
    )  # fmt: skip
    c = Report("c.txt", "In March 2020 police also arrested Sami Rud.").event(
        "arrest_of_sami_rud", "arrest", "arrested Sami Rud", name="Arrest of Sami Rud", date="2020-03",
        participants=["sami_rud"],
    )  # fmt: skip
    kb = write(a, b, c)
    assert all(len(i.events) == 1 for i in kb.incidents().all())
    assert len(kb.incidents()) == 3


def test_an_injected_canonical_mapping_decides_who_the_participants_are(write: Write, tmp_path) -> None:
    a = Report("a.txt", "Police arrested Omar Tal in March 2020.").event(
        "arrest_a", "arrest", "arrested Omar Tal", name="Detention in Ardan", date="2020-03",
        participants=["omar_tal"],
    )  # fmt: skip
    b = Report("b.txt", "Sami Rud, alias of the same man, was held in March 2020.").event(
        "arrest_b", "arrest", "was held", name="Custody case", date="2020-03", participants=["sami_rud"]
    )
    kb = write(a, b)
    assert len(kb.incidents()) == 2  # different people by default: never merged
    same = {"sami_rud": "omar_tal"}

    def canonical(document: int, local: str) -> str:
        return same.get(local, local)

    index = build_incidents(Reader(kb.store), canonical, cache=False)
    assert len(index) == 1


def test_the_index_is_cached_in_the_store_and_rebuilt_when_a_report_is_added(write: Write) -> None:
    a = Report("a.txt", MARKET_A).event(
        "ardan_market_attack", "attack", "stormed the Ardan market", name="Ardan market attack",
        date="2021-05-04", location="ardan",
    )  # fmt: skip
    kb = write(a)
    first = kb.incidents()
    row = kb.store.connection.execute("SELECT stamp FROM analyze_cache WHERE name = 'incidents'").fetchone()
    assert row is not None
    assert kb.incidents() is first
    b = Report("b.txt", MARKET_B).event(
        "ardan_assault",
        "attack",
        "assault on the market",
        name="Ardan assault",
        date="2021-05",
        location="ardan",
    )
    write(b)
    again = kb.incidents()
    assert again is not first and len(again) == 1
    stamp = kb.store.connection.execute("SELECT stamp FROM analyze_cache WHERE name = 'incidents'").fetchone()
    assert stamp != row


def test_find_incidents_by_id_event_local_id_or_name_words(write: Write) -> None:
    a = Report("a.txt", MARKET_A).event(
        "ardan_market_attack",
        "attack",
        "stormed the Ardan market",
        name="Ardan market attack",
        date="2021-05-04",
    )
    b = Report("b.txt", "The Bellport bridge bombing shocked the city.").event(
        "bellport_bridge_bombing", "attack", "Bellport bridge bombing", name="Bellport bridge bombing"
    )
    kb = write(a, b)
    assert [i.id for i in kb.find_incidents("ardan_market_attack")] == ["ardan_market_attack"]
    assert [i.id for i in kb.find_incidents("bridge Bellport")] == ["bellport_bridge_bombing"]
    assert kb.find_incidents("harbour") == []


def test_a_report_added_through_another_connection_is_seen(write: Write) -> None:
    a = Report("a.txt", MARKET_A).event(
        "ardan_market_attack",
        "attack",
        "stormed the Ardan market",
        name="Ardan market attack",
        date="2021-05-04",
    )
    kb = write(a)
    assert len(kb.incidents()) == 1
    b = Report("b.txt", "The Bellport bridge bombing shocked the city.").event(
        "bellport_bridge_bombing", "attack", "Bellport bridge bombing", name="Bellport bridge bombing"
    )
    with claimgraph.open(kb.path) as other:
        other.store.write_extraction(b.extraction())
    assert len(kb.incidents()) == 2
