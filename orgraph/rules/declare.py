"""How a topic module declares its rules: the clauses they cite and the ``@rule`` decorator.

Each topic module (:mod:`~orgraph.rules.composition`, :mod:`~orgraph.rules.authority`,
:mod:`~orgraph.rules.structure`) keeps its own list of rules, in report order;
:mod:`orgraph.rules.catalog` joins them.  A rule cites the clauses it comes from, in each text that
states them (``cites``, see :mod:`orgraph.rules.citations`); its ``source`` is the first of them.

>>> from orgraph.rules.base import Hit, Message
>>> declared: list[Rule] = []
>>> rule = declarer(declared)
>>> @rule(id="example", severity="info", kind="structural", title="An example", cites=HUVUDPRINCIP,
...       remedy="None.", messages={"seen": Message("{council} was seen.")})
... def example(ctx):
...     yield Hit("seen", ())
>>> [(r.id, r.cypher, str(r.source)) for r in declared]
[('example', 'rule-example', 'uh-bfm-2026 § Rapportering')]
>>> [c.document for c in both("Rapportering", "kontaktperson")]
['uh-bfm-2026', 'uh-ortopedi-2024']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from orgraph.rules.base import Clause, Hit, Rule
from orgraph.rules.citations import Citation
from orgraph.rules.context import Context
from orgraph.rules.texts import BFM, ORTOPEDI

__all__ = ["BFM", "ORTOPEDI", "HUVUDPRINCIP", "KONTAKTPERSON", "ORDFORANDE", "Evaluation", "both", "declarer",
           "with_source"]

#: The pure function that evaluates a rule over the graph on one date.
Evaluation = Callable[[Context], Iterator[Hit]]


def both(section: str, quote: str, ortopedi: str | None = None, ortopedi_section: str | None = None
         ) -> tuple[Citation, Citation]:
    """The same clause in the 2026 and the 2024 text (``ortopedi``: the 2024 wording, where it differs)."""
    return (Citation(BFM, section, quote),
            Citation(ORTOPEDI, ortopedi_section or section, quote if ortopedi is None else ortopedi))


#: "The main principle": chair and contact person from different administrations (both texts).
HUVUDPRINCIP = both("Rapportering", "Huvudprincipen är att kontaktperson och ordförande i samordningsrådet "
                                    "kommer från olika förvaltningar.")
#: Every council has a contact person from the leadership group (both texts say "koncernledning" here).
KONTAKTPERSON = both("Rapportering", "Till varje samordningsråd utses en kontaktperson bland deltagarna i "
                                     "koncernledning hälso- och sjukvård.")
#: The chair, appointed by the leadership group under its name in each text.
ORDFORANDE = both("Arbetsorganisation",
                  "Ordförande: Utses av ledningsgrupp hälso- och sjukvård enligt särskild rutin, (RS 2019-03137-40).",
                  "Ordförande: Utses av koncernledning hälso- och sjukvård enligt särskild rutin, (RS 2019-03137-40).")


def declarer(rules: list[Rule]) -> Callable[..., Callable[[Evaluation], Evaluation]]:
    """A ``@rule(**declaration)`` decorator that appends the declared rule to ``rules``.

    The rule's Cypher twin is ``rule-<id>`` unless the declaration names another; its ``source`` is
    the first clause it ``cites``.
    """

    def rule(**declaration: Any) -> Callable[[Evaluation], Evaluation]:
        def register(function: Evaluation) -> Evaluation:
            declaration.setdefault("cypher", f"rule-{declaration['id']}")
            rules.append(Rule(evaluate=function, **with_source(declaration)))
            return function

        return register

    return rule


def with_source(declaration: dict[str, Any]) -> dict[str, Any]:
    """The declaration with its ``cites`` as a tuple and its ``source`` set to the first of them."""
    cites = tuple(declaration.get("cites", ()))
    first = cites[0]
    return {**declaration, "cites": cites, "source": declaration.get("source") or Clause(first.document, first.section)}
