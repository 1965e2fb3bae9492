"""Who is represented where, on the backend's date: administrations × councils, and people × bodies.

:func:`representation` counts, for every administration and every council, the council's participant
posts (role ``member``) that represent the administration — a post's ``REPRESENTS``, or, for a post
that represents no administration, the administration each holder is ``EMPLOYED_BY`` — and names their
holders.  Every administration × council cell is there; an empty one has no posts.  A vacant post
that represents nobody is counted under ``unplaced``.

:func:`overload` lists the people holding at least ``min_posts`` posts, with the posts they hold in
each body (the body a post is ``POST_OF``).

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("examples") / "fictional"), dt.date(2026, 11, 23))
>>> table = representation(backend)
>>> cell = table.cell("su", "sr-ortopedi")
>>> cell.posts, [h.id for h in cell.holders]
(1, ['niklas-berglof'])
>>> table.cell("ftv", "sr-ortopedi").posts
0
>>> [(row.person.id, row.posts) for row in overload(backend).people]
[('mikael-hedenstrom', 2), ('stefan-hallengren', 2)]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from orgraph.backends.base import Backend, holders, related
from orgraph.query.escalation import Ref, council_posts
from orgraph.vocabulary import Kind, Rel, Role

__all__ = ["Cell", "Representation", "Overload", "PersonRow", "representation", "overload"]


@dataclass(frozen=True)
class Cell:
    """One administration × council cell: how many participant posts, which, and who holds them."""

    administration: str
    council: str
    posts: int
    post_ids: tuple[str, ...]
    holders: tuple[Ref, ...]


@dataclass(frozen=True)
class Representation:
    """Administrations × councils on a date; ``cells`` row by row (administration, then council)."""

    as_of: dt.date
    administrations: tuple[Ref, ...]
    councils: tuple[Ref, ...]
    cells: tuple[Cell, ...]
    unplaced: dict[str, tuple[str, ...]]

    def cell(self, administration: str, council: str) -> Cell:
        """The cell of one administration and one council."""
        return next(c for c in self.cells if c.administration == administration and c.council == council)


@dataclass(frozen=True)
class PersonRow:
    """A person with several posts: how many, and the posts by body id."""

    person: Ref
    posts: int
    bodies: dict[str, tuple[Ref, ...]]


@dataclass(frozen=True)
class Overload:
    """People × bodies for the people holding at least ``min_posts`` posts on the date."""

    as_of: dt.date
    min_posts: int
    bodies: tuple[Ref, ...]
    people: tuple[PersonRow, ...]


def _ref(node: dict) -> Ref:
    return Ref(node["id"], node["name"])


def _targets(backend: Backend, node_id: str, rel_type: str, kinds: tuple[str, ...] | None = None) -> list[dict]:
    return sorted((n.node for n in related(backend, node_id, rel_type) if kinds is None or n.node["kind"] in kinds),
                  key=lambda n: n["id"])


def representation(backend: Backend) -> Representation:
    """Administrations × councils: the participant posts representing each administration in each council."""
    administrations = backend.nodes([Kind.ADMINISTRATION])
    councils = backend.nodes([Kind.COUNCIL])
    posts: dict[tuple[str, str], list[str]] = defaultdict(list)
    held: dict[tuple[str, str], dict[str, Ref]] = defaultdict(dict)
    unplaced: dict[str, tuple[str, ...]] = {}
    for council in councils:
        lost = []
        for post in council_posts(backend, council["id"]):
            if post.get("role") != Role.MEMBER:
                continue
            people = [n.node for n in holders(backend, post["id"])]
            represents = _targets(backend, post["id"], Rel.REPRESENTS, (Kind.ADMINISTRATION,))
            if represents:
                for administration in represents:
                    posts[(administration["id"], council["id"])].append(post["id"])
                    held[(administration["id"], council["id"])].update({p["id"]: _ref(p) for p in people})
            elif not people:
                lost.append(post["id"])
            for person in people if not represents else []:
                for administration in _targets(backend, person["id"], Rel.EMPLOYED_BY, (Kind.ADMINISTRATION,)):
                    key = (administration["id"], council["id"])
                    if post["id"] not in posts[key]:
                        posts[key].append(post["id"])
                    held[key][person["id"]] = _ref(person)
        if lost:
            unplaced[council["id"]] = tuple(lost)
    cells = tuple(Cell(a["id"], c["id"], len(posts[(a["id"], c["id"])]), tuple(posts[(a["id"], c["id"])]),
                       tuple(ref for _, ref in sorted(held[(a["id"], c["id"])].items())))
                  for a in administrations for c in councils)
    return Representation(backend.day, tuple(map(_ref, administrations)), tuple(map(_ref, councils)), cells,
                          unplaced)


def overload(backend: Backend, min_posts: int = 2) -> Overload:
    """People × bodies for the people who hold at least ``min_posts`` posts on the backend's date."""
    rows = []
    bodies: dict[str, Ref] = {}
    for person in backend.nodes([Kind.PERSON]):
        posts = _targets(backend, person["id"], Rel.HOLDS, (Kind.POST,))
        if len(posts) < min_posts:
            continue
        by_body: dict[str, list[Ref]] = defaultdict(list)
        for post in posts:
            for body in _targets(backend, post["id"], Rel.POST_OF):
                bodies[body["id"]] = _ref(body)
                by_body[body["id"]].append(_ref(post))
        rows.append(PersonRow(_ref(person), len(posts), {b: tuple(p) for b, p in sorted(by_body.items())}))
    return Overload(backend.day, min_posts, tuple(ref for _, ref in sorted(bodies.items())), tuple(rows))
