"""The shapes an escalation answer is made of (:func:`orgraph.query.escalation.escalate` fills them).

>>> Ref("lg-hs", "Ledningsgrupp hälso- och sjukvård").name
'Ledningsgrupp hälso- och sjukvård'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["UnknownId", "Ref", "Source", "DocumentRef", "Party", "EscalationHop", "Route", "TopicRef", "OtherText",
           "Escalation"]


class UnknownId(LookupError):
    """An id that is not in the model (or not of the kind asked for); ``valid`` lists the choices."""

    def __init__(self, kind: str, value: str, valid: list[str]):
        self.kind, self.value, self.valid = kind, value, valid
        super().__init__(f"unknown {kind} {value!r}")


@dataclass(frozen=True)
class Ref:
    """A node by id and name."""

    id: str
    name: str


@dataclass(frozen=True)
class Source:
    """Where a relationship comes from: the document's id, registry number and date, the section, and the
    clause cited (its id and verbatim text; ``None`` for an older citation of a section only).

    Of a fact's citations, an answer for a council shows one of the council's own mandate when there is one.
    """

    document: str
    number: str | None
    date: dt.date | str | None
    section: str | None
    clause: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A mandate document: id, name, registry number, date and decision date (``None``: never decided)."""

    id: str
    name: str
    number: str | None
    date: dt.date | str | None
    decided: dt.date | str | None


@dataclass(frozen=True)
class Party:
    """A post or body on a route: its holder (``None`` for a vacant post or a body) and administration.

    For a decider, ``reason``, ``source``, ``basis`` and ``rationale`` are those of its ``MAY_DECIDE`` edge.
    """

    id: str
    name: str
    kind: str
    holder: Ref | None
    administration: Ref | None
    reason: str | None = None
    source: Source | None = None
    basis: str | None = None
    rationale: str | None = None


@dataclass(frozen=True)
class EscalationHop:
    """One relationship walked: ``from -[type]-> to``, why (``reason``) and where it is written.

    ``holder`` and ``administration`` describe the node reached (``to``), ``from_holder`` and
    ``from_administration`` the node left; a post with several holders names the first by id.
    """

    from_id: str
    from_name: str
    from_kind: str
    to_id: str
    to_name: str
    to_kind: str
    type: str
    reason: str | None
    source: Source | None
    holder: Ref | None
    administration: Ref | None
    from_holder: Ref | None
    from_administration: Ref | None
    basis: str | None = None  # stated, or inferred (then ``rationale`` says why)
    rationale: str | None = None


@dataclass(frozen=True)
class Route:
    """The hops of one route, in order, and who holds the mandate at its end (``None``: nobody stated)."""

    hops: tuple[EscalationHop, ...]
    decider: Party | None


@dataclass(frozen=True)
class TopicRef:
    """A topic by id, its name in the data and the question it stands for."""

    id: str
    name: str
    question: str


@dataclass(frozen=True)
class OtherText:
    """Another council whose text states a route for the topic: the document it cites, where it ends."""

    council: Ref
    documents: tuple[DocumentRef, ...]
    deciders: tuple[Ref, ...]


@dataclass(frozen=True)
class Escalation:
    """The answer of :func:`escalate`; see the module docstring for how it is computed."""

    council: Ref
    topic: TopicRef
    as_of: dt.date | str | None
    start: Party
    routes: tuple[Route, ...]
    decided_at_start: bool
    stated: bool
    mandate_documents: tuple[DocumentRef, ...]
    other_starts: tuple[Ref, ...]
    other_texts: tuple[OtherText, ...]
    stated_only: bool = False
