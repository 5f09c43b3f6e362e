"""One knowledge base across reports, end to end: real pipeline, real SQLite file, invented briefings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimgraph
from claimgraph.cli.main import app
from claimgraph.exc import Conflict
from claimgraph.kb import KnowledgeBase

pytestmark = pytest.mark.slow
runner = CliRunner()

BRIEFS = {
    "east.md": """# March 2021 update

Date: 2021-03-02

The Islamic State Khorasan Province (ISKP) claimed the bombing of a bus station in Jalalabad on 1 March 2021.
Mawlawi Abdul Qadeer Noorzai, a senior ISKP commander, was arrested in Kunar a week later, according to
provincial police. Sirajuddin Haqqani, the deputy leader of the Taliban, denied that his men had been involved.
Haqqani also said the Taliban would hunt the bombers.
""",
    "north.md": """# April 2021 update

Date: 2021-04-10

ISIS-K, also known as Wilayat Khorasan, attacked a checkpoint in Kunduz on 2 April 2021. Local officials said
that Abdul Qadir Nurzai had planned the attack from Kunar. Azizullah Haqqani, a commander of a small breakaway
faction, rejected the claim. Haqqani has fought the Taliban since 2019.
""",
    "recruiter.md": """# May 2021 update

Date: 2021-05-20

Qari Zubair Mansoor, also known as Abu Hamza al-Kunari, recruited fighters in Kunar for ISKP in 2020.
Pakistani officials said he had crossed the border twice that year.
""",
    "raid.md": """# June 2021 update

Date: 2021-06-01

Abu Hamza al-Kunari was killed in a raid in Kunar in May 2021, Afghan officials said. ISKP denied that he
was dead.
""",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "briefs"
    out.mkdir()
    for name, text in BRIEFS.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


@pytest.fixture
def kb(tmp_path: Path, folder: Path) -> Iterator[KnowledgeBase]:
    with claimgraph.open(tmp_path / "kb.db") as base:
        report = base.ingest([folder])
        assert len(report.added) == len(BRIEFS)
        yield base


def test_iskp_spelled_three_ways_in_two_documents_is_one_entity(kb: KnowledgeBase) -> None:
    view = kb.entity("ISIS-K")
    assert kb.entity("ISKP").id == kb.entity("Wilayat Khorasan").id == kb.entity("iskp").id == view.id
    aliases = {alias: n for alias, n in view.aliases}
    assert {"ISKP", "ISIS-K", "Wilayat Khorasan", "Islamic State Khorasan Province"} <= set(aliases)
    assert aliases["ISKP"] == 3 and aliases["ISIS-K"] == 1
    assert view.type == "organization" and view.documents == 4
    # Every member says why it belongs.
    assert all(m["rule"] and m["evidence"] and m["via"] for m in view.members)
    speakers = {name for s in view.statements for name, _ in s.others}
    assert speakers  # statements about ISKP from all documents are summarised


def test_transliterations_and_stated_aliases_meet_across_documents(kb: KnowledgeBase) -> None:
    noorzai = kb.entity("Abdul Qadir Nurzai")
    assert noorzai.id == kb.entity("Mawlawi Abdul Qadeer Noorzai").id
    assert noorzai.type == "person" and noorzai.documents == 2
    assert {m["rule"] for m in noorzai.members} == {"transliteration"}
    # "X, also known as Y" in one report; only Y in the next.
    kunari = kb.entity("Qari Zubair Mansoor")
    assert kunari.id == kb.entity("Abu Hamza al-Kunari").id and kunari.documents == 2


def test_people_sharing_a_surname_stay_apart_and_the_surname_alone_is_ambiguous(kb: KnowledgeBase) -> None:
    siraj, aziz = kb.entity("Sirajuddin Haqqani"), kb.entity("Azizullah Haqqani")
    assert siraj.id != aziz.id
    assert siraj.records == aziz.records == 1
    with pytest.raises(Conflict, match="ambiguous"):
        kb.entity("Haqqani")


def test_no_entity_mixes_types_or_people(kb: KnowledgeBase) -> None:
    for cid in kb.store.kb_entity_ids():
        members = kb.store.kb_members(cid)
        assert len({m["type"] for m in members}) == 1, cid
        places = [m for m in members if m["type"] == "place"]
        assert len({m["pack_id"] for m in places}) <= 1, cid


def test_merge_and_split_survive_deleting_and_reingesting_the_documents(
    kb: KnowledgeBase, folder: Path
) -> None:
    kb.merge("Sirajuddin Haqqani", "Azizullah Haqqani", "test: pretend one man", user="tester")
    kb.split("ISKP", "Wilayat Khorasan", "test: pretend a different group")
    for check in range(2):
        siraj = kb.entity("Sirajuddin Haqqani")
        assert siraj.id == kb.entity("Azizullah Haqqani").id
        assert {m["rule"] for m in siraj.members} == {"human_merge"}
        assert kb.entity("ISKP").id != kb.entity("ISIS-K").id
        assert kb.entity("Wilayat Khorasan").documents == 1
        assert kb.entity("ISKP").documents == 3
        if check == 0:
            for doc in kb.documents():
                assert kb.store.delete_document(doc["sha256"])
            assert kb.ingest([folder]).added
    assert [d["kind"] for d in kb.decisions()] == ["merge", "split"]


def test_a_later_decision_withdraws_the_one_it_contradicts_and_undo_restores(kb: KnowledgeBase) -> None:
    iskp = kb.entity("ISKP").id
    split = kb.split("ISKP", "ISIS-K")
    assert kb.entity("ISIS-K").id != iskp
    merge = kb.merge("ISKP", "ISIS-K", "after all the same group")
    assert kb.entity("ISIS-K").id == kb.entity("ISKP").id
    assert [d["id"] for d in kb.decisions()] == [merge["id"]]  # the split is withdrawn
    assert any(d["id"] == split["id"] and d["deleted_at"] for d in kb.decisions(include_deleted=True))
    kb.undo(merge["id"])
    assert kb.decisions() == []
    assert kb.entity("ISIS-K").id == kb.entity("ISKP").id == iskp  # the automatic link is back


def test_cli_show_merge_split_and_their_errors(kb: KnowledgeBase) -> None:
    db = kb.path
    shown = runner.invoke(app, ["show", "wilayat khorasan", "--kb", db, "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == kb.entity("ISKP").id

    table = runner.invoke(app, ["show", "ISKP", "--kb", db])
    assert table.exit_code == 0 and "ISIS-K" in table.stdout and "pack_identity" in table.stdout

    for args, message in [
        (["show", "Nowhere Front"], "no entity named 'Nowhere Front'"),
        (["show", "Haqqani"], "ambiguous"),
        (["merge", "Sirajuddin Haqqani", "Kunar"], "never merged"),
        (["merge", "ISKP", "ISIS-K"], "already one entity"),
        (["split", "ISKP", "Taliban"], "has no alias 'Taliban'"),
        (["merge", "ISKP", "Nowhere Front"], "no entity named"),
        (["resolve", "--undo", "99"], "no live decision 99"),
    ]:
        result = runner.invoke(app, [*args, "--kb", db])
        assert result.exit_code == 2, (args, result.output)
        assert message in " ".join(result.stderr.split()), (args, result.stderr)

    merged = runner.invoke(app, ["merge", "Sirajuddin Haqqani", "Azizullah Haqqani", "--kb", db, "--json"])
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.stdout)["entity"]["records"] == 2
    split = runner.invoke(app, ["split", "iskp", "ISIS-K", "--kb", db, "--reason", "test"])
    assert split.exit_code == 0 and "split off" in split.stdout


def test_decisions_dump_and_load_into_a_fresh_knowledge_base(
    kb: KnowledgeBase, folder: Path, tmp_path: Path
) -> None:
    kb.merge("Sirajuddin Haqqani", "Azizullah Haqqani", "test")
    kb.split("ISKP", "Wilayat Khorasan")
    dump = tmp_path / "decisions.jsonl"
    result = runner.invoke(app, ["resolve", "--dump", str(dump), "--kb", kb.path])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in dump.read_text().splitlines()]
    assert [d["kind"] for d in lines] == ["merge", "split"]
    assert lines[0]["reason"] == "test" and {lines[0]["a_name"], lines[0]["b_name"]} == {
        "Sirajuddin Haqqani",
        "Azizullah Haqqani",
    }

    other = tmp_path / "other.db"
    assert runner.invoke(app, ["ingest", str(folder), "--kb", str(other)]).exit_code == 0
    for _ in range(2):  # loading twice adds nothing the second time
        loaded = runner.invoke(app, ["resolve", "--load", str(dump), "--kb", str(other), "--json"])
        assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["loaded"] == 0
    with claimgraph.open(other) as again:
        assert len(again.decisions()) == 2
        assert again.entity("Sirajuddin Haqqani").id == again.entity("Azizullah Haqqani").id
        assert again.entity("Wilayat Khorasan").id != again.entity("ISKP").id

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "merge", "a_key": "x:y"}\n')
    result = runner.invoke(app, ["resolve", "--load", str(bad), "--kb", str(other)])
    assert result.exit_code == 2 and "line 1" in result.stderr
