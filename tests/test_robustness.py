"""The loader refuses what it cannot represent exactly: each bad input is one located error and exit 2.

One test per kind of input that once loaded silently, half-loaded, or crashed (issue 12). Each goes through
the library (the problem's file, line and value) and through the real command line (exit 2, no traceback).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from orgraph.model.loader import ModelError, load
from orgraph.model.problems import MAX_MESSAGE_CHARS, MAX_VALUE_CHARS

ROOT = Path(__file__).resolve().parents[1]


def problems_of(directory):
    with pytest.raises(ModelError) as caught:
        load(directory)
    return caught.value.problems


def refused(cli, directory, *, file: str, line: int | None, says: str):
    """The one problem the loader reports for ``directory``, checked through the library and the CLI."""
    [problem] = problems_of(directory)
    assert problem.file.endswith(file) and problem.line == line and says in problem.message, problem
    result = cli("check", "--data", directory)
    assert result.exit_code == 2, result.stderr
    assert f"{file}:{line}:" in result.stderr if line else file in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return problem


def extra(directory: Path, text: str, name: str = "extra.yaml") -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_a_key_twice_in_one_mapping_names_both_lines(cli, data_copy):
    council = data_copy / "councils" / "ortopedi.yaml"
    text = council.read_text(encoding="utf-8")
    council.write_text(text + "relations:\n  - {from: vgr, type: PART_OF, to: vgr}\n", encoding="utf-8")
    first = 1 + text.splitlines().index("relations:")
    problem = refused(cli, data_copy, file="ortopedi.yaml", line=len(text.splitlines()) + 1, says="duplicate key")
    assert problem.value == "relations" and f"first at line {first}" in problem.message


def test_to_twice_in_one_relation(cli, data_copy):
    extra(data_copy, "relations:\n  - {from: lg-hs, type: APPOINTS,\n     to: sr-ortopedi-ordforande, to: vgr}\n")
    problem = refused(cli, data_copy, file="extra.yaml", line=3, says="duplicate key (first at line 3)")
    assert problem.value == "to"


@pytest.mark.parametrize("tagged", ["!!int abc", "!!float 1", "!!bool yes", "!!str 5", "!foo x",
                                    "!!python/object:os.system x", "!!binary aGVq"])
def test_yaml_tags_are_refused(cli, data_copy, tagged):
    extra(data_copy, f"nodes:\n  - id: x\n    kind: Region\n    name: X\n    props: {{n: {tagged}}}\n")
    problem = refused(cli, data_copy, file="extra.yaml", line=5, says="YAML tags are not allowed")
    assert problem.value == tagged.split()[0]


@pytest.mark.parametrize("number", [".nan", ".NaN", ".inf", "-.inf", "1.0e+999"])
def test_non_finite_numbers_are_refused(cli, data_copy, number):
    extra(data_copy, f"nodes:\n  - {{id: x, kind: Region, name: X,\n     props: {{n: {number}}}}}\n")
    refused(cli, data_copy, file="extra.yaml", line=3, says="not a finite number")


def test_json_never_holds_nan(cli):
    for line in cli("show", "sr-ortopedi", "--format", "json").stdout.splitlines():
        assert "NaN" not in line and "Infinity" not in line


@pytest.mark.parametrize("digits", [20, 5000])
def test_integers_beyond_64_bits_are_refused(cli, data_copy, digits):
    extra(data_copy, f"nodes:\n  - {{id: x, kind: Region, name: X, props: {{n: {'9' * digits}}}}}\n")
    problem = refused(cli, data_copy, file="extra.yaml", line=2, says="integer out of range")
    assert len(str(problem)) < 200


def test_deep_nesting_is_a_located_error_not_a_recursion_error(cli, data_copy):
    extra(data_copy, "nodes:\n  - id: x\n    kind: Region\n    name: X\n    props:\n      n: "
          + "[" * 990 + "]" * 990 + "\n")
    refused(cli, data_copy, file="extra.yaml", line=6, says="nested deeper than")


@pytest.mark.parametrize("value", ["0", "1743465600", "2025.5", "true"])
def test_a_number_is_not_a_date(cli, data_copy, value):
    extra(data_copy, f"holdings:\n  - {{person: jonas-claesson, post: regiondirektor, from: {value}}}\n")
    problem = refused(cli, data_copy, file="extra.yaml", line=2, says="from: a date must be written YYYY-MM-DD")
    assert "YYYY-MM-DD" in problem.message or "date" in problem.message


@pytest.mark.parametrize("key", ["valid_from", "aka", "kind", "source_document", "a`b", "a b", "1x", "ä"])
def test_props_keys_are_identifiers_that_are_no_field_names(cli, data_copy, key):
    extra(data_copy, f"nodes:\n  - {{id: x, kind: Region, name: X, props: {{{json.dumps(key)}: false}}}}\n")
    problem = refused(cli, data_copy, file="extra.yaml", line=2, says="props")
    assert key in str(problem)


@pytest.mark.parametrize("text", [r"a\0b", r"a\x07b", r"a\x1bb", r"a\u0085b", r"a\x7fb"])
def test_control_characters_in_text_are_refused(cli, data_copy, text):
    extra(data_copy, f'nodes:\n  - {{id: x, kind: Region,\n     name: "{text}"}}\n')
    refused(cli, data_copy, file="extra.yaml", line=3, says="control character")


def test_tab_and_newline_stay_allowed_in_text(data_copy):
    extra(data_copy, 'nodes:\n  - {id: x, kind: Region, name: X, props: {note: "a\\tb\\nc"}}\n')
    assert load(data_copy).nodes["x"].props["note"] == "a\tb\nc"


def test_one_syntax_error_is_one_error(cli, data_copy):
    region = data_copy / "region.yaml"  # every council refers to ids declared here
    region.write_text(region.read_text(encoding="utf-8").replace("nodes:", "nodes: [", 1), encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.file.endswith("region.yaml") and "YAML syntax error" in problem.message
    result = cli("check", "--data", data_copy)
    assert result.exit_code == 2 and result.stderr.count("orgraph: error:") == 1


def test_long_values_are_quoted_shortened(cli, data_copy):
    extra(data_copy, f"relations:\n  - {{from: lg-hs, type: APPOINTS, to: {'x' * 100_000}}}\n")
    problems = problems_of(data_copy)
    assert problems and all(len(str(p)) < MAX_MESSAGE_CHARS + MAX_VALUE_CHARS + 100 for p in problems)
    assert any(str(p).endswith("…") for p in problems)
    result = cli("check", "--data", data_copy)
    assert result.exit_code == 2 and max(map(len, result.stderr.splitlines())) < 500


# --- Unreadable files and directories: run as an unprivileged user (root reads everything) -------------

def _as_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": str(cwd), "LANG": "C.UTF-8"}
    return subprocess.run([*prefix, sys.executable, "-m", "orgraph", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def public_copy(seed_dir):
    """A copy of the seed that another user can read (pytest's tmp_path is private to its user)."""
    top = Path(tempfile.mkdtemp(prefix="orgraph-robust-"))
    top.chmod(0o755)
    shutil.copytree(seed_dir, top / "data")
    for path in [top / "data", *(top / "data").rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield top
    for path in (top / "data").rglob("*"):
        path.chmod(0o755)
    shutil.rmtree(top)


def test_an_unreadable_directory_is_an_error_not_a_smaller_model(public_copy):
    (public_copy / "data" / "councils").chmod(0)
    done = _as_unprivileged(["check", "--data", "data"], public_copy)
    assert done.returncode == 2, done.stderr
    assert "data/councils: cannot read this directory: Permission denied" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unreadable_file_is_an_error(public_copy):
    (public_copy / "data" / "topics.yaml").chmod(0)
    done = _as_unprivileged(["check", "--data", "data"], public_copy)
    assert done.returncode == 2, done.stderr
    assert "data/topics.yaml: cannot read this file: Permission denied" in done.stderr
    assert done.stderr.count("orgraph: error:") == 1 and "Traceback" not in done.stderr
