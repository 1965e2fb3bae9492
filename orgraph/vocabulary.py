"""The vocabulary of the model, declared once.

Every node kind (a Neo4j label), relationship type, post role and escalation
topic that orgraph knows is declared here, with a one-line meaning.  The
loader's validation, the JSON Schema, the Neo4j load statements, the README's
reference table and the legend of the HTML view are all derived from these
declarations; nothing else spells a label or a type by hand.

>>> LABELS["Council"].meaning
'a coordination council (samordningsråd), one per area of responsibility'
>>> RELATIONSHIPS["APPOINTS"].allowed("LeadershipGroup", "Post")
True
>>> RELATIONSHIPS["APPOINTS"].allowed("Person", "Post")
False

Code spells them through the typed constants, never as text:

>>> Rel.HOLDS, Role.CONTACT_PERSON.value, Kind("Council") is Kind.COUNCIL
(<Rel.HOLDS: 'HOLDS'>, 'contact-person', True)
>>> Rel("HOLD")
Traceback (most recent call last):
ValueError: 'HOLD' is not a valid Rel
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The node kinds (Neo4j labels), as typed constants: ``Kind.COUNCIL == "Council"``."""

    REGION = "Region"
    ADMINISTRATION = "Administration"
    LEADERSHIP_GROUP = "LeadershipGroup"
    COUNCIL = "Council"
    PRIORITISATION_COUNCIL = "PrioritisationCouncil"
    CLINICAL_LEADERSHIP = "ClinicalLeadership"
    GROUP_WIDE_GROUP = "GroupWideGroup"
    REGION_WIDE_GROUP = "RegionWideGroup"
    SUBGROUP = "Subgroup"
    PROCESS_TEAM = "ProcessTeam"
    NATIONAL_PROGRAMME_AREA = "NationalProgrammeArea"
    REGIONAL_PROGRAMME_AREA = "RegionalProgrammeArea"
    FUNCTION = "Function"
    POST = "Post"
    PERSON = "Person"
    DOCUMENT = "Document"
    TOPIC = "Topic"
    CLAUSE = "Clause"


class Rel(StrEnum):
    """The relationship types, as typed constants: ``Rel.HOLDS == "HOLDS"``."""

    DELEGATES_TO = "DELEGATES_TO"
    COMMISSIONS = "COMMISSIONS"
    DECIDED = "DECIDED"
    APPOINTS = "APPOINTS"
    HOLDS = "HOLDS"
    POST_OF = "POST_OF"
    REPRESENTS = "REPRESENTS"
    EMPLOYED_BY = "EMPLOYED_BY"
    MEMBER_OF = "MEMBER_OF"
    PART_OF = "PART_OF"
    REPORTS_TO = "REPORTS_TO"
    LEADS = "LEADS"
    REFERENCE_GROUP_FOR = "REFERENCE_GROUP_FOR"
    PROVIDES = "PROVIDES"
    IMPLEMENTS = "IMPLEMENTS"
    NOMINATES_TO = "NOMINATES_TO"
    HAS_MANDATE = "HAS_MANDATE"
    REFERENCES = "REFERENCES"
    SUPERSEDES = "SUPERSEDES"
    ESCALATES_TO = "ESCALATES_TO"
    MAY_DECIDE = "MAY_DECIDE"


class Role(StrEnum):
    """The post roles, as typed constants: ``Role.CONTACT_PERSON == "contact-person"``."""

    DIRECTOR = "director"
    HEAD = "head"
    CHAIR = "chair"
    CONTACT_PERSON = "contact-person"
    MEMBER = "member"
    ADJUNCT = "adjunct"
    COORDINATOR = "coordinator"
    LIST_KEEPER = "list-keeper"


class TopicId(StrEnum):
    """The escalation topic ids, as typed constants: ``TopicId.OUTSIDE_MANDATE == "outside-mandate"``."""

    REGIONAL_ROUTINE = "regional-routine"
    REGION_WIDE_DECISION = "region-wide-decision"
    OUTSIDE_MANDATE = "outside-mandate"
    CROSS_AREA_PROCESS = "cross-area-process"
    NEW_DRUG_OR_METHOD = "new-drug-or-method"
    ORGANISATION_AND_WORKING_CONDITIONS = "organisation-and-working-conditions"
    SUPPORT_PROCESS = "support-process"


class Statement(StrEnum):
    """What a clause states, as typed constants: ``Statement.ROUTING == "routing"``."""

    DUTY = "duty"
    MANDATE = "mandate"
    ROUTING = "routing"
    COMPOSITION = "composition"
    PRINCIPLE = "principle"
    PURPOSE = "purpose"
    FIELD = "field"
    REPORTING = "reporting"
    COMMUNICATION = "communication"
    OTHER = "other"


class Basis(StrEnum):
    """On what a fact rests, as typed constants: ``Basis.INFERRED == "inferred"``."""

    STATED = "stated"
    INFERRED = "inferred"
    OUTSIDE_DOCUMENTS = "outside-documents"


@dataclass(frozen=True)
class LabelSpec:
    """A node kind; its name is also the Neo4j label."""

    name: Kind
    meaning: str
    swedish: str
    colour: str
    shape: str
    tier: int  # row in the hierarchical picture: 0 at the top
    is_body: bool = False
    drawn: bool = True  # the picture draws nodes of this kind (clauses are shown as citations, not nodes)


@dataclass(frozen=True)
class RelationshipSpec:
    """A relationship type, with the node kinds it may connect."""

    name: Rel
    meaning: str
    sources: tuple[Kind, ...]
    targets: tuple[Kind, ...]
    needs_topic: bool = False
    dated: bool = False  # carries from/to dates (holdings)

    def allowed(self, source_kind: str, target_kind: str) -> bool:
        """True when this type may run from ``source_kind`` to ``target_kind``."""
        return source_kind in self.sources and target_kind in self.targets


@dataclass(frozen=True)
class RoleSpec:
    """What a post is for inside its body."""

    name: Role
    meaning: str
    swedish: str
    single_holder: bool = True


@dataclass(frozen=True)
class TermSpec:
    """A value of a small closed list (a clause's statement kind, a fact's basis), with its meaning."""

    name: str
    meaning: str
    swedish: str
    english: str


@dataclass(frozen=True)
class TopicSpec:
    """An escalation topic id: part of the interface (scripts and the HTML use it)."""

    id: TopicId
    question: str


_LABELS = (
    LabelSpec(Kind.REGION, "the region, root of the organisation", "region", "#1f3b73", "star", 0, True),
    LabelSpec(Kind.ADMINISTRATION, "an operating unit of the line organisation (a hospital group, primary care, …)",
          "förvaltning", "#8c6d31", "box", 3, True),
    LabelSpec(Kind.LEADERSHIP_GROUP, "the health-care leadership group; appoints chairs, councils are its reference group",
          "ledningsgrupp / koncernledning hälso- och sjukvård", "#b5382f", "hexagon", 1, True),
    LabelSpec(Kind.COUNCIL, "a coordination council (samordningsråd), one per area of responsibility",
          "samordningsråd", "#2c7fb8", "diamond", 2, True),
    LabelSpec(Kind.PRIORITISATION_COUNCIL, "the programme and prioritisation council (PPR)",
          "program- och prioriteringsråd", "#d95f0e", "hexagon", 1, True),
    LabelSpec(Kind.CLINICAL_LEADERSHIP, "clinical leadership, for processes spanning several areas",
          "klinisk ledning", "#d95f0e", "hexagon", 1, True),
    LabelSpec(Kind.GROUP_WIDE_GROUP, "a group-wide group (koncernövergripande grupp), an escalation target",
          "koncernövergripande grupp", "#756bb1", "hexagon", 1, True),
    LabelSpec(Kind.REGION_WIDE_GROUP, "a region-wide coordinating group (organisation, working conditions, premises)",
          "regionövergripande samordnande grupp", "#756bb1", "hexagon", 1, True),
    LabelSpec(Kind.SUBGROUP, "a subgroup a council sets up inside its mandate", "undergrupp", "#41b6c4", "dot", 4, True),
    LabelSpec(Kind.PROCESS_TEAM, "a regional process team of knowledge-based management, led by a council",
          "regionalt processteam", "#41b6c4", "dot", 4, True),
    LabelSpec(Kind.NATIONAL_PROGRAMME_AREA, "a national programme area (NPO) of knowledge-based management",
          "nationellt programområde", "#31a354", "triangle", 1, True),
    LabelSpec(Kind.REGIONAL_PROGRAMME_AREA, "a regional programme area (RPO)", "regionalt programområde", "#31a354",
          "triangle", 2, True),
    LabelSpec(Kind.FUNCTION, "a responsible function for a support process", "ansvarig funktion", "#969696",
          "triangle", 1, True),
    LabelSpec(Kind.POST, "a position in a body (chair, contact person, member, …); held by people over time",
          "uppdrag / befattning", "#fdae6b", "ellipse", 5),
    LabelSpec(Kind.PERSON, "a named person", "person", "#fdd0a2", "dot", 6),
    LabelSpec(Kind.DOCUMENT, "an assignment document, routine or mandate, with number and dates",
          "dokument", "#bdbdbd", "square", 7),
    LabelSpec(Kind.TOPIC, "an escalation topic: what a question is about", "frågetyp", "#e7298a", "star", 7),
    LabelSpec(Kind.CLAUSE, "a clause of a document: its verbatim sentence(s) under one heading, what facts cite",
          "klausul / avsnitt", "#d9d9d9", "square", 8, drawn=False),
)

#: The body kinds (``is_body``), for relationships that may touch any body.
_BODIES: tuple[Kind, ...] = tuple(label.name for label in _LABELS if label.is_body)

_RELATIONSHIPS = (
    RelationshipSpec(Rel.DELEGATES_TO, "a post hands part of its authority to another post", (Kind.POST,), (Kind.POST,)),
    RelationshipSpec(Rel.COMMISSIONS, "a post commissions a body (uppdragsgivare)", (Kind.POST,), _BODIES),
    RelationshipSpec(Rel.DECIDED, "a post decided a document", (Kind.POST,), (Kind.DOCUMENT,)),
    RelationshipSpec(Rel.APPOINTS, "a body or post appoints the holders of a post", (Kind.POST,) + _BODIES, (Kind.POST,)),
    RelationshipSpec(Rel.HOLDS, "a person holds a post from a date to a date", (Kind.PERSON,), (Kind.POST,), dated=True),
    RelationshipSpec(Rel.POST_OF, "a post belongs to a body", (Kind.POST,), _BODIES),
    RelationshipSpec(Rel.REPRESENTS, "a post represents an administration", (Kind.POST,), (Kind.ADMINISTRATION,)),
    RelationshipSpec(Rel.EMPLOYED_BY, "a person works in an administration", (Kind.PERSON,), (Kind.ADMINISTRATION,),
                 dated=True),
    RelationshipSpec(Rel.MEMBER_OF, "a post also sits in another body", (Kind.POST,), _BODIES),
    RelationshipSpec(Rel.PART_OF, "a body is part of a larger body", _BODIES, _BODIES),
    RelationshipSpec(Rel.REPORTS_TO, "reports in a line: a post or body to the one above it", (Kind.POST,) + _BODIES,
                 (Kind.POST,) + _BODIES),
    RelationshipSpec(Rel.LEADS, "a body leads another body", _BODIES, _BODIES),
    RelationshipSpec(Rel.REFERENCE_GROUP_FOR, "a body is a reference group for another body", _BODIES, _BODIES),
    RelationshipSpec(Rel.PROVIDES, "a body provides a post or support to another", _BODIES, (Kind.POST,) + _BODIES),
    RelationshipSpec(Rel.IMPLEMENTS, "a body implements the priorities another sets", _BODIES, _BODIES),
    RelationshipSpec(Rel.NOMINATES_TO, "a body nominates chairs and members to another", _BODIES, _BODIES),
    RelationshipSpec(Rel.HAS_MANDATE, "a body's mandate is a document", _BODIES + (Kind.POST,), (Kind.DOCUMENT,)),
    RelationshipSpec(Rel.REFERENCES, "a document refers to another document", (Kind.DOCUMENT,), (Kind.DOCUMENT,)),
    RelationshipSpec(Rel.SUPERSEDES, "a document replaces an earlier one", (Kind.DOCUMENT,), (Kind.DOCUMENT,)),
    RelationshipSpec(Rel.ESCALATES_TO, "a question of a topic goes from here to there", (Kind.POST,) + _BODIES,
                 (Kind.POST,) + _BODIES, needs_topic=True),
    RelationshipSpec(Rel.MAY_DECIDE, "a post or body holds the mandate to decide a topic", (Kind.POST,) + _BODIES,
                 (Kind.TOPIC,)),
)

_ROLES = (
    RoleSpec(Role.DIRECTOR, "a director of the region", "direktör"),
    RoleSpec(Role.HEAD, "the head of an administration", "förvaltningschef"),
    RoleSpec(Role.CHAIR, "chairs a body; appointed by the leadership group", "ordförande"),
    RoleSpec(Role.CONTACT_PERSON, "a leadership-group member who is a council's contact person", "kontaktperson"),
    RoleSpec(Role.MEMBER, "a participant; a manager representing an administration", "deltagare", single_holder=False),
    RoleSpec(Role.ADJUNCT, "a co-opted participant decided by the council", "adjungerad deltagare", single_holder=False),
    RoleSpec(Role.COORDINATOR, "the council's coordinator from the Group Head Office", "koordinator"),
    RoleSpec(Role.LIST_KEEPER, "keeps the list of group-wide groups", "förteckning koncernövergripande grupper"),
)

_TOPICS = (
    TopicSpec(TopicId.REGIONAL_ROUTINE, "a regional routine inside the chair's mandate"),
    TopicSpec(TopicId.REGION_WIDE_DECISION, "needs a decision binding the whole region"),
    TopicSpec(TopicId.OUTSIDE_MANDATE, "neither chair nor participants hold the mandate"),
    TopicSpec(TopicId.CROSS_AREA_PROCESS, "ways of working or processes spanning several areas"),
    TopicSpec(TopicId.NEW_DRUG_OR_METHOD, "new drugs or medical methods with significant organisational or economic "
          "consequences"),
    TopicSpec(TopicId.ORGANISATION_AND_WORKING_CONDITIONS, "organisation, working conditions, compensation, premises"),
    TopicSpec(TopicId.SUPPORT_PROCESS, "a position affecting a support process"),
)

_STATEMENTS = (
    TermSpec(Statement.DUTY, "what a body or post shall do", "uppgift", "duty"),
    TermSpec(Statement.MANDATE, "what a body or post may decide", "mandat", "mandate"),
    TermSpec(Statement.ROUTING, "where a question goes", "beslutsväg", "routing"),
    TermSpec(Statement.COMPOSITION, "who sits in a body, who appoints them", "sammansättning", "composition"),
    TermSpec(Statement.PRINCIPLE, "a principle the work follows", "princip", "principle"),
    TermSpec(Statement.PURPOSE, "what a body is for", "syfte", "purpose"),
    TermSpec(Statement.FIELD, "a field of the template (date, number, area, …)", "uppgiftsfält", "field"),
    TermSpec(Statement.REPORTING, "who reports where", "rapportering", "reporting"),
    TermSpec(Statement.COMMUNICATION, "how a body communicates, who receives the document", "kommunikation",
             "communication"),
    TermSpec(Statement.OTHER, "anything else the text states", "övrigt", "other"),
)
_BASES = (
    TermSpec(Basis.STATED, "a clause says it", "uttalat", "stated"),
    TermSpec(Basis.INFERRED, "the model infers it from clauses (with a rationale)", "härlett", "inferred"),
    TermSpec(Basis.OUTSIDE_DOCUMENTS, "the model's own fact, which the documents do not give (with a rationale)",
             "utanför dokumenten", "outside the documents"),
)

LABELS: dict[str, LabelSpec] = {label.name: label for label in _LABELS}
RELATIONSHIPS: dict[str, RelationshipSpec] = {rel.name: rel for rel in _RELATIONSHIPS}
ROLES: dict[str, RoleSpec] = {role.name: role for role in _ROLES}
TOPICS: dict[str, TopicSpec] = {topic.id: topic for topic in _TOPICS}
STATEMENTS: dict[str, TermSpec] = {term.name: term for term in _STATEMENTS}
BASES: dict[str, TermSpec] = {term.name: term for term in _BASES}
#: The label every node orgraph loads into a Cypher database carries besides its kind's label: reads find
#: nodes through its uniqueness constraint on ``id`` (an index seek), and clean-up touches only such nodes.
NODE_LABEL = "OrgNode"
#: Relationship properties that are part of a relationship's identity (with its ends and type); the
#: others (``reason``, citations, ``valid_to``) describe it, so editing them updates it in place.
IDENTIFYING_PROPERTIES: tuple[str, ...] = ("topic", "valid_from")
#: The kinds that are bodies (organisations, groups, councils): every kind but posts, people, documents, topics.
BODY_LABELS: tuple[Kind, ...] = _BODIES

# Each constant is declared exactly once with its meaning, and nothing is declared without a constant.
for _enum, _declared in ((Kind, LABELS), (Rel, RELATIONSHIPS), (Role, ROLES), (TopicId, TOPICS),
                         (Statement, STATEMENTS), (Basis, BASES)):
    if set(_enum) != set(_declared) or len(_declared) != len(_enum):
        raise AssertionError(f"{_enum.__name__} and its declarations differ")


def reference_table() -> str:
    """The table of labels and relationship types, generated from the declarations.

    >>> "| `Council` |" in reference_table()
    True
    """
    lines = ["| label | Swedish | meaning |", "|---|---|---|"]
    lines += [f"| `{label.name}` | {label.swedish} | {label.meaning} |" for label in _LABELS]
    lines += ["", "| relationship | from | to | meaning |", "|---|---|---|---|"]
    for rel in _RELATIONSHIPS:
        sources = ", ".join(_compact(rel.sources))
        targets = ", ".join(_compact(rel.targets))
        extra = " (needs a `topic`)" if rel.needs_topic else " (dated `from`/`to`)" if rel.dated else ""
        lines.append(f"| `{rel.name}` | {sources} | {targets} | {rel.meaning}{extra} |")
    lines += ["", "| post role | Swedish | meaning |", "|---|---|---|"]
    lines += [f"| `{role.name}` | {role.swedish} | {role.meaning}"
              f"{'' if role.single_holder else ' (many holders)'} |" for role in _ROLES]
    lines += ["", "| topic id | the question |", "|---|---|"]
    lines += [f"| `{topic.id}` | {topic.question} |" for topic in _TOPICS]
    lines += ["", "| clause statement | Swedish | meaning |", "|---|---|---|"]
    lines += [f"| `{term.name}` | {term.swedish} | {term.meaning} |" for term in _STATEMENTS]
    lines += ["", "| basis | Swedish / English | meaning |", "|---|---|---|"]
    lines += [f"| `{term.name}` | {term.swedish} / {term.english} | {term.meaning} |" for term in _BASES]
    return "\n".join(lines)


def _compact(kinds: tuple[str, ...]) -> list[str]:
    """Name the body kinds as one word: ``("Post", *bodies)`` becomes ``["Post", "any body"]``."""
    if set(_BODIES) <= set(kinds):
        return [k for k in kinds if k not in _BODIES] + ["any body"]
    return list(kinds)


README_START = "<!-- vocabulary:start (generated by `python -m orgraph.vocabulary docs/vocabulary.md`; do not edit) -->"
README_END = "<!-- vocabulary:end -->"


def with_reference_table(readme: str) -> str:
    """``readme`` with the text between the vocabulary markers replaced by :func:`reference_table`."""
    from orgraph.generated import replace_between

    return replace_between(readme, README_START, README_END, reference_table())


if __name__ == "__main__":  # regenerate the table: python -m orgraph.vocabulary docs/vocabulary.md
    import sys
    from pathlib import Path

    path = Path(sys.argv[1])
    path.write_text(with_reference_table(path.read_text(encoding="utf-8")), encoding="utf-8")
