"""Note markers in the body: superscripts, ``^{n}``, ``[n]``, ``<sup>`` and bare numbers.

``find_markers`` collects the candidates in the body blocks and keeps the
unambiguous ones plus the bare numbers that fit the rising sequence of note
numbers around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimgraph.ingest.notes import SUP_TO_DIGIT, SUPERSCRIPTS, Block
from claimgraph.records import Marker

_SUP_RUN = re.compile(rf"[{SUPERSCRIPTS}]+(?:\s?[,‚⁻–-]\s?[{SUPERSCRIPTS}]+)*")
_CARET_MARK = re.compile(
    r"\[\^(\d{1,3})\](?!:)|\^\{\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*[.)]?\s*\}|\^(\d{1,3})\b"
)
_SUP_TAG = re.compile(r"<sup>\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*</sup>", re.IGNORECASE)
_BRACKET_MARK = re.compile(r"(?<=[^\s\d\[])\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
_GLUED = re.compile(r"(?<=[^\W\d_])([)\"”’]?[.,;:!?][)\"”’]?|[)\"”’])(\d{1,3})(?=[\s)\"”’]|$)")
_GLUED_YEAR = re.compile(r"(?<=\d\d)\.(\d{1,3})(?= [A-Z])")  # "in May 2019.41 Then"
_SPACED = re.compile(r"(?<=[^\W\d_])([.!?][)\"”’]?) (\d{1,3}) (?=[A-Z“\"‘])")
_UNITS = {"m", "km", "cm", "mm", "ft", "mi", "sq"}


@dataclass
class _Cand:
    start: int
    end: int
    ids: list[int]
    strong: bool
    orphan: bool = False  # a bare number whose note is missing from the text


def _ids(spec: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*[,‚]\s*", spec.translate(SUP_TO_DIGIT).replace("⁻", "-")):
        lo, _, hi = re.sub(r"\s", "", part).replace("–", "-").partition("-")
        if lo.isdigit() and hi.isdigit() and 0 < int(hi) - int(lo) < 20:
            out.extend(range(int(lo), int(hi) + 1))
        elif lo.isdigit():
            out.append(int(lo))
    return out


def _candidates(line: str, base: int, note_ids: set[int]) -> list[_Cand]:
    out = []
    for m in _SUP_RUN.finditer(line):
        word = re.search(r"(\w+)$", line[max(0, m.start() - 4) : m.start()])
        if word and word.group(1).lower() in _UNITS:
            continue
        out.append(_Cand(base + m.start(), base + m.end(), _ids(m.group()), True))
    for rx in (_CARET_MARK, _SUP_TAG):
        for m in rx.finditer(line):
            spec = (m.group(1) or m.group(2) or m.group(3)) if rx is _CARET_MARK else m.group(1)
            out.append(_Cand(base + m.start(), base + m.end(), _ids(spec), True))
    for m in _BRACKET_MARK.finditer(line):
        ids = _ids(m.group(1))
        if ids and all(i in note_ids for i in ids):
            out.append(_Cand(base + m.start(), base + m.end(), ids, True))
    for m in _GLUED.finditer(line):
        n = int(m.group(2))
        if n in note_ids or m.group(1)[-1] in '."”’)':
            out.append(_Cand(base + m.start(2), base + m.end(2), [n], False, orphan=n not in note_ids))
    for m in _GLUED_YEAR.finditer(line):
        n = int(m.group(1))
        if n in note_ids:
            out.append(_Cand(base + m.start(1), base + m.end(1), [n], False))
    for m in _SPACED.finditer(line):
        n = int(m.group(2))
        if n in note_ids:
            # drop the number and the space after it: "supplies. 12 The" → "supplies. The"
            out.append(_Cand(base + m.start(2), base + m.end(2) + 1, [n], False))
    return out


def _best_chain(cands: list[_Cand]) -> set[int]:
    """Indices of the heaviest run of candidates whose numbers rise in text order."""
    n = len(cands)
    score = [0] * n
    back = [-1] * n
    for i, c in enumerate(cands):
        if c.orphan:
            continue
        w = 3 if c.strong else 1
        score[i] = w
        if not c.ids:
            continue
        for j in range(max(0, i - 60), i):  # markers rise steadily: a bounded look back is enough
            p = cands[j]
            if p.ids and p.ids[-1] < c.ids[0] <= p.ids[-1] + 25 and score[j] + w > score[i]:
                score[i], back[i] = score[j] + w, j
    if not any(score):
        return set()
    i = max(range(n), key=lambda k: score[k])
    chain = set()
    while i >= 0:
        chain.add(i)
        i = back[i]
    return chain


def find_markers(blocks: list[Block], src: str, note_ids: set[str]) -> list[Marker]:
    """Note markers in the body blocks.

    Superscripts and ``^{n}`` always count.  A bare number ("1980s.3",
    "supplies. 12 The") counts only when a note with that number exists and
    the number fits the rising sequence of the markers around it.
    """
    numeric = {int(i) for i in note_ids if i.isdigit()}
    cands: list[_Cand] = []
    for b in blocks:
        if b.kind != "body":
            continue
        for s, e in b.lines:
            cands.extend(_candidates(src[s:e], s, numeric))
    cands.sort(key=lambda c: c.start)
    chain = _best_chain(cands)
    kept = [i for i, c in enumerate(cands) if c.strong or i in chain]
    for i, c in enumerate(cands):
        if c.orphan:
            # keep only when squeezed between the markers of the notes just before and after it
            k = bisect.bisect_left(kept, i)
            before, after = kept[k - 1 : k], kept[k : k + 1]
            n = c.ids[0]
            if before and after and cands[before[0]].ids[-1] == n - 1 and cands[after[0]].ids[0] == n + 1:
                kept.insert(k, i)
    markers = []
    for i in kept:
        c = cands[i]
        markers.extend(Marker(str(n), c.start, c.end) for n in c.ids)
        if not c.ids:
            markers.append(Marker("", c.start, c.end))
    return markers
