"""The text report of ``orgraph check``: findings grouped by council, then by severity.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> from orgraph.rules import check_backend
>>> backend = MemoryBackend(load(data_dir("examples") / "fictional"), dt.date(2026, 11, 23))
>>> format_text(check_backend(backend), backend.node, lang="en").startswith("orgraph check")
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orgraph.i18n import N_, current, gettext
from orgraph.output.text import citation
from orgraph.rules.base import SEVERITIES, Finding, label
from orgraph.rules.report import HEADINGS, WAIVER_RULES, Lookup, Report

__all__ = ["format_text"]


def format_text(report: Report, lookup: Lookup, data: str | None = None, lang: str | None = None) -> str:
    """The report as a leader reads it: by council, then by severity, each finding with its sources and remedy.

    ``lang`` is the language of the headings (None: :func:`orgraph.i18n.current`); the findings carry their own.
    """
    _ = gettext(lang or current())
    summary = report.summary
    head = (_(N_("orgraph check of {data}, as of {as_of}: ")) if data else _(N_("orgraph check, as of {as_of}: ")))
    lines = [head.format(data=data, as_of=report.as_of.isoformat()) + _counts(summary, _)]
    groups: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        groups[finding.council].append(finding)
    for council, findings in groups.items():
        heading = f"{label(lookup(council), council)} ({council})" if council else _(N_("The region as a whole"))
        lines += ["", heading, "=" * len(heading)]
        by_severity: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_severity["waived" if finding.waived else finding.severity].append(finding)
        for severity in (*SEVERITIES, "waived"):
            if by_severity[severity]:
                lines += ["", f"{_(HEADINGS[severity])} ({len(by_severity[severity])})"]
                remedied: set[str] = set()
                for finding in by_severity[severity]:
                    cite = "; ".join(_cite(source, lookup) for source in finding.sources or (finding.source,))
                    lines.append(f"  - {finding.message}")
                    lines.append("      " + _(N_("rule {rule} · {cite} · focus: {focus}")).format(
                        rule=finding.rule, cite=cite, focus=", ".join(finding.focus) or "—"))
                    if finding.waived:
                        w = finding.waived_by
                        lines.append("      " + _(N_("waived until {expires} by {decided_by}: {reason}")).format(
                            expires=w.expires.isoformat(), decided_by=w.decided_by, reason=w.reason))
                    elif finding.rule not in remedied and (finding.severity != "info" or finding.rule in WAIVER_RULES):
                        remedied.add(finding.rule)  # once per rule and section: the same advice reads once
                        lines.append("      " + _(N_("remedy: {remedy}")).format(remedy=finding.remedy))
    if not report.findings:
        lines += ["", _(N_("No findings: every rule holds."))]
    return "\n".join(lines)


def _cite(source: Any, lookup: Lookup) -> str:
    """``RS 2024-00784 (2024-05-21) § Beslutsfattande`` and, once the model has it, the clause id."""
    cited = citation({"source_document": source.document, "source_section": source.section}, lookup)
    clause = getattr(source, "clause", None)
    return f"{cited} [{clause}]" if clause else cited


def _counts(summary: dict[str, int], _: Any) -> str:
    errors = _(N_("{n} error") if summary["error"] == 1 else N_("{n} errors")).format(n=summary["error"])
    warnings = _(N_("{n} warning") if summary["warning"] == 1 else N_("{n} warnings")).format(n=summary["warning"])
    return _(N_("{errors}, {warnings}, {info} info, {waived} waived")).format(
        errors=errors, warnings=warnings, info=summary["info"], waived=summary["waived"])
