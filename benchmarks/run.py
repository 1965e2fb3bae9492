"""orgraph's cost as the model grows, each figure against a reference measured in the same run.

    python -m benchmarks.run [--sizes 1k,10k,100k] [--repeat 3] [--json out.json] [--markdown out.md]
                             [--profile] [--cache DIR]

For each size (in NODES) a synthetic model is generated with :mod:`orgraph.synth` (cached by its
arguments and the generator's source) and measured:

- B1 load: YAML files -> validated model -> graph, vs PyYAML's C loader alone on the same files.
- B2 check: every rule over the model, vs B1's load time, and vs the rules' Cypher on FalkorDB.
- B3 queries: ``escalate`` and ``path`` p50/p99 per call, vs a bare networkx BFS between the same two
  nodes, and the same calls answered by FalkorDB.
- B4 database load: rows/s of batched ``UNWIND`` vs one ``MERGE`` per row on FalkorDB (Neo4j: where
  Docker answers).
- B5 render: HTML generation time and size, and time until the page is drawn and interactive in
  headless Chromium, vs pyvis' default page (physics on) for the same graph (1k and 10k only).
- B6 start-up: ``orgraph --help`` vs ``python -c "import click"``.

Every figure is the median of several runs (fewer for the big sizes: each measurement has a time
budget, and the JSON says how many runs it took). A part of orgraph that is not built yet is
reported as "n/a (not built yet)", never as a failure. No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import importlib.util
import io
import json
import math
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOT_BUILT = "n/a (not built yet)"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BROWSER_MAX_NODES = 10_000  # B5 runs in Chromium at sizes up to this many nodes (1k and 10k)
BROWSER_TIMEOUT_S = 60.0  # orgraph's page
PYVIS_TIMEOUT_S = 30.0  # pyvis' page: physics stabilises for a long time; past this, larger sizes skip it
PER_ROW_SLICE = 1_500  # B4: nodes in the slice that is loaded one MERGE per row (and batched, to compare)


@dataclass(frozen=True)
class Spec:
    """One figure: what it measures, its unit, and its target (``op`` is "<=" or ">=")."""

    key: str
    section: str
    label: str
    unit: str
    op: str | None = None
    bound: float | None = None

    @property
    def target(self) -> str | None:
        return f"{'≤' if self.op == '<=' else '≥'} {self.bound:g}" if self.op else None


SPECS = [
    Spec("b1_load_s", "B1", "load: YAML → validated model → graph", "s"),
    Spec("b1_yaml_cload_s", "B1", "reference: yaml.load(CSafeLoader) of the same files", "s"),
    Spec("b1_load_vs_yaml", "B1", "load ÷ C loader", "×", "<=", 2),
    Spec("b2_check_s", "B2", "check: every rule, memory", "s"),
    Spec("b2_check_vs_load", "B2", "check ÷ B1 load", "×", "<=", 0.5),
    Spec("b2_falkordb_check_s", "B2", "the rules' Cypher on FalkorDB", "s"),
    Spec("b2_falkordb_vs_memory", "B2", "FalkorDB ÷ memory (memory is N× faster)", "×", ">=", 5),
    Spec("b3_escalate_p50_ms", "B3", "escalate p50", "ms"),
    Spec("b3_escalate_p99_ms", "B3", "escalate p99", "ms", "<=", 2),
    Spec("b3_escalate_bfs_p50_ms", "B3", "reference: bare networkx BFS, same ends, p50", "ms"),
    Spec("b3_escalate_vs_bfs", "B3", "escalate p50 ÷ BFS p50", "×", "<=", 3),
    Spec("b3_path_p50_ms", "B3", "path p50", "ms"),
    Spec("b3_path_p99_ms", "B3", "path p99", "ms"),
    Spec("b3_path_bfs_p50_ms", "B3", "reference: bare networkx BFS (undirected), p50", "ms"),
    Spec("b3_path_vs_bfs", "B3", "path p50 ÷ BFS p50", "×", "<=", 3),
    Spec("b3_falkordb_escalate_p50_ms", "B3", "escalate on FalkorDB p50", "ms"),
    Spec("b3_falkordb_escalate_p99_ms", "B3", "escalate on FalkorDB p99", "ms"),
    Spec("b3_falkordb_path_p50_ms", "B3", "path on FalkorDB p50", "ms"),
    Spec("b3_falkordb_path_p99_ms", "B3", "path on FalkorDB p99", "ms"),
    Spec("b3_falkordb_escalate_vs_memory", "B3", "escalate: FalkorDB p50 ÷ memory p50", "×"),
    Spec("b3_falkordb_path_vs_memory", "B3", "path: FalkorDB p50 ÷ memory p50", "×"),
    Spec("b4_unwind_rows_per_s", "B4", "FalkorDB, batched UNWIND (500 a batch), slice", "rows/s"),
    Spec("b4_merge_rows_per_s", "B4", "FalkorDB, one MERGE per row, same slice", "rows/s"),
    Spec("b4_unwind_vs_merge", "B4", "UNWIND ÷ per-row MERGE", "×", ">=", 20),
    Spec("b4_full_load_s", "B4", "FalkorDB, the whole model (orgraph's load plan)", "s"),
    Spec("b4_full_rows_per_s", "B4", "FalkorDB, the whole model", "rows/s"),
    Spec("b4_neo4j_unwind_vs_merge", "B4", "Neo4j, UNWIND ÷ per-row MERGE", "×", ">=", 20),
    Spec("b5_render_s", "B5", "render: generate the HTML", "s"),
    Spec("b5_html_bytes", "B5", "render: HTML size", "bytes"),
    Spec("b5_drawn_ms", "B5", "Chromium: drawn and interactive", "ms"),
    Spec("b5_pyvis_html_bytes", "B5", "reference: pyvis default page size", "bytes"),
    Spec("b5_pyvis_drawn_ms", "B5", "reference: pyvis default (physics on), drawn", "ms"),
    Spec("b5_drawn_vs_pyvis", "B5", "drawn ÷ pyvis drawn", "×"),
    Spec("b5_drawn_vs_previous", "B5", "drawn ÷ drawn at the previous size (10k vs 1k)", "×", "<=", 3),
    Spec("b7_cached_list_s", "B7", "orgraph list councils, cached model, whole process", "s", "<=", 1),
    Spec("b7_cached_path_s", "B7", "orgraph path, cached model, whole process", "s", "<=", 1),
    Spec("b7_check_peak_mib", "B7", "orgraph check, cached model: peak memory", "MiB", "<=", 400),
    Spec("b7_check_s", "B7", "orgraph check, cached model, whole process", "s"),
]
STARTUP_SPECS = [
    Spec("b6_help_s", "B6", "orgraph --help (wall time)", "s"),
    Spec("b6_import_click_s", "B6", 'reference: python -c "import click"', "s"),
    Spec("b6_help_vs_click", "B6", "orgraph --help ÷ import click", "×", "<=", 1.3),
    Spec("b6_list_seed_s", "B6", "orgraph list councils on the seed, cached (wall time)", "s"),
    Spec("b6_list_vs_click", "B6", "orgraph list councils ÷ import click", "×", "<=", 2),
]
BY_KEY = {spec.key: spec for spec in SPECS + STARTUP_SPECS}


# ----------------------------------------------------------------------------------------- figures


@dataclass
class Figures:
    """The figures of one size (or of start-up): value or a status saying why there is none."""

    values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def set(self, key: str, value: float | None, status: str = "ok", runs: int | None = None,
            note: str | None = None) -> None:
        spec = BY_KEY[key]
        if value is None and status == "ok":
            status = "n/a"
        entry: dict[str, Any] = {"value": value, "unit": spec.unit, "status": status, "target": spec.target}
        if runs is not None:
            entry["runs"] = runs
        if note:
            entry["note"] = note
        if spec.op and value is not None:
            entry["met"] = value <= spec.bound if spec.op == "<=" else value >= spec.bound
        self.values[key] = entry

    def value(self, key: str) -> float | None:
        return self.values.get(key, {}).get("value")

    def missing(self, keys: list[str], status: str) -> None:
        for key in keys:
            if key not in self.values:
                self.set(key, None, status)

    def ratio(self, key: str, numerator: str, denominator: str, why: str = "n/a") -> None:
        a, b = self.value(numerator), self.value(denominator)
        if a is None or b is None or b == 0:
            self.set(key, None, self.values.get(numerator, {}).get("status", why) if a is None else
                     self.values.get(denominator, {}).get("status", why))
        else:
            self.set(key, a / b)


def timed(function: Callable[[], Any], repeat: int, budget_s: float) -> tuple[float, int, Any]:
    """The median wall time of up to ``repeat`` runs (fewer once ``budget_s`` is spent), and the last result."""
    runs: list[float] = []
    result = None
    for _ in range(max(1, repeat)):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = function()
        runs.append(time.perf_counter() - start)
        if sum(runs) >= budget_s:
            break
    return statistics.median(runs), len(runs), result


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100).

    >>> percentile([1, 2, 3, 4, 100], 50), percentile([1, 2, 3, 4, 100], 99)
    (3, 100)
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def calls(function: Callable[[Any], Any], items: list[Any], budget_s: float, minimum: int = 3) -> list[float]:
    """Per-call wall times (s) of ``function(item)`` over ``items``, stopping when the budget is spent."""
    times: list[float] = []
    spent = 0.0
    for item in items:
        start = time.perf_counter()
        function(item)
        took = time.perf_counter() - start
        times.append(took)
        spent += took
        if spent >= budget_s and len(times) >= minimum:
            break
    return times


def built(module: str) -> bool:
    """True when ``module`` exists (others build parts of orgraph while this suite runs)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


# ----------------------------------------------------------------------------------------- the models


def parse_size(text: str) -> int:
    """``1k`` -> 1000, ``100k`` -> 100000, ``200`` -> 200.

    >>> [parse_size(s) for s in ("1k", "100K", "200", "1.5k")]
    [1000, 100000, 200, 1500]
    """
    text = text.strip().lower()
    factor = 1000 if text.endswith("k") else 1
    number = float(text.rstrip("k"))
    if number <= 0:
        raise ValueError(text)
    return int(number * factor)


def size_label(nodes: int) -> str:
    """``1000`` -> ``1k``; ``200`` -> ``200``."""
    return f"{nodes // 1000}k" if nodes >= 1000 and nodes % 1000 == 0 else str(nodes)


def model_dir(nodes: int, cache: Path) -> tuple[Path, dict[str, Any]]:
    """The synthetic model of about ``nodes`` nodes, generated once per spec and generator version."""
    from orgraph import synth

    spec = synth.spec_for_nodes(nodes)
    # Every module of the generator, so that a change to any of them makes a new model.
    version = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(synth.__file__).parent.glob("*.py")))).hexdigest()[:10]
    key = (f"r{spec.regions}-c{spec.councils_per_region}-s{spec.staff_per_administration}-seed{spec.seed}"
           f"-v{spec.violation_rate:g}-{version}")
    target = cache / key
    if not (target / synth.MANIFEST).is_file():
        if target.exists():
            shutil.rmtree(target)
        synth.generate(spec, target)
    return target, json.loads((target / synth.MANIFEST).read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------- FalkorDB


class Falkor:
    """One FalkorDB server for the whole run, a fresh graph per measurement."""

    def __init__(self) -> None:
        self.server = None
        self.client = None
        self.why = ""
        self.counter = 0
        if not built("orgraph.backends.falkordb") or not built("orgraph.backends.cypher_load"):
            self.why = NOT_BUILT
            return
        try:
            from orgraph_testing.falkordb_server import FalkorDBServer, FalkorDBUnavailable
        except ImportError as error:
            self.why = f"n/a (no orgraph_testing: {error})"
            return
        try:
            self.server = FalkorDBServer().start()
            self.client = self.server.client()
        except FalkorDBUnavailable as error:
            self.why = f"n/a (FalkorDB unavailable: {str(error).splitlines()[0]})"

    @property
    def up(self) -> bool:
        return self.client is not None

    def fresh_graph(self, name: str) -> Any:
        """An empty graph with an index on ``id`` for every label (as Neo4j's constraints give)."""
        from orgraph import vocabulary

        self.counter += 1
        graph = self.client.select_graph(f"bench-{name}-{self.counter}")
        for label in vocabulary.LABELS:  # labels from the vocabulary only, never from data
            graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        return graph

    def drop(self, graph: Any) -> None:
        try:
            graph.delete()
        except Exception:  # noqa: BLE001 - an already gone graph is fine
            pass

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def neo4j_status() -> str:
    """Why there is no Neo4j figure: the Docker engine does not answer (testcontainers needs it)."""
    docker = shutil.which("docker")
    if docker is None:
        return "n/a (no Docker client)"
    try:
        answered = subprocess.run([docker, "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        answered = False
    return "n/a (no Docker engine answers)" if not answered else "n/a (Docker answers, Neo4j run not wired yet)"


# ----------------------------------------------------------------------------------------- Chromium

# Records vis-network's events from the moment the library defines Network: window.vis is assigned an
# empty object first and filled afterwards, so trap both assignments and wrap Network.prototype.emit.
DRAW_HOOK = r"""
(() => {
  const marks = { events: {}, drawn: null, interactive: null };
  window.__bench = marks;
  const record = (network, name) => {
    const now = performance.now();
    if (!(name in marks.events)) marks.events[name] = now;
    if (name !== "afterDrawing" || marks.drawn !== null) return;
    const physics = network.physics && network.physics.physicsEnabled;
    if (physics && !("stabilizationIterationsDone" in marks.events)) return;
    marks.drawn = now;
    setTimeout(() => { marks.interactive = performance.now(); }, 0);
  };
  const patch = (Network) => {
    if (!Network || Network.prototype.__benchPatched) return;
    const emit = Network.prototype.emit;
    Network.prototype.emit = function (name) { record(this, name); return emit.apply(this, arguments); };
    Network.prototype.__benchPatched = true;
  };
  let visObject;
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { return visObject; },
    set(value) {
      visObject = value;
      if (value && value.Network) { patch(value.Network); return; }
      let network;
      Object.defineProperty(value, "Network", {
        configurable: true, enumerable: true,
        get() { return network; },
        set(N) { network = N; patch(N); },
      });
    },
  });
})();
"""


class Browser:
    """Headless Chromium through Playwright (Debian's chromium, never Playwright's download)."""

    def __init__(self) -> None:
        self.why = ""
        self._playwright = None
        self.browser = None
        if not Path(CHROMIUM).exists():
            self.why = f"n/a (no {CHROMIUM})"
            return
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            self.why = "n/a (playwright not installed)"
            return
        try:
            self._playwright = sync_playwright().start()
            self.browser = self._playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                            args=CHROMIUM_ARGS)
        except Exception as error:  # noqa: BLE001 - report, do not fail the run
            self.why = f"n/a (Chromium did not start: {str(error).splitlines()[0]})"
            self.close()

    @property
    def up(self) -> bool:
        return self.browser is not None

    def drawn_ms(self, page_file: Path, timeout_s: float = BROWSER_TIMEOUT_S) -> float | None:
        """Milliseconds from navigation start until vis-network has drawn the graph and the page is free
        (physics on: the first drawing after the initial stabilisation); None past ``timeout_s``."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        page = self.browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.add_init_script(DRAW_HOOK)
            deadline = time.monotonic() + timeout_s
            def left() -> float:
                return max(1.0, deadline - time.monotonic()) * 1000

            try:  # a page whose scripts hold up its load event still counts against the same deadline
                page.goto(page_file.resolve().as_uri(), wait_until="commit", timeout=left())
                page.wait_for_load_state("domcontentloaded", timeout=left())
                page.wait_for_function("window.__bench && window.__bench.interactive !== null", timeout=left(),
                                       polling=50)
            except PlaywrightTimeout:
                return None
            return float(page.evaluate("window.__bench.interactive"))
        finally:
            page.close()

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


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


# ----------------------------------------------------------------------------------------- one size


@dataclass
class Context:
    label: str
    target: int
    directory: Path
    manifest: dict[str, Any]
    repeat: int
    big: bool  # over 50k nodes: fewer runs and calls, no browser
    day: dt.date
    falkor: Falkor
    browser: Browser | None
    previous_drawn: float | None
    pyvis_timeout: float = PYVIS_TIMEOUT_S
    carry: dict[str, str] = field(default_factory=dict)  # what a smaller size found too slow to repeat
    figures: Figures = field(default_factory=Figures)
    model: Any = None
    notes: list[str] = field(default_factory=list)


def budget(ctx: Context, small: float, large: float) -> float:
    return large if ctx.big else small


def bench_b1(ctx: Context) -> None:
    import yaml

    from orgraph.model.loader import data_files, load

    files = data_files(ctx.directory)

    def load_model() -> Any:
        model = load(ctx.directory)
        model.graph()
        return model

    def c_loader() -> list[Any]:
        return [yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader) for path in files]

    seconds, runs, ctx.model = timed(load_model, ctx.repeat, budget(ctx, 15, 1))
    ctx.figures.set("b1_load_s", seconds, runs=runs)
    seconds, runs, parsed = timed(c_loader, ctx.repeat, budget(ctx, 15, 1))
    del parsed
    ctx.figures.set("b1_yaml_cload_s", seconds, runs=runs)
    ctx.figures.ratio("b1_load_vs_yaml", "b1_load_s", "b1_yaml_cload_s")


def bench_b2(ctx: Context, falkor_graph: Any) -> None:
    if not built("orgraph.rules"):
        ctx.figures.missing(["b2_check_s", "b2_check_vs_load", "b2_falkordb_check_s", "b2_falkordb_vs_memory"],
                            NOT_BUILT)
        return
    from orgraph import rules

    seconds, runs, report = timed(lambda: rules.check(ctx.model, ctx.day), ctx.repeat, budget(ctx, 10, 1))
    ctx.figures.set("b2_check_s", seconds, runs=runs, note=f"{len(report.findings)} findings")
    ctx.figures.ratio("b2_check_vs_load", "b2_check_s", "b1_load_s")
    check_backend = getattr(rules, "check_backend", None)
    if falkor_graph is None or check_backend is None:
        ctx.figures.set("b2_falkordb_check_s", None, ctx.falkor.why or NOT_BUILT)
    else:
        from orgraph.backends.falkordb import falkordb_backend

        seconds, runs, cypher_report = timed(lambda: check_backend(falkordb_backend(falkor_graph, ctx.day)),
                                             ctx.repeat, budget(ctx, 10, 1))
        same = sorted((f.rule, f.focus) for f in cypher_report.findings) == \
            sorted((f.rule, f.focus) for f in report.findings)
        ctx.figures.set("b2_falkordb_check_s", seconds, runs=runs,
                        note=f"{len(cypher_report.findings)} findings, "
                             f"{'the same as' if same else 'NOT the same as'} memory")
    ctx.figures.ratio("b2_falkordb_vs_memory", "b2_falkordb_check_s", "b2_check_s")


def _escalation_cases(ctx: Context, graph: Any, count: int) -> list[tuple[str, str]]:
    from orgraph import vocabulary

    councils = sorted(n for n, data in graph.nodes(data=True) if data["kind"] == "Council")
    chosen = random.Random(1).sample(councils, min(count, len(councils)))
    return [(council, topic) for council in chosen for topic in vocabulary.TOPICS]


def _path_cases(graph: Any, count: int) -> list[tuple[str, str]]:
    """Pairs a planner asks about: a person or post to a council, across the model."""
    rng = random.Random(2)
    starts = sorted(n for n, data in graph.nodes(data=True) if data["kind"] in ("Person", "Post"))
    councils = sorted(n for n, data in graph.nodes(data=True) if data["kind"] == "Council")
    return [(rng.choice(starts), rng.choice(councils)) for _ in range(count)]


def bench_b3(ctx: Context, falkor_graph: Any) -> None:
    import networkx as nx

    from orgraph.backends.memory import MemoryBackend

    graph = ctx.model.graph()
    backend = MemoryBackend(ctx.model, ctx.day)
    undirected = graph.to_undirected(as_view=True)
    ms = 1000.0
    escalate = None
    if built("orgraph.query.escalation"):
        from orgraph.query.escalation import escalate
    cases = _escalation_cases(ctx, graph, 4 if ctx.big else 10)
    ends: dict[tuple[str, str], tuple[str, str | None]] = {}
    if escalate is not None:
        def one(case: tuple[str, str]) -> None:
            found = escalate(backend, *case)
            decider = next((route.decider.id for route in found.routes if route.decider), None)
            ends[case] = (found.start.id, decider)

        times = calls(one, cases, budget(ctx, 10, 10))
        ctx.figures.set("b3_escalate_p50_ms", statistics.median(times) * ms, runs=len(times))
        ctx.figures.set("b3_escalate_p99_ms", percentile(times, 99) * ms, runs=len(times))

        def bfs(case: tuple[str, str]) -> None:
            start, end = ends[case]
            if end is not None and end != start:
                nx.bidirectional_shortest_path(graph, start, end)
            else:
                list(nx.bfs_edges(graph, start, depth_limit=1))

        reference = calls(bfs, [case for case in cases if case in ends], 10)
        ctx.figures.set("b3_escalate_bfs_p50_ms", statistics.median(reference) * ms, runs=len(reference),
                        note="directed BFS from the route's start to its decider")
        ctx.figures.ratio("b3_escalate_vs_bfs", "b3_escalate_p50_ms", "b3_escalate_bfs_p50_ms")
    else:
        ctx.figures.missing(["b3_escalate_p50_ms", "b3_escalate_p99_ms", "b3_escalate_bfs_p50_ms",
                             "b3_escalate_vs_bfs"], NOT_BUILT)

    pairs = _path_cases(graph, 5 if ctx.big else 30)
    times = calls(lambda pair: backend.paths(*pair), pairs, budget(ctx, 10, 20), minimum=2)
    done = pairs[:len(times)]
    ctx.figures.set("b3_path_p50_ms", statistics.median(times) * ms, runs=len(times))
    ctx.figures.set("b3_path_p99_ms", percentile(times, 99) * ms, runs=len(times))
    reference = calls(lambda pair: nx.bidirectional_shortest_path(undirected, *pair), done, 10)
    ctx.figures.set("b3_path_bfs_p50_ms", statistics.median(reference) * ms, runs=len(reference))
    ctx.figures.ratio("b3_path_vs_bfs", "b3_path_p50_ms", "b3_path_bfs_p50_ms")

    falkor_keys = ["b3_falkordb_escalate_p50_ms", "b3_falkordb_escalate_p99_ms", "b3_falkordb_path_p50_ms",
                   "b3_falkordb_path_p99_ms"]
    if falkor_graph is None:
        ctx.figures.missing(falkor_keys, ctx.falkor.why or NOT_BUILT)
    else:
        from orgraph.backends.falkordb import falkordb_backend

        remote = falkordb_backend(falkor_graph, ctx.day)
        if escalate is not None:
            times = calls(lambda case: escalate(remote, *case), cases[:14], budget(ctx, 10, 10))
            ctx.figures.set("b3_falkordb_escalate_p50_ms", statistics.median(times) * ms, runs=len(times))
            ctx.figures.set("b3_falkordb_escalate_p99_ms", percentile(times, 99) * ms, runs=len(times))
        if "falkordb-path" in ctx.carry:
            ctx.figures.missing(["b3_falkordb_path_p50_ms", "b3_falkordb_path_p99_ms"], ctx.carry["falkordb-path"])
        else:
            times = calls(lambda pair: remote.paths(*pair), done[:10], budget(ctx, 10, 10), minimum=1)
            ctx.figures.set("b3_falkordb_path_p50_ms", statistics.median(times) * ms, runs=len(times))
            ctx.figures.set("b3_falkordb_path_p99_ms", percentile(times, 99) * ms, runs=len(times))
            if statistics.median(times) > 3:
                ctx.carry["falkordb-path"] = (f"skipped: p50 was {statistics.median(times):.1f} s a call at "
                                              f"{ctx.label} (time budget)")
        ctx.figures.missing(falkor_keys, NOT_BUILT)
    ctx.figures.ratio("b3_falkordb_escalate_vs_memory", "b3_falkordb_escalate_p50_ms", "b3_escalate_p50_ms")
    ctx.figures.ratio("b3_falkordb_path_vs_memory", "b3_falkordb_path_p50_ms", "b3_path_p50_ms")


def _slice(model: Any) -> Any:
    """The first region's nodes (at most PER_ROW_SLICE of them, in model order), the topics and the
    national bodies, with the relations among them: a valid model small enough to load row by row."""
    from orgraph.model.graph import Model

    first = next((node_id for node_id, node in model.nodes.items() if node.kind == "Region"), "")
    wanted = [node_id for node_id, node in model.nodes.items()
              if node_id == first or node_id.startswith(f"{first}-") or node.kind in ("Topic",
                                                                                     "NationalProgrammeArea")]
    keep = set(wanted[:PER_ROW_SLICE]) | {n for n in wanted if model.nodes[n].kind == "Topic"}
    nodes = {node_id: model.nodes[node_id] for node_id in model.nodes if node_id in keep}
    relations = tuple(r for r in model.relations if r.source_id in keep and r.target_id in keep)
    return Model(nodes, relations)


def bench_b4(ctx: Context) -> Any:
    """B4; returns the FalkorDB graph holding the whole model (for B2 and B3), or None."""
    keys = ["b4_unwind_rows_per_s", "b4_merge_rows_per_s", "b4_unwind_vs_merge", "b4_full_load_s",
            "b4_full_rows_per_s"]
    if not ctx.falkor.up:
        ctx.figures.missing(keys, ctx.falkor.why)
        return None
    from orgraph.backends.cypher_load import apply_plan, load_plan
    from orgraph.backends.falkordb import FalkorDBRunner

    def load_into(model: Any, batch: int, removals: bool) -> tuple[float, int]:
        graph = ctx.falkor.fresh_graph(ctx.label)
        plan = [step for step in load_plan(model, batch) if removals or step.action in ("nodes", "relationships")]
        start = time.perf_counter()
        apply_plan(FalkorDBRunner(graph).run, plan)
        took = time.perf_counter() - start
        ctx.falkor.drop(graph)
        return took, sum(step.rows for step in plan)

    piece = _slice(ctx.model)
    per_row, rows = load_into(piece, 1, False)
    batched = statistics.median(load_into(piece, 500, False)[0] for _ in range(max(1, min(ctx.repeat, 3))))
    note = f"{rows} rows: {len(piece.nodes)} nodes of the first region and {len(piece.relations)} relations"
    ctx.figures.set("b4_merge_rows_per_s", rows / per_row, runs=1, note=note)
    ctx.figures.set("b4_unwind_rows_per_s", rows / batched, runs=max(1, min(ctx.repeat, 3)), note=note)
    ctx.figures.ratio("b4_unwind_vs_merge", "b4_unwind_rows_per_s", "b4_merge_rows_per_s")

    graph = ctx.falkor.fresh_graph(ctx.label)
    plan = load_plan(ctx.model)
    start = time.perf_counter()
    apply_plan(FalkorDBRunner(graph).run, plan)
    took = time.perf_counter() - start
    rows = sum(step.rows for step in plan)
    ctx.figures.set("b4_full_load_s", took, runs=1, note=f"{rows} rows, batches of 500, removals included")
    ctx.figures.set("b4_full_rows_per_s", rows / took, runs=1)
    return graph


def bench_b5(ctx: Context, scratch: Path) -> None:
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


def bench_size(ctx: Context, scratch: Path) -> None:
    steps: list[tuple[str, Callable[[], Any]]] = []
    falkor_graph: list[Any] = [None]

    def b4() -> None:
        falkor_graph[0] = bench_b4(ctx)
        ctx.figures.set("b4_neo4j_unwind_vs_merge", None, neo4j_status())

    steps = [("B1", lambda: bench_b1(ctx)), ("B4", b4), ("B2", lambda: bench_b2(ctx, falkor_graph[0])),
             ("B3", lambda: bench_b3(ctx, falkor_graph[0])), ("B5", lambda: bench_b5(ctx, scratch)),
             ("B7", lambda: bench_b7(ctx, scratch))]
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


# ----------------------------------------------------------------------------------------- start-up


def bench_b6(runs: int) -> Figures:
    figures = Figures()
    script = Path(sys.executable).parent / "orgraph"
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "orgraph"]

    def wall(argv: list[str]) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    figures.set("b6_help_s", wall(command + ["--help"]), runs=runs, note=" ".join(Path(c).name for c in command))
    figures.set("b6_import_click_s", wall([sys.executable, "-c", "import click"]), runs=runs)
    figures.ratio("b6_help_vs_click", "b6_help_s", "b6_import_click_s")
    wall(command + ["list", "councils"])  # fills the seed's cache entry
    figures.set("b6_list_seed_s", wall(command + ["list", "councils"]), runs=runs)
    figures.ratio("b6_list_vs_click", "b6_list_seed_s", "b6_import_click_s")
    return figures


PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def orgraph_command() -> list[str]:
    script = Path(sys.executable).parent / "orgraph"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "orgraph"]


def bench_b7(ctx: Context, scratch: Path) -> None:
    """Whole ``orgraph`` processes on the model of this size, its cache entry written from B1's model."""
    from orgraph.model import cache

    where = scratch / "model-cache"
    os.environ["ORGRAPH_CACHE_DIR"] = str(where)  # the children inherit it; nothing in the user's cache
    cache.write(cache.entry_path(ctx.directory), cache.key_of(ctx.directory), ctx.model)
    command = orgraph_command()
    data = ["--data", str(ctx.directory), "--format", "json"]
    runs = 1 if ctx.big else max(1, ctx.repeat)

    def wall(argv: list[str]) -> float:
        times = []
        for _ in range(runs + (1 if ctx.big else 0)):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    ctx.figures.set("b7_cached_list_s", wall(command + ["list", "councils", *data]), runs=runs)
    a, b = _path_cases(ctx.model.graph(), 1)[0]
    ctx.figures.set("b7_cached_path_s", wall(command + ["path", a, b, *data]), runs=runs, note=f"{a} → {b}")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *command, "check", *data], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    ctx.figures.set("b7_check_s", time.perf_counter() - start, runs=1)
    ctx.figures.set("b7_check_peak_mib", int(done.stdout.strip()) / 1024, runs=1, note="ru_maxrss of the process")


def slow_imports(limit: int = 12) -> list[dict[str, Any]]:
    """The modules ``import orgraph.cli`` spends most time on (``python -X importtime``), cumulative µs."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import orgraph.cli"], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            rows.append({"module": parts[2].strip(), "self_us": int(parts[0].split(":")[1]),
                         "cumulative_us": int(parts[1])})
    top = [row for row in rows if not row["module"].startswith(("encodings", "_"))]
    return sorted(top, key=lambda row: -row["cumulative_us"])[:limit]


# ----------------------------------------------------------------------------------------- growth, output


def growth(sizes: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """How each figure grows between consecutive sizes: factor, and its exponent per 10× nodes."""
    result: dict[str, list[dict[str, Any]]] = {}
    for spec in SPECS:
        steps = []
        for small, large in zip(sizes, sizes[1:]):
            a, b = small["figures"][spec.key]["value"], large["figures"][spec.key]["value"]
            if a and b and a > 0 and b > 0 and large["nodes"] > small["nodes"]:
                exponent = math.log(b / a) / math.log(large["nodes"] / small["nodes"])
                steps.append({"from": small["label"], "to": large["label"], "factor": b / a,
                              "nodes_factor": large["nodes"] / small["nodes"], "exponent": exponent,
                              "shape": shape(exponent)})
        if steps:
            result[spec.key] = steps
    return result


def shape(exponent: float) -> str:
    """Words for how a figure grows with the model: value ∝ nodes^exponent.

    >>> shape(1.02), shape(0.5), shape(1.6), shape(-0.1)
    ('linear', 'sub-linear', 'super-linear', 'flat')
    """
    if exponent < 0.2:
        return "flat"
    if exponent < 0.8:
        return "sub-linear"
    if exponent <= 1.25:
        return "linear"
    return "super-linear"


def show(entry: dict[str, Any]) -> str:
    value, unit = entry["value"], entry["unit"]
    if value is None:
        return entry["status"]
    if unit == "×":
        text = f"{value:.2f}×" if value < 100 else f"{value:.0f}×"
    elif unit == "ms":
        text = f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
    elif unit == "s":
        text = f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    elif unit == "MiB":
        text = f"{value:.0f} MiB"
    elif unit == "bytes":
        text = f"{value / 1e6:.2f} MB" if value >= 1e5 else f"{value / 1e3:.1f} kB"
    else:
        text = f"{value:,.0f} {unit}"
    if "met" in entry:
        text += " ✓" if entry["met"] else " ✗"
    return text


def table(result: dict[str, Any]) -> str:
    sizes = result["sizes"]
    header = ["figure", "target"] + [f"{s['label']} ({s['nodes']:,} nodes)" for s in sizes] + ["growth"]
    rows = []
    for spec in SPECS:
        steps = result["growth"].get(spec.key, [])
        grown = ", ".join(f"{g['factor']:.1f}× ({g['shape']})" for g in steps)
        rows.append([f"{spec.section} {spec.label}", spec.target or ""] +
                    [show(s["figures"][spec.key]) for s in sizes] + [grown])
    for spec in STARTUP_SPECS:
        entry = result["startup"]["figures"][spec.key]
        rows.append([f"{spec.section} {spec.label}", spec.target or "", show(entry)] + [""] * (len(sizes) - 1) + [""])
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    return "\n".join(lines)


#: The issue's goals: (what, figure, where). "largest": the largest size measured; "startup": B6.
GOALS = [
    ("path p50 ≤ 3× the bare BFS", "b3_path_vs_bfs", "largest"),
    ("escalate p99 ≤ 2 ms", "b3_escalate_p99_ms", "largest"),
    ("escalate p50 flat from the smallest size (≤ 1.5× growth)", "b3_escalate_p50_ms", "growth"),
    ("all rules ≤ 0.5× the load", "b2_check_vs_load", "largest"),
    ("all rules ≥ 5× faster than the same rules as Cypher on FalkorDB", "b2_falkordb_vs_memory", "largest"),
    ("orgraph list councils on the cached model ≤ 1 s whole process", "b7_cached_list_s", "largest"),
    ("orgraph path on the cached model ≤ 1 s whole process", "b7_cached_path_s", "largest"),
    ("orgraph list councils on the seed ≤ 2× python -c 'import click'", "b6_list_vs_click", "startup"),
    ("orgraph --help ≤ 1.3× python -c 'import click'", "b6_help_vs_click", "startup"),
    ("peak memory of orgraph check ≤ 400 MiB", "b7_check_peak_mib", "largest"),
]


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every goal with its figure, the size it is judged at, and whether it was met (None: not measured)."""
    rows = []
    sizes = result["sizes"]
    for what, key, where in GOALS:
        if where == "startup":
            entry, label = result["startup"]["figures"].get(key, {}), "seed"
        elif where == "growth":
            first, last = (sizes[0]["figures"].get(key, {}), sizes[-1]["figures"].get(key, {})) if sizes else ({}, {})
            label = f"{sizes[0]['label']} → {sizes[-1]['label']}" if sizes else ""
            if first.get("value") and last.get("value"):
                factor = last["value"] / first["value"]
                entry = {"value": factor, "unit": "×", "status": "ok", "met": factor <= 1.5,
                         "target": "≤ 1.5"}
            else:
                entry = {"value": None, "status": first.get("status") or "n/a", "unit": "×"}
        else:
            entry, label = (sizes[-1]["figures"].get(key, {}), sizes[-1]["label"]) if sizes else ({}, "")
        rows.append({"goal": what, "figure": key, "at": label, "value": entry.get("value"),
                     "shown": show(entry) if entry else "n/a", "met": entry.get("met")})
    return rows


def goals_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| goal | at | figure | met |", "|---|---|---|---|"]
    lines += [f"| {r['goal']} | {r['at']} | {r['shown']} | {'✓' if r['met'] else '✗' if r['met'] is False else '–'} |"
              for r in rows]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    model_name = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout.splitlines():
            if line.startswith("Model name"):
                model_name = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model_name, "python": platform.python_version(),
            "platform": platform.platform()}


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def profile_step(ctx: Context, key: str, top: int = 15) -> dict[str, Any]:
    """cProfile of the step behind figure ``key`` at this size: the functions with the most time."""
    from orgraph.backends.memory import MemoryBackend
    from orgraph.model.loader import load

    def two_paths() -> None:
        backend = MemoryBackend(ctx.model, ctx.day)
        for pair in _path_cases(ctx.model.graph(), 2):
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


def markdown(result: dict[str, Any]) -> str:
    meta = result["machine"]
    lines = [f"Measured {result['date']} on {meta['nproc']} cores ({meta['cpu']}), Python {meta['python']}; "
             f"load average before/after: {result['load_before']} / {result['load_after']}; "
             f"whole run {result['elapsed_s']:.0f} s ({result['elapsed_with_profile_s']:.0f} s with the profile).",
             "", table(result), "", "Goals (issue 14), judged in this run:", "", goals_table(result["goals"]), ""]
    if result.get("notes"):
        lines += ["Notes:", ""] + [f"- {note}" for note in result["notes"]] + [""]
    if result.get("slow_imports"):
        lines += ["Slowest imports of `import orgraph.cli` (cumulative):", ""]
        lines += [f"- `{row['module']}` {row['cumulative_us'] / 1000:.0f} ms" for row in result["slow_imports"]]
        lines.append("")
    if result.get("profile"):
        prof = result["profile"]
        lines += [f"Profile of {prof['figure']} at {prof['size']} ({prof['wall_s_under_profiler']} s under "
                  f"cProfile; {prof['wall_s_without_gc']} s with the garbage collector off):", "",
                  "| order | function | calls | tottime s | cumtime s |", "|---|---|---|---|---|"]
        lines += [f"| {r['order']} | `{r['function']}` | {r['calls']} | {r['tottime_s']} | {r['cumtime_s']} |"
                  for r in prof["top"]]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------- main


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
    falkor = Falkor()
    browser = Browser() if any(n <= BROWSER_MAX_NODES for n in sizes) else None
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
                          dt.date.today(), falkor, browser if nodes <= BROWSER_MAX_NODES else None, previous_drawn)
            ctx.carry, ctx.pyvis_timeout = carry, args.pyvis_timeout
            bench_size(ctx, scratch)
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
        result["startup"] = {"figures": bench_b6(args.startup_runs or 2 * args.repeat + 1).values}
        if result["startup"]["figures"]["b6_help_vs_click"].get("met") is False:
            result["slow_imports"] = slow_imports()
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
