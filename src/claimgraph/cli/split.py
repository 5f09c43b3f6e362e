"""claimgraph split ENTITY ALIAS — record that the records called ALIAS are not ENTITY."""

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
def split(
    entity: Annotated[str, typer.Argument(help="Entity: canonical id, name or alias.")],
    alias: Annotated[str, typer.Argument(help="Alias to split off, or the record key of one member.")],
    kb: KbOption = None,
    reason: ReasonOption = "",
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Split the records called ALIAS off an entity; stored as a decision that survives re-ingest.

    Example: claimgraph split iskp "Khorasan province" --reason "the region, not the group" --kb iskp.db
    """
    with claimgraph.open(kb) as base:
        decision = base.split(entity, alias, reason, user=who(user))
        kept = base.entity(decision["a_key"])
        now = sorted({base.entity(key).id for key in decision["records"]})
    if as_json:
        print_json({"decision": decision, "entity": kept.to_dict(), "split_off_into": now})
        return
    console.print(
        f"decision {decision['id']}: {len(decision['records'])} record(s) called {escape(alias)!r} split off; "
        f"[bold]{kept.id}[/] keeps {kept.records} record(s); the others are now {', '.join(now)}"
    )
