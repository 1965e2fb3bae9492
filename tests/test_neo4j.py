"""On Neo4j itself: the session's Neo4j 5.26 Community (the Java launcher, or testcontainers), official driver.

Loading (constraints first, one transaction, idempotence, removal, all-or-nothing, clean-up scope,
relationships updated in place), the planner's index seek, the failure modes a server can show
(wrong credentials, missing database, old version, schema not applied, a silent peer) and that no
password reaches any output.  The password of the session's server has ``/ @ : % #`` and non-ASCII
letters in it.  Read parity with the memory backend is in tests/test_cypher_parity.py.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest

from orgraph import vocabulary
from orgraph.backends.cypher_load import constraint_name, load_plan, merge_nodes
from orgraph.backends.memory import MemoryBackend
from orgraph.backends.neo4j import Neo4jBackend, Neo4jDatabase, Neo4jProblem, check_version, redact

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def server(neo4j_clean):
    return neo4j_clean


@pytest.fixture
def env(server):
    return server.env()


@pytest.fixture
def db(server):
    database = Neo4jDatabase(server.uri, server.user, server.password)
    yield database
    database.close()


def model_counts(model):
    nodes, relationships = {}, {}
    for node in model.nodes.values():
        nodes[node.kind] = nodes.get(node.kind, 0) + 1
    for relation in model.relations:
        relationships[relation.type] = relationships.get(relation.type, 0) + 1
    return nodes, relationships


def everything(db) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (ends, type, properties, elementId), sorted."""
    with db.driver.session() as session:
        nodes = sorted((tuple(sorted(r["labels"])), json.dumps(r["props"], sort_keys=True)) for r in session.run(
            "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"))
        rels = sorted((r["a"], r["t"], r["b"], json.dumps(r["props"], sort_keys=True), r["eid"]) for r in session.run(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props, "
            "elementId(r) AS eid"))
    return nodes, rels


def test_load_applies_the_constraint_first_and_is_idempotent(cli, env, db, seed_model):
    first = cli("load", "--data", "seed", env=env)
    assert first.exit_code == 0, first.stderr
    assert f"{len(seed_model.nodes)} nodes, {len(seed_model.relations)} relationships" in first.stdout
    assert db.missing_constraints() == []
    with db.driver.session() as session:
        names = {record["name"] for record in session.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert constraint_name(vocabulary.NODE_LABEL) in names
    before = everything(db)
    again = cli("load", "--data", "seed", "--batch-size", "3", "--format", "json", env=env)
    assert again.exit_code == 0, again.stderr
    summary = again.json()
    assert summary["removed"] == {"nodes": 0, "relationships": 0}
    assert (summary["nodes"], summary["relationships"]) == model_counts(seed_model) == db.counts()
    assert everything(db) == before  # same nodes, same relationships, even the same elementIds


def test_every_node_has_the_shared_label(db, seed_model):
    db.load(seed_model)
    rows = db.run("MATCH (n) RETURN count(n) AS all, count(CASE WHEN n:OrgNode THEN 1 END) AS org", {})
    assert rows == [{"all": len(seed_model.nodes), "org": len(seed_model.nodes)}]


def test_reload_removes_what_is_gone(cli, env, db, seed_model):
    assert cli("load", "--data", "fictional", env=env).exit_code == 0
    summary = cli("load", "--data", "seed", "--format", "json", env=env).json()
    assert summary["removed"]["nodes"] > 0 and summary["removed"]["relationships"] > 0
    assert db.counts() == model_counts(seed_model)
    assert MemoryBackend(seed_model, TODAY).nodes() == Neo4jBackend(db, TODAY).nodes()


def test_a_type_error_part_way_leaves_the_database_as_it_was(db, seed_model, fictional_model):
    db.load(fictional_model)
    before = everything(db)
    plan = load_plan(seed_model, batch_size=5)
    late = max(i for i, step in enumerate(plan) if step.action == "relationships")
    rows = [{**row, "props": {**row["props"], "bad": {"a map": "is no property value"}}}
            for row in plan[late].params["rows"]]
    plan[late] = replace(plan[late], params={"rows": rows})
    with pytest.raises(Neo4jProblem) as raised:
        db.write(plan)
    assert "\n" not in str(raised.value)
    assert everything(db) == before
    assert Neo4jBackend(db, TODAY).nodes() == MemoryBackend(fictional_model, TODAY).nodes()


def test_a_constraint_violation_part_way_leaves_the_database_as_it_was(db, seed_model, fictional_model):
    """Half the seed's nodes are written, then a node whose id another kind already has breaks the constraint."""
    db.load(fictional_model)
    before = everything(db)
    plan = load_plan(seed_model, batch_size=5)
    node_steps = [i for i, step in enumerate(plan) if step.action == "nodes"]
    middle = node_steps[len(node_steps) // 2]
    taken = plan[node_steps[0]].params["rows"][0]["id"]  # written by the first node batch, under another label
    other = next(label for label in vocabulary.LABELS if label != plan[node_steps[0]].what)
    clash = replace(plan[middle], what=other, statement=f"UNWIND $rows AS row CREATE (n:OrgNode:{other}) "
                    f"SET n = row.props", params={"rows": [{"id": taken, "props": {"id": taken, "kind": other}}]})
    plan.insert(middle, clash)
    with pytest.raises(Neo4jProblem, match="ConstraintValidationFailed"):
        db.write(plan)
    assert everything(db) == before


def test_a_killed_connection_part_way_is_retried_whole(db, seed_model, fictional_model, caplog):
    """The server kills the transaction's connection in the middle of the load: nothing of that attempt
    stays, the driver retries the whole transaction on a new connection, and the database ends up
    holding exactly the new model (never a mixture)."""
    db.load(fictional_model)
    with db.driver.session() as session:
        victims = [r["connectionId"] for r in session.run("CALL dbms.listConnections() YIELD connectionId")]
    plan = load_plan(seed_model, batch_size=5)
    middle = [i for i, step in enumerate(plan) if step.action == "nodes"][3]
    kill = replace(plan[middle], statement="CALL dbms.listConnections() YIELD connectionId "
                   "WITH connectionId WHERE connectionId IN $victims "
                   "CALL dbms.killConnection(connectionId) YIELD message RETURN count(*) AS killed",
                   params={"victims": victims})
    plan.insert(middle, kill)
    db.write(plan)
    assert "will be retried" in caplog.text  # the first attempt died with its connection
    assert db.counts() == model_counts(seed_model)
    assert Neo4jBackend(db, TODAY).nodes() == MemoryBackend(seed_model, TODAY).nodes()


def test_clean_up_touches_only_what_orgraph_loaded(db, seed_model, fictional_model):
    db.driver.execute_query(
        "CREATE (a:Council {id: 'sr-ortopedi', name: 'someone else'})-[:APPOINTS {note: 'theirs'}]->(b:Team {id: 'x'}) "
        "CREATE (a)-[:REPORTS_TO]->(:Other {name: 'not ours'})")
    theirs = everything(db)
    db.load(fictional_model)
    db.load(seed_model)  # removes the fictional model's nodes and relationships that the seed lacks
    nodes, rels = everything(db)
    assert set(theirs[0]) <= set(nodes) and set(theirs[1]) <= set(rels)
    assert db.counts() == model_counts(seed_model)


def test_editing_a_reason_updates_the_relationship_in_place(db, seed_model):
    from orgraph.model.graph import Model

    db.load(seed_model)
    index = next(i for i, r in enumerate(seed_model.relations) if r.reason)
    relation = seed_model.relations[index]
    query = ("MATCH (a:OrgNode {id: $a})-[r]->(b:OrgNode {id: $b}) WHERE type(r) = $t "
             "RETURN elementId(r) AS eid, r.reason AS reason")
    params = {"a": relation.source_id, "b": relation.target_id, "t": relation.type}
    [before] = [r for r in db.run(query, params) if r["reason"] == relation.reason]
    edited = seed_model.relations[:index] + (relation.model_copy(update={"reason": "Ändrad motivering."}),) \
        + seed_model.relations[index + 1:]
    summary = db.load(Model(seed_model.nodes, edited))
    assert summary.removed_relationships == 0
    after = [r for r in db.run(query, params) if r["reason"] == "Ändrad motivering."]
    assert after == [{"eid": before["eid"], "reason": "Ändrad motivering."}]


def test_the_node_lookup_seeks_the_unique_index(db, seed_model):
    db.load(seed_model)
    from orgraph.backends.named_queries import load_queries

    with db.driver.session() as session:
        # The planner is cost-based: on statistics sampled before the load (an empty label) a label scan
        # costs the same as the seek and may be chosen. Resample and drop cached plans first.
        session.run("CALL db.prepareForReplanning(30)").consume()
        for name in ("node", "neighbours"):
            plan = session.run("EXPLAIN " + load_queries()[name].text,
                               {"id": "sr-ortopedi", "as_of": TODAY.isoformat()}).consume().plan
            operators = _operators(plan)
            assert any(op.startswith("NodeUniqueIndexSeek") for op in operators), (name, operators)
            assert not any(op.startswith(("AllNodesScan", "NodeByLabelScan")) for op in operators), (name, operators)
        profile = session.run("PROFILE " + merge_nodes("Council"),
                              {"rows": [{"id": "sr-ortopedi", "props": {"id": "sr-ortopedi", "kind": "Council"}}]}
                              ).consume().profile
        assert any(op.startswith("NodeUniqueIndexSeek") for op in _operators(profile)), _operators(profile)


def _operators(plan) -> list[str]:
    found = [plan["operatorType"]]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def test_the_version_check(db):
    assert check_version(db.driver.get_server_info().agent) == db.version
    assert db.version.startswith("5.26.")
    with pytest.raises(Neo4jProblem, match="older than supported"):
        check_version("Neo4j/4.4.30", redact(db.uri))
    with pytest.raises(Neo4jProblem, match="not Neo4j"):
        check_version("Memgraph/2.1", redact(db.uri))


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


def test_the_command_line_prints_the_same(cli, env, loaded):
    commands = []
    for fmt in ("text", "json"):
        common = ("--data", "fictional", "--format", fmt, "--as-of", "2025-01-01")
        commands += [("list", what, *common) for what in ("councils", "bodies", "posts", "people")]
        commands += [("show", node, *common) for node in ("sr-ortopedi", "lg-hs", "sr-ortopedi-ordforande")]
        commands += [("path", "regiondirektor", "sr-ortopedi-ordforande", "--all", *common),
                     ("path", "lg-hs", "sr-ortopedi", "--max-hops", "1", *common)]
        commands += [("escalate", "sr-ortopedi", "--topic", topic, *common) for topic in vocabulary.TOPICS]
        commands += [("reporting-line", "sr-ortopedi-ordforande", *common)]
    for command in commands:
        memory = cli(*command, env=env)
        neo4j = cli(*command, "--backend", "neo4j", env=env)
        assert (neo4j.exit_code, neo4j.stdout, neo4j.stderr) == (memory.exit_code, memory.stdout, memory.stderr), \
            command
    ids = cli("query", "node-ids", "--as-of", "2025-01-01", "--format", "json", env=env)
    assert [row["id"] for row in ids.json()] == MemoryBackend(loaded, dt.date(2025, 1, 1)).ids()


def test_wrong_password(cli, env, server):
    wrong = server.password[::-1]
    for command in (("show", "lg-hs", "--backend", "neo4j"), ("load",), ("query", "node-ids")):
        result = cli(*command, env={**env, "NEO4J_PASSWORD": wrong})
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "refused the credentials of user 'neo4j'" in result.stderr
        assert wrong not in result.stdout + result.stderr and server.password not in result.stdout + result.stderr


def test_missing_database(cli, env, server):
    result = cli("load", "--database", "nosuchdb", env=env)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "has no database 'nosuchdb'" in result.stderr
    assert server.password not in result.stderr


def test_schema_not_applied(cli, env, db, loaded):
    with db.driver.session() as session:
        session.run(f"DROP CONSTRAINT {constraint_name(vocabulary.NODE_LABEL)}").consume()
    try:
        for command in (("show", "lg-hs", "--backend", "neo4j"), ("query", "node-ids")):
            result = cli(*command, env=env)
            assert result.exit_code == 2
            assert "has no orgraph schema (missing constraint orgraph_org_node_id)" in result.stderr
            assert "run `orgraph load` first" in result.stderr
    finally:
        db.apply_schema()
    assert cli("show", "lg-hs", "--backend", "neo4j", env=env).exit_code == 0


def test_query_runs_read_only(db, loaded):
    with pytest.raises(Neo4jProblem):
        db.run("CREATE (:Council {id: 'written-by-a-read'})", {})
    assert db.run("MATCH (n {id: 'written-by-a-read'}) RETURN n", {}) == []


def test_json_load_summary(cli, env, server, seed_model):
    result = cli("load", "--data", "seed", "--format", "json", env=env)
    summary = json.loads(result.stdout)
    assert summary["written"] == {"nodes": len(seed_model.nodes), "relationships": len(seed_model.relations)}
    assert server.password not in result.stdout + result.stderr


def test_the_password_never_shows_in_an_address(server):
    for password in (server.password, "p/w@x:y%z#å", "Lösen/ord@1"):
        uri = server.uri.replace("bolt://", f"bolt://neo4j:{password}@")
        shown = redact(uri)
        assert password not in shown and shown == server.uri.replace("bolt://", "bolt://neo4j:***@"), shown
        with pytest.raises(Neo4jProblem) as raised:
            Neo4jDatabase(uri, "neo4j", password)
        assert password not in str(raised.value)


@pytest.fixture
def silent_peer():
    """A loopback TCP listener that accepts connections and never answers (bounded: closed after the test)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"bolt://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for connection in accepted:
        connection.close()
    listener.close()


@pytest.mark.parametrize("command", [("show", "lg-hs", "--backend", "neo4j"), ("load",), ("query", "node-ids")])
def test_timeout_against_a_silent_peer(silent_peer, server, command):
    """The real command line, in its own process: exit 2 within the deadline plus two seconds, one line."""
    env = {**server.env(NEO4J_URI=silent_peer), "PYTHONPATH": ":".join(sys.path)}
    env = {key: value for key, value in env.items() if value is not None}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "orgraph", *command, "--timeout", "3"], env=env,
                          capture_output=True, text=True, timeout=30)
    elapsed = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    assert elapsed < 3 + 2 + 1.5, elapsed  # + the interpreter's start-up
    assert done.stderr.count("\n") == 1 and "3 s" in done.stderr, done.stderr
    assert server.password not in done.stdout + done.stderr
