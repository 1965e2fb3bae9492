"""vis-network's data for a view: each node kind's colour and shape from :mod:`orgraph.vocabulary` (a
vis-network group each), edges styled by what they mean (once per type), and the network's options.

vis-network itself is the build pyvis ships; pyvis' ``Network`` object is not used to build the lists:
its ``add_edge`` scans every edge added before (8 s at 10,000 nodes), and it repeats each node's style.

>>> _shade("#1f3b73", 1.0)
'#1f3b73'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.render import views
from orgraph.render.layout import FONT_SIZE, LABEL_INSIDE, LABEL_WIDTH, Box
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
            order: dict[str, int], physics: bool, bundles: dict[str, str] | None = None,
            cite: Callable[[dict[str, Any]], str | None] | None = None) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, compact: each node kind's style once (a vis-network
    group), each relationship type's once (``relations``); a node or edge carries only its own values.

    A node is an object (``id``, ``kind``, ``name``, ``x``, ``y``; ``block``: the council whose card it
    is drawn on, ``label``, ``wrap``, ``name_en``, ``aka``, ``councils`` and ``bundle``: its overview
    group's index in ``groups``, when it has them); an edge is ``[from, to, type]``
    or ``[from, to, type, {props, source, smooth}]``, ``from`` and ``to`` indices into the nodes, in
    ``edge_keys`` order: the page names the n-th edge ``e{n}``.
    """
    councils_of = views.councils_of(graph, ids, clusters)
    councils = views.council_ids(graph)
    bundles = bundles or {}
    bundle_index = {bundle: i for i, bundle in enumerate(sorted(set(bundles.values()), key=group_order(order)))}
    nodes = []
    for node_id in sorted(ids, key=order.__getitem__):
        data = graph._node[node_id]
        x, y = positions[node_id]
        box = boxes[node_id]
        node: dict[str, Any] = {"id": node_id, "kind": data["kind"], "name": data["name"], "x": round(x),
                                "y": round(y)}
        if clusters[node_id] in councils:
            node["block"] = clusters[node_id]
        if box.label != data["name"]:
            node["label"] = box.label
        if box.wrap != LABEL_WIDTH:
            node["wrap"] = box.wrap
        for key in ("name_en", "aka"):
            if data.get(key):
                node[key] = data[key]
        if councils_of[node_id]:
            node["councils"] = councils_of[node_id]
        if node_id in bundles:
            node["bundle"] = bundle_index[bundles[node_id]]
        nodes.append(node)
    index = {node["id"]: i for i, node in enumerate(nodes)}
    pair_count: dict[frozenset, int] = defaultdict(int)
    pairs = {(u, v) for u, v, _ in edge_keys}
    edges: list[list[Any]] = []
    hidden = {"type", "source_document", "source_section"}
    for u, v, key in edge_keys:
        data = graph._succ[u][v][key]
        pair = frozenset((u, v))
        nth = pair_count[pair]
        pair_count[pair] += 1
        extra: dict[str, Any] = {}
        props = {k: value for k, value in sorted(data.items()) if k not in hidden}
        if props:
            extra["props"] = props
        source = cite(data) if cite is not None else None
        if source:
            extra["source"] = source
        if nth or (v, u) in pairs:
            extra["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                               "roundness": round(0.1 * (nth + 1), 2)}
        edges.append([index[u], index[v], data["type"], extra] if extra else [index[u], index[v], data["type"]])
    options = {
        "autoResize": True,
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"iterations": 150},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.3}},
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 3_600_000, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False},
        "edges": {"selectionWidth": 2, "hoverWidth": 1, "smooth": {"enabled": False},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
        "nodes": {"shapeProperties": {"interpolation": False}, "borderWidth": 1.5,
                  "widthConstraint": {"maximum": LABEL_WIDTH}},
        "groups": {kind: kind_style(kind) for kind in sorted({graph._node[n]["kind"] for n in ids})},
    }
    return {"nodes": nodes, "edges": edges, "options": options}


def group_order(order: dict[str, int]) -> Callable[[str], tuple[int, str]]:
    """How the overview's groups are ordered: by their owner's place, then what they hold.

    >>> sorted(["staff:b", "councils:a"], key=group_order({"a": 1, "b": 0}))
    ['staff:b', 'councils:a']
    """
    return lambda bundle: (order[bundle.split(":", 1)[1]], bundle.split(":", 1)[0])


def kind_style(kind: str) -> dict[str, Any]:
    """One node kind's look, as a vis-network group: shape, size, colours and font from the vocabulary.

    >>> style = kind_style("Council")
    >>> style["shape"], style["color"]["background"] == vocabulary.LABELS["Council"].colour
    ('diamond', True)
    """
    label = vocabulary.LABELS[kind]
    inside = label.shape in LABEL_INSIDE
    return {"shape": label.shape, "size": 18 if label.tier <= 2 else 13,
            "color": {"background": label.colour, "border": _shade(label.colour, 0.7),
                      "highlight": {"background": label.colour, "border": "#111111"},
                      "hover": {"background": label.colour, "border": "#111111"}},
            "font": {"color": _text_colour(label.colour) if inside else "#1d2733", "size": FONT_SIZE,
                     "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"}}


def relation_styles() -> dict[str, dict[str, Any]]:
    """Each relationship type's line (colour, width, dashes), layer and meaning (a message id).

    >>> relation_styles()["ESCALATES_TO"]["layer"], relation_styles()["HOLDS"]["dashes"]
    ('escalation', False)
    """
    styles = {}
    for name, relationship in vocabulary.RELATIONSHIPS.items():
        dashes: list[int] | bool
        if relationship.needs_topic:
            colour, width, dashes = vocabulary.LABELS[Kind.TOPIC].colour, 1.6, [6, 4]
        elif relationship.dated:
            colour, width, dashes = "#b9b2a6", 1.0, False
        else:
            colour, width, dashes = "#8f9aa6", 1.2, False
        styles[name] = {"colour": colour, "width": width, "dashes": dashes, "layer": layer_of(name),
                        "meaning": relationship.meaning}
    return styles


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


__all__ = ["ESCALATION", "LAYERS", "STRUCTURE", "kind_style", "group_order", "layer_of", "network", "relation_styles"]
