"""The clauses behind the answers: what a node's facts rest on, and what rests on a clause.

Built from any backend's reads: a node's and a relationship's ``source_clauses`` name the clauses it
cites; a ``Clause`` node holds its document, section, verbatim text and statement kind.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> [c["id"] for c in clauses(backend, document="uh-ortopedi-2024", statement="routing")][:2]
['uh-ortopedi-2024-beslutsfattande-5', 'uh-ortopedi-2024-beslutsfattande-6']
>>> rested = sources_of(backend, "sr-ortopedi-kontaktperson")
>>> rested[0]["clause"]["id"], rested[0]["facts"][0]
('uh-ortopedi-2024-rapportering-2', 'sr-ortopedi-kontaktperson')
>>> "sr-ortopedi-ordforande ESCALATES_TO sr-ortopedi-kontaktperson" in cited_by(backend, \
"uh-ortopedi-2024-beslutsfattande-5")
True
"""

from __future__ import annotations

from typing import Any

from orgraph.backends.base import Backend
from orgraph.vocabulary import Kind

__all__ = ["CLAUSE_COLUMNS", "cited_by", "clauses", "sources_of"]

#: The columns of ``orgraph list clauses``.
CLAUSE_COLUMNS = ["id", "statement", "section", "text"]


def clauses(backend: Backend, document: str | None = None, statement: str | None = None) -> list[dict[str, Any]]:
    """The clauses (in id order), of one document and of one statement kind when given."""
    return [{key: node.get(key) for key in ("id", "name", "document", "section", "statement", "text")}
            for node in backend.nodes([Kind.CLAUSE])
            if (document is None or node.get("document") == document)
            and (statement is None or node.get("statement") == statement)]


def _fact(start: str, rel_type: str, end: str) -> str:
    return f"{start} {rel_type} {end}"


def sources_of(backend: Backend, node_id: str) -> list[dict[str, Any]]:
    """Every clause the node's facts rest on: the node's own citations and those of its relationships.

    One entry per clause, in the order first cited: ``{"clause": {id, document, section, text, …},
    "facts": [the node id, or "A TYPE B" for a relationship]}``.
    """
    node = backend.node(node_id)
    if node is None:
        raise KeyError(node_id)
    found: dict[str, list[str]] = {}
    for clause_id in node.get("source_clauses") or ():
        found.setdefault(clause_id, []).append(node_id)
    for neighbour in backend.neighbours(node_id):
        other = neighbour.node["id"]
        start, end = (node_id, other) if neighbour.direction == "out" else (other, node_id)
        for clause_id in neighbour.properties.get("source_clauses") or ():
            fact = _fact(start, neighbour.type, end)
            if fact not in found.setdefault(clause_id, []):
                found[clause_id].append(fact)
    result = []
    for clause_id, facts in found.items():
        clause = backend.node(clause_id) or {"id": clause_id}
        result.append({"clause": {key: clause.get(key) for key in ("id", "document", "section", "statement", "text")},
                       "facts": facts})
    return result


def cited_by(backend: Backend, clause_id: str) -> list[str]:
    """The facts that cite a clause: node ids, and ``A TYPE B`` for relationships (sorted)."""
    facts = set()
    for node in backend.nodes():
        if clause_id in (node.get("source_clauses") or ()):
            facts.add(node["id"])
        for neighbour in backend.neighbours(node["id"]):
            if neighbour.direction == "out" and clause_id in (neighbour.properties.get("source_clauses") or ()):
                facts.add(_fact(node["id"], neighbour.type, neighbour.node["id"]))
    return sorted(facts)
