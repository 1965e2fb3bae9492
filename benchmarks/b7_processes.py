"""B7: whole ``orgraph`` processes on the model of this size, its cache entry written from B1's model.

``list councils`` and ``path`` are run ``RUNS`` times each, in turns, and the figure is the median; CPU
time (user + system of the process) is what the goal is judged on, wall time is reported beside it
(on a machine shared with other jobs, wall time also counts what the scheduler gave to others).  Peak
memory is ``ru_maxrss`` of one ``orgraph check``, read by a wrapper process that runs only it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.b3_queries import path_cases
from benchmarks.common import ROOT, Context, Spec, orgraph_command, processes, register

SPECS = register([
    Spec("b7_cached_list_s", "B7", "orgraph list councils, cached model, whole process (wall)", "s"),
    Spec("b7_cached_list_cpu_s", "B7", "orgraph list councils, cached model, whole process (CPU)", "s", "<=", 1),
    Spec("b7_cached_path_s", "B7", "orgraph path, cached model, whole process (wall)", "s"),
    Spec("b7_cached_path_cpu_s", "B7", "orgraph path, cached model, whole process (CPU)", "s", "<=", 1),
    Spec("b7_check_peak_mib", "B7", "orgraph check, cached model: peak memory", "MiB", "<=", 400),
    Spec("b7_check_s", "B7", "orgraph check, cached model, whole process (wall)", "s"),
    Spec("b7_check_cpu_s", "B7", "orgraph check, cached model, whole process (CPU)", "s"),
])

RUNS = 3
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measure(ctx: Context, scratch: Path) -> None:
    """Write the cache entry into a private ``$ORGRAPH_CACHE_DIR`` under ``scratch``, then time processes."""
    from orgraph.model import cache

    where = scratch / "model-cache"
    os.environ["ORGRAPH_CACHE_DIR"] = str(where)  # the children inherit it; nothing in the user's cache
    cache.write(cache.entry_path(ctx.directory), cache.key_of(ctx.directory), ctx.model)
    command = orgraph_command()
    data = ["--data", str(ctx.directory), "--format", "json"]
    a, b = path_cases(ctx.model.graph(), 1)[0]
    commands = {"list": command + ["list", "councils", *data], "path": command + ["path", a, b, *data]}
    for name, (wall, cpu) in processes(commands, RUNS).items():
        note = f"{a} → {b}" if name == "path" else None
        ctx.figures.set(f"b7_cached_{name}_s", wall, runs=RUNS, note=note)
        ctx.figures.set(f"b7_cached_{name}_cpu_s", cpu, runs=RUNS, note=note)
    start = time.perf_counter()
    before = os.times()
    done = subprocess.run([sys.executable, "-c", PEAK, *command, "check", *data], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    after = os.times()
    ctx.figures.set("b7_check_s", time.perf_counter() - start, runs=1)
    ctx.figures.set("b7_check_cpu_s", (after.children_user + after.children_system)
                    - (before.children_user + before.children_system), runs=1, note="with the wrapper process")
    ctx.figures.set("b7_check_peak_mib", int(done.stdout.strip()) / 1024, runs=1, note="ru_maxrss of the process")
