"""The planners' commands on the real command line and the library: diff, impact, matrix, summary.

Everything runs on the shipped models (the fictional one carries a change of chair on 2025-07-01 and
the deliberate findings of examples/fictional/README.md), on copies of them, and on a real git
repository made for the test.  tests/test_planning_parity.py shows the same JSON from FalkorDB.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from orgraph.backends.memory import MemoryBackend

TODAY = "2026-11-23"


def _changes(found: dict) -> list[tuple[str, str, dict]]:
    """Every change of a diff's JSON as (section, council id, change)."""
    return [(section, (group["council"] or {}).get("id"), change)
            for group in found["councils"] for section in ("posts", "nodes", "relations")
            for change in group[section]]


# --- diff between dates --------------------------------------------------------------------------


def test_diff_dates_shows_the_orthopaedics_chair_changing_holder(cli):
    result = cli("diff", "--data", "fictional", "--from-date", "2025-06-30", "--to-date", "2025-07-02",
                 "--format", "json")
    assert result.exit_code == 1, result.stderr
    found = result.json()
    assert found["kind"] == "dates" and found["changes"] == 1
    [(section, council, change)] = _changes(found)
    assert (section, council) == ("posts", "sr-ortopedi")
    assert change["post"]["id"] == "sr-ortopedi-ordforande" and change["change"] == "changed"
    assert [p["id"] for p in change["before"]] == ["lars-goran-kylberg"]
    assert [p["id"] for p in change["after"]] == ["ingrid-malmvik"]
    text = cli("diff", "--data", "fictional", "--from-date", "2025-06-30", "--to-date", "2025-07-02")
    assert text.exit_code == 1
    assert "Samordningsråd ortopedi (sr-ortopedi)" in text.stdout
    assert "Lars-Göran Kylberg → Ingrid Malmvik" in text.stdout


def test_diff_dates_with_nothing_between_them_exits_0(cli):
    result = cli("diff", "--data", "fictional", "--from-date", "2025-07-01", "--to-date", "2025-07-02",
                 "--format", "json")
    assert result.exit_code == 0 and result.json()["changes"] == 0


def test_diff_dates_names_posts_filled_and_bodies_that_began(fictional_model):
    from orgraph.planning.diff import diff_dates

    found = diff_dates(MemoryBackend(fictional_model, dt.date(2024, 8, 31)),
                       MemoryBackend(fictional_model, dt.date(2024, 9, 1)))
    imaging = next(g for g in found.councils if g.council and g.council.id == "sr-bild-och-funktionsmedicin")
    filled = {p.post.id for p in imaging.posts if p.change == "filled"}
    assert "sr-bild-och-funktionsmedicin-ordforande" in filled
    assert all(not p.before and p.after for p in imaging.posts if p.change == "filled")
    backwards = diff_dates(MemoryBackend(fictional_model, dt.date(2024, 9, 1)),
                           MemoryBackend(fictional_model, dt.date(2024, 8, 31)))
    assert backwards.changes == found.changes
    assert {p.change for g in backwards.councils for p in g.posts if p.post.id in filled} == {"vacated"}


# --- diff between versions -----------------------------------------------------------------------


def _edit(directory: Path) -> None:
    """Remove one relation and edit one reason in a copy of the seed."""
    path = directory / "councils" / "ortopedi.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    removed = [line for line in lines if "type: NOMINATES_TO, to: npo" in line]
    assert len(removed) == 1
    lines.remove(removed[0])
    text = "".join(lines)
    assert text.count("Rådet leder de regionala processteamen inom kunskapsstyrningen.") == 1
    path.write_text(text.replace("Rådet leder de regionala processteamen inom kunskapsstyrningen.",
                                 "Rådet leder processteamen."), encoding="utf-8")


def _assert_the_two_edits(found: dict) -> None:
    assert found["kind"] == "versions" and found["changes"] == 2
    changes = _changes(found)
    assert [(s, c, x["change"], x["source"]["id"], x["type"], x["target"]["id"]) for s, c, x in changes] == [
        ("relations", "sr-ortopedi", "changed", "sr-ortopedi", "LEADS", "sr-ortopedi-processteam"),
        ("relations", "sr-ortopedi", "removed", "sr-ortopedi", "NOMINATES_TO", "npo"),
    ]
    assert changes[0][2]["changed"] == {"reason": {
        "old": "Rådet leder de regionala processteamen inom kunskapsstyrningen.",
        "new": "Rådet leder processteamen."}}
    assert changes[0][2]["citation"] is None


def test_diff_against_a_directory_lists_exactly_the_two_edits(cli, data_copy, seed_dir):
    _edit(data_copy)
    result = cli("diff", "--data", data_copy, "--against", seed_dir, "--format", "json")
    assert result.exit_code == 1, result.stderr
    _assert_the_two_edits(result.json())
    text = cli("diff", "--data", data_copy, "--against", seed_dir).stdout
    assert "borttagen: Samordningsråd ortopedi —NOMINATES_TO→ Nationella programområden" in text
    assert "reason: Rådet leder de regionala processteamen inom kunskapsstyrningen. → Rådet leder processteamen." \
        in text


def test_diff_against_an_identical_copy_exits_0(cli, data_copy, seed_dir):
    result = cli("diff", "--data", data_copy, "--against", seed_dir, "--format", "json")
    assert result.exit_code == 0 and result.json()["changes"] == 0


def test_diff_against_names_a_changed_citation(cli, data_copy, seed_dir):
    path = data_copy / "councils" / "ortopedi.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "type: NOMINATES_TO, to: npo" in x)
    path.write_text(text.replace(line, line.replace("uh-ortopedi-2024-uppdragsbeskrivning-13",
                                                    "uh-ortopedi-2024-arbetsorganisation-12")), encoding="utf-8")
    found = cli("diff", "--data", data_copy, "--against", seed_dir, "--format", "json").json()
    [(_, _, change)] = _changes(found)
    assert change["change"] == "changed" and change["changed"] == {}
    assert change["citation"] == {"old": {"document": "uh-ortopedi-2024", "section": "Uppdragsbeskrivning",
                                          "clauses": ["uh-ortopedi-2024-uppdragsbeskrivning-13"]},
                                  "new": {"document": "uh-ortopedi-2024", "section": "Arbetsorganisation",
                                          "clauses": ["uh-ortopedi-2024-arbetsorganisation-12"]}}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, seed_dir) -> Path:
    """A git repository holding the seed under model/, committed once, on branch main."""
    repo = tmp_path / "repo"
    shutil.copytree(seed_dir, repo / "model")
    _git(repo.parent, "init", "-q", "-b", "main", str(repo))
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "seed")
    return repo


def test_diff_against_a_git_ref_reads_the_ref_and_leaves_the_work_tree_alone(cli, repo):
    _edit(repo / "model")
    status = _git(repo, "status", "--porcelain")
    edited = (repo / "model" / "councils" / "ortopedi.yaml").read_text(encoding="utf-8")
    result = cli("diff", "--data", repo / "model", "--against", "main", "--format", "json")
    assert result.exit_code == 1, result.stderr
    found = result.json()
    _assert_the_two_edits(found)
    assert found["before"] == "main:model"
    assert _git(repo, "status", "--porcelain") == status
    assert (repo / "model" / "councils" / "ortopedi.yaml").read_text(encoding="utf-8") == edited
    assert cli("diff", "--data", repo / "model", "--against", "HEAD").exit_code == 1
    _git(repo, "commit", "-q", "-am", "edit")
    assert cli("diff", "--data", repo / "model", "--against", "HEAD").exit_code == 0
    assert cli("diff", "--data", repo / "model", "--against", "HEAD~1", "--format", "json").json()["changes"] == 2


def test_diff_against_a_broken_ref_names_the_file_at_the_ref(cli, repo):
    path = repo / "model" / "councils" / "ortopedi.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("to: npo,", "to: no-such-node,"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "break")
    path.write_text(good, encoding="utf-8")
    result = cli("diff", "--data", repo / "model", "--against", "HEAD")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert re.search(r"HEAD:model/councils/ortopedi\.yaml:\d+: .*no-such-node", result.stderr), result.stderr


@pytest.mark.parametrize("args, message", [
    (["--against", "no-such-ref"], "neither a directory nor a commit"),
    (["--against", "main", "--from-date", "2025-01-01"], "not both"),
    ([], "give --from-date"),
    (["--from-date", "2025-01-01", "--as-of", "2025-01-01"], "not --as-of"),
    (["--from-date", "2025-13-01"], "2025-13-01"),
])
def test_diff_bad_input_exits_2_with_a_message(cli, repo, args, message):
    result = cli("diff", "--data", repo / "model", *args)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_diff_against_outside_git_is_bad_input(cli, data_copy):
    result = cli("diff", "--data", data_copy, "--against", "main")
    assert result.exit_code == 2 and "not in a git repository" in result.stderr


# --- impact --------------------------------------------------------------------------------------


def test_impact_of_the_orthopaedics_chair_holder(cli):
    result = cli("impact", "ingrid-malmvik", "--data", "fictional", "--as-of", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = result.json()
    assert [(p["post"]["id"], p["vacant"]) for p in found["posts"]] == [("sr-ortopedi-ordforande", True)]
    routes = {(r["council"]["id"], r["topic"], r["route"]): r for r in found["routes"]}
    first = routes[("sr-ortopedi", "region-wide-decision", 1)]
    assert first["path"][0] == "sr-ortopedi-ordforande"
    assert [(loss["post"]["id"], loss["hop"], loss["decider"]) for loss in first["losses"]] == [
        ("sr-ortopedi-ordforande", 1, False)]
    routine = routes[("sr-ortopedi", "regional-routine", 1)]
    assert [(loss["hop"], loss["decider"]) for loss in routine["losses"]] == [(None, True)]
    assert all(r["council"]["id"] == "sr-ortopedi" for r in found["routes"])
    assert sorted((f["rule"], f["severity"], tuple(f["focus"])) for f in found["new_findings"]) == [
        ("chair-contact-different-administrations", "info", ("sr-ortopedi-ordforande",)),
        ("vacant-post", "warning", ("sr-ortopedi-ordforande",))]
    assert [f["rule"] for f in found["resolved_findings"]] == ["chair-contact-different-administrations"]
    assert found["bridges"] == []
    text = cli("impact", "ingrid-malmvik", "--data", "fictional", "--as-of", TODAY).stdout
    assert "Ordförande, samordningsråd ortopedi (steg 1) förlorar Ingrid Malmvik" in text
    assert "blir vakant" in text and "(vacant-post)" in text


def test_impact_changes_a_copy_never_the_model(fictional_model):
    from orgraph.planning.impact import impact

    backend = MemoryBackend(fictional_model, dt.date(2026, 11, 23))
    edges = fictional_model.graph().number_of_edges()
    impact(backend, ["ingrid-malmvik", "sr-ortopedi-kontaktperson"])
    assert [n.node["id"] for n in backend.neighbours("sr-ortopedi-ordforande") if n.type == "HOLDS"] == \
        ["ingrid-malmvik"]
    assert fictional_model.graph().number_of_edges() == edges


def test_impact_of_several_and_a_post_with_other_holders(cli):
    found = cli("impact", "bengt-hovander", "--vacate", "sr-ortopedi-kontaktperson", "--data", "fictional",
                "--as-of", TODAY, "--format", "json").json()
    posts = {p["post"]["id"]: p for p in found["posts"]}
    assert posts["sr-ortopedi-adjungerade"]["vacant"] is False
    assert [h["id"] for h in posts["sr-ortopedi-adjungerade"]["staying"]] == ["anna-karin-strom", "petra-lindgard"]
    assert posts["sr-ortopedi-kontaktperson"]["vacant"] is True
    assert [x["id"] for x in posts["sr-ortopedi-kontaktperson"]["leaving"]] == ["stefan-hallengren"]
    rules = {f["rule"] for f in found["new_findings"]}
    assert "contact-person-in-leadership-group" in rules
    assert not any("sr-ortopedi-adjungerade" in f["focus"] for f in found["new_findings"])


def test_impact_finds_the_only_link_between_bodies(cli):
    # Habilitering & Hälsa sits in no council but through Viktor Hedlöf (generic participant post, employed there)
    found = cli("impact", "viktor-hedlof", "--data", "fictional", "--as-of", TODAY, "--format", "json").json()
    [bridge] = found["bridges"]
    groups = [[b["id"] for b in group] for group in bridge["separates"]]
    assert ["hoh"] in groups and any("sr-ortopedi" in g for g in groups) and len(groups) == 2
    assert cli("impact", "niklas-berglof", "--data", "fictional", "--as-of", TODAY,
               "--format", "json").json()["bridges"] == []


@pytest.mark.parametrize("node", ["nobody", "sr-ortopedi"])
def test_impact_of_something_not_a_person_or_post_is_bad_input(cli, node):
    result = cli("impact", node, "--data", "fictional", "--as-of", TODAY)
    assert result.exit_code == 2 and "unknown person or post" in result.stderr and "Traceback" not in result.stderr


# --- matrix --------------------------------------------------------------------------------------


def test_matrix_has_every_administration_by_council_cell(cli, fictional_model):
    found = cli("matrix", "--data", "fictional", "--as-of", TODAY, "--format", "json").json()["representation"]
    administrations = sorted(n for n, x in fictional_model.nodes.items() if x.kind == "Administration")
    councils = sorted(n for n, x in fictional_model.nodes.items() if x.kind == "Council")
    assert [(c["administration"], c["council"]) for c in found["cells"]] == \
        [(a, c) for a in administrations for c in councils]
    cells = {(c["administration"], c["council"]): c for c in found["cells"]}
    assert cells[("ftv", "sr-ortopedi")]["posts"] == 0 and cells[("ftv", "sr-ortopedi")]["holders"] == []
    assert [h["id"] for h in cells[("su", "sr-ortopedi")]["holders"]] == ["niklas-berglof"]
    # the generic participant post counts under its holder's administration
    assert cells[("hoh", "sr-ortopedi")]["post_ids"] == ["sr-ortopedi-deltagare"]
    text = cli("matrix", "--data", "fictional", "--as-of", TODAY).stdout
    assert "Folktandvården" in text and "1 (Niklas Berglöf)" in text


def test_matrix_csv_parses_as_a_table(cli):
    found = cli("matrix", "--data", "fictional", "--as-of", TODAY, "--format", "json").json()["representation"]
    result = cli("matrix", "--data", "fictional", "--as-of", TODAY, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["administration_id"] for r in rows] == [a["id"] for a in found["administrations"]]
    for cell in found["cells"]:
        row = next(r for r in rows if r["administration_id"] == cell["administration"])
        assert int(row[cell["council"]]) == cell["posts"]
        assert row[f"{cell['council']} holders"] == "; ".join(h["name"] for h in cell["holders"])
    people = list(csv.DictReader(io.StringIO(cli("matrix", "--data", "fictional", "--as-of", TODAY, "--format",
                                                 "csv", "--table", "people").stdout)))
    assert [(r["person_id"], r["posts"]) for r in people] == [("mikael-hedenstrom", "2"), ("stefan-hallengren", "2")]
    assert people[1]["sr-ortopedi"] == "Kontaktperson, samordningsråd ortopedi"


def test_matrix_min_posts(cli, fictional_model):
    day = dt.date.fromisoformat(TODAY)
    held = Counter(r.source_id for r in fictional_model.relations if r.type == "HOLDS"
                   and r.valid_from <= day and (r.valid_to is None or day <= r.valid_to))
    assert max(held.values()) == 2
    for n in (1, 2, 3):
        found = cli("matrix", "--data", "fictional", "--as-of", TODAY, "--min-posts", n, "--format", "json").json()
        assert {(r["person"]["id"], r["posts"]) for r in found["overload"]["people"]} == \
            {(p, c) for p, c in held.items() if c >= n}, n
    assert cli("matrix", "--min-posts", "0").exit_code == 2


# --- summary -------------------------------------------------------------------------------------


def test_summary_of_the_fictional_region(cli):
    result = cli("summary", "--data", "fictional", "--as-of", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    page = result.json()
    check = cli("check", "--data", "fictional", "--as-of", TODAY, "--format", "json").json()
    assert page["totals"] == check["summary"]
    ortho = next(c for c in page["councils"] if c["council"]["id"] == "sr-ortopedi")
    assert [(s["holder"]["id"], s["administration"]["id"]) for s in ortho["chairs"]] == [("ingrid-malmvik", "su")]
    assert [(s["holder"]["id"], s["administration"]["id"]) for s in ortho["contacts"]] == [("stefan-hallengren", "su")]
    assert [(m["document"]["id"], m["undecided"], m["old"]) for m in ortho["mandates"]] == \
        [("uh-ortopedi-2024", True, False)]
    assert ortho["counts"]["error"] == sum(1 for f in check["findings"]
                                           if f["council"] == "sr-ortopedi" and f["severity"] == "error")
    assert ortho["vacancies"] == []
    text = cli("summary", "--data", "fictional", "--as-of", TODAY).stdout
    assert "Ordförande: Ingrid Malmvik, Sahlgrenska Universitetssjukhuset" in text and "ej beslutad" in text


def test_summary_of_the_seed_names_vacancies_and_old_mandates(cli):
    page = cli("summary", "--as-of", "2030-01-01", "--format", "json").json()
    ortho = next(c for c in page["councils"] if c["council"]["id"] == "sr-ortopedi")
    assert ortho["chairs"][0]["holder"] is None
    assert "sr-ortopedi-ordforande" in [p["id"] for p in ortho["vacancies"]]
    assert ortho["mandates"][0]["old"] is True  # dated 2024-05-21: more than 3 years before 2030
