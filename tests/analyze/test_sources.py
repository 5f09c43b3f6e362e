"""Primary sources: the same work cited by several reports counts once (circular reporting)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from report_builder import Report, Write

from claimgraph.analyze.data import CitationRow
from claimgraph.analyze.sources import SourceIndex, normalise_url, title_key, un_symbols, work_keys

PANEL = "Monitoring Panel, Ninth report, S/2021/123, 1 May 2021, https://undocs.example/S/2021/123."


def _cite(document: int, note: str, **fields: object) -> CitationRow:
    base: dict[str, object] = {
        "authors": [], "title": None, "publisher": None, "date": None, "url": None, "ref": None, "raw": "",
    }  # fmt: skip
    base.update(fields)
    return CitationRow(0, document, note, **base)  # type: ignore[arg-type]


def test_un_symbols_are_found_in_urls_titles_and_note_text() -> None:
    assert un_symbols(PANEL) == ["S/2021/123"]
    assert un_symbols("see S/RES/2253 (2015) and A/HRC/45/12/Add.1") == ["S/RES/2253", "A/HRC/45/12/Add.1"]
    assert un_symbols("24/7 coverage, A/B testing, S/2021 alone") == []


@given(
    prefix=st.text(alphabet=st.characters(categories=("Zs", "Ll", "P")), max_size=20),
    series=st.sampled_from(["S", "A", "S/RES", "A/HRC"]),
    year=st.integers(1990, 2030),
    number=st.integers(1, 9999),
)
def test_a_symbol_is_found_whatever_surrounds_it(prefix: str, series: str, year: int, number: int) -> None:
    symbol = f"{series}/{year}/{number}"
    assert symbol in un_symbols(f"{prefix} {symbol}, {prefix}")


@given(st.from_regex(r"(https?://)?(www\.)?[a-z]{1,10}\.(org|com)(/[a-z0-9]{1,8}){0,3}/?", fullmatch=True))
def test_url_normalisation_ignores_scheme_www_and_trailing_slash(url: str) -> None:
    key = normalise_url(url)
    assert key is not None and not key.startswith(("http", "www."))
    bare = url.split("://")[-1].removeprefix("www.").rstrip("/")
    assert normalise_url("https://www." + bare + "/") == key
    assert normalise_url(key) == key


def test_tracking_parameters_and_fragments_are_dropped() -> None:
    assert normalise_url("https://News.example.com/a/b?utm_source=x&id=3#top") == "news.example.com/a/b?id=3"


def test_short_titles_need_their_publisher_to_identify_a_work() -> None:
    assert title_key("Ninth report", None) is None
    assert title_key("Ninth report", "Monitoring Panel") == "ninth report | monitoring panel"
    assert title_key("The Long Road to Ardan: A History of the Valley Front", None) is not None


def test_citations_sharing_any_key_are_one_work_and_pointers_are_followed() -> None:
    index = SourceIndex(
        [
            _cite(
                1,
                "1",
                title="Ninth report",
                publisher="Monitoring Panel",
                url="https://undocs.example/S/2021/123",
            ),
            _cite(1, "2", ref="1", raw="Ibid."),
            _cite(1, "3", ref="2", raw="n. 2"),
            _cite(2, "7", title="Annual review", raw="Annual review, S/2021/123"),
            _cite(2, "8", title="Courier story", url="http://www.courier.example/story/"),
            _cite(3, "1", title="Another story", url="https://courier.example/story"),
        ]
    )
    first = index.resolve(1, "3")
    assert first is not None and first.note_id == "1"
    assert index.work(first) == index.work(index.by_note[(2, "7")]) == "un:S/2021/123"
    assert index.work(index.by_note[(2, "8")]) == index.work(index.by_note[(3, "1")])
    assert work_keys(_cite(4, "9", raw="A comment, not a source.")) == ["note:4:9"]


def test_two_reports_citing_one_un_report_count_one_independent_source(write: Write) -> None:
    text_a = "The Valley Front is part of the River Brigade, the panel found."
    text_b = "According to the panel, the Valley Front operates as part of the River Brigade."
    text_c = "Our own sources also place the Valley Front inside the River Brigade."
    a = (
        Report("a.txt", text_a)
        .says("valley_front", "part_of", "river_brigade", "The Valley Front is part of", notes=("4",))
        .cite(
            "4", title="Ninth report", publisher="Monitoring Panel", url="https://undocs.example/S/2021/123"
        )
    )
    b = (
        Report("b.txt", text_b)
        .says("valley_front", "part_of", "river_brigade", "operates as part of", notes=("2",))
        .cite("1", title="Ninth report", publisher="Monitoring Panel", raw=PANEL)
        .cite("2", ref="1", raw="Ibid.")
    )
    kb = write(a, b)
    assessment = kb.sources("valley_front/part_of/river_brigade")
    claim = assessment.claim
    assert len(claim.assertions) == 2
    assert claim.independent() == ["un:S/2021/123"]
    assert sorted(claim.sources["un:S/2021/123"].cited_as) == [(1, "4"), (2, "1")]
    c = Report("c.txt", text_c).says("valley_front", "part_of", "river_brigade", "place the Valley Front")
    write(c)
    assert len(kb.sources("valley_front/part_of/river_brigade").claim.independent()) == 2


def test_attributed_statements_rest_on_their_speaker_not_on_the_outlet_relaying_them(write: Write) -> None:
    text = "The ministry blamed the River Brigade, which denied it, the Courier reported."
    r = (
        Report("a.txt", text)
        .says("river_brigade", "part_of", "valley_front", "blamed the River Brigade", by="interior_ministry", notes=("1",))
        .says("river_brigade", "part_of", "valley_front", "which denied it", by="river_brigade", polarity="deny", notes=("1",))
        .cite("1", title="Ministry and Brigade trade accusations", publisher="Daily Courier")
    )  # fmt: skip
    kb = write(r)
    claim = kb.sources("river_brigade/part_of/valley_front").claim
    assert claim.independent("affirm") == ["speaker:interior_ministry"]
    assert claim.independent("deny") == ["speaker:river_brigade"]
    assert claim.sources["speaker:interior_ministry"].cited_as == [(1, "1")]


def test_a_claim_lists_only_the_footnotes_of_its_own_statements(write: Write) -> None:
    text = "The Valley Front is part of the River Brigade. The Hill Movement is part of it too."
    r = (
        Report("a.txt", text)
        .says("valley_front", "part_of", "river_brigade", "The Valley Front is part of", notes=("1",))
        .says("hill_movement", "part_of", "river_brigade", "is part of it too", notes=("2",))
        .cite("1", title="Ninth report", publisher="Monitoring Panel", raw=PANEL)
        .cite("2", ref="1", raw="Ibid.")
    )
    kb = write(r)
    first = kb.sources("valley_front/part_of/river_brigade").claim.sources["un:S/2021/123"]
    second = kb.sources("hill_movement/part_of/river_brigade").claim.sources["un:S/2021/123"]
    assert first.cited_as == [(1, "1")] and second.cited_as == [(1, "1")]  # Ibid. resolved to note 1
