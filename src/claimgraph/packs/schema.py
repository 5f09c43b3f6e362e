"""The shape of a domain pack, declared once and validated at load.

A pack is a folder::

    <pack>/pack.yaml              name, version, description, depends
    <pack>/entities/*.yaml        lists of known actors, places and communities
    <pack>/lexicons/*.yaml        named lexicons (hedges, reporting verbs, triggers…)

Entity files hold a YAML list of entries (or ``{entities: [...]}``); lexicon
files hold ``{name, description, required, entries}``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ENTITY_TYPES = ("person", "organization", "place", "community")

KINDS: dict[str, tuple[str, ...]] = {
    "organization": (
        "militant_group",
        "government",
        "state_agency",
        "military",
        "international_org",
        "research_org",
        "media",
        "political_party",
        "other",
    ),
    "place": ("country", "province", "district", "city", "village", "region", "facility"),
    "person": ("leader", "militant", "official", "analyst", "other"),
    "community": ("ethnic", "religious", "national"),
}

SLUG = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class PackManifest(BaseModel):
    """``pack.yaml``."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int = 1
    description: str = ""
    depends: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _slug_name(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(f"pack name must be a lowercase slug, got {v!r}")
        return v


class PackEntity(BaseModel):
    """A known entity: its type and kind, canonical name and every alias."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: str
    kind: str | None = None
    name: str
    aliases: list[str] = Field(default_factory=list)
    # Adjectival forms ("Afghan", "Pakistani"): not aliases, but they let
    # "a Pakistani national" and "Afghan officials" reach this entity.
    demonyms: list[str] = Field(default_factory=list)
    parent: str | None = None  # organization: the group it is part of
    within: str | None = None  # place: the place that contains it
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    description: str = ""
    wikidata: str | None = None
    pack: str = ""  # filled by the loader

    @field_validator("id")
    @classmethod
    def _slug_id(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(f"id must be a lowercase slug, got {v!r}")
        return v

    @model_validator(mode="after")
    def _check(self) -> PackEntity:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown type {self.type!r} (one of {', '.join(ENTITY_TYPES)})")
        if self.kind is not None and self.kind not in KINDS[self.type]:
            raise ValueError(
                f"unknown kind {self.kind!r} for type {self.type} (one of {', '.join(KINDS[self.type])})"
            )
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        if self.lat is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):  # type: ignore[operator]
            raise ValueError("coordinates out of range")
        seen: list[str] = []
        for alias in [self.name, *self.aliases]:
            alias = alias.strip()
            if not alias:
                raise ValueError("empty alias")
            if alias not in seen:
                seen.append(alias)
        self.aliases = seen  # the canonical name is always an alias
        return self

    @property
    def key(self) -> str:
        return f"{self.pack}:{self.id}"


class Lexicon(BaseModel):
    """A named list of entries; each entry has a ``term`` and free attributes."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    required: list[str] = Field(default_factory=list)  # attributes every entry must carry
    entries: list[dict[str, Any]]

    @model_validator(mode="after")
    def _check(self) -> Lexicon:
        for i, entry in enumerate(self.entries):
            term = entry.get("term")
            if not isinstance(term, str) or not term.strip():
                raise ValueError(f"entry {i}: needs a non-empty 'term'")
            missing = [r for r in self.required if r not in entry]
            if missing:
                raise ValueError(f"entry {i} ({term!r}): missing {', '.join(missing)}")
            for key, value in entry.items():
                if not isinstance(value, str | int | float | bool | list | type(None)):
                    raise ValueError(f"entry {i} ({term!r}): attribute {key!r} must be a scalar or a list")
        return self

    def terms(self) -> list[str]:
        return [e["term"] for e in self.entries]

    def mapping(self, attribute: str) -> dict[str, Any]:
        """``{term: entry[attribute]}`` for entries that carry the attribute."""
        return {e["term"]: e[attribute] for e in self.entries if attribute in e}
