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

from collections.abc import Callable, Iterable, Iterator

__all__ = ["shortest_paths"]


def shortest_paths(source: str, target: str, neighbours: Callable[[str], Iterable[str]],
                   max_hops: int | None = None) -> Iterator[list[str]]:
    """Every shortest path from ``source`` to ``target`` (lists of ids), in sorted order; none past ``max_hops``.

    ``neighbours(node)`` gives the nodes one step away (the walk is undirected when it lists both ways).
    """
    if source == target:
        yield [source]
        return
    meeting = _meet(source, target, neighbours, max_hops)
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


def _meet(source: str, target: str, neighbours: Callable[[str], Iterable[str]], max_hops: int | None
          ) -> tuple[dict[str, list[str]], dict[str, list[str]], set[tuple[str, str]]] | None:
    """The two searches' predecessor sets and the crossing edges (source side, target side), or None."""
    distance: tuple[dict[str, int], dict[str, int]] = ({source: 0}, {target: 0})
    nearer: tuple[dict[str, list[str]], dict[str, list[str]]] = ({source: []}, {target: []})
    frontiers = ([source], [target])
    depth = [0, 0]
    while frontiers[0] and frontiers[1]:
        if max_hops is not None and depth[0] + depth[1] + 1 > max_hops:
            return None
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, theirs, before = distance[side], distance[1 - side], nearer[side]
        step = depth[side] + 1
        crossings: set[tuple[str, str]] = set()
        layer: list[str] = []
        for node in frontiers[side]:
            for other in neighbours(node):
                if other in theirs:
                    crossings.add((node, other) if side == 0 else (other, node))
                    continue
                reached = mine.get(other)
                if reached is None:
                    mine[other] = step
                    before[other] = [node]
                    layer.append(other)
                elif reached == step:
                    before[other].append(node)
        if crossings:
            return nearer[0], nearer[1], crossings
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
