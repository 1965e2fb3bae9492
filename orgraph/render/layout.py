"""Where each node stands: a hierarchy by :attr:`~orgraph.vocabulary.Label.tier` (the region on top,
the councils below it as blocks of their posts and holders, the administrations aside), computed here
so that the page opens at once with physics off; and a path view, one row per path.

>>> box = measure("Samordningsråd ortopedi", "Council")
>>> box.wrap, box.width > box.size * 2
(140, True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from orgraph import vocabulary
from orgraph.backends.base import Hop
from orgraph.vocabulary import Kind, Rel

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
LABEL_INSIDE = ("box", "ellipse", "circle", "database", "text")


@dataclass(frozen=True)
class Box:
    """The estimated drawn size of a node: its label, the label's wrap width, the node's width and
    its extent above and below the point vis-network places."""

    label: str
    wrap: float
    width: float
    above: float
    below: float
    size: int


def measure(label: str, kind: str) -> Box:
    """How large vis-network will draw a node of ``kind`` labelled ``label`` (an estimate).

    >>> box = measure("Samordningsråd ortopedi", "Council")
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
    if shape in LABEL_INSIDE:
        if shape == "ellipse":
            width, height = widest + text_height + 4, text_height * 1.6 + 6
        else:
            width, height = widest + 14, text_height + 12
        return Box(label, wrap, width, height / 2, height / 2, size)
    return Box(label, wrap, max(widest, 2 * size), size, size + 6 + text_height, size)


def labels(graph: nx.MultiDiGraph, ids: set[str]) -> dict[str, str]:
    """Each node's label: its Swedish name; a post drawn beside its body drops the body's name.

    ("Ordförande, samordningsråd ortopedi" under Samordningsråd ortopedi reads "Ordförande"; the
    details panel and the search always have the full name.)
    """
    labels = {}
    for node_id in ids:
        name = graph._node[node_id]["name"]
        labels[node_id] = name
        if graph._node[node_id]["kind"] != Kind.POST:
            continue
        for _, body, data in graph.out_edges(node_id, data=True):
            suffix = ", " + graph._node[body]["name"]
            if data["type"] == Rel.POST_OF and body in ids and name.lower().endswith(suffix.lower()) \
                    and len(name) > len(suffix):
                labels[node_id] = name[:-len(suffix)]
                break
    return labels


def _layout(graph: nx.MultiDiGraph, ids: set[str], clusters: dict[str, str], order: dict[str, int],
            boxes: dict[str, Box], edges: list[tuple[str, str, str]], row_width: float = 1000,
            block_width: float = 450) -> dict[str, tuple[float, float]]:
    """x/y for every node in view: the region, its directors and bodies on top; below them the councils
    side by side (in bands of ``row_width``), each a block with its posts and their holders under them;
    documents and topics along the bottom; the administrations aside on the left, each a block too."""
    kind = {n: graph._node[n]["kind"] for n in ids}
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
            for n, at in zip(row, xs, strict=True):
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
    # the post the administrations report to stands nearest them (on the left): their lines stay short
    admin_members = members.get("admin", set())
    reported = {n: sum(1 for u in incoming[n, Rel.REPORTS_TO] if u in admin_members) for n in own_posts}
    own_posts.sort(key=lambda n: -reported[n])
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
                               key=lambda n: (role_rank.get(graph._node[n].get("role"), 99), order[n]))
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
                     key=lambda n: (role_rank.get(graph._node[n].get("role"), 99), order[n]))
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


def best_layout(graph: nx.MultiDiGraph, ids: set[str], clusters: dict[str, str], order: dict[str, int],
                boxes: dict[str, Box], *, quick: bool = False) -> dict[str, tuple[float, float]]:
    """The layout of :data:`LAYOUT_CHOICES` whose labels come out largest when it is fitted to :data:`SCREEN`
    (``quick``: the widest choice only, for a large model that opens as an overview)."""
    def scale(positions: dict[str, tuple[float, float]]) -> float:
        xs = [x + side * boxes[n].width / 2 for n, (x, _) in positions.items() for side in (-1, 1)]
        ys = [y + extent for n, (_, y) in positions.items() for extent in (-boxes[n].above, boxes[n].below)]
        return min(SCREEN[0] / max(max(xs) - min(xs), 1), SCREEN[1] / max(max(ys) - min(ys), 1))

    edges = [(u, v, data["type"]) for u, v, data in graph.edges(data=True)]
    choices = LAYOUT_CHOICES[-1:] if quick else LAYOUT_CHOICES
    layouts = [_layout(graph, ids, clusters, order, boxes, edges, *choice) for choice in choices]
    return max(layouts, key=scale)  # the first of equals: the narrowest


def _spread(widths: list[float], desired: list[float | None], centre: float) -> list[float]:
    """x positions for a row of nodes this wide: each as near its wish as the spacing allows, the row
    centred on ``centre`` when nothing has a wish.

    >>> _spread([100, 100, 100], [None, None, None], 0.0)
    [-124.0, 0.0, 124.0]
    >>> _spread([100, 100], [10.0, 10.0], 0.0)
    [-52.0, 72.0]
    """
    steps = [(a + b) / 2 + GAP for a, b in zip(widths, widths[1:], strict=False)]
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


def path_layout(paths: list[list[Hop]], boxes: dict[str, Box]) -> dict[str, tuple[float, float]]:
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


__all__ = ["FONT_SIZE", "LABEL_INSIDE", "Box", "best_layout", "labels", "measure", "path_layout"]
