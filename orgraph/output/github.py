"""``orgraph check --format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=…,line=…,title=…::message`` (``warning`` and ``notice`` for
the lesser severities) puts each finding on the YAML line that declares it in
the pull request's diff; waived findings are notices.  Values are escaped as
the runner expects (``%``, CR, LF; also ``:`` and ``,`` in properties).

>>> escape_data("50% klart\\nsedan")
'50%25 klart%0Asedan'
>>> escape_property("a,b:c")
'a%2Cb%3Ac'
"""

from __future__ import annotations

from orgraph.output.locations import Locator
from orgraph.rules import Finding, Report

__all__ = ["workflow_commands", "escape_data", "escape_property"]

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_commands(report: Report, locator: Locator) -> str:
    """One workflow command per finding, then a plain summary line (ends with a newline)."""
    lines = [_command(finding, locator) for finding in report.findings]
    counts = report.summary
    lines.append(f"orgraph check, as of {report.as_of.isoformat()}: {counts['error']} errors, "
                 f"{counts['warning']} warnings, {counts['info']} info, {counts['waived']} waived")
    return "\n".join(lines) + "\n"


def _command(finding: Finding, locator: Locator) -> str:
    command = "notice" if finding.waived else COMMANDS[finding.severity]
    properties = []
    place = locator.finding(finding)
    if place:
        properties += [f"file={escape_property(place[0])}", f"line={place[1]}"]
    properties.append(f"title={escape_property(f'{finding.rule}: {finding.title}')}")
    message = finding.message
    if finding.waived:
        message = f"[waived until {finding.waived_by.expires.isoformat()}] {message}"
    else:
        message = f"{message} Remedy: {finding.remedy}"
    return f"::{command} {','.join(properties)}::{escape_data(message)}"
