"""claimgraph succession ORG — an organisation's leaders in order, and how each tenure ended."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

import claimgraph
from claimgraph.cli.common import JsonOption, KbOption, console, handle_errors, print_json
from claimgraph.cli.render import cell


@handle_errors
def succession(
    organisation: Annotated[str, typer.Argument(help="Name, alias or id of the organisation (e.g. ISKP).")],
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the leaders of an organisation in order, with start and end dates, how each tenure
    ended (killed, arrested, replaced…), and rival claimants where a succession was disputed.

    Example: claimgraph succession ISKP --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        result = base.succession(organisation)
    if as_json:
        print_json(result.to_dict())
        return
    table = Table(title=f"leaders of {organisation}", show_lines=True)
    for col in (
        "#",
        "leader",
        "from",
        "until",
        "how it ended",
        "disputed / rivals",
        "why listed (--json: all)",
    ):
        table.add_column(col)
    for i, t in enumerate(result.tenures, 1):
        start = t.start.date if t.start and t.start.date else (f"by {t.first_date}" if t.first_date else "?")
        until = (t.end.date or "?") if t.end else ("" if t.ended == "no end reported" else "?")
        how = t.ended + "".join(
            f"\n[dim]also reported: {cell(m.what, 60)} ({m.date or '?'})[/]" for m in t.other_endings
        )
        dispute = "; ".join(
            x
            for x in (
                f"denied by {', '.join(t.disputed_by)}" if t.disputed_by else "",
                f"rival claimant(s): {', '.join(t.rivals)}" if t.rivals else "",
            )
            if x
        )
        why = cell(t.reasons[0], 70) + (
            f" [dim](+{len(t.reasons) - 1} more)[/]" if len(t.reasons) > 1 else ""
        )
        table.add_row(str(i), cell(t.name), start, until, how, cell(dispute), why if t.reasons else "")
    console.print(table)
    if not result.tenures:
        console.print(f"no leader of {organisation} in the knowledge base")
