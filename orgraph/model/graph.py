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

from orgraph.model.snapshot import NAMES_FROM, NAMES_TO, Incidence, Snapshot, named_on, valid_on
from orgraph.vocabulary import Kind, Rel

if TYPE_CHECKING:
    import networkx as nx

    from orgraph.model.schema import Citation, Relation

_FROM, _TO = "valid_from", "valid_to"

#: One edge of the compiled model: (source id, target id, properties with ``type``).
Edge = tuple[str, str, dict[str, Any]]


@dataclass(frozen=True)
class Compiled:
    """The model as plain values: node properties by id (model order) and edges (relation order)."""

    nodes: dict[str, dict[str, Any]]
    edges: tuple[Edge, ...]

    def incidence(self) -> Incidence:
        """Which edges touch each node (built once; the model cache keeps it with the rest)."""
        found = self.__dict__.get("_incidence")
        if found is None:
            found = Incidence.of(self.nodes, self.edges)
            object.__setattr__(self, "_incidence", found)
        return found

    def kinds(self) -> dict[str, list[str]]:
        """The node ids of each kind, in model order (built once; kept in the model cache)."""
        found = self.__dict__.get("_kinds")
        if found is None:
            found = {}
            for node_id, props in self.nodes.items():
                found.setdefault(props["kind"], []).append(node_id)
            object.__setattr__(self, "_kinds", found)
        return found

    def dated(self) -> tuple[str, ...]:
        """The ids of the nodes a date can leave out or rename (with ``valid_from``, ``valid_to`` or dated names)."""
        found = self.__dict__.get("_dated")
        if found is None:
            found = tuple(node_id for node_id, props in self.nodes.items()
                          if _FROM in props or _TO in props or NAMES_FROM in props)
            object.__setattr__(self, "_dated", found)
        return found


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
            self._days[day] = Snapshot(compiled.nodes, compiled.edges, day, compiled.incidence(),
                                       kinds=compiled.kinds(), dated=compiled.dated())
        return self._days[day]

    def graph(self) -> nx.MultiDiGraph:
        """The model as a directed multigraph (built once, then shared; treat it as read-only)."""
        if self._graph is None:
            self._graph = build_graph(self)
        return self._graph


def compile_model(nodes: dict[str, Any], relations: tuple[Relation, ...]) -> Compiled:
    """The :class:`Compiled` form of typed nodes and relations.

    Equal strings and dates are made one object (an id at both ends of every edge, a kind, a document, a
    date), so that the model and its cache entry hold each once: a third less memory at 100k nodes.

    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> compiled = load(data_dir("seed")).compiled
    >>> source, _, _ = compiled.edges[0]
    >>> source is compiled.nodes[source]["id"]
    True
    """
    same: dict[Any, Any] = {}
    one = same.setdefault

    def plain(props: dict[str, Any]) -> dict[str, Any]:
        return {one(key, key): one(value, value) if isinstance(value, (str, dt.date))
                else [one(item, item) if isinstance(item, str) else item for item in value]
                if isinstance(value, list) else value for key, value in props.items()}

    return Compiled({one(node_id, node_id): plain(node_properties(node)) for node_id, node in nodes.items()},
                    tuple((one(r.source_id, r.source_id), one(r.target_id, r.target_id),
                           plain({"type": str(r.type), **relation_properties(r)})) for r in relations))


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
        if any(alt.valid_from or alt.valid_to for alt in node.aka):
            props[NAMES_FROM] = [(alt.valid_from or dt.date.min).isoformat() for alt in node.aka]
            props[NAMES_TO] = [(alt.valid_to or dt.date.max).isoformat() for alt in node.aka]
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
    caller).  The node and edge property maps are the whole graph's own, and so is every adjacency map
    that the date leaves whole (most of them): only what the date changes is copied.  Do not change
    ``graph`` afterwards.
    """
    import networkx as nx

    memo = _DATED.setdefault(graph, {})
    if day not in memo:
        dated = nx.MultiDiGraph()
        node_data, succ, pred = dated._node, dated._succ, dated._pred
        for node_id, props in graph._node.items():
            if (_FROM not in props and _TO not in props) or valid_on(props, day):
                node_data[node_id] = named_on(props, day) if NAMES_FROM in props else props
        changed: dict[tuple[str, str], dict[int, Any]] = {}  # (source, target) -> the edges kept, if not all
        for source, targets in graph._succ.items():
            if source in node_data:
                succ[source] = _kept_row(source, targets, node_data, day, changed, True)
        for target, sources in graph._pred.items():
            if target in node_data:
                pred[target] = _kept_row(target, sources, node_data, day, changed, False)
        memo[day] = nx.freeze(dated)
    return memo[day]



def _kept_row(node: str, row: dict[str, dict[int, Any]], kept_nodes: dict[str, Any], day: dt.date,
              changed: dict[tuple[str, str], dict[int, Any]], outgoing: bool) -> dict[str, dict[int, Any]]:
    """One node's adjacency on ``day``: ``row`` itself when the date leaves it whole, else a trimmed copy.

    The successor pass records each pair whose edges the date trims in ``changed``; the predecessor pass
    reuses those maps, so that ``succ[u][v] is pred[v][u]`` as networkx keeps it.
    """
    whole = True
    trimmed: dict[str, dict[int, Any]] = {}
    for other, keyed in row.items():
        if other not in kept_nodes:
            whole = False
            continue
        pair = (node, other) if outgoing else (other, node)
        if not outgoing:
            kept = changed.get(pair, keyed)
        elif all((_FROM not in data and _TO not in data) or valid_on(data, day) for data in keyed.values()):
            kept = keyed
        else:
            kept = changed[pair] = {key: data for key, data in keyed.items() if valid_on(data, day)}
        if kept is not keyed:
            whole = False
        if kept:
            trimmed[other] = kept
    return row if whole else trimmed


__all__ = ["Compiled", "Model", "Snapshot", "as_of", "build_graph", "compile_model", "declared", "node_properties",
           "relation_properties", "source_properties", "valid_on"]


_RELS: frozenset[str] = frozenset(Rel)
_KINDS: frozenset[str] = frozenset(Kind)


def declared(rel_type: str, kind: str | None) -> None:
    """Refuse a relationship type or kind the vocabulary does not declare (a typo would match nothing)."""
    if rel_type not in _RELS:
        raise ValueError(f"{rel_type!r} is not a valid Rel")
    if kind is not None and kind not in _KINDS:
        raise ValueError(f"{kind!r} is not a valid Kind")


def targets(graph: nx.MultiDiGraph, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
    """Where ``rel_type`` edges from ``node_id`` lead in ``graph`` (optionally only to ``kind``), sorted, distinct.

    The one neighbour read over a networkx graph (the planners'; the rules read the snapshot through their
    Context); an undeclared type or kind is refused, never silently empty.

    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> graph = load(data_dir("seed")).graph()
    >>> targets(graph, "sr-ortopedi", "HAS_MANDATE", "Document")
    ['uh-ortopedi-2024']
    >>> targets(graph, "sr-ortopedi", "HAS_MANDAT")
    Traceback (most recent call last):
    ValueError: 'HAS_MANDAT' is not a valid Rel
    """
    declared(rel_type, kind)
    if node_id not in graph:
        return []
    return sorted({v for _, v, data in graph.out_edges(node_id, data=True) if data["type"] == rel_type
                   and (kind is None or graph.nodes[v]["kind"] == kind)})


def sources(graph: nx.MultiDiGraph, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
    """Where ``rel_type`` edges into ``node_id`` come from (optionally only from ``kind``), sorted, distinct.

    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> sources(load(data_dir("seed")).graph(), "sr-ortopedi", "COMMISSIONS")
    ['hsu-direktor']
    """
    declared(rel_type, kind)
    if node_id not in graph:
        return []
    return sorted({u for u, _, data in graph.in_edges(node_id, data=True) if data["type"] == rel_type
                   and (kind is None or graph.nodes[u]["kind"] == kind)})


def holders_in(graph: nx.MultiDiGraph, post_id: str) -> list[str]:
    """The people holding a post in ``graph`` (a graph on a date: :func:`as_of`), sorted; empty: vacant."""
    return sources(graph, post_id, Rel.HOLDS, Kind.PERSON)
