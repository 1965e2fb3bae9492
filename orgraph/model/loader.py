"""Read a data directory into a validated :class:`~orgraph.model.graph.Model`, or report every error at once.

Nothing is built unless everything is valid: the loader reads all files,
collects every problem (unreadable files and directories, YAML syntax and what
:mod:`orgraph.model.yamlread` refuses, encoding, shapes and types, duplicate
ids, unknown references, relationship kinds, overlapping holdings) with file,
line and the offending value, and raises :class:`ModelError` holding them all.
When a file could not be read, references into it are not reported: they are
follow-on errors of the one that is.  The model records where each node and
relation is declared (``Model.locations``, ``Model.relation_locations``).

>>> from orgraph.resources import data_dir
>>> model = load(data_dir("seed"))
>>> model.nodes["sr-ortopedi"].name
'Samordningsråd ortopedi'
>>> file, line = model.locations["sr-ortopedi"]
>>> file.endswith("ortopedi.yaml"), line
(True, 6)
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from orgraph import vocabulary
from orgraph.collector import collector_paused
from orgraph.model.graph import Model
from orgraph.model.problems import ModelError, Problem
from orgraph.model.provenance import NON_NORMATIVE_SUFFIX, check_citations
from orgraph.model.schema import Holding, Node, Relation
from orgraph.model.yamlread import Located, read_located
from orgraph.vocabulary import Kind, Rel

T = TypeVar("T")

__all__ = ["load", "data_files", "read_yaml", "validation_problems", "ModelError", "Problem"]

DATA_SUFFIXES = (".yaml", ".yml")
NOT_DATA = frozenset({"waivers.yaml", "waivers.yml"})  # read by ``orgraph check``, not part of the model
#: The lists of non-normative sentences beside the clauses (read by the coverage test), not part of the model.
NOT_DATA_SUFFIXES = (NON_NORMATIVE_SUFFIX,)


def data_files(directory: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The YAML files that make up the model in ``directory``, in a stable order.

    A sub-directory that cannot be read is an error, never skipped: it is added
    to ``problems`` (or raised as :class:`ModelError` when none is given).
    """
    found: list[Problem] = []

    def unreadable(error: OSError) -> None:
        found.append(Problem(_display(Path(error.filename or directory)), None, "cannot read this directory",
                             error.strerror or type(error).__name__))

    files = [Path(top) / name for top, _, names in os.walk(directory, onerror=unreadable) for name in names
             if name.endswith(DATA_SUFFIXES) and name not in NOT_DATA and not name.endswith(NOT_DATA_SUFFIXES)]
    if problems is None and found:
        raise ModelError(found)
    (problems if problems is not None else found).extend(found)
    return sorted((p for p in files if p.is_file()), key=lambda p: p.relative_to(directory).parts)


def load(directory: str | Path) -> Model:
    """Load and validate every data file under ``directory``; raise :class:`ModelError` on any error.

    The cyclic garbage collector is paused meanwhile: loading allocates millions of small objects and no
    cycles worth collecting, and the collector's passes were two thirds of the time of a 100k-node load
    (benchmarks/RESULTS.md).
    """
    with collector_paused():
        return _load(directory)


def _load(directory: str | Path) -> Model:
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError([Problem(str(directory), None, "no such data directory")])
    problems: list[Problem] = []
    files = data_files(directory, problems)
    if not files and not problems:
        raise ModelError([Problem(str(directory), None, "no .yaml data files in this directory")])
    complete = not problems  # every directory was read
    parsed: list[_Parsed] = []
    for path in files:
        shown = _display(path)
        located = _read_yaml(path, shown, problems)
        if located is None:
            complete = False
        else:
            parsed.append(_validate_items(shown, located, problems))
    model = _assemble(parsed, problems, complete, directory)
    if problems:
        raise ModelError(problems)
    return model


@dataclass
class _Parsed:
    """The items of one file that passed the schema, with their lines; ``broken_ids`` failed it."""

    file: str
    nodes: list[tuple[Any, int | None]]
    relations: list[tuple[Relation, int | None]]
    broken_ids: set[str]


_SECTIONS: dict[str, TypeAdapter[Any]] = {"nodes": TypeAdapter(Node), "relations": TypeAdapter(Relation),
                                           "holdings": TypeAdapter(Holding)}


def _validate_items(shown: str, located: Located, problems: list[Problem]) -> _Parsed:
    """Validate each item on its own, so that one bad item does not hide the errors elsewhere."""
    parsed = _Parsed(shown, [], [], set())
    for key, items in located.value.items():
        if key not in _SECTIONS or not isinstance(items, list):
            expected = f"a list under one of: {', '.join(_SECTIONS)}"
            problems.append(Problem(shown, located.lines.get((key,)), f"unexpected top-level key, expected {expected}",
                                    str(key)))
            continue
        for index, item in enumerate(items):
            line = located.lines.get((key, index))
            try:
                valid = _SECTIONS[key].validate_python(item)
            except ValidationError as error:
                problems.extend(_pydantic_problems(shown, error, located, (key, index)))
                if key == "nodes" and isinstance(item, dict) and isinstance(item.get("id"), str):
                    parsed.broken_ids.add(item["id"])
                continue
            if key == "nodes":
                parsed.nodes.append((valid, line))
            elif key == "holdings":
                parsed.relations.append((Relation.model_validate({
                    "from": valid.person, "type": Rel.HOLDS, "to": valid.post, "valid_from": valid.valid_from,
                    "valid_to": valid.valid_to, "sources": valid.sources, "basis": valid.basis,
                    "rationale": valid.rationale}), line))
            else:
                parsed.relations.append((valid, line))
    return parsed


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def read_yaml(path: str | Path) -> tuple[Any, dict[tuple, int]]:
    """Read any YAML file the way data files are read (see :mod:`orgraph.model.yamlread`; dates as text).

    Returns the plain value and the line of every mapping key and sequence
    item inside it (keyed by its path, e.g. ``("waivers", 0, "rule")``);
    raises :class:`ModelError` naming file, line and value on bad input.
    Other files than the model's use it, e.g. the waivers of ``orgraph check``.

    >>> from orgraph.resources import data_dir
    >>> value, lines = read_yaml(data_dir("seed") / "topics.yaml")
    >>> sorted(value), lines[("nodes", 0)] > 1
    (['nodes'], True)
    """
    path = Path(path)
    problems: list[Problem] = []
    located = read_located(path, _display(path), problems)
    if located is None:
        raise ModelError(problems)
    return located.value, located.lines


def validation_problems(file: str, error: ValidationError, value: Any, lines: dict[tuple, int],
                        prefix: tuple = ()) -> list[Problem]:
    """The problems in a pydantic ``error`` about ``value`` (read by :func:`read_yaml`), with their lines."""
    return list(_pydantic_problems(file, error, Located(value, lines), prefix))


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> Located | None:
    located = read_located(path, shown, problems)
    if located is not None and not isinstance(located.value, dict):
        problems.append(Problem(shown, located.lines.get(()), "a data file must be a mapping with "
                                "nodes, relations and/or holdings", type(located.value).__name__))
        return None
    return located


def _pydantic_problems(shown: str, error: ValidationError, located: Located, prefix: tuple) -> Iterator[Problem]:
    for item in error.errors(include_url=False):
        path = _real_path(prefix + tuple(item["loc"]), located.value)
        value = item.get("input")
        yield Problem(shown, _line_of(path, located.lines), f"{'.'.join(map(str, path))}: {item['msg']}",
                      None if isinstance(value, (dict, list)) else repr(value))


def _real_path(loc: tuple, value: Any) -> tuple:
    """Drop what pydantic adds to a location that is not in the data (the node-kind tag of a union)."""
    path = []
    for part in loc:
        if (isinstance(value, dict) and part in value) or \
                (isinstance(value, list) and isinstance(part, int) and part < len(value)):
            value = value[part]
        elif isinstance(value, dict) and part in vocabulary.LABELS:
            continue
        else:
            value = None
        path.append(part)
    return tuple(path)


def _line_of(path: tuple, lines: dict[tuple, int]) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def _assemble(parsed: list[_Parsed], problems: list[Problem], complete: bool = True,
              directory: Path | None = None) -> Model:
    """Check what spans files (ids, references, kinds, holdings, citations) and build the model.

    When not ``complete`` (a file or directory could not be read), unknown references are not reported:
    the ids may be declared in what could not be read.
    """
    nodes: dict[str, Any] = {}
    where: dict[str, tuple[str, int | None]] = {}
    broken = set().union(*(p.broken_ids for p in parsed)) if parsed else set()
    for part in parsed:
        for node, line in part.nodes:
            if node.id in nodes:
                first = "{}:{}".format(*where[node.id])
                problems.append(Problem(part.file, line, f"duplicate id (first defined at {first})", node.id))
                continue
            nodes[node.id] = node
            where[node.id] = (part.file, line)
            problems.extend(_check_dates(part.file, line, node.valid_from, node.valid_to))
            problems.extend(_check_names(part.file, line, node))

    def check_source(file: str, line: int | None, item: Any) -> None:
        for source in item.sources:
            if source.document is not None and complete and source.document not in broken \
                    and getattr(nodes.get(source.document), "kind", None) != Kind.DOCUMENT:
                problems.append(Problem(file, line, f"source.document is not a known Document id"
                                        f"{_suggest(source.document, nodes)}", source.document))

    for node_id, node in nodes.items():
        check_source(*where[node_id], node)
        for alt in node.aka:
            check_source(*where[node_id], alt)

    for node_id, node in nodes.items():
        if node.kind == Kind.REGION:
            problems.extend(_check_offices(*where[node_id], node, nodes, broken, complete))

    relations = [(relation, (part.file, line)) for part in parsed for relation, line in part.relations]
    for relation, (file, line) in relations:
        check_source(file, line, relation)
        problems.extend(_check_dates(file, line, relation.valid_from, relation.valid_to))
        problems.extend(_check_relation(file, line, relation, nodes, broken, complete))
    problems.extend(_overlapping_holdings(nodes, relations))
    if directory is not None and complete:
        nodes, resolved = check_citations(directory, nodes, where, relations, problems)
        relations = list(zip(resolved, (place for _, place in relations), strict=True))
    return Model(nodes, tuple(relation for relation, _ in relations), locations=where,
                 relation_locations=tuple(place for _, place in relations))


def _check_relation(file: str, line: int | None, relation: Relation, nodes: dict[str, Any],
                    broken: set[str], complete: bool = True) -> Iterator[Problem]:
    rel_type = vocabulary.RELATIONSHIPS[relation.type]
    start, end = nodes.get(relation.source_id), nodes.get(relation.target_id)
    for end_id, found in ((relation.source_id, start), (relation.target_id, end)):
        if found is None and complete and end_id not in broken:
            yield Problem(file, line, f"{relation.type}: unknown node id{_suggest(end_id, nodes)}", end_id)
    if start is not None and end is not None and not rel_type.allowed(start.kind, end.kind):
        yield Problem(file, line, f"{relation.type} cannot run from a {start.kind} to a {end.kind}",
                      f"{relation.source_id} → {relation.target_id}")
    if rel_type.needs_topic and relation.topic is None:
        yield Problem(file, line, f"{relation.type} needs a topic", relation.source_id)
    if not rel_type.needs_topic and relation.topic is not None:
        yield Problem(file, line, f"{relation.type} takes no topic", relation.topic)
    if relation.topic is not None and complete and relation.topic not in nodes:
        yield Problem(file, line, "the topic has no Topic node in the data", relation.topic)


#: The properties of a Region that name one of its nodes, and the kind that node must be.
REGION_OFFICES = (("regional_director", Kind.POST), ("group_head_office", Kind.ADMINISTRATION))


def _check_offices(file: str, line: int | None, region: Any, nodes: dict[str, Any], broken: set[str],
                   complete: bool = True) -> Iterator[Problem]:
    """A Region's ``regional_director`` is a Post, its ``group_head_office`` an Administration."""
    for field, kind in REGION_OFFICES:
        office = getattr(region, field)
        if office is None or not complete or office in broken:
            continue
        found = nodes.get(office)
        if found is None:
            yield Problem(file, line, f"{field}: unknown node id{_suggest(office, nodes)}", office)
        elif found.kind != kind:
            yield Problem(file, line, f"{field} must name a {kind}, not a {found.kind}", office)


def _check_dates(shown: str, line: int | None, start: dt.date | None, end: dt.date | None) -> list[Problem]:
    if start and end and end < start:
        return [Problem(shown, line, "the end date is before the start date", f"{start} … {end}")]
    return []


def _check_names(shown: str, line: int | None, node: Any) -> list[Problem]:
    """A node's dated names: each a period in order, and no two on the same day (one name at a time)."""
    dated = [alt for alt in node.aka if alt.valid_from or alt.valid_to]
    problems = [problem for alt in dated for problem in _check_dates(shown, line, alt.valid_from, alt.valid_to)]
    for first, second in _overlapping(dated, lambda alt: alt):
        problems.append(Problem(shown, line, f"{node.id} bears one name at a time, but {first.name!r} "
                                f"({first.valid_from or 'open'} … {first.valid_to or 'open'}) and "
                                f"{second.name!r} ({second.valid_from or 'open'} … {second.valid_to or 'open'}) "
                                "overlap", second.name))
    return problems


def _overlapping(items: list[T], period: Callable[[T], Any]) -> Iterator[tuple[T, T]]:
    """Each two items, in order of start, whose periods (``period(item)``'s ``valid_from`` … ``valid_to``,
    inclusive, open when absent) overlap the one before: where "one at a time" is broken."""
    ordered = sorted(items, key=lambda item: period(item).valid_from or dt.date.min)
    for first, second in zip(ordered, ordered[1:], strict=False):
        start, end = period(second).valid_from, period(first).valid_to
        if start is None or start <= (end or dt.date.max):
            yield first, second


def _overlapping_holdings(nodes: dict[str, Any],
                          relations: list[tuple[Relation, tuple[str, int | None]]]) -> Iterator[Problem]:
    by_post: dict[str, list[tuple[Relation, tuple[str, int | None]]]] = defaultdict(list)
    for relation, where in relations:
        post = nodes.get(relation.target_id)
        if relation.type == Rel.HOLDS and post is not None and post.kind == Kind.POST \
                and vocabulary.ROLES[post.role].single_holder:
            by_post[relation.target_id].append((relation, where))
    for post_id, held in by_post.items():
        for (first, _), (second, (file, line)) in _overlapping(held, itemgetter(0)):
            yield Problem(file, line, f"{post_id} has one holder at a time, but {first.source_id} "
                          f"({first.valid_from} … {first.valid_to or 'open'}) and {second.source_id} "
                          f"({second.valid_from} … {second.valid_to or 'open'}) overlap", post_id)


def _suggest(value: str, known: dict[str, Any] | list[str]) -> str:
    from orgraph.names import did_you_mean

    hint = did_you_mean(value, list(known))
    return f" ({hint})" if hint else ""
