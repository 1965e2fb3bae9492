"""``orgraph load`` (write the model into Neo4j) and ``orgraph query`` (run a named Cypher query)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from orgraph.cli.browse import EXTRA_LISTS
from orgraph.cli.common import (
    UsageError,
    day_of,
    emit,
    handle_errors,
    load_model,
    neo4j_password,
)
from orgraph.cli.completion import complete_queries

PROGRESS_MIN_ROWS = 2000  # a progress bar for models at least this large (rows written)


def _neo4j_options(function: Any) -> Any:
    options = [
        click.option("--uri", envvar="NEO4J_URI", metavar="BOLT_URI",
                     help="Neo4j address, e.g. bolt://127.0.0.1:7687 (or NEO4J_URI)"),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                     help="Neo4j user (or NEO4J_USER); the password comes from NEO4J_PASSWORD or a prompt"),
        click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Neo4j database (or NEO4J_DATABASE; default: the server's default)"),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True,
                     metavar="SECONDS", help="give up on a Neo4j that does not answer within this time"),
        click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                     show_default=True, help="text for people, JSON for scripts"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _connect(uri: str | None, user: str, database: str | None, timeout: float):
    from orgraph.backends.neo4j import Neo4jDatabase

    if not uri:
        raise UsageError("no Neo4j address: give --uri or set NEO4J_URI")
    return Neo4jDatabase(uri, user, neo4j_password(), database, timeout=timeout)


@click.command("load")
@click.option("--data", "data", metavar="DIR", help="model directory, or 'seed' / 'fictional' (default: the seed)")
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="rows per UNWIND statement")
@_neo4j_options
@handle_errors
def load_command(data: str | None, batch_size: int, uri: str | None, user: str, database: str | None,
                 timeout: float, output_format: str) -> None:
    """Write the model into Neo4j: constraints first, then everything in one transaction.

    Idempotent (loading twice leaves the same counts); what is no longer in the model is removed;
    all-or-nothing (a failure leaves the database as it was). The password comes from NEO4J_PASSWORD
    or a prompt, never from an option.

    \b
    Examples:
      NEO4J_PASSWORD=… orgraph load --uri bolt://localhost:7687
    """
    from orgraph.backends.cypher_load import load_plan, plan_size
    from orgraph.output.load import load_text

    model = load_model(data)  # bad input stops here, before anything is written
    plan = load_plan(model, batch_size)
    db = _connect(uri, user, database, timeout)
    try:
        db.apply_schema()
        total = plan_size(plan)
        if total >= PROGRESS_MIN_ROWS:
            with click.progressbar(length=total, label="loading", file=sys.stderr) as bar:
                summary = db.write(plan, bar.update)
        else:
            summary = db.write(plan)
        nodes, relationships = db.counts()
        where = db.where
    finally:
        db.close()
    result = {"uri": where, "data": data or "seed", "nodes": nodes, "relationships": relationships,
              "written": {"nodes": sum(summary.nodes.values()),
                          "relationships": sum(summary.relationships.values())},
              "removed": {"nodes": summary.removed_nodes, "relationships": summary.removed_relationships}}
    emit({"output_format": output_format}, result, load_text)


def parse_parameters(values: tuple[str, ...]) -> dict[str, Any]:
    """``-p key=value`` as text and ``-p key:=JSON`` as a JSON value (a number, list, true, null).

    >>> parse_parameters(("id=sr-ortopedi", 'kinds:=["Council"]'))
    {'id': 'sr-ortopedi', 'kinds': ['Council']}
    """
    params: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.rstrip(":"):
            raise UsageError(f"a parameter is key=value (text) or key:=JSON: {item!r}")
        if key.endswith(":"):
            key = key[:-1]
            try:
                params[key] = json.loads(value)
            except json.JSONDecodeError as error:
                raise UsageError(f"parameter {key!r} is not JSON ({error.msg}): {value!r}") from None
        else:
            params[key] = value
    return params


@click.command("query")
@click.argument("name", shell_complete=complete_queries)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="a parameter: key=text, or key:=JSON for numbers, lists, true/false/null (repeatable)")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="the $as_of of queries that take one (default: today)")
@click.option("--backend", type=click.Choice(["neo4j"]), default="neo4j", show_default=True,
              help="named queries are Cypher: they run on Neo4j")
@_neo4j_options
@handle_errors
def query_command(name: str, params: tuple[str, ...], as_of: Any, backend: str, uri: str | None, user: str,
                  database: str | None, timeout: float, output_format: str) -> None:
    """Run the named query NAME from cypher/queries/ on Neo4j (see `orgraph list queries`).

    Values are passed only as parameters, never written into the query.

    \b
    Examples:
      orgraph query node -p id=lg-hs --uri bolt://localhost:7687
    """
    from orgraph.backends.named_queries import QueryError, check_parameters, get_query

    try:
        query = get_query(name)
        given = parse_parameters(params)
        if "as_of" in query.parameters:
            given.setdefault("as_of", day_of(as_of).isoformat())
        values = check_parameters(query, given)
    except QueryError as error:
        raise UsageError(str(error)) from None
    db = _connect(uri, user, database, timeout)
    try:
        db.require_schema()
        rows = db.run(query.text, values)
    finally:
        db.close()
    columns = list(rows[0]) if rows else []
    from orgraph.output.text import table

    emit({"output_format": output_format}, rows, lambda r: table(r, columns))


def list_queries(options: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """``orgraph list queries``: every named query with its parameters and description."""
    from orgraph.backends.named_queries import QueryError, load_queries

    try:
        queries = load_queries()
    except QueryError as error:
        raise UsageError(str(error)) from None
    rows = [{"id": q.name, "parameters": list(q.parameters), "description": q.description}
            for q in queries.values()]
    return rows, ["id", "parameters", "description"]


EXTRA_LISTS["queries"] = list_queries

__all__ = ["load_command", "query_command", "list_queries", "parse_parameters"]
