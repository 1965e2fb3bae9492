"""The Neo4j bulk-import CSVs: parsed with Python's csv module against the model, and imported into a real Neo4j.

The import goes through ``LOAD CSV`` (the test server has no ``neo4j-admin``), the rows served over HTTP from
a local server; the graph it gives must equal the one ``orgraph load`` writes.  Where the session's Neo4j
fixture (``neo4j_clean``, from ``orgraph_testing/neo4j_server.py``) is absent, that test skips with one line.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import io
import threading
from collections import Counter

import pytest

from orgraph.backends.cypher_load import KEY, node_rows, relationship_rows, schema_text
from orgraph.export.neo4j_csv import ARRAY_DELIMITER, IMPORT_COMMAND, neo4j_csv_files
from orgraph.export.view import select
from orgraph.model.graph import node_properties
from orgraph.vocabulary import LABELS, NODE_LABEL, RELATIONSHIPS

TODAY = dt.date(2026, 11, 23)


def _typed(header: str, cell: str):
    name, _, kind = header.partition(":")
    if cell == "" or kind in ("ID", "START_ID", "END_ID", "LABEL", "TYPE"):
        return name or header, (cell or None)
    if kind == "date":
        return name, dt.date.fromisoformat(cell)
    if kind == "long":
        return name, int(cell)
    if kind == "boolean":
        return name, {"true": True, "false": False}[cell]
    if kind == "string[]":
        return name, cell.split(ARRAY_DELIMITER)
    return name, cell


def read_csv(text: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    typed = ([_typed(h, c) for h, c in zip(header, row, strict=True)] for row in rows[1:])
    return [{k: v for k, v in pairs if v is not None} for pairs in typed]


@pytest.mark.parametrize("model_name", ["seed_model", "fictional_model"])
@pytest.mark.parametrize("day", [TODAY, None], ids=["as-of", "all-dates"])
def test_the_csv_files_hold_the_model(request, model_name, day):
    model = request.getfixturevalue(model_name)
    view = select(model, day)
    files = neo4j_csv_files(model, day)
    assert files["constraints.cypher"] == schema_text()
    assert "neo4j-admin database import full" in files[IMPORT_COMMAND]
    nodes = {}
    for name, text in files.items():
        if name.startswith("nodes-"):
            header = text.splitlines()[0].split(",")
            assert header[:2] == ["id:ID", ":LABEL"]
            for row in read_csv(text):
                label = name.removeprefix("nodes-").removesuffix(".csv")
                assert label in LABELS and row.pop(":LABEL") == f"{label};{NODE_LABEL}"
                nodes[row["id"]] = row
    expected = {}
    for node_id, node in view.nodes.items():
        props = {k: list(v) if isinstance(v, tuple) else v for k, v in node_properties(node).items()}
        expected[node_id] = props
    assert nodes == expected
    relationships = Counter()
    for name, text in files.items():
        if name.startswith("relationships-"):
            assert text.splitlines()[0].split(",")[:3] == [":START_ID", ":END_ID", ":TYPE"]
            for row in read_csv(text):
                assert row[":TYPE"] in RELATIONSHIPS
                relationships[(row[":START_ID"], row[":TYPE"], row[":END_ID"], row.get("valid_from"), row.get("topic"),
                               row.get("source_section"))] += 1
    assert relationships == Counter((r.source_id, r.type, r.target_id, r.valid_from, r.topic,
                                     r.source.section if r.source else None) for r in view.relations)


def test_keys_are_those_of_orgraph_load(seed_model):
    files = neo4j_csv_files(seed_model, None)
    keys = {row[KEY] for name, text in files.items() if name.startswith("relationships-") for row in read_csv(text)}
    assert keys == {row["key"] for rows in relationship_rows(seed_model).values() for row in rows}


# --- into a real Neo4j ---------------------------------------------------------------------------------------


def _load_csv_statement(name: str, header: list[str]) -> str:
    """The LOAD CSV statement doing what neo4j-admin does with this header (labels and types: the vocabulary)."""
    def value(column: str) -> str:
        key, _, kind = column.partition(":")
        cell = f"row[{_quote(column)}]"
        convert = {"date": f"date({cell})", "long": f"toInteger({cell})", "boolean": f"toBoolean({cell})",
                   "string[]": f"split({cell}, {_quote(ARRAY_DELIMITER)})"}.get(kind, cell)
        return f"CASE WHEN {cell} IS NULL OR {cell} = '' THEN null ELSE {convert} END"

    if name.startswith("nodes-"):
        label = name.removeprefix("nodes-").removesuffix(".csv")
        assert label in LABELS
        props = ", ".join(f"`{c.partition(':')[0]}`: {value(c)}" for c in header if c != ":LABEL")
        return f"LOAD CSV WITH HEADERS FROM $url AS row CREATE (n:{label}:{NODE_LABEL}) SET n = {{{props}}}"
    rel_type = name.removeprefix("relationships-").removesuffix(".csv")
    assert rel_type in RELATIONSHIPS
    props = ", ".join(f"`{c.partition(':')[0]}`: {value(c)}" for c in header if not c.startswith(":"))
    return (f"LOAD CSV WITH HEADERS FROM $url AS row MATCH (a {{id: row[':START_ID']}}), (b {{id: row[':END_ID']}}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = {{{props}}}")


def _quote(text: str) -> str:
    assert "'" not in text and "\\" not in text
    return f"'{text}'"


def _snapshot(driver) -> tuple:
    def plain(props):
        return {k: v.iso_format() if hasattr(v, "iso_format") else v for k, v in props.items()}

    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    return (sorted((tuple(r["labels"]), sorted(plain(r["props"]).items(), key=str)) for r in nodes),
            sorted((r["a"], r["type"], r["b"], sorted(plain(r["props"]).items(), key=str)) for r in rels))


def test_load_csv_into_neo4j_gives_the_graph_orgraph_load_writes(request, seed_model, tmp_path):
    try:
        target = request.getfixturevalue("neo4j_clean")
    except pytest.FixtureLookupError:
        pytest.skip("no neo4j_clean fixture (orgraph_testing/neo4j_server.py) on this branch yet")
    from neo4j import GraphDatabase

    from orgraph.backends.cypher_load import apply_plan, load_plan

    files = neo4j_csv_files(seed_model, None)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as driver:
            for name in sorted(files):
                if name.endswith(".csv"):
                    header = files[name].splitlines()[0].split(",")
                    url = f"http://127.0.0.1:{server.server_address[1]}/{name}"
                    driver.execute_query(_load_csv_statement(name, header), url=url)
            imported = _snapshot(driver)
            driver.execute_query("MATCH (n) DETACH DELETE n")

            def run(statement, params):
                records, _, _ = driver.execute_query(statement, params)
                return [record.data() for record in records]

            apply_plan(run, load_plan(seed_model))
            loaded = _snapshot(driver)
    finally:
        server.shutdown()
    for part in (0, 1):
        extra = [row for row in imported[part] if row not in loaded[part]]
        missing = [row for row in loaded[part] if row not in imported[part]]
        assert not extra and not missing, (extra[:3], missing[:3])
    assert imported[0] and imported == loaded
    assert len(imported[0]) == sum(len(rows) for rows in node_rows(seed_model).values())
