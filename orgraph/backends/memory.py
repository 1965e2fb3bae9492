"""The embedded backend: the model as an in-memory networkx graph, viewed on one date.

No server and nothing to configure; this is the default of every command.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> backend.node("lg-hs")["aka"]
['Koncernledning hälso- och sjukvård']
>>> [hop.type for hop in backend.paths("regiondirektor", "sr-ortopedi")[0]]
['DELEGATES_TO', 'COMMISSIONS']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import networkx as nx

from orgraph.backends.base import Hop, Neighbour, hop_order, neighbour_order
from orgraph.model.graph import Model, as_of


class MemoryBackend:
    """Answers reads from a :class:`~orgraph.model.graph.Model` as it stands on ``day``."""

    name = "memory"

    def __init__(self, model: Model, day: dt.date):
        self.model = model
        self.day = day
        self.graph = as_of(model.graph(), day)

    def close(self) -> None:
        """Nothing to release; present so that every backend can be closed alike."""

    def ids(self) -> list[str]:
        """Every node id on this date."""
        return sorted(self.graph.nodes)

    def nodes(self, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The properties of every node of the given kinds (all kinds when ``None``), sorted by id."""
        wanted = set(kinds) if kinds is not None else None
        return [dict(data) for node_id, data in sorted(self.graph.nodes(data=True))
                if wanted is None or data["kind"] in wanted]

    def node(self, node_id: str) -> dict[str, Any] | None:
        """The properties of one node, or ``None`` when there is no such node on this date."""
        return dict(self.graph.nodes[node_id]) if node_id in self.graph else None

    def neighbours(self, node_id: str) -> list[Neighbour]:
        """Every relationship of a node, sorted by type, direction and the other node's id."""
        found = [Neighbour(data["type"], "out", dict(self.graph.nodes[target]), _edge_props(data))
                 for _, target, data in self.graph.out_edges(node_id, data=True)]
        found += [Neighbour(data["type"], "in", dict(self.graph.nodes[source]), _edge_props(data))
                  for source, _, data in self.graph.in_edges(node_id, data=True)]
        return sorted(found, key=neighbour_order)

    def paths(self, source: str, target: str, via: Iterable[str] | None = None, *, all_paths: bool = False,
              max_hops: int | None = None) -> list[list[Hop]]:
        """Shortest path(s) from ``source`` to ``target``, walking relationships either way.

        ``via`` limits the relationship types; ``max_hops`` the length.  Paths
        are ordered by the ids along them, so the first is the same on every
        run and every backend; without ``all_paths`` only that one is returned.
        """
        types = set(via) if via else None
        view = nx.subgraph_view(self.graph, filter_edge=lambda u, v, k: types is None
                                or self.graph.edges[u, v, k]["type"] in types)
        undirected = view.to_undirected(as_view=True)
        try:
            node_paths = sorted(nx.all_shortest_paths(undirected, source, target))
        except nx.NetworkXNoPath:
            return []
        if max_hops is not None and len(node_paths[0]) - 1 > max_hops:
            return []
        if not all_paths:
            node_paths = node_paths[:1]
        return [[self._hop(view, a, b) for a, b in zip(path, path[1:])] for path in node_paths]

    @staticmethod
    def _hop(view: nx.MultiDiGraph, a: str, b: str) -> Hop:
        """The relationship between two adjacent nodes, chosen by :func:`~orgraph.backends.base.hop_order`."""
        candidates = [Hop(a, data["type"], b, True, _edge_props(data))
                      for data in (view.get_edge_data(a, b) or {}).values()]
        candidates += [Hop(b, data["type"], a, False, _edge_props(data))
                       for data in (view.get_edge_data(b, a) or {}).values()]
        return min(candidates, key=hop_order)


def _edge_props(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "type"}
