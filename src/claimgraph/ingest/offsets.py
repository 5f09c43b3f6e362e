"""Build a cleaned text while remembering where each character came from.

``OffsetBuilder`` collects characters together with their index in the
original document text; cleanup uses it so that every body character maps
back to ``Document.text`` (``CleanText.offsets``).
"""

from __future__ import annotations


class OffsetBuilder:
    """Append-only text with one source offset per character."""

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._offsets: list[int] = []

    def __len__(self) -> int:
        return len(self._chars)

    def put(self, text: str, doc_pos: int) -> None:
        """Append ``text``, every character mapped to ``doc_pos``."""
        for ch in text:
            self._chars.append(ch)
            self._offsets.append(doc_pos)

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` character by character."""
        self._chars.extend(source[start:end])
        self._offsets.extend(range(start, end))

    def last(self, k: int = 1) -> str:
        """The ``k``-th character from the end, or "" when there is none."""
        return self._chars[-k] if len(self._chars) >= k else ""

    def tail(self, n: int) -> str:
        """The last ``n`` characters."""
        return "".join(self._chars[-n:])

    def pop(self) -> None:
        """Drop the last character."""
        self._chars.pop()
        self._offsets.pop()

    def rstrip(self) -> None:
        """Drop trailing whitespace."""
        while self._chars and self._chars[-1].isspace():
            self.pop()

    def text(self) -> str:
        return "".join(self._chars)

    def offsets(self) -> list[int]:
        return list(self._offsets)
