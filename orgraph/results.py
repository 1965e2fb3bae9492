"""The shapes every backend returns, and that ``--format json`` prints.

Both backends (memory and Neo4j) return these, so the command line prints the
same thing whichever one answered.  :func:`plain` is the one place that
turns them into the documented JSON.

>>> hop = Hop("regiondirektor", "DELEGATES_TO", "hsu-direktor", True, {"reason": "…"})
>>> plain(hop)["type"]
'DELEGATES_TO'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hop:
    """One relationship on a path: ``source -[type]-> target``; ``forward`` is false when walked backwards."""

    source: str
    type: str
    target: str
    forward: bool
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> str:
        """The node the walk leaves."""
        return self.source if self.forward else self.target

    @property
    def end(self) -> str:
        """The node the walk reaches."""
        return self.target if self.forward else self.source


@dataclass(frozen=True)
class Neighbour:
    """A node next to another, by relationship type and direction (``out``: this node is the source)."""

    type: str
    direction: str
    node: dict[str, Any]
    properties: dict[str, Any] = field(default_factory=dict)


def neighbour_order(n: Neighbour) -> tuple:
    """The order every backend lists neighbours in: type, direction, the other node's id, then properties."""
    return n.type, n.direction, n.node["id"], sorted(n.properties.items(), key=str)


def hop_order(hop: Hop) -> tuple:
    """Which relationship a path takes between two nodes: by type, forward before backward, then properties."""
    return hop.type, 0 if hop.forward else 1, sorted(hop.properties.items(), key=str)


def plain(value: Any) -> Any:
    """Dates as ISO text, dataclasses and tuples as dicts and lists: what JSON can hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    """Stable, readable JSON text (UTF-8 names as they are, sorted keys)."""
    return json.dumps(plain(value), ensure_ascii=False, indent=2, sort_keys=True)
