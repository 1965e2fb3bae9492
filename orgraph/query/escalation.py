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

import datetime as dt
from dataclasses import dataclass
from typing import Any

from orgraph import vocabulary
from orgraph.backends.base import IN, OUT, Backend, related
from orgraph.vocabulary import Basis, Kind, Rel

#: No route or line is followed further than this many hops (the data's longest is far shorter).
MAX_HOPS = 25


class UnknownId(LookupError):
    """An id that is not in the model (or not of the kind asked for); ``valid`` lists the choices."""

    def __init__(self, kind: str, value: str, valid: list[str]):
        self.kind, self.value, self.valid = kind, value, valid
        super().__init__(f"unknown {kind} {value!r}")


@dataclass(frozen=True)
class Ref:
    """A node by id and name."""

    id: str
    name: str


@dataclass(frozen=True)
class Source:
    """Where a relationship comes from: the document's id, registry number and date, the section, and the
    clause cited (its id and verbatim text; ``None`` for an older citation of a section only).

    Of a fact's citations, an answer for a council shows one of the council's own mandate when there is one.
    """

    document: str
    number: str | None
    date: dt.date | str | None
    section: str | None
    clause: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A mandate document: id, name, registry number, date and decision date (``None``: never decided)."""

    id: str
    name: str
    number: str | None
    date: dt.date | str | None
    decided: dt.date | str | None


@dataclass(frozen=True)
class Party:
    """A post or body on a route: its holder (``None`` for a vacant post or a body) and administration.

    For a decider, ``reason``, ``source``, ``basis`` and ``rationale`` are those of its ``MAY_DECIDE`` edge.
    """

    id: str
    name: str
    kind: str
    holder: Ref | None
    administration: Ref | None
    reason: str | None = None
    source: Source | None = None
    basis: str | None = None
    rationale: str | None = None


@dataclass(frozen=True)
class EscalationHop:
    """One relationship walked: ``from -[type]-> to``, why (``reason``) and where it is written.

    ``holder`` and ``administration`` describe the node reached (``to``), ``from_holder`` and
    ``from_administration`` the node left; a post with several holders names the first by id.
    """

    from_id: str
    from_name: str
    from_kind: str
    to_id: str
    to_name: str
    to_kind: str
    type: str
    reason: str | None
    source: Source | None
    holder: Ref | None
    administration: Ref | None
    from_holder: Ref | None
    from_administration: Ref | None
    basis: str | None = None  # stated, or inferred (then ``rationale`` says why)
    rationale: str | None = None


@dataclass(frozen=True)
class Route:
    """The hops of one route, in order, and who holds the mandate at its end (``None``: nobody stated)."""

    hops: tuple[EscalationHop, ...]
    decider: Party | None


@dataclass(frozen=True)
class TopicRef:
    """A topic by id, its name in the data and the question it stands for."""

    id: str
    name: str
    question: str


@dataclass(frozen=True)
class OtherText:
    """Another council whose text states a route for the topic: the document it cites, where it ends."""

    council: Ref
    documents: tuple[DocumentRef, ...]
    deciders: tuple[Ref, ...]


@dataclass(frozen=True)
class Escalation:
    """The answer of :func:`escalate`; see the module docstring for how it is computed."""

    council: Ref
    topic: TopicRef
    as_of: dt.date | str | None
    start: Party
    routes: tuple[Route, ...]
    decided_at_start: bool
    stated: bool
    mandate_documents: tuple[DocumentRef, ...]
    other_starts: tuple[Ref, ...]
    other_texts: tuple[OtherText, ...]
    stated_only: bool = False


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


def _deciders(backend: Backend, topic_id: str) -> dict[str, dict[str, Any]]:
    """The ids of the nodes that MAY_DECIDE the topic → the properties of that edge."""
    return {n.node["id"]: n.properties for n in sorted(_in(backend, topic_id, Rel.MAY_DECIDE),
                                                       key=lambda n: n.node["id"])}


def _routes(reader: HopReader, start: dict[str, Any], topic_id: str,
            deciders: dict[str, dict[str, Any]]) -> tuple[Route, ...]:
    """Every route from ``start`` over ESCALATES_TO edges of the topic, each to its first decider."""
    if start["id"] in deciders:
        return (Route((), reader.party(start, deciders[start["id"]])),)
    routes: list[Route] = []

    def walk(node: dict[str, Any], hops: tuple[EscalationHop, ...], seen: frozenset[str]) -> None:
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
                walk(target, step, seen | {target["id"]})

    walk(start, (), frozenset({start["id"]}))
    return tuple(routes)


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
    deciders = {node_id: edge for node_id, edge in _deciders(backend, topic).items()
                if not (stated_only and edge.get("basis") == Basis.INFERRED)}
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
                 deciders: dict[str, dict[str, Any]]) -> tuple[OtherText, ...]:
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
