"""Citation parsing per style, pointers (Ibid., n. 14) and URL re-joining."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.citations import parse_citations, take_url
from claimgraph.records import Citation, Note


def _one(text: str) -> Citation:
    return parse_citations([Note("1", text, 0, len(text))])[0]


def _many(*texts: str) -> dict[str, Citation]:
    return {c.id: c for c in parse_citations([Note(str(i), t, 0, 0) for i, t in enumerate(texts, 1)])}


STYLES = [
    (  # Chicago note, web article
        'Maria Lopez and Tom Reyes, "Roads of the North: A Survey?", Valley Gazette, May 17, 2020, at '
        "https://example.org/roads-north, accessed on May 23, 2020.",
        dict(
            authors=["Maria Lopez", "Tom Reyes"],
            title="Roads of the North: A Survey?",
            publisher="Valley Gazette",
            date="2020-05-17",
            url="https://example.org/roads-north",
            accessed="2020-05-23",
        ),
    ),
    (  # outlet first, day-month-year, italics, URL in angle brackets
        '*Frontier Post*, "Convoy attacked near the pass", 7 May 2020, <https://example.org/convoy>. '
        "Accessed on 8 May 2020.",
        dict(
            authors=[],
            title="Convoy attacked near the pass",
            publisher="Frontier Post",
            date="2020-05-07",
            url="https://example.org/convoy",
            accessed="2020-05-08",
        ),
    ),
    (  # wire agency before the title, the newspaper after it
        'AFP, "Militia leader arrested", Daily Courier, April 15, 2020.',
        dict(title="Militia leader arrested", publisher="Daily Courier", date="2020-04-15"),
    ),
    (  # Chicago book note
        "John Smith, *The Long War: Insurgency in the Hills* (London: Northbank Press, 2017), 112.",
        dict(
            authors=["John Smith"],
            title="The Long War: Insurgency in the Hills",
            publisher="Northbank Press",
            date="2017",
        ),
    ),
    (  # journal article, volume and issue
        'Jane Doe, "Militancy in the Borderlands," Journal of Conflict Studies 12, no. 3 (2019): 45–67.',
        dict(
            authors=["Jane Doe"],
            title="Militancy in the Borderlands",
            publisher="Journal of Conflict Studies",
            date="2019",
        ),
    ),
    (  # UN document symbol before the title
        'UNSC, S/2019/101, "Ninth Report of the Panel of Experts", May 2, 2019, pp. 6-9.',
        dict(authors=[], title="Ninth Report of the Panel of Experts", publisher="UNSC", date="2019-05-02"),
    ),
    (  # organisation with acronym, unquoted title, locator
        "United Nations Security Council (UNSC), Resolution 2253 (2015), December 17, 2015, operative paragraph 4.",
        dict(title="Resolution 2253 (2015)", publisher="United Nations Security Council", date="2015-12-17"),
    ),
    (  # APA
        "Doe, J., & Roe, R. (2020). Foreign fighters and the new frontier. Terrorism and Political Violence, "
        "32(4), 700–720. https://doi.org/10.1080/09546553.2020.1234567",
        dict(
            authors=["J. Doe", "R. Roe"],
            title="Foreign fighters and the new frontier",
            publisher="Terrorism and Political Violence",
            date="2020",
            url="https://doi.org/10.1080/09546553.2020.1234567",
        ),
    ),
    (  # APA with an organisation as author and a full date
        "International Crisis Group. (2021, March 3). The new militant landscape. https://example.org/report",
        dict(
            authors=[],
            title="The new militant landscape",
            publisher="International Crisis Group",
            date="2021-03-03",
            url="https://example.org/report",
        ),
    ),
    (  # Chicago bibliography entry
        "Roe, Jane. The Valley Wars. London: Northbank Press, 2018.",
        dict(authors=["Jane Roe"], title="The Valley Wars", publisher="Northbank Press", date="2018"),
    ),
    (  # bibliography entry with initials and two authors
        'Smith, J. R., and Tom Reyes. "Recruits in the Hills." Frontier Review 4, no. 2 (2021): 1-20.',
        dict(
            authors=["J. R. Smith", "Tom Reyes"],
            title="Recruits in the Hills",
            publisher="Frontier Review",
            date="2021",
        ),
    ),
    (  # author-date bibliography
        "Roe, Jane. 2018. The Valley Wars. London: Hillside.",
        dict(authors=["Jane Roe"], title="The Valley Wars", publisher="Hillside", date="2018"),
    ),
    (  # only an organisation and a document symbol: no title
        "United Nations Security Council, S/2019/101, para. 45.",
        dict(title=None, publisher="United Nations Security Council", date=None),
    ),
    (  # UN report with its symbol in parentheses
        "Report of the Secretary-General on the situation in the valley (A/74/101–S/2019/102), 2 June 2019, para. 8.",
        dict(title="Report of the Secretary-General on the situation in the valley", date="2019-06-02"),
    ),
    (  # a lead-in before "see"
        'For more on the smuggling routes, see Tom Reyes, "The Border Economy", Frontier Review, 2017.',
        dict(authors=["Tom Reyes"], title="The Border Economy", publisher="Frontier Review", date="2017"),
    ),
    (  # a tweet by a person
        "Special Envoy Lena Hart (@LenaHartEnvoy), Twitter, May 15, 2020, at https://twitter.com/x/status/1, "
        "accessed on June 1, 2020.",
        dict(
            authors=["Lena Hart"], title=None, publisher="Twitter", date="2020-05-15", accessed="2020-06-01"
        ),
    ),
    (  # a tweet by an outlet
        "*Valley News* (@ValleyNews), Twitter, 9 April 2020.",
        dict(authors=[], title=None, publisher="Valley News", date="2020-04-09"),
    ),
    (  # group statement on a messaging platform; the platform is not the publisher
        "Audio message of the northern command, Red Dawn Media, Telegram, August 3, 2020.",
        dict(
            title="Audio message of the northern command",
            publisher="Red Dawn Media",
            date="2020-08-03",
        ),
    ),
    (  # British single quotes, accessed in parentheses
        "Mina Patel, ‘A New Threat in the Hills’, The Diplomat, 4 January 2022. Available at: "
        "https://example.org/a-new-threat (Accessed: 10 January 2022).",
        dict(
            authors=["Mina Patel"],
            title="A New Threat in the Hills",
            publisher="The Diplomat",
            date="2022-01-04",
            url="https://example.org/a-new-threat",
            accessed="2022-01-10",
        ),
    ),
    (  # a source followed by the author's remark
        'Tom Reyes, "The Border Economy", Frontier Review, 15 December 2017, accessed on 1 July 2019; '
        "The figures were never confirmed by officials, who declined to comment.",
        dict(
            title="The Border Economy", publisher="Frontier Review", date="2017-12-15", accessed="2019-07-01"
        ),
    ),
    (  # book with a two-part place; quoted title keeps its own parenthesis
        "Lena Hart, The Valley Insurgency: Alliances and Rivalries (Washington, DC: Hillside Institute Press, 2018).",
        dict(
            authors=["Lena Hart"],
            title="The Valley Insurgency: Alliances and Rivalries",
            publisher="Hillside Institute Press",
            date="2018",
        ),
    ),
    (
        'Ali Khan, "Examining the Northern Front (NF)," Centre for Frontier Studies, September 8, 2021.',
        dict(
            title="Examining the Northern Front (NF)",
            publisher="Centre for Frontier Studies",
            date="2021-09-08",
        ),
    ),
    (  # "Cited in" prefix; an outlet whose name starts with "The" is no person
        'Cited in Omar Zaki, "The Way Forward," The Valley Diary, 2 March 2020.',
        dict(authors=["Omar Zaki"], title="The Way Forward", publisher="The Valley Diary", date="2020-03-02"),
    ),
    (  # report series with the publication data in a later parenthesis
        "UNMF, Protection of Civilians in the Valley, Annual Report 2020 (Kelmar: UNMF, February 2021), 45.",
        dict(title="Protection of Civilians in the Valley", publisher="UNMF", date="2021-02"),
    ),
    (  # series name is not the publisher
        "Alex Moor, Counting Recruits: Methods and Limits, Policy Brief, Centre for Frontier Studies, "
        "October 2015.",
        dict(
            authors=["Alex Moor"],
            title="Counting Recruits: Methods and Limits",
            publisher="Centre for Frontier Studies",
            date="2015-10",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_citation_fields_per_style(text: str, expected: dict[str, object]) -> None:
    c = _one(text)
    for field, value in expected.items():
        assert getattr(c, field) == value, field
    assert c.ref is None


@pytest.mark.parametrize(
    ("tail", "accessed"),
    [
        ("accessed on May 23, 2020.", "2020-05-23"),
        ("Accessed on 19 November 2020.", "2020-11-19"),
        ("(accessed June 2020).", "2020-06"),
        ("Retrieved 3 March 2021, from", "2021-03-03"),
        ("accessed on July 1,", None),
    ],
)
def test_access_dates(tail: str, accessed: str | None) -> None:
    c = _one(f'A. Writer, "Title", Outlet, May 2, 2019, at https://example.org/x, {tail}')
    assert c.accessed == accessed
    assert c.date == "2019-05-02"


def test_comment_note_keeps_a_record_without_title() -> None:
    c = _one("Some local sources mention that he later left the group.")
    assert (c.id, c.title, c.publisher, c.date, c.ref) == ("1", None, None, None, None)


def test_ibid_chain_points_to_the_source_not_to_the_pointer() -> None:
    cits = _many(
        'Maria Lopez, "Roads of the North", Valley Gazette, March 3, 2019.',
        "Ibid.",
        "Ibid., p. 52.",
        "Ibid",
    )
    assert [cits[i].ref for i in ("1", "2", "3", "4")] == [None, "1", "1", "1"]
    assert cits["2"].title is None


@pytest.mark.parametrize(
    ("pointer", "ref", "authors"),
    [
        ("n. 1.", "1", []),
        ("Lopez, n. 1.", "1", ["Lopez"]),
        ("Lopez, N. 1.", "1", ["Lopez"]),
        ("UNSC, n. 1.", "1", []),
        ("Lopez and Reyes, n. 1, p. 4.", "1", ["Lopez", "Reyes"]),
        ("See note 1 above.", "1", []),
        ("Lopez, op. cit., p. 40.", "1", ["Lopez"]),
        ("Lopez, Roads of the North, 12.", "1", ["Lopez"]),
    ],
)
def test_pointers_to_other_notes(pointer: str, ref: str, authors: list[str]) -> None:
    cits = _many('Maria Lopez, "Roads of the North", Valley Gazette, March 3, 2019.', "Ibid.", pointer)
    assert cits["3"].ref == ref
    assert cits["3"].authors == authors
    assert cits["3"].title is None


def test_ibid_after_a_pointer_follows_it() -> None:
    cits = _many(
        'Maria Lopez, "Roads", Valley Gazette, 2019.',
        "A comment on the roads is given here.",
        "Lopez, n. 1.",
        "Ibid.",
    )
    assert cits["4"].ref == "1"


def test_missing_note_numbers_get_empty_records() -> None:
    notes = [Note("1", "Ibid.", 0, 0), Note("3", 'A. B, "T", X, 2019.', 0, 0), Note("9", "Ibid.", 0, 0)]
    ids = [c.id for c in parse_citations(notes)]
    assert ids == ["1", "2", "3", "9"]  # a short gap is filled, a long one is not


def test_source_list_ids_keep_their_order() -> None:
    notes = [Note(f"s{i}", f'Author {i}, "Title {i}", Outlet, 2019.', 0, 0) for i in (1, 2, 10)]
    assert [c.id for c in parse_citations(notes)] == ["s1", "s2", "s10"]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "at https://www.example.com/ world/2020/02/09/story, accessed on",
            "https://www.example.com/world/2020/02/09/story",
        ),
        (
            "at https:// www.example.in/news/a-b/ articleshow/7153.cms, accessed",
            "https://www.example.in/news/a-b/articleshow/7153.cms",
        ),
        (
            "at https://unama. unmissions.org/sites/file_-_3rd_ quarter.pdf, accessed",
            "https://unama.unmissions.org/sites/file_-_3rd_quarter.pdf",
        ),
        (
            "at https://x.org/a%20 b%20c,-By&text=d%20 e, accessed on June 1",
            "https://x.org/a%20b%20c,-By&text=d%20e",
        ),
        ("<https://x.org/long-\npath/page.html>. Accessed", "https://x.org/long-path/page.html"),
        ("https://x.org/page. Accessed on 3 May 2020.", "https://x.org/page"),
        (
            "https://x.org/a/b/ FY2018_REPORT%20SEPT.PDF, accessed",
            "https://x.org/a/b/FY2018_REPORT%20SEPT.PDF",
        ),
    ],
)
def test_broken_urls_are_rejoined(text: str, url: str) -> None:
    assert take_url(text)[0] == url


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parser_never_fails_and_keeps_the_id(text: str) -> None:
    cits = parse_citations([Note("7", text, 0, len(text))])
    assert cits[-1].id == "7"
    assert all(isinstance(a, str) for c in cits for a in c.authors)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 28), st.sampled_from(["January", "March", "May", "October"]), st.integers(1990, 2030))
def test_dates_in_both_orders_give_the_same_iso(day: int, month: str, year: int) -> None:
    a = _one(f'A. Writer, "Title", Outlet, {month} {day}, {year}.')
    b = _one(f'A. Writer, "Title", Outlet, {day} {month} {year}.')
    assert a.date == b.date
    assert a.date is not None and a.date.startswith(str(year))
