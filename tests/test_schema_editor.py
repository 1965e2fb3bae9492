"""The JSON Schema works in an editor: shipped beside the data, pointed to by every file, and clean on the
seed with a standard YAML + jsonschema pipeline (dates read as strings, as an editor reads them)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from orgraph.model.schema import SCHEMA_FILE, SCHEMA_ID, json_schema
from orgraph.resources import data_dir

MODELS = [data_dir("seed"), data_dir("examples") / "fictional"]


class StringDates(yaml.SafeLoader):
    """PyYAML's safe loader with dates left as text (YAML 1.2 and editors do not resolve timestamps)."""


StringDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def yaml_files(model: Path) -> list[Path]:
    return sorted(p for p in model.rglob("*.yaml") if p.name != "waivers.yaml"
                  and not p.name.endswith(".non-normative.yaml"))  # lists beside the clauses, not data files


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_the_shipped_schema_is_the_generated_one(model: Path) -> None:
    shipped = (model / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == json_schema(), f"stale: orgraph schema --write {model}"
    assert json.loads(shipped)["$id"] == SCHEMA_ID


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_every_file_points_an_editor_at_the_schema(model: Path) -> None:
    for path in yaml_files(model):
        relative = Path(*[".."] * (len(path.relative_to(model).parts) - 1), SCHEMA_FILE).as_posix()
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={relative}", path


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_the_model_validates_with_pyyaml_and_jsonschema(model: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(json_schema()), format_checker=jsonschema.FormatChecker())
    errors = [f"{path.name}: {error.message[:120]}" for path in yaml_files(model)
              for error in validator.iter_errors(yaml.load(path.read_text(encoding="utf-8"), Loader=StringDates))]
    assert errors == []


def test_a_bad_date_fails_the_same_pipeline() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(json_schema()), format_checker=jsonschema.FormatChecker())
    bad = yaml.load("holdings: [{person: a, post: b, from: 2025-13-01}]", Loader=StringDates)
    assert list(validator.iter_errors(bad))
