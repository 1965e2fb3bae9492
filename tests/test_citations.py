"""The seed's facts rest on clauses, per text: each council's on its own document, shared ones on both."""

from __future__ import annotations

import datetime as dt

import pytest

from orgraph.backends.memory import MemoryBackend
from orgraph.query.escalation import escalate

COUNCILS = {"sr-ortopedi": "uh-ortopedi-2024", "sr-bild-och-funktionsmedicin": "uh-bfm-2026"}
TODAY = dt.date(2026, 11, 23)


def _facts(model):
    """(what, item) for every node but the clauses, every relation and every other name."""
    for node in model.nodes.values():
        if node.kind != "Clause":
            yield node.id, node
            for alt in node.aka:
                yield f"{node.id} (name {alt.name})", alt
    for relation in model.relations:
        yield f"{relation.source_id} {relation.type} {relation.target_id}", relation


@pytest.mark.parametrize("which", ["seed", "fictional"])
def test_every_fact_resting_on_the_documents_cites_a_clause(which, seed_model, fictional_model):
    model = seed_model if which == "seed" else fictional_model
    for what, item in _facts(model):
        if item.basis == "outside-documents" or getattr(item, "fictional", False):
            assert item.rationale or getattr(item, "fictional", False), what
            continue
        if which == "fictional" and not item.sources:
            continue  # invented nodes of the example (their relations say so)
        assert any(c.clause for c in item.sources), f"{what} cites no clause"
        assert all(c.clause for c in item.sources), f"{what} cites a section without a clause"


def test_every_relation_of_the_seed_has_a_basis_and_the_inferred_ones_a_rationale(seed_model):
    missing = [f"{r.source_id} {r.type} {r.target_id}" for r in seed_model.relations if r.basis is None]
    assert missing == []
    for relation in seed_model.relations:
        if relation.basis == "inferred":
            assert relation.rationale and relation.sources, relation
    inferred = {(r.source_id, r.type, r.target_id) for r in seed_model.relations if r.basis == "inferred"}
    assert ("lg-hs", "MAY_DECIDE", "region-wide-decision") in inferred
    assert ("forvaltningschef", "MAY_DECIDE", "outside-mandate") in inferred
    assert ("sr-ortopedi-kontaktperson", "ESCALATES_TO", "lg-hs") in inferred


def test_the_administrations_the_documents_do_not_list_say_so(seed_model):
    outside = [n for n in seed_model.nodes.values() if n.kind == "Administration" and n.id != "kk"]
    assert outside and all(n.basis == "outside-documents" and n.rationale and not n.sources for n in outside)
    assert seed_model.nodes["kk"].basis == "stated"


@pytest.mark.parametrize("council", sorted(COUNCILS))
def test_a_councils_own_facts_cite_only_its_own_text(council, seed_model):
    own = COUNCILS[council]
    for what, item in _facts(seed_model):
        if what.startswith(council) or f" {council}" in what:
            documents = {c.document for c in item.sources}
            assert documents <= {own}, (what, documents)


@pytest.mark.parametrize("council", sorted(COUNCILS))
def test_escalate_cites_the_councils_own_clauses_for_every_topic_its_text_routes(council, seed_model):
    backend = MemoryBackend(seed_model, TODAY)
    own = COUNCILS[council]
    routed = 0
    for topic in [n.id for n in seed_model.nodes.values() if n.kind == "Topic"]:
        found = escalate(backend, council, topic)
        if not found.stated:
            continue
        routed += 1
        for route in found.routes:
            for source in [h.source for h in route.hops] + [route.decider.source if route.decider else None]:
                assert source is not None and source.document == own and source.clause.startswith(own), \
                    (topic, source)
                assert source.quote and source.quote.endswith((".", ")"))
    assert routed >= 6


def test_the_2024_council_is_answered_in_the_2024_wording(seed_model):
    backend = MemoryBackend(seed_model, TODAY)
    route = escalate(backend, "sr-ortopedi", "outside-mandate").routes[0]
    assert "vare sig" in route.hops[0].source.quote and "vare sig" in route.hops[0].reason
    reasons = [r.reason or "" for r in seed_model.relations if r.source_id.startswith("sr-ortopedi")
               or r.target_id.startswith("sr-ortopedi")]
    assert not any("varken" in reason or "ledningsgrupp" in reason for reason in reasons)


def test_inferred_hops_are_marked_in_text_and_json_and_stated_only_drops_them(cli):
    common = ["escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--as-of", TODAY.isoformat()]
    text = cli(*common).stdout
    assert text.count("(härlett: ") == 2  # the hop to the leadership group, and its deciding (the seed is Swedish)
    assert cli(*common, "--lang", "en").stdout.count("(inferred: ") == 2
    data = cli(*common, "--format", "json").json()
    [route] = data["routes"]
    assert [hop["basis"] for hop in route["hops"]] == ["stated", "inferred"]
    assert route["decider"]["basis"] == "inferred" and route["decider"]["rationale"]
    stated = cli(*common, "--stated-only", "--format", "json").json()
    [route] = stated["routes"]
    assert [hop["to_id"] for hop in route["hops"]] == ["sr-ortopedi-kontaktperson"] and route["decider"] is None
    assert stated["stated_only"] is True
    assert "härlett" not in cli(*common, "--stated-only").stdout


def test_show_a_clause_and_what_cites_it(cli):
    result = cli("show", "uh-ortopedi-2024-beslutsfattande-5", "--as-of", TODAY.isoformat(), "--format", "json")
    data = result.json()
    assert data["node"]["section"] == "Beslutsfattande" and data["node"]["document"] == "uh-ortopedi-2024"
    assert "sr-ortopedi-ordforande ESCALATES_TO sr-ortopedi-kontaktperson" in data["cited_by"]
    assert not any("bild-och-funktionsmedicin" in fact for fact in data["cited_by"])


def test_list_clauses_by_document_and_kind(cli):
    rows = cli("list", "clauses", "--document", "uh-bfm-2026", "--kind", "routing", "--format", "json").json()
    assert rows and all(r["document"] == "uh-bfm-2026" and r["statement"] == "routing" for r in rows)
    assert "uh-bfm-2026-samband-och-gransdragning-till-andra-uppdrag-och-pagaende-arbete-8" in {r["id"] for r in rows}
    everything = cli("list", "clauses", "--format", "json").json()
    assert len(everything) == 124
    bad = cli("list", "clauses", "--document", "uh-bfm-2025")
    assert bad.exit_code == 2 and "uh-bfm-2026" in bad.stderr
    assert cli("list", "posts", "--kind", "routing").exit_code == 2


def test_show_sources_lists_every_clause_a_nodes_facts_rest_on_with_the_quote(cli):
    text = cli("show", "sr-ortopedi-kontaktperson", "--sources", "--as-of", TODAY.isoformat()).stdout
    assert "uh-ortopedi-2024-rapportering-2  (uh-ortopedi-2024 § Rapportering)" in text
    assert "Till varje samordningsråd utses en kontaktperson bland deltagarna i koncernledning" in text
    data = cli("show", "sr-ortopedi-kontaktperson", "--sources", "--format", "json").json()
    documents = {entry["clause"]["document"] for entry in data["sources"]}
    assert documents == {"uh-ortopedi-2024"}
