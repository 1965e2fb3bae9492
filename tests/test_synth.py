"""``orgraph synth``: deterministic, valid, as large as asked, with exactly the violations its manifest lists."""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgraph.model.loader import load
from orgraph.synth import MANIFEST, REFERENCE_DAY, VIOLATIONS, SynthSpec, build, generate, spec_for_nodes

SMALL = SynthSpec(regions=2, councils_per_region=6, seed=7, violation_rate=0.5, staff_per_administration=30)


def tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("synth") / "model"
    return out, generate(SMALL, out)


def test_same_arguments_give_byte_identical_files_even_in_another_process(small, tmp_path):
    out, _ = small
    again = tmp_path / "again"
    generate(SMALL, again)
    assert tree(again) == tree(out)
    # Another interpreter with another hash seed: no output may depend on set or dict order of strings.
    cli = tmp_path / "cli"
    done = subprocess.run([sys.executable, "-m", "orgraph", "synth", "--regions", "2", "--councils-per-region", "6",
                           "--seed", "7", "--violation-rate", "0.5", "--staff-per-administration", "30", "-o",
                           str(cli)], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "123"})
    assert done.returncode == 0, done.stderr
    assert tree(cli) == tree(out)


def test_another_seed_gives_another_model():
    first, _ = build(SMALL)
    other, _ = build(SynthSpec(**{**SMALL.__dict__, "seed": 8}))
    assert first.keys() == other.keys() and first != other


def test_output_loads_with_no_problems_and_matches_the_manifest_counts(small):
    out, manifest = small
    model = load(out)  # raises ModelError listing every problem, if there is any
    counts = manifest["counts"]
    assert len(model.nodes) == counts["nodes"]
    assert len(model.relations) == counts["relations"]
    assert collections.Counter(n.kind for n in model.nodes.values()) == counts["by_kind"]
    assert counts["councils"] == 12 and counts["regions"] == 2
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.yaml"))
    assert len(files) == counts["files"] == 2 + 2 + 12  # topics, national, one per region, one per council
    assert "regions/r02.yaml" in files and "councils/r02-sr-ortopedi.yaml" in files


def test_ids_are_unique_across_regions_by_their_region_prefix(small):
    out, _ = small
    model = load(out)
    regional = [node_id for node_id in model.nodes if node_id.startswith(("r01-", "r02-"))]
    shared = sorted(set(model.nodes) - set(regional))
    assert shared == ["cross-area-process", "new-drug-or-method", "npo", "organisation-and-working-conditions",
                      "outside-mandate", "r01", "r02", "region-wide-decision", "regional-routine", "support-process"]
    assert "r01-sr-ortopedi" in model.nodes and "r02-sr-ortopedi" in model.nodes


def test_size_grows_as_asked():
    def counts(**spec) -> dict:
        return build(SynthSpec(**{"regions": 1, "councils_per_region": 2, **spec}))[1]["counts"]

    base = counts()
    assert counts(regions=3)["nodes"] > 2.5 * base["nodes"]
    assert counts(councils_per_region=8)["councils"] == 8
    assert counts(councils_per_region=8)["nodes"] > counts(councils_per_region=4)["nodes"] > base["nodes"]
    staffed = counts(staff_per_administration=100)
    assert staffed["people"] - base["people"] == 100 * 10  # 10 administrations in a region
    assert staffed["posts"] - base["posts"] == 4 * 10  # one unit post per 25 staff
    for nodes in (1_000, 10_000):
        got = build(spec_for_nodes(nodes))[1]["counts"]["nodes"]
        assert abs(got - nodes) < 0.05 * nodes, got


def test_holders_change_over_time_and_every_post_is_held_on_the_reference_day(small):
    out, manifest = small
    model = load(out)
    holds = [r for r in model.relations if r.type == "HOLDS"]
    ended = [r for r in holds if r.valid_to is not None]
    assert ended and all(r.valid_to < REFERENCE_DAY for r in ended)
    held_now = {r.target_id for r in holds if r.valid_from <= REFERENCE_DAY and r.valid_to is None}
    vacant = {n.id for n in model.nodes.values() if n.kind == "Post"} - held_now
    assert vacant == {v["nodes"][0] for v in manifest["violations"] if v["kind"] == "chair-vacant"}
    employed = {r.source_id for r in model.relations if r.type == "EMPLOYED_BY"}
    assert employed == {n.id for n in model.nodes.values() if n.kind == "Person"}


@pytest.mark.parametrize("rate", [0.0, 0.1, 0.25, 1.0])
def test_violation_rate_matches_the_manifest(rate):
    spec = SynthSpec(regions=3, councils_per_region=10, seed=1, violation_rate=rate)
    manifest = build(spec)[1]
    violations = manifest["violations"]
    assert len(violations) == round(rate * 30)
    assert len({v["council"] for v in violations}) == len(violations)  # at most one per council
    by_kind = collections.Counter(v["kind"] for v in violations)
    assert manifest["expected"] == {kind: by_kind.get(kind, 0) for kind in VIOLATIONS}
    if violations:
        assert max(manifest["expected"].values()) - min(manifest["expected"].values()) <= 1  # spread evenly


def _found(report, exclude=frozenset()) -> collections.Counter:
    return collections.Counter((f.rule, f.variant, f.council) for f in report.findings if f.rule not in exclude)


def _expected(manifest: dict, exclude=frozenset()) -> collections.Counter:
    return collections.Counter((f["rule"], f["variant"], v["council"]) for v in manifest["violations"]
                               for f in v["findings"] if f["rule"] not in exclude)


def test_check_finds_exactly_the_manifested_violations_in_every_rule(small):
    from orgraph.rules import BY_ID, check

    out, manifest = small
    assert {f["rule"] for kind in manifest["violation_kinds"].values() for f in kind["findings"]} <= set(BY_ID)
    assert len(manifest["violations"]) == 6 and set(manifest["expected"].values()) == {1}
    model = load(out)
    assert _found(check(model, REFERENCE_DAY)) == _expected(manifest)
    # ... and on a later day, the same (nothing in the model expires).
    assert _found(check(model, dt.date(2026, 6, 1))) == _expected(manifest)


def test_every_region_is_judged_by_its_own_director_office_and_leadership_group(tmp_path):
    from orgraph.rules import check

    spec = SynthSpec(regions=3, councils_per_region=6, seed=3, violation_rate=1.0)
    manifest = generate(spec, tmp_path / "model")
    assert {v["council"].split("-")[0] for v in manifest["violations"]} == {"r01", "r02", "r03"}
    assert _found(check(load(tmp_path / "model"), REFERENCE_DAY)) == _expected(manifest)


def test_coordinators_work_in_their_group_head_office_except_where_manifested(small):
    # The same, read from the data directly rather than through the rules.
    out, manifest = small
    model = load(out)
    employer = {r.source_id: r.target_id for r in model.relations if r.type == "EMPLOYED_BY"}
    held_by = {r.target_id: r.source_id for r in model.relations if r.type == "HOLDS"}
    elsewhere = {post for post, person in held_by.items() if post.endswith("-koordinator")
                 and employer[person] != post.split("-")[0] + "-kk"}
    assert elsewhere == {v["nodes"][0] for v in manifest["violations"]
                         if v["kind"] == "coordinator-not-from-group-head-office"}
    assert len(elsewhere) == 1


def test_manifest_lists_each_violation_with_its_nodes_and_rule(small):
    out, manifest = small
    on_disk = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(manifest))
    model = load(out)
    for violation in manifest["violations"]:
        assert violation["council"] in model.nodes and all(n in model.nodes for n in violation["nodes"])
        assert violation["domain_rule"] == VIOLATIONS[violation["kind"]][0]


def test_cli_refuses_a_non_empty_directory_and_leaves_it_alone(cli, tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    result = cli("synth", "--regions", "1", "--councils-per-region", "2", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"orgraph: error: the output directory exists and is not empty: {target}; " \
                                    "choose a new directory"
    assert tree(target) == {"mine.txt": b"keep me"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no staging directory left behind


def test_cli_writes_into_a_new_or_empty_directory_and_nothing_else(cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("synth", "--regions", "1", "--councils-per-region", "2", "--seed", "3", "-o", empty)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("wrote 5 files, ") and str(empty) in result.stdout
    assert (empty / MANIFEST).is_file() and (empty / "councils" / "r01-sr-ortopedi.yaml").is_file()
    fresh = tmp_path / "deeper" / "fresh"
    assert cli("synth", "--regions", "1", "--councils-per-region", "2", "--seed", "3", "-o", fresh).exit_code == 0
    assert tree(fresh) == tree(empty)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deeper", "empty"]
    assert sorted(p.name for p in (tmp_path / "deeper").iterdir()) == ["fresh"]


@pytest.mark.parametrize("args, complaint", [
    (["--regions", "0", "--councils-per-region", "2"], "'--regions': 0 is not in the range"),
    (["--regions", "1", "--councils-per-region", "2", "--violation-rate", "1.5"], "'--violation-rate': 1.5"),
    (["--regions", "1"], "Missing option '--councils-per-region'"),
])
def test_cli_bad_options_exit_2_naming_the_value(cli, tmp_path, args, complaint):
    result = cli("synth", *args, "-o", tmp_path / "out")
    assert result.exit_code == 2 and complaint in result.stderr
    assert not (tmp_path / "out").exists()
