"""The reads rules make of the model on one date: a thin, pure layer over the model's :class:`Snapshot`.

``on`` is the model on ``day`` (:meth:`orgraph.model.graph.Model.on`, built once per date and shared by
every read in the command): nodes and edges outside the date are gone, and an edge is there only when
both its ends are.  ``whole`` and ``edges`` are the whole model (``incidence`` indexes its edges by
node), for the names of past nodes and the few rules that look at what has ended (a person's past
employment).  No rule needs a networkx graph; a rule reads only through the methods here.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> model = load(data_dir("seed"))
>>> ctx = Context.of(model, dt.date(2026, 11, 23))
>>> ctx.posts_of("sr-ortopedi", "chair")
['sr-ortopedi-ordforande']
>>> ctx.holders("sr-ortopedi-ordforande")
[]
>>> ctx.on is model.on(dt.date(2026, 11, 23))
True
>>> ctx.out("sr-ortopedi", "HAS_MANDAT")
Traceback (most recent call last):
ValueError: 'HAS_MANDAT' is not a valid Rel
>>> Context.of(model.graph(), dt.date(2026, 11, 23)).posts_of("sr-ortopedi", "chair")
['sr-ortopedi-ordforande']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import ItemsView, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orgraph.model.graph import Edge, Model, declared
from orgraph.model.snapshot import Incidence, Snapshot, valid_on
from orgraph.rules.base import Options
from orgraph.vocabulary import Kind, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Context"]

_EMPTY: Mapping[str, Any] = {}


@dataclass(frozen=True)
class Context:
    """The model on one date, the whole model (nodes, edges and their incidence), the date and the options.

    Without ``incidence``, it is built from ``whole`` and ``edges`` when first needed.
    """

    on: Snapshot
    whole: Mapping[str, dict[str, Any]]
    edges: Sequence[Edge]
    day: dt.date
    options: Options
    incidence: Incidence | None = field(default=None, repr=False)

    @classmethod
    def of(cls, model_or_graph: Model | nx.MultiDiGraph, day: dt.date, options: Options | None = None) -> Context:
        """The context for a :class:`~orgraph.model.graph.Model` (its shared snapshot) or a whole graph on ``day``."""
        options = options or Options()
        if isinstance(model_or_graph, Model):
            compiled = model_or_graph.compiled
            return cls(model_or_graph.on(day), compiled.nodes, compiled.edges, day, options, compiled.incidence())
        nodes = dict(model_or_graph.nodes(data=True))
        edges = list(model_or_graph.edges(data=True))
        return cls(Snapshot(nodes, edges, day), nodes, edges, day, options)

    def node(self, node_id: str | None) -> dict[str, Any] | None:
        """The properties of a node: on the date (its name of the day) when it is there, else from the whole
        model, so that names of past nodes still show."""
        if node_id is None:
            return None
        return self.on.nodes.get(node_id) or self.whole.get(node_id)

    def props(self, node_id: str) -> Mapping[str, Any]:
        """The properties of a node on the date (its name of the day); empty when it is not there."""
        return self.on.nodes.get(node_id, _EMPTY)

    def nodes(self) -> ItemsView[str, dict[str, Any]]:
        """``(id, properties)`` of every node on the date, in the model's order."""
        return self.on.nodes.items()

    def kind(self, node_id: str) -> str | None:
        """The node's kind (label), or None when it is not there on the date."""
        props = self.on.nodes.get(node_id)
        return None if props is None else props["kind"]

    def of_kind(self, kind: str) -> list[str]:
        """The ids of every node of ``kind`` on the date, sorted."""
        return list(self.on.of_kind(kind))

    def out(self, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
        """Where ``rel_type`` edges from ``node_id`` lead (optionally only to ``kind``), sorted, distinct."""
        return self._adjacent(node_id, rel_type, kind, "out")

    def into(self, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
        """Where ``rel_type`` edges into ``node_id`` come from (optionally only from ``kind``), sorted, distinct."""
        return self._adjacent(node_id, rel_type, kind, "in")

    def _adjacent(self, node_id: str, rel_type: str, kind: str | None, direction: str) -> list[str]:
        declared(rel_type, kind)
        found = self.on.adjacent(node_id, rel_type, direction)
        if kind is None:
            return list(found)
        nodes = self.on.nodes
        return [n for n in found if nodes[n]["kind"] == kind]

    def pairs(self, rel_type: str) -> list[tuple[str, str]]:
        """``(source, target)`` of every ``rel_type`` edge on the date, in the model's order."""
        declared(rel_type, None)
        kept, day = self.on.nodes, self.day
        return [(source, target) for source, target, data in self.edges if data["type"] == rel_type
                and source in kept and target in kept and valid_on(data, day)]

    def out_ever(self, node_id: str, rel_type: str) -> list[tuple[str, dict[str, Any]]]:
        """``(target, properties)`` of every ``rel_type`` edge from ``node_id`` in the whole model, past ones
        too, in the model's order (empty for a node the model does not have)."""
        declared(rel_type, None)
        incidence = self.incidence
        if incidence is None:
            incidence = Incidence.of(self.whole, self.edges)
            object.__setattr__(self, "incidence", incidence)
        if node_id not in incidence.position:
            return []
        edges = self.edges
        return [(edges[number][1], edges[number][2]) for number in incidence.out_of(node_id)
                if edges[number][2]["type"] == rel_type]

    def role(self, post_id: str) -> str | None:
        """A post's role."""
        props = self.on.nodes.get(post_id)
        return None if props is None else props.get("role")

    def posts_of(self, body: str, role: str | None = None) -> list[str]:
        """The posts of a body (``POST_OF`` it), optionally only those with ``role``, sorted."""
        return self.on.posts_of(body, role)

    def council_posts(self, role: str) -> list[tuple[str, str]]:
        """``(council, post)`` for every post with ``role`` that is a post of a council, sorted."""
        return [(council, post) for council in self.on.of_kind(Kind.COUNCIL) for post in self.posts_of(council, role)]

    def holders(self, post_id: str) -> list[str]:
        """The people holding a post on the date, sorted (empty: the post is vacant)."""
        return self.on.holders(post_id)

    def employers(self, person_id: str) -> list[str]:
        """The administrations a person works in on the date (``EMPLOYED_BY``), sorted."""
        return self.out(person_id, Rel.EMPLOYED_BY, Kind.ADMINISTRATION)

    def regions_of(self, body: str) -> list[str]:
        """The regions a body is part of on the date (``PART_OF`` a Region), sorted."""
        return self.out(body, Rel.PART_OF, Kind.REGION)

    def offices(self, name: str, kind: str, role: str | None = None) -> tuple[dict[str, str], list[str]]:
        """Each region's office ``name`` (``regional_director``, ``group_head_office``) that is a ``kind`` (of
        ``role``) on the date, by region; and the regions, sorted, that name none or one that is not."""
        found: dict[str, str] = {}
        missing: list[str] = []
        for region in self.on.of_kind(Kind.REGION):
            office = self.on.nodes[region].get(name)
            if office is not None and self.kind(office) == kind and (role is None or self.role(office) == role):
                found[region] = office
            else:
                missing.append(region)
        return found, missing

    def council_of(self, post_or_body: str) -> str | None:
        """The council a post belongs to (the smallest id if several), or None."""
        councils = self.out(post_or_body, Rel.POST_OF, Kind.COUNCIL)
        return councils[0] if councils else None
