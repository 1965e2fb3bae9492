"""The source texts ship with the model, clauses stand in them, and citations are checked against them."""

from __future__ import annotations

import hashlib
import shutil
import textwrap

import pytest

from orgraph.model.loader import ModelError, load
from orgraph.model.sources import read_source_file

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


def _model(tmp_path, seed_dir, extra: str):
    """The seed's documents and texts, and one more file."""
    (tmp_path / "sources").mkdir()
    for document in SHA256:
        shutil.copy(seed_dir / "sources" / f"{document}.txt", tmp_path / "sources")
    shutil.copy(seed_dir / "documents.yaml", tmp_path)
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

