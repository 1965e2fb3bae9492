"""Every node's neighbours as small integers in two flat arrays: what repeated path searches read.

A :class:`~orgraph.model.snapshot.Snapshot` keeps each node's edges as a list of ``(other id, properties)``
tuples, allocated node by node: a search reading a few hundred nodes of a 100k-node model goes to a few
thousand places in memory, and waits on each.  :class:`Adjacency` numbers the nodes in the order of their
ids (so that positions sort as ids do) and keeps every node's neighbours, out and in, side by side in one
array; a layer of the search is a few slices of it, gathered into a set in C.

Building it reads every edge once (about 0.16 s at 100k nodes, plus some 0.7 s if the snapshot had not
read its nodes' edges yet), for about half the time per query after: worth it for a backend asked many
paths, not for one ``orgraph path``, so the memory backend builds it only on its second query
(:meth:`MemoryBackend.paths <orgraph.backends.memory.MemoryBackend.paths>`).  It holds 8 bytes per node
and 4 per edge end (2.6 MB at 100k nodes).

>>> edges = {"a": [("b", {})], "b": [("c", {})], "c": []}
>>> into = {"a": [], "b": [("a", {})], "c": [("b", {})]}
>>> index = Adjacency.of(["a", "b", "c"], edges.__getitem__, into.__getitem__)
>>> list(index.paths("c", "a"))
[['c', 'b', 'a']]
>>> list(index.paths("a", "c", max_hops=1)), list(index.paths("a", "x"))
([], [])
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from operator import itemgetter

from orgraph.backends.paths import search

__all__ = ["Adjacency"]

_NEXT = (1).__add__


class Adjacency:
    """Node ``i`` (the ``i``-th id in sorted order) has its neighbours at ``flat[offsets[i]:offsets[i + 1]]``."""

    def __init__(self, ids: Sequence[str], offsets: array, flat: array):
        self.ids, self.offsets, self.flat = ids, offsets, flat

    @classmethod
    def of(cls, ids: Sequence[str], out: Callable[[str], Iterable[tuple]],
           into: Callable[[str], Iterable[tuple]]) -> Adjacency:
        """The neighbours of every node of ``ids`` (sorted), from its ``out`` and ``into`` edge lists."""
        position = {node: number for number, node in enumerate(ids)}.__getitem__
        first = itemgetter(0)
        offsets, flat = array("q", [0]), array("i")
        for node in ids:
            flat.extend(map(position, map(first, chain(out(node), into(node)))))
            offsets.append(len(flat))
        return cls(ids, offsets, flat)

    def position(self, node_id: str) -> int | None:
        """Where ``node_id`` is among the sorted ids (None: not a node)."""
        at = bisect_left(self.ids, node_id)
        return at if at < len(self.ids) and self.ids[at] == node_id else None

    def paths(self, source: str, target: str, max_hops: int | None = None) -> Iterator[list[str]]:
        """What :func:`~orgraph.backends.paths.shortest_paths_over` gives on the same edges, in the same order."""
        start, end = self.position(source), self.position(target)
        if start is None or end is None:
            return iter(())
        offsets, flat, ids = self.offsets, self.flat, self.ids
        at, cut = offsets.__getitem__, flat.__getitem__

        def expand(layer: set[int]) -> set[int]:
            return set(chain.from_iterable(map(cut, map(slice, map(at, layer), map(at, map(_NEXT, layer))))))

        def neighbours(node: int) -> Iterable[int]:
            return flat[offsets[node]:offsets[node + 1]]

        return ([ids[node] for node in path] for path in search(start, end, expand, neighbours, max_hops))
