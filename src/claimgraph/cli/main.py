"""The claimgraph command: one module per command, all thin over the library."""

from __future__ import annotations

import typer

from claimgraph import __version__
from claimgraph.cli.blame import blame
from claimgraph.cli.conflicts import conflicts
from claimgraph.cli.demo import demo
from claimgraph.cli.extract import extract
from claimgraph.cli.grade import grade
from claimgraph.cli.ingest import ingest
from claimgraph.cli.merge import merge
from claimgraph.cli.resolve import resolve
from claimgraph.cli.search import search
from claimgraph.cli.show import show
from claimgraph.cli.sources import sources
from claimgraph.cli.split import split
from claimgraph.cli.stats import stats
from claimgraph.cli.succession import succession
from claimgraph.cli.timeline import timeline

app = typer.Typer(
    name="claimgraph",
    help="Evidence-grounded knowledge bases of who claims what, from analytical reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(ingest)
app.command()(extract)
app.command()(stats)
app.command()(demo)
app.command()(search)
app.command()(show)
app.command()(merge)
app.command()(split)
app.command()(resolve)
app.command()(blame)
app.command()(conflicts)
app.command()(timeline)
app.command()(succession)
app.command()(sources)
app.command()(grade)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """claimgraph: turn reports into a knowledge base of sourced, competing claims."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
