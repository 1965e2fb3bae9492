"""The orgraph profile of ORG: the classes, properties and roles the export uses beyond ORG itself.

ORG invites profiles that specialise it.  This one is generated from :mod:`orgraph.vocabulary`
(kinds, relationship types, roles) plus the few data properties the export needs; the shipped
``orgraph-profile.ttl`` is its output, and a test holds the two equal.  Regenerate it with
``python -m orgraph.export.profile``.

>>> g = profile_graph()
>>> (OG.Council, RDFS.subClassOf, ORG.OrganizationalUnit) in g
True
>>> (OG.escalatesTo, RDFS.subPropertyOf, ORG.linkedTo) in g
True
"""

from __future__ import annotations

from pathlib import Path

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from orgraph import vocabulary
from orgraph.export.terms import CLASS_OF, OG, ORG, PREFIXES, STANDARD_PROPERTY, camel, linked_to, role_iri
from orgraph.vocabulary import Kind, Rel

__all__ = ["PROFILE_PATH", "DATA_PROPERTIES", "profile_graph", "profile_turtle"]

PROFILE_PATH = Path(__file__).with_name("orgraph-profile.ttl")

#: The profile's own data and object properties: (local name, range, meaning).
DATA_PROPERTIES: tuple[tuple[str, URIRef, str], ...] = (
    ("asOf", XSD.date, "the date a one-date export describes the model on"),
    ("validFrom", XSD.date, "the first day a node or relation holds (inclusive)"),
    ("validTo", XSD.date, "the last day a node or relation holds (inclusive)"),
    ("fictional", XSD.boolean, "true for invented example data"),
    ("meetingsMin", XSD.integer, "meetings a year, at least"),
    ("meetingsMax", XSD.integer, "meetings a year, at most"),
    ("adjunctLimit", XSD.integer, "how many adjunct participants the mandate allows"),
    ("reason", XSD.string, "why a relation holds, in a sentence"),
    ("topic", SKOS.Concept, "the escalation topic of an escalation"),
    ("defaultRole", ORG.Role, "the council post that raises a question of this topic by default"),
    ("post", ORG.Post, "the post a holding is of"),
    ("property", RDFS.Resource, "a further property of a node or relation (og:key and rdf:value)"),
    ("key", XSD.string, "the name of a further property"),
    ("variant", XSD.string, "the variant of an orgraph check rule a SHACL shape stands for"),
    ("formerName", XSD.string, "the name before a renaming"),
    ("newName", XSD.string, "the name after a renaming"),
)


def profile_graph() -> Graph:
    """The profile as an rdflib graph."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.bind("owl", OWL)
    ontology = URIRef(str(OG).rstrip("#"))
    g.add((ontology, RDF.type, OWL.Ontology))
    g.add((ontology, DCTERMS.title, Literal("orgraph profile of the W3C Organization Ontology", lang="en")))
    g.add((ontology, RDFS.seeAlso, URIRef(str(ORG).rstrip("#"))))
    for name, label in vocabulary.LABELS.items():
        cls = OG[name]
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.subClassOf, CLASS_OF[Kind(name)]))
        g.add((cls, RDFS.label, Literal(label.swedish, lang="sv")))
        g.add((cls, RDFS.comment, Literal(label.meaning, lang="en")))
    for cls, parent, meaning in ((OG.Holding, ORG.Membership, "a person holds a post, over an interval"),
                                 (OG.Employment, ORG.Membership, "a person works in an administration, over an "
                                  "interval")):
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.subClassOf, parent))
        g.add((cls, RDFS.comment, Literal(meaning, lang="en")))
    for rel, spec in vocabulary.RELATIONSHIPS.items():
        if Rel(rel) in STANDARD_PROPERTY:
            continue
        prop = OG[camel(rel)]
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDFS.label, Literal(rel)))
        g.add((prop, RDFS.comment, Literal(spec.meaning, lang="en")))
        if linked_to(rel):
            g.add((prop, RDFS.subPropertyOf, ORG.linkedTo))
    for name, range_, meaning in DATA_PROPERTIES:
        prop = OG[name]
        is_literal = str(range_).startswith(str(XSD))
        g.add((prop, RDF.type, OWL.DatatypeProperty if is_literal else OWL.ObjectProperty))
        g.add((prop, RDFS.range, range_))
        g.add((prop, RDFS.comment, Literal(meaning, lang="en")))
    for name, role in vocabulary.ROLES.items():
        iri = role_iri(name)
        g.add((iri, RDF.type, ORG.Role))
        g.add((iri, SKOS.notation, Literal(name)))
        g.add((iri, SKOS.prefLabel, Literal(role.swedish, lang="sv")))
        g.add((iri, SKOS.definition, Literal(role.meaning, lang="en")))
    return g


def profile_turtle() -> str:
    """The profile as Turtle: the content of ``orgraph-profile.ttl``."""
    return profile_graph().serialize(format="turtle")


if __name__ == "__main__":  # python -m orgraph.export.profile: regenerate orgraph-profile.ttl
    PROFILE_PATH.write_text(profile_turtle(), encoding="utf-8")
