"""What the loader reports: one :class:`Problem` per error, and :class:`ModelError` holding them all.

A message never grows without bound: a long offending value is quoted shortened.

>>> str(Problem("seed/x.yaml", 3, "unknown node id", "a" * 100))[:40]
'seed/x.yaml:3: unknown node id: aaaaaaaa'
>>> len(str(Problem("seed/x.yaml", 3, "unknown node id", "a" * 100000))) < 130
True
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "ModelError", "shorten", "MAX_VALUE_CHARS", "MAX_MESSAGE_CHARS"]

#: How much of an offending value a message quotes, and how long the rest of a message may be.
MAX_VALUE_CHARS = 80
MAX_MESSAGE_CHARS = 300


def shorten(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """``text`` cut to ``limit`` characters and an ellipsis when it is longer.

    >>> shorten("abcdef", 3)
    'abc…'
    """
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class Problem:
    """One error in the input: where it is, what is wrong, and the offending value."""

    file: str
    line: int | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        shown = f": {shorten(self.value)}" if self.value not in (None, "") else ""
        return f"{where}: {shorten(self.message, MAX_MESSAGE_CHARS)}{shown}"


class ModelError(Exception):
    """The input cannot be used; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))
