"""Numbers, ranges and bounds in running text.

``find_quantities`` reads figures as analysts write them: digits with
thousands separators ("2,200"), words ("eight", "twenty-three", "two
hundred"), scaled amounts ("$5 million", "1.5 billion"), percentages ("40 per
cent", "40%"), ranges ("3,000-5,000", "7,000 to 8,500", "between 1,500 and
2,200") and qualified figures.  Each becomes a ``Quantity`` following the
annotation guide:

* a single figure (also when approximate: "around 400") → ``low = high``;
* a lower bound ("at least 24", "more than 550", "over 90") → ``low`` only,
  ``high = None``, ``bound = "min"``;
* an upper bound ("fewer than 300", "up to 8,000", "less than 200") →
  ``low = None``, ``high`` only, ``bound = "max"``;
* vague amounts ("several hundred", "dozens", "thousands") are not numbers
  and yield nothing.

Four-digit years that ``dates.find_dates`` reads as dates are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.dates import SMALL_NUMBERS, find_dates

UNITS = {
    "zero": 0,
    # one..twelve as the date parser spells them (its "a"/"an" are articles here, not numbers)
    **{word: n for word, n in SMALL_NUMBERS.items() if word not in ("a", "an")},
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

MIN_CUES = (
    "at least",
    "no fewer than",
    "no less than",
    "not less than",
    "a minimum of",
    "more than",
    "over",
    "above",
    "in excess of",
    "upwards of",
    "greater than",
    "at a minimum",
)
MAX_CUES = (
    "fewer than",
    "less than",
    "under",
    "up to",
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "below",
    "as many as",
)
APPROX_CUES = (
    "around",
    "about",
    "approximately",
    "approx.",
    "nearly",
    "almost",
    "some",
    "roughly",
    "an estimated",
    "estimated",
    "close to",
    "circa",
    "c.",
    "~",
    "at around",
    "an approximate",
    "an average of",
)

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_WORD_NUM = (
    rf"(?:(?:{'|'.join(TENS)})[- ](?:{'|'.join(k for k in UNITS if UNITS[k] < 10 and k != 'zero')})"
    rf"|{_WORD}|a|an)"
)
_SCALE = r"(?:hundred|thousand|million|billion)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# One figure: digits or words, optionally scaled ("5 million", "two hundred and fifty", "a dozen").
_ATOM = (
    rf"(?:\$\s?|US\$\s?|USD\s?)?"
    rf"(?:(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?dozen(?!s)"
    rf"|{_DIGITS}(?:\s+{_SCALE})?"
    rf"|(?:{_WORD_NUM})(?:\s+{_SCALE}(?:\s+(?:and\s+)?(?:{_WORD_NUM}))?)?)"
)
_CUE = "|".join(re.escape(c) for c in sorted((*MIN_CUES, *MAX_CUES, *APPROX_CUES), key=len, reverse=True))
_UNIT = r"(?P<unit>-strong\b|\s?%|\s+per\s?cent\b|\s+percent\b|\s+(?:US\s+)?dollars\b|\s+USD\b)?"
_PATTERN = re.compile(
    rf"(?<![\w$./-])(?:(?P<cue>{_CUE})\s+)?(?:(?P<btw>between)\s+|from\s+)?"
    rf"(?P<a>{_ATOM})"
    rf"(?:(?(btw)\s*(?:and\s|-|–|to\s)\s*|(?:\s*[-–—]\s*|\s+to\s+))(?P<b>{_ATOM}))?"
    rf"(?![\w/]|[.,]\d|-(?!strong\b)\w){_UNIT}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A figure in text; ``low``/``high`` follow the annotation guide (see module doc)."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    approx: bool = False
    bound: str | None = None  # "min" | "max" | None
    unit: str | None = None  # "percent" | "usd" | "strength" ("2,000-strong") | None

    @property
    def value(self) -> float | None:
        """One representative figure: ``low``, else ``high``."""
        return self.low if self.low is not None else self.high


def word_value(text: str) -> float | None:
    """Value of one figure: "2,200" → 2200, "twenty-three" → 23, "$5 million" → 5e6, "a dozen" → 12."""
    t = re.sub(r"^(?:US\$|USD|\$)\s?", "", text.strip(), flags=re.IGNORECASE).lower()
    if not t:
        return None
    parts = t.replace("-", " ").split()
    total, current, seen = 0.0, 0.0, False
    for part in parts:
        if part == "and":
            continue
        if re.fullmatch(_DIGITS, part):
            current += float(part.replace(",", ""))
        elif part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in ("a", "an"):
            current += 1
        elif part == "dozen":
            current = (current or 1) * 12
        elif part in SCALES:
            current = (current or 1) * SCALES[part]
            if SCALES[part] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _cue_kind(cue: str | None) -> str | None:
    if not cue:
        return None
    c = cue.lower()
    if c in MIN_CUES:
        return "min"
    if c in MAX_CUES:
        return "max"
    return "approx"


def _plain(n: float | None) -> float | None:
    return float(int(n)) if n is not None and n == int(n) else n


def find_quantities(text: str, skip_dates: bool = True) -> list[Quantity]:
    """Every figure in ``text``, in order (years read as dates are left out)."""
    dates = [(d.start, d.end) for d in find_dates(text)] if skip_dates else []
    out: list[Quantity] = []
    for m in _PATTERN.finditer(text):
        a_text = m.group("a")
        if a_text.strip().lower() in ("a", "an"):
            continue
        if any(s < m.end("a") and m.start("a") < e for s, e in dates):
            continue
        low = word_value(a_text)
        high = word_value(m.group("b")) if m.group("b") else low
        if low is None or high is None:
            continue
        if high < low:  # "9-10" fine; "20-5" is not a range, keep the first figure
            high = low
        unit_text = (m.group("unit") or "").lower()
        unit = "percent" if ("%" in unit_text or "cent" in unit_text) else None
        if unit_text == "-strong":
            unit = "strength"  # "a 2,000-strong force": the size of a body of fighters
        if "$" in a_text or "dollar" in unit_text or "usd" in unit_text or "usd" in a_text.lower():
            unit = "usd"
        kind = _cue_kind(m.group("cue"))
        approx = kind == "approx"
        bound = kind if kind in ("min", "max") and not m.group("b") else None
        if bound == "min":
            high = None
        elif bound == "max":
            low = None
        start = m.start("cue") if m.group("cue") else m.start() if m.group("b") else m.start("a")
        out.append(
            Quantity(start, m.end(), text[start : m.end()], _plain(low), _plain(high), approx, bound, unit)
        )
    return out


def parse_quantity(expression: str) -> Quantity | None:
    """The first figure in ``expression`` ("at least 24" → low 24, high None), else ``None``."""
    found = find_quantities(expression)
    return found[0] if found else None
