"""On Neo4j itself: ``neo4j:5`` Community through testcontainers, with the official driver.

Loading (constraints, idempotence, removal, all-or-nothing), parity of every read with the memory
backend, the command line's output with ``--backend neo4j``, and the failure modes a server can
show (wrong credentials, missing database, schema not applied).  Where no Docker engine answers
the whole module skips with one line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest


def _docker_problem() -> str | None:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception as error:  # no client, no socket, no engine: all mean "cannot run here"
        return type(error).__name__
    return None


_PROBLEM = _docker_problem()
if _PROBLEM:
    pytest.skip(f"no Docker engine answers ({_PROBLEM}); the Neo4j tests need one to start neo4j:5",
                allow_module_level=True)

from orgraph.query import catalog
from orgraph.backends.memory import MemoryBackend
from orgraph.backends.neo4j import Neo4jBackend, Neo4jDatabase, Neo4jProblem
from orgraph.backends.cypher_load import constraint_name, load_plan
from orgraph import vocabulary

PASSWORD = "orgraph-Neo4j-test-4711"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def neo4j_uri():
    try:
        from testcontainers.community.neo4j import Neo4jContainer
    except ImportError:  # testcontainers before the community split
        from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer("neo4j:5", password=PASSWORD) as container:
        yield container.get_connection_url()


@pytest.fixture
def env(neo4j_uri):
    return {"NEO4J_URI": neo4j_uri, "NEO4J_PASSWORD": PASSWORD, "NEO4J_USER": "neo4j", "NEO4J_DATABASE": None}


@pytest.fixture
def db(neo4j_uri):
    database = Neo4jDatabase(neo4j_uri, "neo4j", PASSWORD)
    yield database
    database.close()


def model_counts(model):
    nodes, relationships = {}, {}
    for node in model.nodes.values():
        nodes[node.kind] = nodes.get(node.kind, 0) + 1
    for relation in model.relations:
        relationships[relation.type] = relationships.get(relation.type, 0) + 1
    return nodes, relationships


def test_load_applies_the_constraints_and_is_idempotent(cli, env, db, seed_model):
    first = cli("load", "--data", "seed", env=env)
    assert first.exit_code == 0, first.stderr
    assert f"{len(seed_model.nodes)} nodes, {len(seed_model.relations)} relationships" in first.stdout
    assert db.missing_constraints() == []
    with db.driver.session() as session:
        names = {record["name"] for record in session.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {constraint_name(label) for label in vocabulary.LABELS} <= names
    again = cli("load", "--data", "seed", "--batch-size", "3", "--format", "json", env=env)
    assert again.exit_code == 0, again.stderr
    summary = again.json()
    assert summary["removed"] == {"nodes": 0, "relationships": 0}
    assert (summary["nodes"], summary["relationships"]) == model_counts(seed_model) == db.counts()


def test_reload_removes_what_is_gone(cli, env, db, seed_model):
    assert cli("load", "--data", "fictional", env=env).exit_code == 0
    summary = cli("load", "--data", "seed", "--format", "json", env=env).json()
    assert summary["removed"]["nodes"] > 0 and summary["removed"]["relationships"] > 0
    assert db.counts() == model_counts(seed_model)


def test_a_failure_part_way_leaves_the_database_as_it_was(db, seed_model, fictional_model):
    db.load(fictional_model)
    before = db.counts()
    plan = load_plan(seed_model, batch_size=5)
    late = max(i for i, step in enumerate(plan) if step.action == "relationships")
    rows = [{**row, "props": {**row["props"], "bad": {"a map": "is no property value"}}}
            for row in plan[late].params["rows"]]
    plan[late] = replace(plan[late], params={"rows": rows})
    with pytest.raises(Neo4jProblem) as raised:
        db.write(plan)
    assert "\n" not in str(raised.value)
    assert db.counts() == before == model_counts(fictional_model)
    backend = Neo4jBackend(db, TODAY)
    assert backend.nodes() == MemoryBackend(fictional_model, TODAY).nodes()


def test_a_progress_bar_on_large_models(cli, env, tmp_path):
    from orgraph.synth import SynthSpec, generate

    generate(SynthSpec(regions=1, councils_per_region=20, seed=1), tmp_path / "big")
    result = cli("load", "--data", str(tmp_path / "big"), env=env)
    assert result.exit_code == 0, result.stderr
    assert "loading" in result.stderr


@pytest.fixture
def loaded(db, fictional_model):
    db.load(fictional_model)
    return fictional_model


@pytest.mark.parametrize("day", [TODAY, dt.date(2025, 1, 1)])
def test_every_read_equals_memory(neo4j_uri, loaded, day):
    memory = MemoryBackend(loaded, day)
    backend = Neo4jBackend.connect(neo4j_uri, "neo4j", PASSWORD, None, day)
    try:
        assert backend.ids() == memory.ids()
        assert backend.nodes() == memory.nodes()
        for node_id in loaded.nodes:
            assert backend.node(node_id) == memory.node(node_id)
            if memory.node(node_id) is not None:
                assert backend.neighbours(node_id) == memory.neighbours(node_id)
        ids = memory.ids()
        for a in ids[::9]:
            for b in ids[4::11]:
                for options in ({}, {"all_paths": True}, {"max_hops": 2}):
                    assert backend.paths(a, b, **options) == memory.paths(a, b, **options), (a, b, options)
        for what in catalog.NODE_LISTS:
            assert catalog.listing(backend, what) == catalog.listing(memory, what)
    finally:
        backend.close()


def test_the_command_line_prints_the_same(cli, env, loaded):
    commands = []
    for fmt in ("text", "json"):
        common = ("--data", "fictional", "--format", fmt, "--as-of", "2025-01-01")
        commands += [("list", what, *common) for what in ("councils", "bodies", "posts", "people")]
        commands += [("show", node, *common) for node in ("sr-ortopedi", "lg-hs", "sr-ortopedi-ordforande")]
        commands += [("path", "regiondirektor", "sr-ortopedi-ordforande", "--all", *common),
                     ("path", "lg-hs", "sr-ortopedi", "--max-hops", "1", *common)]
        commands += [("escalate", "sr-ortopedi", "--topic", topic, *common) for topic in vocabulary.TOPICS]
    for command in commands:
        memory = cli(*command, env=env)
        neo4j = cli(*command, "--backend", "neo4j", env=env)
        assert (neo4j.exit_code, neo4j.stdout, neo4j.stderr) == (memory.exit_code, memory.stdout, memory.stderr), \
            command
    ids = cli("query", "node-ids", "--as-of", "2025-01-01", "--format", "json", env=env)
    assert [row["id"] for row in ids.json()] == MemoryBackend(loaded, dt.date(2025, 1, 1)).ids()


def test_wrong_credentials(cli, env):
    result = cli("show", "lg-hs", "--backend", "neo4j", env={**env, "NEO4J_PASSWORD": "wrong-Pw-0000"})
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "refused the credentials of user 'neo4j'" in result.stderr
    assert "wrong-Pw-0000" not in result.stdout + result.stderr


def test_missing_database(cli, env):
    result = cli("load", "--database", "nosuchdb", env=env)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "has no database 'nosuchdb'" in result.stderr
    assert PASSWORD not in result.stderr


def test_schema_not_applied(cli, env, db, loaded):
    with db.driver.session() as session:
        session.run(f"DROP CONSTRAINT {constraint_name('Council')}").consume()
    try:
        for command in (("show", "lg-hs", "--backend", "neo4j"), ("query", "node-ids")):
            result = cli(*command, env=env)
            assert result.exit_code == 2
            assert "has no orgraph schema (missing constraint orgraph_council_id)" in result.stderr
            assert "run `orgraph load` first" in result.stderr
    finally:
        db.apply_schema()
    assert cli("show", "lg-hs", "--backend", "neo4j", env=env).exit_code == 0


def test_query_runs_read_only(db, loaded):
    with pytest.raises(Neo4jProblem):
        db.run("CREATE (:Council {id: 'written-by-a-read'})", {})
    assert db.run("MATCH (n {id: 'written-by-a-read'}) RETURN n", {}) == []


def test_json_load_summary(cli, env, seed_model):
    result = cli("load", "--data", "seed", "--format", "json", env=env)
    summary = json.loads(result.stdout)
    assert summary["written"] == {"nodes": len(seed_model.nodes), "relationships": len(seed_model.relations)}
    assert PASSWORD not in result.stdout
