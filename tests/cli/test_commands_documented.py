"""Every command has help text with an example, and --help works for each."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app

COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def test_core_commands_are_registered() -> None:
    assert {"ingest", "extract", "stats", "demo", "search"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name: str) -> None:
    command = next(c for c in app.registered_commands if (c.name or c.callback.__name__) == name)
    doc = command.callback.__doc__ or ""
    assert doc.strip(), f"{name} has no help text"
    assert re.search(rf"Examples?: claimgraph {name}\b", doc), f"{name} help has no example"
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("claimgraph ")
