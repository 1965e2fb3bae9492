"""``orgraph new council``: the scaffold loads, and ``check`` then lists only what is left to fill in."""

from __future__ import annotations

import shutil

import pytest

from orgraph.model.loader import load


@pytest.fixture
def model_dir(tmp_path, seed_dir):
    target = tmp_path / "model"
    shutil.copytree(seed_dir, target)
    return target


def findings(cli, directory) -> list[dict]:
    result = cli("check", "--data", directory, "--as-of", "2026-11-23", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.json()["findings"]


def test_the_scaffold_loads_and_check_lists_only_its_todos(cli, model_dir):
    before = findings(cli, model_dir)
    result = cli("new", "council", "sr-hud", "--name", "Samordningsråd hud", "--data", model_dir)
    assert result.exit_code == 0, result.output
    written = model_dir / "councils" / "hud.yaml"
    text = written.read_text(encoding="utf-8")
    model = load(model_dir)
    assert model.nodes["sr-hud"].name == "Samordningsråd hud"
    after = findings(cli, model_dir)
    assert [f for f in after if f["council"] != "sr-hud"] == before  # nothing else changes
    new = [f for f in after if f["council"] == "sr-hud"]
    assert {f["rule"] for f in new} >= {"vacant-post", "mandate-decided", "meeting-frequency"}
    for finding in new:  # each points at something the scaffold left open
        assert all(node == "sr-hud" or model.nodes[node].name.startswith("TODO") for node in finding["focus"]), \
            finding
    assert 'type: "ESCALATES_TO"' not in text and "source:" not in text.split("nodes:")[1]


def test_a_taken_id_or_a_shipped_model_changes_nothing(cli, model_dir):
    assert cli("new", "council", "sr-hud", "--name", "x", "--data", model_dir).exit_code == 0
    again = cli("new", "council", "sr-hud", "--name", "x", "--data", model_dir)
    assert again.exit_code == 2 and "already in the model" in again.stderr
    taken = cli("new", "council", "sr-ortopedi", "--name", "x", "--data", model_dir)
    assert taken.exit_code == 2
    bad = cli("new", "council", "Sr Hud", "--name", "x", "--data", model_dir)
    assert bad.exit_code == 2 and "not a valid id" in bad.stderr
    assert sorted(p.name for p in (model_dir / "councils").iterdir()) == [
        "bild-och-funktionsmedicin.yaml", "hud.yaml", "ortopedi.yaml"]
    missing = cli("new", "council", "sr-x", "--name", "x", "--data", model_dir / "nowhere")
    assert missing.exit_code == 2 and "not a directory" in missing.stderr
