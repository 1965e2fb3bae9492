"""``orgraph escalate`` and ``orgraph reporting-line``: where a question goes, and who answers to whom.

Thin: parse, call :mod:`orgraph.query.escalation` / :mod:`orgraph.query.reporting`, print through
:mod:`orgraph.output.escalation` (text) or :mod:`orgraph.output.json`.
"""

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
from orgraph.cli.completion import complete_councils, complete_nodes, complete_posts, complete_topics
from orgraph.output.escalation import escalation_text, reporting_text


@click.command("escalate")
@click.argument("council", metavar="COUNCIL", shell_complete=complete_councils)
@click.option("--topic", required=True, metavar="TOPIC", shell_complete=complete_topics,
              help="what the question is about (orgraph list topics)")
@click.option("--from", "from_post", metavar="POST", shell_complete=complete_posts,
              help="the council's post that raises it (default: the "
              "topic's default role; the council itself when it has none)")
@click.option("--stated-only", is_flag=True,
              help="only what the texts state: leave out the hops and deciders the model infers")
@lang_option
@data_options
@handle_errors
def escalate_command(council: str, topic: str, from_post: str | None, stated_only: bool, lang: str | None,
                     **options: Any) -> None:
    """Where a question of TOPIC raised in COUNCIL goes, hop by hop, to whoever holds the mandate.

    Every hop names the post or body, its holder on the date and administration, why the hop applies
    and where the documents say so (the clause, the council's own text first). A hop the model infers is
    marked "härlett" ("inferred" with --lang en) with its reason; --stated-only leaves such hops out. Alternatives are
    shown as separate routes. Exit 1 when the council's text states no route for the topic.

    \b
    Examples:
      orgraph escalate sr-ortopedi --topic region-wide-decision
      orgraph escalate sr-ortopedi --topic region-wide-decision --stated-only
      orgraph escalate sr-ortopedi --topic region-wide-decision --lang en
      orgraph escalate sr-ortopedi --topic outside-mandate --data fictional --format json
    """
    from orgraph.i18n import language
    from orgraph.query.escalation import UnknownId, escalate
    from orgraph.query.language import declared_language

    backend = open_backend(options)
    try:
        found = escalate(backend, council, topic, from_post, stated_only)
        spoken = language(lang, declared_language(backend))
    except UnknownId as error:
        raise _unknown_listing_all(error) from None
    finally:
        backend.close()
    emit(options, found, lambda value: escalation_text(value, spoken))
    if not found.stated:
        raise SystemExit(EXIT_FINDINGS)


@click.command("reporting-line")
@click.argument("node_id", metavar="NODE", shell_complete=complete_nodes)
@lang_option
@data_options
@handle_errors
def reporting_line_command(node_id: str, lang: str | None, **options: Any) -> None:
    """The line upward from a post, person or body to the top, each step with its reason and source.

    Follows REPORTS_TO; a post without one answers through the body it is POST_OF; a body through
    REFERENCE_GROUP_FOR, then PART_OF; a person through each post they hold on the date.
    Exit 1 when a person holds no post on that date.

    \b
    Examples:
      orgraph reporting-line sr-ortopedi-processteam
      orgraph reporting-line sr-ortopedi-processteam --lang en
    """
    from orgraph.i18n import language
    from orgraph.query.escalation import UnknownId
    from orgraph.query.language import declared_language
    from orgraph.query.reporting import NotOnALine, reporting_lines

    backend = open_backend(options)
    try:
        found = reporting_lines(backend, node_id)
        spoken = language(lang, declared_language(backend))
    except UnknownId as error:
        raise unknown(error.kind, error.value, error.valid) from None
    except NotOnALine as error:
        raise UsageError(str(error)) from None
    finally:
        backend.close()
    emit(options, found, lambda value: reporting_text(value, spoken))
    if not found.lines:
        raise SystemExit(EXIT_FINDINGS)


def _unknown_listing_all(error: Any) -> UsageError:
    """:func:`unknown`'s message, always followed by the valid choices (there are few councils, topics, posts)."""
    message = str(unknown(error.kind, error.value, error.valid))
    if "; valid: " not in message:
        message += f" (valid: {', '.join(error.valid)})"
    return UsageError(message)


__all__ = ["escalate_command", "reporting_line_command"]
