"""Named Cypher queries: the files in ``cypher/queries/``, their headers, and running them.

Each file holds one statement under a three-line header::

    // name: node
    // description: one node's properties, if it is valid on $as_of
    // parameters: $id, $as_of

``name`` is the file's stem; ``parameters`` lists every ``$name`` the statement
uses (or ``none``).  :func:`load_queries` checks both and :func:`run_named`
passes exactly the declared parameters, as parameters: values are never
written into the text.

>>> queries = load_queries()
>>> queries["node"].parameters
('id', 'as_of')
>>> parameters_used("MATCH (n {id: $id}) // not $this\\nRETURN '$nor this', $as_of")
['id', 'as_of']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orgraph.resources import data_dir

__all__ = ["HEADER", "Runner", "QueryError", "NamedQuery", "parameters_used", "parse_query", "queries_dir",
           "load_queries", "get_query", "check_parameters", "run_named"]

HEADER = ("name", "description", "parameters")
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# strings, quoted names and comments, which may hold a '$' that is not a parameter
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)

Runner = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


class QueryError(ValueError):
    """A named query is unknown, a query file is malformed, or its parameters are wrong."""


@dataclass(frozen=True)
class NamedQuery:
    """One file of ``cypher/queries/``."""

    name: str
    description: str
    parameters: tuple[str, ...]
    text: str
    path: Path


def parameters_used(text: str) -> list[str]:
    """The ``$parameters`` a statement uses, in order of first use (strings and comments skipped)."""
    found: list[str] = []
    for name in _PARAMETER.findall(_NOT_CODE.sub(" ", text)):
        if name not in found:
            found.append(name)
    return found


def parse_query(path: Path) -> NamedQuery:
    """Read and check one query file; raise :class:`QueryError` naming the file and what is wrong."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    for index, key in enumerate(HEADER):
        line = lines[index] if index < len(lines) else ""
        prefix = f"// {key}:"
        if not line.startswith(prefix):
            raise QueryError(f"{path}:{index + 1}: the header needs {prefix!r} here: {line!r}")
        header[key] = line[len(prefix):].strip()
    if header["name"] != path.stem:
        raise QueryError(f"{path}:1: the name must be the file's stem ({path.stem}): {header['name']!r}")
    if not header["description"]:
        raise QueryError(f"{path}:2: the description is empty")
    declared = _declared(path, header["parameters"])
    text = "\n".join(lines[len(HEADER):]).strip()
    if not text:
        raise QueryError(f"{path}: no statement after the header")
    used = parameters_used(text)
    if sorted(used) != sorted(declared):
        missing, extra = sorted(set(used) - set(declared)), sorted(set(declared) - set(used))
        raise QueryError(f"{path}:3: declared parameters differ from those used: "
                         f"used but not declared {missing or 'none'}, declared but not used {extra or 'none'}")
    return NamedQuery(header["name"], header["description"], declared, text, path)


def _declared(path: Path, value: str) -> tuple[str, ...]:
    if value == "none":
        return ()
    names = [part.strip() for part in value.split(",")]
    if not all(re.fullmatch(r"\$[A-Za-z_][A-Za-z0-9_]*", name) for name in names):
        raise QueryError(f"{path}:3: parameters must be comma-separated $names or 'none': {value!r}")
    if len(set(names)) != len(names):
        raise QueryError(f"{path}:3: a parameter is declared twice: {value!r}")
    return tuple(name[1:] for name in names)


def queries_dir() -> Path:
    """``cypher/queries/`` (from the wheel or the checkout)."""
    return data_dir("cypher") / "queries"


def load_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query in ``directory`` (default ``cypher/queries/``), sorted by name; malformed files raise."""
    directory = directory or queries_dir()
    found = {query.name: query for query in map(_parse_cached, directory.glob("*.cypher"))}
    return dict(sorted(found.items()))


def get_query(name: str, directory: Path | None = None) -> NamedQuery:
    """The named query ``name``, or a :class:`QueryError` listing the known names (reads only its own file)."""
    directory = directory or queries_dir()
    path = directory / f"{name}.cypher"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not path.is_file():
        from orgraph.names import did_you_mean

        known = sorted(p.stem for p in directory.glob("*.cypher"))
        hint = did_you_mean(name, known)
        raise QueryError(f"unknown query {name!r}; " + (hint or f"valid: {', '.join(known)}"))
    return _parse_cached(path)


@functools.lru_cache(maxsize=256)
def _parse_cached(path: Path) -> NamedQuery:
    return parse_query(path)


def check_parameters(query: NamedQuery, params: Mapping[str, Any]) -> dict[str, Any]:
    """Exactly the parameters ``query`` declares, or a :class:`QueryError` naming what is missing or unknown."""
    unknown = sorted(set(params) - set(query.parameters))
    if unknown:
        raise QueryError(f"query {query.name} takes no parameter {unknown[0]!r}; it takes: "
                         f"{', '.join(query.parameters) or 'none'}")
    missing = [name for name in query.parameters if name not in params]
    if missing:
        raise QueryError(f"query {query.name} needs the parameter {missing[0]!r} (-p {missing[0]}=VALUE)")
    return {name: params[name] for name in query.parameters}


def run_named(run: Runner | Any, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run the named query ``name`` with ``params`` and return its rows as dicts.

    ``run`` is a function ``(statement, params) -> rows`` or any object with such a ``run`` method (a
    :class:`~orgraph.backends.cypher.CypherRunner`); the parameters must be exactly those the file declares.
    """
    query = get_query(name)
    call = run.run if hasattr(run, "run") else run
    return call(query.text, check_parameters(query, params or {}))
