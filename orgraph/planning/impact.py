"""What if a person leaves or a post falls vacant, on the backend's date.

:func:`impact` ends, on a copy of the model on that date (:func:`~orgraph.planning.graphs.snapshot`;
the backend and its data are never changed), every holding of the people named and of the posts named,
and reports:

- ``posts``: the posts whose holders leave, and whether each becomes vacant (a post with other holders
  stays held);
- ``routes``: the escalation routes (:func:`~orgraph.query.escalation.escalate`, for each council ×
  topic, from the topic's default start) on which a post becomes vacant — the start, a hop's end, or the
  decider — with the hop it is at;
- ``new_findings`` / ``resolved_findings``: the rules (:func:`orgraph.rules.check`) run on the changed
  copy and on the unchanged one, and what only the changed one finds, or only the unchanged one;
- ``bridges``: for each person named, whether they are the only link between bodies in the graph of
  people, posts and bodies (``HOLDS``, ``EMPLOYED_BY``, ``POST_OF``, ``MEMBER_OF``, ``REPRESENTS``): the
  groups of bodies that fall apart without them (an articulation point).

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("examples") / "fictional"), dt.date(2026, 11, 23))
>>> found = impact(backend, ["ingrid-malmvik"])
>>> [(p.post.id, p.vacant) for p in found.posts]
[('sr-ortopedi-ordforande', True)]
>>> sorted({f["rule"] for f in found.new_findings})
['chair-contact-different-administrations', 'vacant-post']
>>> [b.person.id for b in impact(backend, ["viktor-hedlof"]).bridges]
['viktor-hedlof']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.backends.base import Backend
from orgraph.planning.graphs import council_of, holders, ref, snapshot
from orgraph.query.escalation import Ref, Route, UnknownId, escalate
from orgraph.rules import Options, check
from orgraph.vocabulary import Kind, Rel

__all__ = ["Impact", "VacatedPost", "RouteLoss", "Loss", "Bridge", "impact", "vacated", "LINK_TYPES"]

#: The relationships of the graph of people, posts and bodies in which a person may be the only link.
LINK_TYPES = (Rel.HOLDS, Rel.EMPLOYED_BY, Rel.POST_OF, Rel.MEMBER_OF, Rel.REPRESENTS)


@dataclass(frozen=True)
class VacatedPost:
    """A post some holders leave: who leaves, who stays, and whether it becomes ``vacant``."""

    post: Ref
    role: str | None
    council: Ref | None
    leaving: tuple[Ref, ...]
    staying: tuple[Ref, ...]
    vacant: bool


@dataclass(frozen=True)
class Loss:
    """A post on a route that becomes vacant: at hop ``hop`` (1-based; ``None``: no hops), or the ``decider``."""

    post: Ref
    holders: tuple[Ref, ...]
    hop: int | None
    decider: bool


@dataclass(frozen=True)
class RouteLoss:
    """An escalation route (number ``route`` of the council's routes for the topic) that loses holders."""

    council: Ref
    topic: str
    route: int
    path: tuple[str, ...]
    losses: tuple[Loss, ...]


@dataclass(frozen=True)
class Bridge:
    """A person who is the only link between groups of bodies: ``separates`` lists the groups."""

    person: Ref
    separates: tuple[tuple[Ref, ...], ...]


@dataclass(frozen=True)
class Impact:
    """The answer of :func:`impact`; see the module docstring."""

    as_of: dt.date
    vacate: tuple[Ref, ...]
    posts: tuple[VacatedPost, ...]
    routes: tuple[RouteLoss, ...]
    new_findings: tuple[dict[str, Any], ...]
    resolved_findings: tuple[dict[str, Any], ...]
    bridges: tuple[Bridge, ...]


def vacated(graph: nx.MultiDiGraph, node_ids: Iterable[str]) -> tuple[nx.MultiDiGraph, list[tuple[str, str]]]:
    """A copy of ``graph`` without the holdings of these people and posts, and the ``(person, post)`` ended.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", kind="Person"); g.add_node("x", kind="Post")
    >>> _ = g.add_edge("p", "x", type="HOLDS")
    >>> copy, ended = vacated(g, ["p"])
    >>> ended, copy.number_of_edges(), g.number_of_edges()
    ([('p', 'x')], 0, 1)
    """
    ended: list[tuple[str, str]] = []
    for node_id in node_ids:
        if graph.nodes[node_id]["kind"] == Kind.PERSON:
            ended += [(node_id, post) for post in _held(graph, node_id)]
        else:
            ended += [(person, node_id) for person in holders(graph, node_id)]
    ended = sorted(set(ended))
    copy = graph.copy()
    for person, post in ended:
        for key in [k for k, data in copy.get_edge_data(person, post, default={}).items() if data["type"] == Rel.HOLDS]:
            copy.remove_edge(person, post, key)
    return copy, ended


def _held(graph: nx.MultiDiGraph, person: str) -> list[str]:
    return sorted({v for _, v, data in graph.out_edges(person, data=True) if data["type"] == Rel.HOLDS})


def impact(backend: Backend, node_ids: Iterable[str], options: Options | None = None) -> Impact:
    """What ending the holdings of these people and posts on the backend's date breaks (see the module text).

    Raises :class:`~orgraph.query.escalation.UnknownId` for an id that is not a person or post on the date.
    """
    graph = snapshot(backend)
    wanted = list(dict.fromkeys(node_ids))
    for node_id in wanted:
        if node_id not in graph or graph.nodes[node_id]["kind"] not in (Kind.PERSON, Kind.POST):
            raise UnknownId("person or post", node_id, sorted(n for n, d in graph.nodes(data=True)
                                                              if d["kind"] in (Kind.PERSON, Kind.POST)))
    changed, ended = vacated(graph, wanted)
    posts = _posts(graph, changed, ended)
    now_vacant = {p.post.id for p in posts if p.vacant}
    before, after = (check(g, backend.day, options or Options()) for g in (graph, changed))
    seen_before = {_key(f) for f in before.findings}
    seen_after = {_key(f) for f in after.findings}
    return Impact(
        as_of=backend.day,
        vacate=tuple(ref(graph, n) for n in wanted),
        posts=posts,
        routes=_routes(backend, graph, now_vacant),
        new_findings=tuple(f.to_json() for f in after.findings if _key(f) not in seen_before),
        resolved_findings=tuple(f.to_json() for f in before.findings if _key(f) not in seen_after),
        bridges=tuple(b for n in wanted if graph.nodes[n]["kind"] == Kind.PERSON and (b := _bridge(graph, n))),
    )


def _key(finding: Any) -> tuple:
    return finding.rule, finding.variant, finding.focus


def _posts(graph: nx.MultiDiGraph, changed: nx.MultiDiGraph, ended: list[tuple[str, str]]) -> tuple[VacatedPost, ...]:
    found = []
    for post in sorted({post for _, post in ended}):
        council = council_of(graph, post)
        staying = holders(changed, post)
        found.append(VacatedPost(ref(graph, post), graph.nodes[post].get("role"),
                                 ref(graph, council) if council else None,
                                 tuple(ref(graph, p) for p, q in ended if q == post),
                                 tuple(ref(graph, p) for p in staying), not staying))
    return tuple(found)


def _routes(backend: Backend, graph: nx.MultiDiGraph, vacant: set[str]) -> tuple[RouteLoss, ...]:
    """The routes, for every council and topic, on which a post becomes vacant."""
    if not vacant:
        return ()
    found = []
    for council in backend.nodes([Kind.COUNCIL]):
        for topic in backend.nodes([Kind.TOPIC]):
            if topic["id"] not in vocabulary.TOPICS:  # pragma: no cover - the loader admits declared topics only
                continue
            routes = escalate(backend, council["id"], topic["id"]).routes
            for number, route in enumerate(routes, 1):
                losses = _losses(graph, route, vacant)
                if losses:
                    path = tuple([route.hops[0].from_id] + [h.to_id for h in route.hops]) if route.hops else \
                        ((route.decider.id,) if route.decider else ())
                    found.append(RouteLoss(ref(graph, council["id"]), topic["id"], number, path, losses))
    return tuple(found)


def _losses(graph: nx.MultiDiGraph, route: Route, vacant: set[str]) -> tuple[Loss, ...]:
    at: dict[str, int | None] = {}
    for index, hop in enumerate(route.hops, 1):
        for node_id in (hop.from_id, hop.to_id):
            at.setdefault(node_id, index)
    decider = route.decider.id if route.decider else None
    if decider is not None:
        at.setdefault(decider, None)
    return tuple(Loss(ref(graph, node_id), tuple(ref(graph, p) for p in holders(graph, node_id)), hop,
                      node_id == decider) for node_id, hop in at.items() if node_id in vacant)


def _bridge(graph: nx.MultiDiGraph, person: str) -> Bridge | None:
    """The person as the only link between groups of bodies, or ``None`` when they are not."""
    links = nx.Graph()
    for u, v, data in graph.edges(data=True):
        if data["type"] in LINK_TYPES:
            links.add_edge(u, v)
    if person not in links:
        return None
    around = nx.node_connected_component(links, person) - {person}
    groups = sorted(sorted(n for n in part if graph.nodes[n]["kind"] in vocabulary.BODY_LABELS)
                    for part in nx.connected_components(links.subgraph(around)))
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return None
    return Bridge(ref(graph, person), tuple(tuple(ref(graph, n) for n in g) for g in groups))
