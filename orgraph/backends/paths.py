"""Every shortest path between two nodes, by a breadth-first search from both ends that stops early.

:func:`shortest_paths` expands, one whole layer at a time, the smaller of the two frontiers (from the
source and from the target), recording for each node reached the set of nodes one layer nearer its own
end.  The first layer that touches the other side fixes the length; the edges that touch are the only
ones crossing between the two searches on a shortest path, so the paths are assembled from the two
predecessor sets through that meeting layer only.  Nothing beyond ``max_hops`` is searched, and no node
further from both ends than the meeting layer is ever visited.

Paths come out in the order of the ids along them (the order of ``sorted`` on the lists of ids), one at
a time: taking only the first costs one walk down the meeting's predecessor sets, not all paths.

>>> adjacency = {"a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d"], "d": ["b", "c", "e"], "e": ["d"]}
>>> list(shortest_paths("a", "e", adjacency.__getitem__))
[['a', 'b', 'd', 'e'], ['a', 'c', 'd', 'e']]
>>> list(shortest_paths("a", "e", adjacency.__getitem__, max_hops=2))
[]
>>> next(shortest_paths("e", "e", adjacency.__getitem__))
['e']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

#: What :func:`shortest_paths_over` reads of a node: two sequences (its outgoing and its incoming edges,
#: say) of tuples whose first item is the node at the other end.
Edges = Callable[[str], tuple[Sequence[tuple], Sequence[tuple]]]

__all__ = ["shortest_paths"]


def shortest_paths(source: str, target: str, neighbours: Callable[[str], Sequence[str]],
                   max_hops: int | None = None) -> Iterator[list[str]]:
    """Every shortest path from ``source`` to ``target`` (lists of ids), in sorted order; none past ``max_hops``.

    ``neighbours(node)`` gives the nodes one step away, in any order and possibly with repeats (the walk
    is undirected when it lists both ways); it is called at most once per node reached.
    """
    return shortest_paths_over(source, target, lambda node: ([(other,) for other in neighbours(node)], ()),
                               max_hops)


def shortest_paths_over(source: str, target: str, edges: Edges, max_hops: int | None = None
                        ) -> Iterator[list[str]]:
    """:func:`shortest_paths` over a graph's own edge lists (see :data:`Edges`), walked as they are.

    Nothing is copied per node read: what a :class:`~orgraph.model.snapshot.Snapshot` keeps is read as is.

    >>> out = {"a": [("b", {}), ("c", {})], "b": [("d", {})], "c": [("d", {})]}
    >>> into = {"b": [("a", {})], "c": [("a", {})], "d": [("b", {}), ("c", {})]}
    >>> list(shortest_paths_over("d", "a", lambda n: (out.get(n, ()), into.get(n, ()))))
    [['d', 'b', 'a'], ['d', 'c', 'a']]
    """
    if source == target:
        yield [source]
        return
    meeting = _meet(source, target, edges, max_hops)
    if meeting is None:
        return
    near_source, near_target, crossings = meeting
    # Forward steps on shortest paths: the source side's predecessor sets reversed (only for nodes that
    # lead to a crossing), then the crossings, then the target side's sets as they are.
    onward: dict[str, set[str]] = {}
    stack = list({a for a, _ in crossings})
    reached = set(stack)
    while stack:
        node = stack.pop()
        for before in near_source.get(node, ()):
            onward.setdefault(before, set()).add(node)
            if before not in reached:
                reached.add(before)
                stack.append(before)
    for a, b in crossings:
        onward.setdefault(a, set()).add(b)
    steps = {node: sorted(after) for node, after in onward.items()}
    yield from _walk(source, target, steps, near_target)


_FIRST = itemgetter(0)


def _meet(source: str, target: str, edges: Edges, max_hops: int | None
          ) -> tuple[dict[str, list[str]], dict[str, list[str]], set[tuple[str, str]]] | None:
    """The two searches' predecessor sets and the crossing edges (source side, target side), or None.

    Each layer is first read and tested against the other side's nodes as a whole (``isdisjoint``: a C
    loop per node, no list built); only a layer that does not touch the other side is expanded node by
    node, and of the layer that does, only the nodes touching it are looked at again.
    """
    distance: tuple[dict[str, int], dict[str, int]] = ({source: 0}, {target: 0})
    nearer: tuple[dict[str, list[str]], dict[str, list[str]]] = ({source: []}, {target: []})
    frontiers = ([source], [target])
    depth = [0, 0]
    first = _FIRST
    while frontiers[0] and frontiers[1]:
        if max_hops is not None and depth[0] + depth[1] + 1 > max_hops:
            return None
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, theirs, before = distance[side], distance[1 - side], nearer[side]
        apart = theirs.keys().isdisjoint
        read = [(node, *edges(node)) for node in frontiers[side]]
        met = [(node, one, two) for node, one, two in read if not (apart(map(first, one)) and apart(map(first, two)))]
        if met:
            crossings = {(node, other) if side == 0 else (other, node)
                         for node, one, two in met for other in (*map(first, one), *map(first, two))
                         if other in theirs}
            return nearer[0], nearer[1], crossings
        step = depth[side] + 1
        layer: list[str] = []
        for node, one, two in read:
            for other in (*map(first, one), *map(first, two)):
                reached = mine.get(other)
                if reached is None:
                    mine[other] = step
                    before[other] = [node]
                    layer.append(other)
                elif reached == step and before[other][-1] != node:  # linked twice: one predecessor
                    before[other].append(node)
        depth[side] = step
        frontiers = (layer, frontiers[1]) if side == 0 else (frontiers[0], layer)
    return None


def _walk(source: str, target: str, steps: dict[str, list[str]],
          near_target: dict[str, list[str]]) -> Iterator[list[str]]:
    """Depth-first down the forward steps, smallest id first: the paths in sorted order."""
    path = [source]

    def after(node: str) -> list[str]:
        return steps[node] if node in steps else sorted(near_target.get(node, ()))

    def down(node: str) -> Iterator[list[str]]:
        if node == target:
            yield list(path)
            return
        for nxt in after(node):
            path.append(nxt)
            yield from down(nxt)
            path.pop()

    yield from down(source)
