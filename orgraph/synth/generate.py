"""Synthetic regions: a deterministic generator of large, valid models with known rule violations.

``generate(SynthSpec(...), directory)`` writes a model in the same YAML format
as ``seed/`` (one file per region, one per council, plus the topics and the
national bodies), for benchmarks and tests at scale: up to ~100,000 people
(21 regions, ~25 councils each, and the line organisation's staff).  The same
spec always gives byte-identical files.  Every person is invented.

Each region mirrors the seeded one: directors with their delegation, the
leadership group (one body under both its names), PPR, clinical leadership, the
group-wide and region-wide groups, administrations with heads, councils with
chair, contact person, coordinator, participants per administration, adjuncts,
process teams and subgroups, holders over time (some changes of holder),
employment, escalation routes for every topic and who may decide each topic,
and mandates with their sources.  A share of the councils (``violation_rate``)
carries exactly one deliberate rule violation; ``synth-manifest.json`` lists
each one, so a checker can be held to exactly those findings.

>>> import tempfile, pathlib
>>> from orgraph.model.loader import load
>>> out = pathlib.Path(tempfile.mkdtemp()) / "model"
>>> manifest = generate(SynthSpec(regions=1, councils_per_region=2, seed=1, violation_rate=0.5), out)
>>> manifest["violations"][0]["council"]
'r01-sr-bild-och-funktionsmedicin'
>>> len(load(out).nodes) == manifest["counts"]["nodes"]
True
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from orgraph.synth.council import write_council
from orgraph.synth.region import national_file, topics_file, write_region
from orgraph.synth.spec import AREAS, MANIFEST, REFERENCE_DAY, STAFF_PER_UNIT, VIOLATIONS, SynthSpec
from orgraph.synth.writing import People, YamlFile, header
from orgraph.vocabulary import Kind

__all__ = ["MANIFEST", "REFERENCE_DAY", "VIOLATIONS", "SynthSpec", "OutputExists", "build", "generate",
           "spec_for_nodes", "summary", "expected_findings"]

def _council_areas(count: int) -> list[tuple[str, str]]:
    areas = []
    for index in range(count):
        slug, name = AREAS[index % len(AREAS)]
        round_ = index // len(AREAS)
        areas.append((slug, name) if round_ == 0 else (f"{slug}-{round_ + 1}", f"{name} {round_ + 1}"))
    return areas


def _violations(spec: SynthSpec, rng: random.Random, councils: list[str]) -> dict[str, str]:
    """Exactly ``round(rate × councils)`` councils, each with one kind, the kinds spread evenly."""
    chosen = sorted(rng.sample(councils, round(spec.violation_rate * len(councils))))
    kinds = list(VIOLATIONS)
    rng.shuffle(kinds)
    order = list(chosen)
    rng.shuffle(order)
    return {council: kinds[index % len(kinds)] for index, council in enumerate(order)}


def build(spec: SynthSpec) -> tuple[dict[str, str], dict[str, Any]]:
    """The files (relative path -> text) and the manifest for ``spec``, in memory.

    >>> files, manifest = build(SynthSpec(regions=2, councils_per_region=3, staff_per_administration=5))
    >>> sorted(files)[:3]
    ['councils/r01-sr-bild-och-funktionsmedicin.yaml', 'councils/r01-sr-kardiologi.yaml', 'councils/r01-sr-ortopedi.yaml']
    >>> manifest["counts"]["councils"], manifest["counts"]["files"]
    (6, 10)
    """
    rng = random.Random(spec.seed)
    regions = [f"r{index:02d}" for index in range(1, spec.regions + 1)]
    areas = _council_areas(spec.councils_per_region)
    all_councils = [f"{region}-sr-{slug}" for region in regions for slug, _ in areas]
    broken = _violations(spec, rng, all_councils)
    files: list[YamlFile] = [topics_file(spec), national_file(spec)]
    violations: list[dict[str, Any]] = []
    for region in regions:
        region_file = YamlFile(f"regions/{region}.yaml", header(spec, f"region {region}: directors, bodies, "
                                                             "administrations and their staff"))
        people = People(region, random.Random(f"{spec.seed}-{region}-people"))
        context = write_region(spec, region, region_file, people, random.Random(f"{spec.seed}-{region}"), len(areas))
        files.append(region_file)
        for index, (slug, area) in enumerate(areas):
            council = f"{region}-sr-{slug}"
            out = YamlFile(f"councils/{council}.yaml", header(spec, f"the coordination council {council}"))
            found = write_council(region, council, area, index, out, people, context,
                             random.Random(f"{spec.seed}-{council}"), broken.get(council))
            if found:
                violations.append(found)
            files.append(out)
    texts = {f.path: f.text() for f in files}
    kinds: Counter[str] = Counter()
    for f in files:
        kinds.update(f.kinds)
    relations = sum(len(f.relations) + len(f.holdings) for f in files)
    manifest = {
        "generator": "orgraph synth",
        "spec": asdict(spec),
        "reference_day": REFERENCE_DAY.isoformat(),
        "counts": {
            "files": len(files), "nodes": sum(kinds.values()), "relations": relations,
            "people": kinds[Kind.PERSON], "posts": kinds[Kind.POST], "councils": len(all_councils),
            "regions": len(regions), "by_kind": dict(sorted(kinds.items())),
        },
        "violation_rate": spec.violation_rate,
        "expected": {kind: sum(1 for v in violations if v["kind"] == kind) for kind in VIOLATIONS},
        "expected_findings": dict(sorted(Counter(f"{found['rule']}/{found['variant']}" for v in violations
                                                 for found in v["findings"]).items())),
        "violations": sorted(violations, key=lambda v: v["council"]),
        "violation_kinds": {kind: {"domain_rule": rule, "what": what, "findings": [
            {"rule": rule_id, "variant": variant, "severity": severity} for rule_id, variant, severity in found]}
            for kind, (rule, what, found) in VIOLATIONS.items()},
    }
    return texts, manifest


class OutputExists(Exception):
    """The output directory exists and is not empty: synth never writes over data."""


def generate(spec: SynthSpec, directory: str | Path) -> dict[str, Any]:
    """Write the model for ``spec`` into ``directory`` (new or empty), atomically; return the manifest.

    The files are written into a temporary directory beside ``directory`` and
    renamed into place at the end, so an interrupted run leaves nothing behind.
    """
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputExists(f"the output directory exists and is not empty: {target}")
    texts, manifest = build(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.synth-", dir=target.parent))
    try:
        for relative, text in texts.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                        encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def spec_for_nodes(nodes: int, *, seed: int = 0, violation_rate: float = 0.1) -> SynthSpec:
    """A spec whose model has about ``nodes`` nodes: more regions and councils first, then line staff.

    >>> spec = spec_for_nodes(10_000)
    >>> abs(build(spec)[1]["counts"]["nodes"] - 10_000) < 600
    True
    """
    regions = max(1, min(21, round(nodes / 4_500)))
    councils = max(1, min(25, round(nodes / regions / 40)))
    base = build(SynthSpec(regions, councils, seed, violation_rate))[1]["counts"]["nodes"]
    one = build(SynthSpec(regions, councils, seed, violation_rate, STAFF_PER_UNIT))[1]["counts"]["nodes"]
    per_staff = (one - base) / STAFF_PER_UNIT  # nodes a unit of staff adds per administration
    staff = max(0, round((nodes - base) / per_staff)) if nodes > base else 0
    return SynthSpec(regions, councils, seed, violation_rate, staff)


def summary(manifest: dict[str, Any]) -> str:
    """One line about a generated model.

    >>> summary({"counts": {"files": 3, "nodes": 10, "relations": 20, "people": 4, "councils": 1}, "violations": []})
    '3 files, 10 nodes, 20 relations, 4 people, 1 council(s), 0 deliberate violation(s)'
    """
    counts = manifest["counts"]
    return (f"{counts['files']} files, {counts['nodes']} nodes, {counts['relations']} relations, "
            f"{counts['people']} people, {counts['councils']} council(s), "
            f"{len(manifest['violations'])} deliberate violation(s)")


def expected_findings(manifest: dict[str, Any], kinds: Iterable[str] | None = None) -> Counter[str]:
    """How many violations of each kind the manifest promises (all kinds, or just ``kinds``)."""
    wanted = set(kinds) if kinds is not None else None
    return Counter(v["kind"] for v in manifest["violations"] if wanted is None or v["kind"] in wanted)
