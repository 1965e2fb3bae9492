"""Every shortest path between two nodes, by a breadth-first search from both ends that stops early.

:func:`shortest_paths` expands, one whole layer at a time, the smaller of the two frontiers (from the
source and from the target), keeping each side's layers as sets of nodes.  The first layer that touches
the other side fixes the length; the edges that touch are the only ones crossing between the two
searches on a shortest path, so the paths are assembled through that meeting layer only: a node's steps
toward either end are its neighbours in the next layer nearer that end, worked out only for nodes on a
shortest path.  Nothing beyond ``max_hops`` is searched, and no node further from both ends than the
meeting layer is ever visited.

Paths come out in the order of the ids along them (the order of ``sorted`` on the lists of ids), one at
a time: taking only the first costs one walk down the steps, not all paths.

>>> adjacency = {"a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d"], "d": ["b", "c", "e"], "e": ["d"]}
>>> list(shortest_paths("a", "e", adjacency.__getitem__))
[['a', 'b', 'd', 'e'], ['a', 'c', 'd', 'e']]
>>> list(shortest_paths("a", "e", adjacency.__getitem__, max_hops=2))
[]
>>> next(shortest_paths("e", "e", adjacency.__getitem__))
['e']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import TypeVar

#: What :func:`shortest_paths_over` reads of a node, once for its outgoing and once for its incoming edges:
#: a sequence of tuples whose first item is the node at the other end.
Edges = Callable[[str], Sequence[tuple]]

#: A node as the search sees it: an id, or a position among the sorted ids (see :mod:`.adjacency`).
N = TypeVar("N", str, int)

__all__ = ["search", "shortest_paths", "shortest_paths_over"]

_FIRST = itemgetter(0)


def shortest_paths(source: str, target: str, neighbours: Callable[[str], Sequence[str]],
                   max_hops: int | None = None) -> Iterator[list[str]]:
    """Every shortest path from ``source`` to ``target`` (lists of ids), in sorted order; none past ``max_hops``.

    ``neighbours(node)`` gives the nodes one step away, in any order and possibly with repeats; the walk
    is undirected, so it must list both ways (``b`` among ``a``'s exactly when ``a`` is among ``b``'s).
    It is called at most once per node reached.
    """
    read: dict[str, list[tuple[str]]] = {}

    def edges(node: str) -> list[tuple[str]]:
        found = read.get(node)
        if found is None:
            found = read[node] = [(other,) for other in neighbours(node)]
        return found

    return shortest_paths_over(source, target, edges, lambda node: (), max_hops)


def shortest_paths_over(source: str, target: str, out: Edges, into: Edges, max_hops: int | None = None
                        ) -> Iterator[list[str]]:
    """:func:`shortest_paths` over a graph's own edge lists (see :data:`Edges`), walked either way.

    Nothing is copied per node read: what a :class:`~orgraph.model.snapshot.Snapshot` keeps is read as is,
    and a node's lists may be asked for again (the snapshot keeps them).

    >>> outgoing = {"a": [("b", {}), ("c", {})], "b": [("d", {})], "c": [("d", {})]}
    >>> incoming = {"b": [("a", {})], "c": [("a", {})], "d": [("b", {}), ("c", {})]}
    >>> list(shortest_paths_over("d", "a", lambda n: outgoing.get(n, ()), lambda n: incoming.get(n, ())))
    [['d', 'b', 'a'], ['d', 'c', 'a']]
    """
    first, flat = _FIRST, chain.from_iterable

    def expand(layer: set[str]) -> set[str]:
        reached = set(map(first, flat(map(out, layer))))
        reached.update(map(first, flat(map(into, layer))))
        return reached

    def neighbours(node: str) -> Iterable[str]:
        return map(first, chain(out(node), into(node)))

    return search(source, target, expand, neighbours, max_hops)


def search(source: N, target: N, expand: Callable[[set[N]], set[N]], neighbours: Callable[[N], Iterable[N]],
           max_hops: int | None = None) -> Iterator[list[N]]:
    """The search itself, over any nodes that sort as their ids do (ids, or positions among the sorted ids).

    ``expand(layer)`` gives every neighbour of a set of nodes (as one set: the search's whole cost is
    there, so it should run in C), ``neighbours(node)`` those of one node (read again only for the nodes
    on a shortest path).  The walk is undirected: ``b`` must be among ``a``'s neighbours exactly when
    ``a`` is among ``b``'s.

    >>> ring = {0: [1, 5], 1: [0, 2], 2: [1, 3], 3: [2, 4], 4: [3, 5], 5: [4, 0]}
    >>> list(search(0, 3, lambda layer: {n for node in layer for n in ring[node]}, ring.__getitem__))
    [[0, 1, 2, 3], [0, 5, 4, 3]]
    """
    if source == target:
        yield [source]
        return
    meeting = _meet(source, target, expand, neighbours, max_hops)
    if meeting is None:
        return
    near_source, near_target, crossings = meeting
    # Forward steps within the source's layers: walked back from the crossings, a node's predecessors
    # being its neighbours one layer nearer the source (so only nodes that lead to a crossing get any).
    onward: dict[N, set[N]] = {}
    for a, b in crossings:
        onward.setdefault(a, set()).add(b)
    layer: Iterable[N] = list(onward)
    for depth in range(len(near_source) - 1, 0, -1):
        nearer, below = near_source[depth - 1], set()
        for node in layer:
            for before in nearer.intersection(neighbours(node)):
                onward.setdefault(before, set()).add(node)
                below.add(before)
        layer = below
    steps = {node: sorted(after) for node, after in onward.items()}
    yield from _walk(source, target, len(near_source) + len(near_target) - 1, steps, near_target, neighbours)


def _meet(source: N, target: N, expand: Callable[[set[N]], set[N]], neighbours: Callable[[N], Iterable[N]],
          max_hops: int | None) -> tuple[list[set[N]], list[set[N]], set[tuple[N, N]]] | None:
    """Each side's layers (the sets of nodes 0, 1, ... steps from its end) and the crossing edges (source
    side, target side), or None.

    When a layer's neighbours touch the other side, the crossings are found from the few nodes touched
    (the walk being undirected, their neighbours in the layer are the ones that reach them), not by
    looking at every node of the layer again.
    """
    layers: tuple[list[set[N]], list[set[N]]] = ([{source}], [{target}])
    seen = ({source}, {target})
    while True:
        if max_hops is not None and len(layers[0]) + len(layers[1]) - 1 > max_hops:
            return None
        side = 0 if len(layers[0][-1]) <= len(layers[1][-1]) else 1
        frontier = layers[side][-1]
        reached = expand(frontier)
        touched = reached.intersection(seen[1 - side])
        if touched:
            crossings = {(node, other) if side == 0 else (other, node)
                         for other in touched for node in frontier.intersection(neighbours(other))}
            return layers[0], layers[1], crossings
        reached -= seen[side]
        if not reached:
            return None
        seen[side].update(reached)
        layers[side].append(reached)


def _walk(source: N, target: N, length: int, steps: dict[N, list[N]], near_target: list[set[N]],
          neighbours: Callable[[N], Iterable[N]]) -> Iterator[list[N]]:
    """Depth-first down the steps, smallest first: the paths in sorted order.

    ``length`` is the paths' number of steps.  Past the source's layers, a node ``left`` steps from the
    target goes on to its neighbours in the target's layer ``left - 1`` (worked out when first reached).
    """
    path = [source]
    toward: dict[N, list[N]] = {}

    def after(node: N, left: int) -> list[N]:
        found = steps.get(node)
        if found is None:
            found = toward.get(node)
            if found is None:
                found = toward[node] = sorted(near_target[left - 1].intersection(neighbours(node)))
        return found

    def down(node: N, left: int) -> Iterator[list[N]]:
        if node == target:
            yield list(path)
            return
        for nxt in after(node, left):
            path.append(nxt)
            yield from down(nxt, left - 1)
            path.pop()

    yield from down(source, length)
