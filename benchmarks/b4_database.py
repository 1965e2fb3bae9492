"""B4: rows/s writing the model to FalkorDB with orgraph's load plan (batched ``UNWIND``), against one
``MERGE`` per row on the same slice; the whole model loaded once, for B2 and B3 on FalkorDB."""

from __future__ import annotations

import statistics
import time
from typing import Any

from benchmarks.common import Context, Spec, register
from benchmarks.servers import neo4j_status

PER_ROW_SLICE = 1_500  # nodes in the slice that is loaded one MERGE per row (and batched, to compare)

SPECS = register([
    Spec("b4_unwind_rows_per_s", "B4", "FalkorDB, batched UNWIND (500 a batch), slice", "rows/s"),
    Spec("b4_merge_rows_per_s", "B4", "FalkorDB, one MERGE per row, same slice", "rows/s"),
    Spec("b4_unwind_vs_merge", "B4", "UNWIND ÷ per-row MERGE", "×", ">=", 20),
    Spec("b4_full_load_s", "B4", "FalkorDB, the whole model (orgraph's load plan)", "s"),
    Spec("b4_full_rows_per_s", "B4", "FalkorDB, the whole model", "rows/s"),
    Spec("b4_neo4j_unwind_vs_merge", "B4", "Neo4j, UNWIND ÷ per-row MERGE", "×", ">=", 20),
])


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


def measure(ctx: Context) -> Any:
    """B4; returns the FalkorDB graph holding the whole model (for B2 and B3), or None."""
    ctx.figures.set("b4_neo4j_unwind_vs_merge", None, neo4j_status())
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
