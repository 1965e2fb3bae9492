"""Citations checked against the source texts that ship with the model, and the clauses' coverage.

A ``Document`` node with ``props.file`` names its text, relative to the model directory
(``sources/uh-ortopedi-2024.txt``).  The loader calls :func:`check_citations`: every ``Clause`` node
stands in a known document, under one of its headings, and its text occurs there; every citation of a
clause names a known clause (and gets that clause's document and section filled in); every citation with
a quote names a known document and a heading of its text, under which the quote occurs.  Texts are read
through :mod:`orgraph.model.sources`.  An older citation without a quote (``source: {document,
section}``) names where a fact comes from, not what it says: only its document is checked.

:func:`coverage` says which sentences of a document's text are neither in a clause nor listed as
non-normative (``clauses/<document id>.non-normative.yaml``).

>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> model = load(data_dir("seed"))
>>> model.nodes["uh-ortopedi-2024-beslutsfattande-6"].section
'Beslutsfattande'
>>> report = coverage(data_dir("seed"), model, "uh-ortopedi-2024")
>>> report.uncovered, report.percent, report.total > 50
([], 100.0, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgraph.model.problems import ModelError, Problem
from orgraph.model.sources import SourceText, normalise, read_source_file
from orgraph.vocabulary import Kind

__all__ = ["Coverage", "NON_NORMATIVE_SUFFIX", "check_citations", "coverage", "non_normative", "source_texts"]

#: The file beside a document's clauses that lists its non-normative sentences, with a reason each.
NON_NORMATIVE_SUFFIX = ".non-normative.yaml"


def source_texts(directory: Path, nodes: dict[str, Any],
                 where: dict[str, tuple[str, int | None]]) -> tuple[dict[str, SourceText], list[Problem]]:
    """The texts of the documents that name one (``props.file``), and a problem for each that cannot be read."""
    texts: dict[str, SourceText] = {}
    problems: list[Problem] = []
    root = directory.resolve()
    for node_id, node in nodes.items():
        if node.kind != Kind.DOCUMENT or not isinstance(node.props.get("file"), str):
            continue
        name = node.props["file"]
        path = (directory / name).resolve()
        file, line = where.get(node_id, ("", None))
        if not path.is_relative_to(root):
            problems.append(Problem(file, line, "props.file must name a file inside the model directory", name))
            continue
        try:
            texts[node_id] = read_source_file(path)
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text"
            problems.append(Problem(file, line, f"props.file: cannot read the document's text ({reason})", name))
    return texts, problems


def check_citations(directory: Path, nodes: dict[str, Any], where: dict[str, tuple[str, int | None]],
                    relations: list[tuple[Any, tuple[str, int | None]]],
                    problems: list[Problem]) -> tuple[dict[str, Any], list[Any]]:
    """Check clauses and citations (see the module); return the nodes and relations with every clause
    citation's document and section filled in."""
    texts, found = source_texts(directory, nodes, where)
    problems.extend(found)
    for node_id, node in nodes.items():
        if node.kind == Kind.CLAUSE:
            problems.extend(_clause_problems(node, nodes, texts, *where[node_id]))
    resolved_nodes = {node_id: _resolved(node, nodes, texts, *where[node_id], problems)
                      for node_id, node in nodes.items()}
    resolved_relations = [_resolved(relation, nodes, texts, file, line, problems)
                          for relation, (file, line) in relations]
    return resolved_nodes, resolved_relations


def _clause_problems(clause: Any, nodes: dict[str, Any], texts: dict[str, SourceText], file: str,
                     line: int | None) -> Iterator[Problem]:
    document = nodes.get(clause.document)
    if document is None or document.kind != Kind.DOCUMENT:
        yield Problem(file, line, f"{clause.id}: document is not a known Document id", clause.document)
        return
    text = texts.get(clause.document)
    if text is None:
        yield Problem(file, line, f"{clause.id}: the document {clause.document} has no text (props.file)",
                      clause.document)
        return
    yield from _placed(text, clause.document, clause.section, clause.text, f"{clause.id}: text", file, line)


def _placed(text: SourceText, document: str, section: str, quote: str | None, what: str, file: str,
            line: int | None) -> Iterator[Problem]:
    """A problem when ``section`` is no heading of ``text``, or ``quote`` does not occur under it."""
    if section not in text.headings:
        yield Problem(file, line, f"section is not a heading of {document} (headings: "
                      f"{'; '.join(text.headings)})", section)
    elif quote is not None and not text.occurs(section, quote):
        elsewhere = text.where(quote)
        hint = f" (it stands under {', '.join(elsewhere)})" if elsewhere else ""
        yield Problem(file, line, f"{what} does not occur in {document} under {section}{hint}", quote)


def _resolved(item: Any, nodes: dict[str, Any], texts: dict[str, SourceText], file: str, line: int | None,
              problems: list[Problem]) -> Any:
    """``item`` with its citations (and its names' citations) checked and filled in."""
    update: dict[str, Any] = {}
    citations = _resolve_all(item.sources, nodes, texts, file, line, problems)
    if citations != item.sources:
        update.update(sources=citations, source=citations[0])
    aka = getattr(item, "aka", ())
    names = tuple(_resolved(alt, nodes, texts, file, line, problems) for alt in aka)
    if names != aka:
        update["aka"] = names
    return item.model_copy(update=update) if update else item


def _resolve_all(citations: tuple[Any, ...], nodes: dict[str, Any], texts: dict[str, SourceText], file: str,
                 line: int | None, problems: list[Problem]) -> tuple[Any, ...]:
    resolved = []
    for citation in citations:
        if citation.clause is not None:
            clause = nodes.get(citation.clause)
            if clause is None or clause.kind != Kind.CLAUSE:
                problems.append(Problem(file, line, f"sources: not a known Clause id{_suggest(citation.clause, nodes)}",
                                        citation.clause))
            elif citation.document not in (None, clause.document) or \
                    citation.section not in (None, clause.section):
                problems.append(Problem(file, line, f"sources: {citation.clause} stands in {clause.document} "
                                        f"under {clause.section}", f"{citation.document} § {citation.section}"))
            else:
                if citation.quote is not None and normalise(citation.quote) not in normalise(clause.text):
                    problems.append(Problem(file, line, f"sources: the quote is not in {citation.clause}",
                                            citation.quote))
                citation = citation.model_copy(update={"document": clause.document, "section": clause.section})
        elif getattr(nodes.get(citation.document), "kind", None) != Kind.DOCUMENT:
            continue  # reported by the loader (source.document is not a known Document id)
        elif citation.quote is not None:
            text = texts.get(citation.document)
            if text is None:
                problems.append(Problem(file, line, f"sources: {citation.document} has no text (props.file) "
                                        "to prove the quote in", citation.quote))
            else:
                problems.extend(_placed(text, citation.document, citation.section, citation.quote,
                                        "sources: the quote", file, line))
        resolved.append(citation)
    return tuple(resolved)


def _suggest(value: str, known: dict[str, Any]) -> str:
    from orgraph.names import did_you_mean

    hint = did_you_mean(value, [k for k, n in known.items() if n.kind == Kind.CLAUSE])
    return f" ({hint})" if hint else ""


@dataclass(frozen=True)
class Coverage:
    """One document's sentences: how many, and those neither in a clause nor listed as non-normative."""

    document: str
    total: int
    uncovered: list[tuple[str, str]] = field(default_factory=list)  # (heading, sentence)
    #: Non-normative entries whose text does not stand in the document under their section.
    misplaced: list[tuple[str, str]] = field(default_factory=list)

    @property
    def percent(self) -> float:
        """The share of sentences covered, in per cent."""
        return 100.0 * (self.total - len(self.uncovered)) / self.total if self.total else 100.0


def non_normative(directory: Path, document: str) -> list[dict[str, str]]:
    """The non-normative sentences listed for ``document`` (``clauses/<document>.non-normative.yaml``).

    Each entry has ``section``, ``text`` and ``reason``; a malformed file raises ``ModelError``.
    """
    from orgraph.model.loader import read_yaml

    path = directory / "clauses" / f"{document}{NON_NORMATIVE_SUFFIX}"
    if not path.is_file():
        return []
    value, lines = read_yaml(path)
    entries = value if isinstance(value, list) else [] if value in (None, {}) else None  # only comments: none
    problems = [] if entries is not None else [Problem(str(path), lines.get(()), "expected a list", None)]
    for index, entry in enumerate(entries or []):
        if not isinstance(entry, dict) or set(entry) != {"section", "text", "reason"} or \
                not all(isinstance(v, str) and v.strip() for v in entry.values()):
            problems.append(Problem(str(path), lines.get((index,)), "each entry is {section, text, reason}, "
                                    "all three non-empty text", None))
    if problems:
        raise ModelError(problems)
    return list(entries or [])


def _holds(holder: str, sentence: str) -> bool:
    """True when ``sentence`` stands in ``holder`` as whole words (``Västra Götalandsregionen`` is not in
    ``… Västra Götalandsregionens samtliga …``).

    >>> _holds("av Västra Götalandsregionens samtliga", "Västra Götalandsregionen"), _holds("A. B.", "B.")
    (False, True)
    """
    return re.search(rf"(?<!\w){re.escape(sentence)}(?!\w)", holder) is not None


def coverage(directory: Path, model: Any, document: str) -> Coverage:
    """Which sentences of ``document``'s text no clause holds and no non-normative entry lists.

    A sentence is covered when, normalised, it occurs in the text of a clause of that document under the
    same heading (as whole words), or in a non-normative entry of that heading.
    """
    node = model.nodes[document]
    text = read_source_file(directory / node.props["file"])
    held: dict[str, list[str]] = {}
    for clause in model.nodes.values():
        if clause.kind == Kind.CLAUSE and clause.document == document:
            held.setdefault(clause.section, []).append(normalise(clause.text))
    misplaced = []
    for entry in non_normative(directory, document):
        held.setdefault(entry["section"], []).append(normalise(entry["text"]))
        if not text.occurs(entry["section"], entry["text"]):
            misplaced.append((entry["section"], entry["text"]))
    total, uncovered = 0, []
    for section in text.sections:
        for sentence in section.sentences():
            total += 1
            if not any(_holds(holder, normalise(sentence)) for holder in held.get(section.heading, [])):
                uncovered.append((section.heading, sentence))
    return Coverage(document, total, uncovered, misplaced)
