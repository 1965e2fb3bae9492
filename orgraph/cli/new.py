"""``orgraph new council``: scaffold a council's file in a model directory."""

from __future__ import annotations

from pathlib import Path

import click

from orgraph.cli.common import handle_errors
from orgraph.errors import UsageError

__all__ = ["new_group"]


@click.group("new")
def new_group() -> None:
    """Scaffold new parts of a model."""


@new_group.command("council")
@click.argument("council_id", metavar="ID")
@click.option("--name", required=True, help="the council's name as its assignment document writes it")
@click.option("--like", metavar="COUNCIL", help="take the structure from this council (default: the first by id)")
@click.option("--data", "data", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="the model directory to add the council to (a directory of your own, not a shipped model)")
@handle_errors
def new_council_command(council_id: str, name: str, like: str | None, data: str) -> None:
    """Write DIR/councils/<slug>.yaml: a council with every post and relation the rules expect, each a TODO.

    The file loads at once; `orgraph check --data DIR` then lists what is left to fill in from the
    council's assignment document. Nothing is written when the id is taken or the result would not load.

    \b
    Examples:
      orgraph new council sr-hud --name "Samordningsråd hud" --data my-model
      orgraph new council sr-hud --name "Samordningsråd hud" --like sr-ortopedi --data my-model
    """
    from orgraph.model.loader import ModelError, load
    from orgraph.model.scaffold import TODO, scaffold_council, write_council

    directory = Path(data)
    if not directory.is_dir():
        raise UsageError(f"--data {data!r} is not a directory (copy a model there first, e.g. the seed)")
    text = scaffold_council(load(directory), council_id, name, like)
    target = write_council(directory, council_id, text)
    try:
        load(directory)
    except ModelError:
        target.unlink()
        raise
    click.echo(f"wrote {target} ({text.count(TODO)} TODOs); next: orgraph check --data {data}")
