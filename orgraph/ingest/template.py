"""The template of an assignment document, as data: its headings, the clauses known to stand under each
(with their variants), and the facts each clause yields.

The declarations are in ``orgraph/ingest/template.yaml``; this module validates them (every relationship
type, role, kind and topic is checked against :mod:`orgraph.vocabulary`; every pattern compiles) and
answers "which declared clause is this sentence?".  A new variant of a clause is one more line under its
``variants`` (or ``patterns``): no code changes.

>>> template = load_template()
>>> template.heading("Samband och gränsdragning till andra uppdrag/koncernövergripande grupper").key
'Samband och gränsdragning till andra uppdrag och pågående arbete'
>>> entry, groups = template.match("Mötesfrekvens: 4 – 8 ggr/år", "Arbetsorganisation")
>>> entry.id, groups["min"], groups["max"]
('meeting-frequency', '4', '8')
>>> template.match("Rådet ska dansa.", "Arbetsorganisation") is None
True
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from orgraph import vocabulary
from orgraph.errors import UsageError
from orgraph.ingest.normalise import normalise

__all__ = ["Template", "Heading", "ClauseSpec", "PostSpec", "Party", "load_template", "TITLE", "STATEMENTS"]

#: The key of the section before the first heading: it stands under the document's bold title.
TITLE = "title"
#: What a clause does (the ``statement`` of a Clause node, CLAUSES.md).
STATEMENTS: tuple[str, ...] = tuple(map(str, vocabulary.Statement))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Heading(_Strict):
    """A heading of the template: its current wording (``key``), older wordings, and whether a text must have it."""

    key: str
    variants: tuple[str, ...] = ()
    required: bool = True
    #: The heading line carries a value ("Datum för beslut: 2026-06-17"): it opens its section and is a clause.
    carries_field: bool = False

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.key, *self.variants)


class Party(_Strict):
    """A standing body or post of the region, and the ways the texts name it."""

    id: str
    names: tuple[str, ...]


class PostSpec(_Strict):
    """A post or body of the council that a clause can establish: its kind, role and id suffix."""

    kind: str = str(vocabulary.Kind.POST)
    role: str | None = None
    suffix: str
    name: str

    @model_validator(mode="after")
    def _declared(self) -> PostSpec:
        if self.kind not in vocabulary.LABELS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.role is not None and self.role not in vocabulary.ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        return self


class ClauseSpec(_Strict):
    """A clause of the template: where it stands, its wordings, and the facts it yields."""

    id: str
    section: str
    statement: Literal[STATEMENTS]  # type: ignore[valid-type]
    label: str | None = Field(None, description="a field line's label: 'Mötesfrekvens' in 'Mötesfrekvens: …'")
    text: str | None = Field(None, description="the latest template wording (what --against-template compares)")
    variants: tuple[str, ...] = Field((), description="older or other wordings, matched exactly (normalised)")
    patterns: tuple[str, ...] = Field((), description="regular expressions with named groups (the values)")
    family: str | None = Field(None, description="clauses of one family are one template clause (compare-texts)")
    first: bool = Field(False, description="only the first sentence of its section")
    council_specific: bool = Field(False, description="the wording is the council's own (no template text)")
    retired: bool = Field(False, description="known from older texts, not in the latest template")
    non_normative: str | None = Field(None, description="why the sentence states nothing: it is listed beside "
                                      "the clauses (clauses/<document>.non-normative.yaml), not a clause")
    yields: tuple[dict[str, Any], ...] = ()

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns

    @model_validator(mode="after")
    def _something_to_match(self) -> ClauseSpec:
        if not (self.text or self.variants or self.patterns):
            raise ValueError(f"clause {self.id!r} has no text, variants or patterns to match")
        for fact in self.yields:
            relation = fact.get("relation")
            if relation is not None:
                if relation.get("type") not in vocabulary.RELATIONSHIPS:
                    raise ValueError(f"clause {self.id!r}: unknown relationship type {relation.get('type')!r}")
                if relation.get("topic") is not None and relation["topic"] not in vocabulary.TOPICS:
                    raise ValueError(f"clause {self.id!r}: unknown topic {relation['topic']!r}")
                if relation.get("basis") is not None and relation["basis"] not in set(map(str, vocabulary.Basis)):
                    raise ValueError(f"clause {self.id!r}: unknown basis {relation['basis']!r}")
        return self

    @functools.cached_property
    def wordings(self) -> frozenset[str]:
        return frozenset(normalise(text) for text in (self.text, *self.variants) if text)

    @functools.cached_property
    def compiled(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in self.patterns)

    def value_of(self, sentence: str) -> str | None:
        """The part of ``sentence`` after this field's label (``None``: the sentence is not this field)."""
        if self.label is None:
            return sentence
        found = re.match(rf"{re.escape(self.label)}(?::\s*|\s+|$)", sentence)
        return sentence[found.end():].strip() if found else None


class Template(_Strict):
    """The whole template: headings in document order, the region's parties, the council's posts, clauses."""

    headings: tuple[Heading, ...]
    boilerplate: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    posts: dict[str, PostSpec] = {}
    clauses: tuple[ClauseSpec, ...]

    @model_validator(mode="after")
    def _sections_exist(self) -> Template:
        keys = {TITLE} | {text for heading in self.headings for text in heading.texts}
        seen: set[str] = set()
        for clause in self.clauses:
            if clause.section not in keys:
                raise ValueError(f"clause {clause.id!r}: unknown section {clause.section!r}")
            if clause.id in seen:
                raise ValueError(f"clause id {clause.id!r} declared twice")
            seen.add(clause.id)
        return self

    def heading(self, text: str) -> Heading | None:
        """The template heading ``text`` is (in any of its wordings, case and spacing aside), or ``None``."""
        wanted = normalise(text).casefold().rstrip(":")
        for heading in self.headings:
            if wanted in {normalise(t).casefold() for t in heading.texts}:
                return heading
        return None

    def field_heading(self, text: str) -> Heading | None:
        """The heading a field line opens ("Datum för beslut: …"), or ``None``."""
        for heading in self.headings:
            if heading.carries_field and any(normalise(text).casefold().startswith(normalise(t).casefold() + ":")
                                             for t in heading.texts):
                return heading
        return None

    def section_key(self, section: str) -> str:
        """The canonical key of a section as written (its template heading's key, or itself)."""
        found = self.heading(section)
        return found.key if found else section

    def is_boilerplate(self, text: str) -> bool:
        """True for a page's letterhead or footer (``boilerplate`` patterns), which is not part of the text."""
        return any(re.match(pattern, text) for pattern in self.boilerplate)

    def party(self, name: str) -> str | None:
        """The id of the party the text names ``name`` (case and spacing aside), or ``None``."""
        wanted = normalise(name).casefold().rstrip(".")
        for party in self.parties:
            if wanted in {normalise(n).casefold() for n in party.names}:
                return party.id
        return None

    def field_of(self, sentence: str, section_key: str) -> ClauseSpec | None:
        """The field of ``section_key`` whose label ``sentence`` starts with ("Mötesfrekvens: …"), or ``None``."""
        text = normalise(sentence)
        for clause in self.clauses:
            if clause.label and self.section_key(clause.section) == section_key and clause.value_of(text):
                return clause
        return None

    def match(self, sentence: str, section_key: str, *, first: bool = False,
              anywhere: bool = False) -> tuple[ClauseSpec, dict[str, str]] | None:
        """The declared clause ``sentence`` is under ``section_key`` (or under any section with ``anywhere``),
        with the values its pattern captures; ``None`` when no declaration matches.  ``anywhere`` looks only at
        the template's own wordings, not at the council-specific ones (which match any words)."""
        text = normalise(sentence)
        for clause in self.clauses:
            if anywhere and clause.council_specific:
                continue  # any words can be a council's own: no evidence that the clause is misplaced
            if not anywhere and clause.section != section_key and self.section_key(clause.section) != section_key:
                continue
            if clause.first and not first:
                continue
            value = clause.value_of(text)
            if value is None:
                continue
            for pattern in clause.compiled:
                found = pattern.fullmatch(value)
                if found:
                    return clause, {k: v for k, v in found.groupdict().items() if v is not None}
            if text in clause.wordings or (clause.label and value in clause.wordings):
                return clause, {}
        return None


@functools.cache
def load_template() -> Template:
    """The shipped template (``orgraph/ingest/template.yaml``), validated; a broken file is a UsageError."""
    text = resources.files("orgraph.ingest").joinpath("template.yaml").read_text(encoding="utf-8")
    try:
        return Template.model_validate(yaml.safe_load(text))
    except ValidationError as error:
        raise UsageError(f"orgraph/ingest/template.yaml: {error}") from error
