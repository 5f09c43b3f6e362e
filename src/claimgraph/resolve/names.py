"""Name normalisation for matching the same actor across spellings.

Three levels, from strict to loose:

``normalize``   case, diacritics, possessive, punctuation and a leading "the"
                removed: "the Taliban's" → "taliban".
``strip_titles`` honorifics removed from the front: "Mawlawi Aslam Farooqi" → "aslam farooqi".
``skeleton``    a transliteration key: vowels and doubled letters folded, q→k,
                articles and separators dropped: Farooqi/Faruqi, Hafeez/Hafiz,
                Zia-ul-Haq/Ziaul Haq, Khorasan/Khurasan share a key.

All functions are total: any string in, a string out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimgraph.text import APOSTROPHES, fold

_POSSESSIVE = re.compile(r"[" + APOSTROPHES + r"]s?$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

# Honorifics and ranks that precede names in reports on the region.  Kept
# short and general; packs may add more through the "titles" lexicon.
DEFAULT_TITLES: frozenset[str] = frozenset(
    {
        "mawlawi",
        "maulvi",
        "moulvi",
        "mawlavi",
        "maulawi",
        "molvi",
        "mullah",
        "mulla",
        "mollah",
        "sheikh",
        "shaikh",
        "shaykh",
        "hafiz",
        "hafez",
        "qari",
        "dr",
        "doctor",
        "mufti",
        "maulana",
        "mawlana",
        "haji",
        "hajji",
        "ustad",
        "ustaz",
        "commander",
        "cmdr",
        "emir",
        "amir",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "maj",
        "captain",
        "capt",
        "president",
        "prime minister",
        "minister",
        "mr",
        "mrs",
        "ms",
        "sayyid",
        "syed",
        "sayed",
        "pir",
        "imam",
        "ayatollah",
    }
)

# Detached Arabic articles ("al-Baghdadi" = "Baghdadi"); connectors such as
# -ul-/-ud- are kept because they are often glued ("Ziaul Haq").
_ARTICLES = re.compile(r"\b(?:al|el)\b")
# Word-final ta marbuta: Wilayat / Wilayah / Wilaya.
_TA_MARBUTA = re.compile(r"(?<=[a-z]{3})(?:at|ah)\b")
# Theophoric endings: Jundullah / Jundallah, Hezbollah / Hizbullah.
_ALLAH = re.compile(r"[aeiou]+l+a+h")


@lru_cache(maxsize=1 << 18)
def normalize(name: str) -> str:
    """Case, diacritics, possessive, punctuation and a leading article folded away."""
    s = fold(name.strip())
    s = _POSSESSIVE.sub("", s)
    s = re.sub("[" + APOSTROPHES + "]", "", s)
    s = _NON_ALNUM.sub(" ", s).strip()
    return re.sub(r"^the ", "", s)


def strip_titles(name: str, titles: Iterable[str] = DEFAULT_TITLES) -> str:
    """Normalised name with leading honorifics removed ("Mawlawi X" → "x")."""
    words = normalize(name).split()
    titles = _title_set(titles if isinstance(titles, frozenset | tuple) else frozenset(titles))
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (2, 1):
            if len(words) > size and " ".join(words[:size]) in titles:
                words = words[size:]
                changed = True
                break
    return " ".join(words)


@lru_cache(maxsize=64)
def _title_set(titles: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(t) for t in titles)


def skeleton(name: str, titles: Iterable[str] = ()) -> str:
    """A loose key shared by transliteration variants of one name.

    Titles are kept unless given: "Hafiz" is an honorific and a given name.
    """
    return _skeleton(name, titles if isinstance(titles, frozenset | tuple) else frozenset(titles))


@lru_cache(maxsize=1 << 18)
def _skeleton(name: str, titles: frozenset[str] | tuple[str, ...]) -> str:
    s = strip_titles(name, titles) if titles else normalize(name)
    s = _ARTICLES.sub(" ", s)
    s = _ALLAH.sub("ula", s)
    s = _TA_MARBUTA.sub("a", s)
    s = s.replace(" ", "")
    # Digraph and letter folds common in romanised Arabic, Pashto, Persian, Urdu.
    for a, b in (
        ("ph", "f"),
        ("kh", "k"),
        ("gh", "g"),
        ("sh", "s"),
        ("th", "t"),
        ("dh", "d"),
        ("q", "k"),
        ("ck", "k"),
        ("c", "k"),
        ("w", "u"),
        ("y", "i"),
        ("z", "z"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"[aeiou]+", lambda m: _vowel(m.group(0)), s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def _vowel(run: str) -> str:
    # oo/ou/u/o → u; ee/ei/ie/i/e → i; a/aa → a; mixed runs keep their first class.
    first = run[0]
    if first in "ou":
        return "u"
    if first in "ei":
        return "i"
    return "a"


def acronym(name: str) -> str:
    """Initials of the significant words: "Tehrik-e-Taliban Pakistan" → "ttp"."""
    words = [
        w for w in normalize(name).split() if w not in {"of", "the", "and", "for", "in", "e", "i", "ul", "al"}
    ]
    return "".join(w[0] for w in words)


def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` (e.g. "LeT", "ISKP") abbreviates ``long``."""
    compact = re.sub(r"[^A-Za-z]", "", short)
    if len(compact) < 2 or len(compact) > 8 or len(normalize(long).split()) < 2:
        return False
    letters = compact.lower()
    if letters == acronym(long):
        return True
    # Mixed-case acronyms keep connector letters: LeT = Lashkar-e-Taiba, LeJ = Lashkar-e-Jhangvi.
    words = normalize(long).split()
    return letters == "".join(w[0] for w in words)
