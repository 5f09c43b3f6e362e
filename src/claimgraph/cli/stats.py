"""claimgraph stats — what the knowledge base holds."""

from __future__ import annotations

from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json


@handle_errors
def stats(kb: KbOption = None, as_json: JsonOption = False) -> None:
    """Count documents, sentences, entities, events, statements, estimates and citations.

    Example: claimgraph stats --kb iskp.db --json
    """
    with claimgraph.open(kb) as base:
        counts = base.stats()
    if as_json:
        print_json(counts)
        return
    console.print(counts_table(counts, f"knowledge base {base.path}"))


def counts_table(counts: dict[str, int], title: str) -> Table:
    table = Table(title=title)
    table.add_column("records")
    table.add_column("count", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    return table
