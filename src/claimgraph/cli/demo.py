"""claimgraph demo — build the demo knowledge base and show what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

import claimgraph
from claimgraph.analyze.attribution import EventClaims, responsibility_claims
from claimgraph.cli.common import console, handle_errors
from claimgraph.cli.ingest import print_summary
from claimgraph.cli.render import date, stance
from claimgraph.cli.stats import counts_table


@handle_errors
def demo(
    kb: Annotated[Path, typer.Option("--kb", help="Where to build the demo knowledge base.")] = Path(
        "demo.db"
    ),
) -> None:
    """Ingest the bundled briefing notes, then show who is held responsible for what, and on whose word.

    Example: claimgraph demo --kb demo.db
    """
    from claimgraph.demo import corpus_dir

    with claimgraph.open(kb) as base:
        report = base.ingest([corpus_dir()])
        print_summary(report)
        console.print(counts_table(base.stats(), f"knowledge base {base.path}"))
        console.print(claims_table(responsibility_claims(base.store)))
    if report.failed:
        raise typer.Exit(1)


def claims_table(events: list[EventClaims]) -> Table:
    """Responsibility claims per event: actor, who says so, affirmed or denied, hedged or not."""
    table = Table(title="who is held responsible, and who says so", show_lines=True)
    for col in ("event", "actor", "according to", "stance", "evidence"):
        table.add_column(col)
    for ev in events:
        label = f"{ev.event} ({date(ev.date)})\n[dim]{escape(ev.document)}[/]"
        for i, c in enumerate(ev.claims):
            table.add_row(
                label if i == 0 else "",
                escape(c.actor),
                escape(c.speaker),
                stance(c.polarity, c.certainty),
                escape(c.evidence),
            )
    return table
