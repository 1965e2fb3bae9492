"""The first commands: list, show, path and schema, on the seed and on the fictional example."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import TODAY


def test_list_councils_json_has_ids_swedish_names_and_mandates(cli):
    result = cli("list", "councils", "--format", "json", "--as-of", TODAY)
    assert result.exit_code == 0
    councils = {c["id"]: c for c in result.json()}
    assert councils["sr-ortopedi"]["name"] == "Samordningsråd ortopedi"
    assert councils["sr-bild-och-funktionsmedicin"]["name"] == "Samordningsråd bild- och funktionsmedicin"
    assert councils["sr-ortopedi"]["mandates"] == [{
        "id": "uh-ortopedi-2024", "name": "Uppdragshandling för samordningsråd, samordningsråd ortopedi",
        "number": "RS 2024-00784", "date": "2024-05-21", "decided": None}]
    assert councils["sr-bild-och-funktionsmedicin"]["mandates"][0]["decided"] == "2026-06-17"


def test_list_text_is_a_readable_table(cli):
    result = cli("list", "bodies")
    assert result.exit_code == 0
    assert "Ledningsgrupp hälso- och sjukvård" in result.stdout
    assert result.stdout.splitlines()[1].startswith("---")


def test_show_leadership_group_is_one_node_with_both_names_and_relations(cli):
    shown = cli("show", "lg-hs", "--format", "json").json()
    assert shown["node"]["name"] == "Ledningsgrupp hälso- och sjukvård"
    assert shown["node"]["aka"] == ["Koncernledning hälso- och sjukvård"]
    appointed = {n["id"] for n in shown["relations"]["APPOINTS →"]}
    assert appointed == {"sr-ortopedi-ordforande", "sr-bild-och-funktionsmedicin-ordforande"}
    text = cli("show", "lg-hs").stdout
    assert "Koncernledning hälso- och sjukvård" in text and "REFERENCE_GROUP_FOR ←" in text


def test_show_vacant_post(cli):
    shown = cli("show", "sr-ortopedi-ordforande", "--format", "json").json()
    assert shown["vacant"] is True and shown["holders"] == []
    assert "  innehavare: vakant" in cli("show", "sr-ortopedi-ordforande").stdout.splitlines()
    assert "  holders: vacant" in cli("show", "sr-ortopedi-ordforande", "--lang", "en").stdout.splitlines()


def test_show_speaks_swedish_on_the_seed_and_english_with_lang_en(cli):
    """The labels follow the seed's declared Swedish, English with --lang en; keys, ids and JSON stay."""
    clause = cli("show", "uh-ortopedi-2024-beslutsfattande-5").stdout.splitlines()
    assert "citeras av" in clause and "cited by" in cli("show", "uh-ortopedi-2024-beslutsfattande-5",
                                                        "--lang", "en").stdout.splitlines()
    sv = cli("show", "sr-ortopedi-kontaktperson", "--sources").stdout.splitlines()
    en = cli("show", "sr-ortopedi-kontaktperson", "--sources", "--lang", "en").stdout.splitlines()
    assert "källor" in sv and "sources" in en and "sources" not in sv
    assert any(line.startswith("    för: ") for line in sv) and any(line.startswith("    for: ") for line in en)
    assert len(sv) == len(en) and sv[0] == en[0]  # the name, kind and id are the data's
    json_of = ("show", "sr-ortopedi-ordforande", "--format", "json")
    assert cli(*json_of).json() == cli(*json_of, "--lang", "en").json()


def test_path_from_regional_director_to_orthopaedics_chair_cites_every_hop(cli):
    result = cli("path", "regiondirektor", "sr-ortopedi-ordforande", "--format", "json",
                 "--via", "DELEGATES_TO,COMMISSIONS,REFERENCE_GROUP_FOR,APPOINTS", "--all")
    assert result.exit_code == 0
    paths = result.json()
    chains = [[(hop["from"], hop["type"], hop["to"]) for hop in path] for path in paths]
    assert [("regiondirektor", "DELEGATES_TO", "hsu-direktor"),
            ("hsu-direktor", "COMMISSIONS", "sr-ortopedi"),
            ("sr-ortopedi", "REFERENCE_GROUP_FOR", "lg-hs"),
            ("lg-hs", "APPOINTS", "sr-ortopedi-ordforande")] in chains
    assert all(hop["properties"]["source_document"] in ("uh-bfm-2026", "uh-ortopedi-2024")
               for path in paths for hop in path)
    text = cli("path", "regiondirektor", "sr-ortopedi-ordforande").stdout
    assert "Regiondirektör —DELEGATES_TO→ Hälso- och sjukvårdsutvecklingsdirektör" in text
    assert "[RS 2024-00784 (2026-06-16) § Uppdragshandling]" in text


def test_path_max_hops_and_no_path_exit_1(cli):
    assert cli("path", "regiondirektor", "sr-ortopedi-ordforande", "--max-hops", "2").exit_code == 1
    assert cli("path", "regiondirektor", "sr-ortopedi-ordforande", "--max-hops", "3").exit_code == 0
    result = cli("path", "karin-loostrom-muth", "sr-ortopedi", "--via", "APPOINTS")
    assert result.exit_code == 1 and "no path" in result.stdout


def test_as_of_changes_the_holder(cli):
    """In the fictional example the orthopaedics chair changes on 2025-07-01."""
    before = cli("show", "sr-ortopedi-ordforande", "--data", "fictional", "--as-of", "2025-06-30",
                 "--format", "json").json()
    after = cli("show", "sr-ortopedi-ordforande", "--data", "fictional", "--as-of", "2025-07-01",
                "--format", "json").json()
    assert [h["id"] for h in before["holders"]] == ["lars-goran-kylberg"]
    assert [h["id"] for h in after["holders"]] == ["ingrid-malmvik"]
    early = cli("show", "hs-direktor", "--as-of", "2026-01-01", "--format", "json").json()
    assert early["vacant"] is True  # Jonas Claesson is named from 2026-06-16
    assert cli("show", "hs-direktor", "--as-of", "2026-07-01", "--format", "json").json()["vacant"] is False


def test_unknown_ids_get_did_you_mean_and_exit_2(cli):
    result = cli("show", "sr-ortoped")
    assert result.exit_code == 2 and "did you mean sr-ortopedi" in result.stderr
    result = cli("path", "regiondirektor", "lg-hs", "--via", "APOINTS")
    assert result.exit_code == 2 and "did you mean APPOINTS" in result.stderr
    assert cli("list", "--as-of", "23/11/2026").exit_code == 2


def test_broken_data_exits_2_with_every_error_and_no_traceback(cli, data_copy):
    (data_copy / "extra.yaml").write_text(
        "relations:\n  - {from: lg-hs, type: APPOINTS, to: nosuch}\n  - {from: nobody, type: APPOINTS, to: lg-hs}\n",
        encoding="utf-8")
    result = cli("list", "--data", data_copy)
    assert result.exit_code == 2
    assert "extra.yaml:2: APPOINTS: unknown node id: nosuch" in result.stderr
    assert "extra.yaml:3" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_schema_command_prints_json_schema(cli):
    schema = json.loads(cli("schema").stdout)
    assert schema["title"] == "orgraph data file"


def test_the_installed_console_script_runs(tmp_path):
    """The real executable, as a user runs it (not click's in-process runner)."""
    script = os.path.join(os.path.dirname(sys.executable), "orgraph")
    done = subprocess.run([script, "list", "councils", "--format", "json"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert {c["id"] for c in json.loads(done.stdout)} == {"sr-ortopedi", "sr-bild-och-funktionsmedicin"}
    bad = subprocess.run([script, "show", "nosuch-node-id"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1
