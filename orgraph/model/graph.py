"""The typed, validated model, its compiled form, and the model materialised on one date.

A :class:`Model` is what the loader returns: nodes by id and relations, all checked.  Three forms of it
are built on demand and then shared:

- :attr:`Model.compiled` — plain dicts and tuples (:class:`Compiled`): what the model cache stores and
  every other form is built from; no pydantic object in it.
- :meth:`Model.on` — the model on one date (:class:`Snapshot`): only what holds on that day, with the
  indexes the reads need (nodes by kind, neighbours by type and direction, sorted), built once per date.
- :meth:`Model.graph` — the whole model as a ``networkx.MultiDiGraph`` whose edges carry their ``type``;
  :func:`as_of` materialises it on a date as a plain graph (no filtered view), once per graph and date.

>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> import datetime as dt
>>> model = load(data_dir("seed"))
>>> model.on(dt.date(2026, 11, 23)).node("lg-hs")["kind"] == "LeadershipGroup"
True
>>> as_of(model.graph(), dt.date(2026, 11, 23)).nodes["lg-hs"]["kind"] == "LeadershipGroup"
True
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from orgraph.model.snapshot import Snapshot, valid_on

if TYPE_CHECKING:
    import networkx as nx

    from orgraph.model.schema import Citation, Relation

#: One edge of the compiled model: (source id, target id, properties with ``type``).
Edge = tuple[str, str, dict[str, Any]]


@dataclass(frozen=True)
class Compiled:
    """The model as plain values: node properties by id (model order) and edges (relation order)."""

    nodes: dict[str, dict[str, Any]]
    edges: tuple[Edge, ...]


class Model:
    """Nodes by id and the relations between them, validated by :func:`orgraph.model.loader.load`.

    ``locations`` gives the file and line that declare each node id, ``relation_locations`` those of each
    relation (in the order of ``relations``); both are empty for a model not read from files.
    ``nodes`` and ``relations`` are the typed (pydantic) objects.  A model read from the cache
    (:mod:`orgraph.model.cache`) starts from its :class:`Compiled` form and builds the typed objects only
    when asked for them (``typed`` returns them).  Treat everything a model hands out as read-only.
    """

    def __init__(self, nodes: dict[str, Any] | None = None, relations: tuple[Relation, ...] = (), *,
                 compiled: Compiled | None = None,
                 typed: Callable[[], tuple[dict[str, Any], tuple[Relation, ...]]] | None = None,
                 locations: dict[str, tuple[str, int | None]] | None = None,
                 relation_locations: tuple[tuple[str, int | None], ...] = ()):
        if nodes is None and (compiled is None or typed is None):
            raise ValueError("a Model needs its nodes, or its compiled form and a way to the typed one")
        self._nodes, self._relations, self._typed = nodes, tuple(relations), typed
        self._compiled = compiled
        self.locations = locations if locations is not None else {}
        self.relation_locations = tuple(relation_locations)
        self._graph: nx.MultiDiGraph | None = None
        self._days: dict[dt.date, Snapshot] = {}

    def _typed_parts(self) -> None:
        if self._nodes is None:
            assert self._typed is not None
            self._nodes, self._relations = self._typed()

    @property
    def nodes(self) -> dict[str, Any]:
        """The typed nodes by id, in the order of the files."""
        self._typed_parts()
        assert self._nodes is not None
        return self._nodes

    @property
    def relations(self) -> tuple[Relation, ...]:
        """The typed relations, in the order of the files."""
        self._typed_parts()
        return self._relations

    @property
    def compiled(self) -> Compiled:
        """The plain form (built once)."""
        if self._compiled is None:
            self._compiled = compile_model(self.nodes, self.relations)
        return self._compiled

    def on(self, day: dt.date) -> Snapshot:
        """The model as it stands on ``day``, with its indexes (built once per date, then shared)."""
        if day not in self._days:
            compiled = self.compiled
            self._days[day] = Snapshot(compiled.nodes, compiled.edges, day)
        return self._days[day]

    def graph(self) -> nx.MultiDiGraph:
        """The model as a directed multigraph (built once, then shared; treat it as read-only)."""
        if self._graph is None:
            self._graph = build_graph(self)
        return self._graph


def compile_model(nodes: dict[str, Any], relations: tuple[Relation, ...]) -> Compiled:
    """The :class:`Compiled` form of typed nodes and relations."""
    return Compiled({node_id: node_properties(node) for node_id, node in nodes.items()},
                    tuple((r.source_id, r.target_id, {"type": r.type, **relation_properties(r)})
                          for r in relations))


def node_properties(node: Any) -> dict[str, Any]:
    """The flat property map of a node, as both backends store it.

    >>> from orgraph.model.schema import DataFile
    >>> n = DataFile.model_validate({"nodes": [{"id": "x", "kind": "Region", "name": "X"}]}).nodes[0]
    >>> node_properties(n)["kind"] == "Region", node_properties(n)["name"]
    (True, 'X')
    """
    props: dict[str, Any] = {"id": node.id, "kind": str(node.kind), "name": node.name}
    for key, value in node.model_dump(exclude={"id", "kind", "name", "props", "source", "sources", "aka"}).items():
        if value not in (None, False):
            props[key] = str(value) if isinstance(value, str) else value
    if node.aka:
        props["aka"] = [alt.name for alt in node.aka]
    props.update({key: value for key, value in node.props.items() if key not in props})
    props.update(source_properties(node.sources))
    return props


def relation_properties(relation: Relation) -> dict[str, Any]:
    """The flat property map of a relation, as both backends store it."""
    props: dict[str, Any] = {}
    for key in ("topic", "reason", "valid_from", "valid_to", "basis", "rationale"):
        value = getattr(relation, key)
        if value is not None:
            props[key] = str(value) if isinstance(value, str) else value
    props.update({key: value for key, value in relation.props.items() if key not in props})
    props.update(source_properties(relation.sources))
    return props


def source_properties(sources: tuple[Citation, ...]) -> dict[str, Any]:
    """A cited fact's flat citation: ``source_document`` and ``source_section`` of its first citation, and
    ``source_clauses``, the ids of every clause it cites (empty when uncited)."""
    if not sources:
        return {}
    first = sources[0]
    props: dict[str, Any] = {}
    if first.document:
        props["source_document"] = first.document
    if first.section:
        props["source_section"] = first.section
    clauses = [citation.clause for citation in sources if citation.clause]
    if clauses:
        props["source_clauses"] = clauses
    return props


def build_graph(model: Model) -> nx.MultiDiGraph:
    """Build the networkx graph: nodes carry :func:`node_properties`, edges are keyed by type."""
    compiled = model.compiled
    return _multidigraph(compiled.nodes, compiled.edges)


def _multidigraph(nodes: dict[str, dict[str, Any]], edges: Any) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` filled through its own dicts (what ``add_edge`` does, without its per-call cost).

    Edge keys are 0, 1, … per pair of nodes in insertion order, as ``add_edge`` numbers them.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    succ, pred = graph._succ, graph._pred
    for node_id, props in nodes.items():  # the compiled form's own maps, shared (read-only), not copied
        graph._node[node_id] = props
        succ[node_id], pred[node_id] = {}, {}
    for source, target, data in edges:
        keyed = succ[source].get(target)
        if keyed is None:
            keyed = succ[source][target] = pred[target][source] = {}
        keyed[len(keyed)] = data
    return graph


_DATED: weakref.WeakKeyDictionary[Any, dict[dt.date, Any]] = weakref.WeakKeyDictionary()


def as_of(graph: nx.MultiDiGraph, day: dt.date) -> nx.MultiDiGraph:
    """``graph`` on ``day``: a plain, frozen graph of the nodes and edges valid then (an edge needs both ends).

    Built once per graph and date with the date applied once, then shared (the same object for every
    caller); the node and edge property maps are the whole graph's own.  Do not change ``graph`` afterwards.
    """
    import networkx as nx

    memo = _DATED.setdefault(graph, {})
    if day not in memo:
        dated = nx.MultiDiGraph()
        node_data, succ, pred = dated._node, dated._succ, dated._pred
        for node_id, props in graph._node.items():
            if valid_on(props, day):
                node_data[node_id] = props
                succ[node_id], pred[node_id] = {}, {}
        for source, targets in graph._succ.items():
            if source not in node_data:
                continue
            for target, keyed in targets.items():
                if target not in node_data:
                    continue
                kept = {key: data for key, data in keyed.items() if valid_on(data, day)}
                if kept:
                    succ[source][target] = pred[target][source] = kept
        memo[day] = nx.freeze(dated)
    return memo[day]


__all__ = ["Compiled", "Model", "Snapshot", "as_of", "build_graph", "compile_model", "node_properties",
           "relation_properties", "source_properties", "valid_on"]
