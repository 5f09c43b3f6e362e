"""Read any supported document into a :class:`claimgraph.records.Document`.

Every file goes through the same gate: it exists, is not empty, not over
``max_file_mb``, its bytes match its suffix (magic bytes), the reader
succeeds, and the text is not over ``max_text_chars``.  Whatever goes wrong
surfaces as :class:`claimgraph.exc.ReadError` naming the file and a reason;
no exception of a parsing library escapes.
"""

from __future__ import annotations

import glob
import hashlib
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimgraph import settings
from claimgraph.exc import ReadError
from claimgraph.ingest.readers import BY_NAME, READERS, Reader, Refused
from claimgraph.ingest.readers.base import tidy
from claimgraph.records import Document

_GLOB_CHARS = set("*?[")


class ReadTimeout(BaseException):
    """Raised inside a parser when reading takes too long.

    A BaseException so that a parser's own ``except Exception`` cannot swallow it.
    """


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (a crafted PDF can make a parser loop).

    Uses a real-time interval timer, so it applies in the main thread of a POSIX
    process, where ingest runs; elsewhere the block runs unbounded.
    """
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise ReadTimeout

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_document(path: str | Path, *, reader: str | None = None) -> Document:
    """Read one file into a Document.

    The reader is chosen by suffix from ``READERS``; ``reader`` names another
    one from ``BY_NAME`` (e.g. ``"pdf/pypdf"``).  Raises ``ReadError(path,
    reason)`` for a missing, empty, oversized, mislabelled, corrupt,
    encrypted, binary or text-less file, a zip bomb, or too much text.
    """
    path = Path(path)
    chosen = _choose(path, reader)
    data = _load(path)
    seconds = settings.get_int("max_read_seconds")
    try:
        with time_limit(seconds):
            chosen.sniff(data)
            parsed = chosen.read(path, data)
            text = tidy(parsed.text)
    except ReadTimeout:
        raise ReadError(
            str(path), f"{chosen.name} took longer than {seconds} s (limit: CLAIMGRAPH_MAX_READ_SECONDS)"
        ) from None
    except Refused as err:
        raise ReadError(str(path), err.reason) from err
    except ReadError:
        raise
    except Exception as err:  # the boundary: a parser's own exception becomes a reason
        raise ReadError(
            str(path), f"{chosen.name} could not parse the file: {type(err).__name__}: {err}"
        ) from err
    if not text.strip():
        raise ReadError(str(path), "no text found")
    limit = settings.get_int("max_text_chars")
    if len(text) > limit:
        raise ReadError(str(path), f"text too long: {len(text)} characters, limit {limit}")
    return Document(
        text=text,
        source_path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        reader=parsed.reader or chosen.name,
        title=parsed.title,
        authors=list(parsed.authors),
        published=parsed.published,
        media_type=chosen.media_type,
    )


def _choose(path: Path, name: str | None) -> Reader:
    if name is not None:
        if name not in BY_NAME:
            raise ReadError(str(path), f"unknown reader {name!r}; known: {', '.join(sorted(BY_NAME))}")
        return BY_NAME[name]
    suffix = path.suffix.lower()
    if suffix not in READERS:
        shown = suffix or "(no suffix)"
        raise ReadError(str(path), f"unsupported file type {shown}; supported: {', '.join(sorted(READERS))}")
    return READERS[suffix]


def _load(path: Path) -> bytes:
    """The file's bytes, after the checks that need no reading."""
    try:
        if not path.exists():
            raise ReadError(str(path), "file not found")
        if not path.is_file():
            raise ReadError(str(path), "not a regular file")
        size = path.stat().st_size
        if size == 0:
            raise ReadError(str(path), "empty file")
        limit_mb = settings.get_int("max_file_mb")
        if size > limit_mb * 1024 * 1024:
            raise ReadError(str(path), f"file too large: {size / 2**20:.1f} MiB, limit {limit_mb} MiB")
        with path.open("rb") as handle:
            # Read at most one byte past the limit: the file may grow after stat().
            data = handle.read(limit_mb * 1024 * 1024 + 1)
    except OSError as err:
        raise ReadError(str(path), f"cannot read file: {err.strerror or err}") from err
    if len(data) > limit_mb * 1024 * 1024:
        raise ReadError(str(path), f"file too large: over {limit_mb} MiB")
    if not data:
        raise ReadError(str(path), "empty file")
    return data


def supported(path: Path) -> bool:
    """True when a reader is registered for the file's suffix."""
    return path.suffix.lower() in READERS


def iter_paths(inputs: list[str]) -> list[Path]:
    """Expand files, folders and glob patterns into a list of files to read.

    A file is kept as given (``read_document`` will explain if it cannot be
    read), also when it does not exist.  A folder contributes its supported
    files, recursively, sorted; hidden files and Office lock files (``~$*``)
    are skipped and symlinked folders are not followed.  A glob pattern
    contributes the supported files it matches (folders it matches are
    expanded); one that matches nothing raises ``ReadError``.  Duplicates are
    dropped, first occurrence wins.
    """
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.exists() or not (_GLOB_CHARS & set(raw)):
            found.append(path)
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise ReadError(raw, "no file matches this pattern")
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    found.extend(_walk(m))
                elif supported(m) and not _skipped(m.name):
                    found.append(m)
    unique: dict[Path, None] = {}
    for p in found:
        unique.setdefault(p, None)
    return list(unique)


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$"))


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not _skipped(d)]
        files.extend(Path(root) / n for n in names if not _skipped(n) and supported(Path(n)))
    return sorted(files)
