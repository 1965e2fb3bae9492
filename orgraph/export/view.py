"""What an export holds: the model on one date, or the model with every date.

Every format reads the model through a :class:`View`: the nodes and relations (the typed
pydantic objects, so that sources and other names keep their structure) that hold on the
date asked for, or all of them with ``day=None`` (``--all-dates``).

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> model = load(data_dir("seed"))
>>> everything, today = select(model, None), select(model, dt.date(2026, 11, 23))
>>> len(everything.relations) >= len(today.relations) > 0
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from orgraph.model.graph import Model, relation_properties, valid_on
from orgraph.model.schema import Relation
from orgraph.model.values import plain

__all__ = ["View", "select", "relation_key", "text_key"]


@dataclass(frozen=True)
class View:
    """The nodes (by id, sorted) and relations (in a stable order) of one export; ``day`` None: all dates."""

    model: Model
    day: dt.date | None
    nodes: dict[str, Any]
    relations: tuple[Relation, ...]

    def kind(self, node_id: str) -> str:
        """The kind of a node of the view."""
        return str(self.nodes[node_id].kind)


def _node_valid(node: Any, day: dt.date | None) -> bool:
    return day is None or valid_on({"valid_from": node.valid_from, "valid_to": node.valid_to}, day)


def select(model: Model, day: dt.date | None) -> View:
    """The view of ``model`` on ``day`` (``None``: every node and relation with its dates)."""
    nodes = {node_id: node for node_id, node in sorted(model.nodes.items()) if _node_valid(node, day)}
    relations = tuple(sorted(
        (rel for rel in model.relations
         if rel.source_id in nodes and rel.target_id in nodes
         and (day is None or valid_on(relation_properties(rel), day))),
        key=lambda rel: (rel.source_id, rel.type, rel.target_id, relation_key(rel))))
    return View(model, day, nodes, relations)


def relation_key(relation: Relation) -> str:
    """A short, stable id of one relation, from all it says (two relations alike in everything share it).

    >>> r = Relation.model_validate({"from": "a", "type": "LEADS", "to": "b"})
    >>> relation_key(r) == relation_key(Relation.model_validate({"from": "a", "type": "LEADS", "to": "b"}))
    True
    """
    text = json.dumps(plain(relation.model_dump()), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def text_key(text: str) -> str:
    """A short, stable key of a text, for the IRIs of things named by it.

    >>> text_key("Rapportering") == text_key("Rapportering") != text_key("Beslutsfattande")
    True
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
