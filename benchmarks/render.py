"""The picture's goals (issue 16, item 5), measured in one run on synthetic models of 1,000 and 10,000 nodes.

    python -m benchmarks.render [--sizes 1k,10k] [--repeat 3] [--json FILE] [--cache DIR]

For each size (``orgraph synth``, :func:`orgraph.synth.spec_for_nodes`): the time ``render_html`` takes
to write the page (the model already loaded; median of ``--repeat`` runs), the page's size, and the time
from navigation start until the page has drawn its opening view and its main thread is free
(``window.orgraphInteractiveAt``, set by ``visualize/app.js`` one turn after vis-network's first
``afterDrawing``), in headless Chromium (``/usr/bin/chromium`` through Playwright's ``executable_path``;
median of ``--repeat`` page loads). The goals: at 10k the page is written in ≤ 2 s, is ≤ 5 MB, and is
interactive in ≤ 1.5× the 1k time. A model above ``OVERVIEW_NODES`` opens as an overview.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import model_dir, parse_size

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DAY = dt.date(2026, 11, 23)
GOALS = {"render_s": 2.0, "html_mb": 5.0, "interactive_ratio": 1.5}


def interactive_ms(browser: Any, page_file: Path, timeout_s: float = 60.0) -> float:
    """Milliseconds from navigation start until the page's opening view is drawn and its thread free."""
    tab = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        tab.goto(page_file.resolve().as_uri(), wait_until="commit")
        deadline = time.monotonic() + timeout_s
        while True:
            found = tab.evaluate("() => window.orgraphInteractiveAt || null")
            if found is not None:
                return float(found)
            if time.monotonic() > deadline:
                raise TimeoutError(f"{page_file} not drawn within {timeout_s:g} s")
            tab.wait_for_timeout(20)
    finally:
        tab.close()


def measure(sizes: list[int], repeat: int, cache: Path) -> dict[str, Any]:
    """Every figure at every size, and the goals judged on the largest against the smallest."""
    from orgraph.backends.memory import MemoryBackend
    from orgraph.model.loader import load
    from orgraph.render import page_data, render_html

    results: dict[str, Any] = {"sizes": [], "day": DAY.isoformat(), "load_before": _load()}
    pages = []
    scratch = Path(tempfile.mkdtemp(prefix="orgraph-render-bench-"))
    for nodes in sizes:
        directory, manifest = model_dir(nodes, cache)
        model = load(directory)
        times, cpu, page = [], [], ""
        for _ in range(repeat):
            gc.collect()
            backend = MemoryBackend(model, DAY)  # a fresh backend: nothing of a previous run is kept
            started, started_cpu = time.perf_counter(), time.process_time()
            page = render_html(backend)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        target = scratch / f"orgraph-{nodes}.html"
        target.write_text(page, encoding="utf-8")
        pages.append(target)
        data = page_data(page)
        results["sizes"].append({"nodes": manifest["counts"]["nodes"], "target": nodes,
                                 "render_s": statistics.median(times), "render_runs": times,
                                 "render_cpu_s": statistics.median(cpu),
                                 "html_bytes": len(page.encode("utf-8")), "overview": data["meta"]["overview"],
                                 "drawn_at_open": _drawn_at_open(data)})
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            interactive_ms(browser, pages[0])  # warm the browser's caches once
            for entry, target in zip(results["sizes"], pages, strict=True):
                runs = [interactive_ms(browser, target) for _ in range(repeat)]
                entry["interactive_ms"], entry["interactive_runs"] = statistics.median(runs), runs
        finally:
            browser.close()
    results["load_after"] = _load()
    small, large = results["sizes"][0], results["sizes"][-1]
    ratio = large["interactive_ms"] / small["interactive_ms"]
    results["goals"] = {
        "render_s": {"value": large["render_s"], "goal": GOALS["render_s"], "met": large["render_s"] <= GOALS["render_s"]},
        "html_mb": {"value": large["html_bytes"] / 1e6, "goal": GOALS["html_mb"],
                    "met": large["html_bytes"] / 1e6 <= GOALS["html_mb"]},
        "interactive_ratio": {"value": ratio, "goal": GOALS["interactive_ratio"], "met": ratio <= GOALS["interactive_ratio"]},
    }
    return results


def _load() -> list[float] | None:
    """The machine's load averages (1, 5, 15 minutes), where the system tells them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _drawn_at_open(data: dict[str, Any]) -> int:
    """How many nodes the page draws when it opens: all, or (an overview) the unfolded ones and one per group."""
    nodes = data["network"]["nodes"]
    if not data["meta"]["overview"]:
        return len(nodes)
    return sum(1 for n in nodes if "bundle" not in n) + len(data["groups"])


def table(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, and the goals with ✓/✗."""
    lines = ["| nodes | page written (s) | CPU (s) | page size (MB) | drawn at open (nodes) | interactive in Chromium (ms) |",
             "|---:|---:|---:|---:|---:|---:|"]
    for entry in results["sizes"]:
        lines.append(f"| {entry['nodes']:,} | {entry['render_s']:.2f} | {entry['render_cpu_s']:.2f} | "
                     f"{entry['html_bytes'] / 1e6:.2f} | "
                     f"{entry['drawn_at_open']:,}{' (overview)' if entry['overview'] else ''} | {entry['interactive_ms']:.0f} |")
    lines.append("")
    lines.append(f"Load average before/after: {results['load_before']} / {results['load_after']} (2 cores).")
    lines.append("")
    names = {"render_s": "page written ≤ {goal:g} s", "html_mb": "page ≤ {goal:g} MB",
             "interactive_ratio": "interactive ≤ {goal:g}× the smallest size's time"}
    for key, goal in results["goals"].items():
        lines.append(f"- {names[key].format(goal=goal['goal'])}: {goal['value']:.2f} {'✓' if goal['met'] else '✗'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.render", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k", help="model sizes in nodes (default 1k,10k)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the figure is their median")
    parser.add_argument("--json", type=Path, help="write every figure as JSON here")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "orgraph-bench-cache",
                        help="where generated models are kept")
    args = parser.parse_args(argv)
    results = measure([parse_size(s) for s in args.sizes.split(",")], max(1, args.repeat), args.cache)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
