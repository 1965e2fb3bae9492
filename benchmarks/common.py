"""What every measure shares: figure specs and values, timing helpers, the models, one size's context.

Each measure is a module of this package (``b1_load`` … ``b7_processes``) with its ``SPECS`` and a
``measure(ctx)``; :mod:`benchmarks.run` runs them, :mod:`benchmarks.report` turns the figures into tables.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import importlib.util
import json
import math
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.servers import Browser, Falkor

ROOT = Path(__file__).resolve().parent.parent
NOT_BUILT = "n/a (not built yet)"
PYVIS_TIMEOUT_S = 30.0  # pyvis' page: physics stabilises for a long time; past this, larger sizes skip it


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


#: Every spec by key, filled as the measure modules are imported (see :func:`register`).
BY_KEY: dict[str, Spec] = {}


def register(specs: list[Spec]) -> list[Spec]:
    """Make a measure's specs known to :class:`Figures` (each key once)."""
    for spec in specs:
        assert spec.key not in BY_KEY, spec.key
        BY_KEY[spec.key] = spec
    return specs


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


def cpu_calls(function: Callable[[Any], Any], items: list[Any], budget_s: float, minimum: int = 3,
              reference: Callable[[Any], Any] | None = None) -> tuple[list[float], list[float]]:
    """Per-call CPU times (s, this thread: ``time.thread_time``) of ``function(item)``, and of
    ``reference(item)`` right after it on the same item (the reference first on every other item), until
    ``budget_s`` of CPU is spent.

    CPU time, not wall time: on a machine shared with other jobs, wall time counts the time the scheduler
    gave to others; interleaving the two keeps them under the same load and caches.
    """
    clock = time.thread_time
    ours: list[float] = []
    theirs: list[float] = []
    spent = 0.0
    for number, item in enumerate(items):
        order = [(function, ours), (reference, theirs)] if reference is not None else [(function, ours)]
        if number % 2:
            order.reverse()
        for call, into in order:
            start = clock()
            call(item)
            into.append(clock() - start)
        spent += ours[-1]
        if spent >= budget_s and len(ours) >= minimum:
            break
    return ours, theirs


def process(argv: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Run ``argv`` to its end: (wall s, CPU s of the process: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def processes(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Each command run ``runs`` times, in turn (so that a slow minute hurts all alike): name → the medians
    of (wall s, CPU s)."""
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            seconds, used = process(argv)
            wall[name].append(seconds)
            cpu[name].append(used)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in commands}


def orgraph_command() -> list[str]:
    """The ``orgraph`` console script beside this Python, else ``python -m orgraph``."""
    script = Path(sys.executable).parent / "orgraph"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "orgraph"]


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
    # Every module of the generator (a package), so that a change to any of them makes a new model.
    sources = sorted(Path(synth.__file__).parent.glob("*.py"))
    version = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:10]
    key = (f"r{spec.regions}-c{spec.councils_per_region}-s{spec.staff_per_administration}-seed{spec.seed}"
           f"-v{spec.violation_rate:g}-{version}")
    target = cache / key
    if not (target / synth.MANIFEST).is_file():
        if target.exists():
            shutil.rmtree(target)
        synth.generate(spec, target)
    return target, json.loads((target / synth.MANIFEST).read_text(encoding="utf-8"))


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
