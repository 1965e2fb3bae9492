"""``orgraph export`` through the real command line: every format for both shipped models, and clean failures."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

FORMATS = {"org-ttl": "orgraph-org.ttl", "org-jsonld": "orgraph-org.jsonld", "popolo": "orgraph-popolo.json",
           "graphml": "orgraph.graphml", "neo4j-csv": "orgraph-neo4j"}


@pytest.mark.parametrize("data", ["seed", "fictional"])
@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_every_format_is_written_for_both_models(cli, tmp_path, monkeypatch, data, format_name):
    monkeypatch.chdir(tmp_path)
    result = cli("export", "--format", format_name, "--data", data, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    written = tmp_path / FORMATS[format_name]
    assert f"wrote {FORMATS[format_name]} ({format_name}, as of 2026-11-23" in result.stderr
    if format_name == "neo4j-csv":
        assert (written / "nodes-Council.csv").is_file() and (written / "constraints.cypher").is_file()
    else:
        assert written.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [FORMATS[format_name]], "no temporary file is left behind"


def test_standard_output_and_all_dates(cli):
    result = cli("export", "--format", "org-ttl", "--all-dates", "-o", "-")
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert len(g) > 1000
    popolo = json.loads(cli("export", "--format", "popolo", "--data", "fictional", "--all-dates", "-o", "-").stdout)
    assert any(m.get("end_date") for m in popolo["memberships"]), "all dates keep ended holdings"


@pytest.mark.parametrize("args, message", [
    (["--format", "popolo", "--as-of", "2026-01-01", "--all-dates"], "either --as-of or --all-dates"),
    (["--format", "neo4j-csv", "-o", "-"], "writes a directory"),
    (["--format", "popolo", "-o", "/nonexistent-dir/x.json"], "no such directory for -o"),
    (["--format", "popolo", "--data", "/nonexistent-model"], "nonexistent-model"),
])
def test_bad_input_is_a_clean_error_with_exit_code_2(cli, args, message):
    result = cli("export", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_full_directory_is_not_overwritten(cli, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    result = cli("export", "--format", "neo4j-csv", "-o", target)
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_an_unknown_format_is_refused_by_name(cli):
    result = cli("export", "--format", "rdf")
    assert result.exit_code == 2 and "org-ttl" in result.stderr
