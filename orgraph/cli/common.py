"""What every command shares: the options, opening a backend, printing, and clean failures.

Commands stay thin: they parse options here, call the library, and print.
Any :class:`UsageError` or :class:`~orgraph.model.loader.ModelError` becomes a
message on stderr and exit code 2, never a traceback.  The exit codes are a
contract (:class:`Group` keeps it for every command): 0 clean, 1 findings,
2 unusable input, 3 anything unexpected (one line asking for a report; the
traceback only with ``--debug`` or ``ORGRAPH_DEBUG=1``), 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from orgraph.errors import UsageError
from orgraph.i18n import LANGUAGES
from orgraph.names import did_you_mean

__all__ = ["SHIPPED_MODELS", "Group", "internal_error_line", "fail", "resolve_data_dir", "unknown", "data_options",
           "lang_option", "handle_errors", "day_of", "load_model", "neo4j_password", "open_backend", "emit"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
SHIPPED_MODELS = {"seed": "seed", "fictional": "examples/fictional"}


class Group(click.Group):
    """The ``orgraph`` group: no exception ever leaves a command as a traceback or as exit code 1.

    click's own errors (bad options: exit 2) pass as click handles them; anything else a command
    raises is an internal error: exit 3, one line naming the exception, the traceback only when asked.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("orgraph: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # the reader went away (``orgraph list | head``): nothing left to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except Exception as error:  # noqa: BLE001 - the one place that catches everything
            if ctx.meta.get("orgraph.debug") or os.environ.get("ORGRAPH_DEBUG", "") not in ("", "0"):
                import traceback

                traceback.print_exc()
            click.echo(internal_error_line(error), err=True)
            sys.exit(EXIT_INTERNAL)


def internal_error_line(error: BaseException) -> str:
    """The one line an internal error prints: the exception, and a request for a report (Swedish first).

    >>> internal_error_line(RuntimeError("boom")).split(" — ")[0]
    'orgraph: internt fel / internal error: RuntimeError: boom'
    """
    text = " ".join(str(error).split())[:200]
    return (f"orgraph: internt fel / internal error: {type(error).__name__}{': ' + text if text else ''}"
            " — ett fel i orgraph: rapportera det med kommandot du körde / a bug in orgraph: please report it"
            " with the command you ran (--debug or ORGRAPH_DEBUG=1 shows the traceback)")


def fail(message: str) -> None:
    """Print ``message`` as an error and exit with code 2."""
    click.echo(f"orgraph: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def resolve_data_dir(value: str | None) -> Path:
    """``--data``: a directory, or the name of a shipped model (``seed``, ``fictional``); default the seed.

    >>> resolve_data_dir(None).name
    'seed'
    """
    from orgraph.resources import data_dir

    if value is None:
        return data_dir("seed")
    path = Path(value)
    if not path.exists() and value in SHIPPED_MODELS:
        top, _, rest = SHIPPED_MODELS[value].partition("/")
        return data_dir(top) / rest if rest else data_dir(top)
    return path


def unknown(kind: str, value: str, known: list[str]) -> UsageError:
    """The error for an unknown id, with a suggestion or the valid choices."""
    hint = did_you_mean(value, known)
    if hint:
        return UsageError(f"unknown {kind} {value!r}; {hint}")
    shown = ", ".join(known[:40]) + (", …" if len(known) > 40 else "")
    return UsageError(f"unknown {kind} {value!r}; valid: {shown}")


def data_options(function: Callable | None = None, *, formats: tuple[str, ...] = ("text", "json")) -> Callable:
    """``--data``, ``--as-of``, ``--backend``, ``--uri``, ``--user``, ``--database`` and ``--format``."""
    if function is None:
        return functools.partial(data_options, formats=formats)
    options = [
        click.option("--data", "data", metavar="DIR", help="model directory, or 'seed' / 'fictional' "
                     "(default: the seeded region)"),
        click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
                     help="read the model as it stands on this date (default: today)"),
        click.option("--backend", type=click.Choice(["memory", "neo4j"]), default="memory", show_default=True,
                     help="answer from the embedded model or from Neo4j"),
        click.option("--uri", envvar="NEO4J_URI", metavar="BOLT_URI", help="Neo4j address (or NEO4J_URI)"),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                     help="Neo4j user (or NEO4J_USER); the password comes from NEO4J_PASSWORD or a prompt"),
        click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Neo4j database name"),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True,
                     metavar="SECONDS", help="give up on a Neo4j that does not answer within this time"),
        click.option("--format", "output_format", type=click.Choice(list(formats)), default="text",
                     show_default=True, help="text for people, JSON for scripts"
                     + (", or a CI format" if len(formats) > 2 else "")),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def lang_option(function: Callable) -> Callable:
    """``--lang sv|en``: the language of the text (default: the model's declared language, else Swedish)."""
    return click.option("--lang", "lang", type=click.Choice(list(LANGUAGES)), default=None,
                        help="language of the text: sv or en (default: the model's, else Swedish)")(function)


def handle_errors(function: Callable) -> Callable:
    """Turn orgraph's own errors into a clean message and exit code 2."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except UsageError as error:
            fail(str(error))
        except Exception as error:
            loader = sys.modules.get("orgraph.model.loader")  # no loader imported: no ModelError (and no import)
            if loader is None or not isinstance(error, loader.ModelError):
                raise
            for problem in error.problems:
                click.echo(f"orgraph: error: {problem}", err=True)
            click.echo(f"orgraph: {len(error.problems)} error(s); nothing was loaded", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper


def day_of(as_of: dt.datetime | None) -> dt.date:
    """The date a read is for: ``--as-of`` or today."""
    return as_of.date() if as_of else dt.date.today()


def load_model(data: str | None):
    """Load and validate the model in ``--data`` (raises ModelError on bad input), through the model cache
    unless ``orgraph --no-cache`` (see :mod:`orgraph.model.cache`)."""
    from orgraph.model.cache import load_cached

    context = click.get_current_context(silent=True)
    use_cache = not (context is not None and context.find_root().meta.get("orgraph.no_cache"))
    return load_cached(resolve_data_dir(data), use_cache=use_cache)


def neo4j_password() -> str:
    """The Neo4j password from NEO4J_PASSWORD, or a hidden prompt (never an argument, never printed)."""
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise UsageError("NEO4J_PASSWORD is not set and there is no terminal to ask for it")
        password = click.prompt("Neo4j password", hide_input=True)
    return password


def open_backend(options: dict[str, Any]):
    """The backend the options ask for, on the date they ask for."""
    day = day_of(options.get("as_of"))
    if options.get("backend") == "neo4j":
        from orgraph.backends.neo4j import Neo4jBackend

        if not options.get("uri"):
            raise UsageError("--backend neo4j needs --uri or NEO4J_URI")
        return Neo4jBackend.connect(options["uri"], options["user"], neo4j_password(), options.get("database"),
                                    day, timeout=options.get("timeout") or 15.0)
    from orgraph.backends.memory import MemoryBackend

    return MemoryBackend(load_model(options.get("data")), day)


def emit(options: dict[str, Any], value: Any, text: Callable[[Any], str]) -> None:
    """Print ``value`` as JSON or through ``text``, as ``--format`` asks."""
    if options.get("output_format") == "json":
        from orgraph.output.json import dumps

        click.echo(dumps(value))
    else:
        click.echo(text(value))
