"""The value codec: what a model value becomes in JSON and in query parameters.

Dates are ``datetime.date`` inside the model and ISO text outside it; this module is the one place
that turns one into the other.

>>> import datetime as dt
>>> plain({"from": dt.date(2025, 7, 1), "ids": ("a", "b")})
{'from': '2025-07-01', 'ids': ['a', 'b']}
>>> parse_date("2025-07-01")
datetime.date(2025, 7, 1)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

__all__ = ["plain", "parse_date", "iso"]


def plain(value: Any) -> Any:
    """Dates as ISO text, dataclasses and tuples as dicts and lists: what JSON can hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def iso(day: dt.date | None) -> str | None:
    """``day`` as ISO text (``None`` stays ``None``)."""
    return None if day is None else day.isoformat()


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """ISO text (or a date, or ``None``) as a date: the inverse of :func:`iso`."""
    if text is None or isinstance(text, dt.date):
        return text
    return dt.date.fromisoformat(text)
