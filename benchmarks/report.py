"""The published tables, generated from a run's figures (the JSON ``python -m benchmarks.run --json`` writes).

    python -m benchmarks.report results.json [--markdown RESULTS.md] [--readme README.md] [--caveat TEXT]

prints the table and the goals; ``--markdown`` writes them (with the notes and the profile) as Markdown,
``--readme`` replaces the goals table between ``<!-- goals:start -->`` and ``<!-- goals:end -->``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import b1_load, b2_rules, b3_queries, b4_database, b5_render, b6_startup, b7_processes

#: The figures of one size, in the order they are shown; and those of start-up (B6, once per run).
SIZE_SPECS = (b1_load.SPECS + b2_rules.SPECS + b3_queries.SPECS + b4_database.SPECS + b5_render.SPECS
              + b7_processes.SPECS)
STARTUP_SPECS = b6_startup.SPECS
GOALS_START, GOALS_END = "<!-- goals:start -->", "<!-- goals:end -->"


def growth(sizes: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """How each figure grows between consecutive sizes: factor, and its exponent per 10× nodes."""
    result: dict[str, list[dict[str, Any]]] = {}
    for spec in SIZE_SPECS:
        steps = []
        for small, large in zip(sizes, sizes[1:]):
            a, b = small["figures"].get(spec.key, {}).get("value"), large["figures"].get(spec.key, {}).get("value")
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
    for spec in SIZE_SPECS:
        steps = result["growth"].get(spec.key, [])
        grown = ", ".join(f"{g['factor']:.1f}× ({g['shape']})" for g in steps)
        rows.append([f"{spec.section} {spec.label}", spec.target or ""] +
                    [show(s["figures"].get(spec.key, {"value": None, "status": "n/a", "unit": spec.unit}))
                     for s in sizes] + [grown])
    for spec in STARTUP_SPECS:
        entry = result["startup"]["figures"].get(spec.key, {"value": None, "status": "n/a", "unit": spec.unit})
        rows.append([f"{spec.section} {spec.label}", spec.target or "", show(entry)] + [""] * (len(sizes) - 1) + [""])
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    return "\n".join(lines)


#: The issue's goals: (what, figure, where, the wall-time figure shown beside a CPU-time one).
#: "largest": the largest size measured; "growth": smallest → largest; "startup": B6.
GOALS = [
    ("path p50 ≤ 3× the bare BFS", "b3_path_vs_bfs", "largest", None),
    ("escalate p99 ≤ 2 ms", "b3_escalate_p99_ms", "largest", None),
    ("escalate p50 flat from the smallest size (≤ 1.5× growth)", "b3_escalate_p50_ms", "growth", None),
    ("all rules ≤ 0.5× the load", "b2_check_vs_load", "largest", None),
    ("all rules ≥ 5× faster than the same rules as Cypher on FalkorDB", "b2_falkordb_vs_memory", "largest", None),
    ("orgraph list councils on the cached model ≤ 1 s whole process (CPU)", "b7_cached_list_cpu_s", "largest",
     "b7_cached_list_s"),
    ("orgraph path on the cached model ≤ 1 s whole process (CPU)", "b7_cached_path_cpu_s", "largest",
     "b7_cached_path_s"),
    ("orgraph list councils on the seed ≤ 2× python -c 'import click' (CPU)", "b6_list_vs_click", "startup",
     "b6_list_vs_click_wall"),
    ("orgraph --help ≤ 1.3× python -c 'import click' (CPU)", "b6_help_vs_click", "startup", "b6_help_vs_click_wall"),
    ("peak memory of orgraph check ≤ 400 MiB", "b7_check_peak_mib", "largest", None),
]


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every goal with its figure, the size it is judged at, and whether it was met (None: not measured)."""
    rows = []
    sizes = result["sizes"]
    for what, key, where, wall_key in GOALS:
        wall: dict[str, Any] = {}
        if where == "startup":
            figures, label = result["startup"]["figures"], "seed"
            entry, wall = figures.get(key, {}), figures.get(wall_key or "", {})
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
            figures, label = (sizes[-1]["figures"], sizes[-1]["label"]) if sizes else ({}, "")
            entry, wall = figures.get(key, {}), figures.get(wall_key or "", {})
        rows.append({"goal": what, "figure": key, "at": label, "value": entry.get("value"),
                     "shown": show(entry) if entry else "n/a", "met": entry.get("met"),
                     "wall": show(wall) if wall else ""})
    return rows


def goals_table(rows: list[dict[str, Any]]) -> str:
    """The goals as a Markdown table."""
    lines = ["| goal | at | figure | wall time | met |", "|---|---|---|---|---|"]
    lines += [f"| {r['goal']} | {r['at']} | {r['shown']} | {r.get('wall', '')} | "
              f"{'✓' if r['met'] else '✗' if r['met'] is False else '–'} |" for r in rows]
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


def markdown(result: dict[str, Any]) -> str:
    meta = result["machine"]
    lines = ["Generated from the run's JSON by `python -m benchmarks.report` (see docs/benchmarks.md).", "",
             *([f"> {result['caveat']}", ""] if result.get("caveat") else []),
             f"Measured {result['date']} on {meta['nproc']} cores ({meta['cpu']}), Python {meta['python']}; "
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


def readme(text: str, result: dict[str, Any]) -> str:
    """``text`` (benchmarks/README.md) with the goals table of ``result`` between the goals markers."""
    from orgraph.generated import replace_between

    body = (f"Latest run ({result['date']}, load average {result['load_before']} → {result['load_after']}; "
            "details in [RESULTS.md](RESULTS.md)):\n\n" + goals_table(result["goals"]))
    return replace_between(text, GOALS_START, GOALS_END, body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("json", type=Path, help="the figures a run wrote (--json)")
    parser.add_argument("--markdown", type=Path, help="write the tables (and profile) as Markdown here")
    parser.add_argument("--readme", type=Path, help="replace the goals table in this README")
    parser.add_argument("--caveat", help="a note on the run, printed above the tables (kept in the JSON)")
    args = parser.parse_args(argv)
    result = json.loads(args.json.read_text(encoding="utf-8"))
    if args.caveat:
        result["caveat"] = args.caveat
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    result["growth"] = growth(result["sizes"])
    result["goals"] = goals(result)
    print(table(result))
    print()
    print(goals_table(result["goals"]))
    if args.markdown:
        args.markdown.write_text(markdown(result), encoding="utf-8")
    if args.readme:
        args.readme.write_text(readme(args.readme.read_text(encoding="utf-8"), result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
