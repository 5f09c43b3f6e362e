"""Each reader on a normal file: text, metadata and the Document fields users rely on."""

from __future__ import annotations

import hashlib
from pathlib import Path

import make_fixtures as fx
import pytest

from claimgraph.exc import ReadError
from claimgraph.ingest.read import iter_paths, read_document
from claimgraph.ingest.readers import BY_NAME, READERS, Parsed, Reader, register


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- text and Markdown -----------------------------------------------------------------------


def test_utf8_text_with_markdown_title_front_matter_fields(tmp_path: Path) -> None:
    path = fx.write_text(
        tmp_path / "note.md",
        "---\ntitle: Valley notes\nauthor: Ana Ruiz and Tomas Berg\ndate: 2020-11-05\n---\n"
        "# Heading that is not the title\n\nThe council met in the spring.\r\nTraders paid fees.\r\n",
    )
    doc = read_document(path)
    assert doc.reader == "text"
    assert doc.media_type == "text/markdown"
    assert doc.title == "Valley notes"
    assert doc.authors == ["Ana Ruiz", "Tomas Berg"]
    assert doc.published == "2020-11-05"
    assert "\r" not in doc.text
    assert "title: Valley notes" not in doc.text  # front matter is metadata, not text
    assert doc.text.startswith("# Heading")
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.source_path == str(path)


def test_text_title_from_heading_and_byline_and_date_line(tmp_path: Path) -> None:
    path = fx.write_text(
        tmp_path / "brief.txt",
        "\n\n## **Armed groups along the river**\n\nBy Ana Ruiz and Tomas Berg\nDate: 14 March 2019\n\n"
        "The brigade moved north in the winter months.\n",
    )
    doc = read_document(path)
    assert doc.title == "Armed groups along the river"
    assert doc.authors == ["Ana Ruiz", "Tomas Berg"]
    assert doc.published == "2019-03-14"
    assert doc.media_type == "text/plain"


def test_text_first_short_line_is_title_and_sentence_is_not(tmp_path: Path) -> None:
    titled = fx.write_text(tmp_path / "a.txt", "Valley survey 2021\n\nThe council met. Traders paid fees.\n")
    untitled = fx.write_text(
        tmp_path / "b.txt", "The council met in April and traders paid fees at three crossings.\n"
    )
    assert read_document(titled).title == "Valley survey 2021"
    assert read_document(untitled).title is None
    assert read_document(untitled).authors == []


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_encodings_decode_correctly(tmp_path: Path, encoding: str) -> None:
    text = "Médecins Sans Frontières opened a clinic near the café in Genève.\nThe staff stayed until June.\n"
    # utf-16-le/-be carry no BOM: the reader finds them by their NUL pattern
    (tmp_path / "enc.txt").write_bytes(text.encode(encoding))
    doc = read_document(tmp_path / "enc.txt")
    assert "Médecins" in doc.text
    assert "café" in doc.text
    assert "Frontières" in doc.text
    assert "\ufeff" not in doc.text


def test_short_latin1_word_reads_correctly(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_bytes("café\n".encode("latin-1"))
    assert read_document(tmp_path / "short.txt").text.strip() == "café"


def test_nul_bytes_are_stripped_from_text(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"The council met in April." + b"\x00" + b" Traders paid fees." * 10)
    doc = read_document(tmp_path / "nul.txt")
    assert "\x00" not in doc.text
    assert doc.text.startswith("The council met in April. Traders paid fees.")


# -- HTML --------------------------------------------------------------------------------------


def test_html_main_text_metadata_and_footnotes(tmp_path: Path) -> None:
    doc = read_document(fx.html_page(tmp_path / "page.html"))
    assert doc.reader == "html/trafilatura"
    assert doc.media_type == "text/html"
    assert doc.title and "Checkpoint survey" in doc.title
    assert doc.authors == ["Ana Ruiz"]
    assert doc.published == "2021-06-03"
    flat = _flat(doc.text)
    for para in fx.PARAGRAPHS:
        assert _flat(para) in flat
    for note in fx.NOTES:
        assert note in doc.text
    assert doc.text.index(fx.NOTES[0]) > doc.text.index(fx.PARAGRAPHS[-1])
    for marker in (
        "SCRIPT_TEXT_MARKER",
        "alert(1)",
        "INLINE-SCRIPT-MARKER",
        "STYLE-TEXT-MARKER",
        "NAV-TEXT-MARKER",
    ):
        assert marker not in doc.text
    assert "\n\n" in doc.text  # paragraphs stay apart


def test_html_without_article_falls_back_and_drops_scripts(tmp_path: Path) -> None:
    page = (
        "<html><head><script>var leaked = 'SCRIPT-MARKER';</script><style>p{color:red}</style></head>"
        "<body><nav>NAV-MARKER</nav><div>Brief note: the brigade left the valley.</div>"
        "<script>alert('SCRIPT-TWO')</script></body></html>"
    )
    path = tmp_path / "bare.htm"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert "brigade left the valley" in doc.text
    for marker in ("SCRIPT-MARKER", "SCRIPT-TWO", "color:red", "NAV-MARKER"):
        assert marker not in doc.text


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>{}</p></body></html>'
    text = "Médecins and the café owners said the road stayed open through the winter months. " * 3
    (tmp_path / "legacy.html").write_bytes(page.format(text).encode("cp1252"))
    assert "Médecins" in read_document(tmp_path / "legacy.html").text


# -- PDF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["pdf", "pdf/pypdf", "pdf/pdfminer"])
def test_pdf_text_paragraphs_and_metadata(tmp_path: Path, reader: str) -> None:
    doc = read_document(fx.simple_pdf(tmp_path / "survey.pdf"), reader=reader)
    assert doc.reader.startswith("pdf/")
    assert doc.media_type == "application/pdf"
    assert doc.title == "Checkpoint survey"
    assert doc.authors == ["Ana Ruiz", "Tomas Berg"]
    assert doc.published and doc.published[:4].isdigit()
    paragraphs = [_flat(p) for p in doc.text.split("\n\n")]
    assert paragraphs == [_flat(p) for p in fx.PARAGRAPHS]


def test_pdf_default_reader_is_the_one_docs_chose() -> None:
    assert READERS[".pdf"] is BY_NAME["pdf"]
    assert READERS[".pdf"].name == "pdf/pdfminer"
    assert "pdf/pypdf" in BY_NAME


def test_pdf_pages_are_separated_by_a_form_feed_line(tmp_path: Path) -> None:
    long = [
        f"Paragraph {i} says the council met again and the traders paid fees once more." for i in range(90)
    ]
    doc = read_document(fx.simple_pdf(tmp_path / "long.pdf", long))
    assert doc.text.count("\n\f\n") >= 1
    assert "Paragraph 0 " in doc.text and "Paragraph 89 " in doc.text


def test_pdf_two_columns_read_column_by_column(tmp_path: Path) -> None:
    from claimgraph.ingest.readers.synthetic import two_column_pdf

    pdf = two_column_pdf(seed=7, pages=1, order="row-interleaved")
    (tmp_path / "cols.pdf").write_bytes(pdf.data)
    flat = _flat(read_document(tmp_path / "cols.pdf").text)
    positions = [flat.find(s) for s in pdf.pages[0].sentences]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    last_note = flat.find(pdf.pages[0].notes[-1])
    assert last_note > positions[-1]


# -- DOCX --------------------------------------------------------------------------------------


def test_docx_paragraphs_table_footnotes_and_core_properties(tmp_path: Path) -> None:
    path = fx.docx_file(
        tmp_path / "survey.docx", table=[["Group", "Fighters"], ["River brigade", "300"]], notes=fx.NOTES
    )
    doc = read_document(path)
    assert doc.reader == "docx"
    assert doc.title == "Checkpoint survey"
    assert doc.authors == ["Ana Ruiz"]
    assert doc.published == "2022-05-17"
    for para in fx.PARAGRAPHS:
        assert para in doc.text
    assert "River brigade | 300" in doc.text
    assert "crossings.¹" in doc.text  # the footnote reference stays as a marker
    assert "1. " + fx.NOTES[0] in doc.text
    assert "2. " + fx.NOTES[1] in doc.text
    assert "FOOTNOTEREF" not in doc.text


# -- registry and paths ------------------------------------------------------------------------


def test_plugin_reader_adds_a_format(tmp_path: Path) -> None:
    def read_csv(path: Path, data: bytes) -> Parsed:
        return Parsed(text=data.decode("utf-8").replace(",", " "), title=path.stem)

    reader = Reader("csv", "text/csv", (".csv",), read_csv)
    register(reader)
    try:
        (tmp_path / "rows.csv").write_text("brigade,valley\n", encoding="utf-8")
        doc = read_document(tmp_path / "rows.csv")
        assert (doc.reader, doc.text.strip(), doc.title) == ("csv", "brigade valley", "rows")
        assert tmp_path / "rows.csv" in iter_paths([str(tmp_path)])
    finally:
        READERS.pop(".csv")
        BY_NAME.pop("csv")


def test_unknown_reader_name_and_unsupported_suffix(tmp_path: Path) -> None:
    path = fx.write_text(tmp_path / "a.txt", "text")
    with pytest.raises(ReadError, match="unknown reader"):
        read_document(path, reader="nope")
    other = fx.write_text(tmp_path / "a.rtf", "text")
    with pytest.raises(ReadError, match=r"unsupported file type \.rtf"):
        read_document(other)


def test_iter_paths_expands_folders_globs_and_keeps_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in (
        "b.txt",
        "a.md",
        "sub/c.PDF",
        "sub/deep/d.docx",
        "sub/skip.rtf",
        ".hidden/e.txt",
        "~$lock.docx",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = iter_paths([str(tmp_path)])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "sub/c.PDF",
        "sub/deep/d.docx",
    ]
    globbed = iter_paths([str(tmp_path / "**" / "*.docx"), str(tmp_path / "b.txt"), str(tmp_path / "b.txt")])
    assert [p.name for p in globbed] == ["d.docx", "b.txt"]
    explicit = iter_paths([str(tmp_path / "sub" / "skip.rtf"), str(tmp_path / "missing.txt")])
    assert [p.name for p in explicit] == ["skip.rtf", "missing.txt"]
    with pytest.raises(ReadError, match="no file matches"):
        iter_paths([str(tmp_path / "*.nothing")])


@pytest.mark.devset
def test_development_reports_read_as_text(dev_docs: Path) -> None:
    paths = iter_paths([str(dev_docs)])
    assert paths
    for path in paths:
        doc = read_document(path)
        raw = path.read_text(encoding="utf-8")
        assert doc.text == raw.replace("\r\n", "\n").lstrip("\ufeff")
        assert doc.title is None or doc.title in raw.replace("**", "")
        assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_broken_pdf_metadata_does_not_cost_the_text(tmp_path: Path) -> None:
    path = fx.simple_pdf(tmp_path / "meta.pdf")
    data = path.read_bytes().replace(b"/Author", b"/Author 99 0 R /X", 1)  # dangling reference
    path.write_bytes(data)
    for reader in ("pdf/pypdf", "pdf/pdfminer"):
        doc = read_document(path, reader=reader)
        assert fx.PARAGRAPHS[2] in _flat(doc.text)
