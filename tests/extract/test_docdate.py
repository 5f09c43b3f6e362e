"""The document's own date: metadata, a dated line, or its notes."""

from __future__ import annotations

import pytest

from claimgraph.extract.docdate import document_date, find_dates, parse_date
from claimgraph.records import Citation, CleanText, Document

BODY = "The militia moved its camps across the river in May, local officials said.\n"


def _date(text: str, citations: list[Citation] | None = None, **kw: object) -> str | None:
    doc = Document(text=text, source_path="d.txt", sha256="", reader="text", **kw)  # type: ignore[arg-type]
    return document_date(doc, CleanText(body=text, offsets=list(range(len(text)))), citations or [])


def test_metadata_wins() -> None:
    assert (
        _date(BODY + "This piece was originally published on October 5, 2021.", published="2021-02")
        == "2021-02"
    )
    assert _date(BODY, published="March 3, 2020") == "2020-03-03"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("**This piece was originally published on October 5, 2021.", "2021-10-05"),
        ("First published in June 2020 by the Frontier Review.", "2020-06"),
        ("Published: 7 May 2020", "2020-05-07"),
        ("KABUL, March 3, 2020 — Officials said the talks would resume.", "2020-03-03"),
        ("12 November 2020", "2020-11-12"),
    ],
)
def test_dated_line_in_the_text(line: str, iso: str) -> None:
    assert _date(f"{line}\n\n{BODY}" if not line.startswith("**") else f"{BODY}\n{line}") == iso


def test_inferred_from_notes_is_latest_date_as_year_month() -> None:
    cits = [
        Citation("1", date="2019-06-02", accessed="2020-11-24"),
        Citation("2", date="2020-05"),
        Citation("3", accessed="2020-08-01"),
    ]
    assert _date(BODY, cits) == "2020-11"
    assert _date(BODY, [Citation("1", date="2018")]) == "2018"


def test_no_date_anywhere() -> None:
    assert _date(BODY) is None


def test_an_event_date_in_the_body_is_not_the_document_date() -> None:
    assert (
        _date("The attack on 2 November killed 22 people, and a second one followed on May 4, 2020.") is None
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("May 17, 2020", "2020-05-17"),
        ("7 May 2020", "2020-05-07"),
        ("June 2020", "2020-06"),
        ("2018", "2018"),
        ("Sept. 9, 2019", "2019-09-09"),
        ("26th January 2015", "2015-01-26"),
        ("2020-05-17", "2020-05-17"),
        ("late 2019", "2019"),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_find_dates_prefers_the_fullest_reading() -> None:
    assert [d.iso for d in find_dates("on May 17, 2020 and in June 2021")] == ["2020-05-17", "2021-06"]
    assert [d.iso for d in find_dates("S/2020/415 and 2,200 fighters")] == []


def test_a_report_published_by_someone_else_is_not_the_document_date() -> None:
    assert _date(BODY + "A report published on May 4, 2020 by the mission said the same.\n") is None


def test_a_lone_far_future_note_date_is_ignored() -> None:
    cits = [
        Citation("1", date="2019-06-02"),
        Citation("2", accessed="2020-03-01"),
        Citation("3", date="2029-01-01"),
    ]
    assert _date(BODY, cits) == "2020-03"
