"""Each clause of a segmented text matched to the template's declaration, or a TODO.

A sentence is recognised when a declaration of its own section matches it (a wording, or a pattern whose
groups are the values).  A declared clause found under another heading is not read (the heading may be
missing or wrong: reading it would guess), nor is a sentence no declaration knows: both become TODOs,
as does a field line that stands out of the template's order.

>>> from orgraph.ingest.paragraphs import read_text
>>> from orgraph.ingest.segment import segment
>>> from orgraph.ingest.template import load_template
>>> t = load_template()
>>> doc = segment(read_text("**Uppdragshandling**\\n\\nSyfte med uppdraget\\n\\nAtt samverka.\\n\\n"
...                         "Beslutsfattande\\n\\nMötesfrekvens: 4 – 8 ggr/år\\n\\nRådet dansar.\\n"), t)
>>> found, todos = recognise(doc, t)
>>> [(r.spec.id, r.values) for r in found]
[('purpose', {'purpose': 'Att samverka.'})]
>>> [(todo.kind, todo.text) for todo in todos]
[('misplaced-clause', 'Mötesfrekvens: 4 – 8 ggr/år'), ('unknown-clause', 'Rådet dansar.')]
"""

from __future__ import annotations

from dataclasses import dataclass

from orgraph.i18n import N_
from orgraph.ingest.segment import Segmented, Sentence, Todo
from orgraph.ingest.template import ClauseSpec, Template

__all__ = ["Recognised", "recognise"]


@dataclass(frozen=True)
class Recognised:
    """A sentence of the text and the declaration it is, with the values its pattern captured."""

    sentence: Sentence
    spec: ClauseSpec
    values: dict[str, str]


def recognise(doc: Segmented, template: Template) -> tuple[list[Recognised], list[Todo]]:
    """The recognised clauses of ``doc`` in document order, and a TODO for every one that is not read."""
    found: list[Recognised] = []
    todos: list[Todo] = []
    order = {spec.id: index for index, spec in enumerate(template.clauses)}
    last_field: dict[str, tuple[int, str]] = {}
    for sentence in doc.clauses:
        if not sentence.section:
            todos.append(Todo("missing-title", sentence.text, sentence.location, None,
                              N_("stands before the first heading, under no title: not read")))
            continue
        if any(sentence.text in flagged for flagged in doc.flagged):
            continue  # a line the segmentation already gave its TODO
        match = template.match(sentence.text, sentence.key, first=sentence.first_in_section)
        if match is None and template.field_of(sentence.text, sentence.key) is not None:
            spec = template.field_of(sentence.text, sentence.key)
            assert spec is not None
            todos.append(Todo("unreadable-field", sentence.text, sentence.location, sentence.section,
                              N_("the field \"{field}\" has a value the template cannot read: add a pattern to "
                                 "orgraph/ingest/template.yaml, or write the fact by hand"), {"field": spec.label}))
            continue
        if match is None:
            elsewhere = template.match(sentence.text, sentence.key, anywhere=True, first=True)
            if elsewhere is not None:
                todos.append(Todo("misplaced-clause", sentence.text, sentence.location, sentence.section,
                                  N_("a clause of \"{section}\" ({clause}) under another heading: not read"),
                                  {"section": elsewhere[0].section, "clause": elsewhere[0].id}))
            else:
                todos.append(Todo("unknown-clause", sentence.text, sentence.location, sentence.section,
                                  N_("no clause of the template matches: add a variant to "
                                     "orgraph/ingest/template.yaml, or write its facts by hand")))
            continue
        spec, values = match
        if spec.label is not None:
            index = order[spec.id]
            previous = last_field.get(sentence.key)
            if previous is not None and index < previous[0]:
                todos.append(Todo("field-out-of-order", sentence.text, sentence.location, sentence.section,
                                  N_("the template has \"{field}\" before \"{previous}\": check the text"),
                                  {"field": spec.label, "previous": previous[1]}))
            if previous is None or index > previous[0]:
                last_field[sentence.key] = (index, spec.label)
        found.append(Recognised(sentence, spec, values))
    return found, todos
