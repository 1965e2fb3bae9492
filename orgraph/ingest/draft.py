"""The draft of one council from its assignment document: the Document node, its Clause nodes, the council,
its posts and relations, every fact citing the clause it was read from.

Ids follow the model's conventions (``sr-<area>``, ``uh-<area>-<year>``, ``<council>-ordforande``,
``<document>-<heading>-<n>``) and never collide with ``taken`` (the ids of the model the draft joins, and
of drafts made before it): a taken id gets ``-2``, ``-3``, ….  What the text does not let the draft state
(an unknown clause, a field it cannot read, an id the model lacks) is a :class:`~orgraph.ingest.segment.Todo`.

>>> from orgraph.ingest.paragraphs import read_text
>>> from orgraph.ingest.template import load_template
>>> text = "**Uppdragshandling**\\n\\nDatum 2026-01-02\\n\\nSamordningsråd hud\\n\\nMötesfrekvens: 4 – 6 ggr/år\\n"
>>> d = make_draft(read_text(text), load_template(), Context(frozenset(), {}))
>>> d.council["id"], d.document["id"], d.council.get("meetings_max")
('sr-hud', 'uh-hud-2026', None)
>>> sorted({todo.kind for todo in d.todos})
['misplaced-clause', 'missing-heading']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from orgraph.i18n import N_
from orgraph.ingest.normalise import slug
from orgraph.ingest.paragraphs import Paragraph
from orgraph.ingest.recognise import Recognised, recognise
from orgraph.ingest.segment import Segmented, Todo, segment
from orgraph.ingest.template import Template
from orgraph.vocabulary import Kind, Rel, Statement

__all__ = ["Context", "Draft", "make_draft", "COUNCIL_FIELDS", "DOCUMENT_FIELDS"]

#: Facts of a council or document that are typed fields of its node; the others are ``props``.
COUNCIL_FIELDS = ("name", "meetings_min", "meetings_max", "adjunct_limit")
DOCUMENT_FIELDS = ("name", "number", "date", "decided")
_INTEGERS = ("meetings_min", "meetings_max", "adjunct_limit")
Why = tuple[str, dict[str, Any]]  # a message id and its fields
_PLACEHOLDER = re.compile(r"\{([a-z_-]+:)?([A-Za-z_][\w-]*)\}")


@dataclass(frozen=True)
class Context:
    """What the draft joins: the ids the model has (and earlier drafts took), and its documents by number."""

    taken: frozenset[str]
    numbers: dict[str, str]  # registry number, spaces around hyphens removed → Document id


@dataclass
class Draft:
    """One document's draft: node and relation dicts in the data format, with ``sources`` citations."""

    document: dict[str, Any]
    council: dict[str, Any]
    posts: dict[str, dict[str, Any]]
    relations: list[dict[str, Any]]
    clauses: list[dict[str, Any]]
    todos: list[Todo]
    segmented: Segmented
    clause_todos: dict[str, Todo] = field(default_factory=dict)  # clause id → its TODO
    non_normative: list[dict[str, str]] = field(default_factory=list)  # {section, text, reason}: no clause

    @property
    def ids(self) -> list[str]:
        """Every id the draft declares."""
        return [self.document["id"], self.council["id"], *(p["id"] for p in self.posts.values()),
                *(c["id"] for c in self.clauses)]


def number_key(number: str) -> str:
    """A registry number as the lookup compares it: ``RS 2024 – 00370`` and ``RS 2024-00370`` are one.

    >>> number_key("RS 2024 – 00370")
    'RS 2024-00370'
    """
    return re.sub(r"\s*[-–]\s*", "-", " ".join(number.split()))


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Builder:
    """Evaluates the yields of the recognised clauses into nodes and relations."""

    def __init__(self, template: Template, context: Context, doc: Segmented, found: list[Recognised]) -> None:
        self.template, self.context, self.doc, self.found = template, context, doc, found
        self.todos: list[Todo] = []
        self.clause_ids: dict[int, str] = {}
        self.council: dict[str, Any] = {"kind": str(Kind.COUNCIL)}
        self.document: dict[str, Any] = {"kind": str(Kind.DOCUMENT)}
        self.posts: dict[str, dict[str, Any]] = {}
        self.relations: dict[tuple, dict[str, Any]] = {}
        self.signature: dict[str, tuple[str, str]] = {}

    # -- values
    def value(self, template_value: Any, item: Recognised) -> tuple[Any, Why | None]:
        """``template_value`` with its placeholders filled in, or ``(None, why)`` when one cannot be."""
        if not isinstance(template_value, str):
            return template_value, None
        whole = _PLACEHOLDER.fullmatch(template_value)
        problems: list[Why] = []

        def fill(found: re.Match[str]) -> str:
            prefix, name = (found.group(1) or "").rstrip(":"), found.group(2)
            resolved, why = self.resolve(prefix, name, item)
            if why:
                problems.append(why)
            return "" if resolved is None else str(resolved)

        text = _PLACEHOLDER.sub(fill, template_value)
        if problems:
            return None, problems[0]
        if whole and text == "":
            return None, None
        return text, None

    def resolve(self, prefix: str, name: str, item: Recognised) -> tuple[Any, Why | None]:
        values = item.values
        if prefix == "" and name == "council":
            return self.council["id"], None
        if prefix == "" and name == "document":
            return self.document["id"], None
        if prefix == "" and name == "text":
            return item.sentence.text, None
        if prefix == "" and name == "doc_title":
            return self.doc.title, None
        if prefix == "post":
            if name not in self.posts:
                return None, (N_("no clause of the text establishes the council's {post} post"), {"post": name})
            return self.posts[name]["id"], None
        if prefix in ("party", "number", "lower", "upper"):
            if name not in values:
                return None, (N_("the clause gives no {value}"), {"value": name})
            raw = values[name]
            if prefix == "lower":
                return _first_lower(raw), None
            if prefix == "upper":
                return _first_upper(raw), None
            if prefix == "party":
                party = self.template.party(raw)
                return (party, None) if party else (None, (N_("\"{name}\" is no party the template knows"),
                                                           {"name": raw}))
            document = self.context.numbers.get(number_key(raw))
            return (document, None) if document else (None, (N_("no document numbered \"{number}\" in the model"),
                                                              {"number": raw}))
        if prefix == "" and name in values:
            return values[name], None
        if prefix == "" and any(name in pattern.groupindex for pattern in item.spec.compiled):
            return None, None  # a group of the pattern that this wording leaves out: no value
        return None, (N_("the template names an unknown value {value}"), {"value": f"{prefix}:{name}"})

    def cite(self, target: dict[str, Any], item: Recognised) -> None:
        citation = {"clause": self.clause_ids[id(item.sentence)]}
        sources = target.setdefault("sources", [])
        if citation not in sources:
            sources.append(citation)

    def todo(self, item: Recognised, why: Why) -> None:
        self.todos.append(Todo("unreadable-fact", item.sentence.text, item.sentence.location,
                               item.sentence.section, why[0], {**why[1], "clause": item.spec.id}))

    # -- facts
    def node_facts(self, item: Recognised, fact: dict[str, Any]) -> None:
        for target_name, target in (("council", self.council), ("document", self.document)):
            for key, raw in (fact.get(target_name) or {}).items():
                value, why = self.value(raw, item)
                if why:
                    self.todo(item, why)
                    continue
                if key in _INTEGERS and value is not None:
                    value = int(value)
                typed = COUNCIL_FIELDS if target_name == "council" else DOCUMENT_FIELDS
                if key in typed:
                    target[key] = value
                else:
                    target.setdefault("props", {})[key] = value
                self.cite(target, item)
        if "post" in fact:
            key = fact["post"]
            spec = self.template.posts.get(key)
            if spec is None:
                self.todo(item, (N_("the template declares no post {post}"), {"post": key}))
                return
            if key not in self.posts:
                node: dict[str, Any] = {"id": f"{self.council['id']}-{spec.suffix}", "kind": spec.kind,
                                        "name": spec.name.format(council_lower=_first_lower(self.council["name"]))}
                if spec.role:
                    node["role"] = spec.role
                self.posts[key] = node
                if spec.kind == Kind.POST:  # a body of the council (a process team) is tied by its own clauses
                    self.relation_of({"from": node["id"], "type": str(Rel.POST_OF), "to": self.council["id"]}, item)
            self.cite(self.posts[key], item)
        if "sign" in fact:
            for key, raw in fact["sign"].items():
                value, _ = self.value(raw, item)
                if value:
                    self.signature[key] = (value, self.clause_ids[id(item.sentence)])

    def relation_of(self, relation: dict[str, Any], item: Recognised) -> None:
        key = (relation["from"], relation["type"], relation["to"], relation.get("topic"))
        existing = self.relations.setdefault(key, {**relation, "reason": item.sentence.text})  # the words, verbatim
        self.cite(existing, item)

    def relation_facts(self, item: Recognised, fact: dict[str, Any]) -> None:
        declared = fact.get("relation")
        if declared is None:
            return
        relation: dict[str, Any] = {}
        for key in ("from", "type", "to", "topic", "basis", "rationale"):
            if key not in declared:
                continue
            value, why = self.value(declared[key], item)
            if why or value is None:
                self.todo(item, why or (N_("the clause gives no {value}"), {"value": key}))
                return
            relation[key] = value
        for end in ("from", "to"):
            if relation[end] not in self.context.taken and relation[end] not in self.own_ids():
                self.todo(item, (N_("\"{id}\" is not in the model"), {"id": relation[end]}))
                return
        self.relation_of(relation, item)

    def own_ids(self) -> set[str]:
        return {self.council["id"], self.document["id"], *(p["id"] for p in self.posts.values())}

    def sign(self) -> None:
        """Who signed under "Datum för beslut": DECIDED when a date is filled in, else ``signed_by``."""
        if "name" not in self.signature:
            return
        name, clause = self.signature["name"]
        title, title_clause = self.signature.get("title", ("", clause))
        sources = [{"clause": c} for c in dict.fromkeys((clause, title_clause))]
        if self.document.get("decided"):
            party = self.template.party(title) if title else None
            if party is None or party not in self.context.taken:
                self.todos.append(Todo("unreadable-fact", f"{name} {title}".strip(), "", None,
                                       N_("who decided: no post of the model has this title")))
                return
            key = (party, str(Rel.DECIDED), self.document["id"], None)
            self.relations[key] = {"from": party, "type": str(Rel.DECIDED), "to": self.document["id"],
                                   "sources": sources}
        else:
            self.document.setdefault("props", {})["signed_by"] = f"{name}, {_first_lower(title)}" if title else name
            for source in sources:
                if source not in self.document.setdefault("sources", []):
                    self.document["sources"].append(source)


def _ids(template: Template, found: list[Recognised], context: Context, fallback: str) -> tuple[str, str, str]:
    """The council's name, its id and its document's id, unique against ``context.taken``."""
    name = None
    year = ""
    for item in found:
        for fact in item.spec.yields:
            raw = (fact.get("council") or {}).get("name")
            if raw and name is None:
                key = re.sub(r"[{}]|upper:|lower:", "", raw)
                name = _first_upper(item.values.get(key, ""))
            date = (fact.get("document") or {}).get("date")
            if date and not year:
                year = item.values.get("date", "")[:4]
    area = slug((name or fallback).removeprefix("Samordningsråd ").removeprefix("samordningsråd "))
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        council, document = f"sr-{area}{suffix}", f"uh-{area}{'-' + year if year else ''}{suffix}"
        if not {council, document} & context.taken and not any(t.startswith(f"{council}-") or
                                                                 t.startswith(f"{document}-") for t in context.taken):
            return name or "", council, document
    raise AssertionError("no free id")


def make_draft(paragraphs: list[Paragraph], template: Template, context: Context, fallback: str = "okand",
               title: str | None = None) -> Draft:
    """The draft of the document whose paragraphs are ``paragraphs`` (see the module's description);
    ``title``: the document's title as the kept text gives it (see :func:`~orgraph.ingest.segment.segment`)."""
    doc = segment(paragraphs, template, title)
    found, todos = recognise(doc, template)
    name, council_id, document_id = _ids(template, found, context, fallback)
    builder = _Builder(template, context, doc, found)
    builder.council.update({"id": council_id, "name": name or "TODO: the council's name"})
    builder.document.update({"id": document_id, "name": doc.title or "TODO: the document's title"})
    if not name:
        todos.append(Todo("missing-field", "", "", None, N_("no line names the council (Samordningsråd …)")))
    clauses: list[dict[str, Any]] = []
    unstated: list[dict[str, str]] = []
    spec_of = {id(item.sentence): item.spec for item in found}
    counts: dict[str, int] = {}
    for sentence in doc.clauses:
        if not sentence.section:
            continue  # under no title: no Clause can stand there (its TODO says so)
        spec = spec_of.get(id(sentence))
        if spec is not None and spec.non_normative:
            unstated.append({"section": sentence.section, "text": sentence.text, "reason": spec.non_normative})
            continue  # no clause: listed beside the clauses, as CLAUSES.md has it
        counts[sentence.section] = ordinal = counts.get(sentence.section, 0) + 1
        clause_id = f"{document_id}-{slug(sentence.section) or 'text'}-{ordinal}"
        builder.clause_ids[id(sentence)] = clause_id
        clauses.append({"id": clause_id, "kind": str(Kind.CLAUSE), "name": f"{sentence.section} § {ordinal}",
                        "document": document_id, "section": sentence.section, "text": sentence.text,
                        "statement": str(spec.statement if spec else Statement.OTHER), "location": sentence.location})
    found = [item for item in found if not item.spec.non_normative]
    builder.found = found
    for item in found:
        for fact in item.spec.yields:
            builder.node_facts(item, fact)
    for item in found:
        for fact in item.spec.yields:
            builder.relation_facts(item, fact)
    builder.sign()
    if "decided" not in builder.document and any(i.spec.id == "decision-date" for i in found):
        builder.document["decided"] = None
    draft = Draft(builder.document, builder.council, builder.posts, list(builder.relations.values()), clauses,
                  doc.todos + todos + builder.todos, doc, non_normative=unstated)
    located = {(c["location"], c["text"]): c["id"] for c in clauses}
    for todo in draft.todos:
        clause = located.get((todo.location, todo.text))
        if clause:
            draft.clause_todos[clause] = todo
    return draft
