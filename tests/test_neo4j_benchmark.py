"""The Neo4j benchmark runs end to end on the session's Neo4j and writes well-formed JSON (no timing asserted);
its table in docs/neo4j.md is the one its published JSON renders to."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmarks/ is not installed: it runs from the checkout (python -m benchmarks.neo4j)
    sys.path.insert(0, str(ROOT))

from benchmarks.neo4j import main  # noqa: E402
from benchmarks.neo4j_figures import DOCS_END, DOCS_START, READS, SPECS, markdown  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results-neo4j.json"
DOCS = ROOT / "docs" / "neo4j.md"


def bench(target, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    env = {key: value for key, value in target.env().items() if value is not None}
    return subprocess.run([sys.executable, "-m", "benchmarks.neo4j", "--uri", target.uri, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **env})


def well_formed(result: dict) -> None:
    """Every figure of every model has a finite value and its unit, or a reason; every read agreed with memory."""
    assert result["neo4j"]["version"].startswith("5.") and result["machine"]["nproc"] >= 1
    assert result["load_before"] and result["date"][:4].isdigit() and result["elapsed_s"] > 0
    units = {key: unit for key, _, unit, _ in SPECS}
    for model in result["models"]:
        assert model["nodes"] > 0 and model["relations"] > 0
        assert set(model["figures"]) == set(units), model["label"]
        for key, figure in model["figures"].items():
            assert figure["unit"] == units[key], key
            if figure["value"] is None:
                assert figure["status"].startswith(("n/a", "skipped")), (key, figure)
            else:
                assert figure["status"] == "ok" and math.isfinite(figure["value"]) and figure["value"] >= 0, key
        for read in READS:
            note = model["figures"][f"{read}_neo4j_p50_ms"].get("note", "")
            assert "the same answers as memory" in note or model["figures"][f"{read}_neo4j_p50_ms"]["value"] is None, \
                (model["label"], read, note)
        assert model["figures"]["reload_s"]["note"] == "counts unchanged, nothing removed"


def test_the_benchmark_runs_on_neo4j_and_writes_well_formed_json(neo4j_clean, tmp_path):
    out = tmp_path / "figures.json"
    done = bench(neo4j_clean, "--sizes", "seed", "--repeat", "1", "--calls", "2", "--warm-up", "0",
                 "--slice-nodes", "10", "--json", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    well_formed(result)
    [model] = result["models"]
    assert model["label"] == "seed" and model["figures"]["load_rows_per_s"]["value"] > 0
    assert "node lookup (`show`): Neo4j p50" in done.stdout  # the table is printed
    assert neo4j_clean.password not in done.stdout + done.stderr + out.read_text(encoding="utf-8")


def test_a_database_with_data_is_refused_and_kept(neo4j_clean, tmp_path):
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_clean.uri, auth=(neo4j_clean.user, neo4j_clean.password)) as driver:
        driver.execute_query("CREATE (:Keep {name: 'not orgraph data'})")
        done = bench(neo4j_clean, "--sizes", "seed", "--warm-up", "0", "--json", str(tmp_path / "x.json"))
        kept = driver.execute_query("MATCH (n:Keep) RETURN count(n) AS n").records[0]["n"]
    assert done.returncode == 2 and "not empty" in done.stderr and "Traceback" not in done.stderr
    assert kept == 1 and not (tmp_path / "x.json").exists()


def test_the_published_json_is_well_formed_and_the_docs_table_is_its_rendering():
    result = json.loads(RESULTS.read_text(encoding="utf-8"))
    well_formed(result)
    assert [m["label"] for m in result["models"]][:3] == ["seed", "1k", "10k"]
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(DOCS_START, 1)[1].split(DOCS_END, 1)[0].strip("\n")
    assert section == markdown(result), "regenerate: python -m benchmarks.neo4j --from-json " \
                                        "benchmarks/results-neo4j.json --docs docs/neo4j.md"


@pytest.mark.parametrize("args, expected", [(["--sizes", "ten"], "--sizes"), (["--from-json", "x.json"], "--docs"),
                                            (["--calls", "0"], "at least 1")])
def test_bad_options_exit_2(capsys, args, expected):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2 and expected in capsys.readouterr().err
