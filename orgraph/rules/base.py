"""What a rule is, what it finds, and the settings every rule reads.

A :class:`Rule` is declared once, as data: a stable id, a severity, a title,
the document clause it comes from, a remedy, one message template per kind of
finding (its *variant*), the pure function that evaluates it over the graph
and the name of its Cypher twin.  The function yields :class:`Hit` s (variant,
focus node ids, council); :func:`render` turns a hit into a :class:`Finding`
with a plain-language message naming the nodes.  Hits from Cypher rows become
findings the same way, so both backends say the same thing.

>>> clause = Clause("uh-bfm-2026", "Arbetsorganisation")
>>> str(clause)
'uh-bfm-2026 § Arbetsorganisation'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from orgraph.i18n import N_, current, gettext
from orgraph.rules.defaults import DEFAULT_MAX_MANDATE_AGE_YEARS
from orgraph.rules.texts import ADJUNCTS_LIMITED_IN, MEETINGS_ADAPTABLE_IN, READ

__all__ = ["SEVERITIES", "REGIONAL_DIRECTOR", "GROUP_HEAD_OFFICE", "MEETINGS_ALLOWED", "Clause", "Message", "Hit",
           "Options", "Rule", "Finding", "cypher_parameters", "years_before", "label", "message_fields", "render"]

#: Severities, most serious first: the order of the report.
SEVERITIES = ("error", "warning", "info")

#: The property of a Region that names its Regional Director (*regiondirektör*): the director post at the root
#: of the region's chain of authority.
REGIONAL_DIRECTOR = "regional_director"
#: The property of a Region that names its Group Head Office (*Koncernkontoret*): the administration that
#: provides every council's coordinator.
GROUP_HEAD_OFFICE = "group_head_office"
#: Meetings a year the documents allow ("4 till maximalt 8").
MEETINGS_ALLOWED = (4, 8)


@dataclass(frozen=True)
class Clause:
    """Where a rule comes from: a Document id and the section heading as the document writes it."""

    document: str
    section: str

    def __str__(self) -> str:
        return f"{self.document} § {self.section}"


@dataclass(frozen=True)
class Message:
    """The message of one variant of a finding; ``severity`` None means the rule's own.

    The template is ``str.format``-ed with the fields of :func:`message_fields`.
    """

    template: str
    severity: str | None = None


@dataclass(frozen=True)
class Hit:
    """What a rule function (or a Cypher row) reports: a variant of the rule, the focus ids, the council."""

    variant: str
    focus: tuple[str, ...]
    council: str | None = None


@dataclass(frozen=True)
class Options:
    """Settings of a check run.

    ``max_adjuncts`` is a policy setting, not the texts' (they state no number): the number of adjunct
    participants a council whose text limits them may have when the council has set no ``adjunct_limit``
    of its own (None: no number is set, and the rule says so).  ``rules`` limits the run to these rule
    ids (None: all); ``waivers`` are accepted exceptions (see :mod:`orgraph.rules.waivers`); ``lang`` is
    the language of titles, messages and remedies (None: :func:`orgraph.i18n.current`, Swedish unless set).
    """

    max_adjuncts: int | None = None
    max_mandate_age_years: int = DEFAULT_MAX_MANDATE_AGE_YEARS
    rules: tuple[str, ...] | None = None
    waivers: tuple[Any, ...] = ()
    lang: str | None = None

    def translate(self, message: str) -> str:
        """``message`` (an English message id) in the run's language."""
        return gettext(self.lang or current())(message)


@dataclass(frozen=True)
class Rule:
    """One integrity rule, declared once.

    ``kind`` is ``stated`` for rules the documents state, ``structural`` for
    rules orgraph adds (the clause is then the one they follow from), and
    ``waiver`` for the findings about waivers themselves.  ``cypher`` is the
    stem of the rule's file in ``cypher/queries/`` (None when it has none), and
    ``parameters`` the ``$names`` that file takes.
    """

    id: str
    severity: str
    kind: str
    title: str
    source: Clause
    remedy: str
    messages: dict[str, Message]
    evaluate: Callable[[Any], Iterable[Hit]] | None = None
    cypher: str | None = None
    parameters: tuple[str, ...] = ("as_of",)
    extra: Callable[[tuple[str, ...], Callable[[str], dict | None], dt.date, Options], dict] | None = \
        field(default=None, repr=False)
    cites: tuple[Any, ...] = ()  # the clauses it comes from, per text (orgraph.rules.citations.Citation)

    def cypher_parameters(self, day: dt.date, options: Options) -> dict[str, Any]:
        """Exactly the ``$parameters`` this rule's Cypher file declares, for a run on ``day``."""
        every = cypher_parameters(day, options)
        return {name: every[name] for name in self.parameters}

    def severity_of(self, variant: str) -> str:
        """The severity of a finding of this variant."""
        return self.messages[variant].severity or self.severity


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, ready to print; ``waived_by`` is the waiver that accepts it, if any."""

    rule: str
    severity: str
    title: str
    message: str
    focus: tuple[str, ...]
    council: str | None
    source: Clause
    remedy: str
    variant: str = ""
    waived_by: Any = None
    sources: tuple[Any, ...] = ()  # the clauses cited: the council's own mandate's (Citation)

    @property
    def waived(self) -> bool:
        """True when an unexpired waiver accepts this finding."""
        return self.waived_by is not None

    def to_json(self) -> dict[str, Any]:
        """The finding as the report's JSON schema has it."""
        value: dict[str, Any] = {
            "rule": self.rule, "severity": self.severity, "title": self.title, "message": self.message,
            "focus": list(self.focus), "council": self.council,
            "source": {"document": self.source.document, "section": self.source.section},
            "sources": [citation.to_json() for citation in self.sources],
            "remedy": self.remedy,
        }
        if self.waived_by is not None:
            value["waived_by"] = self.waived_by.to_json()
        return value


def cypher_parameters(day: dt.date, options: Options) -> dict[str, Any]:
    """Every ``$parameter`` the rules' Cypher takes, for a run on ``day`` (each file uses some of them).

    >>> cypher_parameters(dt.date(2026, 11, 23), Options())["mandate_cutoff"]
    '2023-11-23'
    """
    return {
        "as_of": day.isoformat(),
        "meetings_min": MEETINGS_ALLOWED[0],
        "meetings_max": MEETINGS_ALLOWED[1],
        "max_adjuncts": options.max_adjuncts,
        "adjunct_documents": list(ADJUNCTS_LIMITED_IN),
        "adaptable_documents": list(MEETINGS_ADAPTABLE_IN),
        "read_documents": list(READ),
        "mandate_cutoff": years_before(day, options.max_mandate_age_years).isoformat(),
    }


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (28 February for a 29 February).

    >>> years_before(dt.date(2028, 2, 29), 1)
    datetime.date(2027, 2, 28)
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def label(node: dict[str, Any] | None, node_id: str) -> str:
    """How a message names a node: its name as written (a document also by its number).

    >>> label({"name": "Samordningsråd ortopedi"}, "sr-ortopedi")
    'Samordningsråd ortopedi'
    >>> label({"name": "Rutin", "number": "RS 2019-03137-40"}, "rutin")
    'Rutin (RS 2019-03137-40)'
    >>> label(None, "gone")
    'gone'
    """
    if not node:
        return node_id
    name = str(node.get("name") or node_id)
    return f"{name} ({node['number']})" if node.get("number") else name


def message_fields(rule: Rule, hit: Hit, lookup: Callable[[str], dict | None], day: dt.date,
                   options: Options) -> dict[str, Any]:
    """The fields a message template may use.

    ``council`` (its name), ``f0``, ``f1``, … (the focus nodes' names),
    ``from1``/``from2``/``from3`` (the names from that focus position on, joined),
    ``names`` (all of them), ``n`` (focus length less one), ``count`` (focus
    length), ``as_of``, and whatever the rule's ``extra`` adds.
    """
    names = [label(lookup(node_id), node_id) for node_id in hit.focus]
    fields: dict[str, Any] = {f"f{i}": name for i, name in enumerate(names)}
    join = options.translate(N_(" and "))
    fields.update(
        council=label(lookup(hit.council), hit.council) if hit.council else options.translate(N_("the region")),
        from1=_join(names[1:], join), from2=_join(names[2:], join), from3=_join(names[3:], join),
        names=_join(names, join), n=len(names) - 1,
        count=len(names), as_of=day.isoformat(),
    )
    if rule.extra is not None:
        fields.update(rule.extra(hit.focus, lookup, day, options))
    return fields


def _join(names: list[str], word: str = " and ") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + word + names[-1]


def render(rule: Rule, hit: Hit, lookup: Callable[[str], dict | None], day: dt.date, options: Options) -> Finding:
    """The finding a hit of ``rule`` stands for, its message naming the nodes in plain language (``options.lang``)."""
    template = options.translate(rule.messages[hit.variant].template)
    message = template.format(**message_fields(rule, hit, lookup, day, options))
    return Finding(rule.id, rule.severity_of(hit.variant), options.translate(rule.title), message, tuple(hit.focus),
                   hit.council, rule.source, options.translate(rule.remedy), hit.variant, sources=rule.cites)
