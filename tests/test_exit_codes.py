"""Exit codes are a contract: 0 clean, 1 findings, 2 unusable input, 3 anything unexpected, for every command.

An internal error is injected into our own library (a function the command calls is made to raise), and the
real command line must answer with exit 3, one line naming the exception, and no traceback unless asked.
"""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from orgraph.cli import main

#: For each command: arguments that make it run, and a library function it calls (patched to raise). The model
#: is read through ``load_cached`` (a warm cache never reaches ``loader.load``, so that would not be called).
INJECTIONS = {
    "list": (["list", "councils"], "orgraph.model.cache.load_cached"),
    "show": (["show", "sr-ortopedi"], "orgraph.model.cache.load_cached"),
    "path": (["path", "sr-ortopedi", "vgr"], "orgraph.model.cache.load_cached"),
    "schema": (["schema"], "orgraph.model.schema.json_schema"),
    "check": (["check"], "orgraph.model.cache.load_cached"),
    "render": (["render", "-o", "-"], "orgraph.model.cache.load_cached"),
    "escalate": (["escalate", "sr-ortopedi", "--topic", "outside-mandate"], "orgraph.model.cache.load_cached"),
    "reporting-line": (["reporting-line", "sr-ortopedi"], "orgraph.model.cache.load_cached"),
    "synth": (["synth", "--regions", "1", "--councils-per-region", "1", "-o", "{tmp}/out"], "orgraph.synth.generate"),
    "load": (["load", "--uri", "bolt://127.0.0.1:9"], "orgraph.model.cache.load_cached"),
    "query": (["query", "councils", "--uri", "bolt://127.0.0.1:9"], "orgraph.backends.named_queries.get_query"),
    "diff": (["diff", "--from-date", "2025-01-01", "--to-date", "2026-11-23"], "orgraph.model.cache.load_cached"),
    "impact": (["impact", "sr-ortopedi"], "orgraph.model.cache.load_cached"),
    "matrix": (["matrix"], "orgraph.model.cache.load_cached"),
    "summary": (["summary"], "orgraph.model.cache.load_cached"),
    "export": (["export", "--format", "graphml", "-o", "-"], "orgraph.model.cache.load_cached"),
    "cache clear": (["cache", "clear"], "orgraph.model.cache.cache_dir"),
    "cache dir": (["cache", "dir"], "orgraph.model.cache.cache_dir"),
    "ingest": (["ingest", "{tmp}/uppdrag.txt", "-o", "{tmp}/out"], "orgraph.ingest.run.ingest"),
    "compare-texts": (["compare-texts", "uh-ortopedi-2024", "uh-bfm-2026"], "orgraph.model.cache.load_cached"),
    "new council": (["new", "council", "sr-hud", "--name", "Samordningsråd hud", "--data", "{tmp}"],
                    "orgraph.model.loader.load"),
}


def leaf_commands(group: click.Group, prefix: str = "") -> set[str]:
    """Every command that runs something, sub-commands of groups by their full name (``new council``)."""
    found: set[str] = set()
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            found |= leaf_commands(command, f"{prefix}{name} ")
        else:
            found.add(prefix + name)
    return found


def test_every_command_has_an_injection():
    assert set(INJECTIONS) == leaf_commands(main)


class InjectedFault(RuntimeError):
    pass


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_an_internal_error_exits_3_without_a_traceback(name, cli, monkeypatch, tmp_path):
    args, target = INJECTIONS[name]
    module, _, attribute = target.rpartition(".")
    monkeypatch.setattr(__import__(module, fromlist=[attribute]), attribute,
                        lambda *a, **k: (_ for _ in ()).throw(InjectedFault("injected by the test")))
    monkeypatch.delenv("ORGRAPH_DEBUG", raising=False)
    result = cli(*[a.format(tmp=tmp_path) for a in args], env={"NEO4J_PASSWORD": "x"})
    assert result.exit_code == 3, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    [line] = result.stderr.splitlines()
    assert "internal error: InjectedFault: injected by the test" in line and "report" in line


def test_debug_prints_the_traceback_and_still_exits_3(cli, monkeypatch):
    monkeypatch.setattr("orgraph.model.cache.load_cached", lambda *a, **k: (_ for _ in ()).throw(InjectedFault("x")))
    result = cli("--debug", "list")
    assert result.exit_code == 3 and "Traceback" in result.stderr and "InjectedFault" in result.stderr
    result = cli("list", env={"ORGRAPH_DEBUG": "1"})
    assert result.exit_code == 3 and "Traceback" in result.stderr


INJECT = ("import orgraph.model.cache as c\n"
          "def boom(*a, **k): raise MemoryError('injected')\n"
          "c.load_cached = boom\n"
          "from orgraph.cli import main\n"
          "main(['check'], prog_name='orgraph')\n")


@pytest.mark.parametrize("debug", [False, True])
def test_a_real_process_exits_3(debug):
    env = {**os.environ, "ORGRAPH_DEBUG": "1" if debug else "0"}
    done = subprocess.run([sys.executable, "-c", INJECT], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 3
    assert ("Traceback" in done.stderr) is debug
    assert "internal error: MemoryError: injected" in done.stderr


def test_bad_input_is_2_and_findings_are_1_with_a_finding(cli, data_copy):
    assert cli("check", "--data", "seed").exit_code == 1
    assert "1 fel" in cli("check", "--data", "seed").stdout  # Swedish, the seed's language
    assert "1 error" in cli("check", "--data", "seed", "--lang", "en").stdout
    (data_copy / "bad.yaml").write_text("nodes: [\n", encoding="utf-8")
    assert cli("check", "--data", data_copy).exit_code == 2
    assert cli("check", "--no-such-option").exit_code == 2


@pytest.mark.parametrize("args", [["check", "--max-mandate-age-years", "3000"], ["check", "--as-of", "0003-06-01"],
                                  ["check", "--as-of", "0001-01-01", "--max-mandate-age-years", "0"]])
def test_extreme_dates_are_usage_errors_or_work(cli, args):
    result = cli(*args)
    assert result.exit_code in (0, 1, 2), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert "--max-mandate-age-years" in result.stderr and "year 1" in result.stderr


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("command", [["list", "people"], ["show", "sr-ortopedi"], ["reporting-line", "sr-ortopedi"],
                                     ["escalate", "sr-ortopedi", "--topic", "outside-mandate"], ["path", "sr-ortopedi",
                                                                                                  "vgr"]])
def test_every_read_survives_the_ends_of_the_calendar(cli, command, day):
    result = cli(*command, "--as-of", day)
    assert result.exit_code in (0, 1, 2), result.stderr
