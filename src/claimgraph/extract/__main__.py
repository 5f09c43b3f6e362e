"""``python -m claimgraph.extract PATHS... --out DIR [--explain]``: one JSON file per document.

Per-file errors go to stderr; the exit status is 1 when any file failed.
The ``claimgraph extract`` command of the CLI calls the same functions.
"""

from __future__ import annotations

import argparse
import sys

from claimgraph.exc import ClaimgraphError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.extract", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files, folders or glob patterns")
    parser.add_argument("--out", required=True, help="folder for <document stem>.json files")
    parser.add_argument("--explain", action="store_true", help="print each item with its rule and evidence")
    parser.add_argument("--pack", action="append", default=[], help="extra domain-pack folder (repeatable)")
    args = parser.parse_args(argv)

    from claimgraph.extract.document import extract_document
    from claimgraph.extract.format import explain_lines, write_extraction
    from claimgraph.ingest.read import iter_paths, read_document
    from claimgraph.nlp.pipeline import build_pipeline
    from claimgraph.packs import load_packs

    try:
        packs = load_packs(tuple(args.pack))
        nlp = build_pipeline(packs)
        paths = iter_paths(args.paths)
    except ClaimgraphError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            extraction = extract_document(read_document(path), packs=packs, nlp=nlp, explain=args.explain)
            target = write_extraction(extraction, args.out)
        except ClaimgraphError as e:
            failed += 1
            print(f"failed {path}: {e}", file=sys.stderr)
            continue
        print(f"{path} -> {target}")
        if args.explain:
            print("\n".join(explain_lines(extraction)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
