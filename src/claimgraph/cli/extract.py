"""claimgraph extract PATH... --out DIR — per-document extraction JSON, no knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import PackOption, console, err_console, handle_errors


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
    from claimgraph.extract.files import extract_files
    from claimgraph.extract.format import explain_lines

    failed = 0
    for outcome in extract_files(paths, out, packs=pack or (), explain=explain):
        if outcome.error is not None:
            failed += 1
            err_console.print(f"[red]failed[/] {escape(str(outcome.path))}: {escape(str(outcome.error))}")
            continue
        console.print(f"{escape(str(outcome.path))} → {escape(str(outcome.target))}")
        if explain and outcome.extraction is not None:
            for line in explain_lines(outcome.extraction):
                console.print(escape(line))
    if failed:
        raise typer.Exit(1)
