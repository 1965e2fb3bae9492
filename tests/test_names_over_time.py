"""Names over time: a body bears the name valid on ``--as-of`` in ``show``, ``escalate`` and ``list``.

The seed's leadership group is "Koncernledning hälso- och sjukvård" in the 2024 text and "Ledningsgrupp
hälso- och sjukvård" in the 2026 text (dated 2026-06-16).  The texts give no date for the change; the seed
dates the old name to the day before the 2026 text, marked inferred.  Both ends of a period are inclusive.
The same names on Neo4j and FalkorDB are proven by ``test_cypher_parity`` (it compares every node on
2025-01-01 and on today).  The picture is tested in a browser in ``test_render_browser``.
"""

from __future__ import annotations

import re

import pytest

from orgraph.model.loader import load

OLD, NEW = "Koncernledning hälso- och sjukvård", "Ledningsgrupp hälso- och sjukvård"


@pytest.mark.parametrize(("day", "name", "other"), [("2024-05-21", OLD, NEW), ("2026-06-15", OLD, NEW),
                                                      ("2026-06-16", NEW, OLD), ("2026-12-01", NEW, OLD)])
def test_show_uses_the_name_of_the_day(cli, day, name, other):
    shown = cli("show", "lg-hs", "--as-of", day, "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    node = shown.json()["node"]
    assert (node["name"], node["aka"]) == (name, [other])
    assert node["names"] == [{"name": OLD, "valid_to": "2026-06-15"}, {"name": NEW, "valid_from": "2026-06-16"}]
    assert "aka_from" not in node and "aka_to" not in node  # the stored form stays inside
    text = cli("show", "lg-hs", "--as-of", day).stdout
    assert text.startswith(f"{name}  (LeadershipGroup, id lg-hs)")
    assert f"names: {OLD} ( … 2026-06-15); {NEW} (2026-06-16 … )" in text


def test_the_2024_council_escalates_to_the_body_by_its_name_of_the_day(cli):
    def decider(day: str) -> dict:
        found = cli("escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--as-of", day, "--format", "json")
        assert found.exit_code == 0, found.stderr
        return found.json()["routes"][0]["decider"]

    before, after = decider("2025-01-01"), decider("2026-12-01")
    assert (before["id"], before["name"]) == ("lg-hs", OLD)
    assert (after["id"], after["name"]) == ("lg-hs", NEW)
    assert before["source"]["document"] == after["source"]["document"] == "uh-ortopedi-2024"  # its own text
    assert "koncernledning" in before["source"]["quote"] or "koncernledning" in before["reason"]


def test_list_names_the_body_by_its_name_of_the_day(cli):
    rows = {row["id"]: row for row in cli("list", "bodies", "--as-of", "2025-01-01", "--format", "json").json()}
    assert rows["lg-hs"]["name"] == OLD and rows["lg-hs"]["aka"] == [NEW]


def test_one_leadership_group_still_sees_one_body_under_both_names(cli):
    found = cli("check", "--as-of", "2025-01-01", "--format", "json").json()
    assert not [f for f in found["findings"] if f["rule"] == "one-leadership-group"]


def _rename(data_copy, replacement: str) -> None:
    region = data_copy / "region.yaml"
    text = region.read_text(encoding="utf-8")
    marked = "        valid_to: 2026-06-15\n"
    assert marked in text
    region.write_text(text.replace(marked, replacement), encoding="utf-8")


@pytest.mark.parametrize(("replacement", "message"), [
    ("        valid_from: 2026-06-15\n        valid_to: 2026-01-01\n", "the end date is before the start date"),
    ("        valid_to: 2026-06-15\n      - name: Koncernledningen\n        valid_from: 2026-06-01\n",
     "lg-hs bears one name at a time"),
])
def test_bad_name_periods_are_refused_with_file_and_line(cli, data_copy, replacement, message):
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    _rename(data_copy, replacement)
    found = cli("--no-cache", "show", "lg-hs", "--data", data_copy)
    assert found.exit_code == 2 and message in found.stderr
    assert re.search(r"region\.yaml:\d+", found.stderr) and "Traceback" not in found.stderr
    assert {p for p in data_copy.rglob("*") if p.is_file()} == set(before)


def test_a_name_period_written_as_a_number_is_refused(cli, data_copy):
    _rename(data_copy, "        valid_to: 20260615\n")
    found = cli("--no-cache", "show", "lg-hs", "--data", data_copy)
    assert found.exit_code == 2 and "a date must be written YYYY-MM-DD" in found.stderr


def test_undated_other_names_leave_the_node_as_it_was(seed_dir, tmp_path, data_copy):
    _rename(data_copy, "")
    node = load(data_copy).compiled.nodes["lg-hs"]
    assert node["name"] == NEW and node["aka"] == [OLD] and "aka_from" not in node
    assert "lg-hs" not in load(data_copy).compiled.dated()
    assert "lg-hs" in load(seed_dir).compiled.dated()


def test_diff_between_dates_reports_the_rename(cli):
    found = cli("diff", "--from-date", "2026-06-01", "--to-date", "2026-07-01")
    assert found.exit_code == 1
    assert "nytt namn: LeadershipGroup Ledningsgrupp hälso- och sjukvård (lg-hs)" in found.stdout
    assert f"name: {OLD} → {NEW}" in found.stdout
    assert "lg-hs" not in cli("diff", "--from-date", "2026-06-16", "--to-date", "2026-07-01").stdout


def test_the_rules_name_the_body_by_its_name_of_the_day(seed_model):
    import datetime as dt

    from orgraph.rules.context import Context

    assert Context.of(seed_model, dt.date(2025, 1, 1)).node("lg-hs")["name"] == OLD
    assert Context.of(seed_model, dt.date(2026, 12, 1)).node("lg-hs")["name"] == NEW
    assert Context.of(seed_model.graph(), dt.date(2025, 1, 1)).node("lg-hs")["name"] == OLD
