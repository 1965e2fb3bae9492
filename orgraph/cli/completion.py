"""Shell completion of ids from the model: node ids, council ids, topics, rule ids and query names.

Click drives the protocol (``_ORGRAPH_COMPLETE=bash_source orgraph`` prints the bash script; likewise
``zsh_source`` and ``fish_source``); these functions supply the values.  They read the model named by
``--data`` on the command line being completed (the seed without one), and never fail: a model that
does not load completes nothing.

>>> [item.value for item in complete_topics(None, None, "region-")]
['region-wide-decision']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
from click.shell_completion import CompletionItem

from orgraph import vocabulary
from orgraph.vocabulary import Kind

__all__ = ["complete_councils", "complete_nodes", "complete_queries", "complete_rules", "complete_topics"]


def _items(values: list[str], incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(str(value)) for value in sorted(values) if value.startswith(incomplete)]


def _model_ids(ctx: click.Context | None, kinds: tuple[Kind, ...] | None) -> list[str]:
    from orgraph.cli.common import resolve_data_dir
    from orgraph.model.loader import ModelError, load

    data = ctx.params.get("data") if ctx is not None else None
    try:
        model = load(resolve_data_dir(data))
    except (ModelError, OSError):
        return []
    return [node_id for node_id, node in model.nodes.items() if kinds is None or node.kind in kinds]


def _from_model(kinds: tuple[Kind, ...] | None) -> Callable[[Any, Any, str], list[CompletionItem]]:
    def complete(ctx: click.Context | None, param: Any, incomplete: str) -> list[CompletionItem]:
        return _items(_model_ids(ctx, kinds), incomplete)

    return complete


#: Any node id of the model in ``--data``.
complete_nodes = _from_model(None)
#: The council ids of the model in ``--data``.
complete_councils = _from_model((Kind.COUNCIL,))
#: The post ids of the model in ``--data``.
complete_posts = _from_model((Kind.POST,))


def complete_topics(ctx: click.Context | None, param: Any, incomplete: str) -> list[CompletionItem]:
    """The escalation topic ids (part of the vocabulary)."""
    return _items(list(vocabulary.TOPICS), incomplete)


def complete_rules(ctx: click.Context | None, param: Any, incomplete: str) -> list[CompletionItem]:
    """The rule ids of ``orgraph check``."""
    from orgraph.rules import rule_ids

    return _items(list(rule_ids()), incomplete)


def complete_queries(ctx: click.Context | None, param: Any, incomplete: str) -> list[CompletionItem]:
    """The named queries in ``cypher/queries/``."""
    from orgraph.backends.named_queries import load_queries

    return _items(list(load_queries()), incomplete)
