"""``orgraph check``: run the integrity rules, print the report, exit 0 / 1 / 2; and ``orgraph list rules``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from orgraph.cli.browse import EXTRA_LISTS
from orgraph.cli.common import (
    UsageError,
    data_options,
    day_of,
    emit,
    handle_errors,
    lang_option,
    open_backend,
    resolve_data_dir,
)
from orgraph.cli.completion import complete_rules
from orgraph.rules.defaults import DEFAULT_MAX_MANDATE_AGE_YEARS

__all__ = ["check_command", "CI_FORMATS", "list_rules"]


@click.command("check")
@click.option("--rule", "rule_ids", multiple=True, metavar="ID", shell_complete=complete_rules,
              help="run only this rule (repeat, or comma-separate; see `orgraph list rules`)")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="exit 1 on findings of this severity or worse (unwaived)")
@click.option("--waivers", "waivers_file", metavar="FILE",
              help="accepted exceptions (default: waivers.yaml in the data directory, if there is one)")
@click.option("--max-adjuncts", "max_adjuncts", type=click.IntRange(min=0), default=None, metavar="N",
              help="a policy setting, no default (no text states a number): adjunct participants a council "
                   "whose text limits them may have when it has set no adjunct_limit of its own")
@click.option("--max-mandate-age-years", type=click.IntRange(min=0), default=DEFAULT_MAX_MANDATE_AGE_YEARS,
              show_default=True, metavar="N", help="report mandates older than this")
@lang_option
@data_options(formats=("text", "json", "sarif", "junit", "github"))
@handle_errors
def check_command(rule_ids: tuple[str, ...], fail_on: str, waivers_file: str | None, max_adjuncts: int | None,
                  max_mandate_age_years: int, lang: str | None, **options: Any) -> None:
    """Check the model against the rules the assignment documents state (and a few structural ones).

    The text report is grouped by council, then by severity. Exit 0 when no errors are found (warnings
    and info allowed), 1 when errors are (or warnings, with --fail-on warning), 2 on unusable input.
    For CI: --format sarif (SARIF 2.1.0), junit (JUnit XML) or github (workflow annotations).

    \b
    Examples:
      orgraph check --data fictional --as-of 2026-11-23
      orgraph check --format sarif > orgraph.sarif
    """
    from orgraph import i18n
    from orgraph.output.check import format_text
    from orgraph.query.language import declared_language
    from orgraph.rules import Options, check_backend
    from orgraph.rules import rule_ids as known_rule_ids
    from orgraph.rules.waivers import load_waivers

    if day_of(options.get("as_of")).year - max_mandate_age_years < 1:
        raise UsageError(f"--max-mandate-age-years {max_mandate_age_years} reaches before year 1 from "
                         f"{day_of(options.get('as_of')).isoformat()}")
    wanted = _wanted_rules(rule_ids, known_rule_ids())
    waivers_path = _waivers_path(waivers_file, options)
    waivers = load_waivers(waivers_path, known_rule_ids()) if waivers_path else ()
    backend = open_backend(options)
    try:
        run = Options(max_adjuncts=max_adjuncts, max_mandate_age_years=max_mandate_age_years, rules=wanted,
                      waivers=waivers, lang=i18n.language(lang, declared_language(backend)))
        report = check_backend(backend, run)
        data = (options.get("data") or "seed") if options.get("backend") == "memory" else None  # never the URI
        if options.get("output_format") in CI_FORMATS:
            click.echo(_ci_report(options["output_format"], report, backend, run, fail_on), nl=False)
        else:
            emit(options, report.to_json(data), lambda _: format_text(report, backend.node, data, run.lang))
    finally:
        backend.close()
    if report.exit_code(fail_on):
        raise SystemExit(report.exit_code(fail_on))


CI_FORMATS = ("sarif", "junit", "github")


def _ci_report(output_format: str, report: Any, backend: Any, run: Any, fail_on: str) -> str:
    """The report in a CI format, with the YAML file and line of each finding where the backend knows them."""
    from orgraph.output.locations import Locator

    locator = Locator.of(backend)
    if output_format == "sarif":
        from orgraph.output.sarif import dumps

        return dumps(report, locator, run)
    if output_format == "junit":
        from orgraph.output.junit import dumps as junit

        return junit(report, locator, run, fail_on)
    from orgraph.output.github import workflow_commands

    return workflow_commands(report, locator)


def _wanted_rules(given: tuple[str, ...], known: list[str]) -> tuple[str, ...] | None:
    """The rule ids ``--rule`` names (comma-separated or repeated), or None for all; unknown ids are an error."""
    from orgraph.names import did_you_mean

    wanted = [part.strip() for value in given for part in value.split(",") if part.strip()]
    for rule_id in wanted:
        if rule_id not in known:
            hint = did_you_mean(rule_id, known)
            raise UsageError(f"unknown rule {rule_id!r}; {hint + ' ' if hint else ''}valid rules: {', '.join(known)}")
    return tuple(dict.fromkeys(wanted)) or None


def _waivers_path(given: str | None, options: dict[str, Any]) -> Path | None:
    """``--waivers FILE``, or the data directory's ``waivers.yaml``; a named file that is missing is an error."""
    from orgraph.rules.waivers import default_file

    if given is not None:
        path = Path(given)
        if not path.is_file():
            raise UsageError(f"no such waivers file: {given}")
        return path
    if options.get("backend") == "memory":
        directory = resolve_data_dir(options.get("data"))
        return default_file(directory) if directory.is_dir() else None
    return None


def list_rules(options: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """``orgraph list rules``: every rule with its severity and source."""
    from orgraph.rules import rule_rows

    return rule_rows(), ["id", "severity", "kind", "title", "source"]


EXTRA_LISTS["rules"] = list_rules
