"""Run the rules, apply the waivers, and report: as a structure, as JSON, and as text for people.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> report = check(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> [f.focus for f in report.findings if f.rule == "mandate-decided"]
[('sr-ortopedi', 'uh-ortopedi-2024')]
>>> report.exit_code()
1
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from orgraph.collector import collector_paused
from orgraph.i18n import N_
from orgraph.model.graph import Model
from orgraph.rules.base import SEVERITIES, Clause, Finding, Hit, Options, Rule, label, render
from orgraph.rules.catalog import BY_ID, RULES
from orgraph.rules.citations import ClausesOf, cited
from orgraph.rules.context import Context
from orgraph.vocabulary import Kind, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Lookup", "Report", "selected", "check", "check_backend", "clauses_by_document", "findings_from_rows",
           "assemble", "RULE_ORDER", "WAIVER_RULES", "HEADINGS"]

Lookup = Callable[[str], "dict[str, Any] | None"]
#: A council's mandates on the date: the ids of the Documents it HAS_MANDATE.
Mandates = Callable[[str], "list[str]"]


@dataclass(frozen=True)
class Report:
    """The findings of one run, in report order, and the date they hold for."""

    as_of: dt.date
    findings: tuple[Finding, ...]

    @property
    def summary(self) -> dict[str, int]:
        """Unwaived findings by severity, and the number of waived ones."""
        counts = {severity: 0 for severity in SEVERITIES}
        counts["waived"] = 0
        for finding in self.findings:
            counts["waived" if finding.waived else finding.severity] += 1
        return counts

    def exit_code(self, fail_on: str = "error") -> int:
        """0 when clean, 1 when an unwaived finding is at least as severe as ``fail_on`` (error or warning)."""
        failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
        return 1 if any(self.summary[severity] for severity in failing) else 0

    def to_json(self, data: str | None = None) -> dict[str, Any]:
        """The documented JSON report: ``as_of``, ``data``, ``summary``, ``findings``."""
        return {"as_of": self.as_of.isoformat(), "data": data, "summary": self.summary,
                "findings": [finding.to_json() for finding in self.findings]}


def selected(options: Options) -> list[Rule]:
    """The rules a run covers, in registry order (raises KeyError for an unknown id)."""
    if options.rules is None:
        return list(RULES)
    wanted = set(options.rules)
    for rule_id in wanted:
        BY_ID[rule_id]  # noqa: B018 - an unknown id is the caller's error
    return [rule for rule in RULES if rule.id in wanted]


def check(model_or_graph: Model | nx.MultiDiGraph, day: dt.date, options: Options | None = None) -> Report:
    """Run the (selected) rules on the model as it stands on ``day``; apply the waivers."""
    options = options or Options()
    with collector_paused():  # the date's edges read and indexed: hundreds of thousands of lists, no cycles
        ctx = Context.of(model_or_graph, day, options)
        hits: dict[str, list[Hit]] = {rule.id: list(rule.evaluate(ctx)) for rule in selected(options)
                                      if rule.evaluate}
    return assemble(hits, ctx.node, day, options, council_of=lambda node_id: _council_of(ctx, node_id),
                    mandates_of=lambda council: ctx.out(council, Rel.HAS_MANDATE, Kind.DOCUMENT),
                    clauses_of=clauses_by_document(lambda: [ctx.node(n) for n in ctx.of_kind(Kind.CLAUSE)]))


def clauses_by_document(clauses: Callable[[], Iterable[dict[str, Any] | None]]) -> ClausesOf:
    """A document's clauses by its id, from the Clause nodes ``clauses()`` reads (once, on the first question).

    >>> of = clauses_by_document(lambda: [{"id": "c", "document": "d", "section": "S", "text": "T."}])
    >>> [c["id"] for c in of("d")], of("e")
    (['c'], [])
    """
    found: dict[str, list[dict[str, Any]]] | None = None

    def of(document: str) -> list[dict[str, Any]]:
        nonlocal found
        if found is None:
            found = {}
            for clause in clauses():
                if clause is not None:
                    found.setdefault(clause["document"], []).append(clause)
        return found.get(document, [])

    return of


def check_backend(backend: Any, options: Options | None = None) -> Report:
    """Run the rules on any backend: the Python rules on the memory backend, the rules' Cypher on the others.

    A Cypher backend needs ``query(name, **params) -> rows``, ``node(id)``,
    ``neighbours(id)`` and ``day`` (see :class:`orgraph.backends.cypher.CypherBackend`).
    """
    options = options or Options()
    if hasattr(backend, "model"):
        return check(backend.model, backend.day, options)
    hits = {rule.id: findings_from_rows(backend.query(rule.cypher, **rule.cypher_parameters(backend.day, options)))
            for rule in selected(options) if rule.cypher}

    def council_of(node_id: str) -> str | None:
        node = backend.node(node_id)
        if node is None:
            return None
        if node.get("kind") == Kind.COUNCIL:
            return node_id
        councils = sorted(n.node["id"] for n in backend.neighbours(node_id)
                          if n.type == Rel.POST_OF and n.direction == "out" and n.node.get("kind") == Kind.COUNCIL)
        return councils[0] if councils else None

    def mandates_of(council: str) -> list[str]:
        return sorted({n.node["id"] for n in backend.neighbours(council) if n.type == Rel.HAS_MANDATE
                       and n.direction == "out" and n.node.get("kind") == Kind.DOCUMENT})

    return assemble(hits, backend.node, backend.day, options, council_of, mandates_of,
                    clauses_by_document(lambda: backend.nodes([Kind.CLAUSE])))


def findings_from_rows(rows: Iterable[dict[str, Any]]) -> list[Hit]:
    """The hits a rule's Cypher returned: rows with ``variant``, ``focus`` and ``council``.

    A backend that runs ``cypher/queries/rule-<id>.cypher`` passes
    ``{rule id: findings_from_rows(rows)}`` to :func:`assemble`.
    """
    return [Hit(row["variant"], tuple(row["focus"]), row.get("council")) for row in rows]


def assemble(hits: dict[str, list[Hit]], lookup: Lookup, day: dt.date, options: Options,
             council_of: Callable[[str], str | None] | None = None, mandates_of: Mandates | None = None,
             clauses_of: ClausesOf | None = None) -> Report:
    """Render the hits of each rule, apply the waivers, cite the clauses, and order the report.

    ``lookup`` gives a node's properties by id (for names); ``council_of``
    finds the council a waiver's focus belongs to (for grouping); ``mandates_of``
    gives a council's mandates, whose clauses its findings cite (without it, a
    finding cites every text its rule comes from); ``clauses_of`` a document's
    clauses, for a mandate the rules have no citation of (see :func:`cited`).
    """
    findings: list[Finding] = []
    for rule_id, rule_hits in hits.items():
        rule = BY_ID[rule_id]
        for hit in dict.fromkeys(rule_hits):  # distinct, first seen first
            findings.append(render(rule, hit, lookup, day, options))
    findings = _apply_waivers(findings, lookup, day, options, council_of or (lambda node_id: None))
    findings = [_cite(finding, mandates_of, clauses_of) for finding in findings]
    return Report(day, tuple(sorted(findings, key=_order(lookup))))


def _cite(finding: Finding, mandates_of: Mandates | None, clauses_of: ClausesOf | None) -> Finding:
    """The finding citing its council's own mandate (every text its rule comes from, for the region)."""
    mandates = mandates_of(finding.council) if finding.council and mandates_of else None
    sources = cited(BY_ID[finding.rule].cites, mandates or None, clauses_of)
    first = sources[0]
    return dataclasses.replace(finding, sources=sources, source=Clause(first.document, first.section))


def _apply_waivers(findings: list[Finding], lookup: Lookup, day: dt.date, options: Options,
                   council_of: Callable[[str], str | None]) -> list[Finding]:
    run = {rule.id for rule in selected(options)}
    used: set[int] = set()
    result = []
    for finding in findings:
        for index, waiver in enumerate(options.waivers):
            if waiver.matches(finding.rule, finding.focus):
                used.add(index)
                if not waiver.expired(day):
                    finding = dataclasses.replace(finding, waived_by=waiver)
                    break
        result.append(finding)
    for index, waiver in enumerate(options.waivers):
        # an expired waiver is reported when its rule ran or when waiver-expired was asked for;
        # an unused one only when its rule ran (else it could not have been used)
        if waiver.expired(day) and (waiver.rule in run or "waiver-expired" in run):
            result.append(_waiver_finding(BY_ID["waiver-expired"], "expired", waiver, lookup, day, council_of,
                                          options))
        elif not waiver.expired(day) and index not in used and waiver.rule in run and "waiver-unused" in run:
            result.append(_waiver_finding(BY_ID["waiver-unused"], "unused", waiver, lookup, day, council_of,
                                          options))
    return result


def _waiver_finding(rule: Rule, variant: str, waiver: Any, lookup: Lookup, day: dt.date,
                    council_of: Callable[[str], str | None], options: Options) -> Finding:
    names = [label(lookup(node_id), node_id) for node_id in waiver.focus]
    where = f" ({waiver.file}:{waiver.line})" if waiver.line else ""
    message = options.translate(rule.messages[variant].template).format(
        rule=waiver.rule, names=", ".join(names) or options.translate(N_("the region")), decided_by=waiver.decided_by,
        expires=waiver.expires.isoformat(), as_of=day.isoformat()).rstrip(".") + where + "."
    council = next((c for c in map(council_of, waiver.focus) if c), None)
    return Finding(rule.id, rule.severity_of(variant), options.translate(rule.title), message, tuple(waiver.focus),
                   council, rule.source, options.translate(rule.remedy), variant)


def _council_of(ctx: Context, node_id: str) -> str | None:
    if ctx.kind(node_id) == Kind.COUNCIL:
        return node_id
    return ctx.council_of(node_id)


RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


def _order(lookup: Lookup) -> Callable[[Finding], tuple]:
    """Report order: councils by name (the region last), then severity, waived last, then rule and focus."""

    def key(finding: Finding) -> tuple:
        council = (0, label(lookup(finding.council), finding.council), finding.council) if finding.council \
            else (1, "", "")
        severity = len(SEVERITIES) if finding.waived else SEVERITIES.index(finding.severity)
        return council, severity, RULE_ORDER[finding.rule], finding.focus

    return key


# --- Text for people ------------------------------------------------------------------------------

WAIVER_RULES = frozenset(rule.id for rule in RULES if rule.kind == "waiver")
HEADINGS = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Could not be checked, or for information"),
            "waived": N_("Waived (accepted exceptions)")}


