"""``orgraph diff``, ``impact``, ``matrix`` and ``summary``: the planners' questions.

Thin: parse, call :mod:`orgraph.planning`, print through :mod:`orgraph.output.planning` (text, CSV) or
:mod:`orgraph.output.json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from orgraph.cli.common import (
    EXIT_FINDINGS,
    UsageError,
    data_options,
    day_of,
    emit,
    handle_errors,
    load_model,
    open_backend,
    resolve_data_dir,
    unknown,
)

__all__ = ["diff_command", "impact_command", "matrix_command", "summary_command", "PLANNING_COMMANDS"]

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def with_formats(*extra: str) -> Callable:
    """Let the ``--format`` of :func:`~orgraph.cli.common.data_options` (applied below this) also offer ``extra``."""

    def extend(function: Callable) -> Callable:
        for param in getattr(function, "__click_params__", []):
            if param.name == "output_format":
                param.type = click.Choice(["text", "json", *extra])
        return function

    return extend


def _backends(options: dict[str, Any], days: list[dt.date]) -> list[Any]:
    """One backend per date, reading the same data (the model is loaded once)."""
    if options.get("backend") == "memory":
        from orgraph.backends.memory import MemoryBackend

        model = load_model(options.get("data"))
        return [MemoryBackend(model, day) for day in days]
    return [open_backend({**options, "as_of": dt.datetime.combine(day, dt.time())}) for day in days]


@click.command("diff")
@click.option("--from-date", type=_DATE, metavar="DATE", help="compare the model on this date …")
@click.option("--to-date", type=_DATE, metavar="DATE", help="… with the model on this date (default: today)")
@click.option("--against", metavar="DIR|GIT-REF",
              help="compare with another version of the model: a directory, or a git ref of the data's repository")
@data_options
@handle_errors
def diff_command(from_date: dt.datetime | None, to_date: dt.datetime | None, against: str | None,
                 **options: Any) -> None:
    """What changed: between two dates, or from another version of the model (--against) to this one.

    Between dates: posts filled, vacated or changed holder; nodes that began, ended or were renamed;
    relations added or removed. Between versions: nodes, relations, properties and citations added,
    removed or changed. Grouped by council. Exit 0 when nothing changed, 1 when something did, 2 on bad
    input.

    \b
    Examples:
      orgraph diff --data fictional --from-date 2025-06-30 --to-date 2025-07-02
      orgraph diff --against main
    """
    from orgraph.output.planning import diff_text
    from orgraph.planning.diff import diff_dates, diff_versions

    if options.get("as_of"):
        raise UsageError("diff takes --from-date/--to-date (or --against), not --as-of")
    if against is not None:
        if from_date or to_date:
            raise UsageError("give either --against or --from-date/--to-date, not both")
        if options.get("backend") != "memory":
            raise UsageError("diff --against compares the files of two versions; it reads no database")
        from orgraph.planning.versions import read_version

        current = load_model(options.get("data"))
        shipped = resolve_data_dir(against)  # a directory, or the name of a shipped model
        named = str(shipped) if shipped.is_dir() else against
        other, label = read_version(resolve_data_dir(options.get("data")), named)
        found = diff_versions(other.graph(), current.graph(), label, options.get("data") or "seed")
    else:
        if from_date is None:
            raise UsageError("give --from-date (and --to-date), or --against DIR|GIT-REF")
        before, after = _backends(options, [from_date.date(), day_of(to_date)])
        try:
            found = diff_dates(before, after)
        finally:
            before.close()
            after.close()
    emit(options, found, diff_text)
    if found.changes:
        raise SystemExit(EXIT_FINDINGS)


@click.command("impact")
@click.argument("node_id", metavar="NODE")
@click.option("--vacate", "more", multiple=True, metavar="NODE", help="another person or post (repeat)")
@data_options
@handle_errors
def impact_command(node_id: str, more: tuple[str, ...], **options: Any) -> None:
    """What if a person leaves or a post falls vacant on --as-of: posts, routes, new findings, lone links.

    NODE (and each --vacate) is a person, whose every holding ends, or a post, whose holders leave it.
    Nothing is written: the change is made on a copy of the model on that date.

    \b
    Examples:
      orgraph impact ingrid-malmvik --data fictional --as-of 2026-11-23
      orgraph impact viktor-hedlof --vacate sr-ortopedi-kontaktperson --data fictional
    """
    from orgraph.output.planning import impact_text
    from orgraph.planning.impact import impact
    from orgraph.query.escalation import UnknownId

    backend = open_backend(options)
    try:
        found = impact(backend, [node_id, *more])
    except UnknownId as error:
        raise unknown(error.kind, error.value, error.valid) from None
    finally:
        backend.close()
    emit(options, found, impact_text)


@click.command("matrix")
@click.option("--min-posts", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
              help="people × bodies: the people who hold at least N posts")
@click.option("--table", "which", type=click.Choice(["councils", "people"]), default="councils",
              show_default=True, help="with --format csv: administrations × councils, or people × bodies")
@with_formats("csv")
@data_options
@handle_errors
def matrix_command(min_posts: int, which: str, **options: Any) -> None:
    """Who is represented where: administrations × councils (participant posts and holders), and people × bodies.

    Every administration × council cell is shown; an empty cell means no participant post. CSV gives
    one table (--table), ready for a spreadsheet.

    \b
    Examples:
      orgraph matrix --data fictional
      orgraph matrix --data fictional --format csv --table people
    """
    from orgraph.output.planning import matrix_csv, matrix_text, overload_csv
    from orgraph.planning.matrix import overload, representation

    backend = open_backend(options)
    try:
        found = representation(backend), overload(backend, min_posts)
    finally:
        backend.close()
    if options.get("output_format") == "csv":
        click.echo(matrix_csv(found[0]) if which == "councils" else overload_csv(found[1]), nl=False)
        return
    emit(options, {"representation": found[0], "overload": found[1]}, lambda _: matrix_text(found))


@click.command("summary")
@data_options
@handle_errors
def summary_command(**options: Any) -> None:
    """One page for leadership: councils, chairs and contact persons, vacancies, mandates, open findings.

    Findings are those of `orgraph check` with its default settings and the data directory's waivers.

    \b
    Examples:
      orgraph summary --data fictional --as-of 2026-11-23
    """
    from orgraph.output.planning import summary_text
    from orgraph.planning.summary import summary
    from orgraph.rules import Options, rule_ids
    from orgraph.rules.waivers import default_file, load_waivers

    waivers: tuple = ()
    if options.get("backend") == "memory":
        directory = resolve_data_dir(options.get("data"))
        path = default_file(directory) if directory.is_dir() else None
        waivers = tuple(load_waivers(path, rule_ids())) if path else ()
    backend = open_backend(options)
    try:
        found = summary(backend, Options(waivers=waivers))
    finally:
        backend.close()
    emit(options, found, summary_text)


PLANNING_COMMANDS = (diff_command, impact_command, matrix_command, summary_command)
