"""A writer killed with SIGKILL in the middle of a document leaves a consistent store."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimgraph.store.sqlite import SQLiteStore

DOCS = 4
ROWS = 400  # sentences, mentions and statements per document

# The child writes DOCS documents.  In "stall" mode a temporary trigger (on the
# child's connection only) slows every statement insert and, half-way through
# the statements of document 1, reports "MID" with how many bytes the WAL grew
# since the document began, then sleeps: the parent kills it there, inside the
# open transaction.  A tiny page cache and no auto-checkpoint make the
# uncommitted pages spill into the WAL, so recovery has real work to ignore.
CHILD = """
import hashlib, os, sys, time
from claimgraph.records import CleanText, Document, Entity, Extraction, Mention, Statement
from claimgraph.store.sqlite import SQLiteStore

def bulk(i, n):
    # document i: n sentences, each with one mention and one statement
    sentences = [f"Patrol {k} of column {i} crossed the river." for k in range(n)]
    text = " ".join(sentences)
    mentions, statements, pos = [], [], 0
    for sentence in sentences:
        col = pos + sentence.index("column")
        mentions.append(Mention(f"column {i}", col, col + len(f"column {i}")))
        statements.append(Statement(f"column-{i}", "active_in", "river", start=pos, end=pos + len(sentence)))
        pos += len(sentence) + 1
    doc = Document(text, f"/bulk/{i}.txt", hashlib.sha256(text.encode()).hexdigest(), "txt")
    entities = [Entity(f"column-{i}", "organization", f"Column {i}", mentions=mentions), Entity("river", "place", "River")]
    ext = Extraction(document=doc, body=text, entities=entities, statements=statements)
    return ext, CleanText(body=text, offsets=list(range(len(text))))

path, docs, rows, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
store = SQLiteStore(path)
state = {"doc": -1, "rows": 0, "wal": 0}

def wal_size():
    return os.path.getsize(path + "-wal")

def tick(_):
    state["rows"] += 1
    time.sleep(0.0002)
    if state["doc"] == 1 and state["rows"] == rows // 2:
        print("MID", state["doc"], wal_size() > state["wal"], flush=True)
        time.sleep(600)
    return 0

if mode == "stall":
    store.connection.execute("PRAGMA cache_size = 5")
    store.connection.execute("PRAGMA wal_autocheckpoint = 0")
    store.connection.create_function("cg_tick", 1, tick)
    store.connection.execute(
        "CREATE TEMP TRIGGER slow AFTER INSERT ON main.statements BEGIN SELECT cg_tick(new.id); END"
    )
for i in range(docs):
    state["doc"], state["rows"], state["wal"] = i, 0, wal_size()
    wrote = store.write_extraction(*bulk(i, rows))
    print("DONE", i, int(wrote), flush=True)
store.close()
print("END", flush=True)
"""


def _start(path: Path, mode: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(DOCS), str(ROWS), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def _read_until(lines: queue.Queue[str], prefix: str, timeout: float = 120) -> list[str]:
    """Lines the child prints, up to the first starting with ``prefix``."""
    seen: list[str] = []
    while not seen or not seen[-1].startswith(prefix):
        try:
            seen.append(lines.get(timeout=timeout))
        except queue.Empty:
            pytest.fail(f"child did not print {prefix!r}; got {seen}")
    return seen


def _assert_complete_documents(store: SQLiteStore) -> list[str]:
    conn = store.connection
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
    names = []
    for doc in store.documents():
        counts = [
            conn.execute(f"SELECT count(*) FROM {table} WHERE document = ?", (doc["id"],)).fetchone()[0]
            for table in ("sentences", "mentions", "statements")
        ]
        assert counts == [ROWS, ROWS, ROWS], doc["name"]
        names.append(doc["name"])
    return names


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_write_leaves_no_half_document(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    proc, lines = _start(path, "stall")
    try:
        assert _read_until(lines, "MID") == ["DONE 0 1", "MID 1 True"]
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with SQLiteStore(path) as store:
        assert _assert_complete_documents(store) == ["0.txt"]

    proc, lines = _start(path, "run")
    seen = _read_until(lines, "END")
    assert proc.wait(timeout=60) == 0
    assert seen == ["DONE 0 0", *(f"DONE {i} 1" for i in range(1, DOCS)), "END"]
    with SQLiteStore(path) as store:
        assert _assert_complete_documents(store) == [f"{i}.txt" for i in range(DOCS)]
        assert store.stats()["statements"] == DOCS * ROWS
