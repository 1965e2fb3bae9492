"""The Cypher that writes a model into Neo4j, generated from the vocabulary.

Every label and relationship type in these statements comes from
:mod:`orgraph.vocabulary`; every value is a ``$parameter``.  The same
statements run on Neo4j (``orgraph load``) and, in the tests, on FalkorDB:
:func:`apply_plan` only needs a ``run(statement, params) -> rows`` function.

A load is a :func:`load_plan`: first the relationships and nodes that are no
longer in the model are removed, then nodes are merged label by label and
relationships type by type, in batches of ``UNWIND $rows``.  Nodes are merged
on ``id`` through the shared label :data:`~orgraph.vocabulary.NODE_LABEL` (its
uniqueness constraint makes every lookup an index seek); relationships on a
deterministic ``_key`` (a hash of their ends, type, identifying properties and
occurrence), so loading twice changes nothing, editing a ``reason`` updates the
relationship in place, and several relationships of one type between the same two
nodes stay apart.  Clean-up removes only what orgraph loaded: nodes with the
shared label, relationships with a ``_key`` between two of them.  Dates are
stored as ISO text, ``aka`` as a list of strings.

>>> schema_statements()[0]
'CREATE CONSTRAINT orgraph_org_node_id IF NOT EXISTS FOR (n:OrgNode) REQUIRE n.id IS UNIQUE'
>>> merge_nodes("Council")
'UNWIND $rows AS row MERGE (n:OrgNode:Council {id: row.id}) SET n = row.props'
>>> merge_nodes("Counsil")
Traceback (most recent call last):
...
ValueError: not a label of the vocabulary: 'Counsil'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from orgraph import vocabulary
from orgraph.model.graph import Model, node_properties, relation_properties

KEY = "_key"  # the property that identifies a loaded relationship
SCHEMA_FILE = "constraints.cypher"  # in cypher/schema/
DEFAULT_BATCH_SIZE = 500

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


def _label(label: str) -> str:
    if label not in vocabulary.LABELS:
        raise ValueError(f"not a label of the vocabulary: {label!r}")
    return label


def _type(rel_type: str) -> str:
    if rel_type not in vocabulary.RELATIONSHIPS:
        raise ValueError(f"not a relationship type of the vocabulary: {rel_type!r}")
    return rel_type


# --- schema ------------------------------------------------------------------------------------


def constraint_name(label: str) -> str:
    """The name of the uniqueness constraint on ``label``'s ``id``.

    >>> constraint_name("LeadershipGroup")
    'orgraph_leadership_group_id'
    """
    name = label if label == vocabulary.NODE_LABEL else _label(label)
    return "orgraph_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() + "_id"


def schema_statements() -> list[str]:
    """The uniqueness constraint on ``id`` of the shared node label (Neo4j 5 Community; it also indexes ``id``).

    One constraint on the shared label, not one per kind: an id is unique across kinds, every read
    seeks through it, and other data in the same database may use a kind's label freely.
    """
    label = vocabulary.NODE_LABEL
    return [f"CREATE CONSTRAINT {constraint_name(label)} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"]


def schema_text() -> str:
    """The text of ``cypher/schema/constraints.cypher`` (a test keeps the checked-in file equal to it)."""
    head = ("// The uniqueness constraint for Neo4j 5 (Community): on the id of the label every orgraph node has.\n"
            "// Generated from orgraph/vocabulary.py by orgraph.backends.cypher_load.schema_text(); do not edit.\n"
            "// `orgraph load` applies them; Neo4j needs them before data is written, in their own transaction.\n")
    return head + "".join(f"{statement};\n" for statement in schema_statements())


# --- statements --------------------------------------------------------------------------------


def merge_nodes(label: str) -> str:
    """Create or update the nodes of one label: ``$rows`` of ``{id, props}``; ``props`` replaces all properties."""
    return f"UNWIND $rows AS row MERGE (n:{vocabulary.NODE_LABEL}:{_label(label)} {{id: row.id}}) SET n = row.props"


def merge_relationships(rel_type: str, source_label: str, target_label: str) -> str:
    """Create or update relationships of one type between two labels: ``$rows`` of ``{source, target, key, props}``.

    >>> print(merge_relationships("APPOINTS", "LeadershipGroup", "Post"))
    UNWIND $rows AS row MATCH (a:OrgNode:LeadershipGroup {id: row.source}) MATCH (b:OrgNode:Post {id: row.target}) \
MERGE (a)-[r:APPOINTS {_key: row.key}]->(b) SET r = row.props
    """
    node = vocabulary.NODE_LABEL
    return (f"UNWIND $rows AS row MATCH (a:{node}:{_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{node}:{_label(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[r:{_type(rel_type)} {{{KEY}: row.key}}]->(b) SET r = row.props")


def remove_stale_nodes(label: str) -> str:
    """Delete orgraph's nodes of one label whose id is not in ``$ids`` (with their relationships)."""
    return (f"MATCH (n:{vocabulary.NODE_LABEL}:{_label(label)}) WHERE NOT coalesce(n.id, '') IN $ids "
            f"DETACH DELETE n RETURN count(*) AS removed")


def remove_stale_relationships(rel_type: str) -> str:
    """Delete orgraph's relationships of one type (a key, between its nodes) whose key is not in ``$keys``."""
    node = vocabulary.NODE_LABEL
    return (f"MATCH (:{node})-[r:{_type(rel_type)}]->(:{node}) WHERE r.{KEY} IS NOT NULL AND NOT r.{KEY} IN $keys "
            f"DELETE r RETURN count(*) AS removed")


# --- rows --------------------------------------------------------------------------------------


def cypher_value(value: Any) -> Any:
    """A property value as Neo4j stores it: dates as ISO text, tuples as lists.

    >>> cypher_value([dt.date(2024, 5, 21), "x"])
    ['2024-05-21', 'x']
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [cypher_value(v) for v in value]
    return value


def cypher_properties(props: dict[str, Any]) -> dict[str, Any]:
    """A property map for Neo4j: values converted, ``None`` left out (Neo4j stores no nulls)."""
    return {key: cypher_value(value) for key, value in props.items() if value is not None}


def node_rows(model: Model) -> dict[str, list[dict[str, Any]]]:
    """``{label: [{id, props}]}`` for every node of the model, by id."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id in sorted(model.nodes):
        node = model.nodes[node_id]
        rows[node.kind].append({"id": node_id, "props": cypher_properties(node_properties(node))})
    return dict(rows)


def relationship_rows(model: Model) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """``{(type, source label, target label): [{source, target, key, props}]}`` for every relation.

    The key hashes what identifies the relation (its ends with their labels, its type, its identifying
    properties: ``vocabulary.IDENTIFYING_PROPERTIES`` and ``props``) and how many such relations came
    before it, so it is the same on every load of the same model, and a changed ``reason`` keeps it.
    """
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    seen: Counter[str] = Counter()
    for relation in model.relations:
        source, target = model.nodes[relation.source_id], model.nodes[relation.target_id]
        props = cypher_properties(relation_properties(relation))
        identifying = {key: props[key] for key in vocabulary.IDENTIFYING_PROPERTIES if key in props}
        identifying.update(cypher_properties(dict(relation.props)))
        identity = json.dumps([relation.source_id, source.kind, relation.type, relation.target_id, target.kind,
                               identifying], sort_keys=True, ensure_ascii=False)
        seen[identity] += 1
        key = hashlib.sha256(f"{identity}#{seen[identity]}".encode()).hexdigest()[:32]
        rows[(relation.type, source.kind, target.kind)].append(
            {"source": relation.source_id, "target": relation.target_id, "key": key, "props": {**props, KEY: key}})
    return dict(rows)


# --- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One statement of a load with its parameters; ``rows`` model rows it writes (0 for removals)."""

    action: str  # "remove-relationships", "remove-nodes", "nodes" or "relationships"
    what: str  # the label or relationship type
    statement: str
    params: dict[str, Any] = field(repr=False)
    rows: int = 0


def load_plan(model: Model, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Step]:
    """Every statement that makes a database hold exactly ``model``, in order.

    >>> from orgraph.model.loader import load
    >>> from orgraph.resources import data_dir
    >>> plan = load_plan(load(data_dir("seed")), batch_size=10)
    >>> [s.action for s in plan][:1], sum(s.rows for s in plan if s.action == "nodes")
    (['remove-relationships'], 188)
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1: {batch_size}")
    nodes, relationships = node_rows(model), relationship_rows(model)
    plan: list[Step] = []
    for rel_type in vocabulary.RELATIONSHIPS:
        keys = sorted(row["key"] for (t, _, _), rows in relationships.items() if t == rel_type for row in rows)
        plan.append(Step("remove-relationships", rel_type, remove_stale_relationships(rel_type), {"keys": keys}))
    for label in vocabulary.LABELS:
        ids = [row["id"] for row in nodes.get(label, [])]
        plan.append(Step("remove-nodes", label, remove_stale_nodes(label), {"ids": ids}))
    for label in vocabulary.LABELS:
        for batch in _batches(nodes.get(label, []), batch_size):
            plan.append(Step("nodes", label, merge_nodes(label), {"rows": batch}, len(batch)))
    for (rel_type, source, target), rows in sorted(relationships.items()):
        for batch in _batches(rows, batch_size):
            plan.append(Step("relationships", rel_type, merge_relationships(rel_type, source, target),
                             {"rows": batch}, len(batch)))
    return plan


def _batches(rows: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


@dataclass
class LoadSummary:
    """What a load wrote and removed, by label and relationship type."""

    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    removed_nodes: int = 0
    removed_relationships: int = 0


def apply_plan(run: Run, plan: list[Step], progress: Callable[[int], None] | None = None) -> LoadSummary:
    """Run every step of ``plan`` through ``run``; ``progress`` is told how many rows each step wrote.

    ``run`` decides where the statements go (a Neo4j transaction, a FalkorDB graph); atomicity is
    the caller's: :mod:`orgraph.backends.neo4j` runs the whole plan in one write transaction.
    """
    summary = LoadSummary()
    for step in plan:
        rows = run(step.statement, step.params)
        removed = int(rows[0]["removed"]) if rows and "removed" in rows[0] else 0
        if step.action == "remove-nodes":
            summary.removed_nodes += removed
        elif step.action == "remove-relationships":
            summary.removed_relationships += removed
        elif step.action == "nodes":
            summary.nodes[step.what] = summary.nodes.get(step.what, 0) + step.rows
        else:
            summary.relationships[step.what] = summary.relationships.get(step.what, 0) + step.rows
        if progress is not None:
            progress(max(step.rows, 1))
    return summary


def plan_size(plan: list[Step]) -> int:
    """The total that :func:`apply_plan` reports to ``progress`` for ``plan``."""
    return sum(max(step.rows, 1) for step in plan)


def lint_statements(models: Iterable[Model] = ()) -> list[tuple[str, str, dict[str, Any]]]:
    """``(id, statement, example parameters)`` for every statement the loader generates.

    That is the schema, removals and node merges of every label and type, the relationship
    merges the given models need, and one relationship merge per type besides (so that every
    type is covered even when no model uses it).
    """
    rows: dict[str, list[Any]] = {"rows": [], "ids": [], "keys": []}
    out: list[tuple[str, str, dict[str, Any]]] = [(f"schema:{vocabulary.NODE_LABEL}", statement, {})
                                                  for statement in schema_statements()]
    out += [(f"remove-relationships:{t}", remove_stale_relationships(t), rows) for t in vocabulary.RELATIONSHIPS]
    out += [(f"remove-nodes:{label}", remove_stale_nodes(label), rows) for label in vocabulary.LABELS]
    out += [(f"nodes:{label}", merge_nodes(label), rows) for label in vocabulary.LABELS]
    combos: set[tuple[str, str, str]] = {(t, rel.sources[0], rel.targets[0])
                                         for t, rel in vocabulary.RELATIONSHIPS.items()}
    for model in models:
        combos |= set(relationship_rows(model))
    out += [(f"relationships:{t}:{s}:{d}", merge_relationships(t, s, d), rows) for t, s, d in sorted(combos)]
    return out
