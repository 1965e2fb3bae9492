"""The model in the W3C Organization Ontology (ORG), as an rdflib graph, Turtle or JSON-LD.

Bodies are ``org:OrganizationalUnit`` s (the region an ``org:FormalOrganization``), posts
``org:Post`` s with ``org:postIn`` and ``org:role``, people ``foaf:Person`` s; a holding is an
``og:Holding`` (an ``org:Membership``) whose ``org:memberDuring`` is a ``time:Interval``; every
fact cites its source with ``prov:wasDerivedFrom`` (the document's section).  A relation that
says more than its two ends (a topic, a reason, dates, a source) is also given as an
``rdf:Statement`` carrying those.  See ``docs/export.md``.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> g = org_graph(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> from rdflib import URIRef
>>> (URIRef(DEFAULT_BASE + "sr-ortopedi"), RDF.type, ORG.OrganizationalUnit) in g
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rdflib import DCTERMS, FOAF, PROV, RDF, SKOS, TIME, XSD, BNode, Graph, Literal, URIRef

from orgraph.export.terms import (
    CLASS_OF,
    DEFAULT_BASE,
    OG,
    ORG,
    PREFIXES,
    class_of,
    node_iri,
    property_of,
    role_iri,
    section_iri,
)
from orgraph.export.view import View, relation_key, select, text_key
from orgraph.model.graph import Model
from orgraph.model.schema import Relation, Source
from orgraph.vocabulary import Kind, Rel

__all__ = ["org_graph", "view_graph", "turtle", "json_ld", "membership_iri", "statement_iri"]

#: Node fields written as a property of their own, with the RDF term and how to make the literal.
_FIELDS: dict[str, URIRef] = {"valid_from": OG.validFrom, "valid_to": OG.validTo, "number": DCTERMS.identifier,
                              "date": DCTERMS.date, "decided": DCTERMS.dateAccepted,
                              "meetings_min": OG.meetingsMin, "meetings_max": OG.meetingsMax,
                              "adjunct_limit": OG.adjunctLimit}


def org_graph(model: Model, day: dt.date | None, base: str = DEFAULT_BASE) -> Graph:
    """The model on ``day`` (``None``: with every date) as ORG triples."""
    return view_graph(select(model, day), base)


def view_graph(view: View, base: str = DEFAULT_BASE) -> Graph:
    """The triples of one :class:`~orgraph.export.view.View`."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    writer = _Writer(g, view, base)
    for node in view.nodes.values():
        writer.node(node)
    for relation in view.relations:
        writer.relation(relation)
    writer.renamings()
    if view.day is not None:  # what the SHACL shapes read as "today"
        g.add((URIRef(base), RDF.type, PROV.Entity))
        g.add((URIRef(base), OG.asOf, _literal(view.day)))
    return g


def turtle(model: Model, day: dt.date | None, base: str = DEFAULT_BASE) -> str:
    """The ORG export as Turtle."""
    return org_graph(model, day, base).serialize(format="turtle")


def json_ld(model: Model, day: dt.date | None, base: str = DEFAULT_BASE) -> str:
    """The ORG export as JSON-LD, compacted with the export's prefixes as its context."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return org_graph(model, day, base).serialize(format="json-ld", context=context, indent=2)


def membership_iri(base: str, relation: Relation) -> URIRef:
    """The IRI of the ``org:Membership`` of a holding or an employment."""
    return URIRef(f"{base}membership/{relation_key(relation)}")


def statement_iri(base: str, relation: Relation) -> URIRef:
    """The IRI of the ``rdf:Statement`` that qualifies a relation."""
    return URIRef(f"{base}relation/{relation_key(relation)}")


def _literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(value)


class _Writer:
    """Writes nodes and relations of one view into a graph."""

    def __init__(self, g: Graph, view: View, base: str):
        self.g, self.view, self.base = g, view, base

    def iri(self, node_id: str) -> URIRef:
        return node_iri(self.base, node_id)

    def cite(self, subject: URIRef, source: Source | None) -> None:
        """``prov:wasDerivedFrom`` the cited section (the document when no section), and its quote if any."""
        if source is None or source.document is None:  # a loaded model's citations all name their document
            return
        document = self.iri(source.document)
        cited: URIRef = document
        if source.section:
            cited = section_iri(self.base, source.document, source.section)
            self.g.add((cited, RDF.type, PROV.Entity))
            self.g.add((cited, DCTERMS.isPartOf, document))
            self.g.add((cited, DCTERMS.title, Literal(source.section, lang="sv")))
        quote = getattr(source, "quote", None)  # the model's sources carry no quote yet; cite it when they do
        if quote:
            quoted = URIRef(f"{cited}/quote/{text_key(quote)}")
            self.g.add((quoted, RDF.type, PROV.Entity))
            self.g.add((quoted, PROV.value, Literal(quote, lang="sv")))
            self.g.add((quoted, DCTERMS.isPartOf, cited))
            cited = quoted
        self.g.add((subject, PROV.wasDerivedFrom, cited))

    def extras(self, subject: URIRef, props: dict[str, Any]) -> None:
        for key, value in sorted(props.items()):
            if value is None:
                continue
            extra = BNode()
            self.g.add((subject, OG.property, extra))
            self.g.add((extra, OG.key, Literal(key)))
            self.g.add((extra, RDF.value, _literal(value)))

    def node(self, node: Any) -> None:
        g, subject, kind = self.g, self.iri(node.id), Kind(node.kind)
        g.add((subject, RDF.type, class_of(kind)))
        g.add((subject, RDF.type, CLASS_OF[kind]))
        g.add((subject, DCTERMS.identifier if kind != Kind.DOCUMENT else SKOS.notation, Literal(node.id)))
        g.add((subject, SKOS.prefLabel, Literal(node.name, lang="sv")))
        if node.name_en:
            g.add((subject, SKOS.prefLabel, Literal(node.name_en, lang="en")))
        if kind == Kind.PERSON:
            g.add((subject, FOAF.name, Literal(node.name)))
        if kind == Kind.DOCUMENT:
            g.add((subject, DCTERMS.title, Literal(node.name, lang="sv")))
        for alt in node.aka:
            g.add((subject, SKOS.altLabel, Literal(alt.name, lang="sv")))
            if alt.source is not None:
                statement = URIRef(f"{subject}/aka/{text_key(alt.name)}")
                self.statement(statement, subject, SKOS.altLabel, Literal(alt.name, lang="sv"))
                self.cite(statement, alt.source)
        for field, prop in _FIELDS.items():
            value = getattr(node, field, None)
            if value is not None:
                g.add((subject, prop, _literal(value)))
        if node.fictional:
            g.add((subject, OG.fictional, _literal(True)))
        if kind == Kind.POST:
            g.add((subject, ORG.role, role_iri(node.role)))
        if kind == Kind.TOPIC and node.default_role:
            g.add((subject, OG.defaultRole, role_iri(node.default_role)))
        self.extras(subject, node.props)
        self.cite(subject, node.source)

    def statement(self, statement: URIRef, subject: URIRef, predicate: URIRef, obj: Any) -> None:
        self.g.add((statement, RDF.type, RDF.Statement))
        self.g.add((statement, RDF.subject, subject))
        self.g.add((statement, RDF.predicate, predicate))
        self.g.add((statement, RDF.object, obj))

    def relation(self, relation: Relation) -> None:
        g = self.g
        source, target, prop = self.iri(relation.source_id), self.iri(relation.target_id), property_of(relation.type)
        g.add((source, prop, target))
        if relation.type in (Rel.HOLDS, Rel.EMPLOYED_BY):
            self.membership(relation)
            return
        if not (relation.topic or relation.reason or relation.valid_from or relation.valid_to or relation.props
                or relation.source):
            return
        statement = statement_iri(self.base, relation)
        self.statement(statement, source, prop, target)
        self.qualify(statement, relation, dates=True)

    def qualify(self, subject: URIRef, relation: Relation, dates: bool) -> None:
        if relation.topic:
            self.g.add((subject, OG.topic, self.iri(relation.topic)))
        if relation.reason:
            self.g.add((subject, OG.reason, Literal(relation.reason, lang="en")))
        for value, prop in ((relation.valid_from, OG.validFrom), (relation.valid_to, OG.validTo)):
            if dates and value is not None:
                self.g.add((subject, prop, _literal(value)))
        self.extras(subject, relation.props)
        self.cite(subject, relation.source)

    def membership(self, relation: Relation) -> None:
        """A holding or an employment as an ``org:Membership`` with its interval."""
        g, membership = self.g, membership_iri(self.base, relation)
        person, target = self.iri(relation.source_id), self.iri(relation.target_id)
        g.add((membership, RDF.type, ORG.Membership))
        g.add((membership, ORG.member, person))
        if relation.type == Rel.HOLDS:
            g.add((membership, RDF.type, OG.Holding))
            g.add((membership, OG.post, target))
            post = self.view.nodes[relation.target_id]
            g.add((membership, ORG.role, role_iri(post.role)))
            for body in sorted({r.target_id for r in self.view.relations
                                if r.source_id == post.id and r.type == Rel.POST_OF}):
                g.add((membership, ORG.organization, self.iri(body)))
        else:
            g.add((membership, RDF.type, OG.Employment))
            g.add((membership, ORG.organization, target))
        if relation.valid_from or relation.valid_to:
            interval = URIRef(f"{membership}/during")
            g.add((membership, ORG.memberDuring, interval))
            g.add((interval, RDF.type, TIME.Interval))
            for value, prop, name in ((relation.valid_from, TIME.hasBeginning, "begin"),
                                      (relation.valid_to, TIME.hasEnd, "end")):
                if value is not None:
                    instant = URIRef(f"{membership}/{name}")
                    g.add((interval, prop, instant))
                    g.add((instant, RDF.type, TIME.Instant))
                    g.add((instant, TIME.inXSDDate, _literal(value)))
        self.qualify(membership, relation, dates=False)

    def renamings(self) -> None:
        """An ``org:ChangeEvent`` where an older document names a body otherwise: an inference, marked so."""
        for node in self.view.nodes.values():
            if Kind(node.kind) not in _BODY_KINDS or node.source is None:
                continue
            current = _document_date(self.view, node.source.document)
            for alt in node.aka:
                former = _document_date(self.view, alt.source.document) if alt.source else None
                if current is None or former is None or not former < current:
                    continue
                event = URIRef(f"{self.iri(node.id)}/renamed/{text_key(alt.name)}")
                subject = self.iri(node.id)
                self.g.add((event, RDF.type, ORG.ChangeEvent))
                self.g.add((event, ORG.originalOrganization, subject))
                self.g.add((event, ORG.resultingOrganization, subject))
                self.g.add((subject, ORG.changedBy, event))
                self.g.add((subject, ORG.resultedFrom, event))
                self.g.add((event, OG.formerName, Literal(alt.name, lang="sv")))
                self.g.add((event, OG.newName, Literal(node.name, lang="sv")))
                self.g.add((event, DCTERMS.description, Literal(
                    f"Inferred by orgraph: {alt.source.document} ({former.isoformat()}) names this body "
                    f"'{alt.name}', {node.source.document} ({current.isoformat()}) '{node.name}'. "
                    "The documents give no date for the renaming.", lang="en")))
                if alt.valid_to is not None:  # the model's date for it (inferred, like the event)
                    self.g.add((event, DCTERMS.date, _literal(alt.valid_to + dt.timedelta(days=1))))
                self.cite(event, alt.source)
                self.cite(event, node.source)


_BODY_KINDS = {kind for kind, cls in CLASS_OF.items() if cls in (ORG.OrganizationalUnit, ORG.FormalOrganization)}


def _document_date(view: View, document_id: str) -> dt.date | None:
    document = view.model.nodes.get(document_id)
    return getattr(document, "date", None) or getattr(document, "decided", None)
