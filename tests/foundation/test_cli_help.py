"""Every command and subcommand answers --help."""

from __future__ import annotations

from typing import Any

import typer.main
from typer.testing import CliRunner

from knowreply.cli import app


def command_paths(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path under a (Typer's own click) group."""
    paths = []
    for name, command in group.commands.items():
        paths.append((*prefix, name))
        if hasattr(command, "commands"):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


def test_every_command_has_help() -> None:
    paths = command_paths(typer.main.get_command(app))
    assert {("init",), ("serve",), ("worker",), ("workspace", "create"), ("user", "create")} <= set(
        paths
    )
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output
