"""Contradictions are computed: responsibility, denials, estimates and alliances, with their reasons."""

from __future__ import annotations

from report_builder import Report, Write

ATTACK = "On 4 May 2021 gunmen stormed the Ardan market. The Valley Front claimed it; officials blamed the Northern Wing."


def _attack(report: Report) -> Report:
    return report.event(
        "market_attack", "attack", "stormed the Ardan market", name="Ardan market attack", date="2021-05-04"
    )


def test_two_actors_held_responsible_contradict_unless_one_is_part_of_the_other(write: Write) -> None:
    r = _attack(Report("a.txt", ATTACK))
    r.says(
        "valley_front", "responsible_for", "market_attack", "The Valley Front claimed it", by="valley_front"
    )
    r.says("northern_wing", "responsible_for", "market_attack", "officials blamed the Northern Wing",
           by="interior_ministry")  # fmt: skip
    kb = write(r)
    found = kb.conflicts(kinds=["responsibility"])
    assert len(found) == 1
    c = found[0]
    assert {s.label for s in c.sides} == {"Valley Front responsible", "Northern Wing responsible"}
    assert set(c.entities) >= {"valley_front", "northern_wing"}
    nested = Report("b.txt", "The Northern Wing is a branch of the Valley Front.").says(
        "northern_wing", "part_of", "valley_front", "is a branch of"
    )
    write(nested)
    assert kb.conflicts(kinds=["responsibility"]) == []


def test_a_claim_and_its_denial_and_a_relation_asserted_and_denied(write: Write) -> None:
    text = (
        "Officials say the Valley Front supports the Hill Movement. The Hill Movement denies any such link."
    )
    r = (
        Report("a.txt", text)
        .says("valley_front", "allied_with", "hill_movement", "supports the Hill Movement", by="interior_ministry")
        .says("hill_movement", "allied_with", "valley_front", "denies any such link", by="hill_movement",
              polarity="deny")
    )  # fmt: skip
    kb = write(r)
    found = kb.conflicts(kinds=["denial"])
    assert len(found) == 1  # symmetric: one claim, asserted one way round and denied the other
    sides = {s.label: [i.speaker_name for i in s.items] for s in found[0].sides}
    assert sides == {"asserted": ["Interior Ministry"], "denied": ["Hill Movement"]}
    assert "relation asserted by Interior Ministry and denied by Hill Movement" in found[0].reasons


def test_estimates_for_one_actor_and_year_that_do_not_overlap(write: Write) -> None:
    a = Report(
        "a.txt", "In 2020 the panel put the Valley Front at 1,500 to 2,000 fighters.", date="2020-07-01"
    )
    a.estimate(
        "valley_front",
        "fighters",
        1500,
        2000,
        "1,500 to 2,000 fighters",
        as_of="2020-06",
        by="monitoring_panel",
    )
    b = Report(
        "b.txt", "The ministry said the Valley Front had about 6,000 members in 2020.", date="2020-12-01"
    )
    b.estimate("valley_front", "members", 6000, 6000, "about 6,000 members", as_of="2020")
    c = Report(
        "c.txt", "A think tank counted roughly 1,900 Valley Front fighters in 2020.", date="2021-01-01"
    )
    c.estimate("valley_front", "fighters", 1900, 1900, "roughly 1,900", as_of="2020")
    d = Report("d.txt", "By 2022 the Valley Front had grown to 6,000 fighters.", date="2022-05-01")
    d.estimate("valley_front", "fighters", 6000, 6000, "6,000 fighters", as_of="2022")
    kb = write(a, b, c, d)
    found = kb.conflicts(entity="Valley Front", kinds=["estimates"])
    assert len(found) == 1
    c0 = found[0]
    assert c0.title == "strength of Valley Front in 2020"
    assert sorted(s.label for s in c0.sides) == ["1,500–2,000", "1,900", "6,000"]
    figures = {i.text: (i.speaker_name, i.date, i.said, i.document_name) for s in c0.sides for i in s.items}
    assert figures["1,500–2,000 fighters"] == (
        "United Nations Monitoring Panel",
        "2020-06",
        "2020-07-01",
        "a.txt",
    )
    assert any("fighters and members compared as strength" in r for r in c0.reasons)
    assert not any("1,500–2,000 fighters (2020-06) does not overlap 1,900" in r for r in c0.reasons)


def test_two_figures_of_one_sentence_by_one_speaker_are_no_contradiction(write: Write) -> None:
    text = "The group fell from 3,000 fighters early in 2019 to 500 fighters at the end of 2019."
    r = Report("a.txt", text)
    r.estimate("valley_front", "fighters", 3000, 3000, "3,000 fighters", as_of="2019")
    r.estimate("valley_front", "fighters", 500, 500, "500 fighters", as_of="2019")
    assert write(r).conflicts(kinds=["estimates"]) == []


def test_allies_and_rivals_in_the_same_period_are_contested(write: Write) -> None:
    text = (
        "In 2019 the Valley Front and the Hill Movement fought each other. "
        "In 2019 the two groups also ran joint operations. In 2015 they were allies."
    )
    r = (
        Report("a.txt", text)
        .says("valley_front", "rival_of", "hill_movement", "fought each other", date="2019")
        .says("hill_movement", "allied_with", "valley_front", "ran joint operations", date="2019")
    )
    kb = write(r)
    found = kb.conflicts(kinds=["alliance"])
    assert len(found) == 1 and found[0].reasons == ["said to be allied and rivals in 2019"]
    assert {s.label for s in found[0].sides} == {"allied", "rivals"}


def test_allies_and_rivals_in_different_years_are_a_change_not_a_contradiction(write: Write) -> None:
    text = "In 2015 they were allies. By 2019 the Valley Front and the Hill Movement fought each other."
    r = (
        Report("a.txt", text)
        .says("valley_front", "allied_with", "hill_movement", "they were allies", date="2015")
        .says("valley_front", "rival_of", "hill_movement", "fought each other", date="2019")
    )
    assert write(r).conflicts(kinds=["alliance"]) == []


def test_entity_filter_keeps_only_conflicts_about_it(write: Write) -> None:
    text = "Officials say the Valley Front supports the Hill Movement. The Hill Movement denies it."
    r = (
        Report("a.txt", text)
        .says(
            "valley_front", "supports", "hill_movement", "supports the Hill Movement", by="interior_ministry"
        )
        .says("valley_front", "supports", "hill_movement", "denies it", by="hill_movement", polarity="deny")
    )
    kb = write(r)
    assert len(kb.conflicts(entity="Hill Movement")) == 1
    write(
        Report("b.txt", "Omar Tal leads the River Brigade.").says(
            "omar_tal", "leader_of", "river_brigade", "leads"
        )
    )
    assert kb.conflicts(entity="River Brigade") == []
