"""claimgraph timeline — incidents and dated claims in date order."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell, date


@handle_errors
def timeline(
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only what involves this entity.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="An event kind (attack, arrest…) or a predicate (leader_of…)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="Earliest date (2020, 2020-05, 2020-05-12).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date, inclusive.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most entries shown (0: all).")] = 100,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show incidents, merged across documents, in date order; with --entity also the dated
    claims about it (leaders, alliances, rivalries).

    Example: claimgraph timeline --entity ISKP --from 2020 --to 2021 --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        shown = base.timeline(entity, kind, start, end, limit=limit or None)
    if as_json:
        print_json([e.to_dict() for e in shown])
        return
    title = f"timeline: {len(shown)} entries" + (f" involving {entity}" if entity else "")
    if limit and len(shown) == limit:
        title += f" (the first {limit}; --limit 0 shows all)"
    table = Table(title=title)
    for col in ("date", "kind", "what", "detail", "documents"):
        table.add_column(col)
    for e in shown:
        docs = ", ".join(e.documents[:3]) + (f" +{len(e.documents) - 3}" if len(e.documents) > 3 else "")
        table.add_row(date(e.date), e.kind, cell(e.title, 70), cell(e.detail, 70), cell(docs, 60))
    console.print(table)
