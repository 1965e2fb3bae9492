"""The interactive picture: the model as one self-contained, offline HTML page.

pyvis builds the network's data (nodes, edges, options); the page around it is
ours (``visualize/``), with vis-network's standalone build inlined from the
installed pyvis package, so the file needs no network at all.  Colours, shapes
and the legend come from :mod:`orgraph.vocabulary`; the layout is computed here
(a hierarchy by :attr:`~orgraph.vocabulary.Label.tier`, administrations aside)
so that the page opens at once, physics off.  Escalation routes are computed by
:mod:`orgraph.query.escalation` and embedded as data: the page never routes by itself.

Everything from the model reaches the page only as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped) and is shown with ``textContent``; the page's Content-Security-Policy
forbids every network request and runs only its own two scripts (by hash).

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> page = render_html(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> page.startswith("<!DOCTYPE html>") and "https://cdn" not in page
True
>>> len(page_data(page)["network"]["nodes"])
64
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from orgraph import vocabulary
from orgraph.backends.base import Hop
from orgraph.model.graph import Model
from orgraph.model.values import plain
from orgraph.vocabulary import Kind, Rel, Role

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_DATA_SCRIPT = re.compile(r'<script type="application/json" id="orgraph-data">(.*?)</script>', re.S)


class NoPathError(LookupError):
    """``path`` asked for two nodes that no path joins on the date."""


# --------------------------------------------------------------------------------------------- the page


def render_html(model: Model, day: dt.date, council: str | None = None,
                path: Sequence[str] | None = None, *, physics: bool = False) -> str:
    """The page: the whole model, one council (``council``), or the shortest path(s) ``path=(FROM, TO)``.

    Raises :class:`KeyError` for an unknown council or node, :class:`ValueError`
    when both a council and a path are asked for, and :class:`NoPathError`.
    """
    from orgraph.backends.memory import MemoryBackend

    if council is not None and path is not None:
        raise ValueError("choose either a council or a path, not both")
    backend = MemoryBackend(model, day)
    graph = backend.graph
    order = {node_id: index for index, node_id in enumerate(model.nodes)}
    clusters = _clusters(graph, order)
    found_paths: list[list[Hop]] = []
    if council is not None:
        if graph.nodes.get(council, {}).get("kind") != Kind.COUNCIL:
            raise KeyError(council)
        ids = _council_view(graph, clusters, council)
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
    labels = _labels(graph, ids) if view["kind"] != "path" else {n: graph.nodes[n]["name"] for n in ids}
    boxes = {n: _measure(labels[n], graph.nodes[n]["kind"]) for n in ids}
    positions = (_path_layout(found_paths, boxes) if found_paths
                 else _best_layout(graph, ids, clusters, order, boxes))
    edge_keys = _view_edges(graph, ids, found_paths)
    network = _network(graph, ids, edge_keys, positions, boxes, clusters, order, physics)
    councils = sorted((n for n in ids if graph.nodes[n]["kind"] == Kind.COUNCIL), key=order.__getitem__)
    data = {
        "meta": {"day": day.isoformat(), "view": view, "physics": physics,
                 "title": f"{_heading(graph, view)} · {day.isoformat()} · orgraph", "heading": _heading(graph, view)},
        "network": network,
        "legend": _legend(graph, ids),
        "details": {node_id: _details(backend, node_id) for node_id in sorted(ids, key=order.__getitem__)},
        "edges": {f"e{index}": _edge_details(backend, u, v, graph.edges[u, v, key])
                  for index, (u, v, key) in enumerate(edge_keys)},
        "councils": [{"id": c, "name": graph.nodes[c]["name"]} for c in councils],
        "topics": [{"id": t.id, "question": t.question,
                    "name": graph.nodes[t.id]["name"] if t.id in graph else t.id}
                   for t in vocabulary.TOPICS.values()],
        "escalations": _escalations(backend, councils),
        "paths": [[_hop_data(backend, hop) for hop in hops] for hops in found_paths],
    }
    return _page(data)


def write_html(model: Model, day: dt.date, target: str | os.PathLike, council: str | None = None,
               path: Sequence[str] | None = None, *, physics: bool = False) -> Path:
    """Render and write the page to ``target`` all at once (a temporary file, then a rename).

    Raises :class:`FileNotFoundError` when ``target``'s directory does not exist;
    nothing is left behind on any failure.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"no such directory: {directory}")
    page = render_html(model, day, council, path, physics=physics)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028/9 escaped.

    >>> script_json({"name": "</script><img src=x>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def page_data(page: str) -> dict[str, Any]:
    """The data embedded in a rendered page (for tests and scripts)."""
    match = _DATA_SCRIPT.search(page)
    if match is None:
        raise ValueError("not an orgraph page: no embedded data")
    return json.loads(match.group(1))


def vis_network_files() -> tuple[Path, Path]:
    """vis-network's standalone build (JS, CSS) as shipped by the installed pyvis: the newest version there."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    found = sorted((d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()),
                   key=lambda d: tuple(int(p) for p in re.findall(r"\d+", d.name)))
    if not found:
        raise FileNotFoundError(f"pyvis ships no vis-network build under {lib}")
    return found[-1] / "vis-network.min.js", found[-1] / "vis-network.css"


def _page(data: dict[str, Any]) -> str:
    from orgraph.resources import data_dir

    assets = data_dir("visualize")
    vis_js, vis_css = vis_network_files()
    parts = {
        "TITLE": html.escape(data["meta"]["title"]),
        "VIS_CSS": _inline(vis_css.read_text(encoding="utf-8"), "style"),
        "STYLE": _inline((assets / "style.css").read_text(encoding="utf-8"), "style"),
        "VIS_JS": _inline(vis_js.read_text(encoding="utf-8"), "script"),
        "APP_JS": _inline((assets / "app.js").read_text(encoding="utf-8"), "script"),
        "DATA": script_json(data),
    }
    # Only our two scripts may run (by hash): not even an inline event handler that slipped into the page.
    parts["SCRIPT_HASHES"] = " ".join(_csp_hash(parts[name]) for name in ("VIS_JS", "APP_JS"))
    template = (assets / "template.html").read_text(encoding="utf-8")
    named = _PLACEHOLDER.findall(template)
    if sorted(named) != sorted(parts):
        raise ValueError(f"visualize/template.html placeholders {sorted(named)} are not {sorted(parts)}")
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)  # one pass: inserts are not rescanned


def _csp_hash(code: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script.

    >>> _csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode('ascii')}'"


def _inline(text: str, element: str) -> str:
    """Code safe to put between ``<element>`` and ``</element>``: no end tag, no comment opener inside
    (and line ends as the HTML parser will see them, so that a script's hash matches)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(f"</({element})", r"<\\/\1", text, flags=re.I)
    if "<!--" in text or re.search(f"</{element}", text, re.I):
        raise ValueError(f"cannot inline code containing '<!--' or '</{element}'")
    return text


def _heading(graph: nx.MultiDiGraph, view: dict[str, Any]) -> str:
    """What the page is about: the region's name, the council's, or the path's two ends."""
    if view["kind"] == "council":
        return graph.nodes[view["council"]]["name"]
    if view["kind"] == "path":
        return f"{graph.nodes[view['from']]['name']} → {graph.nodes[view['to']]['name']}"
    regions = [data["name"] for _, data in graph.nodes(data=True) if data["kind"] == Kind.REGION]
    return regions[0] if regions else "orgraph"


# ------------------------------------------------------------------------------------------- the views


def _clusters(graph: nx.MultiDiGraph, order: dict[str, int]) -> dict[str, str]:
    """Which block of the picture each node belongs to: a council id, ``region``, ``admin`` or ``reference``."""

    def targets(node_id: str, rel_type: str) -> list[str]:
        return sorted({v for _, v, d in graph.out_edges(node_id, data=True) if d["type"] == rel_type},
                      key=order.__getitem__)

    kind = {n: d["kind"] for n, d in graph.nodes(data=True)}
    cluster: dict[str, str] = {}
    for node_id, node_kind in kind.items():
        if node_kind == Kind.COUNCIL:
            cluster[node_id] = node_id
        elif node_kind == Kind.ADMINISTRATION:
            cluster[node_id] = "admin"
        elif node_kind in (Kind.DOCUMENT, Kind.TOPIC):
            cluster[node_id] = "reference"
    for node_id, node_kind in kind.items():  # bodies below councils go with the council they work for
        if node_id not in cluster and node_kind in vocabulary.BODY_LABELS:
            near = sorted({m for m in nx.all_neighbors(graph, node_id) if kind[m] == Kind.COUNCIL},
                          key=order.__getitem__)
            low = vocabulary.LABELS[node_kind].tier > vocabulary.LABELS[Kind.COUNCIL].tier
            cluster[node_id] = near[0] if near and low else "region"
    for node_id, node_kind in kind.items():
        if node_kind == Kind.POST:
            bodies = targets(node_id, Rel.POST_OF)
            if bodies:
                cluster[node_id] = cluster[bodies[0]] if cluster[bodies[0]] != "reference" else "region"
            else:
                cluster[node_id] = "admin" if graph.nodes[node_id].get("role") == Role.HEAD else "region"
    rank = {"region": 1, "admin": 2}
    for node_id, node_kind in kind.items():
        if node_kind == Kind.PERSON:
            held = [cluster[p] for p in targets(node_id, Rel.HOLDS)]
            if held:  # a council's people first, then the region's, then the administrations'
                cluster[node_id] = min(held, key=lambda c: rank.get(c, 0))
            else:
                cluster[node_id] = "admin" if targets(node_id, Rel.EMPLOYED_BY) else "region"
    for node_id in kind:
        cluster.setdefault(node_id, "region")
    return cluster


def _council_view(graph: nx.MultiDiGraph, clusters: dict[str, str], council: str) -> set[str]:
    """One council's block, everything next to it, and the holders of the posts among them."""
    core = {n for n, c in clusters.items() if c == council}
    ids = set(core)
    for node_id in core:
        ids.update(nx.all_neighbors(graph, node_id))
    ids = {n for n in ids if clusters[n] == council or clusters[n] not in _council_ids(graph)}
    for node_id in list(ids):
        if graph.nodes[node_id]["kind"] == Kind.POST:
            ids.update(u for u, _, d in graph.in_edges(node_id, data=True) if d["type"] == Rel.HOLDS)
    return ids


def _council_ids(graph: nx.MultiDiGraph) -> set[str]:
    return {n for n, d in graph.nodes(data=True) if d["kind"] == Kind.COUNCIL}


def _view_edges(graph: nx.MultiDiGraph, ids: set[str], paths: list[list[Hop]]) -> list[tuple[str, str, Any]]:
    """The edges to draw: every edge between nodes in view, or in a path view only the hops."""
    if paths:
        keys: list[tuple[str, str, Any]] = []
        for hops in paths:
            for hop in hops:
                key = next(k for k, d in graph.get_edge_data(hop.source, hop.target).items()
                           if d["type"] == hop.type and _same_props(d, hop.properties))
                if (hop.source, hop.target, key) not in keys:
                    keys.append((hop.source, hop.target, key))
        return keys
    return [(u, v, k) for u, v, k in graph.edges(keys=True) if u in ids and v in ids]


def _same_props(edge: dict[str, Any], props: dict[str, Any]) -> bool:
    return all(edge.get(key) == value for key, value in props.items())


# ------------------------------------------------------------------------------------------ the layout

#: The labels' font size, and what one character and one line of it are estimated to take (pixels).
FONT_SIZE = 14
CHAR_WIDTH, LINE_HEIGHT = 0.53 * FONT_SIZE, 1.25 * FONT_SIZE
#: Labels wrap at this width unless one word is longer (pixels).
LABEL_WIDTH = 140
#: Space between neighbouring nodes, side by side and row to row (pixels).
GAP, ROW_GAP = 24, 24
#: The layout is the one of these (row width, council block width) that fits such a screen best.
LAYOUT_CHOICES = ((1000, 450), (1000, 600), (1300, 800), (1600, 1000), (2000, 1400), (2600, 1800), (4000, 2400))
SCREEN = (1100, 860)
_LABEL_INSIDE = ("box", "ellipse", "circle", "database", "text")


@dataclass(frozen=True)
class _Box:
    """The estimated drawn size of a node: its label, the label's wrap width, the node's width and
    its extent above and below the point vis-network places."""

    label: str
    wrap: float
    width: float
    above: float
    below: float
    size: int


def _measure(label: str, kind: str) -> _Box:
    """How large vis-network will draw a node of ``kind`` labelled ``label`` (an estimate).

    >>> box = _measure("Samordningsråd ortopedi", "Council")
    >>> box.wrap, box.width > box.size * 2
    (140, True)
    """
    shape = vocabulary.LABELS[kind].shape
    size = 18 if vocabulary.LABELS[kind].tier <= 2 else 13
    words = label.split() or [""]
    wrap = max(LABEL_WIDTH, max(len(w) for w in words) * CHAR_WIDTH + 24)
    lines, line, widest = 1, 0.0, 0.0
    for word in words:
        need = len(word) * CHAR_WIDTH + (CHAR_WIDTH if line else 0)
        if line and line + need > wrap:
            lines, line = lines + 1, len(word) * CHAR_WIDTH
        else:
            line += need
        widest = max(widest, line)
    text_height = lines * LINE_HEIGHT
    if shape in _LABEL_INSIDE:
        if shape == "ellipse":
            width, height = widest + text_height + 4, text_height * 1.6 + 6
        else:
            width, height = widest + 14, text_height + 12
        return _Box(label, wrap, width, height / 2, height / 2, size)
    return _Box(label, wrap, max(widest, 2 * size), size, size + 6 + text_height, size)


def _labels(graph: nx.MultiDiGraph, ids: set[str]) -> dict[str, str]:
    """Each node's label: its Swedish name; a post drawn beside its body drops the body's name.

    ("Ordförande, samordningsråd ortopedi" under Samordningsråd ortopedi reads "Ordförande"; the
    details panel and the search always have the full name.)
    """
    labels = {}
    for node_id in ids:
        name = graph.nodes[node_id]["name"]
        labels[node_id] = name
        if graph.nodes[node_id]["kind"] != Kind.POST:
            continue
        for _, body, data in graph.out_edges(node_id, data=True):
            suffix = ", " + graph.nodes[body]["name"]
            if data["type"] == Rel.POST_OF and body in ids and name.lower().endswith(suffix.lower()) \
                    and len(name) > len(suffix):
                labels[node_id] = name[:-len(suffix)]
                break
    return labels


def _layout(graph: nx.MultiDiGraph, ids: set[str], clusters: dict[str, str], order: dict[str, int],
            boxes: dict[str, _Box], edges: list[tuple[str, str, str]], row_width: float = 1000,
            block_width: float = 450) -> dict[str, tuple[float, float]]:
    """x/y for every node in view: the region, its directors and bodies on top; below them the councils
    side by side (in bands of ``row_width``), each a block with its posts and their holders under them;
    documents and topics along the bottom; the administrations aside on the left, each a block too."""
    kind = {n: graph.nodes[n]["kind"] for n in ids}
    tier = {n: vocabulary.LABELS[kind[n]].tier for n in ids}
    role_rank = {role: index for index, role in enumerate(vocabulary.ROLES)}
    incoming: dict[tuple[str, str], list[str]] = defaultdict(list)
    outgoing: dict[tuple[str, str], list[str]] = defaultdict(list)
    for u, v, rel_type in edges:
        if u in ids and v in ids:
            outgoing[u, rel_type].append(v)
            incoming[v, rel_type].append(u)

    def by_order(nodes: Iterable[str]) -> list[str]:
        return sorted(nodes, key=lambda n: (tier[n], order[n]))

    def related(node_id: str, rel_type: str, into: bool = False) -> list[str]:
        return sorted(set((incoming if into else outgoing)[node_id, rel_type]), key=order.__getitem__)

    members: dict[str, set[str]] = defaultdict(set)
    for node_id in ids:
        members[clusters[node_id]].add(node_id)
    positions: dict[str, tuple[float, float]] = {}
    anchors: dict[str, str] = {}  # a node → the node it is drawn under (a holder under their post)
    placed: set[str] = set()

    def holders_of(posts: list[str], pool: set[str]) -> list[str]:
        found: list[str] = []
        for post in posts:
            for person in related(post, Rel.HOLDS, into=True):
                if person in pool and person not in placed and person not in found:
                    found.append(person)
                    anchors.setdefault(person, post)
        placed.update(found)
        return found

    def width_of(row: list[str]) -> float:
        return sum(boxes[n].width for n in row) + GAP * (len(row) - 1)

    def wrapped(row: list[str], width: float) -> list[list[str]]:
        """``row`` cut into as few rows as fit in ``width``, of as equal a length as may be."""
        for count in range(1, len(row) + 1):
            size = -(-len(row) // count)
            rows = [row[i:i + size] for i in range(0, len(row), size)]
            if all(len(r) < 2 or width_of(r) <= width for r in rows):
                return rows
        return [row] if row else []

    def block(head: list[str], posts: list[str], pool: set[str], width: float) -> list[list[str]]:
        """A body's rows: the body (and its own bodies), then its posts, each row with its holders under it."""
        placed.update(head)
        rows = wrapped(head, width)
        rows += wrapped(holders_of([n for n in head if kind[n] == Kind.POST], pool), width)
        for chunk in wrapped(posts, width):
            placed.update(chunk)
            rows.append(chunk)
            rows += wrapped(holders_of(chunk, pool), width)
        return rows

    def place(rows: list[list[str]], top: float, x: float,
              first_column: float | None = None) -> tuple[float, float, float]:
        """Place rows from ``top`` down, centred on ``x``; or, given the width of a first column, as a
        table starting at ``x``.  Return (bottom, left, right)."""
        left, right = x, x
        for row in rows:
            if not row:
                continue
            desired = [positions[anchors[n]][0] if anchors.get(n) in positions else None for n in row]
            xs = _spread([boxes[n].width for n in row], desired, x)
            if first_column is not None and all(d is None for d in desired):
                xs, cursor = [], x
                for index, n in enumerate(row):
                    slot = first_column if index == 0 else boxes[n].width
                    xs.append(cursor + slot / 2)
                    cursor += slot + GAP
            y = top + max(boxes[n].above for n in row)
            for n, at in zip(row, xs):
                positions[n] = (at, y)
            left = min(left, xs[0] - boxes[row[0]].width / 2)
            right = max(right, xs[-1] + boxes[row[-1]].width / 2)
            top = y + max(boxes[n].below for n in row) + ROW_GAP
        return top, left, right

    # The region: itself between its own posts (the directors), their holders, then the other bodies.
    region = members.get("region", set())
    bodies = by_order(n for n in region if kind[n] in vocabulary.BODY_LABELS and kind[n] != Kind.REGION)
    posts = by_order(n for n in region if kind[n] == Kind.POST)
    own_posts = [n for n in posts if not set(related(n, Rel.POST_OF)) & set(bodies)]
    body_posts = [n for n in posts if n not in own_posts]
    for post in body_posts:
        anchors[post] = related(post, Rel.POST_OF)[0]
    top_row = by_order(n for n in region if kind[n] == Kind.REGION)
    top_row = own_posts[:len(own_posts) // 2] + top_row + own_posts[len(own_posts) // 2:]
    placed.update(top_row + bodies + body_posts)
    rows = [*wrapped(top_row, row_width), *wrapped(holders_of(own_posts, region), row_width)]
    rows += wrapped(bodies, row_width)
    rows += wrapped(body_posts, row_width)
    rows += wrapped(holders_of(body_posts, region), row_width)
    rows += wrapped(by_order(n for n in region if n not in placed), row_width)
    bottom, left, right = place(rows, 0.0, 0.0)

    # The councils: one block each, side by side, in bands no wider than row_width.
    blocks = []
    for council in by_order(c for c in members if kind.get(c) == Kind.COUNCIL):
        pool = members[council]
        own_bodies = by_order(n for n in pool if n != council and kind[n] in vocabulary.BODY_LABELS)
        council_posts = sorted((n for n in pool if kind[n] == Kind.POST),
                               key=lambda n: (role_rank.get(graph.nodes[n].get("role"), 99), order[n]))
        rows = block([council, *own_bodies], council_posts, pool, block_width)
        rows += wrapped(by_order(n for n in pool if n not in placed), block_width)
        blocks.append((rows, max(width_of(r) for r in rows)))
    bands: list[list[tuple[list[list[str]], float]]] = []
    for item in blocks:
        if bands and sum(w for _, w in bands[-1]) + 3 * GAP * len(bands[-1]) + item[1] <= max(row_width, item[1]):
            bands[-1].append(item)
        else:
            bands.append([item])
    band_bottom = bottom
    for band in bands:
        x = -(sum(w for _, w in band) + 3 * GAP * (len(band) - 1)) / 2
        top, band_bottom = band_bottom, band_bottom
        for rows, width in band:
            block_bottom, block_left, block_right = place(rows, top, x + width / 2)
            band_bottom = max(band_bottom, block_bottom)
            left, right = min(left, block_left), max(right, block_right)
            x += width + 3 * GAP
        band_bottom += ROW_GAP

    # The administrations aside, on the left: a block each (the body, its posts, their holders),
    # stacked in columns about as tall as the rest.
    admin = members.get("admin", set())
    admin_blocks = []
    for body in by_order(n for n in admin if kind[n] == Kind.ADMINISTRATION):
        own = sorted((p for p in related(body, Rel.POST_OF, into=True) if p in admin),
                     key=lambda n: (role_rank.get(graph.nodes[n].get("role"), 99), order[n]))
        admin_blocks.append(block([body, *own[:1]], own[1:], admin, block_width))
    for post in [n for n in by_order(admin) if kind[n] == Kind.POST and n not in placed]:
        admin_blocks.append(block([post], [], admin, block_width))
        admin_blocks[-1] += wrapped(holders_of([post], admin), block_width)
    rest = [n for n in by_order(admin) if n not in placed]
    if rest:
        admin_blocks.append(wrapped(rest, block_width))
    column_height = max(band_bottom, 400.0)
    column_right, admin_bottom = left - 3 * GAP, 0.0
    column: list[list[list[str]]] = []

    def flush(column: list[list[list[str]]], right_edge: float) -> float:
        first = max(boxes[rows[0][0]].width for rows in column)
        width = max(width_of(r) - boxes[r[0]].width + first for rows in column for r in rows)
        y = 0.0
        for rows in column:
            y, _, _ = place(rows, y, right_edge - width, first_column=first)
            y += ROW_GAP / 2 - ROW_GAP
        return width

    used = 0.0
    for rows in admin_blocks:
        height = sum(max(boxes[n].above + boxes[n].below for n in r) + ROW_GAP for r in rows) - ROW_GAP / 2
        if column and used + height > column_height:
            column_right -= flush(column, column_right) + 3 * GAP
            admin_bottom, column, used = max(admin_bottom, used), [], 0.0
        column.append(rows)
        used += height
    if column:
        column_right -= flush(column, column_right) + 3 * GAP
        admin_bottom = max(admin_bottom, used)
    aside_left = column_right + 3 * GAP

    # Topics, then documents, along the bottom: under the administrations too when they end above.
    if admin_bottom < band_bottom:
        left = min(left, aside_left)
    reference = members.get("reference", set())
    rows = wrapped(by_order(n for n in reference if kind[n] == Kind.TOPIC), max(right - left, row_width))
    rows += wrapped(by_order(n for n in reference if kind[n] != Kind.TOPIC), max(right - left, row_width))
    place(rows, band_bottom, (left + right) / 2)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}


def _best_layout(graph: nx.MultiDiGraph, ids: set[str], clusters: dict[str, str], order: dict[str, int],
                 boxes: dict[str, _Box]) -> dict[str, tuple[float, float]]:
    """The layout of :data:`LAYOUT_CHOICES` whose labels come out largest when it is fitted to :data:`SCREEN`."""
    def scale(positions: dict[str, tuple[float, float]]) -> float:
        xs = [x + side * boxes[n].width / 2 for n, (x, _) in positions.items() for side in (-1, 1)]
        ys = [y + extent for n, (_, y) in positions.items() for extent in (-boxes[n].above, boxes[n].below)]
        return min(SCREEN[0] / max(max(xs) - min(xs), 1), SCREEN[1] / max(max(ys) - min(ys), 1))

    edges = [(u, v, data["type"]) for u, v, data in graph.edges(data=True)]
    layouts = [_layout(graph, ids, clusters, order, boxes, edges, *choice) for choice in LAYOUT_CHOICES]
    return max(layouts, key=scale)  # the first of equals: the narrowest


def _spread(widths: list[float], desired: list[float | None], centre: float) -> list[float]:
    """x positions for a row of nodes this wide: each as near its wish as the spacing allows, the row
    centred on ``centre`` when nothing has a wish.

    >>> _spread([100, 100, 100], [None, None, None], 0.0)
    [-124.0, 0.0, 124.0]
    >>> _spread([100, 100], [10.0, 10.0], 0.0)
    [-52.0, 72.0]
    """
    steps = [(a + b) / 2 + GAP for a, b in zip(widths, widths[1:])]
    if all(d is None for d in desired):
        xs = [0.0]
        for step in steps:
            xs.append(xs[-1] + step)
        return [x + centre - xs[-1] / 2 for x in xs]
    first = next(i for i, d in enumerate(desired) if d is not None)
    filled: list[float] = [0.0] * len(desired)
    filled[first] = desired[first]  # type: ignore[assignment]
    for i in range(first - 1, -1, -1):
        filled[i] = filled[i + 1] - steps[i]
    for i in range(first + 1, len(desired)):
        filled[i] = desired[i] if desired[i] is not None else filled[i - 1] + steps[i - 1]  # type: ignore
    xs = [filled[0]]
    for i in range(1, len(filled)):
        xs.append(max(filled[i], xs[-1] + steps[i - 1]))
    shift = (sum(filled) - sum(xs)) / len(xs)
    return [x + shift for x in xs]


def _path_layout(paths: list[list[Hop]], boxes: dict[str, _Box]) -> dict[str, tuple[float, float]]:
    """A path view: each path one row from left to right; a node on several paths stays where it first was."""
    positions: dict[str, tuple[float, float]] = {}
    for row, hops in enumerate(paths):
        walk = [hops[0].start] + [hop.end for hop in hops]
        x = 0.0
        for index, node_id in enumerate(walk):
            if index:
                x += (boxes[walk[index - 1]].width + boxes[node_id].width) / 2 + 4 * GAP
            positions.setdefault(node_id, (x, row * 140.0))
    return positions


# -------------------------------------------------------------------------------------- the network


def _network(graph: nx.MultiDiGraph, ids: set[str], edge_keys: list[tuple[str, str, Any]],
             positions: dict[str, tuple[float, float]], boxes: dict[str, _Box], clusters: dict[str, str],
             order: dict[str, int], physics: bool) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, built with pyvis."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    councils_of = _councils_of(graph, ids, clusters)
    for node_id in sorted(ids, key=order.__getitem__):
        data = graph.nodes[node_id]
        label = vocabulary.LABELS[data["kind"]]
        x, y = positions[node_id]
        box = boxes[node_id]
        inside = label.shape in _LABEL_INSIDE
        net.add_node(
            node_id, label=box.label, shape=label.shape, x=x, y=y,
            color={"background": label.colour, "border": _shade(label.colour, 0.7),
                   "highlight": {"background": label.colour, "border": "#111111"},
                   "hover": {"background": label.colour, "border": "#111111"}},
            font={"color": _text_colour(label.colour) if inside else "#1d2733", "size": FONT_SIZE,
                  "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
            size=box.size, borderWidth=1.5, widthConstraint={"maximum": box.wrap},
            kind=data["kind"], councils=councils_of[node_id], name=data["name"],
            search=_search_text(data),
        )
    pair_count: dict[frozenset, int] = defaultdict(int)
    pairs = {(u, v) for u, v, _ in edge_keys}
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
        net.add_edge(u, v, id=f"e{index}", type=data["type"], topic=data.get("topic"),
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


def _councils_of(graph: nx.MultiDiGraph, ids: set[str], clusters: dict[str, str]) -> dict[str, list[str]]:
    """The councils a node belongs to, for the page's council filter (empty: shared by all)."""
    councils = _council_ids(graph)
    found: dict[str, list[str]] = {}
    for node_id in ids:
        own = {clusters[node_id]} & councils
        if graph.nodes[node_id]["kind"] == Kind.PERSON:
            own |= {clusters[p] for _, p, d in graph.out_edges(node_id, data=True) if d["type"] == Rel.HOLDS} & councils
        found[node_id] = sorted(own)
    return found


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


# --------------------------------------------------------------------------------- the data beside it


def _legend(graph: nx.MultiDiGraph, ids: set[str]) -> list[dict[str, Any]]:
    """One entry per node kind in view, in the vocabulary's order, with its colour, shape and count."""
    counts: dict[str, int] = defaultdict(int)
    for node_id in ids:
        counts[graph.nodes[node_id]["kind"]] += 1
    return [{"kind": label.name, "swedish": label.swedish, "meaning": label.meaning, "colour": label.colour,
             "shape": label.shape, "count": counts[label.name]}
            for label in vocabulary.LABELS.values() if counts[label.name]]


def _source(backend: Any, props: dict[str, Any]) -> dict[str, Any] | None:
    """A citation as data: the document's id, number and date, and the section."""
    document_id = props.get("source_document")
    if not document_id:
        return None
    document = backend.node(document_id) or {}
    return {"document": document_id, "number": document.get("number") or document.get("name") or document_id,
            "date": document.get("date"), "section": props.get("source_section")}


def _details(backend: Any, node_id: str) -> dict[str, Any]:
    """What the details panel shows for a node."""
    from orgraph.query.catalog import describe

    described = describe(backend, node_id)
    node = described["node"]
    hidden = {"id", "kind", "name", "source_document", "source_section"}
    details: dict[str, Any] = {
        "id": node_id, "kind": node["kind"], "name": node["name"],
        "properties": {k: v for k, v in sorted(node.items()) if k not in hidden},
        "sources": [s for s in [_source(backend, node)] if s],
        "relations": [],
    }
    if node["kind"] == Kind.POST:
        details["holders"] = [
            {"id": n.node["id"], "name": n.node["name"], "from": n.properties.get("valid_from"),
             "to": n.properties.get("valid_to"), "source": _source(backend, n.properties)}
            for n in backend.neighbours(node_id) if n.type == Rel.HOLDS and n.direction == "in"]
    for n in backend.neighbours(node_id):
        details["relations"].append({"type": n.type, "direction": n.direction, "id": n.node["id"],
                                     "name": n.node["name"], "topic": n.properties.get("topic")})
    return details


def _edge_details(backend: Any, source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the details panel shows for an edge."""
    hidden = {"type", "source_document", "source_section"}
    return {"type": data["type"], "meaning": vocabulary.RELATIONSHIPS[data["type"]].meaning,
            "from": source, "to": target,
            "properties": {k: v for k, v in sorted(data.items()) if k not in hidden},
            "source": _source(backend, data)}


def _hop_data(backend: Any, hop: Hop) -> dict[str, Any]:
    return {"from_id": hop.start, "to_id": hop.end, "type": hop.type, "forward": hop.forward,
            "reason": hop.properties.get("reason"), "source": _source(backend, hop.properties)}


def _escalations(backend: Any, councils: list[str]) -> dict[str, dict[str, Any]]:
    """Every council's escalation for every topic, computed by :mod:`orgraph.query.escalation`, as plain data."""
    from orgraph.query.escalation import escalate

    return {council: {topic: plain(escalate(backend, council, topic)) for topic in vocabulary.TOPICS}
            for council in councils}
