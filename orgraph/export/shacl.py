"""Validate an ORG export against the shipped SHACL shapes (``shapes.ttl``) with pySHACL.

Each shape stands for one variant of one rule of ``orgraph check``; :func:`shacl_findings` returns
what pySHACL reports as ``(rule, variant, focus node id, severity)``, the same key a finding of
``orgraph check`` has (its first focus node).  Needs the ``export`` extra (rdflib, pySHACL).

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> from orgraph.export.rdf import org_graph
>>> found = shacl_findings(org_graph(load(data_dir("seed")), dt.date(2026, 11, 23)))
>>> ("mandate-decided", "undecided", "sr-ortopedi", "error") in found
True
"""

from __future__ import annotations

from pathlib import Path

from rdflib import DCTERMS, SH, Graph, URIRef

from orgraph.export.terms import DEFAULT_BASE, OG

__all__ = ["SHAPES_PATH", "shapes_graph", "shacl_findings", "covered_rules"]

SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
_SEVERITY = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "info"}


def shapes_graph() -> Graph:
    """The shipped shapes."""
    return Graph().parse(SHAPES_PATH, format="turtle")


def covered_rules() -> set[str]:
    """The rule ids the shapes check.

    >>> "council-one-chair" in covered_rules()
    True
    """
    return {str(rule) for rule in shapes_graph().objects(None, DCTERMS.identifier)}


def shacl_findings(data: Graph, base: str = DEFAULT_BASE) -> set[tuple[str, str, str, str]]:
    """``(rule, variant, focus id, severity)`` for every result pySHACL reports on ``data``."""
    from pyshacl import validate

    shapes = shapes_graph()
    _, report, _ = validate(data, shacl_graph=shapes, advanced=True, allow_warnings=True)
    found = set()
    for result in report.subjects(SH.resultSeverity, None):
        shape = report.value(result, SH.sourceShape)
        focus = str(report.value(result, SH.focusNode))
        severity = _SEVERITY[URIRef(report.value(result, SH.resultSeverity))]
        found.add((str(shapes.value(shape, DCTERMS.identifier)), str(shapes.value(shape, OG.variant)),
                   focus.removeprefix(base), severity))
    return found
