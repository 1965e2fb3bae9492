"""``orgraph list``, ``show``, ``path`` and ``schema``: look around the model."""

from __future__ import annotations

from typing import Any

import click

from orgraph.cli.common import (
    EXIT_FINDINGS,
    UsageError,
    data_options,
    emit,
    handle_errors,
    lang_option,
    open_backend,
    unknown,
)
from orgraph.cli.completion import complete_nodes
from orgraph.vocabulary import Kind, Statement

LIST_COLUMNS = {
    "councils": ["id", "name", "mandates"],
    "bodies": ["id", "kind", "name", "aka"],
    "administrations": ["id", "name"],
    "posts": ["id", "role", "name", "holders"],
    "people": ["id", "name", "posts"],
    "documents": ["id", "number", "date", "decided", "name"],
    "topics": ["id", "name", "default_role"],
    "clauses": ["id", "statement", "section", "text"],
}
EXTRA_LISTS: dict[str, Any] = {}  # other commands add "rules" and "queries" here


def require_node(backend: Any, node_id: str) -> dict[str, Any]:
    """The node with this id, or a UsageError with a "did you mean"."""
    node = backend.node(node_id)
    if node is None:
        raise unknown("node", node_id, backend.ids())
    return node


@click.command("list")
@click.argument("what", type=click.Choice(sorted([*LIST_COLUMNS, "rules", "queries"])), default="councils")
@click.option("--document", metavar="ID", help="clauses: only those of this document")
@click.option("--kind", "statement", type=click.Choice(sorted(map(str, Statement))),
              help="clauses: only this kind of statement")
@data_options
@handle_errors
def list_command(what: str, document: str | None, statement: str | None, **options: Any) -> None:
    """List what there is, with ids (default: councils): councils, bodies, posts, people, topics, rules, queries, …

    \b
    Examples:
      orgraph list
      orgraph list posts --data fictional --as-of 2025-01-01
      orgraph list clauses --document uh-ortopedi-2024 --kind routing
    """
    if (document or statement) and what != "clauses":
        raise UsageError("--document and --kind filter clauses only: orgraph list clauses --document ID")
    if what in ("rules", "queries"):  # those commands' modules add their lists when imported (on demand)
        import orgraph.cli.check
        import orgraph.cli.database  # noqa: F401
    if what in EXTRA_LISTS:
        rows, columns = EXTRA_LISTS[what](options)
    else:
        from orgraph.query.catalog import listing
        from orgraph.query.citing import clauses

        backend = open_backend(options)
        try:
            if what == "clauses":
                if document is not None:
                    found = backend.node(document)
                    if found is None or found["kind"] != Kind.DOCUMENT:
                        raise unknown("document", document, [n["id"] for n in backend.nodes([Kind.DOCUMENT])])
                rows = clauses(backend, document, statement)
            else:
                rows = listing(backend, what)
            columns = LIST_COLUMNS[what]
        finally:
            backend.close()
    from orgraph.output.text import table

    emit(options, rows, lambda r: table(r, columns))


@click.command("show")
@click.argument("node_id", metavar="NODE", shell_complete=complete_nodes)
@click.option("--sources", "with_sources", is_flag=True,
              help="every clause the node's facts (and its relations') rest on, with the quote")
@lang_option
@data_options
@handle_errors
def show_command(node_id: str, with_sources: bool, lang: str | None, **options: Any) -> None:
    """A node, its properties, its holders (for a post) and its neighbours by relationship type.

    For a clause (an id from orgraph list clauses): its document, heading, verbatim text, and the facts
    that cite it.

    \b
    Examples:
      orgraph show lg-hs
      orgraph show sr-ortopedi --format json
      orgraph show sr-ortopedi-kontaktperson --sources
      orgraph show uh-ortopedi-2024-beslutsfattande-5
      orgraph show sr-ortopedi --lang en
    """
    from orgraph.i18n import language
    from orgraph.output.browse import show_text
    from orgraph.query.catalog import describe
    from orgraph.query.citing import cited_by, sources_of
    from orgraph.query.language import declared_language

    backend = open_backend(options)
    try:
        node = require_node(backend, node_id)
        described = describe(backend, node_id)
        if node["kind"] == Kind.CLAUSE:
            described["cited_by"] = cited_by(backend, node_id)
        if with_sources:
            described["sources"] = sources_of(backend, node_id)
        spoken = language(lang, declared_language(backend))
    finally:
        backend.close()
    emit(options, described, lambda value: show_text(value, spoken))


@click.command("path")
@click.argument("source", metavar="FROM", shell_complete=complete_nodes)
@click.argument("target", metavar="TO", shell_complete=complete_nodes)
@click.option("--via", metavar="TYPE,...", help="only these relationship types (comma-separated)")
@click.option("--all", "all_paths", is_flag=True, help="every shortest path, not just the first")
@click.option("--max-hops", type=click.IntRange(min=1), help="no path longer than this")
@data_options
@handle_errors
def path_command(source: str, target: str, via: str | None, all_paths: bool, max_hops: int | None,
                 **options: Any) -> None:
    """The shortest path(s) between two nodes, each hop with its reason and source.

    Relationships are walked either way; a hop against the arrow is shown as ←TYPE—.
    Exit 1 when there is no path.

    \b
    Examples:
      orgraph path regiondirektor sr-ortopedi-ordforande
      orgraph path regiondirektor sr-ortopedi --via DELEGATES_TO,COMMISSIONS --all
    """
    from orgraph import vocabulary
    from orgraph.output.browse import path_json, paths_text
    from orgraph.output.text import citation

    types = [t.strip() for t in via.split(",") if t.strip()] if via else None
    for rel_type in types or []:
        if rel_type not in vocabulary.RELATIONSHIPS:
            raise unknown("relationship type", rel_type, list(vocabulary.RELATIONSHIPS))
    backend = open_backend(options)
    try:
        for node_id in (source, target):
            require_node(backend, node_id)
        found = backend.paths(source, target, types, all_paths=all_paths, max_hops=max_hops)
        rendered = paths_text(found, lambda node_id: require_node(backend, node_id)["name"],
                              lambda props: citation(props, backend.node))
    finally:
        backend.close()
    if not found:
        emit(options, [], lambda _: f"no path from {source} to {target}")
        raise SystemExit(EXIT_FINDINGS)
    emit(options, path_json(found), lambda _: rendered)


@click.command("schema")
@click.option("--write", "directory", metavar="DIR", type=click.Path(file_okay=False),
              help="write DIR/orgraph.schema.json (for editors) instead of printing it")
@handle_errors
def schema_command(directory: str | None) -> None:
    """Print the JSON Schema of a data file (for editors), or write it into a model directory.

    The shipped YAML files start with a `# yaml-language-server: $schema=…` comment that points at
    orgraph.schema.json beside them, so an editor with the YAML language server validates as you type.

    \b
    Examples:
      orgraph schema > orgraph.schema.json
      orgraph schema --write my-model
    """
    from pathlib import Path

    from orgraph.model.schema import SCHEMA_FILE, json_schema

    if directory is None:
        click.echo(json_schema(), nl=False)
        return
    if not Path(directory).is_dir():
        raise UsageError(f"--write {directory!r} is not a directory")
    target = Path(directory) / SCHEMA_FILE
    temporary = target.with_name(f".{SCHEMA_FILE}.tmp")
    temporary.write_text(json_schema(), encoding="utf-8")
    temporary.replace(target)
    click.echo(f"wrote {target}", err=True)


__all__ = ["list_command", "show_command", "path_command", "schema_command", "UsageError"]
