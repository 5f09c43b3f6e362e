"""Each entity component on short sentences: what lands in doc.ents and the side tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.nlp.components.alias_links import abbreviates
from claimgraph.nlp.components.common import ALIASES, GENERIC_KEY, LINKS, norm_key
from claimgraph.nlp.components.cues import Cues
from claimgraph.nlp.components.pack_entities import exact_case, spellings

pytestmark = pytest.mark.slow


def ents(doc):
    return {(e.text, e.label_, e.kb_id_) for e in doc.ents}


def texts(doc):
    return [e.text for e in doc.ents]


# --- pack ruler ----------------------------------------------------------------------------------


def test_short_acronyms_match_only_in_their_case(test_nlp):
    doc = test_nlp("IS fighters said this is the end of ISIS in the east.")
    found = [(e.text, e.kb_id_) for e in doc.ents if e.kb_id_ == "islamic_state"]
    assert found == [("IS", "islamic_state"), ("ISIS", "islamic_state")]


def test_long_names_match_in_any_case_and_with_other_separators(test_nlp):
    doc = test_nlp("Police blamed Lashkar e Jhangvi and the islamic state for the blast.")
    assert {e.kb_id_ for e in doc.ents} >= {"lej", "islamic_state"}


def test_possessive_does_not_stop_the_match(test_nlp):
    doc = test_nlp("LeJ's leaders met in Kabul.")
    assert ("LeJ", "ORG", "lej") in ents(doc)
    assert ("Kabul", "GPE", "kabul") in ents(doc)


def test_exact_case_rule():
    assert exact_case("IS", 4) and exact_case("TTP", 4) and exact_case("LeT", 4) and exact_case("LeJ-A", 4)
    assert (
        not exact_case("al-Qaeda", 4) and not exact_case("Islamic State", 4) and not exact_case("Taliban", 4)
    )


def test_spellings_vary_separators_and_dotted_acronyms():
    forms = spellings("Tehrik-e-Taliban")
    assert {"Tehrik-e-Taliban", "Tehrik e Taliban", "Tehrik-e Taliban", "Tehrike Taliban"} <= forms
    assert "U.S. Army" in spellings("US Army") and "US Army" in spellings("U.S. Army")


@given(st.text(alphabet="abcdeKLM-' ’", min_size=1, max_size=24).filter(lambda a: a.strip()))
def test_spellings_always_keep_the_alias_itself(alias):
    assert alias in spellings(alias)


# --- cues ------------------------------------------------------------------------------------------


def test_cues_type_names_by_their_head_or_opening_word(test_packs):
    cues = Cues(test_packs)
    assert cues.classify(["jalalabad", "prison"])[0].kind == "facility"
    assert cues.classify(["lashkar", "-", "e", "-", "taiba"])[0].type == "organization"
    group = cues.classify(["islamic", "state", "khorasan", "province"])[0]
    assert (group.type, group.kind) == ("organization", "militant_group")
    assert cues.classify(["khyber", "agency"], lambda a, b: True)[0].type == "place"
    assert (
        cues.classify(["national", "investigation", "agency"], lambda a, b: False)[0].type == "organization"
    )
    assert cues.classify(["farooqi"]) is None


# --- names with titles, kunyas --------------------------------------------------------------------


def test_title_is_stripped_from_the_name_and_kept_as_an_alias(test_nlp):
    doc = test_nlp("Mawlawi Abdul Karim Yusufzai was arrested in Kabul last week.")
    assert "Abdul Karim Yusufzai" in texts(doc)
    assert any(alias == "Mawlawi Abdul Karim Yusufzai" for *_, alias, _ in doc.user_data[ALIASES])


def test_title_before_a_single_name_stays(test_nlp):
    doc = test_nlp("The commander Mullah Dadullah was killed in 2007.")
    assert "Mullah Dadullah" in texts(doc)


def test_kunya_with_nisba_is_one_person(test_nlp):
    doc = test_nlp("Officials said Abu Hamza al-Muhajir was killed in a raid.")
    assert ("Abu Hamza al-Muhajir", "PERSON", "") in ents(doc)


def test_kunya_before_a_facility_head_is_not_a_person(test_nlp):
    doc = test_nlp("Prisoners escaped from Abu Ghraib prison in 2013.")
    assert all(e.label_ != "PERSON" for e in doc.ents)


# --- generic actors --------------------------------------------------------------------------------


def test_generic_actors_share_a_key_per_country_and_body(test_nlp):
    doc = test_nlp("Afghan officials said the attack failed. Afghan security officials later confirmed it.")
    keys = [s.kb_id_ for s in doc.spans[GENERIC_KEY]]
    assert keys == ["generic:afghanistan:officials", "generic:afghanistan:officials"]


def test_generic_actor_with_a_country_name_wins_over_the_country(test_nlp):
    doc = test_nlp("The US military carried out a drone strike in Kunar.")
    assert ("US military", "ORG", "generic:united_states:forces") in ents(doc)


def test_generic_head_used_as_a_modifier_is_no_actor(test_nlp):
    doc = test_nlp("Fighters fled Pakistani military operations in the north.")
    assert not [s for s in doc.spans[GENERIC_KEY]]


# --- NER cleaning -----------------------------------------------------------------------------------


def test_months_numbers_and_lowercase_fragments_are_not_names(test_nlp):
    doc = test_nlp("In May 2020, 24 people were killed in Kabul, according to https://example.org/report.")
    assert all(e.label_ in ("GPE",) for e in doc.ents)


def test_unit_head_makes_the_place_and_an_alias(test_nlp):
    doc = test_nlp("The group moved its fighters to Kunar province in 2016.")
    assert ("Kunar", "GPE", "kunar") in ents(doc)
    assert any(alias == "Kunar province" for *_, alias, _ in doc.user_data[ALIASES])


def test_facility_head_grows_the_name(test_nlp):
    doc = test_nlp("Hundreds of inmates escaped from Kabul prison after the assault.")
    assert ("Kabul prison", "FAC", "") in ents(doc)


def test_sectarian_adjective_is_a_community_but_other_adjectives_are_not(test_nlp):
    doc = test_nlp("Gunmen attacked Sikh worshippers while Uzbek fighters watched.")
    assert ("Sikh", "NORP", "sikhs") in ents(doc)
    assert "Uzbek" not in texts(doc)


def test_national_plurals_are_nationals_not_communities(test_nlp):
    doc = test_nlp("Two Syrians and the Hazaras were mentioned.")
    assert "Syrians" not in texts(doc)
    assert "Hazaras" in texts(doc)


# --- alias constructions ---------------------------------------------------------------------------


def test_bracketed_acronym_links_to_the_long_name(test_nlp):
    doc = test_nlp("The Jamaat Nusrat al-Islam (JNI) claimed the attack.")
    assert "JNI" in texts(doc)
    assert any(rule == "alias_links.definition" for *_, rule in doc.user_data[LINKS])


def test_long_name_missed_by_the_ner_is_found_by_its_initials(test_nlp):
    doc = test_nlp("Members of the Tehreek Nifaz Shariat Mohammadi (TNSM) surrendered.")
    assert "Tehreek Nifaz Shariat Mohammadi" in texts(doc)


def test_also_known_as_links_two_names(test_nlp):
    doc = test_nlp("Rahimullah Wardak, also known as Abu Talha Khan, was arrested.")
    assert any(rule == "alias_links.aka" for *_, rule in doc.user_data.get(LINKS, []))


def test_abbreviation_check():
    assert abbreviates("LeT", "Lashkar-e-Taiba") and abbreviates("ISKP", "Islamic State Khorasan Province")
    assert abbreviates("ANA-TF", "Afghan National Army-Territorial Force")
    assert not abbreviates("TTP", "Islamic State") and not abbreviates("US", "Kabul")


@given(
    st.lists(
        st.sampled_from(["Islamic", "State", "Khorasan", "Army", "Front", "People"]), min_size=2, max_size=5
    )
)
def test_initials_of_a_name_abbreviate_it(words):
    name = " ".join(words)
    assert abbreviates("".join(w[0] for w in words), name)


def test_norm_key_folds_case_accents_and_articles():
    assert norm_key("The Taliban") == norm_key("taliban") == "taliban"
    assert norm_key("al-Naba’") == norm_key("Al Naba") == "al naba"
    assert norm_key("Khurāsān") == "khurasan"


# --- rules that work without a gazetteer ------------------------------------------------------------


def test_title_case_heading_lines_give_no_ner_names(test_nlp):
    doc = test_nlp(
        "Recent Attacks and Tactics Involving Foreign Fighters\n\nGunmen attacked a school in Kabul."
    )
    assert texts(doc) == ["Kabul"]


def test_hyphenated_lowercase_tail_is_not_part_of_the_name(test_nlp):
    doc = test_nlp("Fighters fled into Taliban-controlled districts of Kunar.")
    assert "Taliban-controlled" not in texts(doc)


def test_a_cue_word_alone_names_nothing_unless_it_is_a_name(test_nlp):
    doc = test_nlp("The Taliban took the Gurudwara after a long fight.")
    assert "Taliban" in texts(doc)
    assert "Gurudwara" not in texts(doc)


def test_initials_count_a_capitalised_article(test_nlp):
    doc = test_nlp("He founded a branch, Al-Qaeda in the Western Sahel (AQWS), in 2016.")
    assert "Al-Qaeda in the Western Sahel" in texts(doc) and "AQWS" in texts(doc)


def test_officials_stay_apart_from_the_body_a_pack_gives_them_to(packs_with):
    from claimgraph.nlp.pipeline import build_pipeline

    packs = packs_with(
        [
            {"id": "afghan_government", "type": "organization", "kind": "government",
             "name": "Government of Afghanistan", "aliases": ["Afghan officials", "Afghan government"]},
        ]
    )  # fmt: skip
    doc = build_pipeline(packs)("Afghan officials said the Afghan government would respond.")
    found = {e.text: e.kb_id_ for e in doc.ents}
    assert found["Afghan officials"].startswith("generic:")
    assert found["Afghan government"] == "afghan_government"
