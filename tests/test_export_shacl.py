"""The SHACL shapes (``orgraph/export/shapes.ttl``), run by pySHACL on the ORG export, find what ``orgraph check`` does.

Compared by rule × variant × first focus node × severity, for every rule the shapes cover, on the fictional
model (the issue's case), the seed, a synthetic region with deliberate violations, and the fictional model
with violations of the rules the others never break planted in an extra file.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from orgraph.export.rdf import org_graph
from orgraph.export.shacl import covered_rules, shacl_findings
from orgraph.model.loader import load
from orgraph.rules import check

TODAY = dt.date(2026, 11, 23)

PLANTED = """\
nodes:
  - {id: sr-ortopedi-ordforande-2, kind: Post, role: chair, name: "Andra ordförande, samordningsråd ortopedi"}
  - {id: sr-tom, kind: Council, name: Samordningsråd utan allt}
  - {id: sr-prov, kind: Council, name: Samordningsråd prov, meetings_min: 4, meetings_max: 6}
  - {id: sr-prov-ordforande, kind: Post, role: chair, name: "Ordförande, samordningsråd prov"}
  - {id: sr-prov-kontaktperson, kind: Post, role: contact-person, name: "Kontaktperson, samordningsråd prov"}
  - {id: sr-prov-processteam, kind: ProcessTeam, name: Processteam utan rapportering}
  - {id: uh-prov, kind: Document, name: Uppdragshandling prov, date: 2026-01-01, decided: 2027-03-01}
  - {id: ny-person, kind: Person, name: Ny Person, fictional: true}
relations:
  - {from: sr-ortopedi-ordforande-2, type: POST_OF, to: sr-ortopedi}
  - {from: sr-prov-ordforande, type: POST_OF, to: sr-prov}
  - {from: sr-prov-kontaktperson, type: POST_OF, to: sr-prov}
  - {from: sr-prov, type: HAS_MANDATE, to: uh-prov}
  - {from: sr-prov, type: LEADS, to: sr-prov-processteam}
holdings:
  - {person: ny-person, post: sr-prov-ordforande, from: 2026-01-01}
  - {person: ny-person, post: sr-prov-kontaktperson, from: 2026-01-01}
"""


def _compare(model, day):
    rules = covered_rules()
    expected = {(f.rule, f.variant, f.focus[0], f.severity) for f in check(model, day).findings if f.rule in rules}
    return shacl_findings(org_graph(model, day)), expected


def test_shacl_agrees_with_check_on_the_fictional_model(fictional_model):
    found, expected = _compare(fictional_model, TODAY)
    assert expected, "the fictional model has findings of covered rules"
    assert found == expected


def test_shacl_agrees_with_check_on_the_seed(seed_model):
    found, expected = _compare(seed_model, TODAY)
    assert found == expected


def test_shacl_agrees_with_check_on_a_synthetic_region_with_violations(cli, tmp_path):
    target = tmp_path / "synth"
    result = cli("synth", "--regions", 1, "--councils-per-region", 5, "--violation-rate", 1.0, "-o", target)
    assert result.exit_code == 0
    model = load(target)
    found, expected = _compare(model, dt.date(2025, 1, 1))
    assert {(f[0], f[1]) for f in expected} >= {("meeting-frequency", "outside"), ("mandate-decided", "undecided"),
                                                ("chair-contact-different-administrations", "same")}
    assert found == expected


def test_shacl_agrees_with_check_on_planted_violations(fictional_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(fictional_dir, data)
    (data / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    found, expected = _compare(load(data), TODAY)
    variants = {(f[0], f[1]) for f in expected}
    assert variants >= {("council-one-chair", "several"), ("council-one-chair", "none"),
                        ("council-one-contact-person", "none"),
                        ("chair-appointed-by-leadership-group", "not-appointed"),
                        ("chair-contact-different-people", "same-person"),
                        ("contact-person-in-leadership-group", "not-member"),
                        ("chair-contact-different-administrations", "unknown-administration"),
                        ("meeting-frequency", "unknown"), ("mandate-decided", "no-mandate"),
                        ("mandate-decided", "later"), ("process-team-reports-to-council", "unreported")}
    assert found == expected


def test_the_shapes_cover_the_rules_the_issue_names():
    assert {"council-one-chair", "contact-person-in-leadership-group",
            "chair-contact-different-administrations"} <= covered_rules()


@pytest.mark.parametrize("rule", sorted(covered_rules()))
def test_every_shape_names_a_rule_of_check(rule):
    from orgraph.rules import rule_ids

    assert rule in rule_ids()
