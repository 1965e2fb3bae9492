"""How a topic module declares its rules: the clauses they cite and the ``@rule`` decorator.

Each topic module (:mod:`~orgraph.rules.composition`, :mod:`~orgraph.rules.authority`,
:mod:`~orgraph.rules.structure`) keeps its own list of rules, in report order;
:mod:`orgraph.rules.catalog` joins them.

>>> from orgraph.rules.base import Hit, Message
>>> declared: list[Rule] = []
>>> rule = declarer(declared)
>>> @rule(id="example", severity="info", kind="structural", title="An example", source=RAPPORTERING,
...       remedy="None.", messages={"seen": Message("{council} was seen.")})
... def example(ctx):
...     yield Hit("seen", ())
>>> [(r.id, r.cypher) for r in declared]
[('example', 'rule-example')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from orgraph.rules.base import Clause, Hit, Rule
from orgraph.rules.context import Context

__all__ = ["BFM", "ARBETSORGANISATION", "RAPPORTERING", "Evaluation", "declarer"]

BFM = "uh-bfm-2026"  # the current revision of the template both assignment documents follow
ARBETSORGANISATION = Clause(BFM, "Arbetsorganisation")
RAPPORTERING = Clause(BFM, "Rapportering")

#: The pure function that evaluates a rule over the graph on one date.
Evaluation = Callable[[Context], Iterator[Hit]]


def declarer(rules: list[Rule]) -> Callable[..., Callable[[Evaluation], Evaluation]]:
    """A ``@rule(**declaration)`` decorator that appends the declared rule to ``rules``.

    The rule's Cypher twin is ``rule-<id>`` unless the declaration names another.
    """

    def rule(**declaration: Any) -> Callable[[Evaluation], Evaluation]:
        def register(function: Evaluation) -> Evaluation:
            declaration.setdefault("cypher", f"rule-{declaration['id']}")
            rules.append(Rule(evaluate=function, **declaration))
            return function

        return register

    return rule
