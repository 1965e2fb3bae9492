"""The vocabulary is declared once and everything else agrees with it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from orgraph import vocabulary
from orgraph.model.loader import data_files
from orgraph.model.schema import json_schema

README = Path(__file__).resolve().parent.parent / "docs" / "vocabulary.md"


def test_readme_reference_table_is_generated_from_the_vocabulary():
    text = README.read_text(encoding="utf-8")
    assert vocabulary.with_reference_table(text) == text, \
        "README's vocabulary table drifted: run python -m orgraph.vocabulary docs/vocabulary.md"


def test_every_relationship_connects_declared_kinds():
    for rel in vocabulary.RELATIONSHIPS.values():
        assert set(rel.sources) | set(rel.targets) <= set(vocabulary.LABELS), rel.name
        assert rel.meaning and rel.name.isupper()


def test_json_schema_is_valid_and_accepts_every_shipped_file(seed_dir, fictional_dir):
    schema = json.loads(json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for directory in (seed_dir, fictional_dir):
        for path in data_files(directory):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay text
            errors = [e.message for e in validator.iter_errors(_typed(data))]
            assert errors == [], path


def test_json_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(json.loads(json_schema()))
    assert list(validator.iter_errors({"nodes": [{"id": "x", "kind": "Post", "name": "X", "role": "chiar"}]}))
    assert list(validator.iter_errors({"relations": [{"from": "a", "type": "LIKES", "to": "b"}]}))


def _typed(value):
    """BaseLoader keeps every scalar as text; give ints, booleans and nulls back their types."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if value in ("null", "~", ""):
        return None
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value
