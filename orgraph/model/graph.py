"""The typed, validated model and the networkx graph built from it.

A :class:`Model` is what the loader returns: nodes by id and relations, all
checked.  :meth:`Model.graph` turns it into a ``networkx.MultiDiGraph`` whose
edges carry their relationship ``type``; :func:`as_of` gives the view of that graph
on one date (holdings and dated nodes outside the date drop out).

>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> import datetime as dt
>>> g = as_of(load(data_dir("seed")).graph(), dt.date(2026, 11, 23))
>>> g.nodes["lg-hs"]["kind"]
'LeadershipGroup'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from orgraph.model.schema import Relation, Source


@dataclass(frozen=True)
class Model:
    """Nodes by id and the relations between them, validated by :func:`orgraph.model.loader.load`.

    ``locations`` gives the file and line that declare each node id, ``relation_locations`` those of each
    relation (in the order of ``relations``); both are empty for a model not read from files.
    """

    nodes: dict[str, Any]
    relations: tuple[Relation, ...]
    _graph: list = field(default_factory=list, repr=False, compare=False)
    locations: dict[str, tuple[str, int | None]] = field(default_factory=dict, repr=False, compare=False)
    relation_locations: tuple[tuple[str, int | None], ...] = field(default=(), repr=False, compare=False)

    def graph(self) -> nx.MultiDiGraph:
        """The model as a directed multigraph (built once, then shared; treat it as read-only)."""
        if not self._graph:
            self._graph.append(build_graph(self))
        return self._graph[0]


def node_properties(node: Any) -> dict[str, Any]:
    """The flat property map of a node, as both backends store it.

    >>> from orgraph.model.schema import DataFile
    >>> n = DataFile.model_validate({"nodes": [{"id": "x", "kind": "Region", "name": "X"}]}).nodes[0]
    >>> node_properties(n)["kind"], node_properties(n)["name"]
    ('Region', 'X')
    """
    props: dict[str, Any] = {"id": node.id, "kind": str(node.kind), "name": node.name}
    for key, value in node.model_dump(exclude={"id", "kind", "name", "props", "source", "aka"}).items():
        if value not in (None, False):
            props[key] = value
    if node.aka:
        props["aka"] = [alt.name for alt in node.aka]
    props.update({key: value for key, value in node.props.items() if key not in props})
    props.update(source_properties(node.source))
    return props


def relation_properties(relation: Relation) -> dict[str, Any]:
    """The flat property map of a relation, as both backends store it."""
    props: dict[str, Any] = {}
    for key in ("topic", "reason", "valid_from", "valid_to"):
        value = getattr(relation, key)
        if value is not None:
            props[key] = value
    props.update({key: value for key, value in relation.props.items() if key not in props})
    props.update(source_properties(relation.source))
    return props


def source_properties(source: Source | None) -> dict[str, Any]:
    """``source_document`` and ``source_section`` for a cited fact (empty when uncited)."""
    if source is None:
        return {}
    props = {"source_document": source.document}
    if source.section:
        props["source_section"] = source.section
    return props


def build_graph(model: Model) -> nx.MultiDiGraph:
    """Build the networkx graph: nodes carry :func:`node_properties`, edges are keyed by type."""
    graph = nx.MultiDiGraph()
    for node_id, node in model.nodes.items():
        graph.add_node(node_id, **node_properties(node))
    for relation in model.relations:
        graph.add_edge(relation.source_id, relation.target_id, type=relation.type,
                       **relation_properties(relation))
    return graph


def valid_on(props: dict[str, Any], day: dt.date) -> bool:
    """True when a node or edge with ``valid_from``/``valid_to`` (inclusive, open when absent) holds on ``day``.

    >>> valid_on({"valid_from": dt.date(2024, 1, 1)}, dt.date(2023, 12, 31))
    False
    """
    start, end = props.get("valid_from"), props.get("valid_to")
    return (start is None or start <= day) and (end is None or day <= end)


def as_of(graph: nx.MultiDiGraph, day: dt.date) -> nx.MultiDiGraph:
    """A read-only view of ``graph`` with only the nodes and edges valid on ``day``."""
    return nx.subgraph_view(
        graph,
        filter_node=lambda n: valid_on(graph.nodes[n], day),
        filter_edge=lambda u, v, k: valid_on(graph.edges[u, v, k], day),
    )
