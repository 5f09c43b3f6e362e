"""The built-in packs (core + khorasan): they load, their aliases are unambiguous, places are
located, and the distinctions the annotation guide relies on hold (branch vs parent, ethnic
group vs country adjective, one person per transliteration)."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from claimgraph.packs import KINDS, PackEntity, load_pack, load_packs
from claimgraph.packs.loader import BUILTIN_DIR

# Aliases that may name two entities, with the reason. Keep this short: an ambiguous alias
# makes the entity ruler pick one owner silently.
ALIAS_WHITELIST: dict[str, str] = {}
# Demonyms shared by two countries.
DEMONYM_WHITELIST: dict[str, str] = {
    "congolese": "adjective of both the Republic of the Congo and the DR Congo",
}
# How far (km) a place may lie from the reference point of the place that contains it.
MAX_KM = {
    "country": 3600,
    "region": 5000,
    "province": 1000,
    "district": 80,
    "city": 60,
    "village": 30,
    "facility": 10,
}


def norm(s: str) -> str:
    """Case, diacritic, apostrophe and punctuation-blind form (as the scorer compares names)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[’'`ʼ‘]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def km(a: PackEntity, b: PackEntity) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def entities() -> dict[str, PackEntity]:
    return load_packs().entities


@pytest.fixture(scope="module")
def by_alias(entities: dict[str, PackEntity]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        for alias in e.aliases:
            index[norm(alias)].add(e.id)
    return index


def owner(by_alias: dict[str, set[str]], alias: str) -> str:
    ids = by_alias.get(norm(alias), set())
    assert len(ids) == 1, f"{alias!r} should name exactly one entity, names {sorted(ids)}"
    return next(iter(ids))


def test_builtin_packs_load_with_breadth(entities: dict[str, PackEntity]) -> None:
    packs = load_packs()
    assert packs.names[:2] == ["core", "khorasan"]
    counts = defaultdict(int)
    for e in entities.values():
        counts[e.type] += 1
    assert len(entities) >= 1000
    assert counts["organization"] >= 300 and counts["place"] >= 400
    assert counts["person"] >= 100 and counts["community"] >= 50


def test_no_id_is_defined_by_both_builtin_packs() -> None:
    core = {e.id for e in load_pack(BUILTIN_DIR / "core").entities}
    khorasan = {e.id for e in load_pack(BUILTIN_DIR / "khorasan").entities}
    assert not core & khorasan


def test_every_entity_has_a_kind_of_its_type(entities: dict[str, PackEntity]) -> None:
    missing = [e.id for e in entities.values() if e.kind not in KINDS[e.type]]
    assert not missing


def test_no_alias_names_two_entities(by_alias: dict[str, set[str]]) -> None:
    clashes = {a: sorted(ids) for a, ids in by_alias.items() if len(ids) > 1 and a not in ALIAS_WHITELIST}
    assert not clashes


def test_no_two_entities_differ_only_by_separators(by_alias: dict[str, set[str]]) -> None:
    # The entity ruler also matches an alias with its hyphens dropped ("Jalal-Abad" -> "Jalalabad").
    compact: dict[str, set[str]] = defaultdict(set)
    for alias, ids in by_alias.items():
        compact[alias.replace(" ", "")] |= ids
    clashes = {a: sorted(ids) for a, ids in compact.items() if len(ids) > 1 and a not in ALIAS_WHITELIST}
    assert not clashes


def test_demonyms_are_unambiguous_and_never_another_entity_alias(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]]
) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        for d in e.demonyms:
            owners[norm(d)].add(e.id)
    shared = {d: sorted(ids) for d, ids in owners.items() if len(ids) > 1 and d not in DEMONYM_WHITELIST}
    assert not shared
    crossing = {d: sorted(by_alias[d] - ids) for d, ids in owners.items() if by_alias.get(d, set()) - ids}
    assert not crossing


def test_single_word_aliases_are_capitalised_names(entities: dict[str, PackEntity]) -> None:
    # A lower-case single word ("amnesty", "levies") would be an English word, not a name.
    bad = [(e.id, a) for e in entities.values() for a in e.aliases if " " not in a and a == a.lower()]
    assert not bad


def test_references_point_to_entities_of_the_right_type(entities: dict[str, PackEntity]) -> None:
    for e in entities.values():
        if e.parent:
            assert e.type in ("organization", "place"), e.id
            assert entities[e.parent].type == e.type, e.id
        if e.within:
            assert e.type == "place" and entities[e.within].type == "place", e.id


def test_every_place_is_located_and_contained_up_to_a_country_or_region(
    entities: dict[str, PackEntity],
) -> None:
    for e in entities.values():
        if e.type != "place":
            continue
        assert e.lat is not None, f"{e.id} has no coordinates"
        seen = [e.id]
        top = e
        while top.within:
            top = entities[top.within]
            assert top.id not in seen, f"within cycle: {seen}"
            seen.append(top.id)
        assert top.kind in ("country", "region"), f"{e.id}: chain ends at {top.id} ({top.kind})"


def test_places_lie_near_the_place_that_contains_them(entities: dict[str, PackEntity]) -> None:
    # Catches swapped or sign-flipped coordinates, the usual slip in hand-written data.
    far = []
    for e in entities.values():
        if e.type == "place" and e.within:
            container = entities[e.within]
            if km(e, container) > MAX_KM[container.kind or "region"]:
                far.append((e.id, container.id, round(km(e, container))))
    assert not far


def test_countries_cover_the_un_members_with_iso_codes(entities: dict[str, PackEntity]) -> None:
    countries = [e for e in entities.values() if e.kind == "country"]
    assert len(countries) >= 193 + 2  # members and the two observer states
    codes = [e.country for e in countries]
    assert all(c and re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    for ident in ("taiwan", "kosovo", "palestine"):
        assert entities[ident].kind == "country"


@pytest.mark.parametrize(
    ("ident", "demonyms"),
    [
        ("united_states", ["American"]),
        ("afghanistan", ["Afghan"]),
        ("pakistan", ["Pakistani"]),
        ("tajikistan", ["Tajik", "Tajikistani"]),
        ("uzbekistan", ["Uzbek"]),
        ("bangladesh", ["Bangladeshi"]),
        ("maldives", ["Maldivian"]),
        ("iraq", ["Iraqi"]),
        ("syria", ["Syrian"]),
    ],
)
def test_country_adjectives_are_demonyms_not_aliases(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]], ident: str, demonyms: list[str]
) -> None:
    assert set(demonyms) <= set(entities[ident].demonyms)
    for d in demonyms:
        assert norm(d) not in by_alias, f"{d!r} must not be an alias of {sorted(by_alias[norm(d)])}"


def test_ethnic_groups_are_communities_distinct_from_countries(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]]
) -> None:
    for plural, country in (("Tajiks", "tajikistan"), ("Uzbeks", "uzbekistan"), ("Turkmens", "turkmenistan")):
        community = entities[owner(by_alias, plural)]
        assert community.type == "community" and community.kind == "ethnic"
        assert community.id != country
    assert entities[owner(by_alias, "Afghans")].kind == "national"


def test_iskp_is_a_branch_of_a_distinct_islamic_state(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]]
) -> None:
    iskp, islamic_state = entities["iskp"], entities["islamic_state"]
    assert iskp.parent == "islamic_state"
    assert not {norm(a) for a in iskp.aliases} & {norm(a) for a in islamic_state.aliases}
    for alias in (
        "ISKP",
        "IS-K",
        "ISIS-K",
        "ISIL-K",
        "IS-KP",
        "Wilayat Khorasan",
        "Wilayah Khurasan",
        "Islamic State Khorasan Province",
        "Islamic State–Khorasan",
        "Daesh-Khorasan",
    ):
        assert owner(by_alias, alias) == "iskp"
    for alias in ("Islamic State", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "IS-Central"):
        assert owner(by_alias, alias) == "islamic_state"


def test_transliterations_of_one_leader_are_one_person(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]]
) -> None:
    farooqi = {owner(by_alias, a) for a in ("Aslam Farooqi", "Aslam Faruqi", "Abdullah Orakzai")}
    assert len(farooqi) == 1 and entities[farooqi.pop()].type == "person"
    assert owner(by_alias, "Shabab al-Muhajir") == owner(by_alias, "Sanaullah Ghafari")
    assert owner(by_alias, "Abu Omar al-Khorasani") == owner(by_alias, "Zia ul-Haq")
    # Two different men called Hafiz Saeed: the ISKP founder and the LeT founder.
    assert owner(by_alias, "Hafiz Saeed Khan") != owner(by_alias, "Hafiz Saeed")


@pytest.mark.parametrize(
    ("alias", "ident"),
    [
        ("U.S.", "united_states"),
        ("USA", "united_states"),
        ("Britain", "united_kingdom"),
        ("Tehreek-e-Taliban Pakistan", "ttp"),
        ("Tehrik-i-Taliban Pakistan", "ttp"),
        ("Afghan Taliban", "taliban"),
        ("Islamic Emirate of Afghanistan", "taliban"),
        ("Haqqanis", "haqqani_network"),
        ("al-Qaida", "al_qaeda"),
        ("LeJ-A", "lej_al_alami"),
        ("Jundullah", "jundallah"),
        ("Inter-Services Intelligence", "isi"),
        ("Afghan security forces", "andsf"),
        ("US Forces-Afghanistan", "usfor_a"),
        ("Kabul airport", "hkia"),
        ("Mazar-e-Sharif", "mazar_i_sharif"),
        ("Uighurs", "uyghurs"),
        ("Shiites", "shia"),
        ("Amaq", "amaq"),
        ("al-Naba'", "al_naba"),
    ],
)
def test_common_spellings_reach_their_entity(by_alias: dict[str, set[str]], alias: str, ident: str) -> None:
    assert owner(by_alias, alias) == ident


def test_province_and_capital_of_one_name_are_told_apart(
    entities: dict[str, PackEntity], by_alias: dict[str, set[str]]
) -> None:
    # The bare name is the province ("fighting in Kunduz"), except Kabul, which is the city.
    for province, city in (("Kandahar", "Kandahar city"), ("Herat", "Herat city"), ("Kunduz", "Kunduz city")):
        p, c = entities[owner(by_alias, province)], entities[owner(by_alias, city)]
        assert (p.kind, c.kind) == ("province", "city")
        assert c.within == p.id
        assert owner(by_alias, f"{province} Province") == p.id
    kabul, kabul_province = entities[owner(by_alias, "Kabul")], entities[owner(by_alias, "Kabul Province")]
    assert (kabul.kind, kabul.within) == ("city", kabul_province.id)
    assert len([e for e in entities.values() if e.kind == "province" and e.within == "afghanistan"]) == 34


@pytest.mark.devset
def test_packs_know_most_entities_of_the_dev_gold(dev_gold: Path, by_alias: dict[str, set[str]]) -> None:
    """A guard against lost content; the gold is read, never copied."""
    entities = load_packs().entities
    known = {(entities[i].type, a) for a, ids in by_alias.items() for i in ids}
    total = found = 0
    for path in sorted(dev_gold.glob("*.json")):
        for e in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            total += 1
            names = {norm(e["name"]), *(norm(a) for a in e.get("aliases") or [])}
            found += any((e["type"], n) in known for n in names)
    assert total and found / total >= 0.7
