"""claimgraph merge A B — record that two entities are one actor."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

import claimgraph
from claimgraph.cli.common import (
    JsonOption,
    KbOption,
    ReasonOption,
    UserOption,
    console,
    handle_errors,
    print_json,
    who,
)


@handle_errors
def merge(
    a: Annotated[str, typer.Argument(help="Entity: canonical id, record key, name or alias.")],
    b: Annotated[str, typer.Argument(help="The other entity.")],
    kb: KbOption = None,
    reason: ReasonOption = "",
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge two entities; stored as a decision that survives re-ingest (undo: claimgraph resolve --undo ID).

    Example: claimgraph merge "Abdul Hasib Logari" "Hasibullah Logari" --reason "same emir" --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        decision = base.merge(a, b, reason, user=who(user))
        entity = base.entity(decision["a_key"])
    if as_json:
        print_json({"decision": decision, "entity": entity.to_dict()})
        return
    console.print(
        f"decision {decision['id']}: merged {escape(a)!r} and {escape(b)!r} into "
        f"[bold]{entity.id}[/] ({escape(entity.name)}, {entity.records} records)"
    )
