"""``python -m benchmarks.render`` runs end to end on two small models and reports every figure and goal
(no timing is asserted: the figures are measured, not tested)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_render_benchmark_reports_every_figure(tmp_path):
    if not Path("/usr/bin/chromium").exists() and shutil.which("chromium") is None:
        pytest.skip("no Chromium: the render benchmark needs one")
    pytest.importorskip("playwright.sync_api", reason="Playwright not installed")
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks.render", "--sizes", "200,300", "--repeat", "1",
                           "--json", str(out), "--cache", str(tmp_path / "cache")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert [s["target"] for s in figures["sizes"]] == [200, 300]
    for size in figures["sizes"]:
        assert size["render_s"] > 0 and size["html_bytes"] > 100_000 and size["interactive_ms"] > 0
        assert size["overview"] is False and size["drawn_at_open"] == size["nodes"]
    assert set(figures["goals"]) == {"render_s", "html_mb", "interactive_ratio"}
    assert "| nodes | page written (s)" in done.stdout and "interactive ≤ 1.5×" in done.stdout
