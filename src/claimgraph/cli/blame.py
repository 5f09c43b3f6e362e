"""claimgraph blame INCIDENT — who is held responsible for an incident, by whom, in the order said."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell, date


@handle_errors
def blame(
    incident: Annotated[str, typer.Argument(help="Incident id, event id, or words of its name.")],
    per_side: Annotated[
        int, typer.Option("--per-side", help="Statements shown per actor, in the order said (0: all).")
    ] = 10,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show every actor put forward as responsible for an incident: who says so (the actor itself,
    a government, the UN, a rival, an analyst), affirmed or denied, hedged or not, when, with the
    evidence sentence and a suggested credibility.

    Example: claimgraph blame "Kabul University attack" --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        result = base.blame(incident, per_side=per_side or None)
        docs = base.reader.documents()
    if as_json:
        print_json(result.to_dict(docs))
        return
    inc = result.incident
    names = ", ".join(cell(docs[d].name, 60) for d in inc.documents if d in docs)
    console.print(f"[bold]{cell(inc.name)}[/] ({inc.kind}, {date(inc.date)}) — id {cell(inc.id)}")
    console.print(f"reported in {len(inc.documents)} document(s): {names}")
    for attribute, values in inc.conflicts().items():
        sides = "; ".join(
            f"{cell(v, 40)} ({', '.join(cell(docs[e.document].name, 40) for e in es)})" for v, es in values
        )
        console.print(f"[yellow]documents disagree on {attribute}[/]: {sides}")
    if not result.sides:
        console.print("nobody in the knowledge base is held responsible for it")
        return
    table = Table(title="contested responsibility" if result.contested else "responsibility", show_lines=True)
    for col in ("actor", "said by", "stance", "said", "evidence", "source"):
        table.add_column(col)
    for side in result.sides:
        rating = f"\n[dim]credibility {side.rating.rating}: {side.rating.label}[/]" if side.rating else ""
        hidden = side.total - len(side.statements)
        more = f"\n[dim]({hidden} more statement(s); --per-side 0 shows all)[/]" if hidden else ""
        for i, st in enumerate(side.statements):
            table.add_row(
                (cell(side.actor_name) + rating + more) if i == 0 else "",
                f"{cell(st.speaker_name)}\n[dim]{st.role}[/]",
                st.stance,
                f"{date(st.said)}\n[dim]{cell(st.document, 30)}[/]",
                cell(st.sentence or st.evidence),
                cell("; ".join(st.sources), 80),
            )
    console.print(table)
