"""Text primitives shared by every stage (so that no stage imports a later one for them)."""

from __future__ import annotations

import unicodedata

APOSTROPHES = "'’‘`ʼʻ′"


def strip_marks(text: str) -> str:
    """Diacritics removed, case kept ("Qā'ida" → "Qa'ida")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lowercase with diacritics removed (é → e, ā → a)."""
    return strip_marks(text).casefold()
