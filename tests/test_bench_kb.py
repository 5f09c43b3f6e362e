"""The generated knowledge base of ``make bench``: deterministic, and rich enough to exercise every query."""

from __future__ import annotations

from pathlib import Path

import claimgraph
from claimgraph.bench_kb import generate
from claimgraph.bench_latency import latency_table
from claimgraph.store import open_store


def _build(path: Path, documents: int = 60) -> dict[str, int]:
    with open_store(path) as store:
        generate(store, documents, seed=3)
        return store.stats()


def test_generation_is_deterministic_and_feeds_every_query(tmp_path: Path) -> None:
    first, second = _build(tmp_path / "a.db"), _build(tmp_path / "b.db")
    assert first == second and first["documents"] == 60
    with claimgraph.open(tmp_path / "a.db") as kb:
        incidents = kb.incidents()
        assert any(len({e.document for e in i.events}) > 1 for i in incidents.all())
        kinds = {c.kind for c in kb.conflicts()}
        assert {"responsibility", "denial", "estimates"} <= kinds
        assert kb.timeline(limit=5)


def test_the_latency_table_flags_queries_over_a_second() -> None:
    figures = {
        "documents": 10,
        "stats": {"events": 40, "statements": 160, "estimates": 20, "citations": 90},
        "generated_seconds": 1.0,
        "machine": "x86_64",
        "one_off": {"incident index": 0.5},
        "queries": [
            {"query": "blame INCIDENT", "api": 0.1, "cli": 0.4},
            {"query": "conflicts", "api": 0.2, "cli": 1.2},
        ],
    }
    table = latency_table(figures)
    assert "| `blame INCIDENT` | 100 ms | 400 ms | ✅ |" in table
    assert "| `conflicts` | 200 ms | 1,200 ms | ❌ |" in table
    assert "incident index 0.5 s" in table
