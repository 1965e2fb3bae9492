"""The text of ``orgraph load``: what was written into the database and what it now holds.

>>> print(load_text({"data": "seed", "uri": "bolt://db", "nodes": {"Council": 2},
...                  "relationships": {"POST_OF": 3}, "removed": {"nodes": 0, "relationships": 1}}))
loaded seed into bolt://db: 2 nodes, 3 relationships (removed 0 nodes, 1 relationships no longer in the model)
  nodes: Council 2
  relationships: POST_OF 3
"""

from __future__ import annotations

from typing import Any

__all__ = ["load_text"]


def load_text(result: dict[str, Any]) -> str:
    """``orgraph load``'s summary for people: totals, then the counts by label and by type."""
    def counts(values: dict[str, int]) -> str:
        return ", ".join(f"{name} {count}" for name, count in sorted(values.items())) or "none"

    return "\n".join([
        f"loaded {result['data']} into {result['uri']}: {sum(result['nodes'].values())} nodes, "
        f"{sum(result['relationships'].values())} relationships "
        f"(removed {result['removed']['nodes']} nodes, {result['removed']['relationships']} relationships "
        f"no longer in the model)",
        f"  nodes: {counts(result['nodes'])}",
        f"  relationships: {counts(result['relationships'])}",
    ])
