"""The servers and the browser the measures use: FalkorDB (one server for the run), Neo4j's status, and
headless Chromium through Playwright."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks.common import NOT_BUILT, built

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BROWSER_TIMEOUT_S = 60.0  # orgraph's page


class Falkor:
    """One FalkorDB server for the whole run, a fresh graph per measurement."""

    def __init__(self, start: bool = True) -> None:
        self.server = None
        self.client = None
        self.why = ""
        self.counter = 0
        if not start:
            self.why = "n/a (not run: --no-falkordb)"
            return
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
