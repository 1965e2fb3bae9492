"""vis-network's data for a view, built with pyvis: each node kind's colour and shape from
:mod:`orgraph.vocabulary`, edges styled by what they mean, and the network's options.

>>> _shade("#1f3b73", 1.0)
'#1f3b73'
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import networkx as nx
from pyvis.network import Network

from orgraph import vocabulary
from orgraph.render import views
from orgraph.render.layout import FONT_SIZE, LABEL_INSIDE, Box
from orgraph.vocabulary import Kind, Rel

#: The org chart: the chain of authority, the bodies' posts and their holders, reporting lines.
#: (``PART_OF`` is not: every body is part of the region, and those lines would all meet in one point.)
STRUCTURE = frozenset({Rel.DELEGATES_TO, Rel.COMMISSIONS, Rel.POST_OF, Rel.HOLDS, Rel.REPORTS_TO, Rel.LEADS})
#: Where questions go: drawn when asked for (a layer toggle, the escalation explorer, a selected node).
ESCALATION = frozenset({Rel.ESCALATES_TO, Rel.MAY_DECIDE})
#: The page's layers, in the order of its toggles; the first is drawn from the start.
LAYERS = ("structure", "escalation", "other")


def layer_of(rel_type: str) -> str:
    """The layer an edge of ``rel_type`` is drawn on.

    >>> layer_of("HOLDS"), layer_of("ESCALATES_TO"), layer_of("APPOINTS")
    ('structure', 'escalation', 'other')
    """
    if rel_type in STRUCTURE:
        return LAYERS[0]
    return LAYERS[1] if rel_type in ESCALATION else LAYERS[2]


def network(graph: nx.MultiDiGraph, ids: set[str], edge_keys: list[tuple[str, str, Any]],
             positions: dict[str, tuple[float, float]], boxes: dict[str, Box], clusters: dict[str, str],
             order: dict[str, int], physics: bool) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, built with pyvis."""
    net = Network(directed=True, cdn_resources="in_line")
    councils_of = views.councils_of(graph, ids, clusters)
    for node_id in sorted(ids, key=order.__getitem__):
        data = graph.nodes[node_id]
        label = vocabulary.LABELS[data["kind"]]
        x, y = positions[node_id]
        box = boxes[node_id]
        inside = label.shape in LABEL_INSIDE
        net.add_node(
            node_id, label=box.label, shape=label.shape, x=x, y=y,
            color={"background": label.colour, "border": _shade(label.colour, 0.7),
                   "highlight": {"background": label.colour, "border": "#111111"},
                   "hover": {"background": label.colour, "border": "#111111"}},
            font={"color": _text_colour(label.colour) if inside else "#1d2733", "size": FONT_SIZE,
                  "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
            size=box.size, borderWidth=1.5, widthConstraint={"maximum": box.wrap},
            kind=data["kind"], councils=councils_of[node_id], name=data["name"],
            search=_search_text(data), block=clusters[node_id],
        )
    pair_count: dict[frozenset, int] = defaultdict(int)
    pairs = {(u, v) for u, v, _ in edge_keys}
    dashes: list[int] | bool
    for index, (u, v, key) in enumerate(edge_keys):
        data = graph.edges[u, v, key]
        relationship = vocabulary.RELATIONSHIPS[data["type"]]
        pair = frozenset((u, v))
        nth = pair_count[pair]
        pair_count[pair] += 1
        if relationship.needs_topic:
            colour, width, dashes = vocabulary.LABELS[Kind.TOPIC].colour, 1.6, [6, 4]
        elif relationship.dated:
            colour, width, dashes = "#b9b2a6", 1.0, False
        else:
            colour, width, dashes = "#8f9aa6", 1.2, False
        smooth = ({"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW", "roundness": 0.1 * (nth + 1)}
                  if nth or (v, u) in pairs else {"enabled": False})
        net.add_edge(u, v, id=f"e{index}", type=data["type"], topic=data.get("topic"), layer=layer_of(data["type"]),
                     color={"color": colour, "highlight": "#111111", "hover": "#111111", "opacity": 0.85},
                     width=width, dashes=dashes, smooth=smooth, arrows={"to": {"enabled": True, "scaleFactor": 0.6}})
    net.options = {
        "autoResize": True,
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"iterations": 150},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.3}},
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 3_600_000, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False},
        "edges": {"selectionWidth": 2, "hoverWidth": 1},
        "nodes": {"shapeProperties": {"interpolation": False}},
    }
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": json.loads(options)}



def _search_text(data: dict[str, Any]) -> str:
    names = [data["id"], data["name"], data.get("name_en") or "", *(data.get("aka") or [])]
    return " ".join(names)


def _shade(colour: str, factor: float) -> str:
    """``colour`` (``#rrggbb``) darkened by ``factor`` (0..1).

    >>> _shade("#ffffff", 0.5)
    '#808080'
    """
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * factor):02x}" for c in channels)


def _text_colour(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``.

    >>> _text_colour("#1f3b73"), _text_colour("#fdd0a2")
    ('#ffffff', '#1d2733')
    """
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if luminance < 0.5 else "#1d2733"


__all__ = ["ESCALATION", "LAYERS", "STRUCTURE", "layer_of", "network"]
