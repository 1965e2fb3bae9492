"""The reads of every Cypher backend, over any engine that can run a statement with parameters.

:class:`CypherBackend` answers exactly what :class:`~orgraph.backends.memory.MemoryBackend`
answers (ids, nodes, one node, neighbours, paths) by running the named queries in
``cypher/queries/`` through a :class:`CypherRunner`: Neo4j's driver in
:mod:`orgraph.backends.neo4j`, FalkorDB's native client in :mod:`orgraph.backends.falkordb`.
Databases hold dates as ISO text; the backend turns them back into ``datetime.date``
where the model has dates, so that both backends print the same.

Paths are found breadth-first, one ``path-step`` query per hop (then ``path-hops`` for the
relationships along them), because neither engine's
``shortestPath`` can filter relationships by date while it searches on both engines alike.

>>> rows = {"node": [{"node": {"id": "x", "kind": "Document", "date": "2024-05-21"}}]}
>>> backend = CypherBackend(lambda query, params: rows["node"], dt.date(2026, 1, 1))
>>> backend.node("x")["date"]
datetime.date(2024, 5, 21)
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from orgraph.backends.base import Hop, Neighbour, hop_order, neighbour_order
from orgraph.backends.cypher_load import KEY
from orgraph.backends.named_queries import run_named
from orgraph.model import schema
from orgraph.model.snapshot import named_on
from orgraph.model.values import parse_date

__all__ = ["CypherRunner", "NODE_DATES", "RELATION_DATES", "node_from_db", "relation_from_db", "CypherBackend"]


class CypherRunner(Protocol):
    """Runs one statement with parameters on a Cypher engine and returns its rows as dicts."""

    def run(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


def _date_fields(cls: Any) -> frozenset[str]:
    """The fields of a pydantic class that hold a date (``valid_from``, ``date``, …)."""
    return frozenset(name for name, info in cls.model_fields.items()
                     if info.annotation is dt.date or dt.date in typing.get_args(info.annotation))


#: The properties that hold dates, by node kind, derived from the data format's classes.
NODE_DATES: dict[str, frozenset[str]] = {
    typing.get_args(cls.model_fields["kind"].annotation)[0]: _date_fields(cls)
    for cls in typing.get_args(typing.get_args(schema.Node)[0])
}
RELATION_DATES: frozenset[str] = _date_fields(schema.Relation)


def _dates(props: dict[str, Any], keys: frozenset[str]) -> dict[str, Any]:
    for key in keys & props.keys():
        if isinstance(props[key], str):
            props[key] = parse_date(props[key])
    return props


def node_from_db(props: dict[str, Any], day: dt.date | None = None) -> dict[str, Any]:
    """A node's properties as the memory backend has them on ``day`` (dates as dates, the name of the day)."""
    props = _dates(dict(props), NODE_DATES.get(str(props.get("kind")), frozenset()))
    return named_on(props, day) if day is not None else props


def relation_from_db(props: dict[str, Any]) -> dict[str, Any]:
    """A relationship's properties as the memory backend has them (no load key, dates as dates)."""
    return _dates({key: value for key, value in props.items() if key != KEY}, RELATION_DATES)


class CypherBackend:
    """Answers the reads of :class:`~orgraph.backends.memory.MemoryBackend` from a Cypher database on ``day``.

    ``runner`` is a :class:`CypherRunner` or a plain ``(query, params) -> rows`` function.
    """

    name = "cypher"

    def __init__(self, runner: CypherRunner | Callable[[str, dict[str, Any]], list[dict[str, Any]]],
                 day: dt.date):
        self.runner = runner
        self.day = day

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the named query ``name`` (``as_of`` is this backend's date unless given)."""
        from orgraph.backends.named_queries import get_query

        if "as_of" in get_query(name).parameters:
            params.setdefault("as_of", self.day.isoformat())
        return run_named(self.runner, name, params)

    def close(self) -> None:
        """Release the connection."""
        close = getattr(self.runner, "close", None)
        if close is not None:
            close()

    def ids(self) -> list[str]:
        """Every node id on this date."""
        return [row["id"] for row in self.query("node-ids")]

    def nodes(self, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The properties of every node of the given kinds (all kinds when ``None``), sorted by id."""
        wanted = sorted(set(kinds)) if kinds is not None else None
        return [node_from_db(row["node"], self.day) for row in self.query("nodes", kinds=wanted)]

    def node(self, node_id: str) -> dict[str, Any] | None:
        """The properties of one node, or ``None`` when there is no such node on this date."""
        rows = self.query("node", id=node_id)
        return node_from_db(rows[0]["node"], self.day) if rows else None

    def neighbours(self, node_id: str) -> list[Neighbour]:
        """Every relationship of a node, sorted by type, direction and the other node's id."""
        found = [Neighbour(row["type"], row["direction"], node_from_db(row["node"], self.day),
                           relation_from_db(row["properties"])) for row in self.query("neighbours", id=node_id)]
        return sorted(found, key=neighbour_order)

    def paths(self, source: str, target: str, via: Iterable[str] | None = None, *, all_paths: bool = False,
              max_hops: int | None = None) -> list[list[Hop]]:
        """Shortest path(s) from ``source`` to ``target``, walking relationships either way.

        The same answer as the memory backend: paths ordered by the ids along them, the first only
        unless ``all_paths``, none when the shortest is longer than ``max_hops``.
        """
        types = sorted(set(via)) if via else None
        if self.node(source) is None or self.node(target) is None:
            return []
        distance = {source: 0}
        predecessors: dict[str, set[str]] = defaultdict(set)
        frontier, depth = [source], 0
        while frontier and target not in distance:
            if max_hops is not None and depth >= max_hops:
                return []
            depth += 1
            reached: list[str] = []
            for row in self.query("path-step", frontier=frontier, types=types):
                a, b = row["from_id"], row["to_id"]
                if b not in distance:
                    distance[b] = depth
                    reached.append(b)
                if distance[b] == depth:
                    predecessors[b].add(a)
            frontier = sorted(reached)
        if target not in distance:
            return []
        node_paths = sorted(self._node_paths(source, target, predecessors))
        if not all_paths:
            node_paths = node_paths[:1]
        pairs = sorted({(a, b) for path in node_paths for a, b in zip(path, path[1:], strict=False)})
        hops: dict[tuple[str, str], list[Hop]] = defaultdict(list)
        for row in self.query("path-hops", pairs=[list(pair) for pair in pairs], types=types) if pairs else []:
            a, b, props = row["from_id"], row["to_id"], relation_from_db(row["properties"])
            hops[(a, b)].append(Hop(a, row["type"], b, True, props) if row["forward"]
                                else Hop(b, row["type"], a, False, props))
        return [[min(hops[(a, b)], key=hop_order) for a, b in zip(path, path[1:], strict=False)] for path in node_paths]

    @staticmethod
    def _node_paths(source: str, node: str, predecessors: dict[str, set[str]]) -> list[list[str]]:
        if node == source:
            return [[source]]
        return [path + [node] for before in predecessors[node]
                for path in CypherBackend._node_paths(source, before, predecessors)]
