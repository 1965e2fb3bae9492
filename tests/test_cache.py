"""The compiled-model cache: used only while nothing changed, never when stale, foreign or damaged."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

import orgraph
from orgraph.cli import main
from orgraph.model import cache
from orgraph.model.loader import ModelError, load
from orgraph.resources import data_dir
from tests.golden.capture import commands


@pytest.fixture
def where(tmp_path, monkeypatch):
    """A private cache directory, a copy of the seed, and a count of real (YAML) loads."""
    monkeypatch.setenv("ORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "seed"
    shutil.copytree(data_dir("seed"), data)
    loads = []
    real = cache._load
    monkeypatch.setattr(cache, "_load", lambda directory: loads.append(directory) or real(directory))
    return data, loads


def test_an_unchanged_directory_is_read_from_the_cache(where):
    data, loads = where
    first = cache.load_cached(data)
    again = cache.load_cached(data)
    assert len(loads) == 1 and cache.entry_path(data).is_file()
    assert again.compiled == first.compiled
    assert again._nodes is None  # the typed objects are not unpickled until asked for
    assert again.nodes.keys() == first.nodes.keys() and again.relations == first.relations
    assert again.nodes["sr-ortopedi"] == first.nodes["sr-ortopedi"]
    assert again.locations == first.locations and again.relation_locations == first.relation_locations


def test_one_changed_byte_is_a_miss(where):
    data, loads = where
    cache.load_cached(data)
    councils = next(p for p in sorted(data.rglob("*.yaml")) if "Samordningsråd ortopedi" in p.read_text("utf-8")
                    and p.parent.name != "clauses")  # a clause's text must stay the document's
    councils.write_text(councils.read_text("utf-8").replace("Samordningsråd ortopedi", "Samordningsråd ortopedj"),
                        "utf-8")
    changed = cache.load_cached(data)
    assert len(loads) == 2 and changed.compiled.nodes["sr-ortopedi"]["name"] == "Samordningsråd ortopedj"
    assert cache.load_cached(data).compiled.nodes["sr-ortopedi"]["name"] == "Samordningsråd ortopedj"
    assert len(loads) == 2


def test_a_renamed_file_is_a_miss(where):
    data, loads = where
    cache.load_cached(data)
    first = sorted(data.rglob("*.yaml"))[0]
    first.rename(first.with_name("zz-" + first.name))
    cache.load_cached(data)
    assert len(loads) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage-header"])
def test_a_damaged_entry_is_never_used(where, damage):
    data, loads = where
    expected = cache.load_cached(data).compiled
    entry = cache.entry_path(data)
    raw = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":  # one byte of the compiled payload, just after the header
        at = raw.index(b"\n", len(cache.MAGIC)) + 10
        entry.write_bytes(raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1:])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.write_bytes(cache.MAGIC + b"{not json\n" + raw)
    assert cache.load_cached(data).compiled == expected
    assert len(loads) == 2 and cache.entry_path(data).read_bytes() != b""


def test_damaged_typed_objects_come_from_the_files(where):
    data, loads = where
    expected = cache.load_cached(data)
    entry = cache.entry_path(data)
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-5] + bytes([raw[-5] ^ 0xFF]) + raw[-4:])  # the typed payload's last bytes
    model = cache.load_cached(data)
    assert len(loads) == 1 and model.compiled == expected.compiled
    assert model.nodes.keys() == expected.nodes.keys() and len(loads) == 2  # read again from the YAML


def test_another_versions_entry_is_never_used(where, monkeypatch):
    data, loads = where
    ours = orgraph.__version__
    monkeypatch.setattr(orgraph, "__version__", "0.0.0-other")
    cache.load_cached(data)
    assert json.loads(cache.entry_path(data).read_bytes().split(b"\n")[1])["orgraph"] == "0.0.0-other"
    monkeypatch.setattr(orgraph, "__version__", ours)
    cache.load_cached(data)
    assert len(loads) == 2


def test_another_directorys_entry_is_never_used(where, tmp_path):
    data, loads = where
    other = tmp_path / "fictional"
    shutil.copytree(data_dir("examples") / "fictional", other)
    cache.load_cached(other)
    shutil.copy(cache.entry_path(other), cache.entry_path(data))  # a foreign entry under this name
    model = cache.load_cached(data)
    assert len(loads) == 2 and model.compiled == load(data).compiled


def test_no_cache_neither_reads_nor_writes(where):
    data, loads = where
    cache.load_cached(data, use_cache=False)
    assert not cache.entries()
    cache.load_cached(data)
    cache.load_cached(data, use_cache=False)
    assert len(loads) == 3


def test_bad_input_raises_and_stores_nothing(where):
    data, _ = where
    (data / "broken.yaml").write_text("nodes: [{id: Not A Slug, kind: Council}]\n", "utf-8")
    with pytest.raises(ModelError):
        cache.load_cached(data)
    assert not cache.entries()


def test_cache_clear_and_dir_commands(where):
    data, _ = where
    cache.load_cached(data)
    runner = CliRunner()
    assert runner.invoke(main, ["cache", "dir"]).stdout.strip() == str(cache.cache_dir())
    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and "1 cachepost(er) borttagna / 1 cache entry removed" in cleared.stdout
    assert not cache.entries()


@pytest.mark.parametrize("model, day", [("seed", "2026-11-23"), ("fictional", "2025-06-30")])
def test_every_read_command_gives_the_same_json_with_and_without_the_cache(tmp_path, monkeypatch, model, day):
    monkeypatch.setenv("ORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    lines = commands(model, day)  # also fills the cache
    assert cache.entries()
    for args in lines:
        cached = runner.invoke(main, args, catch_exceptions=False)
        uncached = runner.invoke(main, ["--no-cache", *args], catch_exceptions=False)
        assert (cached.exit_code, cached.stdout) == (uncached.exit_code, uncached.stdout), args
        assert cached.stdout.strip() or cached.exit_code == 2, args
