"""FalkorDB through its native client: a :class:`~orgraph.backends.cypher.CypherRunner` and a loader.

The tests and the benchmark use it to run the very statements and named queries that
Neo4j runs, on a real Cypher engine without Docker (see ``orgraph_testing.falkordb_server``).
It needs the ``falkordb`` client (a test extra), which it does not import itself: pass it a graph,
``FalkorDB(host=…, port=…).select_graph(name)``.  Never FalkorDB's Bolt port: its Bolt layer is broken.

FalkorDB has no transactions spanning statements, so :func:`load_graph` is idempotent and removes
what is gone, but is not all-or-nothing; the Neo4j loader is.

>>> falkordb_value({"aka": ("a", "b")})
{'aka': ['a', 'b']}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from orgraph.backends.cypher import CypherBackend
from orgraph.backends.cypher_load import (
    DEFAULT_BATCH_SIZE,
    LoadSummary,
    apply_plan,
    load_plan,
)
from orgraph.model.graph import Model
from orgraph.model.values import plain

__all__ = ["falkordb_value", "FalkorDBRunner", "falkordb_backend", "load_graph"]


def falkordb_value(value: Any) -> Any:
    """A value from the client as plain Python: nodes and edges as their properties, paths as node lists."""
    kind = type(value).__name__
    if kind in ("Node", "Edge") and hasattr(value, "properties"):
        return falkordb_value(value.properties)
    if kind == "Path" and hasattr(value, "nodes"):
        return [falkordb_value(node) for node in value.nodes()]
    if isinstance(value, dict):
        return {str(key): falkordb_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [falkordb_value(item) for item in value]
    return value


class FalkorDBRunner:
    """Runs statements on one FalkorDB graph (a ``falkordb.Graph``), rows as dicts by column name."""

    def __init__(self, graph: Any):
        self.graph = graph

    def run(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run ``query`` with ``params``; the rows as ``{column: value}``."""
        result = self.graph.query(query, _params(params))
        columns = [column[1] for column in result.header]
        return [dict(zip(columns, map(falkordb_value, row), strict=True)) for row in result.result_set]

    def close(self) -> None:
        """Nothing to release: the client's connection belongs to whoever made the graph."""


def _params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as FalkorDB takes them: dates as ISO text, tuples as lists (:func:`~orgraph.model.values.plain`)."""
    return plain(params)


def falkordb_backend(graph: Any, day: dt.date) -> CypherBackend:
    """The reads of the memory backend, answered by FalkorDB from ``graph`` as it stands on ``day``."""
    backend = CypherBackend(FalkorDBRunner(graph), day)
    backend.name = "falkordb"
    return backend


def load_graph(graph: Any, model: Model, batch_size: int = DEFAULT_BATCH_SIZE) -> LoadSummary:
    """Write ``model`` into ``graph`` with the statements ``orgraph load`` runs on Neo4j (not atomic here)."""
    return apply_plan(FalkorDBRunner(graph).run, load_plan(model, batch_size))
