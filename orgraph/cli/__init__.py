"""The ``orgraph`` command line: a thin click layer over the library.

Each command lives in a module of this package and only parses options,
calls the library and prints; see :mod:`orgraph.cli.common` for what they share.

Commands are imported on demand: ``orgraph --help`` reads their one-line help from :data:`COMMANDS`
and imports none of them; ``orgraph list`` imports only :mod:`orgraph.cli.browse`.  The command objects
are still attributes of this package (``from orgraph.cli import check_command``), resolved on first use
by the module's ``__getattr__``.

>>> sorted(COMMANDS)[:2]
['cache', 'check']
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from orgraph.cli.common import Group

#: name → (module, attribute, one-line help).  tests/test_startup.py checks the help against the command.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "list": ("orgraph.cli.browse", "list_command",
             "List what there is, with ids (default: councils): councils, bodies, posts, people, topics, rules, "
             "queries, …"),
    "show": ("orgraph.cli.browse", "show_command",
             "A node, its properties, its holders (for a post) and its neighbours by relationship type."),
    "path": ("orgraph.cli.browse", "path_command",
             "The shortest path(s) between two nodes, each hop with its reason and source."),
    "schema": ("orgraph.cli.browse", "schema_command",
               "Print the JSON Schema of a data file (for editors), or write it into a model directory."),
    "check": ("orgraph.cli.check", "check_command",
              "Check the model against the rules the assignment documents state (and a few structural ones)."),
    "render": ("orgraph.cli.render", "render_command",
               "Write the whole region, one council or one path as one HTML file that needs no network."),
    "escalate": ("orgraph.cli.escalate", "escalate_command",
                 "Where a question of TOPIC raised in COUNCIL goes, hop by hop, to whoever holds the mandate."),
    "reporting-line": ("orgraph.cli.escalate", "reporting_line_command",
                       "The line upward from a post, person or body to the top, each step with its reason and "
                       "source."),
    "synth": ("orgraph.cli.synth", "synth_command",
              "Generate a synthetic model: REGIONS × councils, their people and line staff, in seed/'s YAML "
              "format."),
    "load": ("orgraph.cli.database", "load_command",
             "Write the model into Neo4j: constraints first, then everything in one transaction."),
    "query": ("orgraph.cli.database", "query_command",
              "Run the named query NAME from cypher/queries/ on Neo4j (see `orgraph list queries`)."),
    "new": ("orgraph.cli.new", "new_group", "Scaffold new parts of a model."),
    "diff": ("orgraph.cli.planning", "diff_command",
             "What changed: between two dates, or from another version of the model (--against) to this one."),
    "impact": ("orgraph.cli.planning", "impact_command",
               "What if a person leaves or a post falls vacant on --as-of: posts, routes, new findings, lone "
               "links."),
    "matrix": ("orgraph.cli.planning", "matrix_command",
               "Who is represented where: administrations × councils (participant posts and holders), and "
               "people × bodies."),
    "summary": ("orgraph.cli.planning", "summary_command",
                "One page for leadership: councils, chairs and contact persons, vacancies, mandates, open "
                "findings."),
    "ingest": ("orgraph.cli.ingest", "ingest_command",
               "Draft councils from their assignment documents (text, Markdown, DOCX, PDF) into the model in DIR."),
    "compare-texts": ("orgraph.cli.ingest", "compare_texts_command",
                      "Two assignment documents clause by clause: same, reworded (changed words marked), only in A "
                      "or B, moved."),
    "export": ("orgraph.cli.export", "export_command",
               "Skriv modellen i ett standardformat / write the model in a standard format other tools read."),
    "cache": ("orgraph.cli.cache", "cache_command",
              "Mellanlagrade modeller: var de ligger, töm dem / The compiled-model cache: where, clear it."),
}
_BY_ATTRIBUTE = {attribute: module for module, attribute, _ in COMMANDS.values()}


def command(name: str) -> click.Command:
    """The command object of ``orgraph NAME`` (importing its module)."""
    module, attribute, _ = COMMANDS[name]
    return getattr(importlib.import_module(module), attribute)


class LazyGroup(Group):
    """The ``orgraph`` group (exit codes as :class:`~orgraph.cli.common.Group` keeps them), its commands
    imported when run, not when listed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return command(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=help_text).get_short_help_str(limit))
                for name, (_, _, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _no_cache(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta["orgraph.no_cache"] = value


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="orgraph")
@click.option("--no-cache", is_flag=True, expose_value=False, callback=_no_cache, is_eager=True,
              help="läs alltid YAML-filerna, varken läs eller skriv cachen / always read the YAML, never the "
                   "compiled-model cache")
@click.option("--debug", is_flag=True, help="vid internt fel (kod 3), skriv ut spårningen / on an internal error "
              "(exit 3), print the traceback (or set ORGRAPH_DEBUG=1)")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Query, check and look at the coordination councils of Västra Götalandsregionen as a graph.

    Every read runs on the embedded seeded model unless --data or --backend neo4j says otherwise.
    Exit codes: 0 clean, 1 findings, 2 unusable input, 3 internal error (please report it).
    """
    ctx.meta["orgraph.debug"] = debug


def __getattr__(name: str) -> Any:
    """``orgraph.cli.list_command`` and the others, imported on first use."""
    if name in _BY_ATTRIBUTE:
        return getattr(importlib.import_module(_BY_ATTRIBUTE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "LazyGroup", "command", "main", *_BY_ATTRIBUTE]
