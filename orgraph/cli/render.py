"""``orgraph render``: the model as one self-contained, offline HTML file."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from orgraph import i18n
from orgraph.cli.common import (
    EXIT_FINDINGS,
    UsageError,
    day_of,
    handle_errors,
    lang_option,
    load_model,
    unknown,
)
from orgraph.files import write_atomically
from orgraph.vocabulary import Kind


@click.command("render")
@click.option("-o", "--output", "output", default=None, metavar="FILE",
              help="where to write (default orgraph.html, orgraph.svg or orgraph.png; '-' for standard output)")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), default="html", show_default=True,
              help="the page, or its opening view as an SVG or PNG picture (drawn by a headless Chromium)")
@click.option("--council", metavar="ID", help="only this council and what is next to it")
@click.option("--path", "path", nargs=2, metavar="FROM TO", help="only the shortest path(s) between two nodes")
@click.option("--physics/--no-physics", default=False, show_default=True,
              help="start with the physics simulation on (the page has a toggle too)")
@click.option("--data", "data", metavar="DIR", help="model directory, or 'seed' / 'fictional' (default: the seed)")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="draw the model as it stands on this date (default: today)")
@lang_option
@handle_errors
def render_command(output: str | None, fmt: str, council: str | None, path: tuple[str, str] | None, physics: bool,
                   data: str | None, as_of: dt.datetime | None, lang: str | None) -> None:
    """Write the whole region, one council or one path as one HTML file that needs no network.

    Opens in any browser, offline: search, filters, a details panel and an escalation
    explorer.  --format svg or png writes the opening view as a picture instead, drawn by a
    headless Chromium ($ORGRAPH_CHROMIUM, else chromium on the PATH; exit 2 when there is none).
    Exit 1 when --path finds no path.

    \b
    Examples:
      orgraph render -o region.html
      orgraph render -o ortopedi.html --council sr-ortopedi --lang en
      orgraph render --format png -o region.png
    """
    from orgraph.backends.memory import MemoryBackend
    from orgraph.render import NoPathError, render_html, write_html
    from orgraph.render.page import declared_language

    if council and path:
        raise UsageError("choose either --council or --path, not both")
    output = output or f"orgraph.{fmt}"
    target = None if output == "-" else Path(output)
    if target is not None:
        directory = target.parent if str(target.parent) else Path(".")
        if not directory.is_dir():
            raise UsageError(f"no such directory for -o: {str(directory)!r}")
        if target.is_dir():
            raise UsageError(f"-o names a directory, not a file: {output!r}")
    model = load_model(data)
    day = day_of(as_of)
    backend = MemoryBackend(model, day)
    if council is not None and council not in {n["id"] for n in backend.nodes([Kind.COUNCIL])}:
        raise unknown("council", council, [n["id"] for n in backend.nodes([Kind.COUNCIL])])
    for node_id in path or ():
        if backend.node(node_id) is None:
            raise unknown("node", node_id, backend.ids())
    try:
        if fmt != "html":
            written = _write_picture(render_html(backend, council, path, physics=physics, lang=lang), fmt, target)
            if written is None:
                return
        elif target is None:
            sys.stdout.write(render_html(backend, council, path, physics=physics, lang=lang))
            return
        else:
            written = write_html(backend, target, council, path, physics=physics, lang=lang)
    except NoPathError as error:
        click.echo(f"orgraph: {error}", err=True)
        raise SystemExit(EXIT_FINDINGS) from None
    except OSError as error:
        raise UsageError(f"cannot write {output!r}: {error.strerror or error}") from None
    _ = i18n.gettext(i18n.language(lang, declared_language(backend)))
    click.echo(_("wrote {file} ({what}, as of {day})").format(file=written, what=_summary(_, council, path),
                                                             day=day.isoformat()), err=True)


def _write_picture(page: str, fmt: str, target: Path | None) -> Path | None:
    """The page's opening view as ``fmt``, written to ``target`` at once (standard output when ``None``)."""

    from orgraph.render.export import BrowserMissing, export_view

    try:
        picture = export_view(page, fmt)
    except BrowserMissing as error:
        raise UsageError(f"--format {fmt} needs a headless browser: {error}") from None
    if target is None:
        sys.stdout.buffer.write(picture)
        return None
    return write_atomically(target, picture, mode=0o644)


def _summary(_: Callable[[str], str], council: str | None, path: Any) -> str:
    if council:
        return _("council {id}").format(id=council)
    if path:
        return _("path {source} → {target}").format(source=path[0], target=path[1])
    return _("the whole region")


__all__ = ["render_command"]
