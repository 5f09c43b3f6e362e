"""claimgraph ingest PATH... — read, extract and store reports."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import claimgraph
from claimgraph.cli.common import (
    JsonOption,
    KbOption,
    PackOption,
    console,
    err_console,
    handle_errors,
    print_json,
)
from claimgraph.kb import FileResult, IngestReport


@handle_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    kb: KbOption = None,
    pack: PackOption = None,
    replace: Annotated[bool, typer.Option("--replace", help="Re-extract documents already stored.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest reports into the knowledge base.

    Example: claimgraph ingest reports/ --kb iskp.db
    """
    with claimgraph.open(kb, packs=pack or ()) as base:
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=as_json,
        )
        with progress:
            task = progress.add_task("ingesting", total=None)

            def on_start(total: int) -> None:
                progress.update(task, total=total)

            def on_file(result: FileResult) -> None:
                progress.advance(task)
                if result.status == "failed":
                    err_console.print(f"[red]failed[/] {escape(result.path)}: {escape(result.reason or '')}")

            report = base.ingest(paths, replace=replace, on_file=on_file, on_start=on_start)
    if as_json:
        print_json(report.to_dict())
    else:
        print_summary(report)
    if report.failed:
        raise typer.Exit(1)


def print_summary(report: IngestReport) -> None:
    """The ingest report as a table of files and a one-line total."""
    table = Table(title="ingest", show_lines=False)
    for col in ("file", "status", "entities", "events", "statements", "estimates", "citations"):
        table.add_column(col, justify="right" if col not in ("file", "status") else "left")
    for r in report.results:
        c = r.counts
        status = {"added": "[green]added[/]", "unchanged": "unchanged", "failed": "[red]failed[/]"}[r.status]
        table.add_row(
            escape(r.document or r.path),
            status,
            *(str(c.get(k, "")) for k in ("entities", "events", "statements", "estimates", "citations")),
        )
    console.print(table)
    d = report.to_dict()
    console.print(f"{d['added']} added, {d['unchanged']} unchanged, {d['failed']} failed")
