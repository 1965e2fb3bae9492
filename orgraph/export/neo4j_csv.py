"""The model as CSV files for Neo4j's bulk importer (``neo4j-admin database import full``).

One node file per label and one relationship file per type, with the importer's header syntax
(``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed columns such as
``valid_from:date``, ``meetings_min:long``, ``aka:string[]`` with ``;`` between items; each node has its kind
and the shared ``OrgNode`` label), the
uniqueness constraints ``orgraph load`` creates (``constraints.cypher``, to run after the import)
and the import command (``import-command.txt``).  Relationships carry the same ``_key`` as
``orgraph load`` gives them and nodes the same ``kind`` property, so both ways produce the same graph;
dates are Neo4j dates here and ISO text in ``orgraph load``.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> files = neo4j_csv_files(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> header = files["nodes-Council.csv"].splitlines()[0].split(",")
>>> header[:5], "meetings_min:long" in header
(['id:ID', ':LABEL', 'kind', 'name', 'name_en'], True)
>>> files["nodes-Council.csv"].splitlines()[1].split(",")[1]  # the kind, and the label every node shares
'Council;OrgNode'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from orgraph.backends.cypher_load import KEY, relationship_rows, schema_text
from orgraph.errors import UsageError
from orgraph.export.view import select
from orgraph.model.graph import Model, node_properties, valid_on
from orgraph.model.values import iso, parse_date
from orgraph.vocabulary import NODE_LABEL

__all__ = ["ARRAY_DELIMITER", "neo4j_csv_files", "column_type", "IMPORT_COMMAND"]

ARRAY_DELIMITER = ";"
IMPORT_COMMAND = "import-command.txt"
_FIRST = ("id", "kind", "name", "name_en")


def column_type(values: list[Any]) -> str:
    """The importer's type suffix for a column holding ``values`` ('' for string).

    >>> column_type([dt.date(2024, 1, 1)]), column_type([4, 8]), column_type([True]), column_type([["a"]])
    (':date', ':long', ':boolean', ':string[]')
    """
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return ":boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return ":long"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return ":double"
    if present and all(isinstance(v, dt.date) for v in present):
        return ":date"
    if present and all(isinstance(v, (list, tuple)) for v in present):
        return ":string[]"
    return ""


def _cell(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return iso(value) or ""
    if isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise UsageError(f"{where}: a list item contains {ARRAY_DELIMITER!r}, the importer's array delimiter")
        return ARRAY_DELIMITER.join(items)
    return str(value)


def _table(header: list[str], keys: list[str], rows: list[dict[str, Any]], where: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(key), f"{where} {row.get('id', row.get(':START_ID'))}") for key in keys])
    return buffer.getvalue()


def _columns(rows: list[dict[str, Any]], fixed: tuple[str, ...]) -> list[str]:
    keys = sorted({key for row in rows for key in row} - set(fixed), key=lambda k: (k not in _FIRST, _order(k)))
    return [k for k in fixed if any(k in row for row in rows) or k.startswith(":")] + keys


def _order(key: str) -> tuple[int, str]:
    return (_FIRST.index(key) if key in _FIRST else len(_FIRST), key)


def neo4j_csv_files(model: Model, day: dt.date | None) -> dict[str, str]:
    """``{file name: text}``: the node and relationship CSVs of the model on ``day`` (``None``: all dates)."""
    view = select(model, day)
    files: dict[str, str] = {}
    by_label: dict[str, list[dict[str, Any]]] = {}
    for node in view.nodes.values():
        props = {key: str(value) if key == "kind" else value for key, value in node_properties(node).items()}
        labels = f"{node.kind}{ARRAY_DELIMITER}{NODE_LABEL}"  # the shared label orgraph load gives every node
        by_label.setdefault(str(node.kind), []).append({**props, ":LABEL": labels})
    for label, rows in sorted(by_label.items()):
        keys = _columns(rows, ("id", ":LABEL"))
        header = [_header(key, [row.get(key) for row in rows]) for key in keys]
        header[0] = "id:ID"
        files[f"nodes-{label}.csv"] = _table(header, keys, rows, f"nodes-{label}.csv")
    by_type: dict[str, list[dict[str, Any]]] = {}
    for (rel_type, _, _), rows in relationship_rows(model).items():
        for row in rows:
            props = {key: parse_date(value) if key in ("valid_from", "valid_to") else value
                     for key, value in row["props"].items()}
            if row["source"] in view.nodes and row["target"] in view.nodes and (day is None or valid_on(props, day)):
                by_type.setdefault(str(rel_type), []).append(
                    {":START_ID": row["source"], ":END_ID": row["target"], ":TYPE": str(rel_type), **props})
    for rel_type, rows in sorted(by_type.items()):
        rows.sort(key=lambda row: (row[":START_ID"], row[":END_ID"], row[KEY]))
        keys = _columns(rows, (":START_ID", ":END_ID", ":TYPE"))
        header = [_header(key, [row.get(key) for row in rows]) for key in keys]
        files[f"relationships-{rel_type}.csv"] = _table(header, keys, rows, f"relationships-{rel_type}.csv")
    files["constraints.cypher"] = schema_text()
    files[IMPORT_COMMAND] = _command(files)
    return files


def _header(key: str, values: list[Any]) -> str:
    return key if key.startswith(":") else key + column_type(values)


def _command(files: dict[str, str]) -> str:
    nodes = " ".join(f"--nodes={name}" for name in sorted(files) if name.startswith("nodes-"))
    rels = " ".join(f"--relationships={name}" for name in sorted(files) if name.startswith("relationships-"))
    return (f"# Run in this directory, with the database stopped; then run constraints.cypher in cypher-shell.\n"
            f"neo4j-admin database import full --array-delimiter='{ARRAY_DELIMITER}' {nodes} {rels} neo4j\n")
