"""The text and JSON of ``orgraph show`` and ``orgraph path``.

>>> from orgraph.backends.base import Hop
>>> hop = Hop("a", "APPOINTS", "b", True, {"reason": "Utses."})
>>> path_json([[hop]])
[[{'from': 'a', 'to': 'b', 'type': 'APPOINTS', 'direction': 'forward', 'properties': {'reason': 'Utses.'}}]]
>>> print(paths_text([[hop]], str.upper, lambda props: "RS 1 § A"))
1 hop(s):
  A —APPOINTS→ B
      Utses.
      [RS 1 § A]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgraph.backends.base import Hop
from orgraph.i18n import N_, current, gettext
from orgraph.output.text import hop_line

__all__ = ["show_text", "hop_json", "path_json", "paths_text"]


def show_text(described: dict[str, Any], lang: str | None = None) -> str:
    """``orgraph show`` for people: the node's properties, its holders, its relations by group.

    ``lang`` is the language of the labels (None: :func:`orgraph.i18n.current`); keys and ids stay as they are.

    >>> print(show_text({"node": {"id": "p", "kind": "Post", "name": "Ordförande"}, "holders": [], "vacant": True,
    ...                  "relations": {}}, lang="sv"))
    Ordförande  (Post, id p)
      innehavare: vakant
    """
    _ = gettext(lang or current())
    node = described["node"]
    lines = [f"{node['name']}  ({node['kind']}, id {node['id']})"]
    for key, value in sorted(node.items()):
        if key == "names":  # names over time: each with the days it holds
            lines.append(f"  {key}: " + "; ".join(
                f"{n['name']} ({n.get('valid_from') or ''} … {n.get('valid_to') or ''})" for n in value))
        elif key not in ("id", "kind", "name"):
            lines.append(f"  {key}: {', '.join(map(str, value)) if isinstance(value, list) else value}")
    if "holders" in described:
        lines.append("  " + _(N_("holders")) + ": " + (_(N_("vacant")) if described["vacant"] else ", ".join(
            f"{h['name']} ({h['from']} … {h['to'] or ''})" for h in described["holders"])))
    for group, nodes in described["relations"].items():
        lines.append(f"{group}")
        lines += [f"  {n['name']}  ({n['kind']}, {n['id']})" for n in nodes]
    if "cited_by" in described:  # a clause: the facts that rest on it
        lines.append(_(N_("cited by")))
        lines += [f"  {fact}" for fact in described["cited_by"]] or ["  (" + _(N_("nothing")) + ")"]
    if "sources" in described:  # show --sources: every clause the node's facts rest on, with the quote
        lines.append(_(N_("sources")))
        for entry in described["sources"]:
            clause = entry["clause"]
            lines.append(f"  {clause['id']}  ({clause['document']} § {clause['section']})")
            lines.append(f"    \u201d{clause['text']}\u201d")
            lines.append("    " + _(N_("for")) + ": " + "; ".join(entry["facts"]))
    return "\n".join(lines)


def hop_json(hop: Hop) -> dict[str, Any]:
    """One hop of a path as ``orgraph path --format json`` has it."""
    return {"from": hop.start, "to": hop.end, "type": hop.type,
            "direction": "forward" if hop.forward else "backward", "properties": hop.properties}


def path_json(found: list[list[Hop]]) -> list[list[dict[str, Any]]]:
    """Every path found, each a list of hops."""
    return [[hop_json(hop) for hop in path] for path in found]


def paths_text(found: list[list[Hop]], name: Callable[[str], str], cite: Callable[[dict[str, Any]], str]) -> str:
    """Every path found, a block each: a heading, then one line per hop with its reason and citation."""
    blocks = []
    for index, path in enumerate(found, 1):
        heading = f"path {index} of {len(found)}, {len(path)} hop(s):" if len(found) > 1 else \
            f"{len(path)} hop(s):"
        blocks.append("\n".join([heading] + [f"  {hop_line(hop, name, cite(hop.properties))}" for hop in path]))
    return "\n\n".join(blocks)
