"""The Cypher backend on real engines: FalkorDB (native client) and Neo4j 5.26 answer what the memory backend answers.

The shipped models and a small synthetic one are written with the statements ``orgraph load``
generates, and every read, every named query (so every rule) and the command line's output are
compared with the memory backend, row for row, on three dates, on each engine (the ``engine``
fixture).  Loading is shown idempotent and re-loading shown to remove what is gone on FalkorDB here;
FalkorDB has no multi-statement transactions, so the all-or-nothing guarantee is proven on Neo4j
(tests/test_neo4j.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import replace

import pytest

from orgraph import vocabulary
from orgraph.backends.cypher import CypherBackend
from orgraph.backends.cypher_load import KEY, apply_plan, load_plan
from orgraph.backends.falkordb import FalkorDBRunner, falkordb_backend, load_graph
from orgraph.backends.memory import MemoryBackend
from orgraph.backends.named_queries import load_queries, run_named
from orgraph.model.graph import Model
from orgraph.model.loader import load
from orgraph.query import catalog

TODAY = dt.date(2026, 11, 23)
DAYS = (TODAY, dt.date(2025, 1, 1), dt.date(2023, 6, 1))
MODELS = ("seed", "fictional", "synth")


@pytest.fixture(scope="module")
def models(seed_model, fictional_model, tmp_path_factory):
    from orgraph.synth import SynthSpec, generate

    synth_dir = tmp_path_factory.mktemp("synth") / "model"
    generate(SynthSpec(regions=1, councils_per_region=4, seed=3, staff_per_administration=2), synth_dir)
    return {"seed": seed_model, "fictional": fictional_model, "synth": load(synth_dir)}


class FalkorDBEngine:
    """Each model in its own FalkorDB graph, loaded on first use."""

    name = "falkordb"

    def __init__(self, server):
        self.client, self.graphs = server.client(), {}

    def runner(self, name: str, model: Model):
        if name not in self.graphs:
            graph = self.client.select_graph(f"parity_{name}")
            load_graph(graph, model, batch_size=7)
            self.graphs[name] = graph
        return FalkorDBRunner(self.graphs[name])

    def close(self) -> None:
        for graph in self.graphs.values():
            graph.delete()


class Neo4jEngine:
    """The session's one Neo4j database (Community has one), holding whichever model was asked for last."""

    name = "neo4j"

    def __init__(self, target):
        from orgraph.backends.neo4j import Neo4jDatabase

        self.target, self.db = target, Neo4jDatabase(target.uri, target.user, target.password)

    def runner(self, name: str, model: Model):
        engine = self

        class Loaded:
            def run(self, query, params):
                if engine.target.loaded != name:  # another test may have loaded something else meanwhile
                    engine.db.load(model, batch_size=7)
                    engine.target.loaded = name
                return engine.db.run(query, params)

            def close(self) -> None:
                pass

        return Loaded()

    def close(self) -> None:
        self.db.close()


@pytest.fixture(scope="module", params=["falkordb", "neo4j"])
def engine(request):
    """Each Cypher engine in turn, started once per session by its fixture in conftest.py."""
    made = (FalkorDBEngine(request.getfixturevalue("falkordb")) if request.param == "falkordb"
            else Neo4jEngine(request.getfixturevalue("neo4j_server")))
    yield made
    made.close()


def cypher_backend(engine, models, name: str, day: dt.date) -> CypherBackend:
    backend = CypherBackend(engine.runner(name, models[name]), day)
    backend.name = engine.name
    return backend


@pytest.fixture(scope="module")
def graphs(falkordb, models):
    """The shipped models in FalkorDB graphs, for the command-line comparisons below (Neo4j's: test_neo4j.py)."""
    client = falkordb.client()
    loaded = {}
    for name in ("seed", "fictional"):
        graph = client.select_graph(f"cli_{name}")
        load_graph(graph, models[name], batch_size=7)
        loaded[name] = graph
    yield loaded
    for graph in loaded.values():
        graph.delete()


@pytest.fixture(scope="module", params=[(name, day) for name in MODELS for day in DAYS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def pair(request, models, engine):
    """(memory backend, Cypher backend on the engine) for one model on one date."""
    name, day = request.param
    return MemoryBackend(models[name], day), cypher_backend(engine, models, name, day)


def sample(items: list, count: int) -> list:
    step = max(1, len(items) // count)
    return items[::step]


# --- the reads ---------------------------------------------------------------------------


def test_ids_and_nodes_of_every_kind(pair):
    memory, cypher = pair
    assert cypher.ids() == memory.ids()
    assert cypher.nodes() == memory.nodes()
    for kinds in [[label] for label in vocabulary.LABELS] + [list(vocabulary.BODY_LABELS), []]:
        assert cypher.nodes(kinds) == memory.nodes(kinds), kinds


def test_every_node_and_its_neighbours(pair):
    memory, cypher = pair
    for node_id in memory.model.nodes:  # every id of the model, also those not valid on this date
        assert cypher.node(node_id) == memory.node(node_id), node_id
        if memory.node(node_id) is not None:
            assert cypher.neighbours(node_id) == memory.neighbours(node_id), node_id
    assert cypher.node("no-such-node") is None


@pytest.mark.parametrize("model_name", ["seed", "fictional"])
def test_dates_come_back_as_dates(engine, models, model_name):
    cypher = cypher_backend(engine, models, model_name, TODAY)
    documents = cypher.nodes(["Document"])
    assert any(isinstance(d.get("date"), dt.date) for d in documents)
    holdings = [n for p in cypher.nodes(["Post"]) for n in cypher.neighbours(p["id"]) if n.type == "HOLDS"]
    assert holdings and all(isinstance(n.properties["valid_from"], dt.date) for n in holdings)
    assert all(KEY not in n.properties for n in holdings)


VIAS = [None, ["POST_OF", "HOLDS"], ["DELEGATES_TO", "COMMISSIONS", "REFERENCE_GROUP_FOR", "APPOINTS"],
        ["ESCALATES_TO"], ["REPORTS_TO", "PART_OF"]]


OPTIONS = ({}, {"all_paths": True}, {"max_hops": 2}, {"all_paths": True, "max_hops": 3})


def test_paths_between_many_pairs(pair):
    memory, cypher = pair
    # the organisation, not the clauses (which stand apart from it: sampling them would find few paths)
    ids = sorted(node["id"] for node in memory.nodes() if node.get("kind") != vocabulary.Kind.CLAUSE)
    pairs = [(a, b) for a in sample(ids, 7) for b in sample(ids[3:], 6)]
    pairs += [("regiondirektor", "sr-ortopedi-ordforande"), ("sr-ortopedi", "sr-ortopedi"),
              ("lg-hs", "sr-bild-och-funktionsmedicin")]
    checked = found = 0
    for index, (a, b) in enumerate(pairs):
        if a not in ids or b not in ids:
            continue
        via = VIAS[index % len(VIAS)]
        for options in OPTIONS[index % 2::2]:
            expected = memory.paths(a, b, via, **options)
            assert cypher.paths(a, b, via, **options) == expected, (a, b, via, options)
            checked += 1
            found += bool(expected)
    assert found > 10 and checked - found > 10  # both paths and no-paths were compared


def test_several_shortest_paths_come_in_the_same_order(models, engine):
    memory, cypher = MemoryBackend(models["fictional"], TODAY), cypher_backend(engine, models, "fictional", TODAY)
    many = [(a, b) for a in sample(memory.ids(), 12) for b in sample(memory.ids(), 10)
            if len(memory.paths(a, b, all_paths=True)) > 2]
    assert many, "the fictional model has pairs with several shortest paths"
    for a, b in many[:15]:
        assert cypher.paths(a, b, all_paths=True) == memory.paths(a, b, all_paths=True)


def test_listing_and_describe(pair):
    memory, cypher = pair
    for what in catalog.NODE_LISTS:
        assert catalog.listing(cypher, what) == catalog.listing(memory, what), what
    for node_id in sample(memory.ids(), 25):
        assert catalog.describe(cypher, node_id) == catalog.describe(memory, node_id), node_id


# --- every named query -------------------------------------------------------------------

PARAMS = {"as_of": TODAY.isoformat(), "id": "sr-ortopedi", "kinds": ["Council", "Post"],
          "frontier": ["sr-ortopedi", "lg-hs"], "types": None, "pairs": [["sr-ortopedi", "lg-hs"]],
          "topic": "region-wide-decision"}


def parameters_for(query) -> dict:
    values = dict(PARAMS)
    try:
        from orgraph.rules import Options, cypher_parameters
    except ImportError:
        pass
    else:
        values.update({k: v.isoformat() if isinstance(v, dt.date) else v
                       for k, v in cypher_parameters(TODAY, Options()).items()})
    missing = [p for p in query.parameters if p not in values]
    assert not missing, f"add example values for {missing} of {query.name} to PARAMS"
    return {p: values[p] for p in query.parameters}


def expected_rows(name: str, memory: MemoryBackend, params: dict):
    """What a named query must return, computed from the memory backend (None: no Python twin here)."""
    if name == "node-ids":
        return [{"id": i} for i in memory.ids()]
    if name == "node":
        return [{"node": memory.node(params["id"])}]
    if name == "nodes":
        return [{"node": n} for n in memory.nodes(params["kinds"])]
    if name == "node-counts":
        kinds = sorted({n.kind for n in memory.model.nodes.values()})
        return [{"kind": k, "nodes": sum(n.kind == k for n in memory.model.nodes.values())} for k in kinds]
    if name == "relationship-counts":
        types = sorted({r.type for r in memory.model.relations})
        return [{"type": t, "relationships": sum(r.type == t for r in memory.model.relations)} for t in types]
    if name == "neighbours":
        return sorted((n.type, n.direction, n.node["id"]) for n in memory.neighbours(params["id"]))
    if name == "path-step":
        return sorted({(a, n.node["id"]) for a in params["frontier"] for n in memory.neighbours(a)})
    if name == "escalation-edges":
        return sorted((u, v) for u, v, d in memory.graph.edges(data=True)
                      if d["type"] == "ESCALATES_TO" and d.get("topic") == params["topic"])
    if name == "may-decide":
        return sorted(u for u, v, d in memory.model.graph().edges(data=True)
                      if d["type"] == "MAY_DECIDE" and v == params["topic"])
    return None


def comparable(name: str, rows: list[dict], memory: MemoryBackend):
    from orgraph.backends.cypher import node_from_db

    if name in ("node", "nodes"):
        return [{"node": node_from_db(r["node"], memory.day)} for r in rows]
    if name == "neighbours":
        return sorted((r["type"], r["direction"], r["node"]["id"]) for r in rows)
    if name == "path-step":
        return sorted((r["from_id"], r["to_id"]) for r in rows)
    if name == "escalation-edges":
        return sorted((r["source"], r["target"]) for r in rows)
    if name == "may-decide":
        return sorted(r["decider"] for r in rows)
    return rows


@pytest.mark.parametrize("name", sorted(load_queries()))
@pytest.mark.parametrize("model_name", MODELS)
def test_every_named_query_runs_and_agrees_with_memory(name, model_name, models, engine):
    query = load_queries()[name]
    params = parameters_for(query)
    memory = MemoryBackend(models[model_name], TODAY)
    if "id" in params and params["id"] not in memory.ids():  # the synthetic model's ids are prefixed
        params["id"] = next(i for i in memory.ids() if i.endswith(params["id"]))
    rows = run_named(engine.runner(model_name, models[model_name]), name, params)
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
    if rows:
        assert all(list(r) == list(rows[0]) for r in rows), "every row has the same columns"
        returned = re.findall(r"\bAS (\w+)\s*(?:,|$|\n|ORDER)", query.text.split("RETURN")[-1])
        assert set(returned) <= set(rows[0]), (returned, list(rows[0]))
    expected = expected_rows(name, memory, params)
    if expected is not None:
        assert comparable(name, rows, memory) == expected
    elif name.startswith("rule-"):
        rules = pytest.importorskip("orgraph.rules")
        rule = next(r for r in rules.RULES if r.cypher == name)
        python_hits = rules.check(models[model_name], TODAY, rules.Options(rules=(rule.id,)))
        cypher_hits = rules.findings_from_rows(rows)
        assert sorted({(h.variant, h.focus) for h in cypher_hits}) == \
            sorted({(f.variant, f.focus) for f in python_hits.findings})


def test_every_named_query_has_a_comparison_or_is_a_rule(models):
    """A new named query needs a Python twin in expected_rows (or is a rule, compared with orgraph.rules)."""
    memory = MemoryBackend(models["seed"], TODAY)
    for name, query in load_queries().items():
        if name.startswith("rule-") or name == "path-hops":  # path-hops: compared through paths() above
            continue
        assert expected_rows(name, memory, parameters_for(query)) is not None, f"no comparison for {name}"


# --- loading -----------------------------------------------------------------------------


def counts(graph) -> tuple[int, int]:
    runner = FalkorDBRunner(graph)
    return (runner.run("MATCH (n) RETURN count(n) AS n", {})[0]["n"],
            runner.run("MATCH ()-[r]->() RETURN count(r) AS n", {})[0]["n"])


@pytest.fixture
def scratch(falkordb, request):
    graph = falkordb.client().select_graph(f"scratch_{request.node.name[:40]}")
    yield graph
    with contextlib.suppress(Exception):  # never created
        graph.delete()


def test_loading_twice_changes_nothing(scratch, seed_model):
    first = load_graph(scratch, seed_model)
    assert counts(scratch) == (len(seed_model.nodes), len(seed_model.relations))
    assert sum(first.nodes.values()) == len(seed_model.nodes)
    assert sum(first.relationships.values()) == len(seed_model.relations)
    before = falkordb_backend(scratch, TODAY).nodes()
    again = load_graph(scratch, seed_model, batch_size=3)
    assert (again.removed_nodes, again.removed_relationships) == (0, 0)
    assert counts(scratch) == (len(seed_model.nodes), len(seed_model.relations))
    assert falkordb_backend(scratch, TODAY).nodes() == before


def test_reloading_another_model_removes_what_is_gone(scratch, seed_model, fictional_model):
    load_graph(scratch, fictional_model)
    summary = load_graph(scratch, seed_model)
    gone = set(fictional_model.nodes) - set(seed_model.nodes)
    assert gone and summary.removed_nodes >= len(gone)
    assert summary.removed_relationships > 0
    assert counts(scratch) == (len(seed_model.nodes), len(seed_model.relations))
    memory, cypher = MemoryBackend(seed_model, TODAY), falkordb_backend(scratch, TODAY)
    assert cypher.nodes() == memory.nodes()
    for node_id in memory.ids():
        assert cypher.neighbours(node_id) == memory.neighbours(node_id), node_id


def test_reloading_a_changed_model_applies_the_change(scratch, seed_model):
    load_graph(scratch, seed_model)
    nodes = dict(seed_model.nodes)
    dropped = nodes.pop("rpo")
    nodes["sr-ortopedi"] = nodes["sr-ortopedi"].model_copy(update={"name": "Ortopedirådet", "meetings_max": 6})
    relations = tuple(r for r in seed_model.relations if dropped.id not in (r.source_id, r.target_id))
    chair = next(i for i, r in enumerate(relations) if r.type == "APPOINTS")
    relations = relations[:chair] + (relations[chair].model_copy(update={"reason": "Changed."}),) \
        + relations[chair + 1:]
    changed = Model(nodes, relations)
    summary = load_graph(scratch, changed)
    assert summary.removed_nodes == 1
    assert summary.removed_relationships == len(seed_model.relations) - len(relations)  # a new reason: updated in place
    memory, cypher = MemoryBackend(changed, TODAY), falkordb_backend(scratch, TODAY)
    assert cypher.node("rpo") is None
    assert cypher.node("sr-ortopedi")["name"] == "Ortopedirådet"
    assert cypher.nodes() == memory.nodes()
    for node_id in memory.ids():
        assert cypher.neighbours(node_id) == memory.neighbours(node_id), node_id


def test_identical_relations_stay_apart(scratch, seed_model):
    twice = seed_model.relations + (seed_model.relations[0],)
    model = Model(seed_model.nodes, twice)
    load_graph(scratch, model)
    load_graph(scratch, model)
    assert counts(scratch)[1] == len(twice)
    memory, cypher = MemoryBackend(model, TODAY), falkordb_backend(scratch, TODAY)
    source = twice[0].source_id
    assert cypher.neighbours(source) == memory.neighbours(source)


def test_parallel_relationships_pick_the_same_hop(scratch, seed_model):
    """Between two nodes with several relationships a path takes the first by type, then forward before backward."""
    from orgraph.model.schema import Relation

    extra = (Relation.model_validate({"from": "lg-hs", "type": "REPORTS_TO", "to": "sr-ortopedi"}),
             Relation.model_validate({"from": "sr-ortopedi", "type": "REPORTS_TO", "to": "lg-hs", "reason": "b"}),
             Relation.model_validate({"from": "sr-ortopedi", "type": "REFERENCE_GROUP_FOR", "to": "lg-hs"}),
             Relation.model_validate({"from": "ppr", "type": "LEADS", "to": "klinisk-ledning"}),
             Relation.model_validate({"from": "klinisk-ledning", "type": "LEADS", "to": "ppr"}))
    model = Model(seed_model.nodes, extra + seed_model.relations)
    load_graph(scratch, model)
    memory, cypher = MemoryBackend(model, TODAY), falkordb_backend(scratch, TODAY)
    for a, b, via in [("lg-hs", "sr-ortopedi", ["REPORTS_TO"]), ("sr-ortopedi", "lg-hs", ["REPORTS_TO"]),
                      ("sr-ortopedi", "lg-hs", None), ("ppr", "klinisk-ledning", ["LEADS"]),
                      ("klinisk-ledning", "ppr", ["LEADS"])]:
        expected = memory.paths(a, b, via)
        assert len(expected[0]) == 1 and expected[0][0].forward  # the same type runs both ways: forward wins
        assert cypher.paths(a, b, via) == expected, (a, b, via)


def test_a_failed_load_can_be_rerun(scratch, seed_model, fictional_model):
    """On FalkorDB a failure part-way leaves part of the load (no transactions); loading again repairs it."""
    load_graph(scratch, fictional_model)
    plan = load_plan(seed_model, batch_size=5)
    late = max(i for i, step in enumerate(plan) if step.action == "relationships")
    plan[late] = replace(plan[late], statement=plan[late].statement.replace("MERGE", "MERGEE"))
    with pytest.raises(Exception, match="(?i)mergee|syntax|invalid"):
        apply_plan(FalkorDBRunner(scratch).run, plan)
    load_graph(scratch, seed_model)
    assert counts(scratch) == (len(seed_model.nodes), len(seed_model.relations))
    assert falkordb_backend(scratch, TODAY).nodes() == MemoryBackend(seed_model, TODAY).nodes()


# --- the command line over a Cypher engine -------------------------------------------------


class _FalkorQueries(FalkorDBRunner):
    """What ``orgraph query`` needs of a Neo4j connection, on FalkorDB (which has no constraints to check)."""

    where = "falkordb"

    def require_schema(self) -> None:
        pass


def cli_runs(cli, monkeypatch, graph, *commands):
    """Each command's (exit code, stdout, stderr) on memory and with --backend neo4j answered by FalkorDB."""
    import orgraph.cli.database as database
    from orgraph.backends.neo4j import Neo4jBackend

    monkeypatch.setattr(Neo4jBackend, "connect", classmethod(
        lambda cls, uri, user, password, db, day, **_: falkordb_backend(graph, day)))
    monkeypatch.setattr(database, "_connect", lambda uri, user, db, timeout: _FalkorQueries(graph))
    env = {"NEO4J_PASSWORD": "unused", "NEO4J_URI": "bolt://127.0.0.1:1"}
    out = []
    for command in commands:
        memory = cli(*command, env=env)
        neo4j = cli(*command, "--backend", "neo4j", env=env)
        out.append(((memory.exit_code, memory.stdout, memory.stderr), (neo4j.exit_code, neo4j.stdout, neo4j.stderr)))
    return out


def without_data(result: tuple, data: str) -> tuple:
    code, out, err = result
    if out.startswith("{"):
        report = json.loads(out)
        assert report.pop("data") in (data, None)
        return code, report, err
    out = out.replace(f"orgraph check of {data},", "orgraph check,", 1)  # --lang en
    return code, out.replace(f"orgraph check av {data},", "orgraph check,", 1), err  # Swedish, the default


@pytest.mark.parametrize("model_name, data", [("seed", "seed"), ("fictional", "fictional")])
def test_cli_output_is_the_same_on_both_backends(cli, monkeypatch, graphs, model_name, data):
    json_ = ("--data", data, "--format", "json", "--as-of", "2025-01-01")
    text = ("--data", data, "--as-of", "2025-01-01")
    commands = [("list", what, *json_) for what in ("councils", "bodies", "posts", "people", "documents", "topics")]
    commands += [("show", node, *json_) for node in ("sr-ortopedi", "lg-hs", "sr-ortopedi-ordforande",
                                                     "uh-ortopedi-2024", "no-such-node")]
    commands += [("path", "regiondirektor", "sr-ortopedi-ordforande", *json_),
                 ("path", "regiondirektor", "sr-ortopedi-ordforande", "--all", "--via",
                  "DELEGATES_TO,COMMISSIONS,REFERENCE_GROUP_FOR,APPOINTS", *json_),
                 ("path", "sr-ortopedi", "region-wide-decision", "--via", "HOLDS", *json_),
                 ("path", "lg-hs", "sr-ortopedi", "--max-hops", "1", *json_)]
    commands += [("escalate", "sr-ortopedi", "--topic", topic, *json_) for topic in vocabulary.TOPICS]
    commands += [("check", *json_), ("check", *text), ("list", "posts", *text), ("show", "sr-ortopedi", *text),
                 ("path", "regiondirektor", "sr-ortopedi-ordforande", "--all", *text),
                 ("escalate", "sr-ortopedi", "--topic", "outside-mandate", *text),
                 ("escalate", "sr-ortopedi", "--topic", "organisation-and-working-conditions", *text)]
    codes = set()
    for (memory, neo4j), command in zip(cli_runs(cli, monkeypatch, graphs[model_name], *commands),
                                       commands, strict=True):
        if command[0] == "check":  # the check report names the data directory, which only memory reads
            memory, neo4j = without_data(memory, data), without_data(neo4j, data)
        assert neo4j == memory, command
        codes.add(memory[0])
    assert codes == {0, 1, 2}  # answers, findings and refusals were all compared


def test_cli_query_runs_named_queries(cli, monkeypatch, graphs, seed_model):
    graph = graphs["seed"]
    [(_, ids)] = cli_runs(cli, monkeypatch, graph, ("query", "node-ids", "--format", "json", "--as-of",
                                                     TODAY.isoformat()))
    assert ids[0] == 0 and [row["id"] for row in json.loads(ids[1])] == \
        MemoryBackend(seed_model, TODAY).ids()
    [(_, shown)] = cli_runs(cli, monkeypatch, graph, ("query", "node", "-p", "id=lg-hs"))
    assert shown[0] == 0 and "lg-hs" in shown[1]
    [(_, kinds)] = cli_runs(cli, monkeypatch, graph, ("query", "nodes", "-p", 'kinds:=["Council"]',
                                                      "--format", "json"))
    assert [row["node"]["id"] for row in json.loads(kinds[1])] == \
        ["sr-bild-och-funktionsmedicin", "sr-ortopedi"]


class _FalkorLoadTarget(FalkorDBRunner):
    """What ``orgraph load`` needs of a Neo4j connection, on FalkorDB (no schema, no transactions)."""

    where = "falkordb"

    def apply_schema(self) -> None:
        pass

    def write(self, plan, progress=None):
        return apply_plan(self.run, plan, progress)

    def counts(self):
        return ({row["kind"]: row["nodes"] for row in run_named(self, "node-counts")},
                {row["type"]: row["relationships"] for row in run_named(self, "relationship-counts")})


def test_cli_load_summary_and_progress_bar(cli, monkeypatch, scratch, tmp_path, seed_model):
    import orgraph.cli.database as database
    from orgraph.synth import SynthSpec, generate

    monkeypatch.setattr(database, "_connect", lambda uri, user, db, timeout: _FalkorLoadTarget(scratch))
    env = {"NEO4J_PASSWORD": "unused", "NEO4J_URI": "bolt://127.0.0.1:1"}
    first = cli("load", "--data", "seed", env=env)
    assert first.exit_code == 0 and first.stderr == ""  # a small model: no progress bar
    assert first.stdout.startswith(f"loaded seed into falkordb: {len(seed_model.nodes)} nodes, "
                                   f"{len(seed_model.relations)} relationships (removed 0 nodes, 0 relationships")
    again = cli("load", "--data", "seed", "--format", "json", env=env).json()
    assert again["removed"] == {"nodes": 0, "relationships": 0}
    assert sum(again["nodes"].values()) == len(seed_model.nodes)
    assert again["written"] == {"nodes": len(seed_model.nodes), "relationships": len(seed_model.relations)}
    generate(SynthSpec(regions=1, councils_per_region=20, seed=1), tmp_path / "big")
    big = cli("load", "--data", str(tmp_path / "big"), "--batch-size", "100", env=env)
    assert big.exit_code == 0, big.stderr
    assert "loading" in big.stderr  # click's bar; off a terminal it shows its label once
    assert int(re.search(r"\(removed (\d+) nodes", big.stdout).group(1)) > 0  # the seed's own nodes went
