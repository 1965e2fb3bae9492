"""What ``orgraph list`` and ``orgraph show`` print, built from any backend's reads.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> [c["id"] for c in listing(backend, "councils")]
['sr-bild-och-funktionsmedicin', 'sr-ortopedi']
>>> listing(backend, "councils")[1]["mandates"][0]["decided"] is None
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orgraph import vocabulary
from orgraph.backends.base import OUT, Backend, related
from orgraph.backends.base import holders as post_holders
from orgraph.vocabulary import Kind, Rel

__all__ = ["NODE_LISTS", "holders", "listing", "describe"]

#: ``orgraph list WHAT`` for the things stored as nodes: WHAT → node kinds.
NODE_LISTS: dict[str, tuple[str, ...]] = {
    "councils": (Kind.COUNCIL,),
    "bodies": vocabulary.BODY_LABELS,
    "administrations": (Kind.ADMINISTRATION,),
    "posts": (Kind.POST,),
    "people": (Kind.PERSON,),
    "documents": (Kind.DOCUMENT,),
    "topics": (Kind.TOPIC,),
}


def _brief(node: dict[str, Any]) -> dict[str, Any]:
    return {"id": node["id"], "kind": node["kind"], "name": node["name"]}


def holders(backend: Backend, post_id: str) -> list[dict[str, Any]]:
    """Who holds a post on the backend's date, with the dates of the holding."""
    return [{**_brief(n.node), "from": n.properties.get("valid_from"), "to": n.properties.get("valid_to")}
            for n in post_holders(backend, post_id)]


def listing(backend: Backend, what: str) -> list[dict[str, Any]]:
    """The rows of ``orgraph list WHAT`` (``what`` a key of :data:`NODE_LISTS`)."""
    rows = []
    for node in backend.nodes(NODE_LISTS[what]):
        row = _brief(node)
        for key in ("name_en", "aka", "role", "number", "date", "decided", "default_role"):
            if key in node:
                row[key] = node[key]
        if what == "topics":
            row["question"] = vocabulary.TOPICS[node["id"]].question
        if what in ("councils", "posts", "people"):
            if what == "councils":
                row["mandates"] = [{key: doc.node.get(key) for key in ("id", "name", "number", "date", "decided")}
                                   for doc in related(backend, node["id"], Rel.HAS_MANDATE, OUT)]
            elif what == "posts":
                row["of"] = [n.node["id"] for n in related(backend, node["id"], Rel.POST_OF, OUT)]
                row["holders"] = [h["id"] for h in holders(backend, node["id"])]
            else:
                row["posts"] = [n.node["id"] for n in related(backend, node["id"], Rel.HOLDS, OUT)]
        rows.append(row)
    return rows


def describe(backend: Backend, node_id: str) -> dict[str, Any]:
    """What ``orgraph show`` prints: the node's properties, its holders if a post, its neighbours by type."""
    node = backend.node(node_id)
    if node is None:
        raise KeyError(node_id)
    neighbours = backend.neighbours(node_id)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in neighbours:
        grouped[f"{n.type} {'→' if n.direction == 'out' else '←'}"].append(
            {**_brief(n.node), **({"properties": n.properties} if n.properties else {})})
    result: dict[str, Any] = {"node": node, "relations": dict(sorted(grouped.items()))}
    if node["kind"] == Kind.POST:
        result["holders"] = holders(backend, node_id)
        result["vacant"] = not result["holders"]
    return result
