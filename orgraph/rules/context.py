"""The reads rules make of the graph on one date: a thin, pure layer over networkx.

``graph`` is the view on ``day`` (:func:`orgraph.model.graph.as_of`): nodes and
edges outside the date are gone, and an edge is there only when both its ends
are.  ``full`` is the whole graph, for the few rules that look at what has
ended (a person's past employment).

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> ctx = Context.of(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> ctx.posts_of("sr-ortopedi", "chair")
['sr-ortopedi-ordforande']
>>> ctx.holders("sr-ortopedi-ordforande")
[]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import networkx as nx

from orgraph.model.graph import Model, as_of, holders_in, sources, targets
from orgraph.rules.base import Options
from orgraph.vocabulary import Kind, Rel

__all__ = ["Context"]


@dataclass(frozen=True)
class Context:
    """The graph on one date, the whole graph, the date and the run's options."""

    graph: nx.MultiDiGraph
    full: nx.MultiDiGraph
    day: dt.date
    options: Options

    @classmethod
    def of(cls, model_or_graph: Model | nx.MultiDiGraph, day: dt.date, options: Options | None = None) -> Context:
        """The context for a :class:`~orgraph.model.graph.Model` (or its whole graph) on ``day``."""
        full = model_or_graph.graph() if isinstance(model_or_graph, Model) else model_or_graph
        return cls(as_of(full, day), full, day, options or Options())

    def node(self, node_id: str | None) -> dict[str, Any] | None:
        """The properties of a node (from the whole graph, so that names of past nodes still show)."""
        if node_id is None or node_id not in self.full:
            return None
        return self.full.nodes[node_id]

    def kind(self, node_id: str) -> str | None:
        """The node's kind (label), or None when it is not there on the date."""
        return self.graph.nodes[node_id]["kind"] if node_id in self.graph else None

    def of_kind(self, kind: str) -> list[str]:
        """The ids of every node of ``kind`` on the date, sorted."""
        return sorted(n for n, data in self.graph.nodes(data=True) if data["kind"] == kind)

    def out(self, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
        """Where ``rel_type`` edges from ``node_id`` lead (optionally only to ``kind``), sorted, distinct."""
        return targets(self.graph, node_id, rel_type, kind)

    def into(self, node_id: str, rel_type: str, kind: str | None = None) -> list[str]:
        """Where ``rel_type`` edges into ``node_id`` come from (optionally only from ``kind``), sorted, distinct."""
        return sources(self.graph, node_id, rel_type, kind)

    def role(self, post_id: str) -> str | None:
        """A post's role."""
        return self.graph.nodes[post_id].get("role") if post_id in self.graph else None

    def posts_of(self, body: str, role: str | None = None) -> list[str]:
        """The posts of a body (``POST_OF`` it), optionally only those with ``role``, sorted."""
        return [p for p in self.into(body, Rel.POST_OF, Kind.POST) if role is None or self.role(p) == role]

    def council_posts(self, role: str) -> list[tuple[str, str]]:
        """``(council, post)`` for every post with ``role`` that is a post of a council, sorted."""
        return [(council, post) for council in self.of_kind(Kind.COUNCIL) for post in self.posts_of(council, role)]

    def holders(self, post_id: str) -> list[str]:
        """The people holding a post on the date, sorted (empty: the post is vacant)."""
        return holders_in(self.graph, post_id)

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
        for region in self.of_kind(Kind.REGION):
            office = self.graph.nodes[region].get(name)
            if office is not None and self.kind(office) == kind and (role is None or self.role(office) == role):
                found[region] = office
            else:
                missing.append(region)
        return found, missing

    def council_of(self, post_or_body: str) -> str | None:
        """The council a post belongs to (the smallest id if several), or None."""
        councils = self.out(post_or_body, Rel.POST_OF, Kind.COUNCIL)
        return councils[0] if councils else None
