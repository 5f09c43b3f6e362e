"""Suggested information credibility (Admiralty 1–6) from corroboration, hedging, grades, denials."""

from __future__ import annotations

import pytest
from report_builder import Report, Write

from claimgraph.exc import StoreError

TEXT = "The Valley Front is part of the Hill Movement."


def _report(name: str, *, certainty: str = "asserted", notes: tuple[str, ...] = (), **cite: object) -> Report:
    r = Report(name, TEXT).says(
        "valley_front", "part_of", "hill_movement", "is part of", certainty=certainty, notes=notes
    )
    if cite:
        r.cite(notes[0], **cite)
    return r


CLAIM = "valley_front/part_of/hill_movement"


def test_one_report_is_possibly_true_and_a_second_independent_one_confirms(write: Write) -> None:
    kb = write(_report("a.txt"))
    one = kb.sources(CLAIM).rating
    assert (one.rating, one.label) == (3, "possibly true")
    write(_report("b.txt"))
    two = kb.sources(CLAIM).rating
    assert two.rating == 1 and two.reasons[0].feature == "corroboration"


def test_circular_reporting_does_not_corroborate(write: Write) -> None:
    kb = write(
        _report("a.txt", notes=("1",), title="Annual threat review", publisher="Monitoring Panel", url="https://panel.example/review"),
        _report("b.txt", notes=("3",), title="Annual threat review", publisher="Monitoring Panel", url="http://www.panel.example/review/"),
    )  # fmt: skip
    assert kb.sources(CLAIM).rating.rating == 3


def test_hedging_lowers_and_a_reliable_publisher_raises_the_rating(write: Write) -> None:
    kb = write(
        _report(
            "a.txt",
            certainty="hedged",
            notes=("1",),
            title="Weekly security digest",
            publisher="Daily Courier",
        )
    )
    assert kb.sources(CLAIM).rating.rating == 4
    kb.grade("Daily Courier", "A", user="analyst1")
    rated = kb.sources(CLAIM)
    assert rated.rating.rating == 3
    assert any(r.feature == "source_reliability" and "graded A" in r.detail for r in rated.rating.reasons)
    assert list(rated.grades.values()) == [("A", "Daily Courier")]


def test_denials_lower_the_rating_and_only_denials_cannot_be_judged(write: Write) -> None:
    text = "The Hill Movement denied that the Valley Front is part of it."
    denial = Report("d.txt", text).says(
        "valley_front", "part_of", "hill_movement", "denied that", by="hill_movement", polarity="deny"
    )
    kb = write(denial)
    assert kb.sources(CLAIM).rating.rating == 6
    write(_report("a.txt", certainty="hedged"))
    rated = kb.sources(CLAIM).rating
    assert rated.rating == 5 and any(r.feature == "denied" for r in rated.reasons)


def test_grades_are_checked_and_replaced(write: Write) -> None:
    kb = write(_report("a.txt"))
    with pytest.raises(StoreError):
        kb.grade("Daily Courier", "G")
    kb.grade("daily courier", "C")
    kb.grade("Daily Courier", "b")
    assert {k: v["grade"] for k, v in kb.grades().items()} == {"daily courier": "B"}
