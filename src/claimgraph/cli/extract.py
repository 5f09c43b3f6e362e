"""claimgraph extract PATH... --out DIR — per-document extraction JSON, no knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import PackOption, console, err_console, handle_errors
from claimgraph.exc import ClaimgraphError


@handle_errors
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for one <document stem>.json per document.")
    ],
    pack: PackOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each item's rule next to its evidence.")
    ] = False,
) -> None:
    """Extract entities, events, statements, estimates and citations in the shared format.

    Example: claimgraph extract reports/*.pdf --out extracted/ --explain
    """
    from claimgraph.extract.document import extract_document
    from claimgraph.extract.format import explain_lines, write_extraction
    from claimgraph.ingest.read import iter_paths, read_document
    from claimgraph.nlp.pipeline import build_pipeline
    from claimgraph.packs import load_packs

    packs = load_packs(tuple(pack or ()))
    nlp = build_pipeline(packs)
    failed = 0
    for path in iter_paths(paths):
        try:
            document = read_document(path)
            extraction = extract_document(document, packs=packs, nlp=nlp, explain=explain)
            target = write_extraction(extraction, out)
        except ClaimgraphError as e:
            failed += 1
            err_console.print(f"[red]failed[/] {escape(str(path))}: {escape(str(e))}")
            continue
        console.print(f"{escape(str(path))} → {escape(str(target))}")
        if explain:
            for line in explain_lines(extraction):
                console.print(escape(line))
    if failed:
        raise typer.Exit(1)
