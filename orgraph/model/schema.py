"""The data format of ``seed/``: one pydantic model per YAML shape.

These classes are the single definition of the file format.  The loader
validates every file against :class:`DataFile`; ``orgraph schema`` prints the
JSON Schema editors use, generated from the same classes.  Node kinds, post
roles, relationship types and topics come from :mod:`orgraph.vocabulary`.

>>> str(DataFile.model_validate({"nodes": [{"id": "vgr", "kind": "Region", "name": "VGR"}]}).nodes[0].kind)
'Region'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import typing
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from orgraph import vocabulary
from orgraph.model.snapshot import NAMES_FROM, NAMES_TO
from orgraph.vocabulary import Basis, Kind, Statement

__all__ = ["SLUG_PATTERN", "Slug", "Text", "Scalar", "IDENTIFIER_PATTERN", "Props", "Source", "AltName", "PostNode",
           "DocumentNode", "CouncilNode", "RegionNode", "TopicNode", "Relation", "Holding", "DataFile", "SCHEMA_ID",
           "SCHEMA_FILE", "reserved_property_names", "json_schema", "is_slug"]

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Scalar = bool | int | float | str | None
if TYPE_CHECKING:  # the declared names, built at run time from the vocabulary; text to a type checker
    RelType = str
    RoleName = str
    TopicId = str
else:
    RelType = Literal[tuple(map(str, vocabulary.RELATIONSHIPS))]
    RoleName = Literal[tuple(map(str, vocabulary.ROLES))]
    TopicId = Literal[tuple(map(str, vocabulary.TOPICS))]
IDENTIFIER_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"


def _no_field_names(props: dict[str, Any]) -> dict[str, Any]:
    """``props`` keys may not be the name of a typed field: a backend stores both in one property map."""
    clash = sorted(set(props) & reserved_property_names())
    if clash:
        raise ValueError(f"props key {clash[0]!r} is a field name; write it as the field itself, or rename it")
    return props


Props = Annotated[dict[Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN)], Scalar],
                  AfterValidator(_no_field_names)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _dates_are_no_numbers(cls, data: Any) -> Any:
        """A date is written as a date (2025-07-01), never as a number (pydantic would read 0 as 1970-01-01)."""
        if isinstance(data, dict):
            for name, info in cls.model_fields.items():
                if info.annotation is dt.date or dt.date in typing.get_args(info.annotation):
                    for key in {name, info.alias} - {None}:
                        if isinstance(data.get(key), (bool, int, float)):
                            raise ValueError(f"{key}: a date must be written YYYY-MM-DD, not as a number")
        return data


class Citation(_Strict):
    """Where a fact comes from: a clause (``{clause: ID}``), or a document, its heading and a verbatim quote.

    The loader fills in a clause citation's ``document`` and ``section`` from the clause node, so that
    every loaded citation names its document.  ``quote`` must stand in the document under ``section``
    (see :mod:`orgraph.model.sources`); a citation of a document without a quote (the older form) names
    where, not what.

    >>> Citation.model_validate({"clause": "uh-bfm-2026-rapportering-2"}).clause
    'uh-bfm-2026-rapportering-2'
    >>> Citation.model_validate({"section": "Rapportering"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Citation
      Value error, a citation names a clause, or a document (with its section and quote) ...
    """

    clause: Slug | None = Field(None, description="id of a Clause node")
    document: Slug | None = Field(None, description="id of a Document node")
    section: Text | None = Field(None, description="section heading in the document, exactly as written")
    quote: Text | None = Field(None, description="verbatim words of the document under that heading")

    @model_validator(mode="after")
    def _clause_or_document(self) -> Citation:
        if self.clause is None and self.document is None:
            raise ValueError("a citation names a clause, or a document (with its section and quote)")
        if self.quote is not None and self.section is None:
            raise ValueError("a quote needs the section it stands under")
        return self


#: The older name of :class:`Citation` (``source: {document, section}``).
Source = Citation


class _Cited(_Strict):
    """What every node, relation and name carries about its provenance."""

    source: Citation | None = Field(None, description="one citation (older form of sources: read as a "
                                    "one-element list)")
    sources: tuple[Citation, ...] = Field((), description="the citations the fact rests on; a fact both "
                                          "texts state cites both")
    basis: Basis | None = Field(None, description="stated (a clause says it), inferred (from the cited "
                                "clauses) or outside-documents (the model's own)")
    rationale: Text | None = Field(None, description="one line: why, when basis is inferred or outside-documents")

    @model_validator(mode="after")
    def _one_list_of_citations(self) -> _Cited:
        if self.source is not None and self.sources:
            raise ValueError("write either source or sources, not both")
        if self.source is not None:
            object.__setattr__(self, "sources", (self.source,))
        elif self.sources:
            object.__setattr__(self, "source", self.sources[0])
        if self.basis in (Basis.INFERRED, Basis.OUTSIDE_DOCUMENTS) and not self.rationale:
            raise ValueError(f"basis {self.basis} needs a rationale (one line: why)")
        return self


class AltName(_Cited):
    """Another name of the same node, e.g. the leadership group's name in the 2024 text.

    With ``valid_from`` or ``valid_to`` it is the node's name over that time (both inclusive, open when
    absent): on a date inside it, ``show``, ``escalate`` and the picture call the node by this name and
    list ``name`` among the others.  Undated, it is just another name.

    >>> AltName.model_validate({"name": "Koncernledning", "valid_to": "2026-06-15"}).valid_to
    datetime.date(2026, 6, 15)
    """

    name: Text
    valid_from: dt.date | None = Field(None, description="the first day the node bears this name")
    valid_to: dt.date | None = Field(None, description="the last day the node bears this name")


class _NodeBase(_Cited):
    id: Slug = Field(description="readable, unique slug: lower-case letters, digits and hyphens")
    name: Text = Field(description="the name in the data's language (Swedish), as the documents write it")
    name_en: Text | None = Field(None, description="an English gloss")
    aka: tuple[AltName, ...] = Field((), description="other names of the same node")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    fictional: bool = Field(False, description="true for invented example data")
    props: Props = Field(default_factory=dict, description="further properties (keys: plain identifiers)")


class PostNode(_NodeBase):
    """A position in a body; people hold it over time (see ``holdings``)."""

    kind: Literal[Kind.POST]
    role: RoleName


class DocumentNode(_NodeBase):
    """An assignment document, routine or mandate."""

    kind: Literal[Kind.DOCUMENT]
    number: Text | None = Field(None, description="registry number (diarienummer), e.g. RS 2024-00784")
    date: dt.date | None = Field(None, description="the date the document carries")
    decided: dt.date | None = Field(None, description="decision date; empty when never filled in")


class CouncilNode(_NodeBase):
    """A coordination council."""

    kind: Literal[Kind.COUNCIL]
    meetings_min: int | None = Field(None, ge=0, description="meetings a year, at least")
    meetings_max: int | None = Field(None, ge=0, description="meetings a year, at most")
    adjunct_limit: int | None = Field(None, ge=0, description="how many adjunct participants the mandate allows")


class RegionNode(_NodeBase):
    """A region, the root of its organisation; it names the two offices its councils are judged by."""

    kind: Literal[Kind.REGION]
    regional_director: Slug | None = Field(
        None, description="id of the region's Regional Director (regiondirektör): the director Post at the root "
        "of its chain of authority")
    group_head_office: Slug | None = Field(
        None, description="id of the region's Group Head Office (Koncernkontoret): the Administration that "
        "provides every council's coordinator")


class TopicNode(_NodeBase):
    """An escalation topic; its id must be one of the declared topic ids."""

    kind: Literal[Kind.TOPIC]
    id: TopicId
    default_role: RoleName | None = Field(
        None, description="the council post that raises such a question when --from is not given; "
        "empty: the council itself")


if TYPE_CHECKING:
    StatementName = str
else:
    StatementName = Literal[tuple(map(str, Statement))]


class ClauseNode(_NodeBase):
    """A clause of a document: its verbatim sentence(s) under one heading (what facts cite)."""

    kind: Literal[Kind.CLAUSE]
    document: Slug = Field(description="id of the Document node the clause stands in")
    section: Text = Field(description="the heading it stands under, exactly as written in the text")
    text: Text = Field(description="the sentence(s), verbatim")
    statement: StatementName = Field(description="what kind of statement it is")


_SPECIAL = {Kind.POST: PostNode, Kind.DOCUMENT: DocumentNode, Kind.COUNCIL: CouncilNode, Kind.REGION: RegionNode,
            Kind.TOPIC: TopicNode, Kind.CLAUSE: ClauseNode}
_PLAIN = tuple(
    type(f"{name}Node", (_NodeBase,), {"__annotations__": {"kind": Literal[str(name)]}, "__doc__": label.meaning,
                                       "__module__": __name__, "__qualname__": f"{name}Node"})
    for name, label in vocabulary.LABELS.items()
    if name not in _SPECIAL
)
globals().update({cls.__name__: cls for cls in _PLAIN})  # found by name, so that a model can be pickled
if TYPE_CHECKING:
    Node = _NodeBase
else:  # one class per declared kind, chosen by ``kind``
    Node = Annotated[Union[tuple(_SPECIAL.values()) + _PLAIN], Field(discriminator="kind")]  # noqa: UP007


class Relation(_Cited):
    """A relationship between two nodes, by id."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source_id: Slug = Field(alias="from")
    type: RelType
    target_id: Slug = Field(alias="to")
    topic: TopicId | None = Field(None, description="the escalation topic (ESCALATES_TO only)")
    reason: Text | None = Field(None, description="why this relation holds, in a sentence")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    props: Props = Field(default_factory=dict)


class Holding(_Cited):
    """A person holds a post from a date (inclusive) to a date (inclusive; empty: still holds it)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    person: Slug
    post: Slug
    valid_from: dt.date = Field(alias="from")
    valid_to: dt.date | None = Field(None, alias="to")


class DataFile(_Strict):
    """One YAML file of the model: any of nodes, relations and holdings."""

    nodes: tuple[Node, ...] = ()
    relations: tuple[Relation, ...] = ()
    holdings: tuple[Holding, ...] = ()


#: The schema's identifier (a URN: it names the format, it is not fetched); editors find the file itself
#: through the ``yaml-language-server`` comment at the top of each data file.
SCHEMA_ID = "urn:orgraph:data-file:schema:1"
#: The file name ``orgraph schema --write DIR`` writes, and the data files' comments point to.
SCHEMA_FILE = "orgraph.schema.json"


@functools.cache
def reserved_property_names() -> frozenset[str]:
    """Every name a node or relation already stores as a property: what a ``props`` key may not be.

    >>> {"valid_from", "aka", "kind", "source_document"} <= reserved_property_names()
    True
    """
    classes: tuple[Any, ...] = (*_SPECIAL.values(), *_PLAIN, Relation)
    names = {name for cls in classes for name in cls.model_fields}
    names |= {field.alias for cls in classes for field in cls.model_fields.values() if field.alias}
    return frozenset(names | {"source_document", "source_section", "source_clauses", NAMES_FROM, NAMES_TO, "names"})


def json_schema() -> str:
    """The JSON Schema of a data file, for editors (``orgraph schema``).

    Dates are strings of the form YYYY-MM-DD, as an editor and the loader read them.

    >>> '"$id": "urn:orgraph:data-file:schema:1"' in json_schema()
    True
    """
    schema: dict[str, Any] = DataFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "orgraph data file"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid id.

    >>> is_slug("sr-ortopedi"), is_slug("Sr Ortopedi")
    (True, False)
    """
    return re.match(SLUG_PATTERN, text) is not None
