"""What a reader is: a named function from raw bytes to text plus metadata.

Readers only parse.  The checks every format shares (file exists, size
limits, sha256, text length) live in :mod:`claimgraph.ingest.read`, so a
plugin reader gets them for free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Parsed:
    """What a reader found in one file, before ``read_document`` wraps it."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date, partial allowed
    reader: str | None = None  # set when a fallback did the work ("html/lxml")


class Refused(Exception):
    """Raised by a reader or a sniffer for input it will not read.

    ``read_document`` turns it into :class:`claimgraph.exc.ReadError` with the
    file's path; readers raise it because they only see bytes.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reader:
    """A document format reader.

    ``read(path, data)`` returns :class:`Parsed` or raises :class:`Refused`;
    any other exception it lets escape is wrapped by ``read_document``.
    ``sniff(data)`` checks the raw bytes before parsing and raises
    :class:`Refused` when they are not this format (a ``.pdf`` without
    ``%PDF``, binary data in a ``.txt``).
    """

    name: str  # "text", "html/trafilatura", "pdf/pypdf"...
    media_type: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, bytes], Parsed]
    sniff: Callable[[bytes], None] = lambda data: None


def optional_metadata(get: Callable[[], dict[str, object]]) -> dict[str, object]:
    """Metadata from ``get()``, or none when it fails: a broken info
    dictionary must not cost the document its text."""
    try:
        return get()
    except Exception:  # any parser error in optional metadata
        return {}


_CONTROL = dict.fromkeys([*range(0, 9), 11, *range(14, 32), 127])


def tidy(text: str) -> str:
    """Newlines as ``\\n``, NUL and other stray control characters removed.

    Tabs, newlines and form feeds (page breaks) stay.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    return text.lstrip("\ufeff").translate(_CONTROL)
