"""``orgraph check --format sarif``: the report as SARIF 2.1.0, for code-scanning views in CI.

Each rule that ran is a ``reportingDescriptor`` (id, title, the remedy as
help, the clause it cites as a property); each finding a ``result`` with its
level, message, the YAML file and line that declare it (physical location),
the council and posts it concerns (logical locations), the other focus nodes as
related locations, and a stable fingerprint.  A waived finding carries a SARIF
``suppression`` with the waiver's justification and its line in the waiver file.

>>> import datetime as dt, json
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.output.locations import Locator
>>> from orgraph.resources import data_dir
>>> from orgraph.rules import Options, check
>>> model = load(data_dir("seed"))
>>> report = check(model, dt.date(2026, 11, 23), Options(rules=("mandate-decided",)))
>>> log = to_sarif(report, Locator.of(MemoryBackend(model, report.as_of)), Options(rules=("mandate-decided",)))
>>> result = log["runs"][0]["results"][0]
>>> result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
('mandate-decided', 'error', True)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from orgraph.output.locations import Locator, Place, file_uri
from orgraph.rules import BY_ID, RULES, Finding, Options, Report
from orgraph.vocabulary import Kind

__all__ = ["to_sarif", "dumps", "LEVELS", "SCHEMA_URI"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def dumps(report: Report, locator: Locator, options: Options) -> str:
    """The SARIF log as JSON text (ends with a newline)."""
    return json.dumps(to_sarif(report, locator, options), ensure_ascii=False, indent=2) + "\n"


def to_sarif(report: Report, locator: Locator, options: Options) -> dict[str, Any]:
    """The SARIF 2.1.0 log of one check run (one run, one tool: orgraph)."""
    ran = set(options.rules or BY_ID) | {finding.rule for finding in report.findings}
    rules = [rule for rule in RULES if rule.id in ran]
    index = {rule.id: position for position, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "orgraph", "version": _version(), "semanticVersion": _version(),
                            "rules": [_descriptor(rule, options) for rule in rules]}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "results": [_result(finding, index[finding.rule], locator) for finding in report.findings],
        "properties": {"as_of": report.as_of.isoformat(), "summary": report.summary},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: Any, options: Any) -> dict[str, Any]:
    title = options.translate(rule.title)
    return {
        "id": rule.id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{title} (source: {rule.source})"},
        "help": {"text": options.translate(rule.remedy)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind, "tags": [rule.kind],
                       "source": {"document": rule.source.document, "section": rule.source.section}},
    }


def _physical(place: Place) -> dict[str, Any]:
    uri, base = file_uri(place[0])
    artifact = {"uri": uri, **({"uriBaseId": base} if base else {})}
    return {"artifactLocation": artifact, "region": {"startLine": place[1]}}


def _result(finding: Finding, rule_index: int, locator: Locator) -> dict[str, Any]:
    location: dict[str, Any] = {}
    place = locator.finding(finding)
    if place:
        location["physicalLocation"] = _physical(place)
    logical = [{"name": finding.council, "fullyQualifiedName": finding.council, "kind": "namespace"}] \
        if finding.council else []
    logical += [{"name": node_id, "fullyQualifiedName": f"{finding.council or 'region'}/{node_id}", "kind": "object"}
                for node_id in finding.focus if locator.kind(node_id) == Kind.POST]
    if logical:
        location["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": finding.rule, "ruleIndex": rule_index, "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location] if location else [],
        "partialFingerprints": {"orgraphFocus/v1": f"{finding.rule}|{'|'.join(finding.focus)}"},
        "properties": {"focus": list(finding.focus), "council": finding.council, "remedy": finding.remedy,
                       "source": {"document": finding.source.document, "section": finding.source.section}},
    }
    related = [{"id": number, "physicalLocation": _physical(spot), "message": {"text": node_id}}
               for number, (node_id, spot) in enumerate((n, locator.node(n)) for n in finding.focus) if spot]
    if related:
        result["relatedLocations"] = related
    if finding.waived:
        waiver = finding.waived_by
        suppression: dict[str, Any] = {
            "kind": "external", "status": "accepted",
            "justification": f"{waiver.reason} (decided by {waiver.decided_by}; expires {waiver.expires.isoformat()})",
        }
        if waiver.file and waiver.line:
            suppression["location"] = {"physicalLocation": _physical((waiver.file, waiver.line))}
        result["suppressions"] = [suppression]
    return result


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("orgraph")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout without installing
        return "0.0.0"
