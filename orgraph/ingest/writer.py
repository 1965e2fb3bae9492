"""A draft as the model's files: ``councils/<area>.yaml``, ``documents/<id>.yaml``, ``clauses/<id>.yaml`` and
the text itself in ``sources/<id>.txt``.

Every TODO stands in the file as a comment where the fact would go (its text and location), so that the
file still loads and a person sees what is left.  Values are written as JSON scalars (valid YAML, every
character as written).

>>> files = draft_files(_example(), "uh-x.txt", "Text.")
>>> sorted(files)
['clauses/uh-x.yaml', 'councils/x.yaml', 'documents/uh-x.yaml', 'sources/uh-x.txt']
>>> print(files["clauses/uh-x.yaml"].splitlines()[-1])
# TODO (line 3, Syfte med uppdraget): unknown-clause — "Rådet dansar."
"""

from __future__ import annotations

import json
from typing import Any

from orgraph.ingest.draft import Draft
from orgraph.ingest.segment import Segmented, Todo
from orgraph.model.provenance import NON_NORMATIVE_SUFFIX
from orgraph.vocabulary import Kind, Rel, Statement

__all__ = ["draft_files", "source_file"]

_NODE_ORDER = ("id", "kind", "role", "name", "document", "section", "text", "statement", "number", "date",
               "decided", "meetings_min", "meetings_max", "adjunct_limit", "props", "sources")
_RELATION_ORDER = ("from", "type", "to", "topic", "basis", "rationale", "reason", "sources")
_DATES = ("date", "decided")
_SCHEMA = "# yaml-language-server: $schema=../orgraph.schema.json"


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _scalar(value)


def _item(fields: dict[str, Any], order: tuple[str, ...]) -> list[str]:
    keys = [k for k in order if k in fields] + [k for k in fields if k not in order and k != "location"]
    lines = []
    for index, key in enumerate(keys):
        lead = "  - " if index == 0 else "    "
        value = fields[key]
        shown = value if key in _DATES and isinstance(value, str) else _flow(value)  # a date reads as a date
        lines.append(f"{lead}{key}: {shown}")
    return lines


def _todo_line(todo: Todo) -> str:
    where = ", ".join(part for part in (todo.location, todo.section) if part)
    text = f" — {_scalar(todo.text)}" if todo.text else ""
    return f"# TODO ({where or 'document'}): {todo.kind}{text}"


def source_file(document_id: str) -> str:
    """Where a document's text is, relative to the model directory (CLAUSES.md): ``sources/<id>.txt``."""
    return f"sources/{document_id}.txt"


def _header(draft: Draft, origin: str, what: str) -> list[str]:
    return [_SCHEMA, f"# {what}, drafted by `orgraph ingest` from {origin}.",
            "# Every fact cites the clause it was read from; read the TODOs and the review report before relying "
            "on it."]


def draft_files(draft: Draft, origin: str, text: str) -> dict[str, str]:
    """The files of ``draft`` (path relative to the model directory → content)."""
    document_id, council_id = draft.document["id"], draft.council["id"]
    document = {**draft.document, "props": {**draft.document.get("props", {}), "file": source_file(document_id)}}
    own_document = [r for r in draft.relations if r["from"] == document_id or r["type"] == Rel.DECIDED]
    own_council = [r for r in draft.relations if r not in own_document]
    council_lines = _header(draft, origin, draft.council["name"])
    general = [t for t in draft.todos if t not in draft.clause_todos.values()]
    council_lines += [_todo_line(t) for t in general]
    council_lines.append("nodes:")
    council_lines += _item(draft.council, _NODE_ORDER)
    for post in draft.posts.values():
        council_lines += _item(post, _NODE_ORDER)
    council_lines.append("relations:" if own_council else "relations: []")
    for relation in own_council:
        council_lines += _item(relation, _RELATION_ORDER)
    document_lines = _header(draft, origin, f"The assignment document of {draft.council['name']}")
    document_lines.append("nodes:")
    document_lines += _item(document, _NODE_ORDER)
    if own_document:
        document_lines.append("relations:")
        for relation in own_document:
            document_lines += _item(relation, _RELATION_ORDER)
    clause_lines = _header(draft, origin, f"The clauses of {document_id}, verbatim, under their headings")
    clause_lines.append("nodes:")
    for clause in draft.clauses:
        clause_lines += _item(clause, _NODE_ORDER)
        if clause["id"] in draft.clause_todos:
            clause_lines.append(_todo_line(draft.clause_todos[clause["id"]]))
    area = council_id.removeprefix("sr-")
    files = {}
    if draft.non_normative:
        files[f"clauses/{document_id}{NON_NORMATIVE_SUFFIX}"] = "\n".join(
            [f"# The sentences of {document_id} that are no clause, each with the reason; drafted by `orgraph "
             f"ingest` from {origin}."] + [f"- {_flow(entry)}" for entry in draft.non_normative]) + "\n"
    return files | {f"councils/{area}.yaml": "\n".join(council_lines) + "\n",
            f"documents/{document_id}.yaml": "\n".join(document_lines) + "\n",
            f"clauses/{document_id}.yaml": "\n".join(clause_lines) + "\n",
            source_file(document_id): text}


def _example() -> Draft:
    """A tiny draft for the doctest."""
    todo = Todo("unknown-clause", "Rådet dansar.", "line 3", "Syfte med uppdraget")
    clause = {"id": "uh-x-syfte-med-uppdraget-1", "kind": str(Kind.CLAUSE), "name": "Syfte med uppdraget § 1",
              "document": "uh-x", "section": "Syfte med uppdraget", "text": "Rådet dansar.",
              "statement": str(Statement.OTHER),
              "location": "line 3"}
    return Draft({"id": "uh-x", "kind": str(Kind.DOCUMENT), "name": "Uppdragshandling"},
                 {"id": "sr-x", "kind": str(Kind.COUNCIL), "name": "Samordningsråd x"}, {}, [], [clause], [todo],
                 Segmented("Uppdragshandling"), {clause["id"]: todo})
