"""Metadata parsing shared by the readers: dates, author fields, titles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.ingest.readers.meta import clean_title, parse_date, split_authors


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021-03-12", "2021-03-12"),
        ("2021-03-12T10:00:00+02:00", "2021-03-12"),
        ("2021-03", "2021-03"),
        ("2021", "2021"),
        ("D:20190704120000+01'00'", "2019-07-04"),
        ("D:2019", "2019"),
        ("12 March 2021", "2021-03-12"),
        ("3rd of Sept. 2020", "2020-09-03"),
        ("March 12, 2021", "2021-03-12"),
        ("Published in November 2018 by the council", "2018-11"),
        ("03/04/2021", None),
        ("next Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(raw: object, iso: str | None) -> None:
    assert parse_date(raw) == iso


@given(st.text(max_size=80))
def test_parse_date_gives_none_or_a_valid_partial_iso_date(text: str) -> None:
    result = parse_date(text)
    if result is not None:
        assert re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", result)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Ana Ruiz; Tomas Berg", ["Ana Ruiz", "Tomas Berg"]),
        ("Ana Ruiz and Tomas Berg", ["Ana Ruiz", "Tomas Berg"]),
        ("Ana Ruiz, Tomas Berg & Li Wei", ["Ana Ruiz", "Tomas Berg", "Li Wei"]),
        ("Ruiz, Ana", ["Ruiz, Ana"]),
        ("By Ana Ruiz", ["Ana Ruiz"]),
        ("", []),
        (None, []),
    ],
)
def test_split_authors(raw: object, names: list[str]) -> None:
    assert split_authors(raw) == names


def test_clean_title() -> None:
    assert clean_title("  ## **Armed   groups**  ") == "Armed groups"
    assert clean_title("   ") is None
    assert clean_title("x" * 400) is None
