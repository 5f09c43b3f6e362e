"""Pack loading: validation errors name the file and entry; packs merge; a second region works."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.exc import InvalidPack
from claimgraph.packs import load_pack, load_packs, merge


def write_pack(root: Path, name: str, entities: str, lexicon: str | None = None, depends: str = "") -> Path:
    (root / "entities").mkdir(parents=True)
    (root / "pack.yaml").write_text(f"name: {name}\nversion: 1\n{depends}")
    (root / "entities" / "actors.yaml").write_text(entities)
    if lexicon is not None:
        (root / "lexicons").mkdir()
        (root / "lexicons" / "cues.yaml").write_text(lexicon)
    return root


SAHEL = """
- id: jnim
  type: organization
  kind: militant_group
  name: Jama'at Nasr al-Islam wal Muslimin
  aliases: [JNIM, Group for the Support of Islam and Muslims]
- id: mali
  type: place
  kind: country
  name: Mali
  demonyms: [Malian]
  lat: 17.57
  lon: -4.0
- id: mopti
  type: place
  kind: city
  name: Mopti
  within: mali
"""


def test_second_region_pack_loads_with_its_aliases(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "sahel", "sahel", SAHEL))
    by_id = {e.id: e for e in pack.entities}
    assert by_id["jnim"].aliases[0] == "Jama'at Nasr al-Islam wal Muslimin"
    assert "JNIM" in by_id["jnim"].aliases
    assert by_id["mopti"].within == "mali"
    assert by_id["mali"].key == "sahel:mali"


def test_unknown_kind_is_reported_with_file_and_entry(tmp_path: Path) -> None:
    bad = "- id: x\n  type: organization\n  kind: militia\n  name: X\n"
    with pytest.raises(InvalidPack, match=r"actors.yaml entry 0 \(x\).*unknown kind 'militia'"):
        load_pack(write_pack(tmp_path / "bad", "bad", bad))


def test_duplicate_ids_and_dangling_references_fail(tmp_path: Path) -> None:
    dup = "- {id: a, type: place, name: A}\n- {id: a, type: place, name: B}\n"
    with pytest.raises(InvalidPack, match="duplicate id 'a'"):
        load_pack(write_pack(tmp_path / "dup", "dup", dup))
    dangling = "- {id: a, type: place, name: A, within: nowhere}\n"
    with pytest.raises(InvalidPack, match="unknown entity 'nowhere'"):
        load_pack(write_pack(tmp_path / "dang", "dang", dangling))


def test_lexicon_entries_need_term_and_required_attributes(tmp_path: Path) -> None:
    lex = "name: cues\nrequired: [role]\nentries:\n  - {term: said, role: say}\n  - {term: denied}\n"
    with pytest.raises(InvalidPack, match=r"entry 1 \('denied'\): missing role"):
        load_pack(write_pack(tmp_path / "lex", "lex", SAHEL, lex))


def test_merge_adds_aliases_and_later_lexicon_entries_win(tmp_path: Path) -> None:
    lex1 = "name: cues\nentries:\n  - {term: said, role: say}\n  - {term: claimed, role: claim}\n"
    lex2 = "name: cues\nentries:\n  - {term: said, role: assert}\n"
    a = load_pack(write_pack(tmp_path / "a", "a", SAHEL, lex1))
    extra = "- {id: jnim, type: organization, kind: militant_group, name: JNIM, aliases: [Nusrat al-Islam]}\n"
    b = load_pack(write_pack(tmp_path / "b", "b", extra, lex2))
    merged = merge([a, b])
    assert "Nusrat al-Islam" in merged.entities["jnim"].aliases
    assert merged.lexicon("cues").mapping("role") == {"claimed": "claim", "said": "assert"}
    with pytest.raises(InvalidPack, match="no pack provides the lexicon 'hedges'"):
        merged.lexicon("hedges")


def test_optional_lexicon_lookups_give_nothing_when_no_pack_provides_it(tmp_path: Path) -> None:
    lex = "name: cues\nentries:\n  - {term: said, role: say}\n  - {term: claimed}\n"
    packs = merge([load_pack(write_pack(tmp_path / "a", "a", SAHEL, lex))])
    assert packs.terms("cues") == ["said", "claimed"]
    assert packs.entries("cues")[0] == {"term": "said", "role": "say"}
    assert packs.entries("hedges") == [] and packs.terms("hedges") == []


def test_builtin_packs_load_and_user_pack_is_added(tmp_path: Path) -> None:
    user = write_pack(tmp_path / "sahel", "sahel", SAHEL)
    packs = load_packs([str(user)])
    assert packs.names[:2] == ["core", "khorasan"]
    assert "sahel" in packs.names
    assert packs.entity("jnim") is not None


def test_missing_pack_is_a_clear_error() -> None:
    with pytest.raises(InvalidPack, match="not found"):
        load_packs(["no-such-pack-anywhere"])
