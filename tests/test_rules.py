"""The integrity rules: each fires on a small, deliberately broken copy of a shipped model and stays quiet
on a sound one; and each rule's Cypher finds exactly what the Python rule finds, on FalkorDB."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import TODAY

from orgraph import i18n
from orgraph.model.loader import load
from orgraph.resources import data_dir
from orgraph.rules import BY_ID, RULES, Options, check, rule_ids
from orgraph.rules.context import Context

SHIPPED = {"seed": data_dir("seed"), "fictional": data_dir("examples") / "fictional"}


@dataclass(frozen=True)
class Case:
    """A model (a shipped one, edited), a date and options, and what one rule must find there (exactly)."""

    rule: str
    name: str
    expect: tuple[tuple[str, tuple[str, ...], str | None], ...]  # (variant, focus, council)
    base: str = "fictional"
    replace: tuple[tuple[str, str], ...] = ()  # (text, replacement); the text must occur exactly once
    add: str = ""  # YAML of one more data file
    day: dt.date = TODAY
    options: Options = field(default_factory=Options)

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"


def make_data(case: Case, target: Path) -> Path:
    """A copy of the case's base model with its edits applied (the shipped model itself when there are none)."""
    if not case.replace and not case.add:
        return SHIPPED[case.base]
    shutil.copytree(SHIPPED[case.base], target)
    files = sorted(target.rglob("*.yaml"))
    for old, new in case.replace:
        holders = [path for path in files if old in path.read_text(encoding="utf-8")]
        total = sum(path.read_text(encoding="utf-8").count(old) for path in holders)
        assert total == 1, f"{case.id}: {old!r} occurs {total} times in {case.base}"
        holders[0].write_text(holders[0].read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if case.add:
        (target / "zz-test-extra.yaml").write_text(case.add, encoding="utf-8")
    return target


C_ORT, C_BFM = "sr-ortopedi", "sr-bild-och-funktionsmedicin"
DIRECTOR_CHAIN = "{from: regiondirektor, type: DELEGATES_TO, to: hsu-direktor,"
AMANDA_AT_KK = "{from: amanda-sjoqvist, type: EMPLOYED_BY, to: kk, valid_from: 2019-08-19}"
NAMED_OFFICES = "regional_director: regiondirektor, group_head_office: kk,"  # the region's two offices
ORT_IN_VGR = "{from: sr-ortopedi, type: PART_OF, to: vgr,"

CASES = [
    # council-one-chair
    Case("council-one-chair", "quiet", ()),
    Case("council-one-chair", "none and several", (
        ("none", (C_BFM,), C_BFM),
        ("several", (C_ORT, "sr-ortopedi-ordforande", "sr-ortopedi-ordforande-vice"), C_ORT)),
        replace=(("{from: sr-bild-och-funktionsmedicin-ordforande, type: POST_OF, to: sr-bild-och-funktionsmedicin,",
                  "{from: sr-bild-och-funktionsmedicin-ordforande, type: POST_OF, to: sr-bild-och-funktionsmedicin, "
                  "valid_to: 2025-12-31,"),),
        add="nodes:\n  - {id: sr-ortopedi-ordforande-vice, kind: Post, role: chair, name: Vice ordförande}\n"
            "relations:\n  - {from: sr-ortopedi-ordforande-vice, type: POST_OF, to: sr-ortopedi}\n"),
    Case("council-one-chair", "ended post is not counted before its end", (), day=dt.date(2025, 12, 31),
         replace=(("{from: sr-bild-och-funktionsmedicin-ordforande, type: POST_OF, to: sr-bild-och-funktionsmedicin,",
                   "{from: sr-bild-och-funktionsmedicin-ordforande, type: POST_OF, to: sr-bild-och-funktionsmedicin, "
                   "valid_to: 2025-12-31,"),)),
    # chair-appointed-by-leadership-group
    Case("chair-appointed-by-leadership-group", "quiet", ()),
    Case("chair-appointed-by-leadership-group", "appointment missing", (
        ("not-appointed", ("sr-ortopedi-ordforande",), C_ORT),),
        replace=(("{from: lg-hs, type: APPOINTS, to: sr-ortopedi-ordforande,",
                  "{from: hsu-direktor, type: APPOINTS, to: sr-ortopedi-ordforande,"),)),
    # council-one-contact-person
    Case("council-one-contact-person", "quiet", ()),
    Case("council-one-contact-person", "two, and none", (
        ("several", (C_BFM, "sr-bild-och-funktionsmedicin-kontaktperson", "sr-bild-och-funktionsmedicin-kp2"), C_BFM),
        ("none", (C_ORT,), C_ORT)),
        replace=(("{from: sr-ortopedi-kontaktperson, type: POST_OF, to: sr-ortopedi,",
                  "{from: sr-ortopedi-kontaktperson, type: POST_OF, to: sr-ortopedi, valid_to: 2026-01-01,"),),
        add="nodes:\n"
            "  - {id: sr-bild-och-funktionsmedicin-kp2, kind: Post, role: contact-person, name: Kontaktperson 2}\n"
            "relations:\n"
            "  - {from: sr-bild-och-funktionsmedicin-kp2, type: POST_OF, to: sr-bild-och-funktionsmedicin}\n"),
    # contact-person-in-leadership-group
    Case("contact-person-in-leadership-group", "quiet", ()),
    Case("contact-person-in-leadership-group", "left the leadership group", (
        ("not-member", ("sr-ortopedi-kontaktperson", "stefan-hallengren"), C_ORT),),
        replace=(("{person: stefan-hallengren, post: lg-hs-ledamot-stefan-hallengren, from: 2022-09-01}",
                  "{person: stefan-hallengren, post: lg-hs-ledamot-stefan-hallengren, from: 2022-09-01, "
                  "to: 2026-01-31}"),)),
    Case("contact-person-in-leadership-group", "vacant: cannot tell", (
        ("vacant", ("sr-bild-och-funktionsmedicin-kontaktperson",), C_BFM),
        ("vacant", ("sr-ortopedi-kontaktperson",), C_ORT)), base="seed"),
    # chair-contact-different-administrations
    Case("chair-contact-different-administrations", "quiet before the change of chair", (),
         day=dt.date(2025, 6, 30)),
    Case("chair-contact-different-administrations", "F1: same administration", (
        ("same", ("sr-ortopedi-ordforande", "ingrid-malmvik", "sr-ortopedi-kontaktperson", "stefan-hallengren", "su"),
         C_ORT),)),
    Case("chair-contact-different-administrations", "vacant: cannot tell", (
        ("vacant", ("sr-bild-och-funktionsmedicin-ordforande", "sr-bild-och-funktionsmedicin-kontaktperson"), C_BFM),
        ("vacant", ("sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson"), C_ORT)), base="seed"),
    Case("chair-contact-different-administrations", "employer unknown: cannot tell", (
        ("unknown-administration", ("sr-ortopedi-ordforande", "ingrid-malmvik"), C_ORT),),
        replace=(("{from: ingrid-malmvik, type: EMPLOYED_BY, to: su, valid_from: 2010-10-01}",
                  "{from: ingrid-malmvik, type: EMPLOYED_BY, to: su, valid_from: 2027-01-01}"),)),
    # chair-contact-different-people
    Case("chair-contact-different-people", "quiet", ()),
    Case("chair-contact-different-people", "the chair is also contact person", (
        ("same-person", ("sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson", "ingrid-malmvik"), C_ORT),),
        replace=(("{person: stefan-hallengren, post: sr-ortopedi-kontaktperson, from: 2023-01-01}",
                  "{person: stefan-hallengren, post: sr-ortopedi-kontaktperson, from: 2023-01-01, to: 2026-01-31}\n"
                  "  - {person: ingrid-malmvik, post: sr-ortopedi-kontaktperson, from: 2026-02-01}"),)),
    # participants-appointed-by-own-head
    Case("participants-appointed-by-own-head", "quiet", ()),
    Case("participants-appointed-by-own-head", "quiet on the seed (the generic head)", (), base="seed"),
    Case("participants-appointed-by-own-head", "wrong head, no head, no administration", (
        ("wrong-head", ("sr-ortopedi-deltagare-su", "su"), C_ORT),
        ("no-head", ("sr-ortopedi-deltagare-nu",), C_ORT),
        ("unevaluable", ("sr-ortopedi-deltagare-siv",), C_ORT)),
        replace=(("{from: su-forvaltningschef, type: APPOINTS, to: sr-ortopedi-deltagare-su,",
                  "{from: nu-forvaltningschef, type: APPOINTS, to: sr-ortopedi-deltagare-su,"),
                 ("{from: nu-forvaltningschef, type: APPOINTS, to: sr-ortopedi-deltagare-nu,",
                  "{from: sr-ortopedi, type: APPOINTS, to: sr-ortopedi-deltagare-nu,"),
                 ("{from: sr-ortopedi-deltagare-siv, type: REPRESENTS, to: siv,",
                  "{from: sr-ortopedi-deltagare-siv, type: REPRESENTS, to: siv, valid_to: 2024-01-01,"))),
    # adjunct-limit: only where the council's own text limits adjuncts (the 2026 text); the number is the
    # council's own adjunct_limit, else the policy setting --max-adjuncts, else none is set (and it says so)
    Case("adjunct-limit", "quiet: 2 adjuncts within the council's 3; the 2024 text sets no limit", ()),
    Case("adjunct-limit", "never on the 2024 text, even at --max-adjuncts 0", (), options=Options(max_adjuncts=0)),
    Case("adjunct-limit", "never on the 2024 text, even with a limit of the council's own", (),
         replace=(("    meetings_min: 2\n", "    meetings_min: 2\n    adjunct_limit: 1\n"),)),
    Case("adjunct-limit", "the council's own limit wins over --max-adjuncts", (
        ("over", (C_BFM, "daniel-westerlind", "gunnel-hammarlund"), C_BFM),),
        replace=(("    adjunct_limit: 3\n", "    adjunct_limit: 1\n"),), options=Options(max_adjuncts=9)),
    Case("adjunct-limit", "--max-adjuncts where the council set none", (
        ("over", (C_BFM, "daniel-westerlind", "gunnel-hammarlund"), C_BFM),),
        replace=(("    adjunct_limit: 3\n", ""),), options=Options(max_adjuncts=1)),
    Case("adjunct-limit", "no number set: cannot count", (("no-number", (C_BFM,), C_BFM),),
         replace=(("    adjunct_limit: 3\n", ""),)),
    Case("adjunct-limit", "no number set on the seed, and none for the 2024 text", (
        ("no-number", (C_BFM,), C_BFM),), base="seed"),
    Case("adjunct-limit", "a text the rules have not read: the council's own limit", (
        ("over", (C_ORT, "anna-karin-strom", "bengt-hovander", "petra-lindgard"), C_ORT),),
        replace=(("    meetings_min: 2\n", "    meetings_min: 2\n    adjunct_limit: 2\n"),
                 ("{from: sr-ortopedi, type: HAS_MANDATE, to: uh-ortopedi-2024,",
                  "{from: sr-ortopedi, type: HAS_MANDATE, to: uh-test-2027,")),
        add="nodes:\n  - {id: uh-test-2027, kind: Document, name: Uppdragshandling (test)}\n"),
    Case("adjunct-limit", "counted on the date", (), day=dt.date(2026, 8, 31),
         replace=(("    adjunct_limit: 3\n", "    adjunct_limit: 1\n"),)),
    # meeting-frequency
    Case("meeting-frequency", "quiet on the seed", (), base="seed"),
    Case("meeting-frequency", "F2: 2 to 10, under the 2024 text", (("outside", (C_ORT,), C_ORT),)),
    Case("meeting-frequency", "the 2026 text's adaptation clause is noted", (
        ("outside", (C_ORT,), C_ORT), ("outside-adaptable", (C_BFM,), C_BFM)),
        replace=(("    meetings_max: 8\n", "    meetings_max: 12\n"),)),
    Case("meeting-frequency", "not stated: cannot tell", (
        ("outside", (C_ORT,), C_ORT), ("unknown", (C_BFM,), C_BFM)),
        replace=(("    meetings_max: 8\n", ""),)),
    # coordinator-from-group-head-office
    Case("coordinator-from-group-head-office", "quiet", ()),
    Case("coordinator-from-group-head-office", "missing, not provided, from elsewhere", (
        ("missing", (C_BFM,), C_BFM),
        ("not-provided", ("sr-ortopedi-koordinator", "kk"), C_ORT),
        ("elsewhere", ("sr-ortopedi-koordinator", "amanda-sjoqvist", "kk", "nu"), C_ORT)),
        replace=(("{from: sr-bild-och-funktionsmedicin-koordinator, type: POST_OF, to: sr-bild-och-funktionsmedicin,",
                  "{from: sr-bild-och-funktionsmedicin-koordinator, type: POST_OF, to: sr-bild-och-funktionsmedicin, "
                  "valid_from: 2027-01-01,"),
                 ("{from: kk, type: PROVIDES, to: sr-ortopedi-koordinator,",
                  "{from: kk, type: PROVIDES, to: sr-ortopedi-koordinator, valid_to: 2026-01-01,"),
                 (AMANDA_AT_KK, AMANDA_AT_KK.replace("to: kk", "to: nu")))),
    Case("coordinator-from-group-head-office", "no employer, no office: cannot tell", (
        ("no-office", ("vgr",), None),),
        replace=(("{id: kk, kind: Administration, name: Koncernkontoret,",
                  "{id: kk, kind: Administration, name: Koncernkontoret, valid_to: 2020-01-01,"),)),
    Case("coordinator-from-group-head-office", "holder works nowhere: cannot tell", (
        ("unknown", ("sr-ortopedi-koordinator", "amanda-sjoqvist", "kk"), C_ORT),),
        replace=((AMANDA_AT_KK, AMANDA_AT_KK.replace("valid_from: 2019-08-19", "valid_from: 2027-01-01")),)),
    Case("coordinator-from-group-head-office", "the region names no office; a council of no region: cannot tell", (
        ("no-office", ("vgr",), None), ("no-region", (C_ORT,), C_ORT)),
        replace=((NAMED_OFFICES, "regional_director: regiondirektor,"), (ORT_IN_VGR, ORT_IN_VGR + " valid_to: 2026-01-01,"))),
    # process-team-reports-to-council
    Case("process-team-reports-to-council", "quiet", ()),
    Case("process-team-reports-to-council", "a team reports nowhere", (
        ("unreported", ("sr-ortopedi-processteam-hoftfraktur",), C_ORT),),
        replace=(("{from: sr-ortopedi-processteam-hoftfraktur, type: REPORTS_TO, to: sr-ortopedi,",
                  "{from: sr-ortopedi-processteam-hoftfraktur, type: REPORTS_TO, to: sr-ortopedi-processteam,"),)),
    # chain-of-authority
    Case("chain-of-authority", "quiet before the delegation ends", (), day=dt.date(2025, 12, 31),
         replace=((DIRECTOR_CHAIN, DIRECTOR_CHAIN + " valid_to: 2025-12-31,"),)),
    Case("chain-of-authority", "delegation ended: broken", (
        ("broken", (C_BFM, "regiondirektor", "hsu-direktor"), C_BFM),
        ("broken", (C_ORT, "regiondirektor", "hsu-direktor"), C_ORT)),
        replace=((DIRECTOR_CHAIN, DIRECTOR_CHAIN + " valid_to: 2025-12-31,"),)),
    Case("chain-of-authority", "delegation through a non-director: broken; not commissioned", (
        ("broken", (C_BFM, "regiondirektor", "hsu-direktor"), C_BFM), ("uncommissioned", (C_ORT,), C_ORT)),
        replace=((DIRECTOR_CHAIN, "{from: regiondirektor, type: DELEGATES_TO, to: kk-forvaltningschef}\n"
                  "  - {from: kk-forvaltningschef, type: DELEGATES_TO, to: hsu-direktor,"),
                 ("{from: hsu-direktor, type: COMMISSIONS, to: sr-ortopedi,",
                  "{from: hsu-direktor, type: COMMISSIONS, to: sr-ortopedi, valid_to: 2026-01-01,"))),
    Case("chain-of-authority", "no Regional Director: cannot tell", (("no-root", ("vgr",), None),),
         replace=(("{id: regiondirektor, kind: Post, role: director,",
                   "{id: regiondirektor, kind: Post, role: director, valid_from: 2027-01-01,"),)),
    Case("chain-of-authority", "the region names none; a council of no region: cannot tell", (
        ("no-root", ("vgr",), None), ("no-region", (C_ORT,), C_ORT)),
        replace=((NAMED_OFFICES, "group_head_office: kk,"), (ORT_IN_VGR, ORT_IN_VGR + " valid_to: 2026-01-01,"))),
    # mandate-decided
    Case("mandate-decided", "quiet once decided", (),
         replace=(("    decided: null\n", "    decided: 2024-06-01\n"),)),
    Case("mandate-decided", "F3: no decision date filled in", (("undecided", (C_ORT, "uh-ortopedi-2024"), C_ORT),)),
    Case("mandate-decided", "decided after the date; no mandate", (
        ("later", (C_BFM, "uh-bfm-2026"), C_BFM), ("no-mandate", (C_ORT,), C_ORT)),
        day=dt.date(2026, 6, 16),
        replace=(("{from: sr-ortopedi, type: HAS_MANDATE, to: uh-ortopedi-2024,",
                  "{from: sr-ortopedi, type: HAS_MANDATE, to: uh-ortopedi-2024, valid_from: 2026-06-17,"),)),
    # mandate-age
    Case("mandate-age", "quiet", ()),
    Case("mandate-age", "older than 3 years in June 2027", (("old", (C_ORT, "uh-ortopedi-2024"), C_ORT),),
         day=dt.date(2027, 6, 1)),
    Case("mandate-age", "older than --max-mandate-age-years 1", (("old", (C_ORT, "uh-ortopedi-2024"), C_ORT),),
         options=Options(max_mandate_age_years=1)),
    Case("mandate-age", "undated: cannot tell", (("undated", (C_ORT, "uh-ortopedi-2024"), C_ORT),),
         replace=(("    date: 2024-05-21\n", ""),)),
    # one-leadership-group
    Case("one-leadership-group", "quiet", ()),
    Case("one-leadership-group", "split in two; a name reused", (
        ("several", ("koncernledning-hs", "lg-hs"), None), ("name-split", ("lg-hs", "koncernledningen"), None)),
        add="nodes:\n  - {id: koncernledning-hs, kind: LeadershipGroup, name: Koncernledningen för HS}\n"
            "  - {id: koncernledningen, kind: GroupWideGroup, name: KONCERNLEDNING HÄLSO- OCH SJUKVÅRD}\n"
            "relations:\n  - {from: koncernledning-hs, type: PART_OF, to: vgr}\n"),
    Case("one-leadership-group", "a second one of no region: cannot tell", (("no-region", ("koncernledning-hs",), None),),
         add="nodes:\n  - {id: koncernledning-hs, kind: LeadershipGroup, name: Koncernledningen för HS}\n"),
    Case("one-leadership-group", "none", (("none", ("vgr",), None),),
         replace=(("    name: Ledningsgrupp hälso- och sjukvård\n",
                   "    name: Ledningsgrupp hälso- och sjukvård\n    valid_to: 2020-12-31\n"),)),
    # no-reporting-cycles
    Case("no-reporting-cycles", "quiet", ()),
    Case("no-reporting-cycles", "two cycles", (
        ("cycle", ("forvaltningschef", "regiondirektor", "sr-ortopedi-deltagare"), None),
        ("cycle", ("regiondirektor", "su-forvaltningschef"), None)),
        add="relations:\n  - {from: regiondirektor, type: REPORTS_TO, to: su-forvaltningschef}\n"
            "  - {from: regiondirektor, type: REPORTS_TO, to: sr-ortopedi-deltagare}\n"),
    # vacant-post
    Case("vacant-post", "quiet: every post held", ()),
    Case("vacant-post", "before 2026-06-16 the Director of Health Care is vacant", (
        ("vacant", ("hs-direktor",), None),), day=dt.date(2025, 6, 30)),
    # holder-left-administration
    Case("holder-left-administration", "quiet", ()),
    Case("holder-left-administration", "quiet on the day employment ends", (), day=dt.date(2026, 3, 31),
         replace=((AMANDA_AT_KK, AMANDA_AT_KK.replace("}", ", valid_to: 2026-03-31}")),)),
    Case("holder-left-administration", "the coordinator left", (
        ("left", ("sr-ortopedi-koordinator", "amanda-sjoqvist", "kk"), C_ORT),),
        replace=((AMANDA_AT_KK, AMANDA_AT_KK.replace("}", ", valid_to: 2026-03-31}")
                  + "\n  - {from: amanda-sjoqvist, type: EMPLOYED_BY, to: nu, valid_from: 2018-01-01, "
                    "valid_to: 2019-08-18}"),)),
]


def hits_of(report, rule_id):
    return sorted((f.variant, f.focus, f.council) for f in report.findings if f.rule == rule_id)


@pytest.fixture(scope="module")
def case_dirs(tmp_path_factory):
    """Every case's data directory, built once (the FalkorDB tests load the same ones)."""
    root = tmp_path_factory.mktemp("cases")
    return {case.id: make_data(case, root / f"case{index}") for index, case in enumerate(CASES)}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_finds_exactly_what_it_should(case, case_dirs):
    report = check(load(case_dirs[case.id]), case.day, case.options)
    assert hits_of(report, case.rule) == sorted(case.expect)
    rule = BY_ID[case.rule]
    for finding in (f for f in report.findings if f.rule == case.rule):
        assert finding.severity == rule.severity_of(finding.variant)
        assert finding.message and "{" not in finding.message, finding.message
        assert finding.remedy == case.options.translate(rule.remedy) == i18n.gettext("sv")(rule.remedy)  # Swedish first
        assert finding.sources and set(finding.sources) <= set(rule.cites)
        assert (finding.source.document, finding.source.section) == (finding.sources[0].document,
                                                                     finding.sources[0].section)


def test_every_rule_has_a_case_where_it_fires_and_one_where_it_is_quiet():
    graph_rules = [rule.id for rule in RULES if rule.evaluate is not None]
    fires = {case.rule for case in CASES if case.expect}
    quiet = {case.rule for case in CASES if not case.expect}
    assert set(graph_rules) - fires == set()
    assert set(graph_rules) - quiet == set()


def test_every_variant_is_exercised():
    seen = {(case.rule, variant) for case in CASES for variant, _, _ in case.expect}
    declared = {(rule.id, variant) for rule in RULES if rule.evaluate for variant in rule.messages}
    assert declared - seen == set()


def test_messages_name_the_nodes_in_plain_language(seed_model, fictional_model):
    report = check(fictional_model, TODAY, Options(lang="en"))
    [same] = [f for f in report.findings if f.rule == "chair-contact-different-administrations"]
    assert same.message == ("Ingrid Malmvik (chair) and Stefan Hallengren (contact person) of Samordningsråd "
                            "ortopedi both come from Sahlgrenska Universitetssjukhuset; the main principle is "
                            "that they come from different administrations.")
    [undecided] = [f for f in check(seed_model, TODAY, Options(lang="en")).findings if f.rule == "mandate-decided"]
    assert "Samordningsråd ortopedi" in undecided.message and "RS 2024-00784" in undecided.message
    assert "no decision date filled in" in undecided.message and "never" not in undecided.message
    [swedish] = [f for f in check(seed_model, TODAY).findings if f.rule == "mandate-decided"]  # Swedish first
    assert swedish.message.startswith("Uppdragshandlingen för Samordningsråd ortopedi")
    assert "har inget beslutsdatum ifyllt" in swedish.message
    assert swedish.title == "Varje samordningsråds uppdragshandling är beslutad"


def test_seed_reports_the_undecided_mandate_vacancies_and_what_it_could_not_check(seed_model):
    report = check(seed_model, TODAY)
    errors = [(f.rule, f.focus) for f in report.findings if f.severity == "error"]
    assert errors == [("mandate-decided", ("sr-ortopedi", "uh-ortopedi-2024"))]
    vacant = {f.focus[0] for f in report.findings if f.rule == "vacant-post"}
    context = Context.of(seed_model, TODAY)
    assert vacant == {post for post in context.of_kind("Post") if not context.holders(post)}
    assert {"sr-ortopedi-ordforande", "regiondirektor", "su-forvaltningschef"} <= vacant
    assert all(f.severity == "warning" for f in report.findings if f.rule == "vacant-post")
    infos = {(f.rule, f.council) for f in report.findings if f.severity == "info"}
    assert infos == {(rule, council) for rule in ("contact-person-in-leadership-group",
                                                  "chair-contact-different-administrations")
                     for council in (C_ORT, C_BFM)} | {("adjunct-limit", C_BFM)}  # the 2026 text: no number
    assert report.exit_code() == 1


def test_fictional_example_has_exactly_its_documented_findings(fictional_model):
    report = check(fictional_model, TODAY)
    assert [(f.rule, f.focus) for f in report.findings] == [
        ("chair-contact-different-administrations",
         ("sr-ortopedi-ordforande", "ingrid-malmvik", "sr-ortopedi-kontaktperson", "stefan-hallengren", "su")),
        ("meeting-frequency", ("sr-ortopedi",)),
        ("mandate-decided", ("sr-ortopedi", "uh-ortopedi-2024")),
    ]


def test_only_the_selected_rules_run(seed_model):
    report = check(seed_model, TODAY, Options(rules=("vacant-post",)))
    assert {f.rule for f in report.findings} == {"vacant-post"}
    with pytest.raises(KeyError):
        check(seed_model, TODAY, Options(rules=("no-such-rule",)))


def test_rule_declarations_are_complete():
    assert len(rule_ids()) == len(set(rule_ids()))
    for rule in RULES:
        assert rule.severity in ("error", "warning", "info")
        assert rule.kind in ("stated", "structural", "waiver")
        assert rule.title and rule.remedy and rule.messages
        assert rule.source.document in ("uh-bfm-2026", "uh-ortopedi-2024") and rule.source.section
        assert all(message.severity in (None, "info") for message in rule.messages.values())
        assert (rule.cypher is None) == (rule.evaluate is None), rule.id


def test_rule_sources_are_documents_of_the_seed(seed_model):
    for rule in RULES:
        assert seed_model.nodes[rule.source.document].kind == "Document"


# --- The same rules in Cypher -------------------------------------------------------------------
# (Neo4j's linter checks every file of cypher/queries/, these included, in tests/test_cypher_lint.py.)


def rule_queries():
    from orgraph.backends.named_queries import load_queries

    queries = load_queries()
    return {rule.id: queries[rule.cypher] for rule in RULES if rule.cypher}


def test_every_rule_with_a_function_has_a_cypher_file_declaring_its_parameters():
    queries = rule_queries()
    for rule in RULES:
        if rule.cypher:
            assert queries[rule.id].name == f"rule-{rule.id}"
            assert sorted(queries[rule.id].parameters) == sorted(rule.parameters), rule.id


def test_rule_cypher_uses_only_the_vocabulary():
    import re

    from orgraph import vocabulary

    for rule_id, query in rule_queries().items():
        labels = set(re.findall(r"\(\w*:(\w+)", query.text)) | set(re.findall(r"NOT \w+:(\w+)", query.text))
        types = {t for group in re.findall(r"\[\w*:([\w|]+)", query.text) for t in group.split("|")}
        roles = set(re.findall(r"\.role = '([^']+)'", query.text))
        assert labels <= set(vocabulary.LABELS), (rule_id, labels - set(vocabulary.LABELS))
        assert types <= set(vocabulary.RELATIONSHIPS), (rule_id, types - set(vocabulary.RELATIONSHIPS))
        assert roles <= set(vocabulary.ROLES), (rule_id, roles - set(vocabulary.ROLES))


@pytest.fixture(scope="module")
def falkordb_check(falkordb):
    """Check a data directory on FalkorDB: load it with the loader `orgraph load` uses, run the rules' Cypher."""
    from orgraph.backends.falkordb import falkordb_backend, load_graph
    from orgraph.rules import check_backend

    client = falkordb.client()
    loaded: dict[Path, object] = {}

    def run(directory: Path, day: dt.date, options: Options):
        if directory not in loaded:
            graph = client.select_graph(f"rules{len(loaded)}")
            load_graph(graph, load(directory))
            loaded[directory] = graph
        return check_backend(falkordb_backend(loaded[directory], day), options)

    yield run
    for graph in loaded.values():
        graph.delete()


def comparable(report):
    return sorted((f.rule, f.variant, f.focus, f.council, f.severity, f.message) for f in report.findings)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cypher_finds_what_python_finds(case, case_dirs, falkordb_check):
    expected = check(load(case_dirs[case.id]), case.day, case.options)
    found = falkordb_check(case_dirs[case.id], case.day, case.options)
    assert comparable(found) == comparable(expected)
    assert hits_of(found, case.rule) == sorted(case.expect)


@pytest.mark.parametrize("day", [dt.date(2023, 6, 1), dt.date(2025, 6, 30), TODAY])
@pytest.mark.parametrize("name", ["seed", "fictional"])
def test_cypher_finds_what_python_finds_on_the_shipped_models(name, day, falkordb_check):
    expected = check(load(SHIPPED[name]), day)
    assert expected.findings  # both models have findings on every one of these dates
    assert comparable(falkordb_check(SHIPPED[name], day, Options())) == comparable(expected)
