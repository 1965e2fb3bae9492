"""Every Cypher statement orgraph ships or generates passes Neo4j's own linter; the named-query files are well-formed.

All statements go to ONE linter process: each statement's declared parameters are renamed
``$q<index>_<name>`` and only those names are passed as defined, so a statement that uses a
parameter it does not declare fails just as it would against Neo4j.

The loader's statements come from a few templates filled with vocabulary names; the linter costs
~0.1 s a statement, so each template (the statement with its labels and types blanked out) is linted
once, with the first names that fill it, and every statement is checked to use vocabulary names only:
the only thing the linter would check differently in the others.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from orgraph import vocabulary
from orgraph.backends.cypher_load import SCHEMA_FILE, lint_statements, schema_statements, schema_text
from orgraph.backends.named_queries import QueryError, load_queries, parameters_used, parse_query, queries_dir
from orgraph.backends.neo4j import AWAIT_INDEXES, SHOW_CONSTRAINTS
from orgraph.resources import data_dir

CYPHER = data_dir("cypher")
TODAY = dt.date(2026, 11, 23)

#: Example values for parameters (the linter only needs their JSON shape).
EXAMPLES = {"as_of": TODAY.isoformat(), "id": "sr-ortopedi", "kinds": ["Council"], "frontier": ["sr-ortopedi"],
            "types": ["POST_OF"], "pairs": [["sr-ortopedi", "lg-hs"]], "rows": [], "ids": [], "keys": [],
            "topic": "region-wide-decision", "seconds": 300}

#: Statements that must be reported: proof that the lint can fail.
BROKEN = {
    "broken:syntax": ("MATCH (n:Council\nRETURN n", ()),
    "broken:undeclared-parameter": ("MATCH (n:Council) WHERE n.id = $id RETURN n", ()),
    "broken:function": ("MATCH (n:Council) RETURN no_such_function(n)", ()),
    "broken:label": ("MATCH (n:Counsil) RETURN n", ()),
}


def example(name: str) -> object:
    if name in EXAMPLES:
        return EXAMPLES[name]
    try:
        from orgraph.rules import Options, cypher_parameters
    except ImportError:
        return "x"
    return cypher_parameters(TODAY, Options()).get(name, "x")


def schema_file_statements(path: Path) -> list[str]:
    """The statements of a schema file: comments dropped, split at the ``;`` that ends a line."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    return [part.strip() for part in re.split(r";\s*\n", text + "\n") if part.strip()]


NAMES = re.compile(r"(?<=:)([A-Z][A-Za-z]*|[A-Z][A-Z_]*[A-Z])\b|\borgraph_[a-z_]+_id\b")


def shape(text: str) -> str:
    """A statement with its labels, relationship types and constraint names blanked out."""
    return NAMES.sub("_", text)


def names_in(text: str) -> set[str]:
    return {m.group(1) for m in NAMES.finditer(text) if m.group(1)}


def everything(models) -> dict[str, tuple[str, tuple[str, ...]]]:
    """``{id: (text, declared parameters)}`` for every statement to lint (one per shape for generated ones)."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for query in load_queries().values():
        found[f"queries/{query.name}.cypher"] = (query.text, query.parameters)
    shapes: set[str] = set()
    for path in sorted((CYPHER / "schema").glob("*.cypher")):
        for index, text in enumerate(schema_file_statements(path)):
            if shape(text) not in shapes:
                shapes.add(shape(text))
                found[f"schema/{path.name}:{index + 1}"] = (text, tuple(parameters_used(text)))
    for ident, text, params in lint_statements(models):
        if shape(text) not in shapes:
            shapes.add(shape(text))
            found[f"load:{ident}"] = (text, tuple(params))
    found["neo4j:show-constraints"] = (SHOW_CONSTRAINTS, ())
    found["neo4j:await-indexes"] = (AWAIT_INDEXES, ("seconds",))
    found.update(BROKEN)
    return found


@pytest.fixture(scope="module")
def linted(seed_model, fictional_model):
    from orgraph_testing.cypher_lint import LintUnavailable, lint

    statements = everything([seed_model, fictional_model])
    renamed, parameters = [], {}
    for index, (ident, (text, declared)) in enumerate(statements.items()):
        for name in declared:
            parameters[f"q{index}_{name}"] = example(name)
        pattern = r"\$(" + "|".join(map(re.escape, declared)) + r")\b" if declared else r"(?!)"
        renamed.append((ident, re.sub(pattern, lambda m: f"$q{index}_{m.group(1)}", text)))
    try:
        diagnostics = lint(renamed, labels=[*vocabulary.LABELS, vocabulary.NODE_LABEL],
                           relationship_types=list(vocabulary.RELATIONSHIPS), parameters=parameters)
    except LintUnavailable as error:
        pytest.skip(f"Cypher linter unavailable: {error}")
    by_id: dict[str, list] = {ident: [] for ident in statements}
    for diagnostic in diagnostics:
        by_id[diagnostic.id].append(diagnostic)
    return statements, by_id


def test_every_shipped_and_generated_statement_passes_the_linter(linted):
    statements, by_id = linted
    problems = [str(d) for ident, found in by_id.items() if ident not in BROKEN for d in found]
    assert problems == []
    kinds = {ident.split(":")[0].split("/")[0] for ident in statements}
    assert {"queries", "schema", "load", "neo4j"} <= kinds
    assert len([i for i in statements if i.startswith("queries/")]) == len(list(queries_dir().glob("*.cypher")))


def test_the_linter_reports_broken_statements(linted):
    _, by_id = linted
    assert "error" in {d.severity for d in by_id["broken:syntax"]}
    assert "$id" in by_id["broken:undeclared-parameter"][0].message
    assert by_id["broken:function"][0].severity == "error"
    assert "Counsil" in by_id["broken:label"][0].message  # a warning, and the test above fails on any


def test_generated_statements_use_only_vocabulary_names_and_linted_shapes(linted, seed_model, fictional_model):
    statements, _ = linted
    linted_shapes = {shape(text) for text, _ in statements.values()}
    generated = [text for _, text, _ in lint_statements([seed_model, fictional_model])]
    generated += schema_file_statements(CYPHER / "schema" / SCHEMA_FILE)
    known = set(vocabulary.LABELS) | {vocabulary.NODE_LABEL} | set(vocabulary.RELATIONSHIPS)
    for text in generated:
        assert shape(text) in linted_shapes, text
        assert names_in(text) and names_in(text) <= known, text
    assert names_in("MATCH (n:Counsil)-[:PART_OF]->(m) RETURN n") == {"Counsil", "PART_OF"}


def test_loader_statements_cover_every_label_and_type(seed_model, fictional_model):
    ids = {ident for ident, _, _ in lint_statements([seed_model, fictional_model])}
    assert {f"nodes:{label}" for label in vocabulary.LABELS} <= ids
    assert {i.split(":")[1] for i in ids if i.startswith("relationships:")} == set(vocabulary.RELATIONSHIPS)


# --- the files themselves ------------------------------------------------------------------


def test_schema_file_is_the_generated_schema():
    path = CYPHER / "schema" / SCHEMA_FILE
    assert path.read_text(encoding="utf-8") == schema_text(), \
        "regenerate: python -c 'from orgraph.backends.cypher_load import schema_text; print(schema_text(), end=\"\")'"
    assert schema_file_statements(path) == schema_statements()
    assert schema_statements() == [f"CREATE CONSTRAINT orgraph_org_node_id IF NOT EXISTS FOR (n:{vocabulary.NODE_LABEL}) "
                                   "REQUIRE n.id IS UNIQUE"]  # one constraint, on the shared label


@pytest.mark.parametrize("path", sorted(queries_dir().glob("*.cypher")), ids=lambda p: p.stem)
def test_named_query_file_is_well_formed(path):
    query = parse_query(path)
    assert query.name == path.stem
    assert sorted(query.parameters) == sorted(parameters_used(query.text))
    for label in re.findall(r"\(\w*:(\w+)", query.text):
        assert label in vocabulary.LABELS or label == vocabulary.NODE_LABEL, f"{path.name}: label {label} is not in the vocabulary"
    for rel_type in re.findall(r"\[\w*:([\w|]+)", query.text):
        for one in rel_type.split("|"):
            assert one in vocabulary.RELATIONSHIPS, f"{path.name}: type {one} is not in the vocabulary"


HEADER = "// name: {name}\n// description: {description}\n// parameters: {parameters}\n{text}\n"


@pytest.mark.parametrize("name, description, parameters, text, complaint", [
    ("other", "d", "$id", "MATCH (n {id: $id}) RETURN n", "the file's stem"),
    ("q", "", "$id", "MATCH (n {id: $id}) RETURN n", "description is empty"),
    ("q", "d", "none", "MATCH (n {id: $id}) RETURN n", "used but not declared ['id']"),
    ("q", "d", "$id, $as_of", "MATCH (n {id: $id}) RETURN n", "declared but not used ['as_of']"),
    ("q", "d", "id", "MATCH (n {id: $id}) RETURN n", "comma-separated $names"),
    ("q", "d", "$id, $id", "MATCH (n {id: $id}) RETURN n", "declared twice"),
    ("q", "d", "none", "", "no statement"),
])
def test_malformed_query_files_are_refused(tmp_path, name, description, parameters, text, complaint):
    path = tmp_path / "q.cypher"
    path.write_text(HEADER.format(name=name, description=description, parameters=parameters, text=text),
                    encoding="utf-8")
    with pytest.raises(QueryError, match=re.escape(complaint)) as raised:
        parse_query(path)
    assert str(path) in str(raised.value)


def test_a_file_without_a_header_is_refused(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("MATCH (n) RETURN n\n", encoding="utf-8")
    with pytest.raises(QueryError, match="// name:"):
        parse_query(path)


def test_dollars_in_strings_and_comments_are_not_parameters():
    assert parameters_used("MATCH (n) // $no\nWHERE n.x = '$no' AND n.y = \"$no\" /* $no */ RETURN $yes") == ["yes"]
