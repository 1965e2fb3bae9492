"""The data beside the drawing: the legend, each node's and edge's details, path hops and every
council's escalations, computed by :mod:`orgraph.query` and read through any backend.

Citations reach the page already written, by :func:`orgraph.output.text.citation` (the command
line's formatter): the page only shows them.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> details(backend, "sr-ortopedi")["sources"]
['RS 2024-00784 (2024-05-21) § Uppdragshandling för samordningsråd']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.backends.base import Backend, Hop
from orgraph.model.values import plain
from orgraph.output.text import citation
from orgraph.query.catalog import describe
from orgraph.query.escalation import escalate
from orgraph.vocabulary import Kind, Rel


def legend(graph: nx.MultiDiGraph, ids: set[str]) -> list[dict[str, Any]]:
    """One entry per node kind in view, in the vocabulary's order, with its colour, shape and count."""
    counts: dict[str, int] = defaultdict(int)
    for node_id in ids:
        counts[graph.nodes[node_id]["kind"]] += 1
    return [{"kind": label.name, "swedish": label.swedish, "meaning": label.meaning, "colour": label.colour,
             "shape": label.shape, "count": counts[label.name]}
            for label in vocabulary.LABELS.values() if counts[label.name]]


def cite(backend: Backend, props: dict[str, Any]) -> str | None:
    """A node's or relation's citation as the command line writes it, or ``None`` when it cites nothing."""
    return citation(props, backend.node) or None


def details(backend: Backend, node_id: str) -> dict[str, Any]:
    """What the details panel shows for a node."""
    described = describe(backend, node_id)
    node = described["node"]
    hidden = {"id", "kind", "name", "source_document", "source_section"}
    found: dict[str, Any] = {
        "id": node_id, "kind": node["kind"], "name": node["name"],
        "properties": {k: v for k, v in sorted(node.items()) if k not in hidden},
        "sources": [s for s in [cite(backend, node)] if s],
        "relations": [],
    }
    neighbours = backend.neighbours(node_id)
    if node["kind"] == Kind.POST:
        found["holders"] = [
            {"id": n.node["id"], "name": n.node["name"], "from": n.properties.get("valid_from"),
             "to": n.properties.get("valid_to"), "source": cite(backend, n.properties)}
            for n in neighbours if n.type == Rel.HOLDS and n.direction == "in"]
    for n in neighbours:
        found["relations"].append({"type": n.type, "direction": n.direction, "id": n.node["id"],
                                   "name": n.node["name"], "topic": n.properties.get("topic")})
    return found


def edge_details(backend: Backend, source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the details panel shows for an edge."""
    hidden = {"type", "source_document", "source_section"}
    return {"type": data["type"], "meaning": vocabulary.RELATIONSHIPS[data["type"]].meaning,
            "from": source, "to": target,
            "properties": {k: v for k, v in sorted(data.items()) if k not in hidden},
            "source": cite(backend, data)}


def hop_data(backend: Backend, hop: Hop) -> dict[str, Any]:
    """One hop of a path view."""
    return {"from_id": hop.start, "to_id": hop.end, "type": hop.type, "forward": hop.forward,
            "reason": hop.properties.get("reason"), "source": cite(backend, hop.properties)}


def escalations(backend: Backend, councils: list[str]) -> dict[str, dict[str, Any]]:
    """Every council's escalation for every topic, computed by :mod:`orgraph.query.escalation`, as plain data
    with each ``source`` written as a citation."""
    return {council: {topic: _cited(plain(escalate(backend, council, topic))) for topic in vocabulary.TOPICS}
            for council in councils}


def _cited(value: Any) -> Any:
    """``value`` with every ``source`` object (document, number, date, section) replaced by its citation.

    >>> _cited({"source": {"document": "d", "number": "RS 1", "date": "2024-05-21", "section": "A"}})
    {'source': 'RS 1 (2024-05-21) § A'}
    """
    if isinstance(value, list):
        return [_cited(v) for v in value]
    if not isinstance(value, dict):
        return value
    found = {}
    for key, item in value.items():
        if key == "source" and isinstance(item, dict):
            document = {"number": item.get("number"), "date": item.get("date"), "name": item.get("document")}
            props = {"source_document": item.get("document"), "source_section": item.get("section")}
            found[key] = citation(props, _constant(document)) or None
        else:
            found[key] = _cited(item)
    return found


def _constant(document: dict[str, Any]) -> Callable[[str], dict[str, Any]]:
    return lambda _: document


__all__ = ["cite", "details", "edge_details", "escalations", "hop_data", "legend"]
