"""DOCX and PDF into the same paragraph stream as plain text (:mod:`orgraph.ingest.paragraphs`).

DOCX is read with python-docx: each paragraph (body and table cells, in document order) is one
:class:`~orgraph.ingest.paragraphs.Paragraph`; a Heading or Title style, a fully bold paragraph and a list
style are the hints.  A line break inside a paragraph (a signature block) joins with a space.

PDF is read with pypdf (pure Python, no native dependencies, actively maintained; its text visitor gives
each piece of text with its position and font, which is what finding paragraphs needs): pieces are put
into lines by their baseline, lines into paragraphs where the vertical gap is larger than a line's
height, or where a bullet starts; a bold font marks the title (the first bold paragraph) and the
headings.  Hyphenation at a line's end is undone by :func:`~orgraph.ingest.normalise.join_lines`.

>>> read_docx(b"not a zip")
Traceback (most recent call last):
orgraph.errors.UsageError: not a readable DOCX file (File is not a zip file)
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from orgraph.errors import UsageError
from orgraph.ingest.normalise import join_lines, tidy
from orgraph.ingest.paragraphs import Paragraph

__all__ = ["read_docx", "read_pdf"]

_BULLET = re.compile(r"^\s*[•\-–*]\s+")


def read_docx(data: bytes) -> list[Paragraph]:
    """The paragraphs of a DOCX file (``data``: its bytes); a file python-docx cannot open is a UsageError."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise UsageError(f"not a readable DOCX file ({error})") from error
    found: list[Paragraph] = []

    def add(paragraph: DocxParagraph) -> None:
        text = tidy(" ".join(part for part in paragraph.text.splitlines()))
        if not text:
            return
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        runs = [run for run in paragraph.runs if run.text.strip()]
        if style.startswith("Title") or (runs and all(run.bold for run in runs) and not style.startswith("Heading")):
            kind = "title"
        elif style.startswith("Heading"):
            kind = "heading"
        elif "List" in style or _BULLET.match(paragraph.text):
            kind, text = "bullet", _BULLET.sub("", text)
        else:
            kind = "text"
        found.append(Paragraph(text, len(found) + 1, kind, "paragraph"))

    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            add(DocxParagraph(block, document))
        elif block.tag.endswith("}tbl"):
            for row in Table(block, document).rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        add(paragraph)
    return found


@dataclass
class _Piece:
    page: int
    x: float
    y: float
    size: float
    bold: bool
    text: str


def read_pdf(data: bytes) -> list[Paragraph]:
    """The paragraphs of a PDF file (``data``: its bytes); a file pypdf cannot read is a UsageError."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pieces: list[_Piece] = []
        for number, page in enumerate(reader.pages, 1):
            def visit(text, cm, tm, font, size, number=number):  # noqa: ANN001 - pypdf's visitor signature
                if not text.strip():
                    return
                scale = abs(tm[3] * cm[3]) or 1.0
                y = tm[5] * cm[3] + cm[5]
                base = str((font or {}).get("/BaseFont", ""))
                pieces.append(_Piece(number, tm[4] * cm[0] + cm[4], y, (size or 10) * scale,
                                     "Bold" in base, text.replace("\n", "")))
            page.extract_text(visitor_text=visit)
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise UsageError(f"not a readable PDF file ({error})") from error
    return _paragraphs(_lines(pieces))


def _lines(pieces: list[_Piece]) -> list[tuple[int, float, float, bool, str]]:
    """(page, y, height, bold, text) per line: pieces on one baseline joined left to right."""
    lines: list[tuple[int, float, float, bool, str]] = []
    current: list[_Piece] = []

    def close() -> None:
        if current:
            current.sort(key=lambda p: p.x)
            text = "".join(p.text for p in current)
            lines.append((current[0].page, current[0].y, max(p.size for p in current),
                          all(p.bold for p in current if p.text.strip()), text))
            current.clear()

    for piece in pieces:
        if current and (piece.page != current[0].page or abs(piece.y - current[0].y) > current[0].size * 0.3):
            close()
        current.append(piece)
    close()
    return lines


def _paragraphs(lines: list[tuple[int, float, float, bool, str]]) -> list[Paragraph]:
    """Lines into paragraphs: a new one after a gap taller than 1.5 lines, at a bullet, or where bold changes."""
    found: list[Paragraph] = []
    block: list[tuple[int, float, float, bool, str]] = []

    def close() -> None:
        titled = any(p.style == "title" for p in found)  # the first bold paragraph is the title, later ones headings
        if block:
            raw = join_lines([text for *_, text in block])
            bullet = bool(_BULLET.match(block[0][4]))
            text = tidy(_BULLET.sub("", raw) if bullet else raw)
            style = "bullet" if bullet else ("heading" if titled else "title") if block[0][3] else "text"
            if text:
                found.append(Paragraph(text, block[0][0], style, "page"))
            block.clear()

    for line in lines:
        if block:
            page, y, height, bold, _ = block[-1]
            gap = y - line[1]
            if line[0] != page or gap > height * 1.5 or gap < 0 or _BULLET.match(line[4]) or line[3] != bold:
                close()
        block.append(line)
    close()
    return found
