"""The JSON that ``--format json`` prints: stable, sorted, UTF-8 as written.

>>> print(dumps({"b": 1, "a": "ö"}))
{
  "a": "ö",
  "b": 1
}
"""

from __future__ import annotations

import json
from typing import Any

from orgraph.model.values import plain

__all__ = ["dumps"]


def dumps(value: Any) -> str:
    """Stable, readable JSON text (UTF-8 names as they are, sorted keys)."""
    return json.dumps(plain(value), ensure_ascii=False, indent=2, sort_keys=True)
