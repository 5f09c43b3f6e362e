"""Notes and note markers: every style a reader leaves them in."""

from __future__ import annotations

import pytest

from claimgraph.ingest.cleanup import clean, marker_positions
from claimgraph.records import CleanText, Document

BODY = (
    "The northern militia moved its fighters across the river during the winter and set up two new "
    "camps near the old customs post, according to several residents."
)


def _clean(text: str) -> CleanText:
    return clean(Document(text=text, source_path="t.txt", sha256="", reader="text"))


def _notes(ct: CleanText) -> dict[str, str]:
    return {n.id: n.text for n in ct.notes}


def _marker_ids(ct: CleanText) -> list[str]:
    return [m.note_id for m in ct.markers]


CITE_A = 'Maria Lopez, "Roads of the North", Valley Gazette, March 3, 2019.'
CITE_B = 'Tom Reyes, "The Border Economy", Frontier Review, June 2020, at https://example.org/border, accessed on July 1, 2020.'


@pytest.mark.parametrize(
    "style",
    [
        "^{{{n}.}} {t}",
        "^{{{n}}} {t}",
        "- {n}. {t}",
        "{n}. {t}",
        "[{n}] {t}",
        "{sup} {t}",
    ],
)
def test_interleaved_note_styles(style: str) -> None:
    sup = {1: "¹", 2: "²"}
    notes = "\n\n".join(style.format(n=n, t=t, sup=sup[n]) for n, t in ((1, CITE_A), (2, CITE_B)))
    text = f"{BODY}¹ The camps were later abandoned.²\n\n{notes}\n\nThe militia returned in the spring.\n"
    ct = _clean(text)
    assert _notes(ct) == {"1": CITE_A, "2": CITE_B}
    assert "Valley Gazette" not in ct.body
    assert "The militia returned in the spring." in ct.body
    assert _marker_ids(ct) == ["1", "2"]
    for n in ct.notes:
        assert text[n.start : n.end].startswith(n.text[:20])


def test_notes_section_at_the_end_with_superscript_numbers() -> None:
    text = f"{BODY}¹⁴\n\nMore body text closes the report here.¹⁵\n\nEndnotes\n\n¹⁴ {CITE_A}\n\n¹⁵ {CITE_B}\n"
    ct = _clean(text)
    assert list(_notes(ct)) == ["14", "15"]
    assert "Endnotes" not in ct.body and "Lopez" not in ct.body
    assert ct.body.endswith("closes the report here.")


def test_note_continued_after_a_break_is_joined() -> None:
    text = (
        f"{BODY}¹\n\nNotes\n\n"
        '¹ Tom Reyes, "The Border Economy", Frontier Review, 13 April 2020,\n\n'
        "<https://example.org/border-economy>. Accessed on 12 July 2020.\n\n"
        "² Ibid.\n"
    )
    notes = _notes(_clean(text))
    assert notes["1"].endswith("<https://example.org/border-economy>. Accessed on 12 July 2020.")
    assert notes["2"] == "Ibid."


def test_interleaved_note_split_over_a_page_is_joined() -> None:
    text = (
        f"{BODY}²⁰ The talks went on.\n\n"
        '^{20.} Department of Roads, "Annual Survey of Mountain Passes and Their\n\n'
        'Condition in Winter", May 2, 2019, at https://example.org/survey, accessed on May 9, 2019.\n\n'
        "The next paragraph of the body starts here and runs on.\n"
    )
    ct = _clean(text)
    assert _notes(ct)["20"].endswith("accessed on May 9, 2019.")
    assert "Condition in Winter" not in ct.body
    assert "The next paragraph of the body" in ct.body


def test_unnumbered_source_list_becomes_s_ids() -> None:
    text = (
        f"{BODY}\n\nSources\n\n"
        "Roe, Jane. The Valley Wars. London: Northbank Press, 2018.\n\n"
        'Ali Khan, "Smugglers and Soldiers", Daily Courier, 4 May 2021.\n'
    )
    ct = _clean(text)
    assert list(_notes(ct)) == ["s1", "s2"]
    assert "Northbank" not in ct.body


def test_html_entity_caught_in_the_number_braces_is_restored() -> None:
    text = f'{BODY}³\n\n^{{3. &}}quot;The Valley Statement", Banner media, Telegram, June 12, 2021.\n'
    assert _notes(_clean(text))["3"] == '"The Valley Statement", Banner media, Telegram, June 12, 2021.'


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("wars of the 1980s.3 The term", "3"),
        ('faith, and family."3 Since then', "3"),
        ("in charge of supplies. 3 The second", "3"),
        ("according to local sources).3 Yet it", "3"),
        ("against the council in May 2019.3 Then", "3"),
        ("the attack^{3} was", "3"),
        ("the attack<sup>3</sup> was", "3"),
        ("the attack[3] was", "3"),
    ],
)
def test_marker_styles(sentence: str, marker: str) -> None:
    text = f"{BODY}¹ Then more.² And {sentence} claimed.⁴\n\nNotes\n\n" + "\n\n".join(
        f"{n}. {CITE_A}" for n in range(1, 5)
    )
    ct = _clean(text)
    assert _marker_ids(ct) == ["1", "2", "3", "4"]
    assert marker not in ct.body.replace("1980s", "").replace("2019", "")


@pytest.mark.parametrize(
    "sentence",
    [
        "In March 2020, 3 other nationals were captured.",
        "The resolution S/2020/3 was adopted.",
        "Over 2,3 and more.",
        "The attack killed 3 people in the market.",
        "It happened in 2019. 3 days later the group moved.",
        "The 3 attackers were never identified.",
    ],
)
def test_bare_numbers_that_are_not_markers(sentence: str) -> None:
    text = f"{BODY}¹ Then more.² {sentence} Claimed.⁴\n\nNotes\n\n" + "\n\n".join(
        f"{n}. {CITE_A}" for n in range(1, 5)
    )
    ct = _clean(text)
    assert _marker_ids(ct) == ["1", "2", "4"]
    assert sentence in ct.body


def test_bare_number_without_a_note_is_not_a_marker() -> None:
    text = f"{BODY} It ended in the 1970s.7 The next phase began.\n\nNotes\n\n1. {CITE_A}\n"
    ct = _clean(text)
    assert "1970s.7 The next" in ct.body
    assert _marker_ids(ct) == []


def test_footnote_block_of_plain_numbers_from_a_pdf() -> None:
    text = (
        f"{BODY}\nThe patrol said so.1 It left at dawn.2\n\n"
        "1 Interview with a district official, Kelmar, 2021.\n"
        "2 Report of the provincial council 12, spring session.\n\n"
        "3\n\f\nThe body continues on the next page with a new paragraph.\n"
    )
    ct = _clean(text)
    assert list(_notes(ct)) == ["1", "2"]
    assert "Interview with" not in ct.body
    assert "The patrol said so. It left at dawn." in ct.body
    assert "new paragraph" in ct.body


def test_numbered_list_in_the_body_is_not_a_note_block() -> None:
    text = (
        f"{BODY}\n\nThe plan had three parts:\n\n"
        "1. Secure the roads before the harvest.\n\n"
        "2. Open the markets to traders from the south.\n\n"
        "3. Hold talks with the elders.\n"
    )
    ct = _clean(text)
    assert ct.notes == []
    assert "2. Open the markets" in ct.body


def test_web_page_with_bracket_markers_and_references_heading() -> None:
    text = (
        "The group expanded into the northern districts in 2019.[1] Officials disputed the figures.[2]\n"
        "A second paragraph says the group recruited 300 fighters in 2020.[3]\n"
        "References\n"
        '[1] Jane Roe, "Northern Expansion", Valley Gazette, 12 March 2020.\n'
        "[2] Ibid.\n"
        '[3] Tom Reyes, "Recruits", Frontier Review, 2021, https://example.org/recruits\n'
        "About the author\n"
        "Jane Smith is a researcher at the Frontier Institute.\n"
    )
    ct = _clean(text)
    assert ct.body.split("\n\n") == [
        "The group expanded into the northern districts in 2019. Officials disputed the figures.",
        "A second paragraph says the group recruited 300 fighters in 2020.",
    ]
    assert _notes(ct)["3"].endswith("https://example.org/recruits")
    assert _marker_ids(ct) == ["1", "2", "3"]


def test_source_list_after_wrapped_body() -> None:
    text = (
        "Militants attacked the checkpoint at dawn, killing 12 soldiers, according to\n"
        "officials who spoke on condition of anonymity. The group denied it.\n"
        "Sources\n"
        "Roe, Jane. Northern Expansion. London: Hillside, 2019.\n"
        'Reyes, Tom. "Recruits." Frontier Review 4, no. 2 (2021): 1-20.\n'
    )
    ct = _clean(text)
    assert ct.body == (
        "Militants attacked the checkpoint at dawn, killing 12 soldiers, according to officials who spoke "
        "on condition of anonymity. The group denied it."
    )
    assert list(_notes(ct)) == ["s1", "s2"]


def test_bulleted_endnotes_from_an_html_list_take_the_marker_numbers() -> None:
    text = (
        f"{BODY}¹ Officials disputed the figures.²\n\n"
        "A second paragraph adds that recruits came from the valley towns.³\n\n"
        "Notes\n\n"
        f"- {CITE_A}\n- Ibid.\n- {CITE_B}"
    )
    ct = _clean(text)
    assert _notes(ct) == {"1": CITE_A, "2": "Ibid.", "3": CITE_B}


def test_bulleted_source_list_without_markers_keeps_s_ids() -> None:
    text = f"{BODY}\n\nFurther reading\n\nSources\n\n- {CITE_A}\n- {CITE_B}"
    assert list(_notes(_clean(text))) == ["s1", "s2"]


def test_marker_positions_point_to_the_end_of_the_marked_sentence() -> None:
    text = f"{BODY}¹ The camps were later abandoned.²\n\nNotes\n\n1. {CITE_A}\n\n2. {CITE_B}\n"
    ct = _clean(text)
    pos = dict((note, at) for at, note in marker_positions(ct))
    assert ct.body[: pos["1"]].endswith("according to several residents.")
    assert ct.body[: pos["2"]].endswith("later abandoned.")


def test_markdown_footnotes_without_a_notes_heading() -> None:
    from claimgraph.ingest.cleanup import clean
    from claimgraph.records import Document

    text = (
        "The river brigade claimed the ambush on 3 June.[^1] Officials blamed a rival faction.[^2]\n\n"
        "[^1]: Statement of the river brigade, 4 June 2021.\n"
        '[^2]: Provincial press office, "Ambush on the north road", 5 June 2021.\n'
    )
    ct = clean(Document(text=text, source_path="brief.md", sha256="", reader="text"))
    assert [n.id for n in ct.notes] == ["1", "2"]
    assert [m.note_id for m in ct.markers] == ["1", "2"]
    assert "[^" not in ct.body and "[]" not in ct.body
    assert ct.body.startswith("The river brigade claimed the ambush on 3 June.")
