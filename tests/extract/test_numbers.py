"""Figures in text: digits, words, ranges and bounds as the annotation guide reads them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.numbers import find_quantities, parse_quantity, word_value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("17", 17, 17),
        ("4,750", 4750, 4750),
        ("thirty-one", 31, 31),
        ("nine", 9, 9),
        ("two hundred and forty", 240, 240),
        ("a dozen", 12, 12),
        ("$3 million", 3_000_000, 3_000_000),
        ("1.2 billion", 1_200_000_000, 1_200_000_000),
        ("at least 63", 63, None),
        ("more than 1,100", 1100, None),
        ("over 45", 45, None),
        ("fewer than 80", None, 80),
        ("less than 150", None, 150),
        ("up to 6,000", None, 6000),
        ("around 320", 320, 320),
        ("approximately 75", 75, 75),
        ("nearly 40", 40, 40),
        ("some 900", 900, 900),
        ("between 1200-1800", 1200, 1800),
        ("4,000-6,500", 4000, 6500),
        ("3,500 to 4,200", 3500, 4200),
        ("between 600 and 950", 600, 950),
        ("from 80 to 120", 80, 120),
    ],
)
def test_figures_follow_the_guide(text: str, low: float | None, high: float | None) -> None:
    q = parse_quantity(f"The report counted {text} fighters in the area.")
    assert q is not None
    assert (q.low, q.high) == (low, high)


def test_bounds_and_approximations_are_marked() -> None:
    assert parse_quantity("at least 63").bound == "min"  # type: ignore[union-attr]
    assert parse_quantity("up to 80").bound == "max"  # type: ignore[union-attr]
    q = parse_quantity("an estimated 2,000-3,000")
    assert q is not None and q.approx and q.bound is None


def test_units() -> None:
    assert parse_quantity("some 35 per cent of recruits").unit == "percent"  # type: ignore[union-attr]
    assert parse_quantity("35%").unit == "percent"  # type: ignore[union-attr]
    q = parse_quantity("a budget of $2.5 million")
    assert q is not None and q.unit == "usd" and q.low == 2_500_000


@pytest.mark.parametrize(
    "text",
    [
        "several hundred fighters",
        "dozens of recruits",
        "thousands of people",
        "the fifth emir",
        "the 3rd brigade",
    ],
)
def test_vague_amounts_and_ordinals_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


def test_years_codes_and_glued_units_are_skipped() -> None:
    text = "In 2016 the GBU-43/B and 82mm mortars of resolution S/2019/55 were listed."
    assert find_quantities(text) == []


def test_spans_point_at_the_figure() -> None:
    text = "It fielded about 400 men and lost 35 of them."
    found = find_quantities(text)
    assert [text[q.start : q.end] for q in found] == ["about 400", "35"]


def test_word_values() -> None:
    assert word_value("ninety-nine") == 99
    assert word_value("three thousand") == 3000
    assert word_value("blue") is None


@given(st.text(max_size=200))
def test_never_raises_and_ranges_are_ordered(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low is not None or q.high is not None
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@given(
    st.integers(min_value=2, max_value=9_999_999),
    st.sampled_from(["", "at least ", "more than ", "up to ", "around "]),
)
def test_printed_integers_round_trip(n: int, cue: str) -> None:
    q = parse_quantity(f"They had {cue}{n:,} members.")
    assert q is not None
    assert q.value == n
    if cue in ("at least ", "more than "):
        assert (q.low, q.high) == (n, None)
    elif cue == "up to ":
        assert (q.low, q.high) == (None, n)
    else:
        assert q.low == q.high == n


def test_strong_suffix_gives_a_size() -> None:
    q = parse_quantity("a 2,500-strong force")
    assert q is not None and (q.low, q.unit) == (2500, "strength")
