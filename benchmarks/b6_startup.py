"""B6: start-up: ``orgraph --help`` and ``orgraph list councils`` on the seed (cached model), whole
processes, against ``python -c "import click"``.

Each round runs the three commands one after the other, so that all three meet the same load; the
figure is the median over the rounds.  The ratios are of CPU time (user + system of the process): on a
machine shared with other jobs, wall time also counts what the scheduler gave to others.  Wall times
are reported beside them.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from benchmarks.common import ROOT, Figures, Spec, orgraph_command, process, processes, register

SPECS = register([
    Spec("b6_help_s", "B6", "orgraph --help (wall time)", "s"),
    Spec("b6_import_click_s", "B6", 'reference: python -c "import click" (wall time)', "s"),
    Spec("b6_list_seed_s", "B6", "orgraph list councils on the seed, cached (wall time)", "s"),
    Spec("b6_help_cpu_s", "B6", "orgraph --help (CPU time)", "s"),
    Spec("b6_import_click_cpu_s", "B6", 'reference: python -c "import click" (CPU time)', "s"),
    Spec("b6_list_seed_cpu_s", "B6", "orgraph list councils on the seed, cached (CPU time)", "s"),
    Spec("b6_help_vs_click", "B6", "orgraph --help ÷ import click (CPU)", "×", "<=", 1.3),
    Spec("b6_list_vs_click", "B6", "orgraph list councils ÷ import click (CPU)", "×", "<=", 2),
    Spec("b6_help_vs_click_wall", "B6", "orgraph --help ÷ import click (wall)", "×"),
    Spec("b6_list_vs_click_wall", "B6", "orgraph list councils ÷ import click (wall)", "×"),
])


def measure(runs: int) -> Figures:
    """Start-up figures over ``runs`` rounds (the seed's cache entry is filled first)."""
    figures = Figures()
    command = orgraph_command()
    commands = {"help": command + ["--help"], "import_click": [sys.executable, "-c", "import click"],
                "list_seed": command + ["list", "councils"]}
    process(commands["list_seed"])  # fills the seed's cache entry
    for name, (wall, cpu) in processes(commands, runs).items():
        figures.set(f"b6_{name}_s", wall, runs=runs)
        figures.set(f"b6_{name}_cpu_s", cpu, runs=runs)
    figures.ratio("b6_help_vs_click", "b6_help_cpu_s", "b6_import_click_cpu_s")
    figures.ratio("b6_list_vs_click", "b6_list_seed_cpu_s", "b6_import_click_cpu_s")
    figures.ratio("b6_help_vs_click_wall", "b6_help_s", "b6_import_click_s")
    figures.ratio("b6_list_vs_click_wall", "b6_list_seed_s", "b6_import_click_s")
    return figures


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


