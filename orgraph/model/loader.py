"""Read a data directory into a validated :class:`~orgraph.model.graph.Model`, or report every error at once.

Nothing is built unless everything is valid: the loader reads all files,
collects every problem (YAML syntax, encoding, shapes and types, duplicate
ids, unknown references, relationship kinds, overlapping holdings) with file,
line and the offending value, and raises :class:`ModelError` holding them all.

>>> from orgraph.resources import data_dir
>>> model = load(data_dir("seed"))
>>> model.nodes["sr-ortopedi"].name
'Samordningsråd ortopedi'
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml
from pydantic import TypeAdapter, ValidationError

from orgraph import vocabulary
from orgraph.model.graph import Model
from orgraph.model.schema import Holding, Node, Relation
from orgraph.vocabulary import Kind, Rel

try:  # the C composer is several times faster; the pure-Python one behaves the same
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

DATA_SUFFIXES = (".yaml", ".yml")
NOT_DATA = frozenset({"waivers.yaml", "waivers.yml"})  # read by ``orgraph check``, not part of the model
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True)
class Problem:
    """One error in the input: where it is, what is wrong, and the offending value."""

    file: str
    line: int | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        shown = f": {self.value}" if self.value not in (None, "") else ""
        return f"{where}: {self.message}{shown}"


class ModelError(Exception):
    """The input cannot be used; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class _Located:
    """A value from YAML together with the line of every mapping key and sequence item inside it."""

    value: Any
    lines: dict[tuple, int]


def data_files(directory: Path) -> list[Path]:
    """The YAML files that make up the model in ``directory``, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in DATA_SUFFIXES and p.name not in NOT_DATA
                  and p.is_file())


def load(directory: str | Path) -> Model:
    """Load and validate every data file under ``directory``; raise :class:`ModelError` on any error.

    The cyclic garbage collector is paused meanwhile: loading allocates millions of small objects and no
    cycles worth collecting, and the collector's passes were two thirds of the time of a 100k-node load
    (benchmarks/RESULTS.md).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(directory)
    finally:
        if collecting:
            gc.enable()


def _load(directory: str | Path) -> Model:
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError([Problem(str(directory), None, "no such data directory")])
    files = data_files(directory)
    if not files:
        raise ModelError([Problem(str(directory), None, "no .yaml data files in this directory")])
    problems: list[Problem] = []
    parsed: list[_Parsed] = []
    for path in files:
        shown = _display(path)
        located = _read_yaml(path, shown, problems)
        if located is not None:
            parsed.append(_validate_items(shown, located, problems))
    model = _assemble(parsed, problems)
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


_SECTIONS: dict[str, TypeAdapter[Any]] = {"nodes": TypeAdapter(Node), "relations": TypeAdapter(Relation), "holdings": TypeAdapter(Holding)}


def _validate_items(shown: str, located: _Located, problems: list[Problem]) -> _Parsed:
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
                    "valid_to": valid.valid_to, "source": valid.source}), line))
            else:
                parsed.relations.append((valid, line))
    return parsed


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: str | Path) -> tuple[Any, dict[tuple, int]]:
    """Read any YAML file the way data files are read (UTF-8, no aliases, dates as text).

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
    located = _read_any_yaml(path, _display(path), problems)
    if located is None:
        raise ModelError(problems)
    return located.value, located.lines


def validation_problems(file: str, error: ValidationError, value: Any, lines: dict[tuple, int],
                        prefix: tuple = ()) -> list[Problem]:
    """The problems in a pydantic ``error`` about ``value`` (read by :func:`read_yaml`), with their lines."""
    return list(_pydantic_problems(file, error, _Located(value, lines), prefix))


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> _Located | None:
    located = _read_any_yaml(path, shown, problems)
    if located is not None and not isinstance(located.value, dict):
        problems.append(Problem(shown, located.lines.get(()), "a data file must be a mapping with "
                                "nodes, relations and/or holdings", type(located.value).__name__))
        return None
    return located


def _read_any_yaml(path: Path, shown: str, problems: list[Problem]) -> _Located | None:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(shown, None, f"file larger than {MAX_FILE_BYTES} bytes", str(len(raw))))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "not UTF-8 text", repr(raw[error.start:error.end + 3])))
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = f" ({error.context} at line {error.context_mark.line + 1})" if error.context_mark else ""
        problems.append(Problem(shown, mark.line + 1 if mark else None, "YAML syntax error",
                                f"{error.problem or error.context}{context}"))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(shown, None, "YAML error", str(error)))
        return None
    if root is None:
        return _Located({}, {})
    if "&" in text or "*" in text or "<<" in text:
        refused = _first_alias(text)
        if refused:
            problems.append(Problem(shown, refused[0], "YAML anchors, aliases and merge keys are not allowed in "
                                    "data files", refused[1]))
            return None
    lines: dict[tuple, int] = {(): root.start_mark.line + 1}
    seen: set[int] = set()
    try:
        value = _construct(root, (), lines, seen)
    except _AliasRefused as refused:
        problems.append(Problem(shown, refused.line, "YAML anchors and aliases are not allowed in data files",
                                refused.text))
        return None
    return _Located(value, lines)


class _AliasRefused(Exception):
    def __init__(self, line: int, text: str):
        self.line, self.text = line, text


def _first_alias(text: str) -> tuple[int, str] | None:
    """The line and text of the first anchor or alias, found from the parser's events (they cost no memory)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, f"*{event.anchor}"
        if getattr(event, "anchor", None):
            return event.start_mark.line + 1, f"&{event.anchor}"
    return None


def _construct(node: yaml.Node, path: tuple, lines: dict[tuple, int], seen: set[int]) -> Any:
    """Turn a composed YAML node into plain values, recording the line of each item.

    An alias makes the composer hand out the same node twice; meeting a node a
    second time is refused at once, so an alias bomb costs nothing.  Dates are
    kept as text and parsed strictly by the schema.
    """
    if id(node) in seen:
        raise _AliasRefused(node.start_mark.line + 1, "*alias")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, path, lines, seen)
            if key == "<<":
                raise _AliasRefused(key_node.start_mark.line + 1, "<< merge key")
            key = str(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, path + (key,), lines, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            items.append(_construct(item, path + (index,), lines, seen))
        return items
    if node.tag in _TYPED_SCALARS:
        return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)
    return node.value


_SCALARS = yaml.constructor.SafeConstructor()
_TYPED_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null"))


def _pydantic_problems(shown: str, error: ValidationError, located: _Located, prefix: tuple) -> Iterator[Problem]:
    for item in error.errors(include_url=False):
        path = _real_path(prefix + tuple(item["loc"]), located.value)
        value = item.get("input")
        yield Problem(shown, _line_of(path, located.lines), f"{'.'.join(map(str, path))}: {item['msg']}",
                      None if isinstance(value, (dict, list)) else repr(value))


def _real_path(loc: tuple, value: Any) -> tuple:
    """Drop what pydantic adds to a location that is not in the data (the node-kind tag of a union)."""
    path = []
    for part in loc:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
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


def _assemble(parsed: list[_Parsed], problems: list[Problem]) -> Model:
    """Check what spans files (ids, references, kinds, holdings) and build the model."""
    nodes: dict[str, Any] = {}
    where: dict[str, tuple[str, int | None]] = {}
    broken = set().union(*(p.broken_ids for p in parsed)) if parsed else set()
    for part in parsed:
        for node, line in part.nodes:
            if node.id in nodes:
                first = "%s:%s" % where[node.id]
                problems.append(Problem(part.file, line, f"duplicate id (first defined at {first})", node.id))
                continue
            nodes[node.id] = node
            where[node.id] = (part.file, line)
            problems.extend(_check_dates(part.file, line, node.valid_from, node.valid_to))

    def check_source(file: str, line: int | None, source: Any) -> None:
        if source is not None and source.document not in broken \
                and getattr(nodes.get(source.document), "kind", None) != Kind.DOCUMENT:
            problems.append(Problem(file, line, f"source.document is not a known Document id"
                                    f"{_suggest(source.document, nodes)}", source.document))

    for node_id, node in nodes.items():
        check_source(*where[node_id], node.source)
        for alt in node.aka:
            check_source(*where[node_id], alt.source)

    relations = [(relation, (part.file, line)) for part in parsed for relation, line in part.relations]
    for relation, (file, line) in relations:
        check_source(file, line, relation.source)
        problems.extend(_check_dates(file, line, relation.valid_from, relation.valid_to))
        problems.extend(_check_relation(file, line, relation, nodes, broken))
    problems.extend(_overlapping_holdings(nodes, relations))
    return Model(nodes, tuple(relation for relation, _ in relations))


def _check_relation(file: str, line: int | None, relation: Relation, nodes: dict[str, Any],
                    broken: set[str]) -> Iterator[Problem]:
    rel_type = vocabulary.RELATIONSHIPS[relation.type]
    ends = [nodes.get(relation.source_id), nodes.get(relation.target_id)]
    for end_id, end in zip((relation.source_id, relation.target_id), ends):
        if end is None and end_id not in broken:
            yield Problem(file, line, f"{relation.type}: unknown node id{_suggest(end_id, nodes)}", end_id)
    if None not in ends and not rel_type.allowed(ends[0].kind, ends[1].kind):
        yield Problem(file, line, f"{relation.type} cannot run from a {ends[0].kind} to a {ends[1].kind}",
                      f"{relation.source_id} → {relation.target_id}")
    if rel_type.needs_topic and relation.topic is None:
        yield Problem(file, line, f"{relation.type} needs a topic", relation.source_id)
    if not rel_type.needs_topic and relation.topic is not None:
        yield Problem(file, line, f"{relation.type} takes no topic", relation.topic)
    if relation.topic is not None and relation.topic not in nodes:
        yield Problem(file, line, "the topic has no Topic node in the data", relation.topic)


def _check_dates(shown: str, line: int | None, start: dt.date | None, end: dt.date | None) -> list[Problem]:
    if start and end and end < start:
        return [Problem(shown, line, "the end date is before the start date", f"{start} … {end}")]
    return []


def _overlapping_holdings(nodes: dict[str, Any],
                          relations: list[tuple[Relation, tuple[str, int | None]]]) -> Iterator[Problem]:
    by_post: dict[str, list[tuple[Relation, tuple[str, int | None]]]] = defaultdict(list)
    for relation, where in relations:
        post = nodes.get(relation.target_id)
        if relation.type == Rel.HOLDS and getattr(post, "kind", None) == Kind.POST \
                and vocabulary.ROLES[post.role].single_holder:
            by_post[relation.target_id].append((relation, where))
    for post_id, held in by_post.items():
        held.sort(key=lambda item: item[0].valid_from or dt.date.min)
        for (first, _), (second, (file, line)) in zip(held, held[1:]):
            if second.valid_from is None or second.valid_from <= (first.valid_to or dt.date.max):
                yield Problem(file, line, f"{post_id} has one holder at a time, but {first.source_id} "
                              f"({first.valid_from} … {first.valid_to or 'open'}) and {second.source_id} "
                              f"({second.valid_from} … {second.valid_to or 'open'}) overlap", post_id)


def _suggest(value: str, known: dict[str, Any] | list[str]) -> str:
    from orgraph.names import did_you_mean

    hint = did_you_mean(value, list(known))
    return f" ({hint})" if hint else ""
