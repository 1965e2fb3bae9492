"""B5: the picture: HTML generation time and size, and the time until it is drawn and interactive in
headless Chromium, against pyvis' default page (physics on) for the same graph (1k and 10k only)."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from benchmarks.common import NOT_BUILT, Context, Spec, built, register, timed
from benchmarks.servers import BROWSER_TIMEOUT_S

BROWSER_MAX_NODES = 10_000  # B5 runs in Chromium at sizes up to this many nodes (1k and 10k)

SPECS = register([
    Spec("b5_render_s", "B5", "render: generate the HTML", "s"),
    Spec("b5_html_bytes", "B5", "render: HTML size", "bytes"),
    Spec("b5_drawn_ms", "B5", "Chromium: drawn and interactive", "ms"),
    Spec("b5_pyvis_html_bytes", "B5", "reference: pyvis default page size", "bytes"),
    Spec("b5_pyvis_drawn_ms", "B5", "reference: pyvis default (physics on), drawn", "ms"),
    Spec("b5_drawn_vs_pyvis", "B5", "drawn ÷ pyvis drawn", "×"),
    Spec("b5_drawn_vs_previous", "B5", "drawn ÷ drawn at the previous size (10k vs 1k)", "×", "<=", 3),
])


def measure(ctx: Context, scratch: Path) -> None:
    """Render, write both pages into ``scratch`` and time them in Chromium."""
    keys = ["b5_render_s", "b5_html_bytes", "b5_drawn_ms", "b5_pyvis_html_bytes", "b5_pyvis_drawn_ms",
            "b5_drawn_vs_pyvis", "b5_drawn_vs_previous"]
    if ctx.big:
        ctx.figures.missing(keys, "skipped above 10k nodes (time budget)")
        return
    if not built("orgraph.render"):
        ctx.figures.missing(keys, NOT_BUILT)
        return
    from orgraph.backends.memory import MemoryBackend
    from orgraph.model.graph import as_of
    from orgraph.render import render_html

    seconds, runs, page = timed(lambda: render_html(MemoryBackend(ctx.model, ctx.day)), ctx.repeat, 10)
    ctx.figures.set("b5_render_s", seconds, runs=runs)
    ctx.figures.set("b5_html_bytes", len(page.encode("utf-8")))
    ours = scratch / f"orgraph-{ctx.label}.html"
    ours.write_text(page, encoding="utf-8")
    reference = pyvis_page(as_of(ctx.model.graph(), ctx.day))
    theirs = scratch / f"pyvis-{ctx.label}.html"
    theirs.write_text(reference, encoding="utf-8")
    ctx.figures.set("b5_pyvis_html_bytes", len(reference.encode("utf-8")))
    if ctx.browser is None or not ctx.browser.up:
        why = ctx.browser.why if ctx.browser is not None else "skipped"
        ctx.figures.missing(["b5_drawn_ms", "b5_pyvis_drawn_ms", "b5_drawn_vs_pyvis", "b5_drawn_vs_previous"], why)
        return
    drawn = [ctx.browser.drawn_ms(ours)]
    while len(drawn) < ctx.repeat and drawn[-1] is not None and sum(drawn) < 8000:  # ms: repeat while cheap
        drawn.append(ctx.browser.drawn_ms(ours))
    if None in drawn:
        ctx.figures.set("b5_drawn_ms", None, f"not drawn within {BROWSER_TIMEOUT_S:g} s")
    else:
        ctx.figures.set("b5_drawn_ms", statistics.median(drawn), runs=len(drawn))
    gave_up = ctx.carry.get("pyvis")
    pyvis_drawn = None if gave_up else ctx.browser.drawn_ms(theirs, ctx.pyvis_timeout)
    if pyvis_drawn is None:
        why = gave_up or f"not stabilised and drawn within {ctx.pyvis_timeout:g} s"
        ctx.carry.setdefault("pyvis", f"skipped: {why} at {ctx.label}")
        ctx.figures.set("b5_pyvis_drawn_ms", None, why)
        mine = ctx.figures.value("b5_drawn_ms")
        ctx.figures.set("b5_drawn_vs_pyvis", None, "pyvis did not finish" + (
            f": ratio < {mine / (ctx.pyvis_timeout * 1000):.3f}" if mine is not None else ""))
    else:
        ctx.figures.set("b5_pyvis_drawn_ms", pyvis_drawn, runs=1,
                        note="first drawing after vis-network's initial stabilisation")
        ctx.figures.ratio("b5_drawn_vs_pyvis", "b5_drawn_ms", "b5_pyvis_drawn_ms")
    mine = ctx.figures.value("b5_drawn_ms")
    if ctx.previous_drawn is None or mine is None:
        ctx.figures.set("b5_drawn_vs_previous", None, "n/a (no smaller size drawn in this run)")
    else:
        ctx.figures.set("b5_drawn_vs_previous", mine / ctx.previous_drawn)


def pyvis_page(graph: Any) -> str:
    """pyvis' default page (physics on, undirected, its own template) for ``graph``, vis-network inlined.

    The node and edge lists are filled directly: pyvis' ``add_edge`` checks every edge against every
    node (quadratic), which would measure pyvis' bookkeeping rather than the page.
    """
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    for node_id, data in graph.nodes(data=True):
        options = {"id": node_id, "label": str(data.get("name", node_id)), "shape": "dot", "size": 10,
                   "font": {"color": False}}
        net.nodes.append(options)
        net.node_ids.append(node_id)
        net.node_map[node_id] = options
    net.edges = [{"from": u, "to": v, "title": data.get("type", "")} for u, v, data in graph.edges(data=True)]
    return net.generate_html()
