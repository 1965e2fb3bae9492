"""Suggestions for mistyped ids.

>>> did_you_mean("sr-ortoped", ["sr-ortopedi", "sr-bild-och-funktionsmedicin"])
'did you mean sr-ortopedi?'
>>> did_you_mean("zzz", ["sr-ortopedi"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["close_matches", "did_you_mean"]


def close_matches(value: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known values closest to ``value``, best first."""
    return difflib.get_close_matches(value, list(known), n=limit, cutoff=0.6)


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """A short hint naming the closest known values, or ``''``."""
    matches = close_matches(value, known)
    return f"did you mean {' or '.join(matches)}?" if matches else ""
