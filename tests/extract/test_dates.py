"""Date expressions: absolute, partial (resolved against the document date), ranges, relative."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.dates import find_dates, normalise, year_for_month

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MONTH_NAMES = list(calendar.month_name)[1:]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on 14 February", "2021-02-14"),
        ("June 9", "2021-06-09"),
        ("April 30, 2018", "2018-04-30"),
        ("the 3rd of October 2016", "2016-10-03"),
        ("1st September 2019", "2019-09-01"),
        ("August 15th", "2020-08-15"),
        ("in July", "2021-07"),
        ("January 2011", "2011-01"),
        ("Sept. 2012", "2012-09"),
        ("in early 2013", "2013"),
        ("by the end of 2016", "2016"),
        ("the winter of 2009", "2009"),
        ("in 2012", "2012"),
        ("this year", "2021"),
        ("last year", "2020"),
        ("earlier this month", "2021-07"),
        ("three years ago", "2018"),
        ("2019-04-02", "2019-04-02"),
    ],
)
def test_normalise_at_the_precision_given(text: str, iso: str) -> None:
    assert normalise(text, "2021-07-20") == iso


def test_month_after_the_document_month_belongs_to_the_year_before() -> None:
    assert normalise("in November", "2021-07-20") == "2020-11"
    assert normalise("on 3 December", "2021-07-20") == "2020-12-03"
    assert year_for_month(7, "2021-07") == 2021
    assert year_for_month(5, "2021") == 2021


def test_partial_dates_without_a_document_date_stay_unresolved() -> None:
    (mention,) = find_dates("in October the group moved", None)
    assert mention.iso is None and mention.relative
    assert normalise("a few weeks later", "2021-07-20") is None


def test_ranges_keep_what_both_ends_share() -> None:
    (m,) = find_dates("between the 4th and 9th of May", "2021-07-20")
    assert (m.iso, m.precision) == ("2021-05", "month")
    (m,) = find_dates("from March 2018 to January 2019")
    assert (m.iso, m.until, m.last) == ("2018-03", "2019-01", "2019-01")
    (m,) = find_dates("in 2011-2012")
    assert (m.iso, m.until) == ("2011", "2012")
    (m,) = find_dates("the civil war (1975-90)")
    assert m.until == "1990"


def test_modal_may_and_counts_are_not_dates() -> None:
    assert find_dates("The group may recruit 2000 fighters, and march on the capital.") == []
    assert find_dates("It has 2,019 members and 1,450 rifles.") == []
    assert find_dates("Resolution S/2017/123 and the 1990s") == []


def test_mentions_carry_their_span() -> None:
    text = "Clashes broke out on 5 March 2020 and again in June."
    found = find_dates(text, "2020-09")
    assert [text[m.start : m.end] for m in found] == ["5 March 2020", "June"]
    assert [m.iso for m in found] == ["2020-03-05", "2020-06"]


def test_impossible_day_falls_back_to_the_month() -> None:
    assert normalise("31 February 2019") == "2019-02"


@given(st.text(max_size=200), st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12)))
def test_never_raises_and_always_valid(text: str, doc_date: str | None) -> None:
    for m in find_dates(text, doc_date):
        assert 0 <= m.start < m.end <= len(text)
        for value in (m.iso, m.until):
            if value is None:
                continue
            assert ISO.match(value)
            parts = [int(p) for p in value.split("-")]
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["dmy", "mdy", "my"])
)
def test_written_dates_round_trip(d: date, style: str) -> None:
    month = MONTH_NAMES[d.month - 1]
    text = {
        "dmy": f"On {d.day} {month} {d.year} the convoy left.",
        "mdy": f"On {month} {d.day}, {d.year} the convoy left.",
        "my": f"In {month} {d.year} the convoy left.",
    }[style]
    expected = d.isoformat() if style != "my" else d.isoformat()[:7]
    assert normalise(text) == expected
