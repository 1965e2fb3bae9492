"""The benchmark command runs end to end on a tiny model and writes JSON with every figure (no timing asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmarks/ is not installed: it runs from the checkout (python -m benchmarks.run)
    sys.path.insert(0, str(ROOT))

from benchmarks.run import SPECS, STARTUP_SPECS, main, parse_size  # noqa: E402

# Why a figure may have no value: a part not built yet, or a server or browser this machine lacks.
ACCEPTED_GAPS = ("n/a", "skipped", "not stabilised", "not drawn", "pyvis did not finish")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench")
    # The brief's command, plus where to write, a private cache, and a short wait for pyvis' physics.
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--repeat", "1",
                           "--json", str(out / "figures.json"), "--markdown", str(out / "figures.md"),
                           "--cache", str(out / "cache"), "--pyvis-timeout", "5"],
                          cwd=ROOT, capture_output=True, text=True, timeout=170)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((out / "figures.json").read_text(encoding="utf-8"))
    result["_stdout"] = done.stdout
    result["_markdown"] = (out / "figures.md").read_text(encoding="utf-8")
    return result


def test_every_figure_is_there_with_a_value_or_a_reason(report):
    [size] = report["sizes"]
    assert size["label"] == "200" and 150 <= size["nodes"] <= 250
    figures = {**size["figures"], **report["startup"]["figures"]}
    assert set(figures) == {spec.key for spec in SPECS + STARTUP_SPECS}
    for key, entry in figures.items():
        if entry["value"] is None:
            assert entry["status"].startswith(ACCEPTED_GAPS), (key, entry["status"])
        else:
            assert entry["status"] == "ok" and math.isfinite(entry["value"]) and entry["value"] >= 0, (key, entry)
            if entry["target"]:
                assert isinstance(entry["met"], bool), key
    # What this machine can always measure: the memory side and start-up.
    for key in ("b1_load_s", "b1_yaml_cload_s", "b1_load_vs_yaml", "b3_path_p50_ms", "b3_path_bfs_p50_ms",
                "b6_help_s", "b6_import_click_s", "b6_help_vs_click"):
        assert figures[key]["value"] is not None, key
    assert not [note for note in report["notes"] if "error" in note], report["notes"]


def test_the_table_and_the_markdown_name_every_figure(report):
    for spec in SPECS + STARTUP_SPECS:
        assert spec.label in report["_stdout"] and spec.label in report["_markdown"]
    assert report["machine"]["nproc"] >= 1 and report["machine"]["python"].count(".") == 2
    assert report["load_before"] and report["date"][:4].isdigit()


def test_bad_sizes_are_refused_with_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--sizes", "ten"])
    assert exit_info.value.code == 2 and "--sizes" in capsys.readouterr().err
    assert parse_size("10k") == 10_000
