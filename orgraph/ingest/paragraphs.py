"""One paragraph stream from any reader: what the recognition sees, whatever the file's format was.

A :class:`Paragraph` is one block of the text (a heading, a field line, a running paragraph, one bullet),
its words as written (Markdown emphasis and links taken out, lines joined), where it stands in the file,
and the hints the format gives (a heading style, bold, a list item).  This module reads plain text and
Markdown (the form of the texts in ``seed/sources/``); :mod:`orgraph.ingest.office` reads DOCX and PDF.

>>> text = "**Uppdrag\\nför rådet**\\n\\nDatum: 2024-05-21\\n\\n- Leda\\n- Följa upp\\n"
>>> [(p.line, p.style, p.text) for p in read_text(text)]
[(1, 'title', 'Uppdrag för rådet'), (4, 'text', 'Datum: 2024-05-21'), (6, 'bullet', 'Leda'), (7, 'bullet', 'Följa upp')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgraph.ingest.normalise import join_lines, strip_markdown, tidy

__all__ = ["Paragraph", "read_text", "STYLES"]

#: The hints a format gives: a title (bold or a Title style), a heading (a heading style or Markdown #),
#: a list item, plain text.
STYLES = ("title", "heading", "bullet", "text")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")


@dataclass(frozen=True)
class Paragraph:
    """One block of a document: its text, where it starts (``line`` in a text file, the paragraph's number
    in a DOCX, the page in a PDF: ``location`` says which) and the format's hint (one of :data:`STYLES`)."""

    text: str
    line: int
    style: str = "text"
    unit: str = "line"

    @property
    def location(self) -> str:
        """Where the paragraph is, for a person: ``line 12``, ``paragraph 7``, ``page 2``."""
        return f"{self.unit} {self.line}"


def _block_paragraphs(lines: list[tuple[int, str]]) -> list[Paragraph]:
    """The paragraphs of one block of non-blank lines: each list item on its own, other lines joined."""
    found: list[Paragraph] = []
    pending: list[tuple[int, str]] = []
    style = "text"

    def close() -> None:
        if pending:
            raw = join_lines([text for _, text in pending])
            text = tidy(strip_markdown(raw))
            if text:
                found.append(Paragraph(text, pending[0][0], style))
            pending.clear()

    for number, line in lines:
        if _BULLET.match(line) and not line.strip().startswith("**"):
            close()
            style = "bullet"
            pending.append((number, _BULLET.sub("", line, count=1)))
            continue
        if not pending:
            stripped = line.strip()
            style = ("heading" if _HEADING.match(line)
                     else "title" if stripped.startswith("**") and len(lines) <= 3 and _all_bold(lines)
                     else "text")
        pending.append((number, line))
    close()
    return found


def _all_bold(lines: list[tuple[int, str]]) -> bool:
    joined = " ".join(text.strip() for _, text in lines)
    return joined.startswith("**") and joined.endswith("**") and joined.count("**") == 2


def read_text(text: str) -> list[Paragraph]:
    """The paragraphs of a plain-text or Markdown document, each with the line it starts on."""
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            block.append((number, line))
        elif block:
            paragraphs += _block_paragraphs(block)
            block = []
    if block:
        paragraphs += _block_paragraphs(block)
    return paragraphs
