"""The early-stopping path search gives exactly networkx's shortest paths, in the same order, and stops early."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from orgraph.backends.adjacency import Adjacency
from orgraph.backends.memory import MemoryBackend
from orgraph.backends.paths import shortest_paths, shortest_paths_over
from orgraph.model.loader import load
from orgraph.resources import data_dir


def _random_graph(seed: int, nodes: int, edges: int) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i:02d}" for i in range(nodes))
    while graph.number_of_edges() < edges:
        a, b = rng.sample(sorted(graph.nodes), 2)
        graph.add_edge(a, b)
    return graph


@pytest.mark.parametrize("seed", range(25))
def test_the_same_paths_in_the_same_order_as_networkx(seed):
    graph = _random_graph(seed, 30, 45 + seed)
    adjacency = {n: sorted(graph[n]) for n in graph}
    rng = random.Random(100 + seed)
    for _ in range(20):
        a, b = rng.sample(sorted(graph.nodes), 2)
        try:
            expected = sorted(nx.all_shortest_paths(graph, a, b))
        except nx.NetworkXNoPath:
            expected = []
        assert list(shortest_paths(a, b, adjacency.__getitem__)) == expected, (seed, a, b)
        if expected:
            hops = len(expected[0]) - 1
            assert list(shortest_paths(a, b, adjacency.__getitem__, max_hops=hops)) == expected
            assert list(shortest_paths(a, b, adjacency.__getitem__, max_hops=hops - 1)) == []
            assert next(shortest_paths(a, b, adjacency.__getitem__)) == expected[0]


def test_the_search_stops_at_the_meeting_layer():
    """On a long line with a big tree hanging off the far side, a short path reads only its own neighbourhood."""
    adjacency: dict[str, list[str]] = {"a": ["b"], "b": ["a", "c"], "c": ["b", "hub"], "hub": ["c"]}
    for i in range(5000):  # a wide fan three steps away from the source, beyond the target
        leaf = f"leaf{i:04d}"
        adjacency["hub"].append(leaf)
        adjacency[leaf] = ["hub"]
    read: list[str] = []

    def neighbours(node: str) -> list[str]:
        read.append(node)
        return adjacency[node]

    assert list(shortest_paths("a", "c", neighbours)) == [["a", "b", "c"]]
    assert "hub" not in read and len(read) <= 3
    read.clear()
    assert list(shortest_paths("a", "leaf0001", neighbours, max_hops=2)) == []
    assert len(read) <= 3  # two hops from each end were enough to know


def test_many_equal_paths_first_only_is_cheap():
    """A ladder of 2^20 equally short paths: the first comes out without enumerating the rest."""
    adjacency: dict[str, list[str]] = {}

    def link(a: str, b: str) -> None:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)

    previous = ["s"]
    for level in range(20):
        rung = [f"l{level:02d}a", f"l{level:02d}b"]
        for a in previous:
            for b in rung:
                link(a, b)
        previous = rung
    for a in previous:
        link(a, "t")
    first = next(shortest_paths("s", "t", adjacency.__getitem__))
    assert first == ["s"] + [f"l{level:02d}a" for level in range(20)] + ["t"]


def test_memory_backend_matches_networkx_on_the_seed():
    """Every pair of a sample of the seed's nodes: the backend's node sequences are networkx's."""
    model = load(data_dir("seed"))
    day = dt.date(2026, 11, 23)
    backend = MemoryBackend(model, day)
    graph = nx.MultiDiGraph()
    for node_id in backend.ids():
        graph.add_node(node_id)
    for node_id in backend.ids():
        for target, data in backend.snapshot.edges_out(node_id):
            graph.add_edge(node_id, target, type=data["type"])
    undirected = graph.to_undirected()
    ids = random.Random(3).sample(backend.ids(), 25)
    for a in ids:
        for b in ids:
            try:
                expected = sorted(nx.all_shortest_paths(undirected, a, b))
            except nx.NetworkXNoPath:
                expected = []
            found = backend.paths(a, b, all_paths=True)
            assert [[hop.start for hop in path] + [path[-1].end] if path else [a] for path in found] == expected


def _random_edges(seed: int, nodes: int, edges: int) -> tuple[list[str], dict[str, list], dict[str, list]]:
    """A directed multigraph with repeated and opposite edges, as a snapshot keeps it (out and in lists)."""
    rng = random.Random(seed)
    ids = [f"n{i:02d}" for i in range(nodes)]
    out: dict[str, list] = {n: [] for n in ids}
    into: dict[str, list] = {n: [] for n in ids}
    for _ in range(edges):
        a, b = rng.sample(ids, 2)
        out[a].append((b, {"type": "X"}))
        into[b].append((a, {"type": "X"}))
    return ids, out, into


@pytest.mark.parametrize("seed", range(20))
def test_the_adjacency_gives_what_the_edge_lists_give(seed):
    """The integer index (what repeated queries read) and the lists (the first query's) agree on every pair."""
    ids, out, into = _random_edges(seed, 25, 30 + 2 * seed)
    index = Adjacency.of(ids, out.__getitem__, into.__getitem__)
    for a in ids[::3]:
        for b in ids[::2]:
            for hops in (None, 2, 3):
                expected = list(shortest_paths_over(a, b, out.__getitem__, into.__getitem__, hops))
                assert list(index.paths(a, b, hops)) == expected, (seed, a, b, hops)


def test_the_backend_answers_alike_before_and_after_it_builds_its_index():
    """A backend's first query reads the snapshot's lists, the later ones its index: the same hops."""
    model = load(data_dir("seed"))
    day = dt.date(2026, 11, 23)
    ids = random.Random(4).sample(MemoryBackend(model, day).ids(), 12)
    for a in ids:
        for b in ids:
            for options in ({}, {"all_paths": True}, {"max_hops": 3}, {"all_paths": True, "max_hops": 4}):
                fresh = MemoryBackend(model, day)
                first = fresh.paths(a, b, **options)
                assert fresh.paths(a, b, **options) == first, (a, b, options)
    warm = MemoryBackend(model, day)
    warm.paths(ids[0], ids[1])
    warm.paths(ids[0], ids[1])
    assert warm._adjacency is not None
    assert warm.paths("no-such-node", ids[0]) == []
    assert warm.paths(ids[0], ids[0]) == MemoryBackend(model, day).paths(ids[0], ids[0])
