"""Cleanup of extracted report text: the body a reader's noise leaves behind."""

from __future__ import annotations

import time

from claimgraph.ingest.cleanup import clean
from claimgraph.records import CleanText, Document


def _doc(text: str, **kw: object) -> Document:
    return Document(text=text, source_path="t.txt", sha256="", reader="text", **kw)  # type: ignore[arg-type]


def _clean(text: str, **kw: object) -> CleanText:
    return clean(_doc(text, **kw))


def _copied_ok(doc_text: str, ct: CleanText) -> None:
    assert len(ct.offsets) == len(ct.body)
    for i, ch in enumerate(ct.body):
        src = doc_text[ct.offsets[i]]
        assert src == ch or (ch.isspace() and src.isspace()) or src == "&", (i, ch, src)


PARA = (
    "The northern militia moved its fighters across the river during the winter and set up two new "
    "camps near the old customs post, according to several residents who spoke to the press."
)


def test_hyphenation_across_line_break_is_joined() -> None:
    text = f"{PARA}\n\nThe rebels built a new organi-\nsation of supply depots along the valley road.\n"
    ct = _clean(text)
    assert "organisation of supply" in ct.body
    assert "-\n" not in ct.body
    _copied_ok(text, ct)


def test_hyphen_before_capital_is_kept() -> None:
    ct = _clean(f"{PARA}\n\nHe joined Al-\nQaeda in the late nineties and stayed for a decade.\n")
    assert "Al-Qaeda in the late" in ct.body


def test_sentence_split_by_footnote_block_is_rejoined() -> None:
    text = (
        f"{PARA}\n\n"
        "The council said that the convoy had been stopped twice before it reached the\n\n"
        '^{4.} Maria Lopez, "Roads of the North", Valley Gazette, March 3, 2019.\n\n'
        "^{5.} Ibid.\n\n"
        "border town, where the drivers were questioned for hours.\n"
    )
    ct = _clean(text)
    assert "before it reached the border town, where" in ct.body
    assert "Valley Gazette" not in ct.body
    assert [n.id for n in ct.notes] == ["4", "5"]
    _copied_ok(text, ct)


def test_paragraph_split_by_page_break_with_running_head() -> None:
    text = (
        "Journal of Frontier Studies\n\n"
        f"{PARA}\n\n"
        "The envoy reported that the talks had stalled because neither side would accept the\n\n"
        "12\n\n\f\nJournal of Frontier Studies\n\n"
        "proposed ceasefire lines drawn by the mediators last spring.\n\n"
        "Journal of Frontier Studies\n\n"
        "A second round of talks is planned for the autumn, officials said on Monday.\n"
    )
    ct = _clean(text)
    assert "would accept the proposed ceasefire lines" in ct.body
    assert "Journal of Frontier Studies" not in ct.body
    assert "12" not in ct.body


def test_repeated_paragraph_is_kept_and_marked() -> None:
    quote = (
        "The militia has been weakened by the loss of its commanders but its networks in the towns "
        "remain intact and could be revived within months."
    )
    text = f"{PARA}\n\n{quote}\n\nIn the south the picture is different. {quote} Local officials agree.\n"
    ct = _clean(text)
    assert ct.body.count("could be revived within months") == 2
    assert len(ct.repeats) == 1
    s, e = ct.repeats[0]
    assert ct.body[s:e] == quote
    assert ct.in_repeat(s, e)
    assert not ct.in_repeat(ct.body.index("In the south"), ct.body.index("In the south") + 10)


def test_pull_quote_inside_a_split_paragraph_is_moved_after_it() -> None:
    pull = (
        "Smuggling routes across the mountains remain the main source of money for the group "
        "and its allies in the border districts."
    )
    text = (
        f"{PARA}\n\n"
        "Officials believe that the group survives because of the\n\n"
        f"{pull}\n\n"
        "revenues it raises on the roads. Smuggling routes across the mountains remain the main source "
        "of money for the group and its allies in the border districts, they said.\n"
    )
    ct = _clean(text)
    assert "because of the revenues it raises" in ct.body
    assert ct.body.count("Smuggling routes") == 2
    ((s, e),) = ct.repeats
    assert ct.body[s:e] == pull


def test_author_blurb_disclaimer_keywords_and_byline_are_dropped() -> None:
    text = (
        "Militias of the North: An Assessment\n\n"
        "Dana Whitfield\n"
        "Senior Fellow, Institute for Frontier Studies\n\n"
        "Keywords: militias, borders, smuggling\n\n"
        f"{PARA}\n\n"
        "Ms. Dana Whitfield is a Senior Fellow at the Institute for Frontier Studies, Lisbon.\n\n"
        "The second paragraph of the report describes the recruitment drive in the villages.\n\n"
        "(Disclaimer: Opinions in this paper belong to the writer alone; the views expressed are not "
        "the position of the Institute.)\n"
    )
    ct = _clean(text)
    for gone in ("Dana Whitfield", "Senior Fellow", "Keywords", "Disclaimer"):
        assert gone not in ct.body
    assert ct.body.startswith("Militias of the North")
    assert "recruitment drive in the villages" in ct.body


def test_text_glued_after_the_article_end_is_dropped() -> None:
    text = (
        f"{PARA}\n\n"
        "The report ends with a call for a regional monitoring mission to be set up before the summer.\n\n"
        "This commentary was originally published on 2 June 2021.\n\n"
        "Leave a Reply\n\n"
        "A completely different story about football results in the capital follows here, and it is "
        "long enough to look like a paragraph of its own.\n"
    )
    ct = _clean(text)
    assert "monitoring mission" in ct.body
    assert "football" not in ct.body
    assert "originally published" not in ct.body


def test_markdown_emphasis_and_entities_are_cleaned() -> None:
    text = f"{PARA}\n\nThe group's magazine *Voice of the Valley* called it a &quot;victory&quot; in **bold** type.\n"
    ct = _clean(text)
    assert 'magazine Voice of the Valley called it a "victory" in bold type.' in ct.body
    _copied_ok(text, ct)


def test_unwrapped_web_text_keeps_one_paragraph_per_line() -> None:
    lines = [PARA, "A second paragraph follows on its own line, as web readers give it.", PARA.upper()]
    ct = _clean("\n".join(lines))
    assert ct.body.split("\n\n") == lines


def test_wrapped_pdf_lines_are_joined_with_spaces() -> None:
    words = PARA.split()
    wrapped = "\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9))
    text = wrapped + "\n\n" + wrapped.replace("northern", "southern") + "\n"
    ct = _clean(text)
    assert ct.body.split("\n\n") == [PARA, PARA.replace("northern", "southern")]


def test_nothing_of_the_body_is_lost() -> None:
    paras = [f"Paragraph {i}: " + PARA for i in range(20)]
    ct = _clean("\n\n".join(paras))
    for p in paras:
        assert p in ct.body


def test_empty_and_note_only_documents() -> None:
    assert _clean("").body == ""
    ct = _clean("Notes\n\n1. Ibid.\n")
    assert ct.body == ""
    assert [n.id for n in ct.notes] == ["1"]


def test_cleanup_of_a_long_report_is_fast() -> None:
    para = PARA + " It cited a report.³ The officials denied it.⁴\n\n"
    notes = "".join(
        f'^{{{i}.}} Jane Roe, "Report {i}", Daily Courier, May {i % 28 + 1}, 2020.\n\n' for i in range(1, 60)
    )
    text = (para * 300)[:60000] + "\n\nNotes\n\n" + notes
    start = time.perf_counter()
    ct = clean(_doc(text))
    elapsed = time.perf_counter() - start
    assert ct.body
    assert elapsed < 0.5  # well under 100 ms on a normal machine; generous for slow CI


def test_running_head_on_two_pages_is_dropped() -> None:
    text = (
        "Frontier Monitor | Spring Issue\n\n"
        f"{PARA}\n\n"
        "The envoy reported that talks had stalled over the lines drawn by the mediators.\n\n"
        "\f\nFrontier Monitor | Spring Issue\n\n"
        "A second round of talks is planned for the autumn, officials said on Monday.\n"
    )
    ct = _clean(text)
    assert "Frontier Monitor" not in ct.body
    assert "second round of talks" in ct.body


def test_hyphen_kept_when_the_document_spells_the_word_with_it() -> None:
    text = (
        f"{PARA} It was a well-known route.\n\nThe route was well-\nknown to the smugglers of the valley.\n"
    )
    ct = _clean(text)
    assert "was well-known to the smugglers" in ct.body
