"""Name normalisation: spellings of one name meet, different names stay apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.names import DEFAULT_TITLES, is_acronym_of, normalize, skeleton, strip_titles


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the Taliban's", "taliban"),
        ("Médecins Sans Frontières", "medecins sans frontieres"),
        ("Da’esh", "daesh"),
        ("ISIS-K", "isis k"),
        ("  Afghan   Forces ", "afghan forces"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_titles_are_stripped_only_from_the_front() -> None:
    assert strip_titles("Mawlawi Aslam Farooqi") == "aslam farooqi"
    assert strip_titles("Sheikh Dr. Abdul Rahman") == "abdul rahman"
    # A name made of a title word alone is kept rather than emptied.
    assert strip_titles("Hafiz") == "hafiz"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aslam Farooqi", "Aslam Faruqi"),
        ("Hafeez Saeed Khan", "Hafiz Saeed Khan"),
        ("Zia-ul-Haq", "Ziaul Haq"),
        ("Wilayat Khorasan", "Wilayah Khurasan"),
        ("Abdul Haseeb Logari", "Abdul Hasib Logari"),
        ("Jundullah", "Jundallah"),
    ],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_strips_titles_only_when_asked() -> None:
    assert skeleton("Mawlawi Zia-ul-Haq", DEFAULT_TITLES) == skeleton("Zia ul Haq")
    assert skeleton("Hafiz Saeed Khan") != skeleton("Saeed Khan")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aslam Farooqi", "Aslam Khan"),
        ("Kunar", "Kunduz"),
        ("Herat", "Helmand"),
        ("Lashkar-e-Taiba", "Lashkar-e-Jhangvi"),
    ],
)
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("TTP", "Tehrik-e-Taliban Pakistan"),
        ("LeT", "Lashkar-e-Taiba"),
        ("ISKP", "Islamic State Khorasan Province"),
        ("IMU", "Islamic Movement of Uzbekistan"),
    ],
)
def test_acronyms(short: str, long: str) -> None:
    assert is_acronym_of(short, long)


def test_not_acronyms() -> None:
    assert not is_acronym_of("ISI", "Islamic State Khorasan Province")
    assert not is_acronym_of("A", "Al Qaeda")
    assert not is_acronym_of("TTP", "Taliban")


@given(st.text())
def test_normalisers_are_total_and_idempotent(s: str) -> None:
    n = normalize(s)
    assert normalize(n) == n
    assert isinstance(skeleton(s), str)
    assert " " not in skeleton(s)
