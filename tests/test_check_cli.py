"""`orgraph check` and `orgraph list rules` through the real command line: reports, exit codes, waivers."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import TODAY

from orgraph.rules import RULES, rule_ids, with_rules_table

README = Path(__file__).resolve().parent.parent / "docs" / "check.md"

# The deliberate findings of examples/fictional/README.md ("Deliberate findings"), by its ids.
F1 = ("chair-contact-different-administrations",
      ["sr-ortopedi-ordforande", "ingrid-malmvik", "sr-ortopedi-kontaktperson", "stefan-hallengren", "su"])
F2 = ("meeting-frequency", ["sr-ortopedi"])
F3 = ("mandate-decided", ["sr-ortopedi", "uh-ortopedi-2024"])

FINDING_KEYS = {"rule", "severity", "title", "message", "focus", "council", "source", "sources", "remedy"}


def findings(result):
    return [(f["rule"], f["focus"]) for f in result.json()["findings"]]


def waiver(rule, focus, expires="2026-12-31", reason="Ingen annan kandidat fanns.", decided_by="Ledningsgruppen"):
    return (f"- rule: {rule}\n  focus: [{', '.join(focus)}]\n  reason: {reason}\n  decided_by: {decided_by}\n"
            f"  expires: {expires}\n")


# --- The seeded region ---------------------------------------------------------------------------


def test_seed_text_report_reads_by_council_then_severity(cli):
    result = cli("check", "--lang", "en", "--as-of", TODAY)
    assert result.exit_code == 1
    out = result.stdout
    assert out.splitlines()[0] == "orgraph check of seed, as of 2026-11-23: 1 error, 22 warnings, 5 info, 0 waived"
    bfm = out.index("Samordningsråd bild- och funktionsmedicin (sr-bild-och-funktionsmedicin)\n")
    ortopedi = out.index("Samordningsråd ortopedi (sr-ortopedi)\n")
    region = out.index("The region as a whole\n")
    assert bfm < ortopedi < region
    section = out[ortopedi:region]
    assert section.index("Errors (1)") < section.index("Warnings (5)") < section.index("Could not be checked")
    assert ("The mandate of Samordningsråd ortopedi, Uppdragshandling för samordningsråd, samordningsråd ortopedi "
            "(RS 2024-00784), has no decision date filled in: the text leaves \"Datum för beslut\" blank "
            "(\"ifylls av beslutsfattaren vid godkännande\").") in section
    assert "never decided" not in out
    # the orthopaedics council is answered from its own (2024) text
    assert "rule mandate-decided · RS 2024-00784 (2024-05-21) § Datum för beslut" in section
    assert "(2026-06-16)" not in section
    assert "Ordförande, samordningsråd ortopedi is vacant on 2026-11-23." in section
    assert ("Cannot tell whether the chair and the contact person of Samordningsråd ortopedi come from different "
            "administrations: vacant: ") in section
    assert "Regiondirektör is vacant on 2026-11-23." in out[region:]
    assert result.stderr == ""


def test_seed_json_report(cli):
    result = cli("check", "--lang", "en", "--as-of", TODAY, "--format", "json")
    assert result.exit_code == 1
    report = result.json()
    assert report["summary"] == {"error": 1, "warning": 22, "info": 5, "waived": 0}
    [error] = [f for f in report["findings"] if f["severity"] == "error"]
    assert (error["rule"], error["focus"], error["council"]) == ("mandate-decided", F3[1], "sr-ortopedi")
    infos = {(f["rule"], f["council"]) for f in report["findings"] if f["severity"] == "info"}
    assert infos == {(rule, council) for council in ("sr-ortopedi", "sr-bild-och-funktionsmedicin")
                     for rule in ("contact-person-in-leadership-group", "chair-contact-different-administrations")
                     } | {("adjunct-limit", "sr-bild-och-funktionsmedicin")}  # the 2026 text states no number
    assert len([f for f in report["findings"] if f["rule"] == "vacant-post"]) == 22


# --- The fictional example: its documented, deliberate findings -----------------------------------


def test_fictional_example_reports_exactly_its_deliberate_findings(cli):
    result = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json")
    assert result.exit_code == 1
    assert findings(result) == [F1, F2, F3]
    assert result.json()["summary"] == {"error": 3, "warning": 0, "info": 0, "waived": 0}


def test_fictional_example_before_the_change_of_chair_has_no_f1(cli):
    result = cli("check", "--lang", "en", "--data", "fictional", "--as-of", "2025-06-30", "--format", "json")
    assert result.exit_code == 1
    assert F1 not in findings(result) and F2 in findings(result) and F3 in findings(result)


def test_fictional_readme_lists_the_findings_the_command_reports(fictional_dir):
    text = (fictional_dir / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (F\d) \| (\d+)\. ", text, re.M)
    assert rows == [("F1", "3"), ("F2", "6"), ("F3", "10")]  # DOMAIN.md rules 3, 6 and 10: F1, F2, F3 above


# --- Exit codes and options ------------------------------------------------------------------------


def test_warnings_alone_exit_0_unless_failing_on_warnings(cli):
    assert cli("check", "--lang", "en", "--as-of", TODAY, "--rule", "vacant-post").exit_code == 0
    assert cli("check", "--lang", "en", "--as-of", TODAY, "--rule", "vacant-post", "--fail-on", "warning").exit_code == 1
    clean = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--rule", "vacant-post", "--fail-on", "warning")
    assert clean.exit_code == 0
    assert "No findings: every rule holds." in clean.stdout


def test_rule_option_takes_repeats_and_commas(cli):
    one = cli("check", "--lang", "en", "--as-of", TODAY, "--format", "json", "--rule", "mandate-decided,vacant-post")
    two = cli("check", "--lang", "en", "--as-of", TODAY, "--format", "json", "--rule", "mandate-decided", "--rule", "vacant-post")
    assert one.json() == two.json()
    assert {f["rule"] for f in one.json()["findings"]} == {"mandate-decided", "vacant-post"}


def test_unknown_rule_is_unusable_input_and_lists_the_valid_ids(cli):
    result = cli("check", "--rule", "mandate-decidd")
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("orgraph: error: unknown rule 'mandate-decidd'; did you mean mandate-decided")
    assert all(rule_id in line for rule_id in rule_ids())


def test_bad_model_is_unusable_input(cli, data_copy):
    (data_copy / "region.yaml").write_text("nodes: [\n", encoding="utf-8")
    result = cli("check", "--lang", "en", "--data", data_copy)
    assert result.exit_code == 2
    assert "region.yaml" in result.stderr and "YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr


def test_max_adjuncts_and_mandate_age_options(cli, tmp_path, fictional_dir):
    base = ("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json")
    assert not any(r == "adjunct-limit" for r, _ in findings(cli(*base)))
    # the 2024 text sets no limit: the orthopaedics council's three adjuncts are never counted
    assert not any(r == "adjunct-limit" for r, _ in findings(cli(*base, "--max-adjuncts", "0")))
    assert ("mandate-age", ["sr-ortopedi", "uh-ortopedi-2024"]) in findings(cli(*base, "--max-mandate-age-years", "1"))
    assert cli(*base, "--max-adjuncts", "-1").exit_code == 2
    # without the council's own (invented) limit, the 2026 council is counted against --max-adjuncts
    data = tmp_path / "data"
    shutil.copytree(fictional_dir, data)
    council = data / "councils" / "bild-och-funktionsmedicin.yaml"
    council.write_text(council.read_text(encoding="utf-8").replace("    adjunct_limit: 3\n", ""), encoding="utf-8")
    unset = cli("check", "--lang", "en", "--data", data, "--as-of", TODAY, "--format", "json", "--rule", "adjunct-limit").json()
    [info] = unset["findings"]
    assert (info["severity"], info["focus"]) == ("info", ["sr-bild-och-funktionsmedicin"])
    assert "limits them" in info["message"] and "no number is set" in info["message"]
    limited = cli("check", "--lang", "en", "--data", data, "--as-of", TODAY, "--format", "json", "--rule", "adjunct-limit",
                  "--max-adjuncts", "1").json()
    [over] = limited["findings"]
    assert over["focus"] == ["sr-bild-och-funktionsmedicin", "daniel-westerlind", "gunnel-hammarlund"]
    assert over["severity"] == "warning" and "--max-adjuncts" in over["message"] and "is 1." in over["message"]
    assert [s["document"] for s in over["sources"]] == ["uh-bfm-2026"]
    assert "begränsat antal" in over["sources"][0]["quote"]


# --- Waivers -----------------------------------------------------------------------------------------


def test_a_waiver_accepts_a_finding_visibly(cli, tmp_path):
    path = tmp_path / "waivers.yaml"
    path.write_text(waiver(F1[0], list(reversed(F1[1]))), encoding="utf-8")  # focus in any order
    result = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json", "--waivers", path)
    assert result.exit_code == 1  # F2 and F3 remain
    report = result.json()
    assert report["summary"] == {"error": 2, "warning": 0, "info": 0, "waived": 1}
    [waived] = [f for f in report["findings"] if "waived_by" in f]
    assert (waived["rule"], waived["focus"]) == F1
    assert waived["waived_by"] == {"decided_by": "Ledningsgruppen", "reason": "Ingen annan kandidat fanns.",
                                   "expires": "2026-12-31", "file": str(path), "line": 1}
    text = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--waivers", path).stdout
    assert "Waived (accepted exceptions) (1)" in text
    assert "waived until 2026-12-31 by Ledningsgruppen: Ingen annan kandidat fanns." in text


def test_waiving_every_error_exits_0(cli, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("".join(waiver(rule, focus) for rule, focus in (F1, F2, F3)), encoding="utf-8")
    result = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--waivers", path)
    assert result.exit_code == 0
    assert "0 errors, 0 warnings, 0 info, 3 waived" in result.stdout.splitlines()[0]


def test_an_expired_waiver_is_an_error_and_waives_nothing(cli, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(waiver(F1[0], F1[1], expires="2026-11-22"), encoding="utf-8")
    result = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json", "--waivers", path)
    assert result.exit_code == 1
    report = result.json()
    assert report["summary"] == {"error": 4, "warning": 0, "info": 0, "waived": 0}
    [expired] = [f for f in report["findings"] if f["rule"] == "waiver-expired"]
    assert expired["severity"] == "error" and expired["focus"] == F1[1] and expired["council"] == "sr-ortopedi"
    assert "expired on 2026-11-22" in expired["message"] and f"{path}:1" in expired["message"]
    on_expiry = cli("check", "--lang", "en", "--data", "fictional", "--as-of", "2026-11-22", "--format", "json", "--waivers", path)
    assert on_expiry.json()["summary"]["waived"] == 1  # a waiver holds on its expiry date


def test_a_waiver_that_matches_nothing_is_reported(cli, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(waiver(F1[0], F1[1][:4]), encoding="utf-8")  # not the exact focus
    report = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json", "--waivers", path).json()
    assert report["summary"] == {"error": 3, "warning": 0, "info": 1, "waived": 0}
    assert [f["rule"] for f in report["findings"] if f["severity"] == "info"] == ["waiver-unused"]


def test_waivers_yaml_in_the_data_directory_is_read_by_check_and_ignored_by_the_loader(cli, tmp_path, fictional_dir):
    data = tmp_path / "data"
    shutil.copytree(fictional_dir, data)
    (data / "waivers.yaml").write_text(waiver(F2[0], F2[1]), encoding="utf-8")
    report = cli("check", "--lang", "en", "--data", data, "--as-of", TODAY, "--format", "json").json()
    assert report["summary"]["waived"] == 1
    assert cli("list", "councils", "--data", data).exit_code == 0


@pytest.mark.parametrize("text, line, message", [
    ("- rule: chair-contact-different-administrations\n  focus: [a]\n  reason: r\n  decided_by: d\n"
     "  expires: 2026-13-01\n", 5, "expires"),
    ("- rule: chair-contact-diferent-administrations\n  focus: [a]\n  reason: r\n  decided_by: d\n"
     "  expires: 2026-12-01\n", 1, "did you mean chair-contact-different-administrations"),
    ("- rule: vacant-post\n  focus: [a]\n  reason: r\n  expires: 2026-12-01\n", 1, "decided_by"),
    ("- rule: vacant-post\n  focus: [a]\n  reason: r\n  decided_by: d\n  expires: 2026-12-01\n  until: x\n",
     6, "until"),
    ("rule: vacant-post\n", 1, "a waiver file must be a list"),
    ("- rule: vacant-post\n  focus: [a\n", 3, "YAML syntax error"),
    (waiver("vacant-post", ["a"]) + waiver("vacant-post", ["a"]), 6, "the same waiver twice"),
])
def test_a_malformed_waiver_file_is_unusable_input_naming_file_and_line(cli, tmp_path, text, line, message):
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("check", "--waivers", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"orgraph: error: {path}:{line}: " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_waiver_file_is_unusable_input(cli, tmp_path):
    result = cli("check", "--waivers", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"orgraph: error: no such waivers file: {tmp_path / 'nope.yaml'}"


# --- The documented JSON schema, the rule list and the README --------------------------------------


def check_section() -> str:
    return README.read_text(encoding="utf-8")


def shape(value):
    """The keys of a JSON value, recursively (lists by their first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if value is not None else None


def test_json_report_has_the_schema_the_readme_documents(cli, tmp_path):
    [example] = re.findall(r"```json\n(.*?)```", check_section(), re.S)
    documented = json.loads(example)
    path = tmp_path / "waivers.yaml"
    path.write_text(waiver(F1[0], F1[1]), encoding="utf-8")
    report = cli("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json", "--waivers", path).json()
    waived = [f for f in report["findings"] if "waived_by" in f]
    assert shape({**report, "findings": waived}) == shape(documented)
    assert set(report) == {"as_of", "data", "summary", "findings"}
    for finding in report["findings"]:
        assert set(finding) - {"waived_by"} == FINDING_KEYS
        assert set(finding["source"]) == {"document", "section"}
        assert finding["sources"] and all({"document", "section", "quote"} <= set(s) for s in finding["sources"])
        assert finding["source"] == {k: finding["sources"][0][k] for k in ("document", "section")}
        assert finding["severity"] in ("error", "warning", "info")
    documented_keys = set(re.findall(r"^\| `([a-z_\[\]]+)`", check_section(), re.M))
    documented_keys |= {k.strip("` ") for row in re.findall(r"^\| (`\w+`(?:, `\w+`)+) \|", check_section(), re.M)
                        for k in row.split(",")}
    assert FINDING_KEYS | {"waived_by", "as_of", "data", "summary"} <= documented_keys


def test_summary_counts_the_findings(cli):
    report = cli("check", "--lang", "en", "--as-of", TODAY, "--format", "json").json()
    counted = {"error": 0, "warning": 0, "info": 0, "waived": 0}
    for finding in report["findings"]:
        counted["waived" if "waived_by" in finding else finding["severity"]] += 1
    assert counted == report["summary"]


def test_readme_rule_table_is_generated_from_the_declarations():
    text = README.read_text(encoding="utf-8")
    assert with_rules_table(text) == text, "regenerate it: python -m orgraph.rules docs/check.md"


def test_readme_states_the_defaults_the_command_uses(cli):
    from orgraph.rules import DEFAULT_MAX_MANDATE_AGE_YEARS

    help_text = " ".join(cli("check", "--help").stdout.split())
    adjuncts = re.search(r"--max-adjuncts N (.*?) --max-mandate-age-years", help_text)
    assert adjuncts and "default" not in adjuncts.group(1).replace("no default", "")  # no text states a number
    assert re.search(rf"--max-mandate-age-years N .*?\[default: {DEFAULT_MAX_MANDATE_AGE_YEARS}\b", help_text)
    assert "| `--max-adjuncts N` |" in check_section() and "no default" in check_section()
    assert f"(default **{DEFAULT_MAX_MANDATE_AGE_YEARS}**)" in check_section()


def test_list_rules_prints_every_rule_with_its_source(cli):
    text = cli("list", "rules")
    assert text.exit_code == 0
    for rule in RULES:
        line = next(line for line in text.stdout.splitlines() if line.startswith(rule.id + " "))
        assert rule.severity in line and f"{rule.source.document} § {rule.source.section}" in line
    rows = cli("list", "rules", "--format", "json").json()
    assert [row["id"] for row in rows] == rule_ids()
    chair = rows[0]
    assert chair["document"] == "uh-bfm-2026" and chair["section"] == "Arbetsorganisation"
    assert chair["cypher"] == "rule-council-one-chair.cypher"


def test_expired_waivers_are_reported_when_their_rule_runs_or_when_asked_for(cli, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(waiver(F2[0], F2[1], expires="2026-01-31"), encoding="utf-8")
    base = ("check", "--lang", "en", "--data", "fictional", "--as-of", TODAY, "--format", "json", "--waivers", path)
    assert [r for r, _ in findings(cli(*base, "--rule", "meeting-frequency"))] == ["meeting-frequency",
                                                                                   "waiver-expired"]
    assert [r for r, _ in findings(cli(*base, "--rule", "waiver-expired"))] == ["waiver-expired"]
    assert findings(cli(*base, "--rule", "mandate-decided")) == [F3]
