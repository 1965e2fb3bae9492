"""The RDF terms of the ORG export: namespaces, the IRIs of nodes, and orgraph's vocabulary in RDF.

Each node kind becomes a class of the orgraph profile (``og:Council``) under the ORG, FOAF or SKOS class
it specialises; each relationship type is either a standard property (``PART_OF`` is
``org:subOrganizationOf``) or a property of the profile (``og:escalatesTo``), a sub-property of
``org:linkedTo`` where both its ends may be bodies.  Everything is derived from
:mod:`orgraph.vocabulary`.

>>> str(property_of("PART_OF")), str(property_of("ESCALATES_TO"))
('http://www.w3.org/ns/org#subOrganizationOf', 'https://example.org/orgraph/vocab#escalatesTo')
>>> str(role_iri("contact-person"))
'https://example.org/orgraph/vocab#role-contact-person'
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, TIME, XSD, Namespace, URIRef

from orgraph import vocabulary
from orgraph.vocabulary import Kind, Rel

__all__ = ["ORG", "OG", "DEFAULT_BASE", "PREFIXES", "CLASS_OF", "STANDARD_PROPERTY", "class_of", "property_of",
           "rel_of_property", "linked_to", "role_iri", "node_iri", "section_iri", "camel"]

ORG = Namespace("http://www.w3.org/ns/org#")
#: The orgraph profile (``orgraph-profile.ttl``). example.org: orgraph publishes no vocabulary of its own.
OG = Namespace("https://example.org/orgraph/vocab#")
#: Where the exported nodes live unless ``--base`` says otherwise.
DEFAULT_BASE = "https://example.org/orgraph/id/"
PREFIXES = {"org": ORG, "og": OG, "foaf": FOAF, "dcterms": DCTERMS, "prov": PROV, "skos": SKOS, "time": TIME,
            "rdf": RDF, "rdfs": RDFS, "xsd": XSD}

#: The standard class each kind specialises (bodies are organisational units of the region).
CLASS_OF: dict[Kind, URIRef] = {kind: ORG.OrganizationalUnit for kind in vocabulary.BODY_LABELS}
CLASS_OF |= {Kind.REGION: ORG.FormalOrganization, Kind.POST: ORG.Post, Kind.PERSON: FOAF.Person,
             Kind.DOCUMENT: FOAF.Document, Kind.TOPIC: SKOS.Concept, Kind.CLAUSE: PROV.Entity}

#: The relationship types ORG, FOAF or Dublin Core already name.
STANDARD_PROPERTY: dict[Rel, URIRef] = {
    Rel.PART_OF: ORG.subOrganizationOf, Rel.POST_OF: ORG.postIn, Rel.REPORTS_TO: ORG.reportsTo,
    Rel.HOLDS: ORG.holds, Rel.EMPLOYED_BY: ORG.memberOf, Rel.REFERENCES: DCTERMS.references,
    Rel.SUPERSEDES: DCTERMS.replaces,
}


def camel(name: str) -> str:
    """``ESCALATES_TO`` as ``escalatesTo``.

    >>> camel("REFERENCE_GROUP_FOR")
    'referenceGroupFor'
    """
    first, *rest = name.lower().split("_")
    return first + "".join(word.capitalize() for word in rest)


def class_of(kind: str) -> URIRef:
    """The profile class of a node kind (``og:Council``)."""
    return OG[str(Kind(kind))]


def property_of(rel: str) -> URIRef:
    """The property a relationship type is exported as."""
    return STANDARD_PROPERTY.get(Rel(rel), OG[camel(rel)])


_BY_PROPERTY = {property_of(rel): rel for rel in Rel}


def rel_of_property(prop: URIRef) -> Rel | None:
    """The relationship type a property stands for (``None`` for any other property)."""
    return _BY_PROPERTY.get(prop)


def linked_to(rel: str) -> bool:
    """True when ``rel`` is a sub-property of ``org:linkedTo``: both its ends may be bodies.

    >>> linked_to("ESCALATES_TO"), linked_to("DECIDED")
    (True, False)
    """
    spec = vocabulary.RELATIONSHIPS[rel]
    bodies = set(vocabulary.BODY_LABELS)
    return bodies <= set(spec.sources) and bodies <= set(spec.targets)


def role_iri(role: str) -> URIRef:
    """The ``org:Role`` of a post role."""
    return OG[f"role-{role}"]


def node_iri(base: str, node_id: str) -> URIRef:
    """The IRI of a node (ids are slugs, safe in a path)."""
    return URIRef(f"{base}{node_id}")


def section_iri(base: str, document: str, section: str) -> URIRef:
    """The IRI of a document's section, from its heading.

    >>> str(section_iri("https://x/", "uh-bfm-2026", "Rapportering"))
    'https://x/uh-bfm-2026/section/rapportering'
    """
    slug = re.sub(r"\s+", "-", section.strip().lower())
    return URIRef(f"{base}{document}/section/{quote(slug, safe='-')}")
