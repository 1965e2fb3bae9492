"""The text report of ``orgraph check``: findings grouped by council, then by severity.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> from orgraph.rules import check_backend
>>> backend = MemoryBackend(load(data_dir("examples") / "fictional"), dt.date(2026, 11, 23))
>>> format_text(check_backend(backend), backend.node).startswith("orgraph check")
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orgraph.output.text import citation
from orgraph.rules.base import SEVERITIES, Finding, label
from orgraph.rules.report import HEADINGS, WAIVER_RULES, Lookup, Report

__all__ = ["format_text"]


def format_text(report: Report, lookup: Lookup, data: str | None = None) -> str:
    """The report as a leader reads it: by council, then by severity, each finding with its source and remedy."""
    summary = report.summary
    lines = [f"orgraph check{f' of {data}' if data else ''}, as of {report.as_of.isoformat()}: "
             + _counts(summary)]
    groups: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        groups[finding.council].append(finding)
    for council, findings in groups.items():
        heading = f"{label(lookup(council), council)} ({council})" if council else "The region as a whole"
        lines += ["", heading, "=" * len(heading)]
        by_severity: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_severity["waived" if finding.waived else finding.severity].append(finding)
        for severity in (*SEVERITIES, "waived"):
            if by_severity[severity]:
                lines += ["", f"{HEADINGS[severity]} ({len(by_severity[severity])})"]
                remedied: set[str] = set()
                for finding in by_severity[severity]:
                    cite = "; ".join(_cite(source, lookup) for source in finding.sources or (finding.source,))
                    lines.append(f"  - {finding.message}")
                    lines.append(f"      rule {finding.rule} · {cite} · focus: {', '.join(finding.focus) or '—'}")
                    if finding.waived:
                        w = finding.waived_by
                        lines.append(f"      waived until {w.expires.isoformat()} by {w.decided_by}: {w.reason}")
                    elif finding.rule not in remedied and (finding.severity != "info" or finding.rule in WAIVER_RULES):
                        remedied.add(finding.rule)  # once per rule and section: the same advice reads once
                        lines.append(f"      remedy: {finding.remedy}")
    if not report.findings:
        lines += ["", "No findings: every rule holds."]
    return "\n".join(lines)


def _cite(source: Any, lookup: Lookup) -> str:
    """``RS 2024-00784 (2024-05-21) § Beslutsfattande`` and, once the model has it, the clause id."""
    cited = citation({"source_document": source.document, "source_section": source.section}, lookup)
    clause = getattr(source, "clause", None)
    return f"{cited} [{clause}]" if clause else cited


def _counts(summary: dict[str, int]) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (f"{plural(summary['error'], 'error')}, {plural(summary['warning'], 'warning')}, "
            f"{summary['info']} info, {summary['waived']} waived")
