"""What every command shares: options, the console, and the error edge."""

from __future__ import annotations

import functools
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from claimgraph.exc import ClaimgraphError

console = Console(stderr=False, highlight=False)
err_console = Console(stderr=True, highlight=False)

KbOption = Annotated[
    Path | None,
    typer.Option("--kb", help="Knowledge-base file (SQLite). Default: $CLAIMGRAPH_KB or ./claimgraph.db."),
]
PackOption = Annotated[
    list[str] | None,
    typer.Option("--pack", help="Extra domain-pack folder (repeatable)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why (kept with the decision).")]
UserOption = Annotated[str | None, typer.Option("--user", help="Who decides (default: login name).")]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn claimgraph errors into a one-line message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as e:
            err_console.print(f"[bold red]error:[/] {e}", markup=True, highlight=False)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def who(user: str | None) -> str:
    """The analyst a decision is recorded for."""
    if user:
        return user
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, stable key order as given."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
