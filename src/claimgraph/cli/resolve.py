"""claimgraph resolve — re-cluster the knowledge base; list, undo, dump and load decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json


@handle_errors
def resolve(
    kb: KbOption = None,
    dump: Annotated[Path | None, typer.Option("--dump", help="Write the decisions as JSON lines.")] = None,
    load: Annotated[
        Path | None, typer.Option("--load", help="Add the decisions of a JSON-lines file.")
    ] = None,
    undo: Annotated[int | None, typer.Option("--undo", help="Withdraw the decision with this id.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the decisions (undone ones too).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Resolve entities across documents (ingest does this itself) and manage merge/split decisions.

    Examples: claimgraph resolve --kb iskp.db;  claimgraph resolve --dump decisions.jsonl;
    claimgraph resolve --load decisions.jsonl;  claimgraph resolve --undo 3
    """
    with claimgraph.open(kb) as base:
        loaded = base.load_decisions(load) if load is not None else None
        undone = base.undo(undo) if undo is not None else None
        dumped = base.dump_decisions(dump) if dump is not None else None
        decisions = base.decisions(include_deleted=True) if list_ else None
        busy = any(x is not None for x in (loaded, undone, dumped, decisions))
        resolution = None if busy else base.resolve().to_dict()
    if as_json:
        out = {"loaded": loaded, "undone": undone, "dumped": dumped, "decisions": decisions}
        print_json({k: v for k, v in {**out, "resolution": resolution}.items() if v is not None})
        return
    if loaded is not None:
        console.print(f"{loaded} decision(s) added from {escape(str(load))}")
    if undone is not None:
        console.print(f"decision {undo} undone")
    if dumped is not None:
        console.print(f"{dumped} decision(s) written to {escape(str(dump))}")
    if decisions is not None:
        console.print(_decisions_table(decisions))
    if resolution is not None:
        console.print(
            f"{resolution['records']} document entities → {resolution['entities']} entities "
            f"in {resolution['seconds']:.2f} s (links: {resolution['links']}, refused: {resolution['refused']})"
        )


def _decisions_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="decisions")
    for col in ("id", "kind", "a", "b", "user", "reason", "made", "undone"):
        table.add_column(col)
    columns = ("id", "kind", "a_key", "b_key_or_alias", "user", "reason", "created_at", "deleted_at")
    for d in rows:
        table.add_row(*(escape(str(d[k] or "")) for k in columns))
    return table
