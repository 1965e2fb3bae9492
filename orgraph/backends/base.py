"""The backend contract: the reads every backend offers, and the shapes they return.

Every backend (memory, Neo4j, FalkorDB) implements :class:`Backend` and returns
:class:`Hop` and :class:`Neighbour`, so the layers above print the same thing whichever one
answered.

>>> hop = Hop("a", "DELEGATES_TO", "b", False)
>>> hop.start, hop.end
('b', 'a')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from orgraph.vocabulary import Rel


@dataclass(frozen=True)
class Hop:
    """One relationship on a path: ``source -[type]-> target``; ``forward`` is false when walked backwards."""

    source: str
    type: str
    target: str
    forward: bool
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> str:
        """The node the walk leaves."""
        return self.source if self.forward else self.target

    @property
    def end(self) -> str:
        """The node the walk reaches."""
        return self.target if self.forward else self.source


@dataclass(frozen=True)
class Neighbour:
    """A node next to another, by relationship type and direction (``out``: this node is the source)."""

    type: str
    direction: str
    node: dict[str, Any]
    properties: dict[str, Any] = field(default_factory=dict)


def neighbour_order(n: Neighbour) -> tuple:
    """The order every backend lists neighbours in: type, direction, the other node's id, then properties."""
    return n.type, n.direction, n.node["id"], sorted(n.properties.items(), key=str)


def hop_order(hop: Hop) -> tuple:
    """Which relationship a path takes between two nodes: by type, forward before backward, then properties."""
    return hop.type, 0 if hop.forward else 1, sorted(hop.properties.items(), key=str)


class Backend(Protocol):
    """The reads every backend offers, on the date it was opened for (memory, Neo4j, FalkorDB).

    Everything above the backends (queries, rules, the picture) reads the model only through these.
    """

    name: str
    day: dt.date

    def ids(self) -> list[str]:
        """Every node id on the date, sorted."""
        ...

    def nodes(self, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The properties of every node of the given kinds (all when ``None``), sorted by id."""
        ...

    def node(self, node_id: str) -> dict[str, Any] | None:
        """One node's properties, or ``None`` when there is no such node on the date."""
        ...

    def neighbours(self, node_id: str) -> list[Neighbour]:
        """Every relationship of a node, in :func:`neighbour_order`."""
        ...

    def paths(self, source: str, target: str, via: Iterable[str] | None = None, *, all_paths: bool = False,
              max_hops: int | None = None) -> list[list[Hop]]:
        """Shortest path(s), walking relationships either way, in the same order on every backend."""
        ...

    def close(self) -> None:
        """Release the connection (nothing to do for the embedded backend)."""
        ...


__all__ = ["Backend", "Hop", "Neighbour", "hop_order", "neighbour_order", "related", "holders", "IN", "OUT"]


Direction = str  # "out": the node is the relationship's source; "in": its target
OUT: Direction = "out"
IN: Direction = "in"


def related(backend: Backend, node_id: str, rel_type: str, direction: Direction = OUT) -> list[Neighbour]:
    """The neighbours of a node over one declared relationship type in one direction, in backend order.

    The one neighbour filter every layer uses; an undeclared type is refused, never silently empty.

    >>> import datetime as dt
    >>> from orgraph.backends.memory import MemoryBackend
    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
    >>> [n.node["id"] for n in related(backend, "sr-ortopedi", "HAS_MANDATE")]
    ['uh-ortopedi-2024']
    >>> related(backend, "sr-ortopedi", "HOLD")
    Traceback (most recent call last):
    ValueError: 'HOLD' is not a valid Rel
    """
    wanted = Rel(rel_type)
    if direction not in (OUT, IN):
        raise ValueError(f"direction must be {OUT!r} or {IN!r}, not {direction!r}")
    read = getattr(backend, "neighbours_of", None)  # the memory backend reads just these, cached
    if read is not None:
        return read(node_id, wanted, direction)
    return [n for n in backend.neighbours(node_id) if n.type == wanted and n.direction == direction]


def holders(backend: Backend, post_id: str) -> list[Neighbour]:
    """Who holds a post on the backend's date (the HOLDS neighbours, with the holding's dates), by id.

    >>> import datetime as dt
    >>> from orgraph.backends.memory import MemoryBackend
    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
    >>> [n.node["id"] for n in holders(backend, "hsu-direktor")]
    ['karin-loostrom-muth']
    """
    return sorted(related(backend, post_id, Rel.HOLDS, IN), key=lambda n: n.node["id"])
