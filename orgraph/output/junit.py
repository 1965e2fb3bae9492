"""``orgraph check --format junit``: the report as JUnit XML, one test case per rule × council.

Each council is a test suite (findings about the region as a whole form the
suite ``region``); each rule that ran is a test case in every suite.  A case
fails when the council has an unwaived finding of the rule at ``--fail-on``
severity or worse; lesser and waived findings are kept in ``system-out``.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.output.locations import Locator
>>> from orgraph.resources import data_dir
>>> from orgraph.rules import Options, check
>>> model = load(data_dir("seed"))
>>> run = Options(rules=("mandate-decided",))
>>> report = check(model, dt.date(2026, 11, 23), run)
>>> text = dumps(report, Locator.of(MemoryBackend(model, report.as_of)), run)
>>> text.count("<testcase "), text.count("<failure ")
(3, 1)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from orgraph.output.locations import Locator
from orgraph.rules import BY_ID, RULES, SEVERITIES, Finding, Options, Report

__all__ = ["dumps", "REGION"]

#: The suite of findings that belong to no council.
REGION = "region"


def dumps(report: Report, locator: Locator, options: Options, fail_on: str = "error") -> str:
    """The JUnit XML document (UTF-8 text with an XML declaration, ends with a newline)."""
    ran = set(options.rules or BY_ID) | {finding.rule for finding in report.findings}
    rules = [rule for rule in RULES if rule.id in ran]
    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_case[(finding.council or REGION, finding.rule)].append(finding)
    suites = [*locator.councils, REGION]
    suites += sorted({council for council, _ in by_case} - set(suites))
    root = ET.Element("testsuites", name="orgraph check", tests="0", failures="0", errors="0", time="0")
    total = failed = 0
    for council in suites:
        suite = ET.SubElement(root, "testsuite", name=council, timestamp=report.as_of.isoformat() + "T00:00:00",
                              tests=str(len(rules)), failures="0", errors="0", skipped="0", time="0")
        failures = 0
        for rule in rules:
            case = ET.SubElement(suite, "testcase", name=rule.id, classname=f"orgraph.{council}", time="0")
            findings = by_case.get((council, rule.id), [])
            bad = [f for f in findings if not f.waived and f.severity in failing]
            if bad:
                failures += 1
                failure = ET.SubElement(case, "failure", message=_clean(bad[0].message), type=rule.id)
                remedy = options.translate(rule.remedy)
                failure.text = _clean("\n".join(_line(f, locator) for f in bad) + f"\nremedy: {remedy}")
            rest = [f for f in findings if f not in bad]
            if rest:
                ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f, locator) for f in rest))
        suite.set("failures", str(failures))
        total += len(rules)
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _line(finding: Finding, locator: Locator) -> str:
    place = locator.finding(finding)
    where = f"{place[0]}:{place[1]}: " if place else ""
    state = f" (waived until {finding.waived_by.expires.isoformat()})" if finding.waived else ""
    return f"{where}{finding.severity}: {finding.message}{state} [{', '.join(finding.focus)}]"


def _clean(text: Any) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: drop them (the loader refuses them anyway)."""
    return "".join(ch for ch in str(text) if ch in "\t\n\r" or ord(ch) >= 0x20)
