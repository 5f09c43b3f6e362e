"""Estimate extraction on short sentences: quantity type, subject, bounds, as_of and source."""

from __future__ import annotations

import pytest

from claimgraph.extract.estimates import extract_estimates
from claimgraph.records import AUTHOR, Estimate

from .helpers_events import parse

pytestmark = pytest.mark.slow

ENTS = {
    "JNIM": ("jnim", "organization", "militant_group"),
    "ISGS": ("isgs", "organization", "militant_group"),
    "the UN": ("un", "organization", "international_org"),
    "UN": ("un", "organization", "international_org"),
    "ACLED": ("acled", "organization", "research_org"),
    "Mali": ("mali", "place", "country"),
    "Gao": ("gao", "place", "city"),
}


def estimates(text: str, doc_date: str | None = "2021-07-20") -> list[Estimate]:
    doc, index, ctx = parse(text, ENTS, doc_date)
    return extract_estimates(doc, index, ctx)


def test_range_of_fighters_dated_by_the_clause() -> None:
    (e,) = estimates("In 2018 JNIM had between 1,500 and 2,000 fighters in central Mali.")
    assert (e.subject, e.quantity, e.low, e.high, e.as_of, e.by) == (
        "jnim",
        "fighters",
        1500,
        2000,
        "2018",
        AUTHOR,
    )
    assert e.rule.startswith("estimates.")


def test_source_and_present_time() -> None:
    (e,) = estimates("According to the UN, JNIM has around 800 members today.")
    assert (e.quantity, e.low, e.high) == ("members", 800, 800)
    assert e.by == "un"
    assert e.as_of == "2021"


def test_reporting_verb_subject_is_the_source() -> None:
    (e,) = estimates("ACLED reported 45 attacks by ISGS in Gao in 2020.")
    assert (e.subject, e.quantity, e.low, e.by, e.as_of) == ("isgs", "attacks", 45, "acled", "2020")


def test_lower_and_upper_bounds() -> None:
    (more,) = estimates("ISGS lost more than 40 commanders in 2020.")
    assert (more.quantity, more.low, more.high) == ("leaders_lost", 40, None)
    (fewer,) = estimates("By 2020 JNIM was down to fewer than 300 fighters.")
    assert (fewer.low, fewer.high) == (None, 300)


def test_foreign_fighters_and_surrenders() -> None:
    (ff,) = estimates("Some 150 foreign fighters were serving in JNIM in 2019.")
    assert (ff.subject, ff.quantity, ff.low) == ("jnim", "foreign_fighters", 150)
    (sur,) = estimates("In 2019, over 300 JNIM fighters surrendered to the army.")
    assert (sur.quantity, sur.low, sur.high) == ("surrendered", 300, None)


def test_a_figure_without_noun_continues_the_previous_one() -> None:
    found = estimates("JNIM may have 1,000 members, which rises to 2,500 if allied militias are counted.")
    assert [(e.quantity, e.low, e.high) for e in found] == [("members", 1000, 1000), ("members", 2500, 2500)]


def test_period_since_runs_to_the_document_date() -> None:
    (e,) = estimates("Since its founding in 2017 JNIM has lost six senior leaders.")
    assert (e.quantity, e.low, e.as_of) == ("leaders_lost", 6, "2021")


@pytest.mark.parametrize(
    "text",
    [
        "Several hundred fighters joined JNIM in 2019.",
        "The attack on Gao killed 12 people in 2019.",
        "Five of the six JNIM leaders were born in Mali.",
        "In 2019, 20 JNIM fighters carried out an attack on a checkpoint in Gao.",
        "One of the most active groups is JNIM.",
        "Around 400 fighters were active in the region.",
    ],
)
def test_not_estimates(text: str) -> None:
    assert estimates(text) == []


def test_the_same_figure_said_twice_is_one_estimate() -> None:
    text = "JNIM had about 900 fighters in 2020. Observers agree that JNIM had about 900 fighters in 2020 in Mali."
    assert len(estimates(text)) == 1


def test_money_counts_only_when_it_is_the_actors_funding() -> None:
    (e,) = estimates("In 2019 JNIM raised $2 million from kidnappings.")
    assert (e.subject, e.quantity, e.low) == ("jnim", "other", 2_000_000)
    assert estimates("In 2022 a programme offered up to $10 million for information on JNIM leaders.") == []


def test_the_dead_of_an_event_and_picked_examples_are_not_estimates() -> None:
    assert estimates("Thirteen JNIM members were killed in the raid on Gao.") == []
    assert estimates("Two of the deadliest attacks in Gao were claimed by JNIM in 2020.") == []


def test_size_verbs_and_size_nouns() -> None:
    (e,) = estimates("In 2020 the UN put JNIM's strength at 2,200.")
    assert (e.subject, e.quantity, e.low, e.by) == ("jnim", "fighters", 2200, "un")
    (e,) = estimates("JNIM's fighters now number about 1,800.")
    assert (e.subject, e.quantity, e.low, e.as_of) == ("jnim", "fighters", 1800, "2021")


def test_a_strong_contingent_counts_fighters() -> None:
    (e,) = estimates("In 2019 JNIM sent a 600-strong contingent to Gao.")
    assert (e.subject, e.quantity, e.low) == ("jnim", "fighters", 600)
