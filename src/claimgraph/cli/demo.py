"""claimgraph demo — build the demo knowledge base and show what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import claimgraph
from claimgraph.cli.common import console, handle_errors
from claimgraph.cli.ingest import _summary


@handle_errors
def demo(
    kb: Annotated[Path, typer.Option("--kb", help="Where to build the demo knowledge base.")] = Path(
        "demo.db"
    ),
) -> None:
    """Ingest the bundled briefing notes, then show the knowledge base.

    Example: claimgraph demo --kb demo.db
    """
    from claimgraph.demo import corpus_dir

    with claimgraph.open(kb) as base:
        report = base.ingest([corpus_dir()])
        _summary(report)
        console.print(base.stats())
    if report.failed:
        raise typer.Exit(1)
