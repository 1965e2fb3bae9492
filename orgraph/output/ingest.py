"""The text and JSON of ``orgraph ingest`` (the review report) and ``orgraph compare-texts``.

Text is for people, in the language :func:`orgraph.i18n.use` chose (Swedish first); JSON is for scripts,
its keys and statuses never translated.

>>> from orgraph.i18n import use
>>> use("sv"); place("line 12"), place("page 2"), place("")
('rad 12', 'sida 2', 'dokumentet')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orgraph.i18n import N_, _
from orgraph.ingest.compare import STATUSES, Entry
from orgraph.ingest.run import IngestResult
from orgraph.ingest.segment import Todo

__all__ = ["format_ingest", "ingest_json", "format_comparison", "comparison_json", "place"]

_UNITS = {"line": N_("line"), "paragraph": N_("paragraph"), "page": N_("page")}
_KINDS = {
    "unknown-clause": N_("unknown clause"),
    "misplaced-clause": N_("clause under the wrong heading"),
    "unknown-heading": N_("unknown heading"),
    "missing-heading": N_("missing heading"),
    "heading-out-of-order": N_("heading out of order"),
    "field-out-of-order": N_("field out of order"),
    "unreadable-fact": N_("fact not read"),
    "missing-field": N_("missing field"),
    "unreadable-field": N_("field not read"),
    "missing-title": N_("missing title"),
}
_STATUS = {"same": N_("same"), "reworded": N_("reworded"), "moved": N_("moved"), "only-in-a": N_("only in A"),
           "only-in-b": N_("only in B")}


def place(location: str) -> str:
    """A location (``line 12``) in the current language."""
    if not location:
        return _("the document")
    unit, _sep, number = location.partition(" ")
    return f"{_(_UNITS.get(unit, unit))} {number}".strip()


def _todo(todo: Todo) -> list[str]:
    where = ", ".join(part for part in (place(todo.location), todo.section) if part)
    text = f': "{todo.text}"' if todo.text else ""
    return [f"    {where} — {_(_KINDS.get(todo.kind, todo.kind))}{text}", f"        {todo.explained(_)}"]


def format_ingest(result: IngestResult, shown_directory: str) -> str:
    """The review report: per document what was read, every TODO with its place, the files written, next step."""
    lines: list[str] = []
    for item in result.documents:
        draft = item.draft
        recognised = sum(1 for c in draft.clauses if c["id"] not in draft.clause_todos)
        nodes = 2 + len(draft.posts) + len(draft.clauses)
        lines.append(_("{file} → {document}: {council} ({council_id})").format(
            file=item.file, document=draft.document["id"], council=draft.council["name"],
            council_id=draft.council["id"]))
        lines.append("  " + _("{clauses} clauses, {recognised} recognised; {nodes} nodes and {relations} relations, "
                              "each citing its clause").format(clauses=len(draft.clauses), recognised=recognised,
                                                               nodes=nodes, relations=len(draft.relations)))
        if draft.todos:
            lines.append("  " + _("{count} TODO(s) to read (also in the files, as comments):").format(
                count=len(draft.todos)))
            for todo in draft.todos:
                lines += _todo(todo)
        else:
            lines.append("  " + _("no TODOs"))
        written = ", ".join(path.relative_to(result.directory).as_posix() for path in item.written)
        lines.append("  " + _("wrote in {directory}: {files}").format(directory=shown_directory, files=written))
    if not result.joined_model:
        lines.append(_("{directory} holds no model: the drafts refer to the region's nodes of the seed; copy the "
                       "seed there first (orgraph ingest … --base seed)").format(directory=shown_directory))
    lines.append(_("next: orgraph check --data {directory}").format(directory=shown_directory))
    return "\n".join(lines)


def _todo_json(todo: Todo) -> dict[str, Any]:
    return {"kind": todo.kind, "text": todo.text, "location": todo.location, "section": todo.section,
            "detail": todo.explained()}


def ingest_json(result: IngestResult) -> dict[str, Any]:
    """The review report for scripts."""
    documents = []
    for item in result.documents:
        draft = item.draft
        documents.append({
            "file": str(item.file), "document": draft.document["id"], "council": draft.council["id"],
            "name": draft.council["name"], "clauses": len(draft.clauses), "relations": len(draft.relations),
            "todos": [_todo_json(todo) for todo in draft.todos],
            "written": [path.relative_to(result.directory).as_posix() for path in item.written]})
    return {"directory": str(result.directory), "joined_model": result.joined_model, "verified": result.verified,
            "todo_count": result.todo_count, "documents": documents}


def _where(entry: Entry) -> str:
    parts = []
    if entry.a:
        parts.append(f"A {place(entry.a.location)}")
    if entry.b:
        parts.append(f"B {place(entry.b.location)}")
    return " · ".join(parts)


def format_comparison(entries: list[Entry], a: str, b: str, show_same: bool = False) -> str:
    """The comparison for people: counts, then each clause that differs, under its heading (B's, else A's)."""
    counts = {status: sum(1 for e in entries if e.status == status) for status in STATUSES}
    lines = [f"A = {a}", f"B = {b}",
             ", ".join(f"{counts[s]} {_(_STATUS[s])}" for s in STATUSES)]
    section = None
    for entry in entries:
        if entry.status == "same" and not show_same:
            continue
        clause = entry.b or entry.a
        assert clause is not None
        if clause.section != section:
            section = clause.section
            lines += ["", f"§ {section}"]
        text = entry.marked or clause.text
        moved = ""
        if entry.a and entry.b and entry.a.section != entry.b.section:
            moved = " " + _("(from “{section}”)").format(section=entry.a.section)
        lines.append(f"  {_(_STATUS[entry.status]):<14} {text}{moved}")
        lines.append(f"  {'':<14} ({_where(entry)})")
    return "\n".join(lines)


def comparison_json(entries: list[Entry], a: str | Path, b: str | Path) -> dict[str, Any]:
    """The comparison for scripts: both sides, the counts by status, and every entry."""
    return {"a": str(a), "b": str(b),
            "summary": {status: sum(1 for e in entries if e.status == status) for status in STATUSES},
            "entries": [entry.as_json() for entry in entries]}
