"""Stage 3 (beside query, rules and render): the model in standard forms other tools read.

One module per format; :data:`FORMATS` names them for ``orgraph export --format``:

- ``org-ttl``, ``org-jsonld`` — the W3C Organization Ontology (:mod:`.rdf`), with the profile
  :mod:`.profile` and SHACL shapes for the rules (:mod:`.shacl`); needs the ``export`` extra (rdflib)
- ``popolo`` — Popolo JSON (:mod:`.popolo`)
- ``graphml`` — GraphML for yEd and Gephi (:mod:`.graphml`)
- ``neo4j-csv`` — a directory of CSV files for ``neo4j-admin database import`` (:mod:`.neo4j_csv`)

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> sorted(FORMATS)
['graphml', 'neo4j-csv', 'org-jsonld', 'org-ttl', 'popolo']
>>> export_files(load(data_dir("seed")), "popolo", dt.date(2026, 11, 23)).keys()
dict_keys(['orgraph-popolo.json'])
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orgraph.errors import UsageError
from orgraph.files import write_atomically
from orgraph.model.graph import Model

__all__ = ["FORMATS", "Format", "export_files", "write_export"]


@dataclass(frozen=True)
class Format:
    """An export format: a file (``directory`` False) or a directory of files, and what writes it."""

    name: str
    default_name: str
    directory: bool
    make: Callable[[Model, dt.date | None, str | None], dict[str, str]]
    meaning: str


def _org_ttl(model: Model, day: dt.date | None, base: str | None) -> dict[str, str]:
    from orgraph.export.rdf import turtle
    from orgraph.export.terms import DEFAULT_BASE

    return {"orgraph-org.ttl": turtle(model, day, base or DEFAULT_BASE)}


def _org_jsonld(model: Model, day: dt.date | None, base: str | None) -> dict[str, str]:
    from orgraph.export.rdf import json_ld
    from orgraph.export.terms import DEFAULT_BASE

    return {"orgraph-org.jsonld": json_ld(model, day, base or DEFAULT_BASE)}


def _popolo(model: Model, day: dt.date | None, base: str | None) -> dict[str, str]:
    from orgraph.export.popolo import popolo_json
    from orgraph.export.terms import DEFAULT_BASE

    return {"orgraph-popolo.json": popolo_json(model, day, base or DEFAULT_BASE)}


def _graphml(model: Model, day: dt.date | None, base: str | None) -> dict[str, str]:
    from orgraph.export.graphml import graphml

    return {"orgraph.graphml": graphml(model, day)}


def _neo4j_csv(model: Model, day: dt.date | None, base: str | None) -> dict[str, str]:
    from orgraph.export.neo4j_csv import neo4j_csv_files

    return neo4j_csv_files(model, day)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("org-ttl", "orgraph-org.ttl", False, _org_ttl, "W3C Organization Ontology, Turtle"),
    Format("org-jsonld", "orgraph-org.jsonld", False, _org_jsonld, "W3C Organization Ontology, JSON-LD"),
    Format("popolo", "orgraph-popolo.json", False, _popolo, "Popolo JSON"),
    Format("graphml", "orgraph.graphml", False, _graphml, "GraphML for yEd and Gephi"),
    Format("neo4j-csv", "orgraph-neo4j", True, _neo4j_csv, "CSV files for neo4j-admin database import"),
)}


def export_files(model: Model, format_name: str, day: dt.date | None, base: str | None = None) -> dict[str, str]:
    """``{file name: text}`` of one export of ``model`` on ``day`` (``None``: every date)."""
    if format_name not in FORMATS:
        raise UsageError(f"unknown export format {format_name!r}; valid: {', '.join(sorted(FORMATS))}")
    return FORMATS[format_name].make(model, day, base)


def write_export(files: dict[str, str], format_name: str, target: Path) -> Path:
    """Write an export all or nothing: a file format to the file ``target``, a directory format into ``target``.

    Each file goes to a temporary name first and is renamed into place, so that a failure leaves
    nothing half-written.
    """
    spec = FORMATS[format_name]
    if spec.directory:
        if target.exists() and not target.is_dir():
            raise UsageError(f"-o names a file, but {format_name} writes a directory: {str(target)!r}")
        if target.is_dir() and any(target.iterdir()):
            raise UsageError(f"-o directory is not empty: {str(target)!r}")
        if not target.parent.is_dir():
            raise UsageError(f"no such directory for -o: {str(target.parent)!r}")
        staging = Path(tempfile.mkdtemp(prefix=".orgraph-export-", dir=target.parent))
        staging.chmod(0o777 & ~_umask())
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        if target.is_dir():
            target.rmdir()
        os.replace(staging, target)
        return target
    if target.is_dir():
        raise UsageError(f"-o names a directory, not a file: {str(target)!r}")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise UsageError(f"no such directory for -o: {str(target.parent)!r}")
    (text,) = files.values()
    return write_atomically(target, text.encode("utf-8"), mode=0o666 & ~_umask(), prefix=".orgraph-export-")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
