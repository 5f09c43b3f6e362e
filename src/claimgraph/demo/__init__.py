"""A small demonstration corpus of briefing notes about the Islamic State Khorasan Province.

The seven Markdown notes under ``corpus/`` were written for this project, in its
own words, from public facts only; bylines and desks are fictional. They exist
to exercise the pipeline end to end: competing claims and denials, hedged and
attributed statements, transliteration variants and aliases, strength estimates
that disagree, and footnotes in three styles (``[^1]`` definitions, superscript
digits, and a plain ``1.`` numbered list) including "Ibid." and "n. 3" pointers.
Several notes cite the same UN Monitoring Team reports, so citations can be
matched across documents.

    from claimgraph.demo import corpus_dir, CORPUS_FILES
    paths = [corpus_dir() / name for name in CORPUS_FILES]
"""

from __future__ import annotations

from pathlib import Path

CORPUS_FILES: tuple[str, ...] = (
    "01_kabul_gurdwara_attack.md",
    "02_maternity_ward_attribution.md",
    "03_jalalabad_prison_attack.md",
    "04_leadership_attrition.md",
    "05_alliances_and_rivalries.md",
    "06_strength_estimates.md",
    "07_kabul_university_and_airport.md",
)


def corpus_dir() -> Path:
    """Return the directory holding the demo notes (the files named in ``CORPUS_FILES``)."""
    return Path(__file__).resolve().parent / "corpus"


__all__ = ["CORPUS_FILES", "corpus_dir"]
