"""Partial ISO dates compared at the coarser precision."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.analyze.common import coarse_agree, days_apart, parse_date, precision, truncate, within

dates = st.builds(
    lambda y, m, d, p: "-".join([f"{y:04d}", f"{m:02d}", f"{d:02d}"][:p]),
    st.integers(1990, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(1, 3),
)


def test_precision_and_agreement_at_the_coarser_precision() -> None:
    assert [precision(d) for d in (None, "", "2020", "2020-05", "2020-05-12", "May 2020")] == [
        0,
        0,
        1,
        2,
        3,
        0,
    ]
    assert coarse_agree("2020-05", "2020-05-12") is True
    assert coarse_agree("2020", "2021-01-01") is False
    assert coarse_agree(None, "2020") is None
    assert days_apart("2016-07-26", "2016-08") == 31
    assert days_apart("2020-05-12", "2020-05") == 0


def test_ranges_cover_whole_periods_and_exclude_undated() -> None:
    assert within("2021-05-04", "2021", "2021")
    assert within("2021", "2021-03", "2021-04")  # a year overlaps any range inside it
    assert not within("2020-12-31", "2021", None)
    assert not within("2022-01", None, "2021")
    assert not within(None, "2020", None) and within(None, None, None)


@given(dates, dates)
def test_agreement_is_symmetric_and_agreeing_dates_are_zero_days_apart(a: str, b: str) -> None:
    assert coarse_agree(a, b) == coarse_agree(b, a)
    assert (days_apart(a, b) == 0) == bool(coarse_agree(a, b))


@given(dates)
def test_a_date_lies_within_its_own_year_and_truncation_round_trips(value: str) -> None:
    assert within(value, value[:4], value[:4])
    assert truncate(value, precision(value)) == value
    assert parse_date(truncate(value, 1)) == parse_date(value)[:1]  # type: ignore[index]
