"""The wheel ships seed/, examples/, cypher/ and visualize/ as package data, and works without the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"building the wheel failed: {done.stderr[-2000:]}")
    [built] = out.glob("orgraph-*.whl")
    return built


def test_wheel_contains_the_shipped_directories(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "orgraph/_data/seed/region.yaml" in names
    assert "orgraph/py.typed" in names  # PEP 561: type checkers read the installed package's annotations
    assert "orgraph/_data/seed/councils/ortopedi.yaml" in names
    assert any(n.startswith("orgraph/_data/examples/fictional/") for n in names)


def test_installed_wheel_runs_from_anywhere(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-m", "orgraph", "list", "councils", "--format", "json"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 2
    where = subprocess.run([sys.executable, "-c", "import orgraph.resources as r; print(r.data_dir('seed'))"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)
    assert where.stdout.strip().startswith(str(target))
