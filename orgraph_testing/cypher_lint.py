"""Lint Cypher with Neo4j's own front end, via ``node tools/cypher-lint/lint.mjs``.

Needs Node.js and ``npm ci`` run once in ``tools/cypher-lint``; otherwise ``LintUnavailable`` is raised.
Built-in Neo4j 5 functions are known to the linter; pass the labels, relationship types and (to check
``$name`` references) the parameters your statements use. Lines and columns are 1-based.

Example::

    diagnostics = lint(
        [("merge-council", "UNWIND $rows AS row MERGE (n:Council {id: row.id})")],
        labels=["Council"], relationship_types=[], parameters={"rows": []},
    )
    errors = [d for d in diagnostics if d.severity == "error"]   # [] here
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parent.parent / "tools" / "cypher-lint"


class LintUnavailable(RuntimeError):
    """Node.js or the linter's node_modules is missing."""


@dataclass(frozen=True)
class Diagnostic:
    id: str
    severity: str  # "error" or "warning"
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.id}:{self.line}:{self.column}: {self.severity}: {self.message}"


def lint(
    statements: list[tuple[str, str]],
    *,
    labels: list[str],
    relationship_types: list[str],
    parameters: dict | None = None,
) -> list[Diagnostic]:
    """Lint ``(id, text)`` statements in one node process; return every diagnostic.

    Unknown labels/relationship types are warnings, syntax and unknown functions are errors.
    With ``parameters=None`` parameter references are not checked; with a dict, a ``$name`` missing
    from it is an error (the values only need to be JSON).
    """
    node = shutil.which("node")
    if node is None:
        raise LintUnavailable("node (Node.js) is not on PATH")
    if not (TOOL_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        raise LintUnavailable(f"run `npm ci` in {TOOL_DIR}")
    schema: dict = {"labels": list(labels), "relationshipTypes": list(relationship_types)}
    if parameters is not None:
        schema["parameters"] = parameters
    payload = {"schema": schema, "statements": [{"id": i, "text": t} for i, t in statements]}
    proc = subprocess.run(
        [node, str(TOOL_DIR / "lint.mjs")],
        input=json.dumps(payload, default=str), capture_output=True, text=True, encoding="utf-8",
    )
    if proc.returncode != 0:
        raise RuntimeError(f"cypher-lint failed ({proc.returncode}): {proc.stderr.strip()}")
    return [
        Diagnostic(r["id"], d["severity"], d["message"], d["line"], d["column"])
        for r in json.loads(proc.stdout)
        for d in r["diagnostics"]
    ]
