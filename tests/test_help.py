"""Every command's ``--help`` shows an example of its use, and states its defaults."""

from __future__ import annotations

import click
import pytest

from orgraph.cli import main
from orgraph.cli.reference import _commands

COMMANDS = [(path, command) for path, command in _commands(main, "orgraph") if not isinstance(command, click.Group)]


@pytest.mark.parametrize("path, command", COMMANDS, ids=[path for path, _ in COMMANDS])
def test_help_has_an_example(cli, path, command):
    result = cli(*path.split()[1:], "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout, f"{path} --help shows no example"
    examples = result.stdout.split("Examples:", 1)[1]
    assert f"{path} " in examples or examples.strip().startswith(path), f"{path}: the example does not use it"


def test_list_states_its_default(cli):
    assert "default: councils" in cli("list", "--help").stdout.replace("\n", " ")
