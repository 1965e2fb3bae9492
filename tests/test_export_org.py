"""The W3C ORG export, read back by rdflib (Turtle and JSON-LD): it parses, and nothing the format holds is lost.

The reader here is written against the ORG/PROV/time terms, not against orgraph's writer: it rebuilds nodes
and relations from the triples and compares them with the model, field by field.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import DCTERMS, FOAF, PROV, RDF, SKOS, TIME, Graph, Literal, URIRef

from orgraph.export.profile import PROFILE_PATH, profile_turtle
from orgraph.export.rdf import json_ld, org_graph, turtle
from orgraph.export.terms import DEFAULT_BASE, OG, ORG, rel_of_property
from orgraph.export.view import select
from orgraph.vocabulary import Kind, Rel

TODAY = dt.date(2026, 11, 23)
FIELDS = {"validFrom": "valid_from", "validTo": "valid_to", "meetingsMin": "meetings_min",
          "meetingsMax": "meetings_max", "adjunctLimit": "adjunct_limit"}


def _id(term) -> str:
    text = str(term)
    assert text.startswith(DEFAULT_BASE), text
    return text.removeprefix(DEFAULT_BASE)


def _value(literal):
    return literal.toPython() if isinstance(literal, Literal) else literal


def _source(g: Graph, subject) -> tuple | None:
    cited = list(g.objects(subject, PROV.wasDerivedFrom))
    assert len(cited) <= 1
    if not cited:
        return None
    part_of = g.value(cited[0], DCTERMS.isPartOf)
    if part_of is None:
        return (_id(cited[0]), None)
    return (_id(part_of), str(g.value(cited[0], DCTERMS.title)))


def _props(g: Graph, subject) -> dict:
    return {str(g.value(extra, OG.key)): _value(g.value(extra, RDF.value)) for extra in g.objects(subject, OG.property)}


def read_nodes(g: Graph) -> dict[str, dict]:
    nodes = {}
    for subject, cls in g.subject_objects(RDF.type):
        if not str(cls).startswith(str(OG)) or str(cls).removeprefix(str(OG)) not in set(Kind):
            continue
        node = {"kind": str(cls).removeprefix(str(OG)), "aka": set(), "props": _props(g, subject),
                "source": _source(g, subject), "fictional": bool(_value(g.value(subject, OG.fictional)))}
        for label in g.objects(subject, SKOS.prefLabel):
            node["name" if label.language == "sv" else "name_en"] = str(label)
        node["aka"] = {str(label) for label in g.objects(subject, SKOS.altLabel)}
        for local, field in FIELDS.items():
            node[field] = _value(g.value(subject, OG[local]))
        node["number"] = _value(g.value(subject, DCTERMS.identifier)) if node["kind"] == Kind.DOCUMENT else None
        node["date"], node["decided"] = _value(g.value(subject, DCTERMS.date)), _value(g.value(subject,
                                                                                                 DCTERMS.dateAccepted))
        role = g.value(subject, ORG.role)
        node["role"] = str(role).removeprefix(str(OG) + "role-") if role else None
        default = g.value(subject, OG.defaultRole)
        node["default_role"] = str(default).removeprefix(str(OG) + "role-") if default else None
        nodes[_id(subject)] = node
    return nodes


def read_relations(g: Graph) -> set[tuple]:
    qualified, direct = set(), set()
    for subject, prop, obj in g:
        rel = rel_of_property(prop)
        if rel is not None and str(subject).startswith(DEFAULT_BASE) and isinstance(obj, URIRef):
            direct.add((_id(subject), rel, _id(obj)))
    for statement in g.subjects(RDF.type, RDF.Statement):
        rel = rel_of_property(g.value(statement, RDF.predicate))
        if rel is None:
            continue  # a sourced other name, not a relation
        topic = g.value(statement, OG.topic)
        qualified.add((_id(g.value(statement, RDF.subject)), rel, _id(g.value(statement, RDF.object)),
                       _id(topic) if topic else None, _value(g.value(statement, OG.reason)),
                       _value(g.value(statement, OG.validFrom)), _value(g.value(statement, OG.validTo)),
                       tuple(sorted(_props(g, statement).items())), _source(g, statement)))
    for membership in g.subjects(RDF.type, ORG.Membership):
        holding = (membership, RDF.type, OG.Holding) in g
        during = g.value(membership, ORG.memberDuring)
        begin = end = None
        if during is not None:
            begin = _value(g.value(g.value(during, TIME.hasBeginning), TIME.inXSDDate))
            end = _value(g.value(g.value(during, TIME.hasEnd), TIME.inXSDDate))
        target = g.value(membership, OG.post) if holding else g.value(membership, ORG.organization)
        reason = g.value(membership, OG.reason)
        qualified.add((_id(g.value(membership, ORG.member)), Rel.HOLDS if holding else Rel.EMPLOYED_BY, _id(target),
                       None, _value(reason), begin, end, tuple(sorted(_props(g, membership).items())),
                       _source(g, membership)))
    covered = {(q[0], q[1], q[2]) for q in qualified}
    bare = {(s, r, o, None, None, None, None, (), None) for s, r, o in direct - covered}
    return qualified | bare


def model_nodes(view) -> dict[str, dict]:
    out = {}
    for node_id, node in view.nodes.items():
        source = (node.source.document, node.source.section) if node.source else None
        out[node_id] = {
            "kind": str(node.kind), "name": node.name, **({"name_en": node.name_en} if node.name_en else {}),
            "aka": {alt.name for alt in node.aka}, "props": dict(node.props), "source": source,
            "fictional": node.fictional, "role": getattr(node, "role", None),
            "default_role": getattr(node, "default_role", None), "number": getattr(node, "number", None),
            "date": getattr(node, "date", None), "decided": getattr(node, "decided", None),
            **{field: getattr(node, field, None) for field in FIELDS.values()}}
    return out


def model_relations(view) -> set[tuple]:
    return {(r.source_id, r.type, r.target_id, r.topic, r.reason, r.valid_from, r.valid_to,
             tuple(sorted(r.props.items())), (r.source.document, r.source.section) if r.source else None)
            for r in view.relations}


@pytest.mark.parametrize("model_name", ["seed_model", "fictional_model"])
@pytest.mark.parametrize("day", [TODAY, None], ids=["as-of", "all-dates"])
@pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
def test_round_trip_loses_nothing(request, model_name, day, syntax):
    model = request.getfixturevalue(model_name)
    text = turtle(model, day) if syntax == "turtle" else json_ld(model, day)
    g = Graph().parse(data=text, format=syntax)
    assert len(g) == len(org_graph(model, day))
    view = select(model, day)
    assert read_nodes(g) == model_nodes(view)
    assert read_relations(g) == model_relations(view)


def test_an_as_of_export_drops_what_does_not_hold_that_day(fictional_model):
    ended = [r for r in fictional_model.relations if r.valid_to is not None and r.valid_to < TODAY]
    assert ended, "the fictional model has ended holdings or employments to test with"
    found = read_relations(org_graph(fictional_model, TODAY))
    assert not {(r.source_id, r.type, r.target_id, r.valid_from, r.valid_to) for r in ended} & \
        {(f[0], f[1], f[2], f[5], f[6]) for f in found}


def test_standard_terms_where_org_has_them(seed_model):
    g = org_graph(seed_model, TODAY)
    base = DEFAULT_BASE
    council, chair = URIRef(base + "sr-ortopedi"), URIRef(base + "sr-ortopedi-ordforande")
    assert (council, RDF.type, ORG.OrganizationalUnit) in g
    assert (URIRef(base + "vgr"), RDF.type, ORG.FormalOrganization) in g
    assert (chair, RDF.type, ORG.Post) in g and (chair, ORG.postIn, council) in g
    assert (chair, ORG.role, OG["role-chair"]) in g
    assert (URIRef(base + "su"), ORG.subOrganizationOf, URIRef(base + "vgr")) in g
    assert any(g.triples((None, ORG.reportsTo, None)))
    holding = next(g.subjects(RDF.type, OG.Holding))
    assert (holding, RDF.type, ORG.Membership) in g
    assert (g.value(holding, ORG.memberDuring), RDF.type, TIME.Interval) in g
    assert (g.value(holding, ORG.member), RDF.type, FOAF.Person) in g


def test_the_leadership_groups_renaming_is_a_change_event_marked_as_inferred(seed_model):
    g = org_graph(seed_model, TODAY)
    group = URIRef(DEFAULT_BASE + "lg-hs")
    (event,) = g.subjects(RDF.type, ORG.ChangeEvent)
    assert (event, ORG.originalOrganization, group) in g and (group, ORG.changedBy, event) in g
    assert str(g.value(event, OG.formerName)) == "Koncernledning hälso- och sjukvård"
    assert str(g.value(event, OG.newName)) == "Ledningsgrupp hälso- och sjukvård"
    assert str(g.value(event, DCTERMS.description)).startswith("Inferred by orgraph")
    assert {_source_of(g, c) for c in g.objects(event, PROV.wasDerivedFrom)} == {
        ("uh-ortopedi-2024", "Arbetsorganisation"), ("uh-bfm-2026", "Arbetsorganisation")}


def _source_of(g, cited):
    return (_id(g.value(cited, DCTERMS.isPartOf)), str(g.value(cited, DCTERMS.title)))


def test_every_cited_section_belongs_to_a_document_of_the_export(seed_model):
    g = org_graph(seed_model, None)
    cited = set(g.objects(None, PROV.wasDerivedFrom))
    assert cited
    for entity in cited:
        document = g.value(entity, DCTERMS.isPartOf) or entity
        assert (document, RDF.type, OG.Document) in g, entity


def test_the_shipped_profile_is_the_generated_one_and_covers_every_term_used(seed_model):
    assert PROFILE_PATH.read_text(encoding="utf-8") == profile_turtle(), \
        "orgraph-profile.ttl is stale: run python -m orgraph.export.profile"
    profile = Graph().parse(PROFILE_PATH, format="turtle")
    declared = set(profile.subjects())
    g = org_graph(seed_model, None)
    used = {p for p in g.predicates() if str(p).startswith(str(OG))}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(OG))}
    used |= {o for o in g.objects(None, ORG.role)}
    assert used and used <= declared, used - declared
