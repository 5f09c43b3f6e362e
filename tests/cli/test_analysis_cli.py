"""The analysis commands: tables by default, JSON with --json, exit code 2 with a message on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_builder import Report
from typer.testing import CliRunner

import claimgraph
from claimgraph.cli.main import app

runner = CliRunner()

TEXT = (
    "On 4 May 2021 gunmen stormed the Ardan market. The Valley Front claimed the attack. "
    "The Interior Ministry blamed the River Brigade, which denied it. "
    "Omar Tal has led the Valley Front since 2018. Omar Tal was killed in an air strike in 2022. "
    "The panel put the Valley Front at 2,000 fighters in 2021; the ministry said 6,000 fighters."
)


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "kb.db"
    r = (
        Report("brief.txt", TEXT, date="2022-06-01")
        .event("market_attack", "attack", "stormed the Ardan market", name="Ardan market attack",
               date="2021-05-04", location="ardan")
        .says("valley_front", "responsible_for", "market_attack", "The Valley Front claimed", by="valley_front")
        .says("river_brigade", "responsible_for", "market_attack", "blamed the River Brigade", by="interior_ministry")
        .says("river_brigade", "responsible_for", "market_attack", "which denied it", by="river_brigade",
              polarity="deny")
        .says("omar_tal", "leader_of", "valley_front", "has led the Valley Front", date="2018")
        .event("strike_killing_omar_tal", "ct_operation", "killed in an air strike",
               name="Air strike killing Omar Tal", date="2022", participants=["omar_tal"])
        .estimate("valley_front", "fighters", 2000, 2000, "2,000 fighters", as_of="2021", by="monitoring_panel")
        .estimate("valley_front", "fighters", 6000, 6000, "6,000 fighters", as_of="2021", by="interior_ministry")
    )  # fmt: skip
    with claimgraph.open(path) as kb:
        kb.store.write_extraction(r.extraction())
    return path


def run(kb: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--kb", str(kb)], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_blame_table_and_json(kb_path: Path) -> None:
    code, out = run(kb_path, "blame", "Ardan market")
    assert code == 0 and "contested responsibility" in out and "River Brigade" in out and "denies" in out
    code, out = run(kb_path, "blame", "market_attack", "--json")
    data = json.loads(out)
    assert code == 0 and data["contested"] is True
    assert {s["actor"] for s in data["sides"]} == {"valley_front", "river_brigade"}


def test_conflicts_lists_each_kind_and_filters(kb_path: Path) -> None:
    code, out = run(kb_path, "conflicts", "--json")
    kinds = sorted(c["kind"] for c in json.loads(out))
    assert code == 0 and kinds == ["denial", "estimates", "responsibility"]
    code, out = run(kb_path, "conflicts", "--entity", "Valley Front", "--kind", "estimates")
    assert code == 0 and "2,000" in out and "6,000" in out
    code, out = run(kb_path, "conflicts", "--kind", "gossip")
    assert code == 2


def test_timeline_succession_sources_and_grade(kb_path: Path) -> None:
    code, out = run(kb_path, "timeline", "--entity", "Omar Tal", "--json")
    assert code == 0 and [e["kind"] for e in json.loads(out)] == ["leader_of", "ct_operation"]
    code, out = run(kb_path, "timeline", "--from", "2021", "--to", "2021")
    assert code == 0 and "Ardan market attack" in out and "Air strike" not in out
    code, out = run(kb_path, "succession", "Valley Front", "--json")
    leaders = json.loads(out)["leaders"]
    assert code == 0 and [(t["person"], t["ended"]) for t in leaders] == [("omar_tal", "killed")]
    code, out = run(kb_path, "sources", "valley_front/responsible_for/market_attack")
    assert code == 0 and "independent source" in out
    code, out = run(kb_path, "grade", "Daily Courier", "B", "--json")
    assert code == 0 and json.loads(out)["grade"] == "B"
    code, out = run(kb_path, "grade", "Daily Courier")
    assert code == 0 and "usually reliable" in out


@pytest.mark.parametrize(
    "args",
    [
        ("blame", "harbour explosion"),
        ("succession", "Harbour Guard"),
        ("sources", "valley_front/likes/river_brigade"),
        ("timeline", "--entity", "Nobody Known"),
        ("grade", "Daily Courier", "Z"),
        ("grade", "Never Graded"),
    ],
)
def test_bad_input_exits_2_with_a_message(kb_path: Path, args: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*args, "--kb", str(kb_path)])
    assert result.exit_code == 2
    assert "error" in result.output.lower() or "usage" in result.output.lower()
