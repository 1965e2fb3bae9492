"""What the page draws: the model read through any backend, the blocks of the picture, the nodes and
edges of a view (the whole region, one council, one path).

The page reads the model only through the :class:`~orgraph.backends.base.Backend` contract
(``ids``, ``nodes``, ``neighbours``, ``paths``), so the memory, Neo4j and FalkorDB backends draw the
same picture.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> graph = graph_of(MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23)))
>>> graph.number_of_nodes(), clusters(graph)["sr-ortopedi-ordforande"]
(64, 'sr-ortopedi')
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.backends.base import Backend, Hop
from orgraph.vocabulary import Kind, Rel, Role


def graph_of(backend: Backend) -> nx.MultiDiGraph:
    """The backend's model on its date as a networkx graph (nodes in id order, edges in neighbour order)."""
    graph = nx.MultiDiGraph()
    for node in backend.nodes():
        if vocabulary.LABELS[node["kind"]].drawn:  # clauses are citations, not boxes
            graph.add_node(node["id"], **node)
    for node_id in list(graph.nodes):
        for neighbour in backend.neighbours(node_id):
            if neighbour.direction == "out" and neighbour.node["id"] in graph:
                graph.add_edge(node_id, neighbour.node["id"], type=neighbour.type, **neighbour.properties)
    return graph


def order_of(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Each node's place in the page's stable order (the graph's, which is id order)."""
    return {node_id: index for index, node_id in enumerate(graph.nodes)}


def clusters(graph: nx.MultiDiGraph, order: dict[str, int] | None = None) -> dict[str, str]:
    """Which block of the picture each node belongs to: a council id, ``region``, ``admin`` or ``reference``."""
    order = order or order_of(graph)

    def targets(node_id: str, rel_type: str) -> list[str]:
        return sorted({v for _, v, d in graph.out_edges(node_id, data=True) if d["type"] == rel_type},
                      key=order.__getitem__)

    kind = {n: d["kind"] for n, d in graph.nodes(data=True)}
    cluster: dict[str, str] = {}
    for node_id, node_kind in kind.items():
        if node_kind == Kind.COUNCIL:
            cluster[node_id] = node_id
        elif node_kind == Kind.ADMINISTRATION:
            cluster[node_id] = "admin"
        elif node_kind in (Kind.DOCUMENT, Kind.TOPIC):
            cluster[node_id] = "reference"
    for node_id, node_kind in kind.items():  # bodies below councils go with the council they work for
        if node_id not in cluster and node_kind in vocabulary.BODY_LABELS:
            near = sorted({m for m in nx.all_neighbors(graph, node_id) if kind[m] == Kind.COUNCIL},
                          key=order.__getitem__)
            low = vocabulary.LABELS[node_kind].tier > vocabulary.LABELS[Kind.COUNCIL].tier
            cluster[node_id] = near[0] if near and low else "region"
    for node_id, node_kind in kind.items():
        if node_kind == Kind.POST:
            bodies = targets(node_id, Rel.POST_OF)
            if bodies:
                cluster[node_id] = cluster[bodies[0]] if cluster[bodies[0]] != "reference" else "region"
            else:
                cluster[node_id] = "admin" if graph.nodes[node_id].get("role") == Role.HEAD else "region"
    rank = {"region": 1, "admin": 2}
    for node_id, node_kind in kind.items():
        if node_kind == Kind.PERSON:
            held = [cluster[p] for p in targets(node_id, Rel.HOLDS)]
            if held:  # a council's people first, then the region's, then the administrations'
                cluster[node_id] = min(held, key=lambda c: rank.get(c, 0))
            else:
                cluster[node_id] = "admin" if targets(node_id, Rel.EMPLOYED_BY) else "region"
    for node_id in kind:
        cluster.setdefault(node_id, "region")
    return cluster


def council_ids(graph: nx.MultiDiGraph) -> set[str]:
    """The ids of every council in the graph."""
    return {n for n, d in graph.nodes(data=True) if d["kind"] == Kind.COUNCIL}


def council_view(graph: nx.MultiDiGraph, cluster: dict[str, str], council: str) -> set[str]:
    """One council's block, everything next to it, and the holders of the posts among them."""
    core = {n for n, c in cluster.items() if c == council}
    ids = set(core)
    for node_id in core:
        ids.update(nx.all_neighbors(graph, node_id))
    councils = council_ids(graph)
    ids = {n for n in ids if cluster[n] == council or cluster[n] not in councils}
    for node_id in list(ids):
        if graph.nodes[node_id]["kind"] == Kind.POST:
            ids.update(u for u, _, d in graph.in_edges(node_id, data=True) if d["type"] == Rel.HOLDS)
    return ids


def view_edges(graph: nx.MultiDiGraph, ids: set[str], paths: list[list[Hop]]) -> list[tuple[str, str, Any]]:
    """The edges to draw: every edge between nodes in view, or in a path view only the hops."""
    if paths:
        keys: list[tuple[str, str, Any]] = []
        for hops in paths:
            for hop in hops:
                key = next(k for k, d in graph.get_edge_data(hop.source, hop.target).items()
                           if d["type"] == hop.type and _same_props(d, hop.properties))
                if (hop.source, hop.target, key) not in keys:
                    keys.append((hop.source, hop.target, key))
        return keys
    return [(u, v, k) for u, v, k in graph.edges(keys=True) if u in ids and v in ids]


def councils_of(graph: nx.MultiDiGraph, ids: set[str], cluster: dict[str, str]) -> dict[str, list[str]]:
    """The councils a node belongs to, for the page's council filter (empty: shared by all)."""
    councils = council_ids(graph)
    found: dict[str, list[str]] = {}
    for node_id in ids:
        own = {cluster[node_id]} & councils
        if graph.nodes[node_id]["kind"] == Kind.PERSON:
            own |= {cluster[p] for _, p, d in graph.out_edges(node_id, data=True) if d["type"] == Rel.HOLDS} & councils
        found[node_id] = sorted(own)
    return found


def _same_props(edge: dict[str, Any], props: dict[str, Any]) -> bool:
    return all(edge.get(key) == value for key, value in props.items())


__all__ = ["clusters", "council_ids", "council_view", "councils_of", "graph_of", "order_of", "view_edges"]
