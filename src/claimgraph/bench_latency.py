"""Latency of the analysis queries on a generated knowledge base (part of ``make bench``).

    python -m claimgraph.bench_latency [--documents 10000] [--rounds 3]

Builds a knowledge base of generated reports (``bench_kb``), then times each
query twice: in process through ``KnowledgeBase`` and end to end through the
``claimgraph`` command (a new Python process: start-up, opening the
knowledge base, the query, JSON output), best of ``rounds``.  The first query
after the knowledge base changes also builds the derived indexes (incidents,
contradictions, timeline summaries) that later queries reuse; that one-off
cost is measured and shown apart.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET_SECONDS = 1.0


def _best(fn: Callable[[], Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _cli(args: list[str]) -> Callable[[], None]:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}

    def run() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "claimgraph", *args], capture_output=True, env=env, timeout=600
        )
        if done.returncode != 0:
            raise RuntimeError(f"claimgraph {' '.join(args)} failed: {done.stderr.decode()[-500:]}")

    return run


def _targets(kb: Any) -> dict[str, str]:
    """A much-reported attack, one actor held responsible for it, one of its leaders, a frequent claim."""
    index = kb.incidents()
    biggest = sorted(index.members.items(), key=lambda kv: -len(kv[1]))[:200]
    kinds = {e.id: e.kind for e in kb.reader.events([ids[0] for _, ids in biggest])}
    incident = next(i for i, ids in biggest if kinds[ids[0]] == "attack")
    actor = kb.blame(incident).sides[0].actor
    conn = kb.store.connection
    claim = conn.execute(
        "SELECT subject || '/' || predicate || '/' || object FROM statements WHERE predicate = 'leader_of' "
        "AND object = ? GROUP BY subject, predicate, object ORDER BY count(*) DESC LIMIT 1",
        (actor,),
    ).fetchone()[0]
    return {"incident": incident, "actor": actor, "claim": claim}


def measure(documents: int = 10_000, rounds: int = 3, *, seed: int = 7) -> dict[str, Any]:
    """Generate a knowledge base and time every analysis query; returns the figures."""
    import claimgraph
    from claimgraph.bench_kb import generate
    from claimgraph.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        with open_store(path) as store:
            generate(store, documents, seed=seed)
            stats = store.stats()
        generated = time.perf_counter() - start
        with claimgraph.open(path) as kb:
            one_off = {
                "incident index": _best(kb.incidents, 1),
                "contradictions": _best(lambda: kb.conflicts(limit=1), 1),
                "timeline summaries": _best(lambda: kb.timeline(limit=1), 1),
            }
            t = _targets(kb)
            queries: list[tuple[str, Callable[[], Any], list[str]]] = [
                ("blame INCIDENT", lambda: kb.blame(t["incident"]), ["blame", t["incident"]]),
                ("conflicts", lambda: kb.conflicts(limit=50), ["conflicts"]),
                (
                    "conflicts --entity E",
                    lambda: kb.conflicts(t["actor"], limit=50),
                    ["conflicts", "--entity", t["actor"]],
                ),
                ("timeline", lambda: kb.timeline(limit=100), ["timeline"]),
                (
                    "timeline --entity E --from D --to D",
                    lambda: kb.timeline(t["actor"], start="2018", end="2020", limit=100),
                    ["timeline", "--entity", t["actor"], "--from", "2018", "--to", "2020"],
                ),
                ("succession ORG", lambda: kb.succession(t["actor"]), ["succession", t["actor"]]),
                ("sources CLAIM", lambda: kb.sources(t["claim"]), ["sources", t["claim"]]),
                (
                    "grade PUBLISHER GRADE",
                    lambda: kb.grade("Monitoring Panel", "B"),
                    ["grade", "Monitoring Panel", "B"],
                ),
            ]
            rows = []
            for label, api, args in queries:
                in_process = _best(api, rounds)
                end_to_end = _best(_cli([*args, "--kb", str(path), "--json"]), rounds)
                rows.append({"query": label, "api": in_process, "cli": end_to_end})
    return {
        "documents": documents,
        "stats": stats,
        "generated_seconds": generated,
        "one_off": one_off,
        "queries": rows,
        "targets": t,
        "machine": platform.machine(),
    }


def latency_table(figures: dict[str, Any]) -> str:
    """The README section: one row per query, and the one-off index builds."""
    s = figures["stats"]
    lines = [
        f"Generated knowledge base: {figures['documents']:,} reports, {s['events']:,} event mentions, "
        f"{s['statements']:,} statements, {s['estimates']:,} estimates, {s['citations']:,} citations "
        f"({figures['machine']}, 1 process; written through the store in {figures['generated_seconds']:.0f} s).",
        "",
        "| query | in process | `claimgraph …` end to end | target < 1 s |",
        "|---|---:|---:|---|",
    ]
    for r in figures["queries"]:
        ok = "✅" if r["cli"] < TARGET_SECONDS else "❌"
        lines.append(f"| `{r['query']}` | {r['api'] * 1000:,.0f} ms | {r['cli'] * 1000:,.0f} ms | {ok} |")
    once = ", ".join(f"{name} {sec:.1f} s" for name, sec in figures["one_off"].items())
    lines += [
        "",
        f"Built once per state of the knowledge base (by the first query after an ingest, then kept in it): {once}.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--readme", type=Path, default=None, help="README to write the table into.")
    args = parser.parse_args(argv)
    table = latency_table(measure(args.documents, args.rounds))
    print(table)
    if args.readme:
        from claimgraph.bench import write_section

        write_section(args.readme, "latency", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
