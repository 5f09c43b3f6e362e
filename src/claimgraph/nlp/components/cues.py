"""Type cues inside names, read from the ``entity_cues`` lexicon.

``Cues.classify(["jalalabad", "prison"])`` → the first matching entry
(type place, kind facility).  Entries marked ``after_place`` only apply when
the rest of the name is a place ("Khyber Agency"), so the caller passes a
predicate for that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.packs import PackSet


@dataclass(frozen=True)
class Cue:
    term: tuple[str, ...]
    type: str
    kind: str | None
    position: str  # first | last | any
    after_place: bool = False
    standalone: bool = False  # the word alone is a name ("Taliban"), not just a head noun


class Cues:
    """Ordered cue entries with a lookup by word."""

    def __init__(self, packs: PackSet | None = None) -> None:
        self.entries: list[Cue] = []
        if packs is not None:
            for e in packs.entries("entity_cues"):
                self.entries.append(
                    Cue(
                        term=tuple(e["term"].lower().split()),
                        type=e["type"],
                        kind=e.get("kind"),
                        position=e["position"],
                        after_place=bool(e.get("after_place", False)),
                        standalone=bool(e.get("standalone", False)),
                    )
                )
        self.words = frozenset(w for c in self.entries for w in c.term)
        self.heads = frozenset(" ".join(c.term) for c in self.entries if c.position in ("last", "any"))

    def classify(
        self, words: list[str], rest_is_place: Callable[[int, int], bool] | None = None
    ) -> tuple[Cue, int, int] | None:
        """The first cue found in the lowercased ``words``, with the word range it covers."""
        if not self.words.intersection(words):
            return None
        n = len(words)
        for cue in self.entries:
            size = len(cue.term)
            if size > n:
                continue
            if cue.position == "first":
                ranges = [0] if tuple(words[:size]) == cue.term else []
            elif cue.position == "last":
                ranges = [n - size] if tuple(words[n - size :]) == cue.term else []
            else:
                ranges = [i for i in range(n - size + 1) if tuple(words[i : i + size]) == cue.term]
            for i in ranges:
                if cue.after_place:
                    if i == 0 or rest_is_place is None or not rest_is_place(0, i):
                        continue
                elif cue.type == "place" and cue.position == "last" and n == size:
                    continue  # a bare head ("Province") names nothing
                return cue, i, i + size
        return None
