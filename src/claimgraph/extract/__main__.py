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

    from claimgraph.extract.files import extract_files
    from claimgraph.extract.format import explain_lines

    failed = 0
    try:
        for outcome in extract_files(args.paths, args.out, packs=args.pack, explain=args.explain):
            if outcome.error is not None:
                failed += 1
                print(f"failed {outcome.path}: {outcome.error}", file=sys.stderr)
                continue
            print(f"{outcome.path} -> {outcome.target}")
            if args.explain and outcome.extraction is not None:
                print("\n".join(explain_lines(outcome.extraction)))
    except ClaimgraphError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
