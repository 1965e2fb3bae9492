"""What a rule cites: a clause of each text it comes from, and which of them a finding cites.

A :class:`Citation` names a clause (its id, once the model carries ``Clause`` nodes), the document, the
section heading as written and the verbatim words of the clause.  A rule declares one or more
citations per text; a finding about a council cites the council's own mandate (its ``HAS_MANDATE``
document) and nothing else, a finding about the region as a whole cites every text the rule comes from.

>>> a = Citation("uh-bfm-2026", "Rapportering", "Huvudprincipen är att kontaktperson och ordförande")
>>> b = Citation("uh-ortopedi-2024", "Rapportering", "Huvudprincipen är att kontaktperson och ordförande")
>>> [c.document for c in cited((a, b), ["uh-ortopedi-2024"])]
['uh-ortopedi-2024']
>>> [c.document for c in cited((a, b), None)]
['uh-bfm-2026', 'uh-ortopedi-2024']
>>> str(a), a.clause
('uh-bfm-2026 § Rapportering', None)
>>> Citation("uh-bfm-2026", "Rapportering", "Huvudprincipen är att kontaktperson och ordförande i samordningsrådet "
...          "kommer från olika förvaltningar.").clause
'uh-bfm-2026-rapportering-3'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from orgraph.model.sources import normalise
from orgraph.rules.clauses import CLAUSE_IDS

__all__ = ["Citation", "ClausesOf", "cited"]


@dataclass(frozen=True)
class Citation:
    """A clause a rule comes from: ``clause`` id (None until the model has it), document, section, quote."""

    document: str
    section: str
    quote: str
    clause: str | None = None

    def __post_init__(self) -> None:
        if self.clause is None:  # the Clause node the quote stands in, where the model has one
            object.__setattr__(self, "clause", CLAUSE_IDS.get((self.document, self.section, self.quote)))

    def __str__(self) -> str:
        return f"{self.document} § {self.section}"

    def to_json(self) -> dict[str, Any]:
        """The citation as the check report's JSON has it (``clause`` only when known)."""
        value = {"document": self.document, "section": self.section, "quote": self.quote}
        if self.clause:
            value["clause"] = self.clause
        return value


#: A document's clauses, as ``{id, section, text}`` maps (the Clause nodes whose ``document`` it is).
ClausesOf = Callable[[str], "list[dict[str, Any]]"]


def cited(citations: Iterable[Citation], mandates: list[str] | None,
          clauses_of: ClausesOf | None = None) -> tuple[Citation, ...]:
    """The citations a finding carries: those of the council's own ``mandates``, in the mandates' order.

    ``mandates`` None (a finding about the region as a whole) keeps every citation.  A council whose
    mandates the rule has no citation for (a text the rules have not read, e.g. one drafted by
    ``orgraph ingest``) cites the clauses of its own mandates that hold the rule's quoted words, when
    ``clauses_of`` gives them; where its text says none of them, every citation, since they are where the
    rule comes from.

    >>> a = Citation("uh-bfm-2026", "Rapportering", "kontaktperson och ordförande i samordningsrådet")
    >>> b = Citation("uh-ortopedi-2024", "Rapportering", "kontaktperson och ordförande i samordningsrådet")
    >>> hud = [{"id": "uh-hud-rapportering-3", "section": "Rapportering",
    ...         "text": "Huvudprincipen är att kontaktperson och ordförande i samordningsrådet kommer från olika "
    ...                 "förvaltningar."}]
    >>> [c.clause for c in cited((a, b), ["uh-hud"], {"uh-hud": hud}.get)]
    ['uh-hud-rapportering-3']
    >>> [c.document for c in cited((a, b), ["uh-hud"], {}.get)]
    ['uh-bfm-2026', 'uh-ortopedi-2024']
    """
    every = tuple(citations)
    if mandates is None:
        return every
    own = tuple(c for document in mandates for c in every if c.document == document)
    if not own and clauses_of is not None:
        own = tuple(dict.fromkeys(_in_own_text(every, mandates, clauses_of)))
    return own or every


def _in_own_text(every: tuple[Citation, ...], mandates: list[str], clauses_of: ClausesOf) -> Iterator[Citation]:
    """The rule's quotes found in the clauses of the council's own mandates, as citations of those clauses."""
    for document in mandates:
        clauses = [(clause, normalise(clause["text"])) for clause in clauses_of(document) or ()]
        for citation in every:
            words = normalise(citation.quote)
            for clause, text in clauses:
                if words in text:
                    yield Citation(document, clause["section"], citation.quote, clause["id"])
