"""Reading order of positioned lines, and the PDF reader comparison behind the default choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.readers import READERS
from claimgraph.ingest.readers.compare import PDFMINER_NATIVE, compare, score, table
from claimgraph.ingest.readers.layout import Line, reading_order
from claimgraph.ingest.readers.pdffile import PDFMINER, PYPDF
from claimgraph.ingest.readers.synthetic import two_column_pdf


def _column(x0: float, top: float, texts: list[str], size: float = 10.0, pitch: float = 12.0) -> list[Line]:
    return [Line(x0, top - i * pitch - size, x0 + 200, top - i * pitch, t, size) for i, t in enumerate(texts)]


def _page() -> list[Line]:
    header = [Line(50, 800, 150, 808, "Running head", 8), Line(450, 800, 545, 808, "Working paper", 8)]
    left = _column(50, 760, ["L1", "L2", "L3"]) + _column(50, 710, ["L4", "L5", "L6"])
    # the right column's paragraph gap lines up with the left one's: still one body
    right = _column(300, 760, ["R1", "R2", "R3"]) + _column(300, 710, ["R4", "R5", "R6"])
    notes = [
        Line(50, 100, 300, 107, "1 A note in small type.", 7),
        Line(50, 90, 260, 97, "2 Another note.", 7),
    ]
    number = [Line(295, 40, 300, 48, "7", 8)]
    return number + notes + right + header + left  # scrambled input order


def test_columns_are_read_left_then_right_between_header_and_notes() -> None:
    order = [ln.text for ln in reading_order(_page())]
    assert order == [
        "Running head", "Working paper",
        "L1", "L2", "L3", "L4", "L5", "L6", "R1", "R2", "R3", "R4", "R5", "R6",
        "1 A note in small type.", "2 Another note.", "7",
    ]  # fmt: skip


def test_full_width_lines_split_column_sections() -> None:
    top = _column(50, 760, ["A1", "A2"]) + _column(300, 760, ["B1", "B2"])
    wide = [Line(50, 700, 545, 710, "A full-width heading line that crosses the gutter", 10)]
    bottom = _column(50, 680, ["C1", "C2"]) + _column(300, 680, ["D1", "D2"])
    order = [ln.text for ln in reading_order(bottom + wide + top)]
    assert order == ["A1", "A2", "B1", "B2", wide[0].text, "C1", "C2", "D1", "D2"]


def test_orphan_line_at_column_foot_stays_in_its_column() -> None:
    left = _column(50, 760, ["L1", "L2", "L3"]) + _column(50, 716, ["L4 first line of a paragraph"])
    right = _column(300, 760, ["R1 rest of that paragraph", "R2", "R3", "R4"])
    notes = [Line(50, 600, 250, 607, "1 note", 7)]
    order = [ln.text for ln in reading_order(notes + right + left)]
    assert order.index("L4 first line of a paragraph") == order.index("R1 rest of that paragraph") - 1
    assert order[-1] == "1 note"


_lines = st.lists(
    st.builds(
        lambda x, y, w, h, t: Line(x, y, x + w, y + h, t, h),
        st.floats(0, 500),
        st.floats(0, 800),
        st.floats(1, 300),
        st.floats(1, 20),
        st.text(min_size=1, max_size=5),
    ),
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(_lines)
def test_reading_order_is_a_permutation(lines: list[Line]) -> None:
    assert sorted(reading_order(lines), key=id) == sorted(lines, key=id)


def test_score_rewards_order_and_punishes_shuffling() -> None:
    pdf = two_column_pdf(seed=3, pages=1)
    page = pdf.pages[0]
    perfect = "\n\n".join(page.sentences) + "\n\n" + "\n".join(page.notes)
    shuffled = "\n\n".join(reversed(page.sentences)) + "\n" + "\n".join(page.notes)
    assert score(perfect, pdf) == (1.0, 1.0, 1.0, 1.0)
    found, in_order, notes_ok, _ = score(shuffled, pdf)
    assert found == 1.0 and in_order < 0.1 and notes_ok == 1.0
    notes_first = "\n".join(page.notes) + "\n\n" + "\n\n".join(page.sentences)
    assert score(notes_first, pdf)[2] == 0.0


@pytest.fixture(scope="module")
def comparison() -> dict:
    return compare()  # the same run as `python -m claimgraph.ingest.readers.compare`


def test_default_pdf_reader_wins_the_comparison(comparison: dict) -> None:
    mean = {
        name: sum(s.in_order + s.notes_after_body for (_, n), s in comparison.items() if n == name)
        for name in (PYPDF.name, PDFMINER_NATIVE.name, PDFMINER.name)
    }
    assert READERS[".pdf"] is PDFMINER
    assert mean[PDFMINER.name] > mean[PYPDF.name]
    assert mean[PDFMINER.name] >= mean[PDFMINER_NATIVE.name]
    for (order, name), s in comparison.items():
        if name == PDFMINER.name:
            assert s.in_order > 0.95, (order, s)
            assert s.notes_after_body == 1.0, (order, s)


def test_docs_table_matches_the_comparison(comparison: dict) -> None:
    """docs/pdf-readers.md keeps the numbers the script prints (timings aside)."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "pdf-readers.md").read_text(encoding="utf-8")
    documented = {_scores(row) for row in doc.splitlines() if row.startswith("| ") and "|---" not in row}
    for row in table(comparison).splitlines()[2:]:
        assert _scores(row) in documented, row


def _scores(row: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in row.strip("|").split("|")[:-1])


def test_numbered_list_and_bullets_stay_row_by_row() -> None:
    rows = []
    for i in range(4):
        top = 700 - i * 14
        rows.append(Line(56, top - 10, 66, top, f"{i + 1}.", 10))
        rows.append(Line(80, top - 10, 500, top, f"item text {i + 1}", 10))
    order = [ln.text for ln in reading_order(list(reversed(rows)))]
    assert order == ["1.", "item text 1", "2.", "item text 2", "3.", "item text 3", "4.", "item text 4"]
