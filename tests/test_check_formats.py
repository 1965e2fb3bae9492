"""``orgraph check --format sarif|junit|github``: valid by the formats' own validators, every finding located.

SARIF is validated against the official SARIF 2.1.0 JSON Schema (the copy Microsoft's SARIF SDK ships in the
npm package ``@microsoft/sarif-multitool-linux``, installed by ``npm ci`` in ``tools/sarif``) and by the
multitool's own ``validate``; JUnit is read back with ``junitparser``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml

from orgraph.i18n import gettext
from orgraph.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
SARIF_TOOL = ROOT / "tools" / "sarif"
SCHEMA = SARIF_TOOL / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "sarif-2.1.0.json"
TODAY = "2026-11-23"
MODELS = ["seed", "fictional"]


def need_sarif_tool() -> None:
    if not SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail("tools/sarif is not installed: .ci/run runs `npm ci` there")
        pytest.skip("run `npm ci` in tools/sarif for the SARIF validators")


def sarif_of(cli, *args):
    result = cli("check", "--as-of", TODAY, "--format", "sarif", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def declared_line(uri: str, line: int) -> str:
    return (Path.cwd() / uri).read_text(encoding="utf-8").splitlines()[line - 1]


def assert_declares(text: str, ids: list[str]) -> None:
    """A YAML line declares a node (``id: x``) or a relation (``from: a … to: b``) of the finding's focus."""
    assert any(re.search(rf"\b(id|from|to|person|post): {re.escape(i)}\b", text) for i in ids), (text, ids)


@pytest.mark.parametrize("model", MODELS)
def test_sarif_is_valid_by_the_official_schema(cli, model):
    import jsonschema

    need_sarif_tool()
    _, log = sarif_of(cli, "--data", model)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(log))
    assert errors == []
    broken = {**log, "runs": [{**log["runs"][0], "results": [{"level": "fatal"}]}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))  # the check can fail


def multitool(path: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / f"{path.stem}.validation.sarif"
    done = subprocess.run(["npx", "--no-install", "sarif-multitool", "validate", "--json-schema", str(SCHEMA),
                           "--output", str(out), str(path)], cwd=SARIF_TOOL, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    return [r for r in results if r.get("level", "warning") == "error"]


def test_sarif_is_valid_by_the_multitool(cli, tmp_path):
    need_sarif_tool()
    paths = []
    for model in MODELS:
        result, _ = sarif_of(cli, "--data", model)
        paths.append(tmp_path / f"{model}.sarif")
        paths[-1].write_text(result.stdout, encoding="utf-8")
    for path in paths:
        assert multitool(path, tmp_path) == []
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "x"}]}]}))
    assert multitool(bad, tmp_path)  # the validator does find errors


@pytest.mark.parametrize("model", MODELS)
def test_every_sarif_result_points_at_its_declaring_yaml_line(cli, model):
    _, log = sarif_of(cli, "--data", model)
    run = log["runs"][0]
    assert run["results"]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        text = declared_line(physical["artifactLocation"]["uri"], physical["region"]["startLine"])
        assert_declares(text, result["properties"]["focus"] + [result["properties"]["council"] or ""])
        for related in result.get("relatedLocations", []):
            place = related["physicalLocation"]
            assert_declares(declared_line(place["artifactLocation"]["uri"], place["region"]["startLine"]),
                            [related["message"]["text"]])
        if result["properties"]["council"]:
            assert result["locations"][0]["logicalLocations"][0] == {
                "name": result["properties"]["council"], "fullyQualifiedName": result["properties"]["council"],
                "kind": "namespace"}


def test_sarif_rules_carry_title_remedy_clause_and_level(cli):
    _, log = sarif_of(cli)
    by_id = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(by_id) == {rule.id for rule in RULES}
    for rule in RULES:
        descriptor = by_id[rule.id]
        swedish = gettext("sv")  # the seed declares Swedish, and no --lang was given
        assert descriptor["shortDescription"]["text"] == swedish(rule.title) != ""
        assert descriptor["help"]["text"] == swedish(rule.remedy) != ""
        assert descriptor["properties"]["source"] == {"document": rule.source.document, "section": rule.source.section}
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                               "info": "note"}[rule.severity]


def test_a_waived_finding_is_a_sarif_suppression(cli, tmp_path):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("- rule: mandate-decided\n  focus: [sr-ortopedi, uh-ortopedi-2024]\n"
                       "  reason: Beslut väntas i juni.\n  decided_by: Ledningsgruppen\n  expires: 2026-12-31\n",
                       encoding="utf-8")
    _, log = sarif_of(cli, "--waivers", waivers)
    [waived] = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    [suppression] = waived["suppressions"]
    assert waived["ruleId"] == "mandate-decided" and suppression["status"] == "accepted"
    assert suppression["justification"] == "Beslut väntas i juni. (decided by Ledningsgruppen; expires 2026-12-31)"
    assert suppression["location"]["physicalLocation"]["region"]["startLine"] == 1
    assert suppression["location"]["physicalLocation"]["artifactLocation"]["uri"] == waivers.as_uri()


@pytest.mark.parametrize("model", MODELS)
def test_junit_has_one_case_per_rule_and_council(cli, model, tmp_path):
    result = cli("check", "--data", model, "--as-of", TODAY, "--format", "junit")
    report = cli("check", "--data", model, "--as-of", TODAY, "--format", "json").json()
    assert result.exit_code == 1
    path = tmp_path / "junit.xml"
    path.write_text(result.stdout, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    councils = sorted(c["id"] for c in cli("list", "councils", "--data", model, "--format", "json").json())
    assert [s.name for s in suites][:-1] == councils and suites[-1].name == "region"
    failed = set()
    for suite in suites:
        cases = list(suite)
        assert sorted(c.name for c in cases) == sorted(rule.id for rule in RULES)
        failed |= {(suite.name, c.name) for c in cases if any(isinstance(r, Failure) for r in c.result)}
    errors = {(f["council"] or "region", f["rule"]) for f in report["findings"] if f["severity"] == "error"}
    assert failed == errors and xml.failures == len(errors)


def test_github_annotations_are_located_workflow_commands(cli):
    result = cli("check", "--as-of", TODAY, "--format", "github")
    report = cli("check", "--as-of", TODAY, "--format", "json").json()
    assert result.exit_code == 1
    *commands, summary = result.stdout.splitlines()
    assert len(commands) == len(report["findings"]) and summary.startswith("orgraph check, as of 2026-11-23:")
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(commands, report["findings"], strict=True):
        match = re.fullmatch(r"::(\w+) file=([^,]+),line=(\d+),title=([^:]+)::(.+)", line)
        assert match, line
        assert match[1] == levels[finding["severity"]] and match[4].startswith(finding["rule"] + "%3A ")
        assert_declares(declared_line(match[2], int(match[3])), finding["focus"] + [finding["council"] or ""])
        assert "\n" not in match[5] and finding["message"].split("%")[0][:30] in match[5]
