"""claimgraph search TEXT — full-text search over the sentences of every report."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json


@handle_errors
def search(
    text: Annotated[str, typer.Argument(help="Words to find (all must match; stemmed, accents ignored).")],
    kb: KbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most hits to show.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Find sentences, best match first, with their document and position.

    Example: claimgraph search "prison attack" --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        hits = base.search(text, limit=limit)
    if as_json:
        print_json(hits)
        return
    table = Table(title=f"{len(hits)} sentence(s) matching {text!r}", show_lines=True)
    table.add_column("document")
    table.add_column("chars", justify="right")
    table.add_column("sentence")
    for h in hits:
        table.add_row(
            escape(str(h.get("document_name", ""))),
            f"{h['start']}–{h['end']}",
            escape(h.get("snippet") or h["text"]),
        )
    console.print(table)
