"""End to end through the real CLI and a real SQLite file: what an analyst's first ingest relies on."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import make_fixtures as fx
import pytest
from typer.testing import CliRunner

import claimgraph
from claimgraph.cli.main import app
from claimgraph.demo import corpus_dir

pytestmark = pytest.mark.slow
runner = CliRunner()

BRIEF = """# Checkpoint dispute in the eastern valley

Date: 2021-06-14

The Valley Front claimed the attack on the Kunar police post on 3 June 2021, killing 4 officers.[^1]
Provincial officials blamed the rival River Brigade, which denied any role.[^2]

[^1]: Statement of the Valley Front, posted on its channel, 4 June 2021.
[^2]: Provincial press office, "Police post attack", 5 June 2021.
"""


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    first = runner.invoke(app, ["ingest", str(corpus_dir()), "--kb", str(db), "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["added"] >= 6 and report["failed"] == 0
    before = table_counts(db)
    assert before["documents"] == report["added"]
    assert before["statements"] > 0 and before["entities"] > 0 and before["citations"] > 0

    second = runner.invoke(app, ["ingest", str(corpus_dir()), "--kb", str(db), "--json"])
    assert second.exit_code == 0
    again = json.loads(second.stdout)
    assert again["added"] == 0 and again["unchanged"] == report["added"]
    assert table_counts(db) == before


def test_hostile_folder_ingests_what_is_readable_and_names_each_failure(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    fx.write_text(folder / "brief.md", BRIEF)
    fx.write_text(
        folder / "latin1.txt",
        "Le café du quartier a fermé. Médecins Sans Frontières a ouvert une clinique.",
        "latin-1",
    )
    (folder / "page.html").write_text(
        "<html><head><script>alert('x-script-payload')</script><style>p{color:red}</style></head><body>"
        "<article><h1>Bridge closure</h1><p>The district council closed the northern bridge after the flood "
        "damaged its pillars, officials said on Monday.</p><p>Engineers expect repairs to take several weeks "
        "while traffic is diverted through the market road.</p></article></body></html>"
    )
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>\nthis is not a pdf body\n%%EOF")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    fx.zip_bomb(folder / "bomb.docx")

    db = tmp_path / "kb.db"
    result = runner.invoke(app, ["ingest", str(folder), "--kb", str(db), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    status = {Path(f["path"]).name: f for f in report["files"]}
    assert {n for n, f in status.items() if f["status"] == "added"} == {"brief.md", "latin1.txt", "page.html"}
    for bad in ("corrupt.pdf", "empty.txt", "binary.txt", "bomb.docx"):
        assert status[bad]["status"] == "failed"
        assert status[bad]["reason"], bad

    with claimgraph.open(db) as kb:
        texts = " ".join(
            d.get("text") or "" for d in (kb.store.get_document(x["id"]) for x in kb.documents())
        )
        assert "x-script-payload" not in texts
        assert "café" in texts
        assert kb.search("bridge")


def test_extract_writes_schema_valid_json_per_document(tmp_path: Path) -> None:
    import jsonschema

    src = fx.write_text(tmp_path / "brief.md", BRIEF)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "brief.json").read_text())
    schema = json.loads((Path(claimgraph.__file__).parent / "spec" / "extraction.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["document"] == "brief.md"
    assert {c["id"] for c in data["citations"]} == {"1", "2"}
    names = {a for e in data["entities"] for a in e["aliases"]}
    assert "Kunar" in names
    text = src.read_text()
    for item in data["statements"] + data["events"]:
        assert item["evidence"] and item["evidence"] in text


def test_python_api_opens_ingests_and_searches(tmp_path: Path) -> None:
    fx.write_text(tmp_path / "brief.md", BRIEF)
    with claimgraph.open(tmp_path / "api.db") as kb:
        report = kb.ingest([tmp_path / "brief.md"])
        assert [r.status for r in report.results] == ["added"]
        assert kb.stats()["documents"] == 1
        hits = kb.search("police post")
        assert hits and "police" in hits[0]["text"].lower()
        # Sentences are the body's, as the NLP stage split it: footnotes are citations, not sentences.
        assert not kb.search("press office")
        doc_id = kb.documents()[0]["id"]
        text = (tmp_path / "brief.md").read_text()
        for sentence in kb.store.sentences_of(doc_id):
            assert text[sentence["start"] : sentence["end"]].split() == sentence["text"].split()


def _many_documents(folder: Path, copies: int) -> None:
    folder.mkdir()
    for i in range(copies):
        for src in sorted(corpus_dir().glob("*.md")):
            (folder / f"{i:02d}_{src.name}").write_text(src.read_text() + f"\n\nCopy {i}.\n")


def test_killed_ingest_leaves_whole_documents_and_rerun_completes(tmp_path: Path) -> None:
    folder, db = tmp_path / "many", tmp_path / "kb.db"
    _many_documents(folder, copies=4)
    total = len(list(folder.iterdir()))
    cmd = [sys.executable, "-m", "claimgraph", "ingest", str(folder), "--kb", str(db), "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    conn = sqlite3.connect(db, timeout=0.1)
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                    conn.close()
                except sqlite3.OperationalError:
                    stored = 0
            if stored >= 2:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = conn.execute("SELECT id FROM documents").fetchall()
    assert 2 <= len(docs) < total
    for (doc_id,) in docs:  # every stored document is whole: it has its sentences and citations
        assert conn.execute("SELECT count(*) FROM sentences WHERE document = ?", (doc_id,)).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM citations WHERE document = ?", (doc_id,)).fetchone()[0] > 0
    conn.close()

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["unchanged"] == len(docs) and summary["added"] == total - len(docs)
    assert table_counts(db)["documents"] == total
