"""DOCX and PDF renderings of a plain-text assignment document, for the ingest tests.

The paragraphs of the text (:func:`orgraph.ingest.paragraphs.read_text`) are written again the way an
office program would: the bold title as a bold run, headings in a heading style, list items as list
paragraphs; in the PDF, long paragraphs wrap (and so break lines where a reader must join them again)
and the text is set in a TrueType font when the machine has one (DejaVu), else in a core font with the
characters it lacks replaced.
"""

from __future__ import annotations

import io
from pathlib import Path

from orgraph.ingest.paragraphs import read_text

__all__ = ["docx_bytes", "pdf_bytes"]

_TTF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_TTF_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def docx_bytes(text: str) -> bytes:
    """``text`` (plain text / Markdown) as a DOCX file."""
    import docx

    document = docx.Document()
    for paragraph in read_text(text):
        if paragraph.style == "title":
            document.add_paragraph().add_run(paragraph.text).bold = True
        elif paragraph.style == "heading":
            document.add_heading(paragraph.text, level=2)
        elif paragraph.style == "bullet":
            document.add_paragraph(paragraph.text, style="List Bullet")
        else:
            document.add_paragraph(paragraph.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(text: str) -> bytes:
    """``text`` (plain text / Markdown) as a PDF file, paragraphs wrapped at an A4 page's width."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    if _TTF.exists() and _TTF_BOLD.exists():
        pdf.add_font("body", "", str(_TTF))
        pdf.add_font("body", "B", str(_TTF_BOLD))
        family, clean = "body", (lambda s: s)
    else:
        table = str.maketrans({"”": '"', "“": '"', "–": "-", "’": "'"})
        family, clean = "helvetica", (lambda s: s.translate(table).encode("latin-1", "replace").decode("latin-1"))
    for paragraph in read_text(text):
        bold = paragraph.style in ("title", "heading")
        pdf.set_font(family, "B" if bold else "", 13 if bold else 10.5)
        body = clean(paragraph.text)
        if paragraph.style == "bullet":
            body = f"• {body}" if family == "body" else f"- {body}"
        pdf.multi_cell(0, 5.5, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())
