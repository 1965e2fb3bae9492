"""What start-up imports: ``orgraph --help`` and a cached listing import neither networkx nor pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgraph.cli import COMMANDS, command

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("networkx", "pydantic", "pydantic_core", "yaml", "neo4j", "pyvis", "jinja2", "falkordb", "orgraph.rules")
PROBE = """
import json, sys
sys.argv = ["orgraph", *json.loads(sys.argv[1])]
from orgraph.cli import main
try:
    main(prog_name="orgraph")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m in HEAVY)), file=sys.stderr)
""".replace("HEAVY", repr(HEAVY))


def imported(args: list[str], env: dict[str, str]) -> list[str]:
    """The heavy modules a fresh ``orgraph ARGS`` process has imported when it ends."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "ORGRAPH_CACHE_DIR": str(tmp_path / "cache")}


def test_help_imports_no_heavy_module(env):
    assert imported(["--help"], env) == []


def test_a_cached_listing_imports_neither_networkx_nor_pydantic(env):
    first = imported(["list", "councils"], env)  # a miss: loads the YAML and fills the cache
    assert "pydantic" in first and "networkx" not in first
    assert imported(["list", "councils"], env) == []
    assert imported(["--no-cache", "list", "councils"], env) == ["pydantic", "pydantic_core", "yaml"]


def test_the_help_table_says_what_each_command_says():
    for name, (_, _, text) in COMMANDS.items():
        assert command(name).get_short_help_str(1000) == text, name


def test_commands_are_still_attributes_of_the_package():
    from orgraph.cli import check_command, list_command

    assert list_command.name == "list" and check_command.name == "check"
