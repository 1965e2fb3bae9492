"""orgraph's cost as the model grows, each figure against a reference measured in the same run.

    python -m benchmarks.run [--sizes 1k,10k,100k] [--repeat 3] [--json out.json] [--markdown out.md]
                             [--profile] [--cache DIR]

For each size (in NODES) a synthetic model is generated with :mod:`orgraph.synth` (cached by its
arguments and the generator's source) and measured, one module of this package per measure:

- :mod:`benchmarks.b1_load` — YAML files -> validated model -> graph, vs PyYAML's C loader alone.
- :mod:`benchmarks.b2_rules` — every rule over the model, vs B1's load time and the rules' Cypher on FalkorDB.
- :mod:`benchmarks.b3_queries` — ``escalate`` and ``path`` p50/p99 per call (CPU time), vs a bare networkx
  BFS between the same two nodes, and the same calls answered by FalkorDB.
- :mod:`benchmarks.b4_database` — rows/s of batched ``UNWIND`` vs one ``MERGE`` per row on FalkorDB.
- :mod:`benchmarks.b5_render` — the picture: HTML time and size, drawn in headless Chromium, vs pyvis (≤ 10k).
- :mod:`benchmarks.b6_startup` — ``orgraph --help`` and a cached seed listing vs ``python -c "import click"``.
- :mod:`benchmarks.b7_processes` — whole ``orgraph`` processes on the cached model; peak memory of ``check``.

Every figure is the median of several runs (fewer for the big sizes: each measurement has a time
budget, and the JSON says how many runs it took). A part of orgraph that is not built yet is
reported as "n/a (not built yet)", never as a failure. No figure is asserted anywhere.  The tables are
made from the figures by :mod:`benchmarks.report` (also from a saved JSON).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import b1_load, b2_rules, b3_queries, b4_database, b5_render, b6_startup, b7_processes
from benchmarks.b3_queries import path_cases
from benchmarks.common import PYVIS_TIMEOUT_S, Context, built, model_dir, parse_size, size_label
from benchmarks.report import (
    SIZE_SPECS,
    STARTUP_SPECS,
    goals,
    goals_table,
    growth,
    load_average,
    machine,
    markdown,
    table,
)
from benchmarks.servers import Browser, Falkor

#: Every figure of one size (the smoke test checks that each is there).
SPECS = SIZE_SPECS


def measure_size(ctx: Context, scratch: Path) -> None:
    """Every measure at one size, in an order that lets B2 and B3 use B4's FalkorDB copy."""
    falkor_graph: list[Any] = [None]

    def b4() -> None:
        falkor_graph[0] = b4_database.measure(ctx)

    steps: list[tuple[str, Callable[[], Any]]] = [
        ("B1", lambda: b1_load.measure(ctx)), ("B4", b4), ("B2", lambda: b2_rules.measure(ctx, falkor_graph[0])),
        ("B3", lambda: b3_queries.measure(ctx, falkor_graph[0])), ("B5", lambda: b5_render.measure(ctx, scratch)),
        ("B7", lambda: b7_processes.measure(ctx, scratch))]
    for name, step in steps:
        started = time.perf_counter()
        try:
            step()
        except Exception as error:  # noqa: BLE001 - one broken part must not hide the others' figures
            message = f"error: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
            ctx.notes.append(f"{ctx.label} {name}: {message}")
            ctx.figures.missing([s.key for s in SPECS if s.section == name], message[:200])
        print(f"  {ctx.label} {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if falkor_graph[0] is not None:
        ctx.falkor.drop(falkor_graph[0])
    ctx.figures.missing([spec.key for spec in SPECS], "n/a")


def profile_step(ctx: Context, key: str, top: int = 15) -> dict[str, Any]:
    """cProfile of the step behind figure ``key`` at this size: the functions with the most time."""
    from orgraph.backends.memory import MemoryBackend
    from orgraph.model.loader import load

    def two_paths() -> None:
        backend = MemoryBackend(ctx.model, ctx.day)
        for pair in path_cases(ctx.model.graph(), 2):
            backend.paths(*pair)

    steps: dict[str, Callable[[], Any]] = {"b1_load_s": lambda: load(ctx.directory).graph(),
                                           "b3_path_p50_ms": two_paths}
    if built("orgraph.rules"):
        from orgraph.rules import check
        steps["b2_check_s"] = lambda: check(ctx.model, ctx.day)
    if built("orgraph.render"):
        from orgraph.backends.memory import MemoryBackend
        from orgraph.render import render_html
        steps["b5_render_s"] = lambda: render_html(MemoryBackend(ctx.model, ctx.day))
    profiler = cProfile.Profile()
    gc.collect()
    start = time.perf_counter()
    profiler.runcall(steps[key])
    wall = time.perf_counter() - start
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    rows = []
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order)
        for (file, line, function), (cc, nc, tt, ct, _) in sorted(
                stats.stats.items(), key=lambda item: -(item[1][3] if order == "cumulative" else item[1][2]))[:top]:
            rows.append({"order": order, "function": f"{Path(file).name}:{line}({function})", "calls": nc,
                         "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3)})
    # The garbage collector's share: the same step with the collector off.
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        steps[key]()
        without_gc = time.perf_counter() - start
    finally:
        gc.enable()
    return {"size": ctx.label, "figure": key, "wall_s_under_profiler": round(wall, 2),
            "wall_s_without_gc": round(without_gc, 2), "top": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="model sizes in nodes, comma-separated (1k,10k,100k)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median); fewer above 50k nodes")
    parser.add_argument("--json", type=Path, help="write every figure as JSON here")
    parser.add_argument("--markdown", type=Path, help="write the table (and profile) as Markdown here")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the slowest step at the largest size (cProfile; adds its run time)")
    parser.add_argument("--startup-runs", type=int, help="runs of each start-up command (default 2×repeat+1)")
    parser.add_argument("--pyvis-timeout", type=float, default=PYVIS_TIMEOUT_S, metavar="SECONDS",
                        help="give up waiting for pyvis' page (physics on) after this long; larger sizes then skip it")
    parser.add_argument("--no-falkordb", action="store_true",
                        help="start no FalkorDB server (its figures report n/a): for a machine where it does not answer")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "orgraph-bench-cache",
                        help="where generated models are kept between runs")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({parse_size(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes: not a list of sizes like 1k,10k,100k: {args.sizes}")
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1: {args.repeat}")

    began = time.perf_counter()
    result: dict[str, Any] = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                              "machine": machine(), "load_before": load_average(),
                              "command": "python -m benchmarks.run " + " ".join(argv if argv is not None
                                                                                 else sys.argv[1:]),
                              "repeat": args.repeat, "sizes": [], "notes": []}
    args.cache.mkdir(parents=True, exist_ok=True)
    falkor = Falkor(start=not args.no_falkordb)
    browser = Browser() if any(n <= b5_render.BROWSER_MAX_NODES for n in sizes) else None
    scratch = Path(tempfile.mkdtemp(prefix="orgraph-bench-"))
    contexts: list[Context] = []
    previous_drawn = None
    carry: dict[str, str] = {}
    try:
        for nodes in sizes:
            started = time.perf_counter()
            directory, manifest = model_dir(nodes, args.cache)
            print(f"{size_label(nodes)}: {manifest['counts']['nodes']} nodes, {manifest['counts']['relations']} "
                  f"relations, {manifest['counts']['files']} files ({time.perf_counter() - started:.1f} s to "
                  f"generate or find)", file=sys.stderr, flush=True)
            big = nodes > 50_000
            ctx = Context(size_label(nodes), nodes, directory, manifest, 1 if big else args.repeat, big,
                          dt.date.today(), falkor, browser if nodes <= b5_render.BROWSER_MAX_NODES else None,
                          previous_drawn)
            ctx.carry, ctx.pyvis_timeout = carry, args.pyvis_timeout
            measure_size(ctx, scratch)
            previous_drawn = ctx.figures.value("b5_drawn_ms") or previous_drawn
            contexts.append(ctx)
            counts = manifest["counts"]
            result["sizes"].append({"label": ctx.label, "target_nodes": nodes, "nodes": counts["nodes"],
                                    "relations": counts["relations"], "files": counts["files"],
                                    "people": counts["people"], "councils": counts["councils"],
                                    "spec": manifest["spec"], "runs_per_figure": ctx.repeat,
                                    "figures": ctx.figures.values})
            result["notes"] += ctx.notes
            if big:
                result["notes"].append(f"{ctx.label}: one run per figure, fewer queries, no Chromium "
                                       "(the 10-minute budget)")
            if nodes != sizes[-1] or not args.profile:
                ctx.model = None
                gc.collect()
        result["startup"] = {"figures": b6_startup.measure(args.startup_runs or 2 * args.repeat + 1).values}
        if result["startup"]["figures"]["b6_help_vs_click"].get("met") is False:
            result["slow_imports"] = b6_startup.slow_imports()
        result["elapsed_s"] = time.perf_counter() - began  # the benchmark itself, without the profile
        if args.profile and contexts:
            last = contexts[-1]
            candidates = ["b1_load_s", "b2_check_s", "b5_render_s"]
            timings = {key: last.figures.value(key) or 0 for key in candidates}
            path = last.figures.value("b3_path_p50_ms")
            if path:
                timings["b3_path_p50_ms"] = path / 1000 * 2  # profiled over two calls
            slowest = max(timings, key=timings.get)
            print(f"profiling {slowest} at {last.label}", file=sys.stderr, flush=True)
            result["profile"] = profile_step(last, slowest)
    finally:
        falkor.stop()
        if browser is not None:
            browser.close()
        shutil.rmtree(scratch, ignore_errors=True)
    result["growth"] = growth(result["sizes"])
    result["goals"] = goals(result)
    result["load_after"] = load_average()
    result.setdefault("elapsed_s", time.perf_counter() - began)
    result["elapsed_with_profile_s"] = time.perf_counter() - began
    print(table(result))
    print()
    print(goals_table(result["goals"]))
    print(f"\n{len(result['sizes'])} size(s) in {result['elapsed_s']:.0f} s (with the profile: "
          f"{result['elapsed_with_profile_s']:.0f} s); load average before/after: "
          f"{result['load_before']} / {result['load_after']}")
    for note in result["notes"]:
        print(f"note: {note}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["SPECS", "STARTUP_SPECS", "main", "parse_size"]
