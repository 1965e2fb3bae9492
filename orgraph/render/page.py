"""The interactive picture: the model, read through any backend, as one self-contained offline HTML page.

This module puts the parts together: :mod:`.views` chooses what is drawn, :mod:`.layout` where,
:mod:`.network` how (vis-network's data, built with pyvis), :mod:`.panel` what the panels show, and
:mod:`.policy` makes it one safe file.  Escalation routes are computed by :mod:`orgraph.query.escalation`
and embedded as data: the page never routes by itself.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> page = render_html(MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23)))
>>> page.startswith("<!DOCTYPE html>") and "https://cdn" not in page
True
>>> len(page_data(page)["network"]["nodes"])
64
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from orgraph import i18n, vocabulary
from orgraph.backends.base import Backend, Hop
from orgraph.files import write_atomically
from orgraph.query.language import declared_language
from orgraph.render import layout, panel, views
from orgraph.render.network import LAYERS, network, relation_styles
from orgraph.render.policy import assemble, page_data
from orgraph.render.texts import page_strings
from orgraph.vocabulary import Kind

#: A view of the whole region with more nodes than this opens as an overview: the councils grouped by
#: region and each administration's staff folded into one node, each group expanding on a click.
OVERVIEW_NODES = 2000


class NoPathError(LookupError):
    """``path`` asked for two nodes that no path joins on the date."""


def render_html(backend: Backend, council: str | None = None, path: Sequence[str] | None = None, *,
                physics: bool = False, lang: str | None = None, overview: bool | None = None) -> str:
    """The page of the backend's model on its date: the whole model, one council (``council``), or the
    shortest path(s) ``path=(FROM, TO)``; in ``lang``, else the model's declared language, else Swedish
    (the page can switch between all of :data:`orgraph.i18n.LANGUAGES`).  The whole region opens as an
    overview when it has more than :data:`OVERVIEW_NODES` nodes (``overview`` forces it on or off).

    Raises :class:`KeyError` for an unknown council or node, :class:`ValueError`
    when both a council and a path are asked for, and :class:`NoPathError`.
    """
    if council is not None and path is not None:
        raise ValueError("choose either a council or a path, not both")
    lang = i18n.language(lang, declared_language(backend))
    graph = views.graph_of(backend)
    order = views.order_of(graph)
    clusters = views.clusters(graph, order)
    found_paths: list[list[Hop]] = []
    view: dict[str, Any]
    if council is not None:
        if graph.nodes.get(council, {}).get("kind") != Kind.COUNCIL:
            raise KeyError(council)
        ids = views.council_view(graph, clusters, council)
        view = {"kind": "council", "council": council}
    elif path is not None:
        source, target = path
        for node_id in (source, target):
            if node_id not in graph:
                raise KeyError(node_id)
        found_paths = backend.paths(source, target, all_paths=True)
        if not found_paths:
            raise NoPathError(f"no path from {source} to {target}")
        ids = {hop_node for hops in found_paths for hop in hops for hop_node in (hop.source, hop.target)}
        view = {"kind": "path", "from": source, "to": target}
    else:
        ids = set(graph.nodes)
        view = {"kind": "region"}
    labels = layout.labels(graph, ids) if view["kind"] != "path" else {n: graph._node[n]["name"] for n in ids}
    boxes = {n: layout.measure(labels[n], graph._node[n]["kind"]) for n in ids}
    overview = view["kind"] == "region" and (len(ids) > OVERVIEW_NODES if overview is None else overview)
    positions = (layout.path_layout(found_paths, boxes) if found_paths
                 else layout.best_layout(graph, ids, clusters, order, boxes, quick=overview))
    edge_keys = views.view_edges(graph, ids, found_paths)
    councils = sorted((n for n in ids if graph._node[n]["kind"] == Kind.COUNCIL), key=order.__getitem__)
    bundles = views.bundles(graph, clusters, order) if overview else {}
    day = backend.day.isoformat()
    cite = panel.citer(backend)
    data = {
        "meta": {"day": day, "view": view, "physics": physics, "lang": lang, "overview": overview,
                 # the org chart first: the other layers, documents and topics when asked for
                 "layers": list(LAYERS) if found_paths else [LAYERS[0]],
                 "hidden_kinds": [] if found_paths else [Kind.DOCUMENT, Kind.TOPIC],
                 "title": f"{_heading(graph, view)} · {day} · orgraph", "heading": _heading(graph, view)},
        "network": network(graph, ids, edge_keys, positions, boxes, clusters, order, physics, bundles, cite),
        "relations": relation_styles(),
        "groups": panel.groups(graph, bundles, positions, order),
        "holdings": panel.holdings(backend, graph, ids, order),
        "legend": panel.legend(graph, ids),
        "details": {node_id: found for node_id in sorted(ids, key=order.__getitem__)
                    if (found := panel.details(cite, graph._node[node_id]))},
        "councils": [{"id": c, "name": graph._node[c]["name"]} for c in councils],
        "topics": [{"id": t.id, "question": t.question,
                    "name": graph._node[t.id]["name"] if t.id in graph else t.id}
                   for t in vocabulary.TOPICS.values()],
        "escalations": panel.escalations(backend, councils),
        "paths": [[panel.hop_data(backend, hop) for hop in hops] for hops in found_paths],
        "strings": page_strings(),
    }
    return assemble(data, lang)


def write_html(backend: Backend, target: str | os.PathLike, council: str | None = None,
               path: Sequence[str] | None = None, *, physics: bool = False, lang: str | None = None,
               overview: bool | None = None) -> Path:
    """Render and write the page to ``target`` all at once (a temporary file, then a rename).

    Raises :class:`FileNotFoundError` when ``target``'s directory does not exist;
    nothing is left behind on any failure.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"no such directory: {directory}")
    page = render_html(backend, council, path, physics=physics, lang=lang, overview=overview)
    return write_atomically(target, page.encode("utf-8"), mode=0o644)


def _heading(graph: nx.MultiDiGraph, view: dict[str, Any]) -> str:
    """What the page is about: the region's name, the council's, or the path's two ends."""
    if view["kind"] == "council":
        return graph._node[view["council"]]["name"]
    if view["kind"] == "path":
        return f"{graph._node[view['from']]['name']} → {graph._node[view['to']]['name']}"
    regions = [data["name"] for _, data in graph.nodes(data=True) if data["kind"] == Kind.REGION]
    return regions[0] if regions else "orgraph"


__all__ = ["OVERVIEW_NODES", "NoPathError", "declared_language", "page_data", "render_html", "write_html"]
