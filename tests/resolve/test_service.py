"""Resolution over a real SQLite store, fed with hand-made extractions (no NLP model needed)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.exc import Conflict, NotFound, ReadError
from claimgraph.records import Document, Entity, Extraction, Statement
from claimgraph.resolve import decisions
from claimgraph.resolve.service import canonical_of, record_key, resolve_store
from claimgraph.resolve.view import entity_view, find_entity
from claimgraph.store.migrations import MIGRATIONS, Migrations
from claimgraph.store.sqlite import SQLiteStore


def report(tag: str, *entities: Entity, statements: tuple[Statement, ...] = ()) -> Extraction:
    """A short invented report naming ``entities``; ``tag`` makes its hash unique."""
    text = f"Report {tag}. " + " ".join(f"{e.name} was mentioned." for e in entities)
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(text=text, source_path=f"/reports/{tag}.txt", sha256=sha, reader="text")
    return Extraction(document=doc, body=text, entities=list(entities), statements=list(statements))


def ent(local: str, type_: str, name: str, *aliases: str, kind: str | None = None, pack: str | None = None):
    return Entity(local, type_, name, kind=kind, aliases=[name, *aliases], pack_id=pack)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "kb.db") as s:
        yield s


def test_record_keys_are_the_hash_prefix_and_local_id(store: SQLiteStore) -> None:
    ext = report("a", ent("iskp", "organization", "ISKP"))
    store.write_extraction(ext)
    resolve_store(store)
    (member,) = store.kb_members("iskp")
    assert (
        member["record_key"] == record_key(ext.document.sha256, "iskp") == ext.document.sha256[:12] + ":iskp"
    )


def test_person_and_place_of_the_same_name_are_never_merged(store: SQLiteStore) -> None:
    store.write_extraction(report("a", ent("gul_bahadur", "person", "Hafiz Gul Bahadur", "Gul Bahadur")))
    store.write_extraction(report("b", ent("gul_bahadur", "place", "Gul Bahadur", kind="district")))
    resolve_store(store)
    person, place = find_entity(store, "Hafiz Gul Bahadur"), find_entity(store, "Gul Bahadur")
    assert (person["type"], place["type"]) == ("person", "place")  # a name beats an alias in lookups
    with pytest.raises(Conflict, match="never merged"):
        decisions.merge(store, person["id"], place["id"])
    assert store.decisions() == []


def test_a_record_without_pack_never_bridges_two_packs(store: SQLiteStore) -> None:
    # "ISI" is the Pakistani agency in one report, the Islamic State of Iraq in another;
    # a third report's unlinked "ISI" matches both names but can join only one.
    store.write_extraction(report("a", ent("isi", "organization", "ISI", pack="test:pak_intelligence")))
    store.write_extraction(report("b", ent("isi", "organization", "ISI", pack="test:islamic_state_iraq")))
    store.write_extraction(report("c", ent("isi", "organization", "ISI")))
    result = resolve_store(store)
    assert result.entities == 2
    assert any("pack_conflict" in link.refused for link in result.clustering.blocked)
    for cid in store.kb_entity_ids():
        assert len({m["pack_id"] for m in store.kb_members(cid) if m["pack_id"]}) == 1


def test_kinds_that_contradict_keep_places_apart(store: SQLiteStore) -> None:
    store.write_extraction(report("a", ent("khorasan", "place", "Khorasan", kind="region")))
    store.write_extraction(report("b", ent("khorasan", "place", "Khorasan", kind="province")))
    store.write_extraction(report("c", ent("khorasan", "place", "Khorasan")))
    assert resolve_store(store).entities == 2


def test_canonical_of_maps_document_entities_and_follows_new_documents(store: SQLiteStore) -> None:
    store.write_extraction(report("a", ent("ttp", "organization", "Tehrik-e-Taliban Pakistan")))
    store.write_extraction(report("b", ent("ttp", "organization", "TTP")))
    docs = {d["name"]: d["id"] for d in store.documents()}
    ids = canonical_of(store)  # resolves: nothing was resolved yet
    assert ids[(docs["a.txt"], "ttp")] == ids[(docs["b.txt"], "ttp")]
    store.write_extraction(report("c", ent("lej", "organization", "Lashkar-e-Jhangvi")))
    assert store.resolution_stale()
    ids = canonical_of(store)
    assert len(set(ids.values())) == 2 and not store.resolution_stale()
    store.delete_document(store.documents()[0]["sha256"])
    assert store.resolution_stale()
    assert len(canonical_of(store)) == 2


def test_statements_are_counted_per_predicate_with_their_speakers(store: SQLiteStore) -> None:
    group = ent("valley_front", "organization", "Valley Front", kind="militant_group")
    police = ent("police", "organization", "Provincial police", kind="government")
    blame = Statement("valley_front", "responsible_for", "attack", by="police")
    claim = Statement("valley_front", "responsible_for", "attack", by="valley_front")
    denial = Statement("valley_front", "responsible_for", "attack2", by="valley_front", polarity="deny")
    store.write_extraction(report("a", group, police, statements=(blame, claim)))
    store.write_extraction(report("b", group, police, statements=(blame, denial)))
    view = entity_view(store, "valley front")
    counts = {(s.role, s.predicate, s.polarity): s for s in view.statements}
    affirm = counts[("subject", "responsible_for", "affirm")]
    assert affirm.statements == 3
    assert dict(affirm.others) == {"Provincial police": 2, "Valley Front": 1}
    assert counts[("subject", "responsible_for", "deny")].statements == 1
    assert counts[("speaker", "responsible_for", "affirm")].statements == 1
    police_view = entity_view(store, "Provincial police")
    assert [(s.role, s.statements) for s in police_view.statements] == [("speaker", 2)]


def test_split_by_record_key_and_refusals(store: SQLiteStore) -> None:
    store.write_extraction(report("a", ent("hb", "organization", "Hill Brigade", kind="militant_group")))
    store.write_extraction(report("b", ent("hb", "organization", "Hill Brigade", kind="militant_group")))
    resolve_store(store)
    (first, second) = store.kb_members("hill_brigade")
    with pytest.raises(Conflict, match="every record"):
        decisions.split(store, "Hill Brigade", "Hill Brigade")
    row = decisions.split(store, "hill_brigade", second["record_key"], reason="two groups")
    assert row["records"] == [second["record_key"]]
    assert find_entity(store, first["record_key"])["id"] != find_entity(store, second["record_key"])["id"]
    with pytest.raises(NotFound, match="no live decision"):
        decisions.undo(store, row["id"] + 1)
    decisions.undo(store, row["id"])
    assert find_entity(store, first["record_key"])["id"] == find_entity(store, second["record_key"])["id"]


def test_decision_files_are_checked_line_by_line(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"kind": "merge", "a_key": "a:1", "b_key_or_alias": "b:1"}\nnot json\n')
    with pytest.raises(ReadError, match="line 2"):
        decisions.load(store, path)
    with pytest.raises(ReadError, match="missing"):
        decisions.load(store, tmp_path / "missing.jsonl")
    path.write_text('{"kind": "join", "a_key": "a:1", "b_key_or_alias": "b:1"}\n')
    with pytest.raises(ReadError, match="line 1"):
        decisions.load(store, path)
    # Decisions about documents not (yet) ingested are kept and wait for them.
    path.write_text('{"kind": "merge", "a_key": "a:1", "b_key_or_alias": "b:1"}\n')
    assert decisions.load(store, path) == 1 and decisions.load(store, path) == 0


def test_a_schema_1_database_gains_the_knowledge_base_and_resolves_on_first_lookup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = Migrations(MIGRATIONS.name)
    first.migrations = MIGRATIONS.migrations[:1]
    with SQLiteStore(path, migrations=first) as old:
        old.write_extraction(report("a", ent("iskp", "organization", "ISKP", pack="khorasan:iskp")))
        assert "kb_entities" not in {
            r[0] for r in old.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    with SQLiteStore(path) as new:
        assert new.resolution_stale()
        assert entity_view(new, "iskp").records == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM kb_members").fetchone()[0] == 1


def test_an_incremental_resolution_equals_one_from_scratch(store: SQLiteStore) -> None:
    def snapshot() -> tuple[list[tuple], list[tuple]]:
        conn = store.connection
        return (
            conn.execute("SELECT * FROM kb_entities ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM kb_members ORDER BY entity").fetchall(),
        )

    store.write_extraction(report("a", ent("hb", "organization", "Hill Brigade", "HB")))
    store.write_extraction(
        report("b", ent("hb", "organization", "HB"), ent("vf", "organization", "Valley Front"))
    )
    resolve_store(store)
    store.write_extraction(
        report("c", ent("vf", "organization", "Valley Front"), ent("hb", "organization", "HB"))
    )
    store.delete_document(store.documents()[1]["sha256"])
    resolve_store(store)
    third = store.kb_members("hill_brigade")[-1]
    assert third["document_name"] == "c.txt"
    decisions.split(store, "hill_brigade", third["record_key"])
    incremental = snapshot()
    store.write_resolution([], [])
    assert snapshot() == ([], [])
    resolve_store(store)
    assert snapshot() == incremental
    assert len(incremental[0]) == 3  # Valley Front, and the two HB records kept apart
