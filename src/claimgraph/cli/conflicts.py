"""claimgraph conflicts — where the sources contradict each other."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.analyze.contradictions import KINDS
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell, date


@handle_errors
def conflicts(
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only conflicts about this entity.")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help=f"Only these kinds ({', '.join(KINDS)}); repeatable."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most contradictions shown (0: all).")] = 50,
    per_side: Annotated[
        int, typer.Option("--per-side", help="Statements shown per side, earliest first (0: all).")
    ] = 5,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List contradictions computed from the knowledge base: incompatible responsibility claims,
    claims and their denials, strength estimates that do not overlap, allies that are also rivals.

    Example: claimgraph conflicts --entity ISKP --kind estimates --kb iskp.db
    """
    unknown = set(kind or ()) - set(KINDS)
    if unknown:
        raise typer.BadParameter(f"unknown kind(s) {', '.join(sorted(unknown))}; use {', '.join(KINDS)}")
    with claimgraph.open(kb) as base:
        found = base.conflicts(entity, kinds=kind or KINDS, limit=limit or None, per_side=per_side or None)
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    table = Table(
        title=f"{len(found)} contradiction(s)" + (f" about {entity}" if entity else ""), show_lines=True
    )
    for col in ("kind", "what", "side", "who, when, where", "evidence"):
        table.add_column(col)
    for c in found:
        first = True
        for side in c.sides:
            hidden = len(side.ids) - len(side.items)
            for n, item in enumerate(side.items):
                table.add_row(
                    c.kind if first else "",
                    (cell(c.title) + "\n[dim]" + cell("; ".join(c.reasons), 200) + "[/]") if first else "",
                    cell(side.label, 40) + (f"\n[dim](+{hidden} more)[/]" if hidden and n == 0 else ""),
                    f"{cell(item.speaker_name, 40)}: {item.text}\n[dim]fact {date(item.date)}, said "
                    f"{date(item.said)}, {cell(item.document_name, 40)}[/]",
                    cell(item.evidence),
                )
                first = False
    console.print(table)
