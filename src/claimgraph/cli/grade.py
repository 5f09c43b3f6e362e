"""claimgraph grade PUBLISHER [GRADE] — set (or show) a publisher's Admiralty reliability grade."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.analyze.credibility import RELIABILITY
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell
from claimgraph.exc import NotFound
from claimgraph.store.rows import normalise


@handle_errors
def grade(
    publisher: Annotated[
        str,
        typer.Argument(help="Publisher as cited (Reuters, UN Security Council…); 'all' lists every grade."),
    ],
    value: Annotated[
        str | None, typer.Argument(metavar="GRADE", help="A (completely reliable) … F (cannot be judged).")
    ] = None,
    by: Annotated[str, typer.Option("--by", help="Who sets the grade (kept with it).")] = "",
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record how reliable a publisher is (Admiralty A–F); every claim's suggested credibility then
    takes the grades of its sources into account. Without GRADE, show the recorded grade.

    Example: claimgraph grade "UN Security Council" A --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        if value is not None:
            rows = [base.grade(publisher, value, user=by)]
        else:
            grades = base.grades()
            if publisher.strip().lower() == "all":
                rows = list(grades.values())
            else:
                found = grades.get(normalise(publisher))
                if found is None:
                    raise NotFound(f"no grade recorded for {publisher!r}")
                rows = [found]
    if as_json:
        print_json(rows if value is None else rows[0])
        return
    table = Table(title="publisher reliability")
    for col in ("publisher", "grade", "meaning", "set by", "set at"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            cell(r["publisher"]), r["grade"], RELIABILITY[r["grade"]], cell(r["set_by"]), r["set_at"]
        )
    console.print(table)
