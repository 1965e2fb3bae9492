"""Text output for people: tables, hop lines and citations, with names as the data writes them.

>>> print(table([{"id": "sr-ortopedi", "name": "Samordningsråd ortopedi"}], ["id", "name"]))
id           name
-----------  -----------------------
sr-ortopedi  Samordningsråd ortopedi
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgraph.backends.base import Hop

__all__ = ["table", "citation", "hop_line"]


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A plain table of ``rows`` with the given columns (lists joined by commas, missing cells blank)."""
    from tabulate import tabulate

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, (list, tuple)):
            return ", ".join(str(cell(v)) for v in value)
        if isinstance(value, dict):
            return str(value.get("id", value))
        return str(value)

    if not rows:
        return "(none)"
    return tabulate([[cell(row.get(c)) for c in columns] for row in rows], headers=columns,
                    disable_numparse=True)


def citation(props: dict[str, Any], lookup: Callable[[str], dict[str, Any] | None]) -> str:
    """``RS 2024-00784 (2024-05-21) § Beslutsordning`` for a node's or relation's source; ``''`` if uncited."""
    document_id = props.get("source_document")
    if not document_id:
        return ""
    document = lookup(document_id) or {"name": document_id}
    number = document.get("number") or document.get("name")
    dated = f" ({document['date']})" if document.get("date") else ""
    section = f" § {props['source_section']}" if props.get("source_section") else ""
    return f"{number}{dated}{section}"


def hop_line(hop: Hop, names: Callable[[str], str], cite: str = "") -> str:
    """One line of a path: ``A —TYPE→ B`` (or ``A ←TYPE— B`` when walked against the arrow)."""
    arrow = f"—{hop.type}→" if hop.forward else f"←{hop.type}—"
    line = f"{names(hop.start)} {arrow} {names(hop.end)}"
    if hop.properties.get("reason"):
        line += f"\n      {hop.properties['reason']}"
    if cite:
        line += f"\n      [{cite}]"
    return line
