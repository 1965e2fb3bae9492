"""The model on a date reads the same whichever way it is built: lazily through the incidence, all at once,
or as the networkx graph on the date (whose unchanged adjacency is shared with the whole graph)."""

from __future__ import annotations

import datetime as dt
import random
import string

import pytest
from tabulate import tabulate

from orgraph.model.graph import as_of
from orgraph.model.loader import load
from orgraph.model.snapshot import Incidence, Snapshot, valid_on
from orgraph.output.text import _simple, table
from orgraph.resources import data_dir

DAYS = [dt.date(2019, 1, 1), dt.date(2024, 6, 1), dt.date(2026, 11, 23), dt.date(2031, 1, 1)]


@pytest.fixture(scope="module")
def model():
    return load(data_dir("seed"))


def _dated(seed: int) -> tuple[dict, list]:
    """A random multigraph with dated nodes and edges, parallel edges and loops."""
    rng = random.Random(seed)

    def dates() -> dict:
        found = {}
        if rng.random() < 0.3:
            found["valid_from"] = dt.date(2020 + rng.randint(0, 6), 1, 1)
        if rng.random() < 0.3:
            found["valid_to"] = dt.date(2022 + rng.randint(0, 6), 12, 31)
        return found

    nodes = {f"n{i}": {"id": f"n{i}", "kind": rng.choice("AB"), **dates()} for i in range(40)}
    edges = [(rng.choice(list(nodes)), rng.choice(list(nodes)), {"type": rng.choice("XY"), **dates()})
             for _ in range(120)]
    return nodes, edges


@pytest.mark.parametrize("seed", range(8))
def test_lazy_and_eager_snapshots_agree_with_a_plain_filter(seed):
    nodes, edges = _dated(seed)
    for day in DAYS:
        lazy = Snapshot(nodes, edges, day, Incidence.of(nodes, edges))
        eager = Snapshot(nodes, edges, day)
        kept = {n for n, p in nodes.items() if valid_on(p, day)}
        assert set(lazy.nodes) == set(eager.nodes) == kept
        for node in nodes:
            expected_out = [(t, d) for s, t, d in edges if s == node and s in kept and t in kept and valid_on(d, day)]
            expected_in = [(s, d) for s, t, d in edges if t == node and s in kept and t in kept and valid_on(d, day)]
            assert list(lazy.edges_out(node)) == list(eager.edges_out(node)) == expected_out, (day, node)
            assert list(lazy.edges_in(node)) == list(eager.edges_in(node)) == expected_in, (day, node)
        for kind in "AB":
            assert lazy.of_kind(kind) == sorted(n for n in kept if nodes[n]["kind"] == kind)


@pytest.mark.parametrize("seed", range(8))
def test_the_graph_on_a_date_is_the_plain_filter_and_shares_what_is_unchanged(seed):
    import networkx as nx

    nodes, edges = _dated(seed)
    whole = nx.MultiDiGraph()
    for node, props in nodes.items():
        whole.add_node(node, **props)
    for source, target, data in edges:
        whole.add_edge(source, target, **data)
    for day in DAYS:
        dated = as_of(whole, day)
        kept = {n for n, p in nodes.items() if valid_on(p, day)}
        assert set(dated.nodes) == kept
        expected = sorted((s, t, sorted(d.items())) for s, t, d in whole.edges(data=True)
                          if s in kept and t in kept and valid_on(d, day))
        assert sorted((s, t, sorted(d.items())) for s, t, d in dated.edges(data=True)) == expected
        for source in dated:  # both directions see the same edge maps, as networkx keeps them
            for target, keyed in dated._succ[source].items():
                assert dated._pred[target][source] is keyed
    assert as_of(whole, DAYS[0]) is as_of(whole, DAYS[0])


def test_the_seed_snapshot_reads_like_the_graph_on_the_date(model):
    day = dt.date(2026, 11, 23)
    snapshot = model.on(day)
    graph = as_of(model.graph(), day)
    assert sorted(snapshot.nodes) == sorted(graph.nodes)
    for node in graph:
        assert sorted(t for t, _ in snapshot.edges_out(node)) == sorted(t for _, t in graph.out_edges(node))
        assert sorted(s for s, _ in snapshot.edges_in(node)) == sorted(s for s, _ in graph.in_edges(node))


def test_compiling_shares_equal_strings(model):
    compiled = model.compiled
    for source, target, _ in compiled.edges[:200]:
        assert source is compiled.nodes[source]["id"] and target is compiled.nodes[target]["id"]


def test_the_plain_table_is_what_tabulate_prints():
    """The table without tabulate prints exactly what tabulate does, and hands tabulate what it cannot do."""
    rng = random.Random(0)
    alphabet = string.ascii_letters + " åäöÅÄÖé-–—’…€§()/.,0123456789  "
    for _ in range(3000):
        columns = rng.randint(1, 4)
        headers = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(columns)]
        cells = [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(columns)]
                 for _ in range(rng.randint(1, 4))]
        assert _simple(cells, headers) == tabulate(cells, headers=headers, disable_numparse=True), (headers, cells)
    assert _simple([["日本語", "x"]], ["a", "b"]) is None  # wide characters: tabulate measures them
    assert table([{"a": "日本語", "b": "x"}], ["a", "b"]) == tabulate([["日本語", "x"]], headers=["a", "b"],
                                                                     disable_numparse=True)
    assert _simple([["a\tb", "x"]], ["a", "b"]) is None
