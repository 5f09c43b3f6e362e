"""Checks on raw bytes before any parser sees them: magic bytes, binary
content, character sets, zip bombs."""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile

from claimgraph.ingest.readers.base import Refused

# Leading bytes of formats people most often misname, for a helpful reason.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (e.g. .docx)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)

MAX_ZIP_TOTAL = 200 * 1024 * 1024  # uncompressed bytes in one .docx
MAX_ZIP_RATIO = 100  # uncompressed / compressed, over the whole archive
MAX_ZIP_MEMBERS = 10_000
_RATIO_FLOOR = 1024 * 1024  # tiny archives may compress well; only judge ratio above this


def describe_magic(data: bytes) -> str | None:
    """What the leading bytes say the file is, e.g. "a PNG image", or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def require_pdf(data: bytes) -> None:
    """Refuse bytes that have no ``%PDF`` header in the first KiB."""
    if b"%PDF-" not in data[:1024]:
        what = describe_magic(data)
        raise Refused(f"not a PDF (no %PDF header){'; looks like ' + what if what else ''}")


def require_zip(data: bytes) -> None:
    """Refuse bytes that are not a zip archive (every .docx is one)."""
    if not data.startswith(b"PK\x03\x04"):
        what = describe_magic(data)
        raise Refused(f"not a zip archive, so not a .docx{'; looks like ' + what if what else ''}")


def check_zip(data: bytes) -> None:
    """Refuse a zip bomb by its declared sizes, before anything is extracted.

    zipfile stops a member at its declared size (and fails the CRC), so the
    central directory's sizes bound what extraction can produce.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise Refused(f"corrupt zip archive: {err}") from err
    if len(members) > MAX_ZIP_MEMBERS:
        raise Refused(f"zip archive has {len(members)} members, limit {MAX_ZIP_MEMBERS}")
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total > MAX_ZIP_TOTAL:
        raise Refused(
            f"zip bomb suspected: members would inflate to {total / 2**20:.0f} MiB, "
            f"limit {MAX_ZIP_TOTAL / 2**20:.0f} MiB"
        )
    if total > _RATIO_FLOOR and total / packed > MAX_ZIP_RATIO:
        raise Refused(
            f"zip bomb suspected: compression ratio {total / packed:.0f}:1, limit {MAX_ZIP_RATIO}:1"
        )


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WESTERN_EXTRA = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
_BINARY_RATIO = 0.02  # share of control characters above which text is binary


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes of a text file; returns (text, encoding name).

    Order: byte-order mark, UTF-8, an encoding the file declares (HTML meta),
    Windows-1252 when the result is plausible Western text, then
    charset-normalizer.  Raises :class:`Refused` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            enc = encoding.removesuffix("-sig")
            try:
                return _checked(body.decode(enc)), encoding
            except UnicodeDecodeError as err:
                raise Refused(f"undecodable {encoding} text: {err.reason}") from err
    what = describe_magic(data)
    if what:
        raise Refused(f"binary content: looks like {what}, not text")
    sample = data[:65536]
    if sample.count(0) > len(sample) * _BINARY_RATIO:
        guess = _bomless_utf16(data)
        if guess:
            return guess
        raise Refused("binary content: too many NUL bytes for text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(declared)), declared
        except (LookupError, UnicodeDecodeError):
            pass
    western = _western(data)
    if western is not None:
        return _checked(western), "cp1252"
    return _normalizer(data)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM shows NULs at every other byte of ASCII text."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > 0.7 * half:
            try:
                return _checked(data.decode(encoding)), encoding
            except (UnicodeDecodeError, Refused):
                return None
    return None


def _western(data: bytes) -> str | None:
    """cp1252 text when it reads as mostly-ASCII Western prose (café, Médecins)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    high = [c for c in text if ord(c) > 127]
    if not letters or not high:
        return None
    high_letters = sum(1 for c in high if c.isalpha())
    if high_letters / len(letters) > 0.3:
        return None  # more like Cyrillic/Greek read with the wrong code page
    ok = all(0xA0 <= ord(c) <= 0xFF or c in _WESTERN_EXTRA for c in high)
    return text if ok else None


def _normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise Refused("binary or undecodable content: no character set fits")
    return _checked(str(best)), best.encoding


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary data)."""
    sample = text[:65536]
    if not sample:
        return text
    bad = sum(
        1
        for c in sample
        if c == "\ufffd" or (unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\t\n\r\f\v")
    )
    if bad > len(sample) * _BINARY_RATIO:
        raise Refused(f"binary content: {bad} control characters in the first {len(sample)}")
    return text


def sniff_text(data: bytes) -> None:
    """Cheap sniffer for text formats: refuses known binary formats and NUL-filled data.

    The full check (undecodable bytes, control characters) happens in
    :func:`decode_text` when the reader runs.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    what = describe_magic(data)
    if what:
        raise Refused(f"binary content: looks like {what}, not text")
    sample = data[:65536]
    if sample.count(0) > len(sample) * _BINARY_RATIO and _bomless_utf16(data) is None:
        raise Refused("binary content: too many NUL bytes for text")
