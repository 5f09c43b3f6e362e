"""Hostile and broken inputs: every one is refused with ReadError naming the file and a reason,
and nothing else ever escapes read_document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import make_fixtures as fx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.exc import ReadError
from claimgraph.ingest.read import iter_paths, read_document
from claimgraph.records import Document


def _refusal(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    return info.value.reason


def test_folder_of_mixed_files_reads_the_good_and_refuses_the_bad(tmp_path: Path) -> None:
    good = {
        "latin1.txt": fx.write_text(
            tmp_path / "latin1.txt", "Médecins at the café said the road was open.\n", "latin-1"
        ),
        "page.html": fx.html_page(tmp_path / "page.html"),
        "survey.pdf": fx.simple_pdf(tmp_path / "survey.pdf"),
        "survey.docx": fx.docx_file(tmp_path / "survey.docx"),
    }
    (tmp_path / "corrupt.pdf").write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF-garbage"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    fx.zip_bomb(tmp_path / "bomb.docx")
    bad = {"corrupt.pdf": "PDF", "empty.txt": "empty", "binary.txt": "binary", "bomb.docx": "zip bomb"}

    outcomes: dict[str, Document | str] = {}
    for path in iter_paths([str(tmp_path)]):
        try:
            outcomes[path.name] = read_document(path)
        except ReadError as err:
            assert err.path == str(path)
            outcomes[path.name] = err.reason
    assert set(outcomes) == set(good) | set(bad)
    for name in good:
        assert isinstance(outcomes[name], Document), outcomes[name]
    assert "Médecins" in outcomes["latin1.txt"].text  # type: ignore[union-attr]
    assert "script must not leak" not in outcomes["page.html"].text  # type: ignore[union-attr]
    assert "alert(1)" not in outcomes["page.html"].text  # type: ignore[union-attr]
    for name, word in bad.items():
        assert isinstance(outcomes[name], str)
        assert word.lower() in outcomes[name].lower(), outcomes[name]  # type: ignore[union-attr]


def test_missing_file(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nowhere.pdf") == "file not found"


def test_folder_given_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    assert "not a regular file" in _refusal(tmp_path / "dir.txt")


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_FILE_MB", "1")
    path = fx.write_text(tmp_path / "big.txt", "The council met again. " * 50_000)
    reason = _refusal(path)
    assert "too large" in reason and "limit 1 MiB" in reason


def test_text_over_the_character_limit_is_refused_not_truncated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_TEXT_CHARS", "1000")
    path = fx.write_text(tmp_path / "long.txt", "The council met again. " * 100)
    assert _refusal(path) == "text too long: 2300 characters, limit 1000"
    pdf = fx.simple_pdf(tmp_path / "long.pdf", ["The council met again and again. " * 40] * 3)
    assert "text too long" in _refusal(pdf)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("fake.pdf", b"Just some words, no PDF header at all.", "not a PDF"),
        ("png.pdf", b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        ("fake.docx", b"Plain words pretending to be a document.", "not a zip"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Microsoft Office"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("pdf.txt", b"%PDF-1.4\n" + bytes(range(256)), "PDF file"),
        ("zeros.txt", bytes(5000), "NUL"),
        ("controls.txt", bytes(range(1, 9)) * 500, "binary"),
        ("zeros.html", bytes(5000), "NUL"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Length 10", "PDF"),
    ],
)
def test_mislabelled_binary_and_corrupt_files(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    (tmp_path / name).write_bytes(data)
    assert expected.lower() in _refusal(tmp_path / name).lower()


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    reason = _refusal(fx.simple_pdf(tmp_path / "locked.pdf", encrypt="secret-password"))
    assert "encrypted PDF" in reason


@pytest.mark.parametrize("reader", ["pdf/pypdf", "pdf/pdfminer"])
def test_both_pdf_readers_refuse_encrypted_and_image_only(tmp_path: Path, reader: str) -> None:
    locked = fx.simple_pdf(tmp_path / "locked.pdf", encrypt="secret-password")
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_document(locked, reader=reader)
    with pytest.raises(ReadError, match="no text layer"):
        read_document(fx.image_only_pdf(tmp_path / "scan.pdf"), reader=reader)


def test_zip_bomb_is_refused_before_extraction(tmp_path: Path) -> None:
    path = fx.zip_bomb(tmp_path / "bomb.docx", inflated_mb=210)
    assert path.stat().st_size < 2 * 1024 * 1024
    reason = _refusal(path)
    assert "zip bomb" in reason and "210 MiB" in reason


def test_small_zip_bomb_is_refused_by_compression_ratio(tmp_path: Path) -> None:
    reason = _refusal(fx.zip_bomb(tmp_path / "ratio.docx", inflated_mb=20))
    assert "compression ratio" in reason


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("readme.txt", "an ordinary archive")
    (tmp_path / "archive.docx").write_bytes(buf.getvalue())
    assert "invalid docx" in _refusal(tmp_path / "archive.docx")


def test_html_with_nothing_but_script_and_style(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>")
    assert "no main text" in _refusal(path)


def test_whitespace_only_text(tmp_path: Path) -> None:
    path = fx.write_text(tmp_path / "blank.md", "\n\n   \t\n")
    assert "no text" in _refusal(path)


# -- never anything but a Document or a ReadError -------------------------------------------------

_PREFIXES = {
    ".txt": [b""],
    ".html": [b"", b"<html><body><p>", b"<!DOCTYPE html><meta charset='utf-16'>"],
    ".pdf": [b"", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"],
    ".docx": [b"", b"PK\x03\x04"],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from(sorted(_PREFIXES)),
    prefix_index=st.integers(min_value=0, max_value=2),
    body=st.binary(max_size=2000),
)
def test_arbitrary_bytes_give_a_document_or_a_read_error(
    tmp_path: Path, suffix: str, prefix_index: int, body: bytes
) -> None:
    prefixes = _PREFIXES[suffix]
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(prefixes[prefix_index % len(prefixes)] + body)
    try:
        doc = read_document(path)
    except ReadError as err:
        assert err.path == str(path) and err.reason
    else:
        assert isinstance(doc, Document) and doc.text.strip()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_real_files_give_a_document_or_a_read_error(tmp_path: Path, data: st.DataObject) -> None:
    """Overwrite bytes of well-formed PDF/DOCX files, sometimes truncate them."""
    kind = data.draw(st.sampled_from(["pdf", "docx"]))
    path = tmp_path / f"damaged.{kind}"
    source = _GOOD[kind](tmp_path)
    raw = bytearray(source.read_bytes())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    if data.draw(st.booleans()):  # truncate too (a docx then loses its zip directory)
        raw = raw[: data.draw(st.integers(min_value=len(raw) // 3, max_value=len(raw)))]
    path.write_bytes(bytes(raw))
    try:
        read_document(path)
    except ReadError as err:
        assert err.reason


_CACHE: dict[str, bytes] = {}


def _good_pdf(tmp_path: Path) -> Path:
    if "pdf" not in _CACHE:
        _CACHE["pdf"] = fx.simple_pdf(tmp_path / "src.pdf").read_bytes()
    (tmp_path / "src.pdf").write_bytes(_CACHE["pdf"])
    return tmp_path / "src.pdf"


def _good_docx(tmp_path: Path) -> Path:
    if "docx" not in _CACHE:
        _CACHE["docx"] = fx.docx_file(tmp_path / "src.docx", notes=fx.NOTES).read_bytes()
    (tmp_path / "src.docx").write_bytes(_CACHE["docx"])
    return tmp_path / "src.docx"


_GOOD = {"pdf": _good_pdf, "docx": _good_docx}


def test_a_reader_that_never_finishes_is_stopped_with_a_reason(tmp_path: Path, monkeypatch) -> None:
    from claimgraph.ingest.readers import BY_NAME, READERS, register
    from claimgraph.ingest.readers.base import Reader

    def spin(path: Path, data: bytes):
        while True:  # a parser stuck on a crafted file
            pass

    monkeypatch.setenv("CLAIMGRAPH_MAX_READ_SECONDS", "1")
    monkeypatch.setitem(READERS, ".spin", READERS[".txt"])
    monkeypatch.setitem(BY_NAME, "spin", BY_NAME["text"])
    register(Reader(name="spin", media_type="text/plain", suffixes=(".spin",), read=spin))
    target = tmp_path / "stuck.spin"
    target.write_text("anything")
    reason = _refusal(target)
    assert "took longer than 1 s" in reason
