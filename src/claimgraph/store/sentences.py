"""A small regex sentence splitter, used when the NLP stage gives no sentences.

It splits after ``.``, ``!``, ``?`` or ``…`` (plus closing quotes/brackets)
when whitespace and an upper-case letter, digit or opening quote follow, and
at blank lines.  A full stop after a common abbreviation or a single initial
("Dr.", "U.S.", "J.") is not a boundary.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(
    r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]*[A-Z0-9À-ÖØ-Þ])"""  # terminator before a capitalised word
    r"|\n[ \t]*\n"  # paragraph break
)
_LAST_WORD = re.compile(r"([\w.]+)[.]$")
_ABBREVIATION_LIST = """mr mrs ms dr prof gen col lt maj capt cpt sgt adm cmdr gov sen rep st jr sr no nos
    vol pp p fig e.g i.e vs cf approx est inc ltd co corp dept univ al jan feb apr jun jul aug sep sept oct
    nov dec u.s u.k u.n u.s.a e.u"""
ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop ending at ``stop`` closes an abbreviation or an initial."""
    match = _LAST_WORD.search(text, max(0, stop - 12), stop)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower() in ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of ``text``, in order, stripped of surrounding whitespace.

    Every non-space character of ``text`` lies in exactly one span.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _BOUNDARY.finditer(text):
        terminator = match.group()
        single_stop = terminator.startswith(".") and len(terminator.rstrip("\"'”’)]")) == 1
        if single_stop and _is_abbreviation(text, match.start() + 1):
            continue
        start, end = _strip(text, pos, match.end())
        if start < end:
            spans.append((start, end))
        pos = match.end()
    start, end = _strip(text, pos, len(text))
    if start < end:
        spans.append((start, end))
    return spans
