"""The embedded backend: the model in memory, materialised on one date.

No server and nothing to configure; this is the default of every command.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> backend.node("lg-hs")["aka"]
['Koncernledning hälso- och sjukvård']
>>> [str(hop.type) for hop in backend.paths("regiondirektor", "sr-ortopedi")[0]]
['DELEGATES_TO', 'COMMISSIONS']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from orgraph.backends.adjacency import Adjacency
from orgraph.backends.base import Hop, Neighbour, hop_order, neighbour_order
from orgraph.backends.paths import shortest_paths_over
from orgraph.model.graph import Model, as_of

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NEIGHBOUR_CACHE", "MemoryBackend"]

#: How many nodes' sorted neighbour lists a backend keeps (a query reads a neighbourhood over and over;
#: a listing reads every node once and must not keep them all).
NEIGHBOUR_CACHE = 4096


class MemoryBackend:
    """Answers reads from a :class:`~orgraph.model.graph.Model` as it stands on ``day``.

    Every read goes to the model materialised on that date once (:meth:`Model.on`), shared with every
    other backend and rule on the same model and date; nothing a read returns may be changed.
    """

    name = "memory"

    def __init__(self, model: Model, day: dt.date):
        self.model = model
        self.day = day
        self.snapshot = model.on(day)
        self._neighbours: dict[str, list[Neighbour]] = {}
        self._typed: dict[tuple[str, str, str], list[Neighbour]] = {}
        self._adjacency: Adjacency | None = None
        self._path_queries = 0

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph on this date (built on first use, for the picture), see :func:`as_of`."""
        return as_of(self.model.graph(), self.day)

    def close(self) -> None:
        """Nothing to release; present so that every backend can be closed alike."""

    def ids(self) -> list[str]:
        """Every node id on this date."""
        return list(self.snapshot.ids())

    def nodes(self, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The properties of every node of the given kinds (all kinds when ``None``), sorted by id."""
        snapshot = self.snapshot
        if kinds is None:
            ids = snapshot.ids()
        else:
            ids = sorted({node_id for kind in set(kinds) for node_id in snapshot.of_kind(kind)})
        return [dict(snapshot.nodes[node_id]) for node_id in ids]

    def node(self, node_id: str) -> dict[str, Any] | None:
        """The properties of one node, or ``None`` when there is no such node on this date."""
        props = self.snapshot.node(node_id)
        return dict(props) if props is not None else None

    def neighbours(self, node_id: str) -> list[Neighbour]:
        """Every relationship of a node, sorted by type, direction and the other node's id.

        Built once per node (the last :data:`NEIGHBOUR_CACHE` nodes asked about are kept).
        """
        found = self._neighbours.get(node_id)
        if found is None:
            snapshot = self.snapshot
            nodes = snapshot.nodes
            found = [Neighbour(data["type"], "out", dict(nodes[target]), _edge_props(data))
                     for target, data in snapshot.edges_out(node_id)]
            found += [Neighbour(data["type"], "in", dict(nodes[source]), _edge_props(data))
                      for source, data in snapshot.edges_in(node_id)]
            found.sort(key=neighbour_order)
            if len(self._neighbours) >= NEIGHBOUR_CACHE:
                self._neighbours.clear()
            self._neighbours[node_id] = found
        return list(found)

    def neighbours_of(self, node_id: str, rel_type: str, direction: str) -> list[Neighbour]:
        """The relationships of one type and direction ("out" or "in") of a node, in the same order.

        What ``[n for n in neighbours(node_id) if n.type == rel_type and n.direction == direction]`` gives,
        without building the others: a head of administration has hundreds of ``REPORTS_TO``.
        """
        key = (node_id, rel_type, direction)
        found = self._typed.get(key)
        if found is None:
            snapshot = self.snapshot
            edges = snapshot.edges_by_type(node_id, direction).get(rel_type, ())
            found = _in_order([Neighbour(rel_type, direction, dict(snapshot.nodes[other]), _edge_props(data))
                               for other, data in edges])
            if len(self._typed) >= NEIGHBOUR_CACHE:
                self._typed.clear()
            self._typed[key] = found
        return list(found)

    def paths(self, source: str, target: str, via: Iterable[str] | None = None, *, all_paths: bool = False,
              max_hops: int | None = None) -> list[list[Hop]]:
        """Shortest path(s) from ``source`` to ``target``, walking relationships either way.

        ``via`` limits the relationship types; ``max_hops`` the length.  Paths
        are ordered by the ids along them, so the first is the same on every
        run and every backend; without ``all_paths`` only that one is returned.
        The search (:func:`~orgraph.backends.paths.search`) stops at the meeting layer; from the second
        query on, one without ``via`` reads an :class:`~orgraph.backends.adjacency.Adjacency` built then.
        """
        snapshot = self.snapshot
        if source not in snapshot or target not in snapshot:
            return []
        types = frozenset(via) if via else None
        self._path_queries += 1
        found: Iterator[list[str]]
        if types is None and self._path_queries > 1:
            if self._adjacency is None:
                self._adjacency = Adjacency.of(snapshot.ids(), snapshot.edges_out, snapshot.edges_in)
            found = self._adjacency.paths(source, target, max_hops)
        elif types is None:
            found = shortest_paths_over(source, target, snapshot.edges_out, snapshot.edges_in, max_hops)
        else:
            def out(node_id: str) -> list[tuple[str, dict[str, Any]]]:
                return [edge for edge in snapshot.edges_out(node_id) if edge[1]["type"] in types]

            def into(node_id: str) -> list[tuple[str, dict[str, Any]]]:
                return [edge for edge in snapshot.edges_in(node_id) if edge[1]["type"] in types]
            found = shortest_paths_over(source, target, out, into, max_hops)
        node_paths = list(found) if all_paths else [path for path in [next(found, None)] if path is not None]
        return [[self._hop(a, b, types) for a, b in zip(path, path[1:], strict=False)] for path in node_paths]

    def _hop(self, a: str, b: str, types: frozenset[str] | None) -> Hop:
        """The relationship between two adjacent nodes, chosen by :func:`~orgraph.backends.base.hop_order`.

        Read from whichever end has fewer edges: a council or a head of administration has hundreds.
        """
        snapshot = self.snapshot
        out_a, in_a, out_b, in_b = (snapshot.edges_out(a), snapshot.edges_in(a), snapshot.edges_out(b),
                                    snapshot.edges_in(b))
        if len(out_a) + len(in_a) <= len(out_b) + len(in_b):
            forward = [data for other, data in out_a if other == b]
            backward = [data for other, data in in_a if other == b]
        else:
            forward = [data for other, data in in_b if other == a]
            backward = [data for other, data in out_b if other == a]
        candidates = [Hop(a, data["type"], b, True, _edge_props(data)) for data in forward
                      if types is None or data["type"] in types]
        candidates += [Hop(b, data["type"], a, False, _edge_props(data)) for data in backward
                       if types is None or data["type"] in types]
        return candidates[0] if len(candidates) == 1 else min(candidates, key=hop_order)


def _in_order(found: list[Neighbour]) -> list[Neighbour]:
    """Neighbours of one type and direction in :func:`neighbour_order`: by the other node's id, and only
    where two share an id by their properties too (building every key's sorted properties is the cost)."""
    found.sort(key=_other_id)
    if any(a.node["id"] == b.node["id"] for a, b in zip(found, found[1:], strict=False)):
        found.sort(key=neighbour_order)
    return found


def _other_id(n: Neighbour) -> str:
    return n.node["id"]


def _edge_props(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "type"}
