"""The model as GraphML for yEd and Gephi, written by networkx, with a layered layout.

Nodes carry ``kind``, ``name`` (and ``label``, which Gephi shows), their dates, their source and
every other property; edges carry ``type``, their dates, topic, reason and source.  Positions
are ``x``/``y`` attributes (Gephi's importer reads them) and yEd's own ``y:ShapeNode`` geometry
(yEd reads only that).  The layout is computed here: one row per tier of the vocabulary, nodes
side by side by council and id.  Lists (other names) are joined with `` | ``: GraphML has no lists.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> text = graphml(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> 'attr.name="kind"' in text and "y:ShapeNode" in text
True
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.export.view import View, relation_key, select
from orgraph.model.graph import Model, node_properties, relation_properties
from orgraph.model.values import iso
from orgraph.vocabulary import Kind, Rel

__all__ = ["graphml", "view_graphml", "graphml_graph", "layered_layout", "ROW_HEIGHT", "COLUMN_WIDTH"]

ROW_HEIGHT, COLUMN_WIDTH = 160.0, 220.0
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YFILES_NS = "http://www.yworks.com/xml/graphml"
LIST_SEPARATOR = " | "


def _flat(value: Any) -> Any:
    if isinstance(value, dt.date):
        return iso(value)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value) if isinstance(value, str) else value  # StrEnum constants as plain text


def layered_layout(view: View) -> dict[str, tuple[float, float]]:
    """``{id: (x, y)}``: a row per tier of the vocabulary, nodes of a council side by side, ids in order."""
    council_of: dict[str, str] = {}
    for rel in view.relations:
        if rel.type == Rel.POST_OF and view.kind(rel.target_id) == Kind.COUNCIL:
            council_of[rel.source_id] = rel.target_id
    for rel in view.relations:
        if rel.type == Rel.HOLDS and rel.target_id in council_of:
            council_of.setdefault(rel.source_id, council_of[rel.target_id])
    rows: dict[int, list[str]] = defaultdict(list)
    for node_id in view.nodes:
        rows[vocabulary.LABELS[view.kind(node_id)].tier].append(node_id)
    positions = {}
    for tier, ids in rows.items():
        ids.sort(key=lambda n: (council_of.get(n, n if view.kind(n) == Kind.COUNCIL else ""), n))
        start = -(len(ids) - 1) * COLUMN_WIDTH / 2
        for index, node_id in enumerate(ids):
            positions[node_id] = (start + index * COLUMN_WIDTH, tier * ROW_HEIGHT)
    return positions


def graphml_graph(view: View) -> nx.MultiDiGraph:
    """The networkx graph that is written: flat, GraphML-typed attributes and the positions."""
    positions = layered_layout(view)
    graph = nx.MultiDiGraph()
    for node_id, node in view.nodes.items():
        props = {key: _flat(value) for key, value in node_properties(node).items() if key != "id"}
        colour = vocabulary.LABELS[node.kind].colour.lstrip("#")
        x, y = positions[node_id]
        red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
        graph.add_node(node_id, **props, label=node.name, x=x, y=y, r=red, g=green, b=blue)
    for rel in view.relations:
        props = {key: _flat(value) for key, value in relation_properties(rel).items()}
        graph.add_edge(rel.source_id, rel.target_id, key=relation_key(rel), type=str(rel.type), label=str(rel.type),
                       **props)
    return graph


def graphml(model: Model, day: dt.date | None) -> str:
    """The model on ``day`` (``None``: with every date) as GraphML text."""
    return view_graphml(select(model, day))


def view_graphml(view: View) -> str:
    """The GraphML of one view, with yEd's node graphics added to what networkx writes."""
    graph = graphml_graph(view)
    buffer = io.BytesIO()
    nx.write_graphml_xml(graph, buffer, encoding="utf-8")
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YFILES_NS)
    root = ET.fromstring(buffer.getvalue())
    key = ET.Element(f"{{{GRAPHML_NS}}}key", {"id": "yed-node", "for": "node", "yfiles.type": "nodegraphics"})
    root.insert(0, key)
    for element in root.iter(f"{{{GRAPHML_NS}}}node"):
        data = graph.nodes[element.get("id")]
        element.insert(0, _shape_node(data))  # first: networkx's reader then keeps the typed x and y
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _shape_node(data: dict[str, Any]) -> ET.Element:
    spec = vocabulary.LABELS[data["kind"]]
    holder = ET.Element(f"{{{GRAPHML_NS}}}data", {"key": "yed-node"})
    shape = ET.SubElement(holder, f"{{{YFILES_NS}}}ShapeNode")
    ET.SubElement(shape, f"{{{YFILES_NS}}}Geometry", {"x": str(data["x"]), "y": str(data["y"]),
                                                      "width": "180.0", "height": "40.0"})
    ET.SubElement(shape, f"{{{YFILES_NS}}}Fill", {"color": spec.colour, "transparent": "false"})
    ET.SubElement(shape, f"{{{YFILES_NS}}}NodeLabel").text = data["name"]
    ET.SubElement(shape, f"{{{YFILES_NS}}}Shape", {"type": "roundrectangle"})
    return holder
