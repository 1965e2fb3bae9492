"""Read an assignment document's text into its headings, paragraphs and sentences; normalise quotes.

The one place that decides what a heading is, what text stands under it, and when a quote matches.
Provenance (:mod:`orgraph.model.provenance`) and the ingester both read the documents through here.

**Headings** are the template's short plain lines (:data:`TEMPLATE_HEADINGS`), with any Markdown
markup around them (``#``, ``**``) removed.  ``Datum för beslut`` is a heading that is also a field
line: its whole line (``Datum för beslut: …``) is the first paragraph under it.  Text before the first
heading stands under the document's *title*: its first bold (``**…**``) block, whitespace-normalised.

**Paragraphs** are the runs of lines between blank lines, with Markdown markup read as text (bold
markers and heading hashes removed, a link ``[text](url)`` read as its text, ``\\(`` as ``(``).  Each
list item is a paragraph of its own.  A page footer (a ``---`` line through the line after
``Webbplats:``) is not text; a paragraph that stops without closing punctuation and is followed by one
starting in lower case is one paragraph broken by the page or a stray blank line, and is joined again.
A list item's ``- `` is markup: the item's text starts after it.

>>> text = "**Uppdragshandling för\\nsamordningsråd**\\n\\nDatum: 2024-05-21\\n\\nSyfte med uppdraget\\n\\n" \\
...        "Gruppen ska samverka. Den\\n\\nska bidra.\\n\\n- En punkt.\\n"
>>> doc = read_source(text)
>>> [s.heading for s in doc.sections]
['Uppdragshandling för samordningsråd', 'Syfte med uppdraget']
>>> [p.text for p in doc.section("Syfte med uppdraget").paragraphs]
['Gruppen ska samverka. Den ska bidra.', 'En punkt.']
>>> doc.section("Syfte med uppdraget").sentences()
['Gruppen ska samverka.', 'Den ska bidra.', 'En punkt.']
>>> doc.occurs("Syfte med uppdraget", "gruppen ska  samverka"), doc.occurs("Syfte med uppdraget", "Den ska samverka")
(False, False)
>>> doc.occurs("Syfte med uppdraget", "Gruppen ska\\nsamverka")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TEMPLATE_HEADINGS", "FIELD_HEADINGS", "Paragraph", "Section", "SourceText", "heading_of",
           "normalise", "read_source", "read_source_file", "slug", "split_sentences"]

#: The template's headings, as they open a line (after markup).  A heading line is exactly one of them,
#: or (for the Samband heading, whose ending differs between the texts) starts with it.
TEMPLATE_HEADINGS: tuple[str, ...] = (
    "Syfte med uppdraget", "Uppdragsbeskrivning", "Arbetsorganisation", "Kommunikation", "Beslutsordning",
    "Rapportering", "Beslutsfattande", "Uppdraget skickas till",
)
#: Headings whose line runs on (``Samband och gränsdragning till andra uppdrag …``): the whole line is the heading.
PREFIX_HEADINGS: tuple[str, ...] = ("Samband och gränsdragning till andra uppdrag",)
#: Headings that are field lines too (``Datum för beslut: …``): the line is also the section's first paragraph.
FIELD_HEADINGS: tuple[str, ...] = ("Datum för beslut",)

_QUOTES = str.maketrans({c: '"' for c in "“”„‟\"’‘'‚«»"})
_SUSPENDED = ("och", "eller", "samt", "till", "resp")  # "hälso- och": a hyphen that stays
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"(]?[A-ZÅÄÖ0-9-])")
_ABBREVIATIONS = ("inkl.", "t.ex.", "bl.a.", "ca.", "s.k.", "m.m.", "resp.", "nr.", "jfr.")
_CLOSING = (".", "!", "?", ":", ";", ")")


def normalise(text: str) -> str:
    """The form quotes are compared in: line-break hyphenation joined, soft hyphens dropped, every quote
    mark one ``"``, whitespace one space.

    >>> normalise("”Beslutsmandat  för\\nregionala rutiner”")
    '"Beslutsmandat för regionala rutiner"'
    >>> normalise("kunskaps\\u00adstyrning, verk-\\nsamhet, hälso-\\noch sjukvård")
    'kunskapsstyrning, verksamhet, hälso- och sjukvård'
    """
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = re.sub(r"(?<=\w)-[ \t]*\n[ \t]*(?=[a-zåäö])",
                  lambda m: m.group(0) if _suspended(text, m.end()) else "", text)
    return " ".join(text.translate(_QUOTES).split())


def _suspended(text: str, at: int) -> bool:
    word = re.match(r"[a-zåäö]+", text[at:])
    return word is not None and word.group(0) in _SUSPENDED


def slug(heading: str) -> str:
    """The id part for a heading: ``Samband och gränsdragning …/… grupper`` → ``samband-och-gransdragning-…``.

    >>> slug("Syfte med uppdraget"), slug("Uppdragshandling för samordningsråd")
    ('syfte-med-uppdraget', 'uppdragshandling-for-samordningsrad')
    """
    plain = unicodedata.normalize("NFKD", heading.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _plain(line: str) -> str:
    """A line with its Markdown read as text: no heading hashes, bold markers, link targets or escapes."""
    line = re.sub(r"^\s*#+\s*", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.replace("\\(", "(").replace("\\)", ")"))
    return line.replace("****", " ").replace("**", "").strip()


def heading_of(line: str) -> str | None:
    """The heading a line is, or None.

    >>> heading_of("### **Syfte med uppdraget**"), heading_of("**Datum för beslut:** 2026-06-17")
    ('Syfte med uppdraget', 'Datum för beslut')
    >>> heading_of("Samband och gränsdragning till andra uppdrag och pågående arbete")
    'Samband och gränsdragning till andra uppdrag och pågående arbete'
    >>> heading_of("Ordförande: Utses av …") is None
    True
    """
    plain = " ".join(_plain(line).split())
    if plain in TEMPLATE_HEADINGS:
        return plain
    if any(plain.startswith(prefix) for prefix in PREFIX_HEADINGS) and not plain.endswith("."):
        return plain
    for field in FIELD_HEADINGS:
        if plain == field or plain.startswith(field + ":"):
            return field
    return None


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences (split after . ! ? before a capital; not after ``inkl.`` and the like).

    >>> split_sentences("Mötesfrekvens: 4 till maximalt 8 ggr/år. Effektiva och korta möten eftersträvas.")
    ['Mötesfrekvens: 4 till maximalt 8 ggr/år.', 'Effektiva och korta möten eftersträvas.']
    """
    parts: list[str] = []
    for piece in _SENTENCE_END.split(paragraph.strip()):
        if parts and parts[-1].lower().endswith(_ABBREVIATIONS):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return [part for part in parts if part]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (markup read, whitespace-normalised), the line it starts on (1-based), and
    whether it is a list item (its ``- `` is markup, not text)."""

    text: str
    line: int
    item: bool = False


@dataclass(frozen=True)
class Section:
    """A heading as written, the line it stands on (the title's: its first line), and its paragraphs."""

    heading: str
    line: int
    paragraphs: tuple[Paragraph, ...]

    def sentences(self) -> list[str]:
        """Every sentence under the heading, in order."""
        return [s for p in self.paragraphs for s in split_sentences(p.text)]

    def normalised(self) -> str:
        """The whole text under the heading, normalised (what a quote must occur in)."""
        return normalise(" ".join(p.text for p in self.paragraphs))


@dataclass(frozen=True)
class SourceText:
    """A document's text as sections, in document order."""

    sections: tuple[Section, ...]

    @property
    def headings(self) -> list[str]:
        """The headings, in order."""
        return [s.heading for s in self.sections]

    def section(self, heading: str) -> Section:
        """The section under ``heading`` (KeyError when the text has no such heading)."""
        for section in self.sections:
            if section.heading == heading:
                return section
        raise KeyError(heading)

    def occurs(self, heading: str, quote: str) -> bool:
        """True when ``quote`` (normalised) stands in the text under ``heading`` (False for no such heading)."""
        wanted = normalise(quote)
        found = [s for s in self.sections if s.heading == heading]
        return bool(wanted) and any(wanted in s.normalised() for s in found)

    def where(self, quote: str) -> list[str]:
        """The headings under which ``quote`` occurs (to suggest the right one)."""
        wanted = normalise(quote)
        return [s.heading for s in self.sections if wanted and wanted in s.normalised()]


def read_source(text: str) -> SourceText:
    """Read a document's text (see the module's description)."""
    lines = text.splitlines()
    title = _title(lines)
    sections: list[tuple[str, int, list[tuple[int, list[str]]]]] = [(title[0], title[1], [])]
    for number, raw in enumerate(_without_footer(lines), start=1):
        if raw is None:
            continue
        line = raw.rstrip()
        heading = heading_of(line)
        if heading is not None:
            sections.append((heading, number, []))
            if heading not in FIELD_HEADINGS:
                continue
        paragraphs = sections[-1][2]
        plain = _plain(line)
        if not plain:
            paragraphs.append((0, []))  # a break
            continue
        if number in title[2]:
            continue  # the title itself
        if plain.startswith("- "):
            paragraphs.append((-number, [plain[2:].strip()]))  # a list item: a paragraph of its own
            paragraphs.append((0, []))
        elif not paragraphs or not paragraphs[-1][1]:
            paragraphs.append((number, [plain]))
        else:
            paragraphs[-1][1].append(plain)
    return SourceText(tuple(Section(heading, line, tuple(_joined(paragraphs)))
                            for heading, line, paragraphs in sections))


def _title(lines: list[str]) -> tuple[str, int, set[int]]:
    """The first bold block (possibly over several lines), its first line and every line it spans."""
    for start, line in enumerate(lines):
        if "**" in line:
            block, numbers = [line], {start + 1}
            end = start
            while block[-1].count("**") % 2 == 1 and end + 1 < len(lines):
                end += 1
                block.append(lines[end])
                numbers.add(end + 1)
            match = re.search(r"\*\*(.+?)\*\*", " ".join(block), re.S)
            if match:
                return " ".join(match.group(1).split()), start + 1, numbers
    return "", 1, set()


def _without_footer(lines: list[str]) -> Iterator[str | None]:
    """The lines, with each page footer (``---`` … the line after ``Webbplats:``) given as None."""
    index = 0
    while index < len(lines):
        if lines[index].strip() == "---":
            end = index
            while end < len(lines) and not lines[end].strip().startswith("Webbplats:"):
                end += 1
            if end < len(lines):
                end += 1
                while end < len(lines) and not lines[end].strip():
                    end += 1
                for _ in range(index, end + 1):
                    yield None
                index = end + 1
                continue
        yield lines[index]
        index += 1


def _joined(paragraphs: list[tuple[int, list[str]]]) -> Iterator[Paragraph]:
    """Paragraphs from runs of lines; a run broken off mid-sentence is joined to the next one."""
    runs = [(line, " ".join(" ".join(parts).split())) for line, parts in paragraphs if parts]
    merged: list[tuple[int, str]] = []
    for line, text in runs:  # a list item's line is negative
        if merged and merged[-1][0] > 0 and line > 0 and not merged[-1][1].endswith(_CLOSING) \
                and text[:1].islower():
            merged[-1] = (merged[-1][0], merged[-1][1] + " " + text)
        else:
            merged.append((line, text))
    for line, text in merged:
        yield Paragraph(text, abs(line), item=line < 0)


def read_source_file(path: str | Path) -> SourceText:
    """Read a document's text file (UTF-8).

    >>> from orgraph.resources import data_dir
    >>> doc = read_source_file(data_dir("seed") / "sources" / "uh-ortopedi-2024.txt")
    >>> doc.headings[:3]
    ['Uppdragshandling för samordningsråd', 'Syfte med uppdraget', 'Uppdragsbeskrivning']
    """
    return read_source(Path(path).read_text(encoding="utf-8"))
