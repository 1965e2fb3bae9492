"""The Cypher harness itself: Neo4j's linter and a real FalkorDB server, proven to work and to fail."""

import os

import pytest

from orgraph_testing.cypher_lint import LintUnavailable, lint
from orgraph_testing.falkordb_server import FalkorDBServer, FalkorDBUnavailable

MERGE = "UNWIND $rows AS row MERGE (n:Council {id: row.id}) SET n.name = row.name"


def lint_or_skip(statements, parameters=None):
    try:
        return lint(statements, labels=["Council"], relationship_types=["PART_OF"], parameters=parameters)
    except LintUnavailable as e:
        pytest.skip(f"Cypher linter unavailable: {e}")


# --- Neo4j's Cypher front end (one node process per call, ~2 s: so one call for most cases) ---

STATEMENTS = {
    "merge": "UNWIND $rows AS row MERGE (n:Council {id: row.id}) SET n += row.props",
    "builtins": "MATCH p=(a:Council)-[r:PART_OF]->(b) RETURN coalesce(a.name, ''), toLower(a.name), date(),"
                " size(collect(b)), nodes(p), relationships(p), type(r), labels(a), elementId(a), length(p),"
                " startNode(r), endNode(r), keys(a), properties(a), count(*)",
    "path": "MATCH (a:Council {id: $a})\nMATCH (b:Council {id: $b})\n"
            "WITH a, b RETURN shortestPath((a)-[:PART_OF*..6]->(b)) AS p",
    "broken": "MATCH (n:Council\nRETURN n",
    "fn": "MATCH (n) RETURN nosuchfunction(n)",
    "label": "MATCH (n:Counsil) RETURN n",
    "param": "MATCH (n:Council {id: $idd}) RETURN n",
}


@pytest.fixture(scope="module")
def linted():
    diagnostics = lint_or_skip(list(STATEMENTS.items()), parameters={"rows": [], "a": "x", "b": "y", "id": "z"})
    return {key: [d for d in diagnostics if d.id == key] for key in STATEMENTS}


def test_lint_accepts_valid_statements(linted):
    assert linted["merge"] == linted["builtins"] == linted["path"] == []


def test_lint_reports_a_syntax_error_with_its_position(linted):
    found = [d for d in linted["broken"] if d.severity == "error"]
    assert found, "a missing parenthesis must be an error"
    assert (found[0].line, found[0].column) == (2, 1)
    assert "Invalid input 'RETURN'" in found[0].message


def test_lint_reports_unknown_functions_labels_and_parameters(linted):
    [fn], [label], [param] = linted["fn"], linted["label"], linted["param"]
    assert fn.severity == "error" and "nosuchfunction" in fn.message
    assert label.severity == "warning" and "Counsil" in label.message
    assert param.severity == "error" and "$idd" in param.message


def test_lint_ignores_parameters_when_none_are_given():
    assert lint_or_skip([("p", "RETURN $anything")]) == []


# --- FalkorDB, through the native client -------------------------------------------------


@pytest.fixture(scope="module")
def falkordb_server():
    try:
        with FalkorDBServer() as server:
            yield server
    except FalkorDBUnavailable as e:
        pytest.skip(f"FalkorDB unavailable: {e}")


@pytest.fixture
def graph(falkordb_server, request):
    g = falkordb_server.client().select_graph(request.node.name)
    yield g
    g.delete()


def test_falkordb_merges_and_matches_parameterised_rows(graph):
    rows = [{"id": "c1", "name": "Alpha"}, {"id": "c2", "name": "Beta"}]
    graph.query(MERGE, {"rows": rows})
    graph.query(MERGE, {"rows": rows})  # MERGE again: still two nodes
    result = graph.query("MATCH (n:Council) RETURN n.id, n.name ORDER BY n.id").result_set
    assert result == [["c1", "Alpha"], ["c2", "Beta"]]


def test_falkordb_parameters_round_trip_unchanged(graph):
    awkward = [
        'quote " double',
        "quote ' single \\ backslash",
        "<script>alert('x')</script>",
        "Kommunförbundet Skåne: åäö ÅÄÖ",
        "x" * 5000,  # FalkorDB's Bolt layer breaks past ~4 KB; the native protocol must not
    ]
    rows = [{"id": f"c{i}", "name": text} for i, text in enumerate(awkward)]
    graph.query(MERGE, {"rows": rows})
    result = graph.query("MATCH (n:Council) RETURN n.name ORDER BY n.id").result_set
    assert [r[0] for r in result] == awkward
    found = graph.query("MATCH (n:Council {name: $name}) RETURN n.id", {"name": awkward[2]}).result_set
    assert found == [["c2"]]


def test_falkordb_shortest_path_forms(graph):
    graph.query("UNWIND range(1, 4) AS i CREATE (:Council {id: i})")
    graph.query("MATCH (a:Council), (b:Council) WHERE b.id = a.id + 1 CREATE (a)-[:PART_OF]->(b)")
    ends = "MATCH (a:Council {id: 1}), (b:Council {id: 4}) WITH a, b "
    ids = lambda q: graph.query(q).result_set  # noqa: E731
    assert ids(ends + "RETURN [x IN nodes(shortestPath((a)-[:PART_OF*..6]->(b))) | x.id]") == [[[1, 2, 3, 4]]]
    assert ids(ends + "MATCH p=allShortestPaths((a)-[*]->(b)) RETURN length(p)") == [[3]]
    assert ids("MATCH p=(a:Council {id: 1})-[*..6]->(b:Council {id: 4}) "
               "WITH p ORDER BY length(p) LIMIT 1 RETURN [x IN nodes(p) | x.id]") == [[[1, 2, 3, 4]]]
    with pytest.raises(Exception, match="undirected shortestPath"):
        graph.query(ends + "RETURN shortestPath((a)-[*]-(b))")


def test_falkordb_server_is_gone_after_exit():
    try:
        with FalkorDBServer() as server:
            pid, tmp = server.pid, server._dir
            assert server.client().select_graph("ping").query("RETURN 1").result_set == [[1]]
    except FalkorDBUnavailable as e:
        pytest.skip(f"FalkorDB unavailable: {e}")
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not os.path.exists(tmp)
