"""Read one YAML file into plain values and the line of every item, refusing what cannot be represented exactly.

One pass over the parser's events (never recursive, so nesting is bounded by
:data:`MAX_DEPTH`, not by Python's stack) builds dicts, lists and scalars.
Refused, each with file and line: anchors, aliases and merge keys; explicit
tags (``!!int``, ``!foo``); duplicate keys in one mapping (both lines named);
non-finite numbers (``.nan``, ``.inf``, ``1e999``); integers outside 64 bits;
control characters in text; more than one document.  Dates stay text: the
schema parses them strictly.

>>> problems = []
>>> located = parse_text("a: 1\\nb: [x, 2025-07-01]\\n", "f.yaml", problems)
>>> located.value, located.lines[("b", 1)]
({'a': 1, 'b': ['x', '2025-07-01']}, 2)
>>> parse_text("a: 1\\na: 2\\n", "f.yaml", problems) is None, str(problems[0])
(True, 'f.yaml:2: duplicate key (first at line 1): a')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from orgraph.model.problems import Problem

__all__ = ["Located", "read_located", "parse_text", "MAX_FILE_BYTES", "MAX_DEPTH"]

try:  # the C parser is several times faster; the pure-Python one behaves the same
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 20_000_000
#: Deeper nesting than this is refused (the model's own files nest five levels).
MAX_DEPTH = 100
INT_RANGE = (-(2**63), 2**63 - 1)  # what Neo4j, FalkorDB and JSON readers hold exactly
#: C0 and C1 controls (tab, newline and carriage return allowed), DEL, lone surrogates, non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_TAG = "tag:yaml.org,2002:"
_SCALARS = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()


@dataclass
class Located:
    """A value from YAML together with the line of every mapping key and sequence item inside it."""

    value: Any
    lines: dict[tuple, int]


class _Fatal(Exception):
    """Stop reading this file at once (an alias, too deep a nesting): nothing after it can be trusted."""

    def __init__(self, problem: Problem):
        self.problem = problem


def read_located(path: Path, shown: str, problems: list[Problem]) -> Located | None:
    """Read ``path`` (UTF-8, at most :data:`MAX_FILE_BYTES`); on any error add problems and return None."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, None, "cannot read this file", error.strerror or type(error).__name__))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(shown, None, f"file larger than {MAX_FILE_BYTES} bytes", str(len(raw))))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "not UTF-8 text", repr(raw[error.start:error.end + 3])))
        return None
    return parse_text(text, shown, problems)


def parse_text(text: str, shown: str, problems: list[Problem]) -> Located | None:
    """Parse YAML ``text``; on any error add every problem found (file ``shown``) and return None."""
    before = len(problems)
    builder = _Builder(shown, problems)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Fatal as fatal:
        problems.append(fatal.problem)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = f" ({error.context} at line {error.context_mark.line + 1})" if error.context_mark else ""
        problems.append(Problem(shown, mark.line + 1 if mark else None, "YAML syntax error",
                                f"{error.problem or error.context}{context}"))
    except yaml.YAMLError as error:
        problems.append(Problem(shown, None, "YAML error", str(error)))
    if len(problems) > before:
        return None
    return Located({} if builder.root is None else builder.root, builder.lines)


class _Frame:
    __slots__ = ("container", "path", "key", "key_line", "first")

    def __init__(self, container: Any, path: tuple):
        self.container, self.path = container, path
        self.key: str | None = None
        self.key_line = 0
        self.first: dict[str, int] = {}  # key → line, for duplicate keys


class _Builder:
    """Turns parser events into plain values, recording lines and refusing what the data format does not hold."""

    def __init__(self, shown: str, problems: list[Problem]):
        self.shown, self.problems = shown, problems
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.lines: dict[tuple, int] = {}
        self.documents = 0

    def refuse(self, line: int, message: str, value: str | None = None) -> None:
        self.problems.append(Problem(self.shown, line, message, value))

    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Fatal(Problem(self.shown, line, "more than one YAML document in a data file", "---"))
            return
        if isinstance(event, yaml.AliasEvent):
            raise _Fatal(Problem(self.shown, line, "YAML anchors and aliases are not allowed in data files",
                                 f"*{event.anchor}"))
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            return
        if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            return  # stream and document ends
        if event.anchor:
            raise _Fatal(Problem(self.shown, line, "YAML anchors and aliases are not allowed in data files",
                                 f"&{event.anchor}"))
        if event.tag not in (None, "!"):
            self.refuse(line, "YAML tags are not allowed in data files (write the plain value)",
                        event.tag.replace(_TAG, "!!"))
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            self._key(top, event, line)
            return
        if isinstance(event, yaml.ScalarEvent):
            self._place(top, self._scalar(event, line), line)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _Fatal(Problem(self.shown, line, f"nested deeper than {MAX_DEPTH} levels"))
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self._place(top, container, line)
        self.stack.append(_Frame(container, path))

    def _key(self, top: _Frame, event: yaml.Event, line: int) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise _Fatal(Problem(self.shown, line, "a mapping key must be plain text, not a list or mapping"))
        key = event.value
        if key == "<<" and event.implicit[0]:
            raise _Fatal(Problem(self.shown, line, "YAML merge keys are not allowed in data files", "<<"))
        if CONTROL.search(key):
            self.refuse(line, "a control character in a key", repr(key))
        if key in top.first:
            self.refuse(line, f"duplicate key (first at line {top.first[key]})", key)
        else:
            top.first[key] = line
        top.key, top.key_line = key, line

    def _place(self, top: _Frame | None, value: Any, line: int) -> tuple:
        """Put ``value`` into the open container (or make it the root); return its path."""
        if top is None:
            self.root = value
            self.lines[()] = line
            return ()
        if isinstance(top.container, list):
            path = top.path + (len(top.container),)
            self.lines[path] = line
            top.container.append(value)
            return path
        key, top.key = top.key, None
        path = top.path + (key,)
        if path not in self.lines:  # a duplicate key keeps the first value (and is refused)
            self.lines[path] = top.key_line
            top.container[key] = value
        return path

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> Any:
        text = event.value
        if not event.implicit[0]:  # quoted, or tagged: text as written
            if CONTROL.search(text):
                self.refuse(line, "a control character in text", repr(text))
            return text
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
        if tag == _TAG + "int":
            return self._int(text, line)
        if tag == _TAG + "float":
            number = _SCALARS.construct_yaml_float(yaml.ScalarNode(tag, text))
            if not math.isfinite(number):
                self.refuse(line, "not a finite number (JSON and the databases cannot hold it)", text)
                return None
            return number
        if tag in (_TAG + "bool", _TAG + "null"):
            return _SCALARS.yaml_constructors[tag](_SCALARS, yaml.ScalarNode(tag, text))
        if CONTROL.search(text):
            self.refuse(line, "a control character in text", repr(text))
        return text  # text, and dates kept as text

    def _int(self, text: str, line: int) -> int | None:
        if len(text) > 40:
            self.refuse(line, "integer out of range (64 bits)", text)
            return None
        number = _SCALARS.construct_yaml_int(yaml.ScalarNode(_TAG + "int", text))
        if not INT_RANGE[0] <= number <= INT_RANGE[1]:
            self.refuse(line, "integer out of range (64 bits)", text)
            return None
        return number
