"""Escalation routes, computed from the data over any backend's generic reads.

"A question about TOPIC has come up in COUNCIL: where does it go, and through whom?"
:func:`escalate` answers from the graph alone, never from a Python ``if`` on a topic:

1. **Start.** The council's post (a node with ``POST_OF`` → the council) whose ``role`` is the Topic
   node's ``default_role`` (when several posts share it: the first by id, the others are named in
   ``other_starts``); with ``default_role`` empty, the council itself; or the post ``from_post``.
2. **Decided at the start.** If the start ``MAY_DECIDE`` the topic, the route has no hops.
3. **Otherwise** follow every ``ESCALATES_TO`` edge whose ``topic`` is the topic (on the backend's
   date). Several outgoing edges are alternatives: each becomes its own :class:`Route` (up the line
   through posts first, then to bodies; by id within each). A route ends at
   the first node that ``MAY_DECIDE`` the topic (its ``decider``); a route that runs out before one
   does ends with ``decider`` ``None``. Cycles are cut.
4. **Silence.** With no route from the start, ``stated`` is false: the council's text says nothing.
   ``mandate_documents`` names the council's mandate (``HAS_MANDATE``), ``other_starts`` the council's
   posts from which a route *is* stated, and ``other_texts`` which other councils' texts state a route
   for the topic, and where to.

Every hop names both ends, their holders on the date (``None``: vacant, for a post) and their
administration (the holder's ``EMPLOYED_BY``, else the post's ``REPRESENTS``, else the administration
the post is ``POST_OF``), the relationship, its reason and its source.  All results are frozen
dataclasses that :func:`orgraph.model.values.plain` turns into JSON.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> found = escalate(backend, "sr-ortopedi", "region-wide-decision")
>>> [(hop.from_id, hop.to_id) for hop in found.routes[0].hops]
[('sr-ortopedi-ordforande', 'sr-ortopedi-kontaktperson'), ('sr-ortopedi-kontaktperson', 'lg-hs')]
>>> found.routes[0].decider.id, found.routes[0].hops[0].source.section
('lg-hs', 'Beslutsfattande')
>>> escalate(backend, "sr-ortopedi", "organisation-and-working-conditions").stated
False
"""

from __future__ import annotations

from typing import Any

from orgraph import vocabulary
from orgraph.backends.base import IN, OUT, Backend, related
from orgraph.query.escalation_shapes import (  # the answer's shapes, re-exported here
    DocumentRef,
    Escalation,
    EscalationHop,
    OtherText,
    Party,
    Ref,
    Route,
    Source,
    TopicRef,
    UnknownId,
)
from orgraph.vocabulary import Basis, Kind, Rel

__all__ = ["MAX_HOPS", "UnknownId", "Ref", "Source", "DocumentRef", "Party", "EscalationHop", "Route", "TopicRef",
           "OtherText", "Escalation", "out_neighbours", "HopReader", "council_posts", "escalate"]

#: No route or line is followed further than this many hops (the data's longest is far shorter).
MAX_HOPS = 25




# --- reading the graph through the generic backend API -------------------------------------------


def out_neighbours(backend: Backend, node_id: str, rel_type: str) -> list[Any]:
    return related(backend, node_id, rel_type, OUT)


def _in(backend: Backend, node_id: str, rel_type: str) -> list[Any]:
    return related(backend, node_id, rel_type, IN)


def _ref(node: dict[str, Any]) -> Ref:
    return Ref(node["id"], node["name"])


def _source(backend: Backend, props: dict[str, Any], prefer: frozenset[str] = frozenset()) -> Source | None:
    """The citation to show: the first cited clause that stands in one of the ``prefer`` documents (the
    council's own mandate), else the first clause, else the older document and section."""
    clauses = [c for c in (backend.node(i) for i in props.get("source_clauses") or ()) if c is not None]
    if clauses:
        chosen = next((c for c in clauses if c.get("document") in prefer), clauses[0])
        document = backend.node(chosen["document"]) or {}
        return Source(chosen["document"], document.get("number"), document.get("date"), chosen.get("section"),
                      chosen["id"], chosen.get("text"))
    document_id = props.get("source_document")
    if not document_id:
        return None
    document = backend.node(document_id) or {}
    return Source(document_id, document.get("number"), document.get("date"), props.get("source_section"))


def _document(node: dict[str, Any]) -> DocumentRef:
    return DocumentRef(node["id"], node["name"], node.get("number"), node.get("date"), node.get("decided"))


class HopReader:
    """The backend, with the holder and administration of each node worked out once."""

    def __init__(self, backend: Backend, prefer: frozenset[str] = frozenset(), stated_only: bool = False):
        self.backend = backend
        self.stated_only = stated_only  # follow only what a clause states (no inferred hop or decider)
        self.prefer = prefer  # the documents whose clauses are cited first (the council's own mandate)
        self._people: dict[str, tuple[Ref | None, Ref | None]] = {}

    def node(self, node_id: str) -> dict[str, Any]:
        node = self.backend.node(node_id)
        if node is None:  # pragma: no cover - only if the backend changes under us
            raise UnknownId("node", node_id, [])
        return node

    def staffing(self, node: dict[str, Any]) -> tuple[Ref | None, Ref | None]:
        """(holder, administration) of a post; (None, None) for anything else."""
        node_id = node["id"]
        if node_id not in self._people:
            holder = administration = None
            if node["kind"] == Kind.POST:
                held_by = sorted((n.node for n in _in(self.backend, node_id, Rel.HOLDS)), key=lambda n: n["id"])
                holder = _ref(held_by[0]) if held_by else None
                employers = sorted((n.node for n in out_neighbours(self.backend, held_by[0]["id"], Rel.EMPLOYED_BY)),
                                   key=lambda n: n["id"]) if held_by else []
                represents = sorted((n.node for n in out_neighbours(self.backend, node_id, Rel.REPRESENTS)),
                                    key=lambda n: n["id"])
                post_of = sorted((n.node for n in out_neighbours(self.backend, node_id, Rel.POST_OF)
                                  if n.node["kind"] == Kind.ADMINISTRATION), key=lambda n: n["id"])
                found = employers or represents or post_of
                administration = _ref(found[0]) if found else None
            self._people[node_id] = (holder, administration)
        return self._people[node_id]

    def party(self, node: dict[str, Any], edge: dict[str, Any] | None = None) -> Party:
        holder, administration = self.staffing(node)
        edge = edge or {}
        return Party(node["id"], node["name"], node["kind"], holder, administration, edge.get("reason"),
                     _source(self.backend, edge, self.prefer) if edge else None, edge.get("basis"),
                     edge.get("rationale"))

    def hop(self, start: dict[str, Any], neighbour: Any) -> EscalationHop:
        end = neighbour.node
        holder, administration = self.staffing(end)
        from_holder, from_administration = self.staffing(start)
        props = neighbour.properties
        return EscalationHop(start["id"], start["name"], start["kind"], end["id"], end["name"], end["kind"],
                             neighbour.type, props.get("reason"), _source(self.backend, props, self.prefer), holder,
                             administration, from_holder, from_administration, props.get("basis"),
                             props.get("rationale"))


# --- escalation ----------------------------------------------------------------------------------


def council_posts(backend: Backend, council_id: str) -> list[dict[str, Any]]:
    """The posts of a council (``POST_OF`` → the council), sorted by id."""
    return sorted((n.node for n in _in(backend, council_id, Rel.POST_OF) if n.node["kind"] == Kind.POST),
                  key=lambda n: n["id"])


class Deciders:
    """Who ``MAY_DECIDE`` a topic, asked node by node: a node's id → the properties of that edge.

    Each node on a route is asked about its own ``MAY_DECIDE`` edges (a handful), never the topic about
    all of its deciders (one per council: hundreds at national scale), so that a route costs the same
    whatever the size of the model.  Where a node has several such edges to the topic, the last in
    backend order counts (as listing the topic's deciders by id would give).
    """

    def __init__(self, backend: Backend, topic_id: str, stated_only: bool = False):
        self.backend, self.topic_id, self.stated_only = backend, topic_id, stated_only
        self._known: dict[str, dict[str, Any] | None] = {}

    def get(self, node_id: str, default: dict[str, Any] | None = None) -> dict[str, Any] | None:
        if node_id not in self._known:
            edges = [n.properties for n in out_neighbours(self.backend, node_id, Rel.MAY_DECIDE)
                     if n.node["id"] == self.topic_id
                     and not (self.stated_only and n.properties.get("basis") == Basis.INFERRED)]
            self._known[node_id] = edges[-1] if edges else None
        found = self._known[node_id]
        return default if found is None else found

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and self.get(node_id) is not None

    def __getitem__(self, node_id: str) -> dict[str, Any]:
        found = self.get(node_id)
        if found is None:
            raise KeyError(node_id)
        return found


def _routes(reader: HopReader, start: dict[str, Any], topic_id: str,
            deciders: Deciders) -> tuple[Route, ...]:
    """Every route from ``start`` over ESCALATES_TO edges of the topic, each to its first decider."""
    if start["id"] in deciders:
        return (Route((), reader.party(start, deciders[start["id"]])),)
    routes: list[Route] = []
    _walk(reader, start, (), frozenset({start["id"]}), topic_id, deciders, routes)
    return tuple(routes)


def _walk(reader: HopReader, node: dict[str, Any], hops: tuple[EscalationHop, ...], seen: frozenset[str],
          topic_id: str, deciders: Deciders, routes: list[Route]) -> None:
    """One step of :func:`_routes` (a plain function, not a closure: a recursive closure is a reference
    cycle, left for the garbage collector with every route it built)."""
    onward = sorted((n for n in out_neighbours(reader.backend, node["id"], Rel.ESCALATES_TO)
                     if n.properties.get("topic") == topic_id and n.node["id"] not in seen
                     and not (reader.stated_only and n.properties.get("basis") == Basis.INFERRED)),
                    key=lambda n: (n.node["kind"] != Kind.POST, n.node["id"],
                                   str(n.properties.get("source_document"))))
    if hops and (not onward or len(hops) >= MAX_HOPS):
        routes.append(Route(hops, None))
        return
    for neighbour in onward:
        step = hops + (reader.hop(node, neighbour),)
        target = neighbour.node
        if target["id"] in deciders:
            routes.append(Route(step, reader.party(target, deciders[target["id"]])))
        else:
            _walk(reader, target, step, seen | {target["id"]}, topic_id, deciders, routes)


def _require(backend: Backend, node_id: str, kind: str, label: str) -> dict[str, Any]:
    node = backend.node(node_id)
    if node is None or node["kind"] != label:
        raise UnknownId(kind, node_id, [n["id"] for n in backend.nodes([label])])
    return node


def _start(backend: Backend, council: dict[str, Any], topic: dict[str, Any],
           from_post: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The node the question starts at, and the council's other candidates of the same role."""
    posts = council_posts(backend, council["id"])
    if from_post is not None:
        chosen = [p for p in posts if p["id"] == from_post]
        if not chosen:
            raise UnknownId(f"post of {council['id']}", from_post, [p["id"] for p in posts])
        return chosen[0], []
    role = topic.get("default_role")
    candidates = [p for p in posts if p.get("role") == role] if role else []
    if not candidates:
        return council, []
    return candidates[0], candidates[1:]


def escalate(backend: Backend, council_id: str, topic: str, from_post: str | None = None,
             stated_only: bool = False) -> Escalation:
    """Where a question of ``topic`` raised in ``council_id`` goes, on the backend's date.

    ``stated_only`` follows only what the texts state: a hop or a decider whose ``basis`` is ``inferred``
    is left out (a route then ends where the texts stop, with no decider).

    Raises :class:`UnknownId` (with the valid choices) for an unknown council, topic or post.
    """
    council = _require(backend, council_id, "council", Kind.COUNCIL)
    topic_node = _require(backend, topic, "topic", Kind.TOPIC)
    mandates = _mandates(backend, council_id)
    reader = HopReader(backend, frozenset(d.id for d in mandates), stated_only)
    start, same_role = _start(backend, council, topic_node, from_post)
    deciders = Deciders(backend, topic, stated_only)
    routes = _routes(reader, start, topic, deciders)
    stated = bool(routes)
    if stated:
        others = [p for p in same_role if _routes(reader, p, topic, deciders)]
    else:
        others = [p for p in [council] + council_posts(backend, council_id)
                  if p["id"] != start["id"] and _routes(reader, p, topic, deciders)]
    return Escalation(
        council=_ref(council),
        topic=TopicRef(topic_node["id"], topic_node["name"], vocabulary.TOPICS[topic].question),
        as_of=getattr(backend, "day", None),
        start=reader.party(start, deciders.get(start["id"])),
        routes=routes,
        decided_at_start=stated and not routes[0].hops,
        stated=stated,
        mandate_documents=mandates,
        other_starts=tuple(_ref(p) for p in others),
        other_texts=() if stated or others else _other_texts(reader, council_id, topic, deciders),
        stated_only=stated_only,
    )


def _mandates(backend: Backend, council_id: str) -> tuple[DocumentRef, ...]:
    """The council's mandate documents (``HAS_MANDATE``), by id."""
    return tuple(_document(n.node) for n in sorted(out_neighbours(backend, council_id, Rel.HAS_MANDATE),
                                                    key=lambda n: n.node["id"]))


def _other_texts(reader: HopReader, council_id: str, topic_id: str,
                 deciders: Deciders) -> tuple[OtherText, ...]:
    """The other councils whose data state a route for the topic, from their default start."""
    backend = reader.backend
    topic_node = reader.node(topic_id)
    found = []
    for council in backend.nodes([Kind.COUNCIL]):
        if council["id"] == council_id:
            continue
        start, _ = _start(backend, council, topic_node, None)
        own = HopReader(backend, frozenset(d.id for d in _mandates(backend, council["id"])),  # its text first
                        reader.stated_only)
        routes = _routes(own, start, topic_id, deciders)
        if not routes:
            continue
        cited = {h.source.document for r in routes for h in r.hops if h.source}
        cited |= {r.decider.source.document for r in routes if not r.hops and r.decider and r.decider.source}
        documents = tuple(_document(reader.node(d)) for d in sorted(cited) if backend.node(d))
        ends = {r.decider.id: r.decider for r in routes if r.decider}
        found.append(OtherText(_ref(council), documents,
                               tuple(Ref(p.id, p.name) for _, p in sorted(ends.items()))))
    return tuple(found)
