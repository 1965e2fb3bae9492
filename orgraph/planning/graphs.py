"""The model on one date as a networkx graph, read through any backend's generic reads.

:func:`snapshot` asks a backend for its nodes and each node's outgoing relationships, so the
planners' computations run alike on the embedded backend and on a Cypher engine; nothing here
writes back.  :func:`council_of` says which council a node belongs to, for grouping.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> graph = snapshot(MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23)))
>>> council_of(graph, "sr-ortopedi-ordforande"), council_of(graph, "lg-hs")
('sr-ortopedi', None)
>>> ref(graph, "sr-ortopedi")
Ref(id='sr-ortopedi', name='Samordningsråd ortopedi')
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from orgraph.backends.base import OUT, Backend
from orgraph.model.graph import holders_in as holders
from orgraph.model.graph import sources as into
from orgraph.model.graph import targets as out
from orgraph.query.escalation import Ref
from orgraph.vocabulary import Kind, Rel

__all__ = ["snapshot", "council_of", "ref", "holders", "out", "into", "canonical"]

#: A node belongs to the council it is ``POST_OF``, ``PART_OF`` or ``REPORTS_TO`` …
_UP = (Rel.POST_OF, Rel.PART_OF, Rel.REPORTS_TO)
#: … or that ``LEADS`` it or ``HAS_MANDATE`` it.
_DOWN = (Rel.LEADS, Rel.HAS_MANDATE)


def snapshot(backend: Backend) -> nx.MultiDiGraph:
    """The model as the backend has it on its date: every node and every relationship, with properties."""
    graph = nx.MultiDiGraph()
    nodes = backend.nodes()
    for node in nodes:
        graph.add_node(node["id"], **node)
    for node in nodes:
        for neighbour in backend.neighbours(node["id"]):
            if neighbour.direction == OUT:
                graph.add_edge(node["id"], neighbour.node["id"], type=neighbour.type, **neighbour.properties)
    return graph


def ref(graph: nx.MultiDiGraph, node_id: str) -> Ref:
    """A node by id and name (the id stands in for the name of a node the graph lacks)."""
    data = graph.nodes[node_id] if node_id in graph else {}
    return Ref(node_id, str(data.get("name", node_id)))


def council_of(graph: nx.MultiDiGraph, node_id: str) -> str | None:
    """The council a node belongs to (the smallest id when several), or ``None`` for the region as a whole.

    A council is its own; a post, subgroup or team belongs to the council it is ``POST_OF``, ``PART_OF`` or
    ``REPORTS_TO``; a team or mandate to the council that ``LEADS`` or ``HAS_MANDATE`` it; a person to the
    council of the first post they hold.
    """
    if node_id not in graph:
        return None
    kind = graph.nodes[node_id]["kind"]
    if kind == Kind.COUNCIL:
        return node_id
    found = [c for rel in _UP for c in out(graph, node_id, rel, Kind.COUNCIL)]
    found += [c for rel in _DOWN for c in into(graph, node_id, rel, Kind.COUNCIL)]
    if not found and kind == Kind.PERSON:
        found = [c for post in out(graph, node_id, Rel.HOLDS) if (c := council_of(graph, post))]
    return min(found) if found else None


def canonical(props: dict[str, Any]) -> str:
    """A properties map as one comparable text (dates as ISO text, keys sorted)."""
    import json

    from orgraph.model.values import plain

    return json.dumps(plain(props), sort_keys=True, ensure_ascii=False)
