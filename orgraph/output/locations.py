"""Where a finding is declared: the YAML file and line of its nodes and relations, for the CI formats.

The loader records the file and line of every node and relation
(``Model.locations``); a finding points at the relation between its first two
focus nodes when there is one, else at its first focus node (else its council).
A backend without files (Neo4j) locates nothing.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> locator = Locator.of(MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23)))
>>> file, line = locator.node("sr-ortopedi")
>>> file.endswith("ortopedi.yaml"), line
(True, 6)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from orgraph.vocabulary import Kind

__all__ = ["Locator", "Place", "file_uri"]

Place = tuple[str, int]


@dataclass(frozen=True)
class Locator:
    """File and line by node id and by pair of related node ids; node properties and councils for names."""

    nodes: dict[str, Place] = field(default_factory=dict)
    pairs: dict[tuple[str, str], Place] = field(default_factory=dict)
    lookup: Any = None
    councils: tuple[str, ...] = ()

    @classmethod
    def of(cls, backend: Any) -> Locator:
        """The locator of a backend: file and line from a memory backend's model, none from a database."""
        model = getattr(backend, "model", None)
        councils = tuple(sorted(node["id"] for node in backend.nodes([Kind.COUNCIL])))
        if model is None:
            return cls(lookup=backend.node, councils=councils)
        nodes = {node_id: (file, line) for node_id, (file, line) in model.locations.items() if line}
        pairs: dict[tuple[str, str], Place] = {}
        for relation, (file, line) in zip(model.relations, model.relation_locations, strict=True):
            if line:
                pairs.setdefault((relation.source_id, relation.target_id), (file, line))
                pairs.setdefault((relation.target_id, relation.source_id), (file, line))
        return cls(nodes, pairs, backend.node, councils)

    def node(self, node_id: str) -> Place | None:
        """Where the node ``node_id`` is declared."""
        return self.nodes.get(node_id)

    def finding(self, finding: Any) -> Place | None:
        """Where a finding's offending relation or node is declared (None when unknown)."""
        focus = tuple(finding.focus)
        if len(focus) >= 2 and (focus[0], focus[1]) in self.pairs:
            return self.pairs[(focus[0], focus[1])]
        for node_id in (*focus, finding.council):
            if node_id and node_id in self.nodes:
                return self.nodes[node_id]
        return None

    def kind(self, node_id: str) -> str | None:
        """The node's kind (label), if the backend knows the node."""
        node = self.lookup(node_id) if self.lookup else None
        return node.get("kind") if node else None


def file_uri(file: str) -> tuple[str, str | None]:
    """A file as SARIF names it: a relative URI against ``%SRCROOT%`` (the working directory), or a file URI.

    >>> file_uri("seed/councils/ortopedi.yaml")
    ('seed/councils/ortopedi.yaml', '%SRCROOT%')
    >>> file_uri("/tmp/a b.yaml")
    ('file:///tmp/a%20b.yaml', None)
    """
    path = Path(file)
    if path.is_absolute():
        return path.as_uri(), None
    return quote(path.as_posix()), "%SRCROOT%"
