"""The model materialised on one date: plain dicts and lists with the date applied once, and its indexes.

A :class:`Snapshot` keeps only the nodes valid on its day and the edges valid then whose ends both are.
Every read after that is a dict look-up: no filter runs again.  The indexes a read needs (ids by kind,
neighbour ids by relationship type and direction, an undirected adjacency) are built on first use
and kept, each sorted.

>>> import datetime as dt
>>> nodes = {"p": {"id": "p", "kind": "Post", "role": "chair"}, "c": {"id": "c", "kind": "Council"},
...          "x": {"id": "x", "kind": "Person"}, "y": {"id": "y", "kind": "Person"}}
>>> edges = [("p", "c", {"type": "POST_OF"}),
...          ("x", "p", {"type": "HOLDS", "valid_to": dt.date(2020, 1, 1)}),
...          ("y", "p", {"type": "HOLDS", "valid_from": dt.date(2020, 1, 2)})]
>>> day = Snapshot(nodes, edges, dt.date(2025, 1, 1))
>>> day.holders("p"), day.posts_of("c", "chair"), day.of_kind("Person")
(['y'], ['p'], ['x', 'y'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from orgraph.vocabulary import Kind, Rel

_NONE: tuple = ()


def valid_on(props: dict[str, Any], day: dt.date) -> bool:
    """True when a node or edge with ``valid_from``/``valid_to`` (inclusive, open when absent) holds on ``day``.

    >>> valid_on({"valid_from": dt.date(2024, 1, 1)}, dt.date(2023, 12, 31))
    False
    """
    start, end = props.get("valid_from"), props.get("valid_to")
    return (start is None or start <= day) and (end is None or day <= end)


class Snapshot:
    """Nodes and edges valid on ``day``; edges as ``(other id, properties)`` per node and direction.

    The property maps are the compiled model's own: treat them as read-only.
    """

    def __init__(self, nodes: dict[str, dict[str, Any]], edges: Iterable[tuple[str, str, dict[str, Any]]],
                 day: dt.date):
        self.day = day
        self.nodes: dict[str, dict[str, Any]] = {n: p for n, p in nodes.items() if valid_on(p, day)}
        self._out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        self._in: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        kept = self.nodes
        for source, target, data in edges:
            if source in kept and target in kept and valid_on(data, day):
                self._out.setdefault(source, []).append((target, data))
                self._in.setdefault(target, []).append((source, data))
        self._ids: list[str] | None = None
        self._kinds: dict[str, list[str]] | None = None
        self._grouped: dict[tuple[str, str], dict[str, list[tuple[str, dict[str, Any]]]]] = {}
        self._adjacent: dict[tuple[str, str, str], list[str]] = {}
        self._undirected: dict[str, list[str]] = {}

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.nodes

    def node(self, node_id: str) -> dict[str, Any] | None:
        """A node's properties, or ``None`` when it is not there on the day."""
        return self.nodes.get(node_id)

    def ids(self) -> list[str]:
        """Every node id, sorted (the same list on every call: do not change it)."""
        if self._ids is None:
            self._ids = sorted(self.nodes)
        return self._ids

    def of_kind(self, kind: str) -> list[str]:
        """The ids of the nodes of one kind, sorted."""
        if self._kinds is None:
            kinds: dict[str, list[str]] = {}
            for node_id in self.ids():
                kinds.setdefault(self.nodes[node_id]["kind"], []).append(node_id)
            self._kinds = kinds
        return self._kinds.get(kind, [])

    def edges_out(self, node_id: str) -> list[tuple[str, dict[str, Any]]] | tuple:
        """``(target, properties)`` of every edge leaving ``node_id``, in the model's order."""
        return self._out.get(node_id, _NONE)

    def edges_in(self, node_id: str) -> list[tuple[str, dict[str, Any]]] | tuple:
        """``(source, properties)`` of every edge entering ``node_id``, in the model's order."""
        return self._in.get(node_id, _NONE)

    def edges_by_type(self, node_id: str, direction: str = "out") -> dict[str, list[tuple[str, dict[str, Any]]]]:
        """A node's edges one way (``direction`` "out" or "in") grouped by type, in the model's order."""
        key = (node_id, direction)
        grouped = self._grouped.get(key)
        if grouped is None:
            grouped = self._grouped[key] = {}
            for other, data in self.edges_out(node_id) if direction == "out" else self.edges_in(node_id):
                grouped.setdefault(data["type"], []).append((other, data))
        return grouped

    def adjacent(self, node_id: str, rel_type: str, direction: str = "out") -> list[str]:
        """The distinct ids at the other end of ``rel_type`` edges (``direction`` "out" or "in"), sorted."""
        key = (node_id, rel_type, direction)
        found = self._adjacent.get(key)
        if found is None:
            edges = self.edges_by_type(node_id, direction).get(rel_type, _NONE)
            found = self._adjacent[key] = sorted({other for other, _ in edges})
        return found

    def undirected(self, node_id: str) -> list[str]:
        """The distinct neighbours of a node over every relationship, either way, sorted."""
        found = self._undirected.get(node_id)
        if found is None:
            found = self._undirected[node_id] = sorted(
                {other for other, _ in self.edges_out(node_id)} | {other for other, _ in self.edges_in(node_id)})
        return found

    def holders(self, post_id: str) -> list[str]:
        """The people holding a post on the day, sorted (empty: vacant)."""
        return [p for p in self.adjacent(post_id, Rel.HOLDS, "in") if self.nodes[p]["kind"] == Kind.PERSON]

    def posts_of(self, body: str, role: str | None = None) -> list[str]:
        """The posts of a body (``POST_OF`` it), optionally only those with ``role``, sorted."""
        return [p for p in self.adjacent(body, Rel.POST_OF, "in") if self.nodes[p]["kind"] == Kind.POST
                and (role is None or self.nodes[p].get("role") == role)]


__all__ = ["Snapshot", "valid_on"]
