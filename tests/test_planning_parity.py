"""The planners' answers are the same JSON from FalkorDB (a real Cypher engine, native client) as embedded.

The fictional model is written into a FalkorDB graph with the statements ``orgraph load`` generates;
diff between dates, impact, both matrices and the summary are computed through each backend's generic
reads and compared as the JSON ``--format json`` prints.
"""

from __future__ import annotations

import datetime as dt

import pytest

from orgraph.backends.falkordb import falkordb_backend, load_graph
from orgraph.backends.memory import MemoryBackend
from orgraph.output.json import dumps
from orgraph.planning.diff import diff_dates
from orgraph.planning.impact import impact
from orgraph.planning.matrix import overload, representation
from orgraph.planning.summary import summary

DAYS = (dt.date(2025, 6, 30), dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def graph(falkordb, fictional_model):
    graph = falkordb.client().select_graph("planning_fictional")
    load_graph(graph, fictional_model)
    yield graph
    graph.delete()


@pytest.fixture(scope="module", params=DAYS, ids=str)
def pair(request, graph, fictional_model):
    return MemoryBackend(fictional_model, request.param), falkordb_backend(graph, request.param)


def test_diff_between_dates_is_the_same(graph, fictional_model):
    days = (dt.date(2024, 8, 31), dt.date(2025, 6, 30), dt.date(2025, 7, 2), dt.date(2026, 11, 23))
    for before, after in zip(days, days[1:], strict=False):
        memory = diff_dates(MemoryBackend(fictional_model, before), MemoryBackend(fictional_model, after))
        cypher = diff_dates(falkordb_backend(graph, before), falkordb_backend(graph, after))
        assert memory.changes > 0
        assert dumps(cypher) == dumps(memory), (before, after)


@pytest.mark.parametrize("day, nodes", [
    (DAYS[0], ["lars-goran-kylberg"]),
    (DAYS[1], ["ingrid-malmvik"]),
    (DAYS[1], ["viktor-hedlof"]),
    (DAYS[1], ["sr-ortopedi-kontaktperson", "bengt-hovander"]),
], ids=lambda value: "+".join(value) if isinstance(value, list) else str(value))
def test_impact_is_the_same(graph, fictional_model, day, nodes):
    expected = impact(MemoryBackend(fictional_model, day), nodes)
    assert expected.posts and expected.new_findings
    assert dumps(impact(falkordb_backend(graph, day), nodes)) == dumps(expected)


def test_matrices_are_the_same(pair):
    memory, cypher = pair
    assert any(cell.posts for cell in representation(memory).cells)
    assert dumps(representation(cypher)) == dumps(representation(memory))
    for n in (1, 2):
        assert dumps(overload(cypher, n)) == dumps(overload(memory, n))


def test_summary_is_the_same(pair):
    memory, cypher = pair
    expected = summary(memory)
    assert expected.totals["error"] > 0
    assert dumps(summary(cypher)) == dumps(expected)
