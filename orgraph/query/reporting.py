"""Reporting lines: who answers to whom, upward from a post, a person or a body.

:func:`reporting_lines` walks the line upward from a post, a person or a body. From each node the
next step is the first of these relationship types (:data:`LINE_STEPS`) the node has outgoing edges
of, followed to every target (so a line can fork):

- ``HOLDS`` (a person → the posts they hold on that date; only people have it),
- ``REPORTS_TO`` (the stated line: a participant to the head of their administration, a head to the
  Regional Director, a process team or subgroup to its council),
- ``POST_OF`` (a post with no line of its own answers through the body it belongs to),
- ``REFERENCE_GROUP_FOR`` (a council is the leadership group's reference group and takes its
  assignments from it),
- ``PART_OF`` (a body is part of a larger one, up to the region).

The walk stops at a node with none of these, or where it would revisit a node on the same line.

Hops have the same shape as escalation hops (:class:`~orgraph.query.escalation.EscalationHop`).

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> [hop.to_id for hop in reporting_line(backend, "sr-ortopedi-processteam")]
['sr-ortopedi', 'lg-hs', 'vgr']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orgraph.backends.base import Backend
from orgraph.query.escalation import MAX_HOPS, EscalationHop, HopReader, Party, UnknownId, out_neighbours
from orgraph.vocabulary import Kind, Rel

__all__ = ["LINE_STEPS", "NotOnALine", "ReportingLines", "reporting_line", "reporting_lines"]

#: The relationship types a reporting line follows upward, in order of precedence (see the module text).
LINE_STEPS: tuple[str, ...] = (Rel.HOLDS, Rel.REPORTS_TO, Rel.POST_OF, Rel.REFERENCE_GROUP_FOR, Rel.PART_OF)
_NOT_ON_A_LINE = (Kind.DOCUMENT, Kind.TOPIC)


class NotOnALine(ValueError):
    """A node that has no reporting line by its nature (a document, a topic)."""


@dataclass(frozen=True)
class ReportingLines:
    """The answer of :func:`reporting_lines`: the node asked about and each line upward from it."""

    start: Party
    lines: tuple[tuple[EscalationHop, ...], ...]


# --- reporting lines -----------------------------------------------------------------------------


def reporting_lines(backend: Backend, node_id: str) -> ReportingLines:
    """Every line upward from a post, person or body (see :data:`LINE_STEPS`), each a tuple of hops.

    A post or body has one line unless its data fork; a person has one per post held on the date (none
    when they hold no post).  Raises :class:`UnknownId` for an unknown id and :class:`NotOnALine` for a
    document or topic.
    """
    start = backend.node(node_id)
    if start is None:
        raise UnknownId("node", node_id, sorted(n["id"] for n in backend.nodes()
                                                if n["kind"] not in _NOT_ON_A_LINE))
    if start["kind"] in _NOT_ON_A_LINE:
        raise NotOnALine(f"{node_id} is a {start['kind']}: only posts, people and bodies have a reporting "
                         "line")
    reader = HopReader(backend)
    lines: list[tuple[EscalationHop, ...]] = []

    def walk(node: dict[str, Any], hops: tuple[EscalationHop, ...], seen: frozenset[str]) -> None:
        onward: list[Any] = []
        if len(hops) < MAX_HOPS:
            for rel_type in LINE_STEPS:
                onward = sorted(out_neighbours(backend, node["id"], rel_type), key=lambda n: n.node["id"])
                if onward:
                    break
        onward = [n for n in onward if n.node["id"] not in seen]
        if not onward:
            if hops or start["kind"] != Kind.PERSON:
                lines.append(hops)
            return
        for neighbour in onward:
            walk(neighbour.node, hops + (reader.hop(node, neighbour),), seen | {neighbour.node["id"]})

    walk(start, (), frozenset({node_id}))
    return ReportingLines(reader.party(start), tuple(lines))


def reporting_line(backend: Backend, node_id: str) -> list[EscalationHop]:
    """The (first) line upward from a post, person or body: use :func:`reporting_lines` for all of them."""
    lines = reporting_lines(backend, node_id).lines
    return list(lines[0]) if lines else []
