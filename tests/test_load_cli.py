"""``orgraph load`` and ``orgraph query`` without a server: every failure is one clear line, exit 2, no secret shown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgraph.backends.named_queries import load_queries

PASSWORD = "Xq7!hemligt-lösen-4711"  # distinctive: any output containing it is a leak
UNREACHABLE = "bolt://127.0.0.1:1"
ENV = {"NEO4J_PASSWORD": PASSWORD, "NEO4J_URI": None, "NEO4J_USER": None, "NEO4J_DATABASE": None}


def one_error_line(result) -> str:
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("orgraph: error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


@pytest.mark.parametrize("uri, expected", [
    (UNREACHABLE, "cannot reach Neo4j at bolt://127.0.0.1:1"),
    ("neo4j://127.0.0.1:1", "cannot reach Neo4j at neo4j://127.0.0.1:1"),
    ("http://127.0.0.1:7474", "not a Neo4j Bolt address"),
    ("127.0.0.1:7687", "not a Neo4j Bolt address"),
    ("bolt://[::1", "not a valid address"),
    (f"bolt://neo4j:{PASSWORD}@127.0.0.1:1", "put no user or password in the address"),
])
def test_load_fails_with_one_line(cli, uri, expected):
    line = one_error_line(cli("load", "--uri", uri, env=ENV))
    assert expected in line
    assert PASSWORD not in line


def test_load_unreachable_as_a_real_process():
    env = {**os.environ, "NEO4J_PASSWORD": PASSWORD}
    env.pop("NEO4J_URI", None)
    proc = subprocess.run([sys.executable, "-m", "orgraph", "load", "--uri", UNREACHABLE], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("orgraph: error: cannot reach Neo4j")
    assert PASSWORD not in proc.stderr


READS = [
    ("load",), ("load", "--data", "fictional"), ("show", "sr-ortopedi", "--backend", "neo4j"),
    ("list", "councils", "--backend", "neo4j"), ("path", "lg-hs", "sr-ortopedi", "--backend", "neo4j"),
    ("escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--backend", "neo4j"),
    ("check", "--backend", "neo4j"), ("query", "node-ids"), ("query", "node", "-p", "id=lg-hs"),
]


@pytest.mark.parametrize("uri", [UNREACHABLE, "neo4j://127.0.0.1:1", "https://127.0.0.1:7473",
                                 f"bolt://neo4j:{PASSWORD}@127.0.0.1:1"])
@pytest.mark.parametrize("command", READS, ids=lambda c: "-".join(c[:2]))
def test_the_password_never_appears(cli, command, uri):
    result = cli(*command, "--uri", uri, env=ENV)
    assert result.exit_code == 2
    assert PASSWORD not in result.stdout + result.stderr
    one_error_line(result)


def test_the_address_may_come_from_the_environment(cli):
    line = one_error_line(cli("load", env={**ENV, "NEO4J_URI": UNREACHABLE}))
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in line


def test_no_address_is_a_clear_error(cli):
    assert "give --uri or set NEO4J_URI" in one_error_line(cli("load", env=ENV))
    assert "--uri or NEO4J_URI" in one_error_line(cli("show", "lg-hs", "--backend", "neo4j", env=ENV))


def test_no_password_and_no_terminal_is_a_clear_error(cli):
    line = one_error_line(cli("load", "--uri", UNREACHABLE, env={**ENV, "NEO4J_PASSWORD": None}))
    assert "NEO4J_PASSWORD is not set" in line


def test_there_is_no_password_option(cli):
    result = cli("load", "--uri", UNREACHABLE, "--password", PASSWORD, env=ENV)
    assert result.exit_code == 2 and "No such option" in result.stderr
    assert "NEO4J_PASSWORD" in cli("load", "--help").stdout


def test_bad_data_is_refused_before_connecting(cli, data_copy):
    (data_copy / "region.yaml").write_text("nodes:\n  - {id: x, kind: Counsil, name: X}\n", encoding="utf-8")
    result = cli("load", "--data", str(data_copy), "--uri", UNREACHABLE, env=ENV)
    assert result.exit_code == 2
    assert "nothing was loaded" in result.stderr and "cannot reach" not in result.stderr


def test_batch_size_must_be_positive(cli):
    result = cli("load", "--uri", UNREACHABLE, "--batch-size", "0", env=ENV)
    assert result.exit_code == 2 and "--batch-size" in result.stderr


# --- orgraph query: what is checked before any connection ------------------------------------


@pytest.mark.parametrize("args, expected", [
    (("query", "nod"), "unknown query 'nod'; did you mean node or nodes?"),
    (("query", "zzz"), "unknown query 'zzz'; valid: "),
    (("query", "../schema/constraints"), "unknown query '../schema/constraints'"),
    (("query", "node"), "query node needs the parameter 'id' (-p id=VALUE)"),
    (("query", "node", "-p", "id=x", "-p", "idd=y"), "query node takes no parameter 'idd'; it takes: id, as_of"),
    (("query", "nodes", "-p", "kinds:=[Council]"), "parameter 'kinds' is not JSON"),
    (("query", "node", "-p", "id"), "a parameter is key=value (text) or key:=JSON: 'id'"),
])
def test_query_input_errors(cli, args, expected):
    line = one_error_line(cli(*args, "--uri", UNREACHABLE, env=ENV))
    assert expected in line


def test_query_reaches_the_server_only_with_good_parameters(cli):
    line = one_error_line(cli("query", "nodes", "-p", 'kinds:=["Council"]', "--uri", UNREACHABLE, env=ENV))
    assert "cannot reach Neo4j" in line


def test_list_queries_names_every_file(cli):
    result = cli("list", "queries", "--format", "json")
    assert result.exit_code == 0
    rows = result.json()
    assert [row["id"] for row in rows] == sorted(load_queries())
    node = next(row for row in rows if row["id"] == "node")
    assert node["parameters"] == ["id", "as_of"] and node["description"]
    text = cli("list", "queries").stdout
    assert all(name in text for name in load_queries())


def test_docker_compose_runs_neo4j_5_with_the_password_from_the_environment():
    import yaml

    path = Path(__file__).resolve().parent.parent / "docker-compose.yml"
    text = path.read_text(encoding="utf-8")
    service = yaml.safe_load(text)["services"]["neo4j"]
    assert service["image"] == "neo4j:5"
    assert service["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")
    assert sorted(service["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    assert service["healthcheck"]["test"] and service["volumes"] == ["neo4j-data:/data"]
    assert "neo4j-data" in yaml.safe_load(text)["volumes"]
