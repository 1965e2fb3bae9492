"""The escalation library: routes and reporting lines from the data, checked against the documents.

The clauses quoted below are from the two assignment documents (RS 2024-00784): the 2024 text for
orthopaedics (uh-ortopedi-2024) and the revised 2026 text for imaging (uh-bfm-2026).
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from conftest import TODAY

from orgraph import vocabulary
from orgraph.backends.memory import MemoryBackend
from orgraph.model.loader import load
from orgraph.model.values import plain
from orgraph.query.escalation import UnknownId, escalate
from orgraph.query.reporting import NotOnALine, reporting_line, reporting_lines

COUNCILS = {"sr-ortopedi": "uh-ortopedi-2024", "sr-bild-och-funktionsmedicin": "uh-bfm-2026"}
SAMBAND = "Samband och gränsdragning"  # both texts open that section heading with these words

# topic -> (start, [(hops as target ids, decider)], section of each hop); "{c}" is the council's id.
ROUTES = {
    # Beslutsfattande: "Ordförande har en samordnande roll och kan fatta beslut om regionala rutiner i enlighet
    # med specifikt erhållna mandat ... (SSN 2023-00470)": the chair decides, no escalation.
    "regional-routine": ("{c}-ordforande", [([], "{c}-ordforande")], []),
    # Beslutsfattande: "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till samordningsrådets
    # kontaktperson." Rapportering: "Till varje samordningsråd utses en kontaktperson bland deltagarna i
    # koncernledning hälso- och sjukvård."
    "region-wide-decision": ("{c}-ordforande", [(["{c}-kontaktperson", "lg-hs"], "lg-hs")],
                             ["Beslutsfattande", "Rapportering"]),
    # Beslutsfattande: "Där vare sig (2026: varken) ordförande eller deltagare har mandat att fatta beslut
    # eskaleras frågan inom förvaltning eller lyfts till berörd koncernövergripande grupp." Two alternatives.
    "outside-mandate": ("{c}-deltagare", [(["forvaltningschef"], "forvaltningschef"),
                                          (["koncernovergripande-grupp"], "koncernovergripande-grupp")],
                        ["Beslutsfattande"]),
    # Samband och gränsdragning: "Klinisk ledning ska omhänderta frågor som rör förändrade arbetssätt och
    # processer i flera verksamhetsområden och därför inte kan hanteras av ett enskilt samordningsråd."
    "cross-area-process": ("{c}", [(["klinisk-ledning"], "klinisk-ledning")], [SAMBAND]),
    # Samband och gränsdragning: PPR ska "vid införande av nya läkemedel och medicinska metoder som har
    # betydande organisatoriska och/eller ekonomiska konsekvenser, säkerställa gemensamma prioriteringar i VGR."
    "new-drug-or-method": ("{c}", [(["ppr"], "ppr")], [SAMBAND]),
    # Samband och gränsdragning: "Ställningstaganden som påverkar stödprocesser ska stämmas av i dialog med
    # berörd ansvarig funktion eller koncernövergripande grupp." Two alternatives.
    "support-process": ("{c}", [(["ansvarig-funktion-stodprocess"], "ansvarig-funktion-stodprocess"),
                                (["koncernovergripande-grupp"], "koncernovergripande-grupp")], [SAMBAND]),
}
# Samband och gränsdragning (2026 text only): "Övergripande frågor som rör organisation och arbetsvillkor inkl
# ersättningar och lokalförsörjning hanteras via regionövergripande samordnande grupper och inte av
# samordningsråden." The 2024 orthopaedics text has no such paragraph: no route is stated there.
ORGANISATION = "organisation-and-working-conditions"


@pytest.fixture(scope="module", params=["seed", "fictional"])
def backend(request, seed_model, fictional_model):
    return MemoryBackend(seed_model if request.param == "seed" else fictional_model, TODAY)


@pytest.fixture(scope="module")
def seed(seed_model):
    return MemoryBackend(seed_model, TODAY)


@pytest.fixture(scope="module")
def fictional(fictional_model):
    return lambda day=TODAY: MemoryBackend(fictional_model, day)


def test_every_topic_is_covered_by_the_expectations():
    assert set(ROUTES) | {ORGANISATION} == set(vocabulary.TOPICS)


@pytest.mark.parametrize("council", COUNCILS)
@pytest.mark.parametrize("topic", ROUTES)
def test_route_matches_the_documents(backend, council, topic):
    start, expected, sections = ROUTES[topic]
    found = escalate(backend, council, topic)
    assert found.stated and found.start.id == start.format(c=council)
    got = [([hop.to_id for hop in route.hops], route.decider.id) for route in found.routes]
    assert got == [([t.format(c=council) for t in targets], decider.format(c=council))
                   for targets, decider in expected]
    assert found.decided_at_start == (topic == "regional-routine")
    for route in found.routes:
        assert route.hops == () or route.hops[0].from_id == found.start.id
        for hop, section in zip(route.hops, sections, strict=True):
            assert hop.type == "ESCALATES_TO" and hop.reason
            # each hop is cited from the council's own mandate, with its registry number and date
            assert hop.source.document == COUNCILS[council] and hop.source.number == "RS 2024-00784"
            assert hop.source.section.startswith(section)
        assert route.decider.reason and route.decider.source.document
    assert [d.id for d in found.mandate_documents] == [COUNCILS[council]]
    assert found.other_texts == ()


def test_imaging_routes_organisation_questions_to_the_region_wide_groups(backend):
    found = escalate(backend, "sr-bild-och-funktionsmedicin", ORGANISATION)
    [route] = found.routes
    assert found.start.id == "sr-bild-och-funktionsmedicin"
    assert [(h.from_id, h.to_id) for h in route.hops] == [
        ("sr-bild-och-funktionsmedicin", "regionovergripande-samordnande-grupper")]
    assert route.hops[0].source.document == "uh-bfm-2026" and route.hops[0].source.section.startswith(SAMBAND)
    assert route.decider.id == "regionovergripande-samordnande-grupper"


def test_orthopaedics_text_is_silent_on_organisation_and_names_the_text_that_is_not(backend):
    found = escalate(backend, "sr-ortopedi", ORGANISATION)
    assert not found.stated and found.routes == () and not found.decided_at_start
    assert found.other_starts == ()
    [mandate] = found.mandate_documents
    assert (mandate.id, mandate.number, str(mandate.date), mandate.decided) == (
        "uh-ortopedi-2024", "RS 2024-00784", "2024-05-21", None)
    [other] = found.other_texts
    assert other.council.id == "sr-bild-och-funktionsmedicin"
    assert [(d.id, d.number, str(d.date)) for d in other.documents] == [("uh-bfm-2026", "RS 2024-00784",
                                                                        "2026-06-16")]
    assert [d.name for d in other.deciders] == ["Regionövergripande samordnande grupper"]


def test_a_new_routing_rule_is_a_line_of_data(data_copy):
    """Escalation is data: one ESCALATES_TO line makes the silent orthopaedics text route the topic."""
    (data_copy / "extra.yaml").write_text(
        "relations:\n"
        f"  - {{from: sr-ortopedi, type: ESCALATES_TO, to: regionovergripande-samordnande-grupper, "
        f"topic: {ORGANISATION}, reason: Test., source: {{document: uh-ortopedi-2024, section: Test}}}}\n",
        encoding="utf-8")
    found = escalate(MemoryBackend(load(data_copy), TODAY), "sr-ortopedi", ORGANISATION)
    assert found.stated and found.other_texts == ()
    assert [r.decider.id for r in found.routes] == ["regionovergripande-samordnande-grupper"]
    assert found.routes[0].hops[0].source.section == "Test"


def test_seed_posts_are_vacant_and_bodies_have_no_holder(seed):
    found = escalate(seed, "sr-ortopedi", "region-wide-decision")
    first, second = found.routes[0].hops
    assert found.start.holder is None and first.from_holder is None and first.holder is None
    assert second.to_kind == "LeadershipGroup" and second.holder is None and second.administration is None


@pytest.mark.parametrize("day, chair, administration", [
    (dt.date(2025, 6, 30), "lars-goran-kylberg", "skas"),  # the fictional chair until 2025-06-30 (skas)
    (dt.date(2025, 7, 1), "ingrid-malmvik", "su"),  # and from 2025-07-01 (su)
])
def test_fictional_holders_and_administrations_follow_the_date(fictional, day, chair, administration):
    found = escalate(fictional(day), "sr-ortopedi", "region-wide-decision")
    first, second = found.routes[0].hops
    assert (found.start.holder.id, found.start.administration.id) == (chair, administration)
    assert (first.from_holder.id, first.from_administration.id) == (chair, administration)
    assert (first.holder.id, first.administration.id) == ("stefan-hallengren", "su")
    assert (second.from_holder.id, second.to_id) == ("stefan-hallengren", "lg-hs")
    decided = escalate(fictional(day), "sr-ortopedi", "regional-routine")
    assert decided.decided_at_start and decided.routes[0].decider.holder.id == chair


def test_fictional_participant_escalates_to_the_head_of_their_own_administration(fictional):
    found = escalate(fictional(), "sr-ortopedi", "outside-mandate", from_post="sr-ortopedi-deltagare-skas")
    line, group = found.routes
    assert (found.start.holder.name, found.start.administration.name) == ("Jonatan Fält", "Skaraborgs Sjukhus")
    assert line.decider.id == "skas-forvaltningschef"
    assert (line.decider.holder.name, line.decider.administration.id) == ("Eva Tornqvist Dahl", "skas")
    assert group.decider.id == "koncernovergripande-grupp" and group.decider.holder is None
    assert found.other_starts == ()


def test_default_start_among_several_posts_of_the_role_names_the_others(fictional):
    found = escalate(fictional(), "sr-bild-och-funktionsmedicin", "outside-mandate")
    assert found.start.id == "sr-bild-och-funktionsmedicin-deltagare"
    assert [p.id for p in found.other_starts] == [f"sr-bild-och-funktionsmedicin-deltagare-{a}" for a in
                                                  ("narhalsan", "nu", "sas", "siv", "skas", "su")]


def test_a_post_with_no_route_points_to_the_posts_that_have_one(seed):
    found = escalate(seed, "sr-ortopedi", "region-wide-decision", from_post="sr-ortopedi-koordinator")
    assert not found.stated and found.other_texts == ()
    assert [p.id for p in found.other_starts] == ["sr-ortopedi-kontaktperson", "sr-ortopedi-ordforande"]


@pytest.mark.parametrize("args, kind, value, valid", [
    (("sr-ortoped", "outside-mandate"), "council", "sr-ortoped", ["sr-bild-och-funktionsmedicin", "sr-ortopedi"]),
    (("lg-hs", "outside-mandate"), "council", "lg-hs", ["sr-bild-och-funktionsmedicin", "sr-ortopedi"]),
    (("sr-ortopedi", "premises"), "topic", "premises", sorted(vocabulary.TOPICS)),
    (("sr-ortopedi", "outside-mandate", "sr-bild-och-funktionsmedicin-ordforande"), "post of sr-ortopedi",
     "sr-bild-och-funktionsmedicin-ordforande",
     ["sr-ortopedi-adjungerade", "sr-ortopedi-deltagare", "sr-ortopedi-kontaktperson",
      "sr-ortopedi-koordinator", "sr-ortopedi-ordforande"]),
])
def test_unknown_ids_name_the_valid_choices(seed, args, kind, value, valid):
    with pytest.raises(UnknownId) as raised:
        escalate(seed, *args)
    assert (raised.value.kind, raised.value.value, sorted(raised.value.valid)) == (kind, value, valid)


def test_cycles_are_cut_and_dead_ends_say_nobody_holds_the_mandate(data_copy):
    (data_copy / "extra.yaml").write_text(
        "relations:\n"
        # a loop back to the chair, which must not be walked again
        "  - {from: sr-ortopedi-kontaktperson, type: ESCALATES_TO, to: sr-ortopedi-ordforande,"
        " topic: region-wide-decision}\n"
        # a route that ends at a post with no mandate for the topic
        "  - {from: sr-ortopedi-koordinator, type: ESCALATES_TO, to: hsu-direktor, topic: support-process}\n"
        # a reporting loop: the leadership group 'reports' to a council that is its reference group
        "  - {from: lg-hs, type: REPORTS_TO, to: sr-ortopedi}\n", encoding="utf-8")
    backend = MemoryBackend(load(data_copy), TODAY)
    looped = escalate(backend, "sr-ortopedi", "region-wide-decision")
    assert [[h.to_id for h in r.hops] for r in looped.routes] == [["sr-ortopedi-kontaktperson", "lg-hs"]]
    dead = escalate(backend, "sr-ortopedi", "support-process", from_post="sr-ortopedi-koordinator")
    assert dead.stated and [(r.hops[-1].to_id, r.decider) for r in dead.routes] == [("hsu-direktor", None)]
    line = reporting_line(backend, "sr-ortopedi-processteam")
    assert [h.to_id for h in line] == ["sr-ortopedi", "lg-hs"]  # lg-hs → sr-ortopedi would close the loop


# --- reporting lines -----------------------------------------------------------------------------


def _steps(line):
    return [(hop.type, hop.to_id) for hop in line]


def test_participant_reports_up_the_line_to_the_top(seed):
    # Rapportering: "Deltagarna i samordningsråden rapporterar i sin ordinarie linjestruktur"
    line = reporting_line(seed, "sr-ortopedi-deltagare")
    assert _steps(line) == [("REPORTS_TO", "forvaltningschef"), ("REPORTS_TO", "regiondirektor"),
                            ("POST_OF", "vgr")]
    assert line[0].source.document == "uh-ortopedi-2024" and line[0].source.section == "Rapportering"


def test_process_team_reports_to_council_then_leadership_group_then_region(seed):
    # Arbetsorganisation: "Regionala processteam ... rapporterar till samordningsrådet"; Uppdragsbeskrivning:
    # the council is the leadership group's reference group.
    line = reporting_line(seed, "sr-bild-och-funktionsmedicin-processteam")
    assert _steps(line) == [("REPORTS_TO", "sr-bild-och-funktionsmedicin"), ("REFERENCE_GROUP_FOR", "lg-hs"),
                            ("PART_OF", "vgr")]
    assert all(hop.source for hop in line)


def test_chair_answers_through_the_council(seed):
    assert _steps(reporting_line(seed, "sr-ortopedi-ordforande")) == [
        ("POST_OF", "sr-ortopedi"), ("REFERENCE_GROUP_FOR", "lg-hs"), ("PART_OF", "vgr")]


def test_a_person_has_one_line_per_post_held_on_the_date(fictional):
    found = reporting_lines(fictional(), "stefan-hallengren")
    assert found.start.kind == "Person"
    assert sorted(line[0].to_id for line in found.lines) == ["lg-hs-ledamot-stefan-hallengren",
                                                             "sr-ortopedi-kontaktperson"]
    assert all(line[0].type == "HOLDS" and line[-1].to_id == "vgr" for line in found.lines)
    participant = reporting_line(fictional(), "niklas-berglof")
    assert _steps(participant)[:3] == [("HOLDS", "sr-ortopedi-deltagare-su"), ("REPORTS_TO", "su-forvaltningschef"),
                                       ("REPORTS_TO", "regiondirektor")]
    assert participant[1].holder.name == "Cecilia Wärn Holmberg"


def test_reporting_lines_follow_the_date(fictional, seed):
    before, after = (reporting_line(fictional(day), "sr-ortopedi-ordforande") for day in
                     (dt.date(2025, 6, 30), dt.date(2025, 7, 1)))
    assert before[0].from_holder.id == "lars-goran-kylberg" and after[0].from_holder.id == "ingrid-malmvik"
    assert reporting_lines(MemoryBackend(seed.model, dt.date(2025, 1, 1)), "jonas-claesson").lines == ()


def test_the_top_has_an_empty_line_and_documents_have_none(seed):
    assert reporting_lines(seed, "vgr").lines == ((),)
    with pytest.raises(NotOnALine):
        reporting_lines(seed, "uh-bfm-2026")
    with pytest.raises(UnknownId) as raised:
        reporting_lines(seed, "nowhere")
    assert "sr-ortopedi" in raised.value.valid and "uh-bfm-2026" not in raised.value.valid


# --- results are JSON, code has no topic logic -----------------------------------------------------


def test_plain_escalation_is_json_with_the_documented_keys(fictional):
    import json

    data = json.loads(json.dumps(plain(escalate(fictional(), "sr-ortopedi", "region-wide-decision"))))
    assert set(data) == {"council", "topic", "as_of", "start", "routes", "decided_at_start", "stated",
                         "mandate_documents", "other_starts", "other_texts", "stated_only"}
    hop = data["routes"][0]["hops"][0]
    assert set(hop) == {"from_id", "from_name", "from_kind", "to_id", "to_name", "to_kind", "type", "reason",
                        "source", "holder", "administration", "from_holder", "from_administration", "basis",
                        "rationale"}
    assert hop["source"] == {"document": "uh-ortopedi-2024", "number": "RS 2024-00784", "date": "2024-05-21",
                             "section": "Beslutsfattande", "clause": "uh-ortopedi-2024-beslutsfattande-5",
                             "quote": "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till "
                                      "samordningsrådets kontaktperson."}
    assert hop["holder"] == {"id": "stefan-hallengren", "name": "Stefan Hallengren"}
    assert data["as_of"] == TODAY.isoformat() and data["topic"]["id"] == "region-wide-decision"


def _code_strings(path: Path) -> set[str]:
    """Every string literal in a module except docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings}


@pytest.mark.parametrize("module", ["query/escalation.py", "query/reporting.py", "cli/escalate.py", "output/escalation.py"])
def test_no_topic_role_or_node_id_is_spelled_in_the_code(module):
    """Routes come from the data: the code names no topic, role, council or body."""
    import orgraph

    strings = _code_strings(Path(orgraph.__file__).parent / module)
    assert strings, "the check must see the module's strings"
    spelled = strings & (set(vocabulary.TOPICS) | set(vocabulary.ROLES) | {"lg-hs", "vgr", "sr-ortopedi"})
    assert spelled == set()


# --- the same answers from a Cypher engine -----------------------------------------------------------


@pytest.fixture(scope="module")
def falkor_fictional(falkordb, fictional_model):
    from orgraph.backends.falkordb import load_graph

    graph = falkordb.client().select_graph("escalation_fictional")
    load_graph(graph, fictional_model)
    yield graph
    graph.delete()


@pytest.mark.parametrize("day", [dt.date(2025, 6, 30), dt.date(2025, 7, 1)])
def test_escalation_over_falkordb_equals_memory(falkor_fictional, fictional, day):
    from orgraph.backends.falkordb import falkordb_backend

    cypher = falkordb_backend(falkor_fictional, day)
    memory = fictional(day)
    for council in COUNCILS:
        for topic in vocabulary.TOPICS:
            assert plain(escalate(cypher, council, topic)) == plain(escalate(memory, council, topic))
    assert plain(reporting_lines(cypher, "stefan-hallengren")) == plain(reporting_lines(memory,
                                                                                        "stefan-hallengren"))


@pytest.mark.parametrize("day", [dt.date(2025, 6, 30), TODAY])
def test_named_queries_agree_with_memory(falkor_fictional, fictional, day):
    from orgraph.backends.falkordb import FalkorDBRunner
    from orgraph.backends.named_queries import run_named

    runner = FalkorDBRunner(falkor_fictional)
    memory = fictional(day)
    for topic in vocabulary.TOPICS:
        rows = run_named(runner, "escalation-edges", {"topic": topic, "as_of": day.isoformat()})
        expected = sorted(
            (node["id"], n.node["id"], n.properties.get("reason"), n.properties.get("source_document"),
             n.properties.get("source_section"))
            for node in memory.nodes() for n in memory.neighbours(node["id"])
            if n.type == "ESCALATES_TO" and n.direction == "out" and n.properties.get("topic") == topic)
        assert [tuple(row[c] for c in ("source", "target", "reason", "source_document", "source_section"))
                for row in rows] == expected
        deciders = run_named(runner, "may-decide", {"topic": topic})
        assert [row["decider"] for row in deciders] == sorted(
            n.node["id"] for n in memory.neighbours(topic) if n.type == "MAY_DECIDE")
        assert all(row["reason"] and row["source_document"] for row in deciders)
    assert run_named(runner, "escalation-edges", {"topic": "outside-mandate", "as_of": day.isoformat()})


def test_named_queries_pass_neo4js_linter():
    from orgraph.backends.named_queries import get_query
    from orgraph_testing.cypher_lint import LintUnavailable, lint

    statements = [(name, get_query(name).text) for name in ("escalation-edges", "may-decide")]
    try:
        diagnostics = lint(statements, labels=[*vocabulary.LABELS, vocabulary.NODE_LABEL],
                           relationship_types=list(vocabulary.RELATIONSHIPS),
                           parameters={"topic": "outside-mandate", "as_of": "2026-11-23"})
    except LintUnavailable as error:
        pytest.skip(f"Cypher linter unavailable: {error}")
    assert [str(d) for d in diagnostics] == []
