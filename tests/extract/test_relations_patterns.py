"""Relation patterns: titles held for a place, membership "in" a body, a name closing coordinated
titles, branches placed where they are, origin, control over a place, misparsed acronym subjects."""

from __future__ import annotations

import pytest

from .helpers_statements import statements, triples

pytestmark = pytest.mark.slow


def found(text: str) -> set[tuple[str, str, str]]:
    return triples(statements(text))


def test_a_title_held_for_a_place_locates_its_holder() -> None:
    got = found("Hamid Sow, the former JNIM head for Menaka, was arrested.")
    assert ("hamid_sow", "member_of", "jnim") in got
    assert ("hamid_sow", "active_in", "menaka") in got


def test_a_title_for_a_group_places_nobody() -> None:
    got = found("Hamid Sow was the spokesman for JNIM.")
    assert not any(t[1] == "active_in" for t in got)


def test_membership_in_a_body() -> None:
    got = found("Hamid Sow is a former commander in JNIM.")
    assert ("hamid_sow", "member_of", "jnim") in got


def test_a_place_after_in_is_no_membership() -> None:
    got = found("Hamid Sow is a commander in Menaka.")
    assert not any(t[1] == "member_of" for t in got)


def test_a_name_closes_coordinated_titles() -> None:
    got = found(
        "The current leader of ISGS is a retired army officer and an ex-JNIM fighter named Hamid Sow."
    )
    assert ("hamid_sow", "leader_of", "isgs") in got
    assert ("hamid_sow", "member_of", "jnim") in got


def test_a_branch_is_where_it_was_set_up_not_its_parent() -> None:
    entities = {
        "Ayman": ("ayman", "person", "leader"),
        "AQ": ("al_qaeda", "organization", "militant_group"),
        "Mali": ("mali", "place", "country"),
        "Al-Qaeda in the Sahel": ("aqs", "organization", "militant_group"),
        "AQS": ("aqs", "organization", "militant_group"),
    }
    text = "Two years later, Ayman announced a new AQ branch in Mali, Al-Qaeda in the Sahel (AQS)."
    got = triples(statements(text, entities=entities))
    assert ("aqs", "active_in", "mali") in got
    assert ("al_qaeda", "active_in", "mali") not in got


@pytest.mark.parametrize(
    "text",
    [
        "Hamid Sow is from Algeria.",
        "Hamid Sow hails from Algeria.",
        "Sow, a JNIM commander, is from Algeria.",
    ],
)
def test_nationality_from_origin(text: str) -> None:
    assert ("hamid_sow", "nationality", "algeria") in found(text)


@pytest.mark.parametrize("text", ["Hamid Sow is from Gao.", "Hamid Sow came from Algeria to Mali."])
def test_travel_or_a_town_of_origin_is_no_nationality(text: str) -> None:
    assert not any(t[1] == "nationality" for t in found(text))


def test_denied_origin_is_a_denied_nationality() -> None:
    found_ = statements("Moussa Diallo met JNIM leaders. Many say Diallo is not from Algeria.")
    assert [s.polarity for s in found_ if s.predicate == "nationality"] == ["deny"]


@pytest.mark.parametrize(
    "text",
    [
        "By 2019 the JNIM movement had control of large parts of Mali.",
        "JNIM tightened its grip on Mali.",
        "JNIM's control over Mali grew.",
    ],
)
def test_control_over_a_place_is_activity_there(text: str) -> None:
    assert ("jnim", "active_in", "mali") in found(text)


def test_an_all_capital_auxiliary_is_a_name() -> None:
    entities = {
        "IS": ("islamic_state", "organization", "militant_group"),
        "Iraq": ("iraq", "place", "country"),
        "Syria": ("syria", "place", "country"),
    }
    text = "Back when IS still ruled cities in Iraq and Syria, few analysts expected the collapse."
    got = triples(statements(text, entities=entities))
    assert {("islamic_state", "active_in", "iraq"), ("islamic_state", "active_in", "syria")} <= got


def test_an_apposition_after_a_list_describes_the_last_member() -> None:
    got = found(
        "Three factions took part: Ansar Dine; Katiba Macina; and Al-Mourabitoun, the one based in Algeria."
    )
    assert ("al_mourabitoun", "active_in", "algeria") in got
    assert ("ansar_dine", "active_in", "algeria") not in got


def test_groups_listed_after_the_body_they_joined() -> None:
    got = found(
        "Analysts list the factions that now fight within the ranks of JNIM, such as Ansar Dine "
        "and Katiba Macina."
    )
    assert {("ansar_dine", "part_of", "jnim"), ("katiba_macina", "part_of", "jnim")} <= got


def test_recruiting_for_a_group() -> None:
    got = found("JNIM has reportedly been recruiting young fighters for ISGS in the north.")
    assert ("jnim", "allied_with", "isgs") in got or ("isgs", "allied_with", "jnim") in got
    assert ("hamid_sow", "member_of", "isgs") in found("Hamid Sow was a recruiter for ISGS.")


def test_recruiting_someone_is_no_alliance_with_him() -> None:
    assert not any(t[1] == "allied_with" for t in found("ISGS recruited Hamid Sow in 2019."))


def test_an_apposition_nested_in_an_apposition() -> None:
    got = found(
        "Police confirmed the capture of Hamid Sow—the new ISGS emir (once a JNIM commander in Gao)—on Monday."
    )
    assert ("hamid_sow", "leader_of", "isgs") in got
    assert ("hamid_sow", "member_of", "jnim") in got


def test_its_refers_back_to_an_acronym_the_parser_took_for_a_verb() -> None:
    entities = {
        "IS": ("islamic_state", "organization", "militant_group"),
        "Niger": ("niger", "place", "country"),
    }
    text = "The desert gives IS room to recover while its cells in Niger rebuild."
    assert ("islamic_state", "active_in", "niger") in triples(statements(text, entities=entities))
