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
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """A node kind; its name is also the Neo4j label."""

    name: str
    meaning: str
    swedish: str
    colour: str
    shape: str
    tier: int  # row in the hierarchical picture: 0 at the top
    is_body: bool = False


@dataclass(frozen=True)
class Relationship:
    """A relationship type, with the node kinds it may connect."""

    name: str
    meaning: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    needs_topic: bool = False
    dated: bool = False  # carries from/to dates (holdings)

    def allowed(self, source_kind: str, target_kind: str) -> bool:
        """True when this type may run from ``source_kind`` to ``target_kind``."""
        return source_kind in self.sources and target_kind in self.targets


@dataclass(frozen=True)
class Role:
    """What a post is for inside its body."""

    name: str
    meaning: str
    swedish: str
    single_holder: bool = True


@dataclass(frozen=True)
class Topic:
    """An escalation topic id: part of the interface (scripts and the HTML use it)."""

    id: str
    question: str


_BODIES = (
    "Region",
    "Administration",
    "LeadershipGroup",
    "Council",
    "PrioritisationCouncil",
    "ClinicalLeadership",
    "GroupWideGroup",
    "RegionWideGroup",
    "Subgroup",
    "ProcessTeam",
    "NationalProgrammeArea",
    "RegionalProgrammeArea",
    "Function",
)

_LABELS = (
    Label("Region", "the region, root of the organisation", "region", "#1f3b73", "star", 0, True),
    Label("Administration", "an operating unit of the line organisation (a hospital group, primary care, …)",
          "förvaltning", "#8c6d31", "box", 3, True),
    Label("LeadershipGroup", "the health-care leadership group; appoints chairs, councils are its reference group",
          "ledningsgrupp / koncernledning hälso- och sjukvård", "#b5382f", "hexagon", 1, True),
    Label("Council", "a coordination council (samordningsråd), one per area of responsibility",
          "samordningsråd", "#2c7fb8", "diamond", 2, True),
    Label("PrioritisationCouncil", "the programme and prioritisation council (PPR)",
          "program- och prioriteringsråd", "#d95f0e", "hexagon", 1, True),
    Label("ClinicalLeadership", "clinical leadership, for processes spanning several areas",
          "klinisk ledning", "#d95f0e", "hexagon", 1, True),
    Label("GroupWideGroup", "a group-wide group (koncernövergripande grupp), an escalation target",
          "koncernövergripande grupp", "#756bb1", "hexagon", 1, True),
    Label("RegionWideGroup", "a region-wide coordinating group (organisation, working conditions, premises)",
          "regionövergripande samordnande grupp", "#756bb1", "hexagon", 1, True),
    Label("Subgroup", "a subgroup a council sets up inside its mandate", "undergrupp", "#41b6c4", "dot", 4, True),
    Label("ProcessTeam", "a regional process team of knowledge-based management, led by a council",
          "regionalt processteam", "#41b6c4", "dot", 4, True),
    Label("NationalProgrammeArea", "a national programme area (NPO) of knowledge-based management",
          "nationellt programområde", "#31a354", "triangle", 1, True),
    Label("RegionalProgrammeArea", "a regional programme area (RPO)", "regionalt programområde", "#31a354",
          "triangle", 2, True),
    Label("Function", "a responsible function for a support process", "ansvarig funktion", "#969696",
          "triangle", 1, True),
    Label("Post", "a position in a body (chair, contact person, member, …); held by people over time",
          "uppdrag / befattning", "#fdae6b", "ellipse", 5),
    Label("Person", "a named person", "person", "#fdd0a2", "dot", 6),
    Label("Document", "an assignment document, routine or mandate, with number and dates",
          "dokument", "#bdbdbd", "square", 7),
    Label("Topic", "an escalation topic: what a question is about", "frågetyp", "#e7298a", "star", 7),
)

_RELATIONSHIPS = (
    Relationship("DELEGATES_TO", "a post hands part of its authority to another post", ("Post",), ("Post",)),
    Relationship("COMMISSIONS", "a post commissions a body (uppdragsgivare)", ("Post",), _BODIES),
    Relationship("DECIDED", "a post decided a document", ("Post",), ("Document",)),
    Relationship("APPOINTS", "a body or post appoints the holders of a post", ("Post",) + _BODIES, ("Post",)),
    Relationship("HOLDS", "a person holds a post from a date to a date", ("Person",), ("Post",), dated=True),
    Relationship("POST_OF", "a post belongs to a body", ("Post",), _BODIES),
    Relationship("REPRESENTS", "a post represents an administration", ("Post",), ("Administration",)),
    Relationship("EMPLOYED_BY", "a person works in an administration", ("Person",), ("Administration",),
                 dated=True),
    Relationship("MEMBER_OF", "a post also sits in another body", ("Post",), _BODIES),
    Relationship("PART_OF", "a body is part of a larger body", _BODIES, _BODIES),
    Relationship("REPORTS_TO", "reports in a line: a post or body to the one above it", ("Post",) + _BODIES,
                 ("Post",) + _BODIES),
    Relationship("LEADS", "a body leads another body", _BODIES, _BODIES),
    Relationship("REFERENCE_GROUP_FOR", "a body is a reference group for another body", _BODIES, _BODIES),
    Relationship("PROVIDES", "a body provides a post or support to another", _BODIES, ("Post",) + _BODIES),
    Relationship("IMPLEMENTS", "a body implements the priorities another sets", _BODIES, _BODIES),
    Relationship("NOMINATES_TO", "a body nominates chairs and members to another", _BODIES, _BODIES),
    Relationship("HAS_MANDATE", "a body's mandate is a document", _BODIES + ("Post",), ("Document",)),
    Relationship("REFERENCES", "a document refers to another document", ("Document",), ("Document",)),
    Relationship("SUPERSEDES", "a document replaces an earlier one", ("Document",), ("Document",)),
    Relationship("ESCALATES_TO", "a question of a topic goes from here to there", ("Post",) + _BODIES,
                 ("Post",) + _BODIES, needs_topic=True),
    Relationship("MAY_DECIDE", "a post or body holds the mandate to decide a topic", ("Post",) + _BODIES,
                 ("Topic",)),
)

_ROLES = (
    Role("director", "a director of the region", "direktör"),
    Role("head", "the head of an administration", "förvaltningschef"),
    Role("chair", "chairs a body; appointed by the leadership group", "ordförande"),
    Role("contact-person", "a leadership-group member who is a council's contact person", "kontaktperson"),
    Role("member", "a participant; a manager representing an administration", "deltagare", single_holder=False),
    Role("adjunct", "a co-opted participant decided by the council", "adjungerad deltagare", single_holder=False),
    Role("coordinator", "the council's coordinator from the Group Head Office", "koordinator"),
    Role("list-keeper", "keeps the list of group-wide groups", "förteckning koncernövergripande grupper"),
)

_TOPICS = (
    Topic("regional-routine", "a regional routine inside the chair's mandate"),
    Topic("region-wide-decision", "needs a decision binding the whole region"),
    Topic("outside-mandate", "neither chair nor participants hold the mandate"),
    Topic("cross-area-process", "ways of working or processes spanning several areas"),
    Topic("new-drug-or-method", "new drugs or medical methods with significant organisational or economic "
          "consequences"),
    Topic("organisation-and-working-conditions", "organisation, working conditions, compensation, premises"),
    Topic("support-process", "a position affecting a support process"),
)

LABELS: dict[str, Label] = {label.name: label for label in _LABELS}
RELATIONSHIPS: dict[str, Relationship] = {rel.name: rel for rel in _RELATIONSHIPS}
ROLES: dict[str, Role] = {role.name: role for role in _ROLES}
TOPICS: dict[str, Topic] = {topic.id: topic for topic in _TOPICS}
BODY_LABELS: tuple[str, ...] = tuple(name for name, label in LABELS.items() if label.is_body)


def reference_table() -> str:
    """The README's table of labels and relationship types, generated from the declarations.

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
    return "\n".join(lines)


def _compact(kinds: tuple[str, ...]) -> list[str]:
    """Name the body kinds as one word: ``("Post", *bodies)`` becomes ``["Post", "any body"]``."""
    if set(_BODIES) <= set(kinds):
        return [k for k in kinds if k not in _BODIES] + ["any body"]
    return list(kinds)


README_START = "<!-- vocabulary:start (generated by `python -m orgraph.vocabulary README.md`; do not edit) -->"
README_END = "<!-- vocabulary:end -->"


def with_reference_table(readme: str) -> str:
    """``readme`` with the text between the vocabulary markers replaced by :func:`reference_table`."""
    from .generated import replace_between

    return replace_between(readme, README_START, README_END, reference_table())


if __name__ == "__main__":  # regenerate the README's table: python -m orgraph.vocabulary README.md
    import sys
    from pathlib import Path

    path = Path(sys.argv[1])
    path.write_text(with_reference_table(path.read_text(encoding="utf-8")), encoding="utf-8")
