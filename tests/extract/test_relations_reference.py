"""Relation arguments found through reference: raised subjects, misattached appositions,
companions of a subject, counted anaphora ("the two groups"), reciprocal verbs, pronouns."""

from __future__ import annotations

import pytest

from .helpers_statements import statements, triples

pytestmark = pytest.mark.slow


def found(text: str) -> set[tuple[str, str, str]]:
    return triples(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "JNIM is understood to be camped in remote areas of Menaka.",
        "JNIM is believed to be based in Menaka.",
        "Diallo was said to be running training camps in Menaka.",
    ],
)
def test_a_raised_passive_subject_is_the_one_located(text: str) -> None:
    got = found(text)
    assert any(t[1:] == ("active_in", "menaka") and t[0] in ("jnim", "moussa_diallo") for t in got), got


def test_raising_never_locates_the_sayer() -> None:
    got = found("JNIM was said by the Defence Ministry to be based in Menaka.")
    assert ("defence_ministry", "active_in", "menaka") not in got


def test_people_listed_after_a_long_noun_phrase_are_its_apposition() -> None:
    got = found(
        "Two ex-JNIM commanders born to herding families near Mopti, Hamid Sow and Moussa Diallo, "
        "later went to fight for ISGS in Menaka."
    )
    for person in ("hamid_sow", "moussa_diallo"):
        assert (person, "member_of", "jnim") in got
        assert (person, "member_of", "isgs") in got
    assert ("jnim", "active_in", "menaka") not in got


def test_a_trailing_list_of_places_is_no_apposition_of_people() -> None:
    got = found("Two JNIM commanders arrived from the north, Gao and Timbuktu.")
    assert not any(t[1] == "member_of" and t[0] in ("gao", "timbuktu") for t in got)


@pytest.mark.parametrize("prep", ["alongside", "along with", "together with"])
def test_companions_of_a_subject_share_its_predicate(prep: str) -> None:
    got = found(f"These outfits, {prep} ISGS, had built bases in Menaka.")
    assert ("isgs", "active_in", "menaka") in got


def test_with_alone_is_no_companion() -> None:
    got = found("JNIM with its heavy weapons had built bases in Menaka.")
    assert ("jnim", "active_in", "menaka") in got


def test_the_two_countries_refer_to_the_pair_named_earlier_in_the_sentence() -> None:
    got = found(
        "Although Mali and Algeria both condemn JNIM, ISGS charges the two countries with quietly "
        "supporting Ansar Dine."
    )
    assert ("mali", "supports", "ansar_dine") in got
    assert ("algeria", "supports", "ansar_dine") in got


def test_the_two_groups_refer_to_the_pair_of_the_previous_sentence() -> None:
    got = found("JNIM tried to keep good relations with ISGS. Later, the two groups clashed in Gao.")
    assert ("jnim", "rival_of", "isgs") in got or ("isgs", "rival_of", "jnim") in got
    assert {("jnim", "active_in", "gao"), ("isgs", "active_in", "gao")} <= got


def test_a_count_that_does_not_match_resolves_nothing() -> None:
    got = found("JNIM, ISGS and Ansar Dine met in Gao. Later, the two groups clashed in Menaka.")
    assert not any(t[1:] == ("active_in", "menaka") for t in got)


def test_an_indefinite_count_is_no_anaphor() -> None:
    got = found("JNIM tried to keep good relations with ISGS. Two groups clashed in Menaka.")
    assert not any(t[1:] == ("active_in", "menaka") for t in got)


def test_they_after_a_counted_noun_phrase() -> None:
    got = found(
        "JNIM tried to keep good relations with ISGS. Because of the rivalry of the two groups, they "
        "began to fight each other in Menaka."
    )
    assert ("isgs", "active_in", "menaka") in got


def test_reciprocal_verbs_relate_the_parties_of_a_plural_subject() -> None:
    got = found("JNIM and ISGS clashed in Menaka.")
    assert ("jnim", "rival_of", "isgs") in got or ("isgs", "rival_of", "jnim") in got


def test_fighting_for_a_group_is_no_rivalry_between_the_fighters() -> None:
    got = found("Hamid Sow and Moussa Diallo went to fight for JNIM.")
    assert not any(t[1] == "rival_of" for t in got)
    assert ("hamid_sow", "member_of", "jnim") in got


def test_an_adverb_before_a_place_phrase_lists_nothing() -> None:
    got = found("The militants attacked often, especially in Gao, and JNIM fighters clashed with ISGS.")
    assert ("jnim", "rival_of", "isgs") in got or ("isgs", "rival_of", "jnim") in got
    assert not any(t[0] == "gao" for t in got)


def test_his_successor_is_never_the_appointee_himself() -> None:
    got = found(
        "Their commander, Hamid Sow, was killed in Gao. Once Sow was dead, Moussa Diallo, another Malian, "
        "was chosen as his successor."
    )
    assert ("moussa_diallo", "successor_of", "hamid_sow") in got


def test_an_apposition_to_a_subject_is_remembered_for_he() -> None:
    got = found("Their commander, Hamid Sow, was wounded in Gao. He later joined ISGS.")
    assert ("hamid_sow", "member_of", "isgs") in got
