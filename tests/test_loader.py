"""The loader: valid data becomes a model; every kind of bad input is reported at once, with file and line."""

from __future__ import annotations

import resource
import time

import pytest

from orgraph.model.loader import ModelError, load


def problems_of(directory):
    with pytest.raises(ModelError) as caught:
        load(directory)
    return caught.value.problems


def test_seed_loads_with_both_councils_and_cited_facts(seed_model):
    assert seed_model.nodes["sr-ortopedi"].kind == "Council"
    assert seed_model.nodes["sr-bild-och-funktionsmedicin"].kind == "Council"
    assert seed_model.nodes["uh-ortopedi-2024"].decided is None
    assert str(seed_model.nodes["uh-bfm-2026"].decided) == "2026-06-17"
    uncited = [r for r in seed_model.relations
               if r.source is None and r.type not in ("PART_OF", "POST_OF", "REPORTS_TO")]
    assert uncited == []


def test_leadership_group_is_one_node_with_both_names(seed_model):
    groups = [n for n in seed_model.nodes.values() if n.kind == "LeadershipGroup"]
    assert len(groups) == 1
    names = {groups[0].name, *(alt.name for alt in groups[0].aka)}
    assert names == {"Ledningsgrupp hälso- och sjukvård", "Koncernledning hälso- och sjukvård"}


def test_only_people_the_documents_name(seed_model):
    people = sorted(n.name for n in seed_model.nodes.values() if n.kind == "Person")
    assert people == ["Jonas Claesson", "Karin Looström Muth", "Patrik Johansson"]


def test_yaml_syntax_error_names_file_and_line(data_copy):
    (data_copy / "broken.yaml").write_text("nodes:\n  - {id: x, kind: Region, name: [open\n", encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.file.endswith("broken.yaml") and problem.line == 3
    assert "YAML syntax error" in problem.message and "line 2" in problem.value


def test_unknown_reference_suggests_the_known_id(data_copy):
    (data_copy / "extra.yaml").write_text(
        "relations:\n  - {from: lg-hs, type: APPOINTS, to: sr-ortopedi-ordforand}\n", encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert (problem.line, problem.value) == (2, "sr-ortopedi-ordforand")
    assert "did you mean sr-ortopedi-ordforande" in problem.message


def test_duplicate_id_names_both_places(data_copy):
    (data_copy / "zz-extra.yaml").write_text("nodes:\n  - {id: lg-hs, kind: Region, name: Dubblett}\n",
                                             encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.value == "lg-hs" and problem.line == 2 and problem.file.endswith("zz-extra.yaml")
    assert "region.yaml:41" in problem.message


def test_bad_date_is_refused(data_copy):
    (data_copy / "extra.yaml").write_text(
        "holdings:\n  - {person: jonas-claesson, post: regiondirektor, from: 2026-02-30}\n", encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.line == 2 and problem.value == "'2026-02-30'"
    assert "holdings.0.from" in problem.message


def test_overlapping_holders_of_a_single_holder_post(data_copy):
    (data_copy / "extra.yaml").write_text(
        "holdings:\n  - {person: jonas-claesson, post: hsu-direktor, from: 2025-01-01, to: 2025-12-31}\n",
        encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.value == "hsu-direktor" and "overlap" in problem.message and problem.line == 2


def test_file_that_is_not_utf8(data_copy):
    (data_copy / "latin1.yaml").write_bytes("nodes:\n  - {id: x, kind: Region, name: Sk\xf6vde}\n"
                                            .encode("latin-1"))
    [problem] = problems_of(data_copy)
    assert problem.line == 2 and "not UTF-8" in problem.message


def test_billion_laughs_is_refused_without_eating_memory(data_copy):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (data_copy / "bomb.yaml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    [problem] = problems_of(data_copy)
    assert "aliases" in problem.message and problem.line == 1
    # 10**9 expanded strings would need tens of GB; refusing costs next to nothing.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert time.monotonic() - started < 30


def test_every_error_is_reported_at_once(data_copy):
    (data_copy / "a.yaml").write_text("nodes:\n  - {id: lg-hs, kind: Region, name: X}\n"
                                      "  - {id: bad-role, kind: Post, role: chiar, name: X}\n", encoding="utf-8")
    (data_copy / "b.yaml").write_text("relations:\n  - {from: nobody, type: HOLDS, to: hsu-direktor}\n"
                                      "  - {from: vgr, type: NO_SUCH_TYPE, to: lg-hs}\n", encoding="utf-8")
    (data_copy / "c.yaml").write_text("nodes: [\n", encoding="utf-8")
    problems = problems_of(data_copy)
    by_file = {(p.file.rsplit("/", 1)[-1], p.line) for p in problems}
    assert {("a.yaml", 3), ("b.yaml", 3)} <= by_file
    # "nobody" might be declared in c.yaml, which did not parse: a follow-on error, not reported (issue 12)
    assert ("b.yaml", 2) not in by_file
    assert any(p.value == "lg-hs" and "duplicate id (first defined at" in p.message and "a.yaml:2" in p.message
               for p in problems)
    assert any(p.file.endswith("c.yaml") for p in problems)


def test_relationship_between_kinds_the_vocabulary_forbids(data_copy):
    (data_copy / "extra.yaml").write_text(
        "relations:\n  - {from: karin-loostrom-muth, type: APPOINTS, to: sr-ortopedi}\n", encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert "APPOINTS cannot run from a Person to a Council" in problem.message


def test_a_region_names_its_offices_by_id_and_kind(data_copy, cli):
    (data_copy / "zz-region.yaml").write_text(
        "nodes:\n  - {id: r2, kind: Region, name: Region 2, regional_director: regiondirektr,\n"
        "     group_head_office: regiondirektor}\n", encoding="utf-8")
    problems = sorted(problems_of(data_copy), key=lambda p: p.message)
    assert [(p.file.endswith("zz-region.yaml"), p.line, p.value) for p in problems] == [
        (True, 2, "regiondirektor"), (True, 2, "regiondirektr")]
    assert problems[0].message == "group_head_office must name a Administration, not a Post"
    assert problems[1].message == "regional_director: unknown node id (did you mean regiondirektor?)"
    result = cli("list", "councils", "--data", data_copy)
    assert result.exit_code == 2 and "zz-region.yaml:2" in result.stderr and "Traceback" not in result.stderr


def test_escalation_without_topic_and_unknown_keys(data_copy):
    (data_copy / "extra.yaml").write_text(
        "relations:\n  - {from: sr-ortopedi, type: ESCALATES_TO, to: ppr}\n"
        "nodes:\n  - {id: x, kind: Region, name: X, colour: red}\n", encoding="utf-8")
    messages = sorted(p.message for p in problems_of(data_copy))
    assert any("needs a topic" in m for m in messages)
    assert any("colour" in m and "Extra inputs are not permitted" in m for m in messages)


def test_no_data_directory(tmp_path):
    [problem] = problems_of(tmp_path / "missing")
    assert "no such data directory" in problem.message
