"""The paragraph stream cut into sections and clauses: which heading each sentence stands under.

A heading is a paragraph that is one of the template's headings (any of its wordings); the text before
the first heading stands under the document's bold title.  Each paragraph is cut into sentences (a
list item too); each sentence is one clause, numbered 1, 2, … under its heading in document order.
Letterhead and page footers (the template's ``boilerplate``) are dropped, and a paragraph broken by a
page footer ("… tar respektive representant med sig" / "sitt chefsansvar …") is joined again.

Structure that does not fit the template becomes a :class:`Todo`: a heading line the template does not
know, a required heading that is missing, headings out of the template's order.

>>> from orgraph.ingest.paragraphs import read_text
>>> from orgraph.ingest.template import load_template
>>> text = read_text("**Uppdragshandling**\\n\\nDatum 2026-06-16\\n\\nSyfte med uppdraget\\n\\nEtt. Två.\\n")
>>> doc = segment(text, load_template())
>>> [(c.section, c.ordinal, c.text) for c in doc.clauses]
[('Uppdragshandling', 1, 'Datum 2026-06-16'), ('Syfte med uppdraget', 1, 'Ett.'), ('Syfte med uppdraget', 2, 'Två.')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgraph.i18n import N_
from orgraph.ingest.paragraphs import Paragraph
from orgraph.ingest.template import TITLE, Template
from orgraph.model.sources import heading_of, split_sentences

__all__ = ["Sentence", "Segmented", "Todo", "joined", "segment", "sentences"]

_ENDS = (".", ":", "!", "?", ";")


@dataclass(frozen=True)
class Todo:
    """Something a person has to read: what (``kind``), the text, where, and why (``detail``: a message id
    of :mod:`orgraph.i18n` with ``{name}`` fields filled from ``params``)."""

    kind: str
    text: str
    location: str
    section: str | None = None
    detail: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def explained(self, translate: Any = None) -> str:
        """``detail`` in the language ``translate`` speaks (default: as written), its fields filled in."""
        return (translate or str)(self.detail).format(**self.params)


@dataclass(frozen=True)
class Sentence:
    """One clause of the text: its words, the heading it stands under (as written), its number there."""

    text: str
    section: str
    key: str  # the template's key of the section (TITLE before the first heading)
    ordinal: int
    location: str
    first_in_section: bool
    heading_line: bool = False  # a field line that is also its section's heading (Datum för beslut: …)


@dataclass
class Segmented:
    """A document cut into clauses, with its title and the structural TODOs."""

    title: str
    clauses: list[Sentence] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (as written, location)
    todos: list[Todo] = field(default_factory=list)
    flagged: set[str] = field(default_factory=set)  # paragraphs that already have their TODO


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences, as the model's clauses are (:func:`orgraph.model.sources.split_sentences`).

    >>> sentences("Beslut fattas. Ordförande kan lyfta (RS 2024 – 00370). Där varken …")
    ['Beslut fattas.', 'Ordförande kan lyfta (RS 2024 – 00370).', 'Där varken …']
    """
    return [part.strip() for part in split_sentences(text) if part.strip()]


def joined(paragraphs: list[Paragraph], template: Template) -> list[Paragraph]:
    """Without boilerplate, and with a paragraph that a page break cut in two joined again."""
    kept: list[Paragraph] = []
    for paragraph in paragraphs:
        if template.is_boilerplate(paragraph.text):
            continue
        previous = kept[-1] if kept else None
        if (previous is not None and previous.style in ("text", "bullet") and paragraph.style == "text"
                and not previous.text.endswith(_ENDS) and paragraph.text[:1].islower()
                and template.heading(previous.text) is None):
            kept[-1] = Paragraph(f"{previous.text} {paragraph.text}", previous.line, previous.style, previous.unit)
            continue
        kept.append(paragraph)
    return kept


def _looks_like_heading(paragraph: Paragraph) -> bool:
    """A line a person would read as a heading: styled as one, or short, capitalised and unpunctuated."""
    if paragraph.style == "bullet":
        return False
    text = paragraph.text
    short = len(text.split()) <= 8 and not text.endswith(_ENDS) and ":" not in text and text[:1].isupper()
    return paragraph.style == "heading" or (short and not any(ch.isdigit() for ch in text))


def segment(paragraphs: list[Paragraph], template: Template, title: str | None = None) -> Segmented:
    """Cut ``paragraphs`` into clauses under their headings (see the module's description).

    What a heading is, :func:`orgraph.model.sources.heading_of` decides (the one place the model's quote
    check asks too); the template's data gives each heading its place in the order.  ``title``: the title
    as :func:`orgraph.model.sources.read_source` reads it from the kept text (default: the first bold
    paragraph).
    """
    stream = joined(paragraphs, template)
    if title is None:
        title_at = next((i for i, p in enumerate(stream) if p.style == "title"), None)
    else:
        title_at = next((i for i, p in enumerate(stream) if title and p.text == title), None)
    title = title if title is not None else stream[title_at].text if title_at is not None else ""
    result = Segmented(title)
    if not title:
        where = stream[0].location if stream else "line 1"
        result.todos.append(Todo("missing-title", "", where, None,
                                 N_("no bold title line before the first heading: the lines before it are not read")))
    section, key = title, TITLE
    counts: dict[str, int] = {}
    order = [h.key for h in template.headings]
    last_index = -1
    for index, paragraph in enumerate(stream):
        if index == title_at:
            continue
        shared = heading_of(paragraph.text) if paragraph.style != "bullet" else None
        if shared is not None:
            found = template.heading(shared) or template.field_heading(paragraph.text)
            if found is None:
                result.todos.append(Todo("unknown-heading", paragraph.text, paragraph.location, section,
                                         N_("a wording of a template heading that the template data does not "
                                            "list: add it to the heading's variants; the clauses under it are "
                                            "not read")))
                key = shared
            else:
                position = order.index(found.key)
                if position < last_index:
                    result.todos.append(Todo("heading-out-of-order", paragraph.text, paragraph.location, section,
                                             N_("the template has it before \"{heading}\""),
                                             {"heading": order[last_index]}))
                last_index = max(last_index, position)
                key = found.key
            section = shared
            result.headings.append((section, paragraph.location))
            if not (found is not None and found.carries_field):
                continue
        elif _looks_like_heading(paragraph) and template.match(paragraph.text, key, first=True) is None \
                and template.match(paragraph.text, key) is None:
            # Not a heading of the template: its line stands as text under the heading before it.
            result.todos.append(Todo("unknown-heading", paragraph.text, paragraph.location, section,
                                     N_("a heading the template does not know: it and the clauses under it stand "
                                        "under the heading before it, and are not read")))
            result.flagged.add(paragraph.text)
        for text in sentences(paragraph.text):
            counts[section] = counts.get(section, 0) + 1
            result.clauses.append(Sentence(text, section, key, counts[section], paragraph.location,
                                           counts[section] == 1, heading_line=shared is not None))
    present = {template.section_key(h) for h, _ in result.headings}
    for heading in template.headings:
        if heading.required and heading.key not in present:
            result.todos.append(Todo("missing-heading", heading.key, "", None,
                                     N_("the template's heading is not in the text; clauses that belong under it "
                                        "stand under another heading and are not read")))
    return result
