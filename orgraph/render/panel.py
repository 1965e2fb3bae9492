"""The data beside the drawing: the legend, each node's and edge's details, path hops and every
council's escalations, computed by :mod:`orgraph.query` and read through any backend.

Citations reach the page already written, by :func:`orgraph.output.text.citation` (the command
line's formatter): the page only shows them.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> details(citer(backend), backend.node("sr-ortopedi"))["sources"]
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
from orgraph.query.escalation import escalate
from orgraph.render.network import group_order
from orgraph.vocabulary import Kind, Rel


def legend(graph: nx.MultiDiGraph, ids: set[str]) -> list[dict[str, Any]]:
    """One entry per node kind in view, in the vocabulary's order, with its colour, shape and count."""
    counts: dict[str, int] = defaultdict(int)
    for node_id in ids:
        counts[graph._node[node_id]["kind"]] += 1
    return [{"kind": label.name, "swedish": label.swedish, "meaning": label.meaning, "colour": label.colour,
             "shape": label.shape, "count": counts[label.name]}
            for label in vocabulary.LABELS.values() if counts[label.name]]


def cite(backend: Backend, props: dict[str, Any]) -> str | None:
    """A node's or relation's citation as the command line writes it, or ``None`` when it cites nothing."""
    return citation(props, backend.node) or None


def citer(backend: Backend) -> Callable[[dict[str, Any]], str | None]:
    """:func:`cite` for many nodes and relations at once: each document is looked up once."""
    documents: dict[str, dict[str, Any] | None] = {}

    def lookup(document_id: str) -> dict[str, Any] | None:
        if document_id not in documents:
            documents[document_id] = backend.node(document_id)
        return documents[document_id]

    return lambda props: citation(props, lookup) or None


def details(cite: Callable[[dict[str, Any]], str | None], node: dict[str, Any]) -> dict[str, Any]:
    """What the details panel shows for a node beside what its drawn node carries (id, kind, name, and
    the relations, which the page reads from the edges): its other properties and its sources, each
    only when there are any.

    >>> details(lambda props: None, {"id": "x", "kind": "Post", "name": "X", "role": "chair"})
    {'properties': {'role': 'chair'}}
    """
    hidden = {"id", "kind", "name", "source_document", "source_section"}
    found: dict[str, Any] = {}
    properties = {k: v for k, v in sorted(node.items()) if k not in hidden}
    if properties:
        found["properties"] = properties
    cited = cite(node)
    if cited:
        found["sources"] = [cited]
    return found


def groups(graph: nx.MultiDiGraph, bundles: dict[str, str], positions: dict[str, tuple[float, float]],
           order: dict[str, int]) -> list[dict[str, Any]]:
    """The overview's groups: id, what they hold (``councils`` or ``staff``), whose (the region or the
    administration: ``of``, ``name``), how many nodes and councils, and where the group is drawn.

    >>> groups(nx.MultiDiGraph(), {}, {}, {})
    []
    """
    members: dict[str, list[str]] = defaultdict(list)
    for node_id, bundle in bundles.items():
        members[bundle].append(node_id)
    found = []
    for bundle in sorted(members, key=group_order(order)):
        what, owner = bundle.split(":", 1)
        ids = members[bundle]
        xs, ys = [positions[n][0] for n in ids], [positions[n][1] for n in ids]
        x, y = (sum(xs) / len(xs), min(ys)) if what == "councils" else (positions[owner][0], positions[owner][1] + 60)
        found.append({"id": bundle, "what": what, "of": owner, "name": graph._node[owner]["name"],
                      "count": len(ids), "councils": sum(1 for n in ids if graph._node[n]["kind"] == Kind.COUNCIL),
                      "x": round(x), "y": round(y)})
    return found


def holdings(backend: Backend, graph: nx.MultiDiGraph, ids: set[str], order: dict[str, int]) -> list[list[Any]]:
    """The holdings of the posts in view on other dates than the page's, for its date picker:
    ``[post index, holder's name, valid_from, valid_to]`` (the page's own are on its ``HOLDS`` edges).
    Empty for a backend without the whole model (only the memory backend has every date).
    """
    model = getattr(backend, "model", None)
    if model is None or not hasattr(model, "graph"):
        return []
    whole = model.graph()
    index = {n: i for i, n in enumerate(sorted(ids, key=order.__getitem__))}
    found = []
    for post in sorted((n for n in ids if graph._node[n]["kind"] == Kind.POST), key=order.__getitem__):
        if post not in whole:
            continue
        for person, _, data in whole.in_edges(post, data=True):
            if data["type"] != Rel.HOLDS or (graph.has_edge(person, post) and any(
                    d["type"] == Rel.HOLDS and d.get("valid_from") == data.get("valid_from")
                    for d in graph.get_edge_data(person, post).values())):
                continue
            found.append([index[post], whole.nodes[person]["name"], data.get("valid_from"), data.get("valid_to")])
    return sorted(found, key=lambda h: (h[0], str(h[2]), h[1]))


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


__all__ = ["cite", "citer", "details", "escalations", "groups", "holdings", "hop_data", "legend"]
