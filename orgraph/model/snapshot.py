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
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from orgraph.collector import collector_paused
from orgraph.vocabulary import Kind, Rel

_NONE: tuple = ()
_FROM, _TO = "valid_from", "valid_to"


def valid_on(props: dict[str, Any], day: dt.date) -> bool:
    """True when a node or edge with ``valid_from``/``valid_to`` (inclusive, open when absent) holds on ``day``.

    >>> valid_on({"valid_from": dt.date(2024, 1, 1)}, dt.date(2023, 12, 31))
    False
    """
    start, end = props.get("valid_from"), props.get("valid_to")
    return (start is None or start <= day) and (end is None or day <= end)


#: The stored form of dated names (flat lists of text, as every database and CSV keeps them): for each
#: ``aka`` name, the first and last day it is the node's name, ISO text; an open end is the first or the
#: last day there is (no empty text: a CSV import reads that as no value).  Present only when some name
#: is dated.
NAMES_FROM, NAMES_TO = "aka_from", "aka_to"
OPEN_FROM, OPEN_TO = dt.date.min.isoformat(), dt.date.max.isoformat()


def named_on(props: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """A node's properties on ``day``: ``name`` the name it bears then, ``aka`` the others, ``names`` all.

    ``names`` lists every name with the days it holds (``valid_from``/``valid_to``; the main name's are the
    days no dated name covers, when those are one stretch), earliest first.  A node without dated names
    comes back as is.

    >>> props = {"name": "Ledningsgrupp", "aka": ["Koncernledning"], "aka_from": [OPEN_FROM], "aka_to": ["2026-06-15"]}
    >>> named_on(props, dt.date(2025, 1, 1))["name"], named_on(props, dt.date(2026, 7, 1))["name"]
    ('Koncernledning', 'Ledningsgrupp')
    >>> named_on(props, dt.date(2025, 1, 1))["names"][1]
    {'name': 'Ledningsgrupp', 'valid_from': datetime.date(2026, 6, 16)}
    """
    if NAMES_FROM not in props:
        return props
    others: list[dict[str, Any]] = []
    for name, start, end in zip(props.get("aka", ()), props[NAMES_FROM], props[NAMES_TO], strict=True):
        entry: dict[str, Any] = {"name": name}
        if start != OPEN_FROM:
            entry[_FROM] = dt.date.fromisoformat(start)
        if end != OPEN_TO:
            entry[_TO] = dt.date.fromisoformat(end)
        others.append(entry)
    main: dict[str, Any] = {"name": props["name"]}
    dated = [entry for entry in others if _FROM in entry or _TO in entry]
    if dated and all(_TO in entry for entry in dated):
        main[_FROM] = max(entry[_TO] for entry in dated) + dt.timedelta(days=1)
    elif dated and all(_FROM in entry for entry in dated):
        main[_TO] = min(entry[_FROM] for entry in dated) - dt.timedelta(days=1)
    names = sorted([main, *others], key=lambda entry: entry.get(_FROM) or dt.date.min)
    current = next((entry for entry in dated if valid_on(entry, day)), main)
    view = {key: value for key, value in props.items() if key not in (NAMES_FROM, NAMES_TO)}
    view["name"] = current["name"]
    view["aka"] = [entry["name"] for entry in names if entry is not current]
    view["names"] = names
    return view


class Incidence:
    """Which edges touch each node, by position in the compiled edge list (compressed rows, no tuples).

    Node ``position[id]`` has its outgoing edges at ``edges[offsets[2p]:offsets[2p + 1]]`` and its
    incoming ones at ``edges[offsets[2p + 1]:offsets[2p + 2]]``, each in the model's order.  Two flat
    arrays and one dict: cheap to keep in the model cache and to read back, so that a snapshot reads a
    node's edges only when asked about that node.

    >>> index = Incidence.of(["a", "b"], [("a", "b", {}), ("b", "a", {}), ("a", "a", {})])
    >>> index.out_of("a"), index.into("a")
    ([0, 2], [1, 2])
    """

    def __init__(self, position: dict[str, int], offsets: array, edges: array):
        self.position, self.offsets, self.edges = position, offsets, edges

    @classmethod
    def of(cls, node_ids: Iterable[str], edges: Iterable[tuple[str, str, Any]]) -> Incidence:
        """The incidence of ``edges`` over ``node_ids`` (every end must be one of them)."""
        position = {node_id: index for index, node_id in enumerate(node_ids)}
        edges = list(edges)
        counts = [0] * (2 * len(position) + 1)
        for source, target, _ in edges:
            counts[2 * position[source] + 1] += 1
            counts[2 * position[target] + 2] += 1
        for index in range(1, len(counts)):
            counts[index] += counts[index - 1]
        offsets = array("q", counts)
        fill = counts[:-1]
        slots = [0] * len(edges) * 2
        for number, (source, target, _) in enumerate(edges):
            at = 2 * position[source]
            slots[fill[at]] = number
            fill[at] += 1
            at = 2 * position[target] + 1
            slots[fill[at]] = number
            fill[at] += 1
        return cls(position, offsets, array("q", slots))

    def out_of(self, node_id: str) -> list[int]:
        """The positions of the edges leaving ``node_id``."""
        at = 2 * self.position[node_id]
        return self.edges[self.offsets[at]:self.offsets[at + 1]].tolist()

    def into(self, node_id: str) -> list[int]:
        """The positions of the edges entering ``node_id``."""
        at = 2 * self.position[node_id] + 1
        return self.edges[self.offsets[at]:self.offsets[at + 1]].tolist()

    def __reduce__(self) -> tuple:
        return Incidence, (self.position, self.offsets, self.edges)


class Snapshot:
    """Nodes and edges valid on ``day``; edges as ``(other id, properties)`` per node and direction.

    The property maps are the compiled model's own: treat them as read-only.  With an
    :class:`Incidence` of the edges, a node's edges are read (and the date applied to them) the first
    time the node is asked about, and kept; without one, every edge is sorted out up front.
    """

    def __init__(self, nodes: dict[str, dict[str, Any]], edges: Sequence[tuple[str, str, dict[str, Any]]],
                 day: dt.date, incidence: Incidence | None = None, *, kinds: dict[str, list[str]] | None = None,
                 dated: Iterable[str] | None = None):
        self.day = day
        self._edges, self._incidence, self._all_kinds = edges, incidence, kinds
        self.nodes: dict[str, dict[str, Any]]
        if dated is None:
            self.nodes = {n: named_on(p, day) if NAMES_FROM in p else p for n, p in nodes.items()
                          if (_FROM not in p and _TO not in p) or valid_on(p, day)}
        else:  # only the dated nodes can be left out or renamed: when none is, the map is the model's own
            gone = [n for n in dated if not valid_on(nodes[n], day)]
            named = [n for n in dated if NAMES_FROM in nodes[n]]
            self.nodes = nodes
            if gone or named:
                self.nodes = dict(nodes)
                for node_id in gone:
                    del self.nodes[node_id]
                for node_id in named:
                    if node_id in self.nodes:
                        self.nodes[node_id] = named_on(nodes[node_id], day)
        self._out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        self._in: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        if incidence is None:
            self._sort_out_every_edge()
        self._ids: list[str] | None = None
        self._kinds: dict[str, list[str]] | None = None
        self._sorted: dict[str, list[str]] = {}
        self._grouped: dict[tuple[str, str], dict[str, list[tuple[str, dict[str, Any]]]]] = {}
        self._adjacent: dict[tuple[str, str, str], list[str]] = {}

    def _sort_out_every_edge(self) -> None:
        with collector_paused():  # hundreds of thousands of new tuples and lists, no cycles
            kept, out, into, day = self.nodes, self._out, self._in, self.day
            for source, target, data in self._edges:
                if source in kept and target in kept and ((_FROM not in data and _TO not in data)
                                                          or valid_on(data, day)):
                    found = out.get(source)
                    if found is None:
                        out[source] = [(target, data)]
                    else:
                        found.append((target, data))
                    found = into.get(target)
                    if found is None:
                        into[target] = [(source, data)]
                    else:
                        found.append((source, data))
            self._incidence = None

    def _read(self, node_id: str) -> None:
        """Fill ``_out`` and ``_in`` for one node from the incidence (a node not there: nothing)."""
        kept, edges, day, index = self.nodes, self._edges, self.day, self._incidence
        assert index is not None
        if node_id not in kept:
            self._out[node_id] = self._in[node_id] = _NONE  # type: ignore[assignment]
            return
        out = []
        for number in index.out_of(node_id):
            _, target, data = edges[number]
            if target in kept and ((_FROM not in data and _TO not in data) or valid_on(data, day)):
                out.append((target, data))
        into = []
        for number in index.into(node_id):
            source, _, data = edges[number]
            if source in kept and ((_FROM not in data and _TO not in data) or valid_on(data, day)):
                into.append((source, data))
        self._out[node_id], self._in[node_id] = out, into

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
        """The ids of the nodes of one kind, sorted (each kind sorted when first asked for)."""
        found = self._sorted.get(kind)
        if found is None:
            if self._all_kinds is not None:  # the model's own index: only this kind is read
                kept = self.nodes
                found = sorted(n for n in self._all_kinds.get(kind, ()) if n in kept)
            else:
                if self._kinds is None:
                    kinds: dict[str, list[str]] = {}
                    for node_id, props in self.nodes.items():
                        kinds.setdefault(props["kind"], []).append(node_id)
                    self._kinds = kinds
                found = sorted(self._kinds.get(kind, ()))
            self._sorted[kind] = found
        return found

    def edges_out(self, node_id: str) -> list[tuple[str, dict[str, Any]]] | tuple:
        """``(target, properties)`` of every edge leaving ``node_id``, in the model's order."""
        found = self._out.get(node_id)
        if found is None:
            if self._incidence is None or node_id in self._in:
                return _NONE
            self._read(node_id)
            found = self._out[node_id]
        return found

    def edges_in(self, node_id: str) -> list[tuple[str, dict[str, Any]]] | tuple:
        """``(source, properties)`` of every edge entering ``node_id``, in the model's order."""
        found = self._in.get(node_id)
        if found is None:
            if self._incidence is None or node_id in self._out:
                return _NONE
            self._read(node_id)
            found = self._in[node_id]
        return found

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

    def holders(self, post_id: str) -> list[str]:
        """The people holding a post on the day, sorted (empty: vacant)."""
        return [p for p in self.adjacent(post_id, Rel.HOLDS, "in") if self.nodes[p]["kind"] == Kind.PERSON]

    def posts_of(self, body: str, role: str | None = None) -> list[str]:
        """The posts of a body (``POST_OF`` it), optionally only those with ``role``, sorted."""
        return [p for p in self.adjacent(body, Rel.POST_OF, "in") if self.nodes[p]["kind"] == Kind.POST
                and (role is None or self.nodes[p].get("role") == role)]


__all__ = ["NAMES_FROM", "NAMES_TO", "OPEN_FROM", "OPEN_TO", "Incidence", "Snapshot", "named_on", "valid_on"]
