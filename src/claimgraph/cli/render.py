"""Shared rendering of the analysis commands: short cells, dates, stances."""

from __future__ import annotations

from rich.markup import escape

WIDTH = 160  # longest evidence shown in a table cell


def cell(text: object, width: int = WIDTH) -> str:
    """Escaped, single-line, shortened text for a table cell."""
    s = " ".join(str(text or "").split())
    if len(s) > width:
        s = s[: width - 1] + "…"
    return escape(s)


def date(value: str | None) -> str:
    return value or "undated"


def stance(polarity: str, certainty: str) -> str:
    word = "affirms" if polarity == "affirm" else "denies"
    return word + (" (hedged)" if certainty == "hedged" else "")
