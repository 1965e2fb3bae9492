"""What changed in the model: between two dates, and between two versions of the model.

:func:`diff_dates` compares the model on two dates as any backend reads it: posts that were filled,
vacated or changed holder, nodes (bodies, posts, people, documents) that began or ended or were renamed,
and relationships other than holdings that were added or removed.

:func:`diff_versions` compares two versions of the model whole (every date): nodes, relationships,
properties and citations added, removed or changed.  Relationships have no id: two are the same
relationship when they join the same nodes by the same type (and topic); identical ones are paired
first, the rest in order.

Both group their changes by council (:func:`~orgraph.planning.graphs.council_of`; ``None``: the region
as a whole, last).

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> model = load(data_dir("examples") / "fictional")
>>> found = diff_dates(MemoryBackend(model, dt.date(2025, 6, 30)), MemoryBackend(model, dt.date(2025, 7, 2)))
>>> change = found.councils[0].posts[0]
>>> change.post.id, change.change, change.before[0].id, change.after[0].id
('sr-ortopedi-ordforande', 'changed', 'lars-goran-kylberg', 'ingrid-malmvik')
>>> diff_versions(model.graph(), model.graph()).changes
0
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from orgraph.backends.base import Backend
from orgraph.planning.graphs import canonical, council_of, holders, ref, snapshot
from orgraph.query.escalation import Ref
from orgraph.vocabulary import Kind, Rel

__all__ = ["Diff", "CouncilChanges", "PostChange", "NodeChange", "RelationChange", "Change", "diff_dates",
           "diff_versions", "CITATION_KEYS"]

#: The properties that carry a node's or relationship's citation.
CITATION_KEYS = ("source_document", "source_section", "source_clauses")


@dataclass(frozen=True)
class Change:
    """One property's value before and after (``None``: absent)."""

    old: Any
    new: Any


@dataclass(frozen=True)
class PostChange:
    """A post that was ``filled``, ``vacated`` or ``changed`` holder between two dates."""

    post: Ref
    role: str | None
    change: str
    before: tuple[Ref, ...]
    after: tuple[Ref, ...]


@dataclass(frozen=True)
class NodeChange:
    """A node that ``began``/``ended``/was ``renamed`` (dates) or was ``added``/``removed``/``changed`` (versions).

    ``properties`` holds the changed properties, ``citation`` a changed citation (document, section, clauses).
    """

    node: Ref
    kind: str
    change: str
    properties: dict[str, Change] = field(default_factory=dict)
    citation: Change | None = None


@dataclass(frozen=True)
class RelationChange:
    """A relationship ``added``, ``removed`` or ``changed``; ``properties`` are its own (the old ones if removed)."""

    change: str
    source: Ref
    type: str
    target: Ref
    topic: str | None
    properties: dict[str, Any]
    changed: dict[str, Change] = field(default_factory=dict)
    citation: Change | None = None


@dataclass(frozen=True)
class CouncilChanges:
    """The changes that belong to one council (``None``: the region as a whole)."""

    council: Ref | None
    posts: tuple[PostChange, ...]
    nodes: tuple[NodeChange, ...]
    relations: tuple[RelationChange, ...]


@dataclass(frozen=True)
class Diff:
    """The answer of :func:`diff_dates` (``kind`` ``dates``) or :func:`diff_versions` (``versions``)."""

    kind: str
    before: str
    after: str
    changes: int
    councils: tuple[CouncilChanges, ...]


# --- between two dates ---------------------------------------------------------------------------


def diff_dates(before: Backend, after: Backend) -> Diff:
    """What changed between the model on ``before.day`` and on ``after.day`` (any backends, same data)."""
    old, new = snapshot(before), snapshot(after)
    posts: list[tuple[str | None, PostChange]] = []
    for post in sorted({n for g in (old, new) for n, d in g.nodes(data=True) if d["kind"] == Kind.POST}):
        was, now = holders(old, post), holders(new, post)
        if was == now:
            continue
        change = "filled" if not was else "vacated" if not now else "changed"
        graph = new if post in new else old
        posts.append((council_of(graph, post), PostChange(ref(graph, post), graph.nodes[post].get("role"), change,
                                                          tuple(ref(old, p) for p in was),
                                                          tuple(ref(new, p) for p in now))))
    nodes: list[tuple[str | None, NodeChange]] = []
    for node_id in sorted(set(old) ^ set(new)):
        graph = new if node_id in new else old
        nodes.append((council_of(graph, node_id), NodeChange(ref(graph, node_id), graph.nodes[node_id]["kind"],
                                                             "began" if graph is new else "ended")))
    for node_id in sorted(set(old) & set(new)):
        renamed = {key: Change(old.nodes[node_id].get(key), new.nodes[node_id].get(key)) for key in ("name", "aka")
                   if old.nodes[node_id].get(key) != new.nodes[node_id].get(key)}
        if renamed:
            nodes.append((council_of(new, node_id), NodeChange(ref(new, node_id), new.nodes[node_id]["kind"],
                                                               "renamed", renamed)))
    relations = [(council, change) for graph, kind, edges in ((old, "removed", _edges(old) - _edges(new)),
                                                                (new, "added", _edges(new) - _edges(old)))
                 for council, change in _relation_changes(graph, kind, edges)]
    return _assemble("dates", before.day.isoformat(), after.day.isoformat(), posts, nodes, relations, old, new)


def _edges(graph: nx.MultiDiGraph) -> Counter:
    """Every relationship but holdings (those are post changes) as ``(from, type, to, properties)``."""
    return Counter((u, data["type"], v, canonical({k: x for k, x in data.items() if k != "type"}))
                   for u, v, data in graph.edges(data=True) if data["type"] != Rel.HOLDS)


def _relation_changes(graph: nx.MultiDiGraph, kind: str, edges: Counter) -> list[tuple[str | None, RelationChange]]:
    import json

    found = []
    for (u, rel_type, v, props), count in sorted(edges.items()):
        properties = json.loads(props)
        for _ in range(count):
            found.append((_council_of_edge(graph, u, v),
                          RelationChange(kind, ref(graph, u), rel_type, ref(graph, v), properties.get("topic"),
                                         properties)))
    return found


def _council_of_edge(graph: nx.MultiDiGraph, source: str, target: str) -> str | None:
    return council_of(graph, source) or council_of(graph, target)


# --- between two versions ------------------------------------------------------------------------


def diff_versions(old: nx.MultiDiGraph, new: nx.MultiDiGraph, before: str = "old", after: str = "new") -> Diff:
    """What changed from one version of the model to another (their whole graphs, every date)."""
    nodes: list[tuple[str | None, NodeChange]] = []
    for node_id in sorted(set(old) | set(new)):
        if node_id not in new or node_id not in old:
            graph = new if node_id in new else old
            nodes.append((council_of(graph, node_id),
                          NodeChange(ref(graph, node_id), graph.nodes[node_id]["kind"],
                                     "added" if graph is new else "removed")))
            continue
        properties, citation = _compare(dict(old.nodes[node_id]), dict(new.nodes[node_id]))
        if properties or citation:
            nodes.append((council_of(new, node_id), NodeChange(ref(new, node_id), new.nodes[node_id]["kind"],
                                                               "changed", properties, citation)))
    relations = _relations_between(old, new)
    return _assemble("versions", before, after, [], nodes, relations, old, new)


def _compare(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Change], Change | None]:
    """The changed properties, and the changed citation, of one node or relationship."""
    changed = {key: Change(old.get(key), new.get(key)) for key in sorted(set(old) | set(new))
               if key not in CITATION_KEYS and canonical({"v": old.get(key)}) != canonical({"v": new.get(key)})}
    cited = [{"document": props.get(CITATION_KEYS[0]), "section": props.get(CITATION_KEYS[1]),
              **({"clauses": props[CITATION_KEYS[2]]} if props.get(CITATION_KEYS[2]) else {})}
             if props.get(CITATION_KEYS[0]) else None for props in (old, new)]
    return changed, Change(cited[0], cited[1]) if cited[0] != cited[1] else None


def _relations_between(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> list[tuple[str | None, RelationChange]]:
    def grouped(graph: nx.MultiDiGraph) -> dict[tuple, list[dict[str, Any]]]:
        groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for u, v, data in graph.edges(data=True):
            props = {k: x for k, x in data.items() if k != "type"}
            groups[(u, data["type"], v, props.get("topic") or "")].append(props)
        return {key: sorted(items, key=canonical) for key, items in groups.items()}

    before, after = grouped(old), grouped(new)
    found: list[tuple[str | None, RelationChange]] = []
    for key in sorted(set(before) | set(after)):
        u, rel_type, v, topic = key
        was, now = list(before.get(key, [])), list(after.get(key, []))
        for props in list(was):  # identical relationships are unchanged
            if any(canonical(props) == canonical(other) for other in now):
                was.remove(props)
                now.remove(next(o for o in now if canonical(o) == canonical(props)))
        graph = new if u in new and v in new else old
        council = _council_of_edge(graph, u, v)
        for old_props, new_props in zip(was, now, strict=False):
            changed, citation = _compare(old_props, new_props)
            found.append((council, RelationChange("changed", ref(graph, u), rel_type, ref(graph, v), topic or None,
                                                  new_props, changed, citation)))
        found += [(council, RelationChange("removed", ref(graph, u), rel_type, ref(graph, v), topic or None, p))
                  for p in was[len(now):]]
        found += [(council, RelationChange("added", ref(graph, u), rel_type, ref(graph, v), topic or None, p))
                  for p in now[len(was):]]
    return found


# --- grouping ------------------------------------------------------------------------------------


def _assemble(kind: str, before: str, after: str, posts: list, nodes: list, relations: list,
              old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> Diff:
    """Group the changes by council: councils by name, the region as a whole last."""
    groups: dict[str | None, dict[str, list]] = defaultdict(lambda: {"posts": [], "nodes": [], "relations": []})
    for name, items in (("posts", posts), ("nodes", nodes), ("relations", relations)):
        for council, item in items:
            groups[council][name].append(item)

    def order(council: str | None) -> tuple:
        return (1, "", "") if council is None else (0, _name(council, old, new), council)

    councils = tuple(CouncilChanges(None if c is None else ref(new if c in new else old, c),
                                    tuple(groups[c]["posts"]), tuple(groups[c]["nodes"]),
                                    tuple(groups[c]["relations"])) for c in sorted(groups, key=order))
    return Diff(kind, before, after, len(posts) + len(nodes) + len(relations), councils)


def _name(node_id: str, *graphs: nx.MultiDiGraph) -> str:
    return next((str(g.nodes[node_id]["name"]) for g in graphs if node_id in g), node_id)

