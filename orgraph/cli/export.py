"""``orgraph export``: the model in W3C ORG (Turtle, JSON-LD), Popolo, GraphML or Neo4j bulk-import CSV."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from orgraph.cli.common import UsageError, handle_errors, load_model

_FORMAT_NAMES = ["org-ttl", "org-jsonld", "popolo", "graphml", "neo4j-csv"]


@click.command("export")
@click.option("--format", "format_name", type=click.Choice(_FORMAT_NAMES), required=True,
              help="org-ttl / org-jsonld (W3C ORG), popolo, graphml (yEd, Gephi), neo4j-csv (a directory)")
@click.option("-o", "--output", "output", metavar="FILE|DIR",
              help="where to write (default: a file or directory named after the format; '-' for standard "
                   "output, not for neo4j-csv)")
@click.option("--data", "data", metavar="DIR", help="model directory, or 'seed' / 'fictional' (default: the seed)")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="the model as it stands on this date (default: today)")
@click.option("--all-dates", is_flag=True, help="every node, holding and relation, each with its dates")
@click.option("--base", metavar="IRI", help="the IRI the exported nodes' IRIs start with (ORG and Popolo)")
@handle_errors
def export_command(format_name: str, output: str | None, data: str | None, as_of: dt.datetime | None,
                   all_dates: bool, base: str | None) -> None:
    """Skriv modellen i ett standardformat / write the model in a standard format other tools read.

    org-ttl and org-jsonld: the W3C Organization Ontology (needs the export extra); popolo: Popolo JSON;
    graphml: GraphML for yEd and Gephi; neo4j-csv: a directory for neo4j-admin database import.
    One date (--as-of, default today) or --all-dates. See docs/export.md.

    \b
    Examples:
      orgraph export --format org-ttl --data fictional --as-of 2026-11-23 -o fictional.ttl
      orgraph export --format neo4j-csv --all-dates -o neo4j-import
    """
    from orgraph.export import FORMATS, export_files, write_export

    if as_of and all_dates:
        raise UsageError("choose either --as-of or --all-dates, not both")
    spec = FORMATS[format_name]
    if output == "-" and spec.directory:
        raise UsageError(f"{format_name} writes a directory of files; give -o DIR")
    day = None if all_dates else (as_of.date() if as_of else dt.date.today())
    try:
        files = export_files(load_model(data), format_name, day, base)
    except ImportError as error:
        raise UsageError(f"{format_name} needs the export extra (pip install 'orgraph[export]'): {error}") from None
    if output == "-":
        (text,) = files.values()
        sys.stdout.write(text)
        return
    target = Path(output or spec.default_name)
    try:
        written = write_export(files, format_name, target)
    except OSError as error:
        raise UsageError(f"cannot write {str(target)!r}: {error.strerror or error}") from None
    when = "every date" if day is None else f"as of {day.isoformat()}"
    click.echo(f"skrev / wrote {written} ({format_name}, {when}, {len(files)} file(s))", err=True)


__all__ = ["export_command"]
