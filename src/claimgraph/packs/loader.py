"""Discovering, validating and merging domain packs.

Built-in packs live beside this module (``core`` holds language-general
lexicons and world countries; ``khorasan`` the region's actors and places).
Users add their own folders with ``--pack DIR`` or ``CLAIMGRAPH_PACKS``.
A broken pack fails at load with a message naming the file and the entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from claimgraph import settings
from claimgraph.exc import InvalidPack
from claimgraph.packs.schema import Lexicon, PackEntity, PackManifest

BUILTIN_DIR = Path(__file__).resolve().parent
DEFAULT_PACKS = ("core", "khorasan")


@dataclass
class Pack:
    manifest: PackManifest
    path: Path
    entities: list[PackEntity] = field(default_factory=list)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.manifest.name


@dataclass
class PackSet:
    """Several packs merged: entities by id, lexicons by name (later packs win)."""

    packs: list[Pack]
    entities: dict[str, PackEntity] = field(default_factory=dict)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.packs]

    def lexicon(self, name: str) -> Lexicon:
        try:
            return self.lexicons[name]
        except KeyError:
            raise InvalidPack(
                f"[P010] no pack provides the lexicon {name!r} (packs: {', '.join(self.names)})"
            ) from None

    def entries(self, name: str) -> list[dict[str, Any]]:
        """The entries of a lexicon; none when no pack provides it."""
        lexicon = self.lexicons.get(name)
        return lexicon.entries if lexicon is not None else []

    def terms(self, name: str) -> list[str]:
        """The terms of a lexicon; none when no pack provides it."""
        return [e["term"] for e in self.entries(name)]

    def entity(self, entity_id: str) -> PackEntity | None:
        return self.entities.get(entity_id)


# libyaml's loader is ~8x faster on the built-in packs; same safe semantics.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise InvalidPack(f"[P001] {path}: cannot read YAML: {e}") from None


def _errors(e: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(x) for x in err['loc']) or 'entry'}: {err['msg']}" for err in e.errors())


def load_pack(path: str | Path) -> Pack:
    """Load and validate one pack folder."""
    root = Path(path)
    manifest_path = root / "pack.yaml"
    if not manifest_path.is_file():
        raise InvalidPack(f"[P002] {root}: not a pack (no pack.yaml)")
    try:
        manifest = PackManifest.model_validate(_read_yaml(manifest_path) or {})
    except ValidationError as e:
        raise InvalidPack(f"[P003] {manifest_path}: {_errors(e)}") from None
    pack = Pack(manifest=manifest, path=root)
    seen: dict[str, Path] = {}
    for file in sorted((root / "entities").glob("*.y*ml")):
        data = _read_yaml(file)
        items = data.get("entities") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise InvalidPack(f"[P004] {file}: expected a list of entities")
        for i, item in enumerate(items):
            try:
                entity = PackEntity.model_validate({**(item or {}), "pack": manifest.name})
            except ValidationError as e:
                ident = item.get("id", "?") if isinstance(item, dict) else "?"
                raise InvalidPack(f"[P005] {file} entry {i} ({ident}): {_errors(e)}") from None
            if entity.id in seen:
                raise InvalidPack(
                    f"[P006] {file}: duplicate id {entity.id!r} (also in {seen[entity.id].name})"
                )
            seen[entity.id] = file
            pack.entities.append(entity)
    for file in sorted((root / "lexicons").glob("*.y*ml")):
        try:
            lexicon = Lexicon.model_validate(_read_yaml(file) or {})
        except ValidationError as e:
            raise InvalidPack(f"[P007] {file}: {_errors(e)}") from None
        pack.lexicons[lexicon.name] = lexicon
    _check_references(pack, {e.id for e in pack.entities})
    return pack


def _check_references(pack: Pack, known: set[str]) -> None:
    for e in pack.entities:
        for attr in ("parent", "within"):
            ref = getattr(e, attr)
            # References to other packs' entities are checked when merged.
            if ref and ref not in known and not pack.manifest.depends:
                raise InvalidPack(f"[P008] {pack.path}: {e.id}.{attr} refers to unknown entity {ref!r}")


def _resolve(spec: str) -> Path:
    candidate = Path(spec)
    if candidate.is_dir():
        return candidate
    builtin = BUILTIN_DIR / spec
    if (builtin / "pack.yaml").is_file():
        return builtin
    raise InvalidPack(f"[P009] pack {spec!r} not found (neither a folder nor a built-in pack)")


def merge(packs: list[Pack]) -> PackSet:
    """Merge packs in order; a later entity with the same id adds its aliases."""
    out = PackSet(packs=packs)
    for pack in packs:
        for e in pack.entities:
            if e.id in out.entities:
                base = out.entities[e.id]
                base.aliases += [a for a in e.aliases if a not in base.aliases]
                base.demonyms += [d for d in e.demonyms if d not in base.demonyms]
            else:
                out.entities[e.id] = e.model_copy(deep=True)
        for name, lexicon in pack.lexicons.items():
            if name in out.lexicons:
                old = out.lexicons[name]
                override = {x["term"] for x in lexicon.entries}
                entries = [x for x in old.entries if x["term"] not in override] + lexicon.entries
                out.lexicons[name] = old.model_copy(update={"entries": entries})
            else:
                out.lexicons[name] = lexicon
    for e in out.entities.values():
        for attr in ("parent", "within"):
            ref = getattr(e, attr)
            if ref and ref not in out.entities:
                raise InvalidPack(f"[P008] pack {e.pack}: {e.id}.{attr} refers to unknown entity {ref!r}")
    return out


def load_packs(extra: list[str] | tuple[str, ...] = (), *, defaults: bool = True) -> PackSet:
    """The active packs: built-ins (unless ``defaults=False``), env packs, then ``extra``."""
    specs: list[str] = list(DEFAULT_PACKS) if defaults else []
    env = settings.get("packs")
    specs += [s for s in env.split(os.pathsep) if s] if env else []
    specs += list(extra)
    return _load_cached(tuple(str(_resolve(s)) for s in specs))


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...]) -> PackSet:
    packs: list[Pack] = []
    seen: set[str] = set()
    for p in paths:
        pack = load_pack(p)
        if pack.name in seen:
            continue
        seen.add(pack.name)
        packs.append(pack)
    return merge(packs)
