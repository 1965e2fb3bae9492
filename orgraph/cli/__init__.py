"""The ``orgraph`` command line: a thin click layer over the library.

Each command lives in a module of this package and only parses options,
calls the library and prints; see :mod:`orgraph.cli.common` for what they share.
"""

from __future__ import annotations

import click

from orgraph.cli.browse import list_command, path_command, schema_command, show_command
from orgraph.cli.check import check_command
from orgraph.cli.common import Group
from orgraph.cli.database import load_command, query_command
from orgraph.cli.escalate import escalate_command, reporting_line_command
from orgraph.cli.export import export_command
from orgraph.cli.new import new_group
from orgraph.cli.planning import PLANNING_COMMANDS
from orgraph.cli.render import render_command
from orgraph.cli.synth import synth_command


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="orgraph")
@click.option("--debug", is_flag=True, help="on an internal error (exit 3), print the traceback "
              "(or set ORGRAPH_DEBUG=1)")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Query, check and look at the coordination councils of Västra Götalandsregionen as a graph.

    Every read runs on the embedded seeded model unless --data or --backend neo4j says otherwise.
    Exit codes: 0 clean, 1 findings, 2 unusable input, 3 internal error (please report it).
    """
    ctx.meta["orgraph.debug"] = debug


for _command in (list_command, show_command, path_command, schema_command, check_command, render_command,
                 escalate_command, reporting_line_command, synth_command, load_command, query_command,
                 new_group, *PLANNING_COMMANDS, export_command):
    main.add_command(_command)
