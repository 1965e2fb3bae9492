"""Capture the JSON of every read command on the shipped models, as golden files.

``python -m tests.golden.capture`` rewrites ``tests/golden/*.json``; ``tests/test_golden.py`` compares the
current outputs with them.  Each file holds one model at one date: ``{command line: output}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from orgraph.cli import main

HERE = Path(__file__).resolve().parent
MODELS = ("seed", "fictional")
DATES = ("2025-06-30", "2026-11-23")
LISTS = ("councils", "bodies", "administrations", "posts", "people", "documents", "topics", "rules", "queries")
PATHS = (("regiondirektor", "sr-ortopedi"), ("lg-hs", "sr-bild-och-funktionsmedicin"), ("ppr", "sr-ortopedi"))


def run(args: list[str]) -> Any:
    """The command's JSON output (stdout), with its exit code."""
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    try:
        out = json.loads(result.stdout)
    except json.JSONDecodeError:
        out = {"stdout": result.stdout}
    return {"exit": result.exit_code, "out": out}


def commands(model: str, day: str) -> list[list[str]]:
    """Every read command line captured for one model on one date."""
    common = ["--data", model, "--as-of", day, "--format", "json"]
    lines = [["list", what, *common] for what in LISTS]
    ids = [n["id"] for n in run(["list", "posts", *common])["out"]]
    ids += [n["id"] for what in ("bodies", "people", "documents", "topics") for n in run(["list", what, *common])["out"]]
    lines += [["show", node_id, *common] for node_id in sorted(set(ids))]
    lines += [["path", a, b, "--all", *common] for a, b in PATHS]
    councils = [n["id"] for n in run(["list", "councils", *common])["out"]]
    topics = [n["id"] for n in run(["list", "topics", *common])["out"]]
    lines += [["escalate", c, "--topic", t, *common] for c in councils for t in topics]
    lines += [["reporting-line", node_id, *common] for node_id in sorted(set(ids))]
    lines += [["check", *common]]
    return lines


def capture(model: str, day: str) -> dict[str, Any]:
    """``{command line: {exit, out}}`` for one model and date, plus the render page data."""
    from orgraph.render import page_data

    captured = {" ".join(args): run(args) for args in commands(model, day)}
    for extra in ([], ["--council", "sr-ortopedi"], ["--path", "regiondirektor", "sr-ortopedi"]):
        result = CliRunner().invoke(main, ["render", "-o", "-", "--data", model, "--as-of", day, *extra],
                                    catch_exceptions=False)
        captured[" ".join(["render", *extra, model, day])] = {"exit": result.exit_code,
                                                              "out": page_data(result.stdout)}
    return captured


def golden_path(model: str, day: str) -> Path:
    return HERE / f"{model}-{day}.json"


if __name__ == "__main__":
    for model in MODELS:
        for day in DATES:
            golden_path(model, day).write_text(json.dumps(capture(model, day), ensure_ascii=False, indent=1,
                                                          sort_keys=True) + "\n", encoding="utf-8")
            print("wrote", golden_path(model, day))
