"""What the rules cite, and that they use no number the texts do not state.

Through the real command line on the seed, the fictional example and small edited copies: a finding about
a council cites that council's own mandate (its HAS_MANDATE document) and no other text, a finding about the
region cites both; the orthopaedics council is answered with the 2024 wording; the adjunct rule applies only
where the council's own text limits adjuncts, and its number is a policy setting with no default.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import TODAY

from orgraph.rules import BY_ID, MEETINGS_ALLOWED, RULES
from orgraph.rules.texts import ADJUNCTS_LIMITED_IN, MEETINGS_ADAPTABLE_IN, READ

C_ORT, C_BFM = "sr-ortopedi", "sr-bild-och-funktionsmedicin"
OWN = {C_ORT: "uh-ortopedi-2024", C_BFM: "uh-bfm-2026"}


def report(cli, *args):
    result = cli("check", "--lang", "en", "--as-of", TODAY, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result.json()["findings"]


def cited_documents(finding):
    return [source["document"] for source in finding["sources"]]


@pytest.mark.parametrize("data, councils", [("seed", {C_ORT, C_BFM, None}), ("fictional", {C_ORT})])
def test_a_council_finding_cites_its_own_mandate_and_a_region_finding_both_texts(cli, data, councils):
    findings = report(cli, "--data", data)
    assert {f["council"] for f in findings} == councils
    for finding in findings:
        documents = cited_documents(finding)
        if finding["council"] is None:
            assert documents == list(READ), finding
        else:
            assert set(documents) == {OWN[finding["council"]]}, finding
        assert finding["source"]["document"] == documents[0]


def test_the_orthopaedics_council_is_answered_with_the_2024_wording(cli):
    findings = [f for f in report(cli, "--data", "fictional", "--as-of", "2025-06-30") if f["council"] == C_ORT]
    findings += [f for f in report(cli) if f["council"] == C_ORT]
    quotes = " ".join(source["quote"] for f in findings for source in f["sources"])
    assert "koncernledning hälso- och sjukvård" in quotes and "ledningsgrupp" not in quotes
    assert "(ifylls av beslutsfattaren vid godkännande)" in quotes
    assert "maximalt" not in quotes  # "4 – 8 ggr/år", not the 2026 "4 till maximalt 8"


def test_citations_follow_the_mandate_not_the_council(cli, tmp_path, seed_dir):
    """Give the orthopaedics council the 2026 text as its mandate: the 2026 clauses (and the adjunct limit) apply."""
    data = tmp_path / "data"
    shutil.copytree(seed_dir, data)
    council = data / "councils" / "ortopedi.yaml"
    text = council.read_text(encoding="utf-8")
    old = "{from: sr-ortopedi, type: HAS_MANDATE, to: uh-ortopedi-2024,"
    assert text.count(old) == 1
    council.write_text(text.replace(old, "{from: sr-ortopedi, type: HAS_MANDATE, to: uh-bfm-2026,"), encoding="utf-8")
    findings = [f for f in report(cli, "--data", data) if f["council"] == C_ORT]
    assert findings and all(cited_documents(f) == ["uh-bfm-2026"] for f in findings)
    assert ("adjunct-limit", [C_ORT]) in [(f["rule"], f["focus"]) for f in findings]
    assert "mandate-decided" not in {f["rule"] for f in findings}  # the 2026 text is decided


def test_the_adjunct_rule_never_fires_on_the_2024_text(cli):
    for data in ("seed", "fictional"):
        for limit in ((), ("--max-adjuncts", "0")):
            findings = report(cli, "--data", data, "--rule", "adjunct-limit", *limit)
            assert C_ORT not in {f["council"] for f in findings}


def test_without_a_number_the_adjunct_finding_says_the_text_limits_but_no_number_is_set(cli):
    [finding] = report(cli, "--rule", "adjunct-limit")
    assert (finding["council"], finding["severity"], finding["focus"]) == (C_BFM, "info", [C_BFM])
    assert "limits them" in finding["message"] and "no number is set" in finding["message"]
    assert finding["sources"] == [{"document": "uh-bfm-2026", "section": "Arbetsorganisation",
                                   "quote": "Samordningsrådet kan besluta om ett begränsat antal adjungerade "
                                            "deltagare.",
                                   "clause": "uh-bfm-2026-arbetsorganisation-5"}]
    # a number set as policy: the rule can count (0 adjuncts in the seed: within any number)
    assert report(cli, "--rule", "adjunct-limit", "--max-adjuncts", "0") == []


def test_the_meeting_finding_notes_the_adaptation_clause_only_where_the_text_has_it(cli, tmp_path, fictional_dir):
    data = tmp_path / "data"
    shutil.copytree(fictional_dir, data)
    council = data / "councils" / "bild-och-funktionsmedicin.yaml"
    text = council.read_text(encoding="utf-8")
    assert text.count("    meetings_max: 8\n") == 1
    council.write_text(text.replace("    meetings_max: 8\n", "    meetings_max: 12\n"), encoding="utf-8")
    findings = {f["council"]: f for f in report(cli, "--data", data, "--rule", "meeting-frequency")}
    assert "i dialog med kontaktperson" in findings[C_BFM]["message"]
    assert any("i dialog med kontaktperson" in s["quote"] for s in findings[C_BFM]["sources"])
    assert "dialog" not in findings[C_ORT]["message"]
    assert [s["quote"] for s in findings[C_ORT]["sources"]] == ["Mötesfrekvens: 4 – 8 ggr/år"]


def test_an_undecided_mandate_has_no_decision_date_filled_in(cli):
    [finding] = report(cli, "--rule", "mandate-decided")
    assert "no decision date filled in" in finding["message"] and "never" not in finding["message"]
    assert finding["sources"] == [{"document": "uh-ortopedi-2024", "section": "Datum för beslut",
                                   "quote": "(ifylls av beslutsfattaren vid godkännande)",
                                   "clause": "uh-ortopedi-2024-datum-for-beslut-1"}]


def test_what_the_texts_say_is_what_the_rules_cite():
    """texts.py's lists are exactly the texts whose cited clauses say so; the numbers are the texts' own."""
    adjuncts = BY_ID["adjunct-limit"].cites
    assert tuple(c.document for c in adjuncts if "begränsat antal" in c.quote) == ADJUNCTS_LIMITED_IN
    meetings = BY_ID["meeting-frequency"].cites
    assert tuple(c.document for c in meetings if "i dialog med kontaktperson" in c.quote) == MEETINGS_ADAPTABLE_IN
    stating = [c.quote for c in meetings if c.quote.startswith("Mötesfrekvens:")]
    assert {c.document for c in meetings if c.quote.startswith("Mötesfrekvens:")} == set(READ)
    assert all(str(MEETINGS_ALLOWED[0]) in q and str(MEETINGS_ALLOWED[1]) in q for q in stating)


def test_every_rule_cites_each_text_it_comes_from():
    for rule in RULES:
        assert rule.cites, rule.id
        assert {c.document for c in rule.cites} <= set(READ), rule.id
        assert all(c.section and c.quote for c in rule.cites), rule.id
        assert (rule.source.document, rule.source.section) == (rule.cites[0].document, rule.cites[0].section)
        if rule.id != "adjunct-limit":  # only the 2026 text limits adjuncts
            assert {c.document for c in rule.cites} == set(READ), rule.id


def test_the_report_speaks_swedish_first(cli):
    """The seed declares Swedish; without --lang the titles, messages, remedies and headings are Swedish."""
    [finding] = cli("check", "--as-of", TODAY, "--format", "json", "--rule", "mandate-decided").json()["findings"]
    assert finding["message"].startswith("Uppdragshandlingen för Samordningsråd ortopedi")
    assert "har inget beslutsdatum ifyllt" in finding["message"]
    assert finding["remedy"].startswith("Låt beslutsfattaren fylla i beslutsdatum")
    text = cli("check", "--as-of", TODAY, "--rule", "mandate-decided,adjunct-limit").stdout
    assert text.splitlines()[0] == "orgraph check av seed, den 2026-11-23: 1 fel, 0 varningar, 1 info, 0 undantagna"
    assert "Kan inte pröva antalet adjungerade deltagare" in text and "åtgärd: Låt beslutsfattaren" in text
    english = cli("check", "--lang", "en", "--as-of", TODAY, "--rule", "mandate-decided").stdout
    assert "has no decision date filled in" in english and "remedy: Have the decision-maker" in english


# --- Every rule citation is proven against the shipped texts and names its Clause node ---------------


def test_every_rule_quote_occurs_in_its_text_under_its_heading_and_names_its_clause(seed_dir, seed_model):
    from orgraph.model.sources import normalise, read_source_file

    texts = {document: read_source_file(seed_dir / "sources" / f"{document}.txt") for document in READ}
    for rule in RULES:
        for citation in rule.cites:
            assert texts[citation.document].occurs(citation.section, citation.quote), (rule.id, citation)
            assert citation.clause, (rule.id, citation)  # every rule cites the clause it comes from
            clause = seed_model.nodes[citation.clause]
            assert clause.kind == "Clause"
            data = seed_model.graph().nodes[citation.clause]
            assert (data["document"], data["section"]) == (citation.document, citation.section), citation.clause
            assert normalise(citation.quote) in normalise(data["text"]), citation.clause


def test_an_altered_quote_is_found_and_names_no_clause(seed_dir):
    """The proof can fail: one word changed (the 2026 wording in the 2024 text), and the quote is not there."""
    from orgraph.model.sources import read_source_file
    from orgraph.rules import Citation

    text = read_source_file(seed_dir / "sources" / "uh-ortopedi-2024.txt")
    [good] = [c for c in BY_ID["chair-appointed-by-leadership-group"].cites if c.document == "uh-ortopedi-2024"]
    assert text.occurs(good.section, good.quote) and good.clause == "uh-ortopedi-2024-arbetsorganisation-1"
    bad = Citation(good.document, good.section, good.quote.replace("koncernledning", "ledningsgrupp"))
    assert not text.occurs(bad.section, bad.quote) and bad.clause is None
    assert not text.occurs("Rapportering", good.quote)  # the right words under the wrong heading


def test_findings_name_the_clauses_they_rest_on(cli):
    [finding] = report(cli, "--rule", "mandate-decided")
    assert [s["clause"] for s in finding["sources"]] == ["uh-ortopedi-2024-datum-for-beslut-1"]
    text = cli("check", "--lang", "en", "--as-of", TODAY, "--rule", "mandate-decided").stdout
    assert "§ Datum för beslut [uh-ortopedi-2024-datum-for-beslut-1]" in text


def test_a_drafted_council_cites_its_own_text_where_it_holds_the_rules_words(cli, tmp_path):
    """A council drafted by ``orgraph ingest`` from a text the rules have not read: its findings cite the
    clauses of its own text that hold the rule's quoted words (the loader proves those clauses against
    the text kept beside the model); a rule whose words its text lacks cites the texts it comes from."""
    from orgraph.model.loader import load
    from orgraph.model.sources import normalise
    from orgraph.resources import data_dir

    model = tmp_path / "hud-model"
    source = data_dir("examples") / "assignments" / "samordningsrad-hud.md"
    drafted = cli("ingest", source, "-o", model, "--base", "seed")
    assert drafted.exit_code in (0, 1), drafted.stderr
    findings = [f for f in report(cli, "--data", model) if f["council"] == "sr-hud"]
    clauses = {n.id: n for n in load(model).nodes.values() if n.kind == "Clause"}
    by_rule = {f["rule"]: f for f in findings}
    for rule in ("chair-contact-different-administrations", "mandate-decided"):
        [source_cited] = by_rule[rule]["sources"]
        clause = clauses[source_cited["clause"]]
        assert source_cited["document"] == clause.document == "uh-hud-2026"
        assert source_cited["section"] == clause.section
        assert normalise(source_cited["quote"]) in normalise(clause.text)
    assert cited_documents(by_rule["contact-person-in-leadership-group"]) == list(READ)
