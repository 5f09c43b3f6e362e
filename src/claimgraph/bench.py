"""`make bench`: measure extraction quality and speed, and write the README tables.

    python -m claimgraph.bench [--shared ../shared] [--readme README.md]

Latency: the analysis queries (blame, conflicts, timeline, succession,
sources, grade) on a generated knowledge base of ``--kb-documents`` reports
(``bench_latency``; 0 skips it).  Quality: ``claimgraph extract`` over ``<shared>/eval/docs`` scored with
``<shared>/eval/score.py`` against ``<shared>/eval/gold``.  Speed: words per
second of the whole extraction, and its ratio to a bare ``nlp.pipe`` of the
base spaCy model over the same texts, measured in the same run.  The tables
go between ``<!-- bench:NAME:start -->`` and ``<!-- bench:NAME:end -->``
markers of the README, so the figures there are always generated.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

TARGETS = {
    "entities": 0.90,
    "events": 0.75,
    "statements_triple": 0.65,
    "statements_full": 0.55,
    "attribution": 0.60,
    "estimates": 0.80,
    "citations": 0.95,
}
CITATION_FIELDS_TARGET = 0.90
THROUGHPUT_TARGET = 0.7


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimgraph_devscore", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_extraction(docs: list[Path], out: Path) -> tuple[float, int]:
    """Extract every doc into ``out``; return (seconds, words) for the extraction proper."""
    from claimgraph.extract.document import extract_document
    from claimgraph.extract.format import write_extraction
    from claimgraph.ingest.read import read_document
    from claimgraph.nlp.pipeline import build_pipeline
    from claimgraph.packs import load_packs

    packs = load_packs()
    nlp = build_pipeline(packs)
    documents = [read_document(p) for p in docs]
    extract_document(documents[0], packs=packs, nlp=nlp)  # warm-up: lazy tables, caches
    start = time.perf_counter()
    extractions = [extract_document(d, packs=packs, nlp=nlp) for d in documents]
    seconds = time.perf_counter() - start
    for ex in extractions:
        write_extraction(ex, out)
    return seconds, sum(len(d.text.split()) for d in documents)


def bare_spacy_seconds(docs: list[Path]) -> float:
    from claimgraph.nlp.model import load_base_model

    nlp = load_base_model()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in docs]
    list(nlp.pipe(texts[:1]))
    start = time.perf_counter()
    list(nlp.pipe(texts))
    return time.perf_counter() - start


def quality_table(micro: dict[str, Any]) -> str:
    lines = ["| measure | P | R | F1 | target | |", "|---|---:|---:|---:|---:|---|"]
    for name, target in TARGETS.items():
        m = micro.get(name)
        if not m:
            continue
        ok = "✅" if m["f1"] >= target else "❌"
        lines.append(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | ≥ {target:.2f} | {ok} |")
    return "\n".join(lines)


def write_section(readme: Path, name: str, body: str) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    block = f"{start}\n{body}\n{end}"
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


TOUR = (
    ("claimgraph demo --kb demo.db", ["demo", "--kb", "{kb}"]),
    (
        "claimgraph search 'prison attack' --kb demo.db -n 2",
        ["search", "prison attack", "--kb", "{kb}", "-n", "2"],
    ),
    ("claimgraph stats --kb demo.db --json", ["stats", "--kb", "{kb}", "--json"]),
    ("claimgraph succession ISKP --kb demo.db", ["succession", "ISKP", "--kb", "{kb}"]),
    (
        "claimgraph timeline --entity ISKP --from 2020 --to 2020 --kb demo.db",
        ["timeline", "--entity", "ISKP", "--from", "2020", "--to", "2020", "--kb", "{kb}"],
    ),
)


def tour_section() -> str:
    """Run the README's tour commands on a fresh demo knowledge base and keep their output."""
    import os
    import subprocess

    blocks = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
        for shown, args in TOUR:
            argv = [sys.executable, "-m", "claimgraph", *(a.format(kb="demo.db") for a in args)]
            out = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600, cwd=tmp).stdout
            blocks.append(f"$ {shown}\n{out.rstrip()}")
    return "```text\n" + "\n\n".join(blocks) + "\n```"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--readme", type=Path, default=None, help="README to write the tables into.")
    parser.add_argument("--rounds", type=int, default=3, help="Timing rounds (best is kept).")
    parser.add_argument(
        "--kb-documents",
        type=int,
        default=10_000,
        help="Reports in the generated KB for query latency (0: skip).",
    )
    args = parser.parse_args(argv)
    if args.readme:
        write_section(args.readme, "tour", tour_section())
    if args.kb_documents > 0:
        from claimgraph.bench_latency import latency_table, measure

        latency = latency_table(measure(args.kb_documents, args.rounds))
        print(latency)
        print()
        if args.readme:
            write_section(args.readme, "latency", latency)

    docs_dir, gold_dir = args.shared / "eval" / "docs", args.shared / "eval" / "gold"
    docs = sorted(docs_dir.glob("*.txt"))
    if not docs or not gold_dir.is_dir():
        print(f"bench: no development set under {args.shared}; nothing measured", file=sys.stderr)
        return 0
    scorer = load_scorer(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timings = [run_extraction(docs, out) for _ in range(args.rounds)]
        gold, pred = scorer.load(gold_dir), scorer.load(out)
    per_doc = {d: scorer.score_doc(g, pred.get(d, {"document": d})) for d, g in gold.items()}
    micro = scorer.micro(per_doc)
    fields = [r["citation_fields"] for r in per_doc.values()]
    right, total = sum(f["right"] for f in fields), sum(f["total"] for f in fields)
    field_acc = right / total if total else 0.0

    words = timings[0][1]
    ours = min(t for t, _ in timings)
    bare = min(bare_spacy_seconds(docs) for _ in range(args.rounds))
    ratio = bare / ours if ours else 0.0

    quality = quality_table(micro)
    quality += (
        f"\n| citation field accuracy | | | {field_acc:.3f} | ≥ {CITATION_FIELDS_TARGET:.2f} | "
        f"{'✅' if field_acc >= CITATION_FIELDS_TARGET else '❌'} |"
    )
    speed = (
        "| measure | value |\n|---|---:|\n"
        f"| words in the development set | {words:,} |\n"
        f"| claimgraph extraction (read → clean → NLP → extract) | {words / ours:,.0f} words/s |\n"
        f"| bare spaCy `nlp.pipe` ({platform.machine()}, 1 process) | {words / bare:,.0f} words/s |\n"
        f"| ratio to bare spaCy (target ≥ {THROUGHPUT_TARGET}) | {ratio:.2f} "
        f"{'✅' if ratio >= THROUGHPUT_TARGET else '❌'} |"
    )
    print(quality)
    print()
    print(speed)
    print(json.dumps({"micro": micro, "citation_field_accuracy": field_acc, "throughput_ratio": ratio}))
    if args.readme:
        write_section(args.readme, "quality", quality)
        write_section(args.readme, "speed", speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
