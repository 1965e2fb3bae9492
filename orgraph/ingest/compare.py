"""Two texts aligned clause by clause: the same, reworded (the changed words marked), only in one, moved.

Clauses pair up in three rounds: the same words (normalised), then the same clause of the template (one
clause family in ``template.yaml``: "Vara referensgrupp … koncernledning …" and "… ledningsgrupp …"), then
the most similar remaining clause under the same heading (at least :data:`SIMILAR` of the words alike).
A pair under different headings, or out of order under one heading, is *moved*.  Against the template,
the second text is the template itself (each clause's latest wording); the council's own words (its
name, purpose, dates) are left out.

>>> from orgraph.ingest.paragraphs import read_text
>>> a = text_clauses(read_text("**U**\\n\\nSyfte med uppdraget\\n\\nGruppen ska samverka.\\n\\nRådet dansar.\\n"))
>>> b = text_clauses(read_text("**U**\\n\\nSyfte med uppdraget\\n\\nGruppen ska samordna.\\n"))
>>> [(e.status, e.marked) for e in compare(a, b)]
[('reworded', 'Gruppen ska [-samverka-]{+samordna+}.'), ('only-in-a', None)]
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from orgraph.ingest.normalise import normalise, words
from orgraph.ingest.paragraphs import Paragraph
from orgraph.ingest.segment import segment
from orgraph.ingest.template import TITLE, Template, load_template

__all__ = ["TextClause", "Entry", "compare", "against_template", "joined", "text_clauses", "template_clauses",
           "STATUSES", "SIMILAR"]

STATUSES = ("same", "reworded", "moved", "only-in-a", "only-in-b")
#: How alike two clauses' words must be (difflib's ratio) to pair as a rewording when no declaration pairs them.
SIMILAR = 0.6


@dataclass(frozen=True)
class TextClause:
    """One clause of a compared text: its heading (as written, and the template's key), number, words."""

    section: str
    key: str
    ordinal: int
    location: str
    text: str
    family: str | None = None
    council_specific: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"section": self.section, "ordinal": self.ordinal, "location": self.location, "text": self.text}


@dataclass
class Entry:
    """One line of the comparison: a status, the clause in A and/or B, and for a rewording the changes."""

    status: str
    a: TextClause | None
    b: TextClause | None
    changes: list[dict[str, str]] = field(default_factory=list)
    marked: str | None = None

    @property
    def clause(self) -> str | None:
        return (self.a and self.a.family) or (self.b and self.b.family) or None

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "clause": self.clause, "a": self.a.as_json() if self.a else None,
                "b": self.b.as_json() if self.b else None, "changes": self.changes, "marked": self.marked}


def text_clauses(paragraphs: list[Paragraph], template: Template | None = None) -> list[TextClause]:
    """The clauses of a text, each with the template clause (family) it is, where one matches."""
    template = template or load_template()
    found = []
    for sentence in segment(paragraphs, template).clauses:
        match = template.match(sentence.text, sentence.key, first=sentence.first_in_section)
        spec = match[0] if match else template.field_of(sentence.text, sentence.key)  # a field, its value unread
        found.append(TextClause(sentence.section, sentence.key, sentence.ordinal, sentence.location, sentence.text,
                                (spec.family or spec.id) if spec else None, bool(spec and spec.council_specific)))
    return found


def template_clauses(template: Template | None = None) -> list[TextClause]:
    """The template as a text: each declared clause's latest wording (the first of its family), under its
    heading, in order."""
    template = template or load_template()
    counts: dict[str, int] = {}
    found = []
    families: set[str] = set()
    for spec in template.clauses:
        family = spec.family or spec.id
        if spec.council_specific or spec.retired or not spec.text or family in families:
            continue  # the first clause of a family is its latest wording
        families.add(family)
        section = "(title)" if spec.section == TITLE else spec.section
        counts[section] = counts.get(section, 0) + 1
        found.append(TextClause(section, template.section_key(spec.section), counts[section], "template.yaml",
                                spec.text, spec.family or spec.id))
    return found


def joined(tokens: list[str]) -> str:
    """Words and punctuation as a sentence again: no space before ``,.:;)`` or after ``(``.

    >>> joined(["Utses", "av", "x", ",", "(", "RS", "2019", ")", "."])
    'Utses av x, (RS 2019).'
    """
    out = ""
    for token in tokens:
        if out and not (token[:1] in ",.:;)!?" or out.endswith(("(", "[-", "{+"))):
            out += " "
        out += token
    return out


def _diff(a: str, b: str) -> tuple[list[dict[str, str]], str]:
    left, right = words(a), words(b)
    changes: list[dict[str, str]] = []
    marked: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        old, new = joined(left[i1:i2]), joined(right[j1:j2])
        if op == "equal":
            marked.append(old)
            continue
        changes.append({"op": op, "a": old, "b": new})
        marked.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else ""))
    return changes, joined(marked)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=words(a), b=words(b), autojunk=False).ratio()


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose B positions rise with A's (the rest moved)."""
    best: list[list[tuple[int, int]]] = []
    for pair in sorted(pairs):
        chain: list[tuple[int, int]] = max((c for c in best if c[-1][1] < pair[1]), key=len, default=[])
        best.append([*chain, pair])
    longest: list[tuple[int, int]] = max(best, key=len, default=[])
    return set(longest)


def compare(a: list[TextClause], b: list[TextClause]) -> list[Entry]:
    """``a`` and ``b`` aligned (see the module's description), in the order of ``b`` with A's own in place."""
    partner: dict[int, int] = {}
    used: set[int] = set()
    rounds = (
        lambda x, y: normalise(x.text) == normalise(y.text),
        lambda x, y: x.family is not None and x.family == y.family,
        lambda x, y: x.key == y.key and _ratio(x.text, y.text) >= SIMILAR,
    )
    for same in rounds:
        for i, left in enumerate(a):
            if i in partner:
                continue
            candidates = [j for j, right in enumerate(b) if j not in used and same(left, right)]
            if candidates:
                j = max(candidates, key=lambda k: (b[k].key == left.key, _ratio(left.text, b[k].text)))
                partner[i] = j
                used.add(j)
    ordered = _in_order(list(partner.items()))
    entries: dict[float, Entry] = {}
    for i, j in partner.items():
        left, right = a[i], b[j]
        changes: list[dict[str, str]] = []
        marked: str | None = None
        if normalise(left.text) == normalise(right.text):
            status = "same"
        else:
            status = "reworded"
            changes, marked = _diff(left.text, right.text)
        if left.key != right.key or ((i, j) not in ordered and status == "same"):
            status = "moved" if status == "same" else status
        entries[float(j)] = Entry(status, left, right, changes, marked)
    for j, right in enumerate(b):
        if j not in used:
            entries[float(j)] = Entry("only-in-b", None, right)
    anchor = -1.0
    for i, left in enumerate(a):
        if i in partner:
            anchor = float(partner[i])
            continue
        anchor += 1e-3
        entries[anchor] = Entry("only-in-a", left, None)
    return [entries[key] for key in sorted(entries)]


def against_template(a: list[TextClause], template: Template | None = None) -> list[Entry]:
    """``a`` compared with the template's latest wordings, leaving out the council's own words."""
    return compare([c for c in a if not c.council_specific], template_clauses(template))
