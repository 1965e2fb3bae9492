"""Fuzzing the loader and ``orgraph check`` with mutated copies of the shipped models (hypothesis).

Each example takes one file of ``seed`` or ``fictional``, mutates it (scalars replaced by random values of
random types, keys dropped or written twice, ids swapped, YAML tags added, deep nesting), writes it back as
YAML, and asserts that the loader either loads the model or raises its own ``ModelError``, and that
``orgraph check`` exits 0, 1 or 2 (never 3, never a traceback).

Fixed seed (``derandomize``) and a small count in CI; ``ORGRAPH_FUZZ_EXAMPLES=5000`` for a long local run.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgraph.model.loader import ModelError, data_files, load, read_yaml
from orgraph.resources import data_dir

EXAMPLES = int(os.environ.get("ORGRAPH_FUZZ_EXAMPLES", "30"))
MODELS = {"seed": data_dir("seed"), "fictional": data_dir("examples") / "fictional"}
TAGS = ["!!int", "!!float", "!!bool", "!!str", "!!null", "!!binary", "!!timestamp", "!!set", "!foo",
        "!!python/object:os.system", "!"]
ID_KEYS = {"id", "from", "to", "person", "post", "document", "topic"}


class Dup(dict):
    """A mapping written with some keys twice (``extra`` holds the second occurrences)."""

    def __init__(self, *args: Any, extra: list[tuple[str, Any]] | None = None):
        super().__init__(*args)
        self.extra = extra or []


class Tagged:
    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class Nested:
    def __init__(self, depth: int):
        self.depth = depth


def emit(value: Any) -> str:
    """YAML text in flow style (YAML holds JSON): every mutation survives the round trip as written."""
    if isinstance(value, Tagged):
        return f"{value.tag} {emit(value.value)}"
    if isinstance(value, Nested):
        return "[" * value.depth + "]" * value.depth
    if isinstance(value, dict):
        pairs = [*value.items(), *(value.extra if isinstance(value, Dup) else [])]
        return "{" + ", ".join(f"{json.dumps(str(k))}: {emit(v)}" for k, v in pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(emit(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value)  # JSON escapes are YAML double-quoted escapes


def document(value: dict) -> str:
    """A data file: top-level keys in block style, one item per line."""
    lines = []
    pairs = [*value.items(), *(value.extra if isinstance(value, Dup) else [])]
    for key, items in pairs:
        if isinstance(items, list):
            lines.append(f"{json.dumps(str(key))}:")
            lines += [f"  - {emit(item)}" for item in items]
        else:
            lines.append(f"{json.dumps(str(key))}: {emit(items)}")
    return "\n".join(lines) + "\n"


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside ``value`` (mappings by key, lists by index)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, prefix + (index,))
    return found


def get(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def put(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    get(value, path[:-1])[path[-1]] = new
    return value


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30), st.text(alphabet="\x00\x07\x1b`\u0085'\"",
                                                                                  max_size=5),
    st.dates(), st.sampled_from(["", "null", "~", "yes", "no", "0", "2025-02-30", "1e3", "sr-ortopedi", "vgr",
                                 "Council", "HOLDS", "chair", "0x1F", "1:30", ".nan"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=8) | st.sampled_from(["id", "kind", "name", "from", "to", "props", "valid_from", "aka"]),
    inner, max_size=3), max_leaves=6)


def mutate(data: Any, draw: Any) -> Any:
    """One random mutation of the plain value of a data file."""
    places = paths(data)
    kind = draw(st.sampled_from(["replace-scalar", "replace-any", "drop", "duplicate", "swap-ids", "tag", "nest"]))
    path = draw(st.sampled_from(places))
    target = get(data, path)
    if kind == "replace-scalar":
        return put(data, path, draw(scalars))
    if kind == "replace-any":
        return put(data, path, draw(values))
    if kind == "drop" and path and isinstance(get(data, path[:-1]), dict):
        del get(data, path[:-1])[path[-1]]
        return data
    if kind == "duplicate" and isinstance(target, dict) and target:
        key = draw(st.sampled_from(sorted(target)))
        second = target[key] if draw(st.booleans()) else draw(scalars)
        return put(data, path, Dup(target, extra=[(key, second)]))
    if kind == "swap-ids":
        ids = [p for p in places if p and p[-1] in ID_KEYS and isinstance(get(data, p), str)]
        if len(ids) >= 2:
            one, two = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
            first, second = get(data, one), get(data, two)
            put(data, one, second)
            put(data, two, first)
        return data
    if kind == "tag" and not isinstance(target, (dict, list)):
        return put(data, path, Tagged(draw(st.sampled_from(TAGS)), target))
    if kind == "nest":
        return put(data, path, Nested(draw(st.integers(min_value=1, max_value=1200))))
    return put(data, path, draw(scalars))


FILES = [(name, path) for name, directory in MODELS.items() for path in data_files(directory)]


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(st.data())
def test_mutated_models_load_or_fail_cleanly_and_check_exits_0_1_or_2(cli, tmp_path_factory, data):
    name, source = data.draw(st.sampled_from(FILES), label="file")
    value, _ = read_yaml(source)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        value = mutate(value, data.draw)
    text = document(value) if isinstance(value, dict) else emit(value) + "\n"
    directory = tmp_path_factory.mktemp("fuzz") / name
    shutil.copytree(MODELS[name], directory)
    (directory / source.relative_to(MODELS[name])).write_text(text, encoding="utf-8")
    try:
        load(directory)
        loaded = True
    except ModelError as error:
        loaded = False
        assert error.problems and all(p.file for p in error.problems)
    result = cli("check", "--data", directory, "--as-of", "2026-11-23")
    assert result.exit_code in ((0, 1) if loaded else (2,)), (result.exit_code, result.stderr[-2000:], text[:3000])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for line in result.stderr.splitlines():
        assert len(line) < 1000
    shutil.rmtree(directory.parent)


def test_the_emitter_round_trips_a_shipped_file():
    for _, source in FILES[:3]:
        value, _ = read_yaml(source)
        target = Path(os.environ.get("TMPDIR", "/tmp")) / f"orgraph-fuzz-{os.getpid()}.yaml"
        target.write_text(document(value), encoding="utf-8")
        try:
            assert read_yaml(target)[0] == value
        finally:
            target.unlink()


@pytest.mark.parametrize("tag", TAGS[:3])
def test_a_tag_mutation_is_refused(tag, tmp_path):
    target = tmp_path / "t.yaml"
    target.write_text(document({"nodes": [{"id": Tagged(tag, "x")}]}), encoding="utf-8")
    with pytest.raises(ModelError, match="tags are not allowed"):
        read_yaml(target)
