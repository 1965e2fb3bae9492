"""The GraphML export, read back by networkx's GraphML reader: every node and relationship, its keys, its position."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest

from orgraph.export.graphml import YFILES_NS, graphml
from orgraph.export.view import select

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("model_name", ["seed_model", "fictional_model"])
@pytest.mark.parametrize("day", [TODAY, None], ids=["as-of", "all-dates"])
def test_networkx_reads_back_every_node_and_relationship(request, model_name, day):
    model = request.getfixturevalue(model_name)
    view = select(model, day)
    g = nx.read_graphml(io.StringIO(graphml(model, day)), force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == set(view.nodes)
    for node_id, node in view.nodes.items():
        data = g.nodes[node_id]
        assert (data["kind"], data["name"]) == (node.kind, node.name)
        assert data.get("valid_from") == (node.valid_from.isoformat() if node.valid_from else None)
        assert data.get("source_document") == (node.source.document if node.source else None)
        assert data.get("source_section") == (node.source.section if node.source else None)
        assert isinstance(data["x"], float) and isinstance(data["y"], float)
    edges = Counter((u, v, d["type"], d.get("valid_from"), d.get("valid_to"), d.get("topic"), d.get("source_document"))
                    for u, v, d in g.edges(data=True))
    expected = Counter((r.source_id, r.target_id, r.type, r.valid_from and r.valid_from.isoformat(),
                        r.valid_to and r.valid_to.isoformat(), r.topic, r.source.document if r.source else None)
                       for r in view.relations)
    assert edges == expected


def test_positions_are_layered_by_tier_and_given_to_yed_too(seed_model):
    text = graphml(seed_model, TODAY)
    g = nx.read_graphml(io.StringIO(text))
    positions = {(g.nodes[n]["x"], g.nodes[n]["y"]) for n in g}
    assert len(positions) == g.number_of_nodes(), "no two nodes share a position"
    assert g.nodes["vgr"]["y"] < g.nodes["lg-hs"]["y"] < g.nodes["sr-ortopedi"]["y"] < g.nodes["su"]["y"]
    root = ET.fromstring(text.encode("utf-8"))
    geometries = root.findall(f".//{{{YFILES_NS}}}ShapeNode/{{{YFILES_NS}}}Geometry")
    assert len(geometries) == g.number_of_nodes()
    assert {(float(e.get("x")), float(e.get("y"))) for e in geometries} == positions


def test_the_keys_are_typed_for_gephi(seed_model):
    root = ET.fromstring(graphml(seed_model, TODAY).encode("utf-8"))
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys[("node", "x")] == keys[("node", "y")] == "double"
    assert keys[("node", "kind")] == keys[("node", "name")] == keys[("edge", "type")] == "string"
    assert ("node", "source_document") in keys and ("edge", "valid_from") in keys
