"""The source texts ship with the model, clauses stand in them, and citations are checked against them."""

from __future__ import annotations

import hashlib
import shutil
import textwrap

import pytest

from orgraph.model.loader import ModelError, load
from orgraph.model.provenance import coverage
from orgraph.model.sources import normalise, read_source_file, slug

#: The two assignment documents as received (sha256 of the bytes): the copies in seed/ must stay these.
SHA256 = {
    "uh-bfm-2026": "2c47d1759c38a5de74bbebe592241e6c4d7f59a13f6df3b482b9435b1b04157f",
    "uh-ortopedi-2024": "7adcb3f56e60db539deafc6b50c53f6c03e5ace50bcfcd2c40b4c4630f7bdbd2",
}
HEADINGS_2024 = ["Uppdragshandling för samordningsråd", "Syfte med uppdraget", "Uppdragsbeskrivning",
                 "Arbetsorganisation", "Samband och gränsdragning till andra uppdrag/koncernövergripande grupper",
                 "Kommunikation", "Beslutsordning", "Rapportering", "Beslutsfattande", "Datum för beslut",
                 "Uppdraget skickas till"]


@pytest.mark.parametrize("document", sorted(SHA256))
def test_the_texts_ship_byte_for_byte_and_their_document_names_them(document, seed_dir, fictional_dir, seed_model):
    for directory in (seed_dir, fictional_dir):
        data = (directory / "sources" / f"{document}.txt").read_bytes()
        assert hashlib.sha256(data).hexdigest() == SHA256[document], directory
    assert seed_model.nodes[document].props["file"] == f"sources/{document}.txt"


def test_the_reader_finds_the_template_headings(seed_dir):
    text = read_source_file(seed_dir / "sources" / "uh-ortopedi-2024.txt")
    assert text.headings == HEADINGS_2024
    newer = read_source_file(seed_dir / "sources" / "uh-bfm-2026.txt")
    assert newer.headings[0] == "Uppdragshandling"
    assert "Samband och gränsdragning till andra uppdrag och pågående arbete" in newer.headings
    # The page footer is no text, and the sentence it breaks is one sentence again.
    sentences = newer.section("Uppdragsbeskrivning").sentences()
    assert "I sitt regiongemensamma arbete i gruppen tar respektive representant med sig sitt chefsansvar för " \
           "verksamhet, ekonomi och personal." in sentences
    assert not any("Postadress" in s or "Vänersborg" in s for s in sentences)


DOCUMENTS_ONLY = """\
nodes:
  - {id: uh-bfm-2026, kind: Document, name: Uppdragshandling 2026, props: {file: sources/uh-bfm-2026.txt}}
  - {id: uh-ortopedi-2024, kind: Document, name: Uppdragshandling 2024, props: {file: sources/uh-ortopedi-2024.txt}}
"""


def _model(tmp_path, seed_dir, extra: str):
    """The seed's documents and texts, and one more file."""
    (tmp_path / "sources").mkdir()
    for document in SHA256:
        shutil.copy(seed_dir / "sources" / f"{document}.txt", tmp_path / "sources")
    (tmp_path / "documents.yaml").write_text(DOCUMENTS_ONLY, encoding="utf-8")
    (tmp_path / "extra.yaml").write_text(textwrap.dedent(extra), encoding="utf-8")
    return tmp_path


CLAUSE = """\
nodes:
  - id: uh-ortopedi-2024-beslutsfattande-2
    kind: Clause
    name: Beslutsfattande § 2
    document: uh-ortopedi-2024
    section: {section}
    text: "{text}"
    statement: routing
  - {{id: vgr, kind: Region, name: VGR, sources: [{{clause: {cited}}}], basis: stated}}
  - {{id: lg, kind: LeadershipGroup, name: LG, source: {{document: uh-bfm-2026, section: Rapportering}}}}
  - {{id: x, kind: Region, name: X,
      sources: [{{document: uh-bfm-2026, section: {quoted_section}, quote: "{quote}"}}]}}
"""
GOOD = dict(section="Beslutsfattande", text="Ordförande kan lyfta behov av regiongemensamt beslutsfattande till "
            "samordningsrådets kontaktperson.", cited="uh-ortopedi-2024-beslutsfattande-2",
            quoted_section="Rapportering", quote="Huvudprincipen är att kontaktperson och ordförande")


def test_clauses_and_citations_load_and_are_filled_in(tmp_path, seed_dir):
    model = load(_model(tmp_path, seed_dir, CLAUSE.format(**GOOD)))
    [citation] = model.nodes["vgr"].sources
    assert (citation.clause, citation.document, citation.section) == (GOOD["cited"], "uh-ortopedi-2024",
                                                                     "Beslutsfattande")
    assert model.nodes["vgr"].source == citation  # the first citation, for code that reads one
    assert model.nodes["lg"].sources == (model.nodes["lg"].source,)  # the old singular form: a list of one
    props = model.compiled.nodes["vgr"]
    assert props["source_clauses"] == [GOOD["cited"]] and props["source_document"] == "uh-ortopedi-2024"
    assert model.compiled.nodes[GOOD["cited"]]["statement"] == "routing"


@pytest.mark.parametrize(("change", "message"), [
    ({"section": "Beslutsordning"}, "does not occur in uh-ortopedi-2024 under Beslutsordning (it stands under "
                                    "Beslutsfattande)"),
    ({"section": "Uppdragsgivare"}, "section is not a heading of uh-ortopedi-2024"),
    ({"text": "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till rådets kontaktperson."},
     "text does not occur in uh-ortopedi-2024 under Beslutsfattande"),
    ({"cited": "uh-ortopedi-2024-beslutsfattande-9"}, "sources: not a known Clause id (did you mean "
                                                      "uh-ortopedi-2024-beslutsfattande-2"),
    ({"quote": "Huvudprincipen är att kontaktperson och ordförande alltid"}, "the quote does not occur"),
    ({"quoted_section": "Beslutsfattande"}, "the quote does not occur in uh-bfm-2026 under Beslutsfattande "
                                            "(it stands under Rapportering)"),
])
def test_a_wrong_clause_or_citation_is_an_error_naming_file_and_line(tmp_path, seed_dir, change, message):
    with pytest.raises(ModelError) as caught:
        load(_model(tmp_path, seed_dir, CLAUSE.format(**{**GOOD, **change})))
    [problem] = caught.value.problems
    assert problem.file.endswith("extra.yaml") and problem.line and message in problem.message, problem


def test_an_inferred_fact_needs_its_rationale_and_one_list_of_citations(tmp_path, seed_dir):
    extra = """\
    nodes:
      - {id: a, kind: Region, name: A, basis: inferred}
      - {id: b, kind: Region, name: B, source: {document: uh-bfm-2026}, sources: [{document: uh-bfm-2026}]}
    """
    with pytest.raises(ModelError) as caught:
        load(_model(tmp_path, seed_dir, extra))
    messages = sorted(p.message for p in caught.value.problems)
    assert "basis inferred needs a rationale" in messages[0] and "either source or sources" in messages[1]


def test_a_document_text_that_cannot_be_read_is_an_error(tmp_path, seed_dir):
    directory = _model(tmp_path, seed_dir, "nodes: []\n")
    (directory / "sources" / "uh-bfm-2026.txt").unlink()
    with pytest.raises(ModelError) as caught:
        load(directory)
    [problem] = caught.value.problems
    assert problem.file.endswith("documents.yaml") and "cannot read the document's text" in problem.message


# --- The seed's clauses: the quote test and the coverage test, each shown to fail on a broken copy ---

DOCUMENTS = sorted(SHA256)


def _clauses(model):
    return [n for n in model.nodes.values() if n.kind == "Clause"]


def _citations(model):
    """Every citation of the model: (what cites, the citation)."""
    for node in model.nodes.values():
        for citation in node.sources:
            yield node.id, citation
        for alt in node.aka:
            for citation in alt.sources:
                yield f"{node.id} (name {alt.name})", citation
    for relation in model.relations:
        for citation in relation.sources:
            yield f"{relation.source_id} {relation.type} {relation.target_id}", citation


def test_every_clause_and_quote_stands_in_its_document_under_its_heading(seed_dir, seed_model):
    """The quote test, read straight from the texts (not through the loader's own check)."""
    texts = {d: read_source_file(seed_dir / "sources" / f"{d}.txt") for d in DOCUMENTS}
    clauses = _clauses(seed_model)
    assert len(clauses) > 100
    wrong = [c.id for c in clauses if normalise(c.text) not in texts[c.document].section(c.section).normalised()]
    assert wrong == []
    quotes = [(who, c) for who, c in _citations(seed_model) if c.quote]
    wrong = [who for who, c in quotes if normalise(c.quote) not in texts[c.document].section(c.section).normalised()]
    assert wrong == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_sentence_is_a_clause_or_listed_as_non_normative(seed_dir, seed_model, document):
    """The coverage test: 100 % of the sentences of every heading."""
    report = coverage(seed_dir, seed_model, document)
    print(f"{document}: {report.total} sentences, {report.percent:.1f} % covered")
    assert (report.uncovered, report.misplaced) == ([], []) and report.percent == 100.0


def test_the_ids_name_document_heading_and_order(seed_model):
    counts: dict[tuple[str, str], int] = {}
    for clause in _clauses(seed_model):  # in file order, which is document order
        counts[clause.document, clause.section] = counts.get((clause.document, clause.section), 0) + 1
        n = counts[clause.document, clause.section]
        assert clause.id == f"{clause.document}-{slug(clause.section)}-{n}"
        assert clause.name == f"{clause.section} § {n}"


def _seed_copy(tmp_path, seed_dir):
    target = tmp_path / "seed"
    shutil.copytree(seed_dir, target)
    return target


def test_the_quote_test_fails_when_a_quote_is_altered_by_one_word(tmp_path, seed_dir):
    copy = _seed_copy(tmp_path, seed_dir)
    clauses = copy / "clauses" / "uh-ortopedi-2024.yaml"
    text = clauses.read_text(encoding="utf-8")
    original = "Där vare sig ordförande eller deltagare har mandat"
    assert original in text
    clauses.write_text(text.replace(original, "Där varken ordförande eller deltagare har mandat"), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load(copy)
    [problem] = caught.value.problems
    assert problem.file.endswith("uh-ortopedi-2024.yaml") and "varken" in problem.value
    assert "uh-ortopedi-2024-beslutsfattande-6: text does not occur in uh-ortopedi-2024 under Beslutsfattande" \
        in problem.message


def test_the_coverage_test_fails_when_a_normative_sentence_is_removed(tmp_path, seed_dir, seed_model):
    copy = _seed_copy(tmp_path, seed_dir)
    removed = "uh-bfm-2026-arbetsorganisation-10"  # "Effektiva och korta möten eftersträvas."
    assert not any(c.clause == removed for _, c in _citations(seed_model))  # nothing cites it: the copy loads
    clauses = copy / "clauses" / "uh-bfm-2026.yaml"
    lines = clauses.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {removed}\n")
    clauses.write_text("".join(lines[:start] + lines[start + 7:]), encoding="utf-8")
    listed = copy / "clauses" / "uh-ortopedi-2024.non-normative.yaml"
    listed.write_text("".join(line for line in listed.read_text(encoding="utf-8").splitlines(keepends=True)
                              if not line.startswith("- ")), encoding="utf-8")
    model = load(copy)
    assert coverage(copy, model, "uh-bfm-2026").uncovered == [("Arbetsorganisation",
                                                               "Effektiva och korta möten eftersträvas.")]
    assert coverage(copy, model, "uh-ortopedi-2024").uncovered == [("Uppdragshandling för samordningsråd",
                                                                    "Västra Götalandsregionen")]
    report = coverage(copy, model, "uh-bfm-2026")
    assert report.percent < 100.0


def test_the_fictional_example_carries_the_seeds_clauses(seed_dir, fictional_dir):
    for name in sorted(p.name for p in (seed_dir / "clauses").iterdir()):
        assert (fictional_dir / "clauses" / name).read_bytes() == (seed_dir / "clauses" / name).read_bytes(), name
