"""claimgraph show ENTITY — one entity across every report: aliases, member records, statements."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.resolve.view import EntityView

MEMBER_ROWS = 25


@handle_errors
def show(
    entity: Annotated[str, typer.Argument(help="Canonical id, name or alias (case and accents ignored).")],
    kb: KbOption = None,
    members: Annotated[
        int, typer.Option("--members", help=f"Member records to list (default {MEMBER_ROWS}; 0 for all).")
    ] = MEMBER_ROWS,
    as_json: JsonOption = False,
) -> None:
    """Show one entity with its aliases from all documents, why each record belongs, and what is said of it.

    Example: claimgraph show ISIS-K --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        view = base.entity(entity)
    if as_json:
        print_json(view.to_dict())
        return
    print_view(view, members)


def print_view(view: EntityView, limit: int = MEMBER_ROWS) -> None:
    kind = f" / {view.kind}" if view.kind else ""
    pack = f"  pack {view.pack_id}" if view.pack_id else ""
    console.print(f"[bold]{escape(view.name)}[/]  [dim]{view.id}[/]  {view.type}{kind}{pack}")
    console.print(f"{view.records} record(s) in {view.documents} document(s)")

    aliases = Table(title="aliases", show_edge=False)
    aliases.add_column("alias")
    aliases.add_column("documents", justify="right")
    for alias, n in view.aliases:
        aliases.add_row(escape(alias), str(n))
    console.print(aliases)

    shown = view.members if limit <= 0 else view.members[:limit]
    table = Table(title="member records: why each belongs", show_edge=False)
    for col in ("document", "local id", "name", "linked by", "evidence"):
        table.add_column(col)
    for m in shown:
        table.add_row(
            escape(m["document_name"]),
            escape(m["local_id"]),
            escape(m["name"]),
            m["rule"] or "[dim]only record[/]",
            escape(m["evidence"]),
        )
    console.print(table)
    if len(shown) < len(view.members):
        console.print(f"[dim]… and {len(view.members) - len(shown)} more (--members 0 lists all)[/]")

    if view.statements:
        stmts = Table(title="statements", show_edge=False)
        for col in ("as", "predicate", "polarity", "statements", "from (or about, as speaker)"):
            stmts.add_column(col, justify="right" if col == "statements" else "left")
        for s in view.statements:
            others = ", ".join(f"{escape(o)} ×{n}" for o, n in s.others[:4])
            more = len(s.others) - 4
            stmts.add_row(
                s.role,
                s.predicate,
                s.polarity,
                str(s.statements),
                others + (f", +{more}" if more > 0 else ""),
            )
        console.print(stmts)
    for d in view.decisions:
        console.print(
            f"[dim]decision {d['id']}: {d['kind']} {escape(d['a_key'])} {escape(d['b_key_or_alias'])}"
            f" by {escape(d['user'] or '?')} — {escape(d['reason'] or 'no reason given')}[/]"
        )
