"""Event extraction on short sentences: kinds, arguments, generic mentions, collapsing, names."""

from __future__ import annotations

import pytest

from claimgraph.extract.events import extract_events, segments
from claimgraph.records import Event

from .helpers_events import parse

pytestmark = pytest.mark.slow

ENTS = {
    "JNIM": ("jnim", "organization", "militant_group"),
    "ISGS": ("isgs", "organization", "militant_group"),
    "Malian forces": ("malian_forces", "organization", "military"),
    "Malian soldiers": ("malian_forces", "organization", "military"),
    "French": ("france", "place", "country"),
    "Mopti": ("mopti", "place", "city"),
    "Gao": ("gao", "place", "city"),
    "Menaka": ("menaka", "place", "city"),
    "Mali": ("mali", "place", "country"),
    "the Grand Mosque": ("grand_mosque", "place", "facility"),
    "Grand Mosque": ("grand_mosque", "place", "facility"),
    "Amadou Diallo": ("amadou_diallo", "person", "militant"),
    "Diallo": ("amadou_diallo", "person", "militant"),
    "Abu Salim": ("abu_salim", "person", "leader"),
    "Fulani": ("fulani", "community", "ethnic"),
}


def events(text: str, doc_date: str | None = "2021-07-20") -> list[Event]:
    doc, index, ctx = parse(text, ENTS, doc_date)
    return extract_events(doc, index, ctx)


def test_attack_with_date_place_casualties_and_target() -> None:
    (ev,) = events(
        "JNIM carried out a suicide bombing at the Grand Mosque in Mopti on 4 June 2019 killing 17 people."
    )
    assert ev.kind == "attack"
    assert ev.date == "2019-06-04"
    assert ev.location == "grand_mosque"  # the facility is more specific than the city
    assert ev.killed == 17
    assert "grand_mosque" in ev.targets
    assert "jnim" not in ev.participants  # who did it is a statement, not a participant
    assert ev.id.endswith("_2019")
    assert ev.rule.startswith("events.")


def test_bounds_and_word_numbers_in_casualties() -> None:
    (ev,) = events(
        "Gunmen attacked a market in Gao on 2 May 2020, leaving at least nine dead and 14 wounded."
    )
    assert (ev.killed, ev.wounded) == (9, 14)
    assert ev.location == "gao"


def test_who_acts_decides_attack_or_operation() -> None:
    (state,) = events("Malian soldiers raided a JNIM camp near Gao on 5 May 2021.")
    (militant,) = events("JNIM militants raided a police post near Gao on 5 May 2021.")
    assert state.kind == "ct_operation" and "malian_forces" in state.participants
    assert militant.kind == "attack"


def test_a_drone_strike_that_kills_a_leader() -> None:
    (ev,) = events("Abu Salim was killed in a French drone strike near Menaka in August 2020.")
    assert ev.kind == "ct_operation"
    assert ev.date == "2020-08"
    assert "abu_salim" in ev.participants
    assert "Abu Salim" in (ev.name or "")


def test_arrest_named_after_the_person_and_dated_by_the_document() -> None:
    (ev,) = events("In May, Amadou Diallo was arrested by Malian forces in Mopti.", doc_date="2021-07-20")
    assert ev.kind == "arrest"
    assert ev.date == "2021-05"
    assert ev.name == "Arrest of Amadou Diallo"
    assert set(ev.participants) >= {"amadou_diallo", "malian_forces"}


def test_arrest_and_surrender_of_one_person_are_one_event() -> None:
    text = (
        "Amadou Diallo was arrested by Malian forces in April 2020. "
        "After the arrest, JNIM said that Diallo had surrendered to Malian forces."
    )
    (ev,) = events(text)
    assert ev.kind == "arrest"
    assert ev.date == "2020-04"


def test_later_mentions_collapse_into_the_first() -> None:
    text = (
        "Gunmen attacked the Grand Mosque in Mopti on 2 May 2019. "
        "The attack was condemned across Mali. "
        "Weeks after the Grand Mosque attack, the army moved north."
    )
    found = events(text)
    assert len(found) == 1
    assert found[0].date == "2019-05-02"


@pytest.mark.parametrize(
    "text",
    [
        "JNIM carried out over 90 attacks in 2018.",
        "Militants often attack convoys on the road to Gao.",
        "JNIM may attack the capital next year.",
        "The group clashed several times with ISGS in Menaka.",
        "The government plans a new offensive.",
        "Four fighters were arrested in 2019.",
        "The attack was widely condemned.",
    ],
)
def test_generic_or_unidentified_mentions_are_not_events(text: str) -> None:
    assert events(text) == []


def test_clash_between_armed_groups() -> None:
    (ev,) = events("In March 2020 JNIM fighters clashed with ISGS militants near Menaka.")
    assert ev.kind == "clash"
    assert set(ev.participants) >= {"jnim", "isgs"}
    assert ev.location == "menaka"


def test_founding_needs_the_group_and_a_date() -> None:
    (ev,) = events("In March 2017, its leaders announced the establishment of JNIM in Mali.")
    assert ev.kind == "founding"
    assert ev.date == "2017-03"
    assert ev.participants == ["jnim"]
    assert events("JNIM was created by several factions.") == []


def test_leadership_change_needs_a_leader_role() -> None:
    (ev,) = events("In 2019 the shura of JNIM appointed Abu Salim as its new emir.")
    assert ev.kind == "leadership_change"
    assert "abu_salim" in ev.participants
    assert ev.date == "2019"
    assert events("In 2019 JNIM appointed Abu Salim as its envoy to the north.") == []


def test_well_known_shorthand_events() -> None:
    (ev,) = events("Foreign fighters became a policy concern after 9/11.")
    assert (ev.kind, ev.date) == ("attack", "2001-09-11")


def test_community_targets_of_an_attack() -> None:
    (ev,) = events("On 23 March 2019 gunmen attacked a Fulani village near Mopti, killing 160 people.")
    assert "fulani" in ev.targets
    assert ev.killed == 160


def test_a_heading_glued_to_its_paragraph_is_cut_off() -> None:
    text = "Recent Attacks in the North\n\nJNIM carried out an attack on the Grand Mosque in Mopti on 4 June 2019."
    (ev,) = events(text)
    assert ev.date == "2019-06-04"
    doc, _, _ = parse(text, ENTS)
    assert [s.text.strip() for s in segments(doc)][-1].startswith("JNIM carried out")


def test_a_page_break_after_a_function_word_does_not_cut() -> None:
    doc, _, _ = parse("Militants fought with the\n\nJNIM near Gao in 2019.", ENTS)
    assert len(list(segments(doc))) == 1


def test_the_object_of_detonate_is_the_weapon_not_the_target() -> None:
    (ev,) = events("On 26 August 2021 a suicide bomber detonated an explosive vest at the Grand Mosque.")
    assert ev.location == "grand_mosque"
    assert "vest" not in (ev.name or "").lower()


def test_one_groups_offensive_against_another_is_a_clash() -> None:
    (ev,) = events("In 2018 a JNIM offensive in Menaka broke the northern enclave of ISGS.")
    assert ev.kind == "clash"


def test_a_habit_is_not_an_event() -> None:
    assert events("JNIM has a long record of attacking Fulani villages around Mopti.") == []


def test_a_coordinated_phrase_does_not_lend_its_date() -> None:
    found = events("ISGS claimed both the Gao market attack and the May 2020 Mopti bombing.")
    dates = {e.name: e.date for e in found}
    assert dates.get("Mopti bombing") == "2020-05"
    assert all(d is None for name, d in dates.items() if "Gao" in name)


def test_fighting_for_a_group_is_not_a_clash() -> None:
    assert events("In 2014 many JNIM recruits fought for ISGS in Menaka.") == []
    (ev,) = events("In 2014 JNIM fought against ISGS in Menaka.")
    assert ev.kind == "clash" and set(ev.participants) >= {"jnim", "isgs"}


def test_becoming_leader_and_descriptions_of_other_people() -> None:
    (ev,) = events("In 2016 Abu Salim became the emir of JNIM.")
    assert ev.kind == "leadership_change" and ev.participants[0] == "abu_salim"
    assert events("In 2016 Amadou Diallo became an adviser to Abu Salim, the eventual leader of JNIM.") == []


def test_new_attack_and_arrest_verbs() -> None:
    (ev,) = events("On 12 May 2020 gunmen stormed the Grand Mosque in Mopti.")
    assert (ev.kind, ev.location) == ("attack", "grand_mosque")
    (ev,) = events("Amadou Diallo was taken into custody in Gao in June 2019.")
    assert ev.kind == "arrest" and "amadou_diallo" in ev.participants
