"""Generated sections of the README: the text between two markers is replaced by a generator's output.

Tests compare the README with the regenerated text, so a table can never drift from its declaration.

>>> replace_between("a <!-- x:start --> old <!-- x:end --> b", "<!-- x:start -->", "<!-- x:end -->", "new")
'a <!-- x:start -->\\nnew\\n<!-- x:end --> b'
"""

from __future__ import annotations

__all__ = ["replace_between"]


def replace_between(text: str, start_marker: str, end_marker: str, body: str) -> str:
    """``text`` with everything between the two markers replaced by ``body`` on lines of its own."""
    head, start, rest = text.partition(start_marker)
    _, end, tail = rest.partition(end_marker)
    if not start or not end:
        raise ValueError(f"the text has no {start_marker} … {end_marker} markers")
    return f"{head}{start_marker}\n{body}\n{end_marker}{tail}"
