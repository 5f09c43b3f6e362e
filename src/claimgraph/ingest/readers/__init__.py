"""Document readers and their registry.

``READERS`` maps a lower-case suffix (".pdf") to the :class:`Reader` used by
default; ``BY_NAME`` maps every reader's name ("pdf/pypdf") to it, so a caller
can pick a non-default one.  A plugin adds a format with :func:`register`.
"""

from __future__ import annotations

from claimgraph.ingest.readers.base import Parsed, Reader, Refused
from claimgraph.ingest.readers.docxfile import DOCX
from claimgraph.ingest.readers.htmlfile import HTML
from claimgraph.ingest.readers.pdffile import PDFMINER, PYPDF
from claimgraph.ingest.readers.textfile import MARKDOWN, TEXT

# The default PDF reader won the reading-order comparison in docs/pdf-readers.md.
DEFAULT_PDF = PDFMINER

READERS: dict[str, Reader] = {}
BY_NAME: dict[str, Reader] = {}


def register(reader: Reader, *, default: bool = True) -> None:
    """Add a reader: by name always, and for its suffixes when ``default``."""
    known = BY_NAME.get(reader.name)
    if known is None or known.read is not reader.read:  # .txt and .md share the "text" reader
        BY_NAME[reader.name] = reader
    if default:
        for suffix in reader.suffixes:
            READERS[suffix.lower()] = reader


for _reader in (TEXT, MARKDOWN, HTML, DOCX, DEFAULT_PDF):
    register(_reader)
register(PYPDF if DEFAULT_PDF is PDFMINER else PDFMINER, default=False)
BY_NAME["pdf"] = DEFAULT_PDF

__all__ = ["BY_NAME", "DEFAULT_PDF", "READERS", "Parsed", "Reader", "Refused", "register"]
