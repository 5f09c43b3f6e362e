"""One or more short sentences per predicate and pattern of the relation rules."""

from __future__ import annotations

import pytest

from claimgraph.records import AUTHOR

from .helpers_statements import statements, triples

pytestmark = pytest.mark.slow


def has(text: str, *expected: tuple[str, str, str]) -> set[tuple[str, str, str]]:
    found = triples(statements(text))
    for triple in expected:
        assert triple in found, (triple, found)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "The leader of JNIM, Iyad Ag Ghaly, spoke in a video.",
        "JNIM emir Iyad Ag Ghaly spoke in a video.",
        "Iyad Ag Ghaly, the JNIM chief, spoke in a video.",
        "Iyad Ag Ghaly is the head of JNIM.",
        "Iyad Ag Ghaly led JNIM after 2017.",
        "JNIM, led by Iyad Ag Ghaly, grew quickly.",
    ],
)
def test_leader_of(text: str) -> None:
    has(text, ("iyad_ag_ghaly", "leader_of", "jnim"))


def test_a_title_narrowed_to_a_unit_makes_a_member_not_the_leader() -> None:
    found = has(
        "Moussa Diallo, the JNIM recruitment chief, was arrested.", ("moussa_diallo", "member_of", "jnim")
    )
    assert ("moussa_diallo", "leader_of", "jnim") not in found


def test_deputy_of() -> None:
    found = has(
        "Moussa Diallo was named deputy leader of JNIM in 2019.", ("moussa_diallo", "deputy_of", "jnim")
    )
    assert ("moussa_diallo", "leader_of", "jnim") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Moussa Diallo, a former JNIM commander, surrendered.",
        "Police arrested an ex-JNIM member named Moussa Diallo.",
        "Moussa Diallo joined JNIM in 2018.",
        "Moussa Diallo, former JNIM, was seen in Gao.",
    ],
)
def test_member_of(text: str) -> None:
    has(text, ("moussa_diallo", "member_of", "jnim"))


@pytest.mark.parametrize(
    "text",
    [
        "JNIM is a branch of al-Qaeda.",
        "JNIM, the Sahel affiliate of al-Qaeda, grew quickly.",
        "Katiba Macina and Ansar Dine are groups inside JNIM.",
    ],
)
def test_part_of(text: str) -> None:
    found = triples(statements(text))
    assert any(p == "part_of" and o in ("al_qaeda", "jnim") for _, p, o in found), found


def test_part_of_from_a_province_name() -> None:
    has(
        "Islamic State Sahel Province is the newest branch; Islamic State praised it.",
        ("issp", "part_of", "islamic_state"),
    )


def test_membership_between_groups_becomes_part_of() -> None:
    found = has("Katiba Macina joined JNIM in 2017.", ("katiba_macina", "part_of", "jnim"))
    assert ("katiba_macina", "member_of", "jnim") not in found


def test_pledged_allegiance_distributes_over_conjunctions() -> None:
    has(
        "Katiba Macina and Al-Mourabitoun pledged allegiance to al-Qaeda.",
        ("katiba_macina", "pledged_allegiance_to", "al_qaeda"),
        ("al_mourabitoun", "pledged_allegiance_to", "al_qaeda"),
    )


def test_bayah_noun() -> None:
    has(
        "Adnan Abu Walid declared his bay'ah to Islamic State in 2015.",
        ("adnan_abu_walid", "pledged_allegiance_to", "islamic_state"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Al-Mourabitoun split from JNIM in 2015.",
        "A splinter group of JNIM called Al-Mourabitoun appeared in Gao.",
    ],
)
def test_split_from(text: str) -> None:
    has(text, ("al_mourabitoun", "split_from", "jnim"))


def test_defector() -> None:
    has("Hamid Sow, a defector from JNIM, now fights for ISGS.", ("hamid_sow", "split_from", "jnim"))


@pytest.mark.parametrize(
    "text",
    [
        "Katiba Macina is a proxy of Algeria.",
        "Katiba Macina is widely seen as a front for Algeria.",
        "Malian officials accuse Algeria of using Katiba Macina as an instrument.",
    ],
)
def test_proxy_of(text: str) -> None:
    has(text, ("katiba_macina", "proxy_of", "algeria"))


@pytest.mark.parametrize("text", ["Algeria funded JNIM for years.", "JNIM was backed by Algeria."])
def test_supports_from_a_state(text: str) -> None:
    has(text, ("algeria", "supports", "jnim"))


def test_support_between_armed_groups_is_an_alliance() -> None:
    found = triples(statements("JNIM supported Ansar Dine with fighters."))
    assert ("jnim", "allied_with", "ansar_dine") in found or ("ansar_dine", "allied_with", "jnim") in found
    assert ("jnim", "supports", "ansar_dine") not in found


def test_demonym_benefactors_support() -> None:
    has("Officials say JNIM and its Algerian benefactors met in Gao.", ("algeria", "supports", "jnim"))


@pytest.mark.parametrize(
    "text",
    [
        "JNIM clashed with ISGS near Menaka.",
        "Clashes between JNIM and ISGS continued in 2020.",
        "JNIM's relations with ISGS are very poor.",
        "JNIM and ISGS fought each other in Menaka.",
    ],
)
def test_rival_of(text: str) -> None:
    found = triples(statements(text))
    assert {("jnim", "rival_of", "isgs"), ("isgs", "rival_of", "jnim")} & found, found


@pytest.mark.parametrize(
    "text",
    [
        "JNIM maintains close ties with Al-Mourabitoun.",
        "JNIM cooperated with Al-Mourabitoun in 2016.",
        "Al-Mourabitoun, a JNIM-linked group, struck Gao.",
    ],
)
def test_allied_with(text: str) -> None:
    found = triples(statements(text))
    assert {("jnim", "allied_with", "al_mourabitoun"), ("al_mourabitoun", "allied_with", "jnim")} & found, (
        found
    )


def test_symmetric_relations_once_per_pair_and_speaker() -> None:
    # both orders in one clause; across clauses the document stage keeps one per key
    found = statements("JNIM and ISGS fought each other in Menaka.")
    assert len([s for s in found if s.predicate == "rival_of"]) == 1


def test_successor_of() -> None:
    has("Koufa was replaced by Moussa Diallo in 2020.", ("moussa_diallo", "successor_of", "amadou_koufa"))
    has("Moussa Diallo succeeded Koufa as emir.", ("moussa_diallo", "successor_of", "amadou_koufa"))


@pytest.mark.parametrize(
    "text",
    [
        "ISGS's presence in Menaka grew in 2019.",
        "ISGS operates in Menaka and Gao.",
        "The Mali-based JNIM recruited widely.",
        "ISGS is located in rural parts of Menaka.",
        "Groups such as JNIM and ISGS have bases in Menaka.",
    ],
)
def test_active_in(text: str) -> None:
    found = triples(statements(text))
    assert {("isgs", "active_in", "menaka"), ("jnim", "active_in", "mali")} & found, found


def test_being_arrested_somewhere_is_no_activity_there() -> None:
    found = triples(statements("Moussa Diallo was arrested in Gao last week."))
    assert ("moussa_diallo", "active_in", "gao") not in found


def test_state_actors_are_not_active_in() -> None:
    found = triples(statements("Malian forces operate in Gao."))
    assert not [t for t in found if t[1] == "active_in"]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Moussa Diallo (a Malian national) in Gao.",
        "Moussa Diallo, an Algerian from Katiba Macina, was killed.",
        "Malian cleric Moussa Diallo preached in Mopti.",
    ],
)
def test_nationality_through_the_pack_demonyms(text: str) -> None:
    found = statements(text)
    nat = [s for s in found if s.predicate == "nationality"]
    assert len(nat) == 1 and nat[0].subject == "moussa_diallo"
    assert nat[0].object in ("mali", "algeria")


def test_nationality_creates_the_country_entity() -> None:
    from claimgraph.extract.index import EntityIndex
    from claimgraph.extract.relations import SentView, ensure_country
    from claimgraph.nlp.model import load_base_model
    from claimgraph.packs import load_packs

    doc = load_base_model()("A Nigerien national was seen.")
    index = EntityIndex.from_doc(doc, {})
    view = SentView(next(doc.sents), index, load_packs())
    ident = ensure_country(view, "niger")
    entity = index.get(ident)
    assert entity is not None and entity.type == "place" and entity.kind == "country"
    assert "Nigerien" not in entity.aliases  # adjectives are no aliases


def test_a_demonym_on_a_thing_says_nothing_about_a_person() -> None:
    found = statements("Moussa Diallo crossed Algerian territory.")
    assert not [s for s in found if s.predicate == "nationality"]


def test_relations_are_in_the_author_voice_by_default() -> None:
    found = statements("Moussa Diallo, a former JNIM commander, surrendered.")
    assert {s.by for s in found} == {AUTHOR}
    for s in found:
        assert s.rule.startswith("relations.")
        assert 0 <= s.start < s.end


def test_active_in_the_named_parts_of_a_place() -> None:
    found = triples(statements("ISGS lost ground in two districts in eastern Mali—Menaka and Gao—last year."))
    assert {("isgs", "active_in", "menaka"), ("isgs", "active_in", "gao")} <= found, found


def test_nationality_of_listed_people() -> None:
    found = triples(statements("Malian fighters including Moussa Diallo and Hamid Sow joined ISGS."))
    assert {("moussa_diallo", "nationality", "mali"), ("hamid_sow", "nationality", "mali")} <= found, found
