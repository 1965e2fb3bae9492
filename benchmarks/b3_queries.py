"""B3: ``escalate`` and ``path`` p50/p99 per call, against a bare networkx BFS between the same two nodes,
and the same calls answered by FalkorDB.

In memory, each call's time is the CPU time of this thread (``time.thread_time``), with the reference
timed right after it on the same case (or right before: the order alternates), so that both run under
the same load.  The snapshot reads every node's edges before the timing starts (a command reads only
the nodes it asks about, the first time it asks), as the reference's networkx graph is built before.  The model and its indexes are put out of the cyclic collector's reach first
(``gc.freeze``), as every ``orgraph`` command does once it has opened its backend
(:func:`orgraph.cli.common.settle`).
"""

from __future__ import annotations

import gc
import random
import statistics
from typing import Any

from benchmarks.common import NOT_BUILT, Context, Spec, budget, built, calls, cpu_calls, percentile, register

SPECS = register([
    Spec("b3_escalate_p50_ms", "B3", "escalate p50 (CPU)", "ms"),
    Spec("b3_escalate_p99_ms", "B3", "escalate p99 (CPU)", "ms", "<=", 2),
    Spec("b3_escalate_bfs_p50_ms", "B3", "reference: bare networkx BFS, same ends, p50", "ms"),
    Spec("b3_escalate_vs_bfs", "B3", "escalate p50 ÷ BFS p50", "×", "<=", 3),
    Spec("b3_path_p50_ms", "B3", "path p50 (CPU)", "ms"),
    Spec("b3_path_p99_ms", "B3", "path p99 (CPU)", "ms"),
    Spec("b3_path_bfs_p50_ms", "B3", "reference: bare networkx BFS (undirected), p50", "ms"),
    Spec("b3_path_vs_bfs", "B3", "path p50 ÷ BFS p50", "×", "<=", 3),
    Spec("b3_path_first_p50_ms", "B3", "path p50, each a fresh backend's first query (no index)", "ms"),
    Spec("b3_path_first_bfs_p50_ms", "B3", "reference: the same BFS, timed beside the first queries, p50", "ms"),
    Spec("b3_path_first_vs_bfs", "B3", "first-query path p50 ÷ BFS p50", "×"),
    Spec("b3_falkordb_escalate_p50_ms", "B3", "escalate on FalkorDB p50", "ms"),
    Spec("b3_falkordb_escalate_p99_ms", "B3", "escalate on FalkorDB p99", "ms"),
    Spec("b3_falkordb_path_p50_ms", "B3", "path on FalkorDB p50", "ms"),
    Spec("b3_falkordb_path_p99_ms", "B3", "path on FalkorDB p99", "ms"),
    Spec("b3_falkordb_escalate_vs_memory", "B3", "escalate: FalkorDB p50 ÷ memory p50", "×"),
    Spec("b3_falkordb_path_vs_memory", "B3", "path: FalkorDB p50 ÷ memory p50", "×"),
])

#: Councils sampled for escalate (each with every topic) and path pairs, at every size.
ESCALATION_COUNCILS = 10
PATH_PAIRS = 30
MS = 1000.0


def escalation_cases(graph: Any, count: int = ESCALATION_COUNCILS) -> list[tuple[str, str]]:
    """Sampled councils, each with every topic."""
    from orgraph import vocabulary

    councils = sorted(n for n, data in graph.nodes(data=True) if data["kind"] == "Council")
    chosen = random.Random(1).sample(councils, min(count, len(councils)))
    return [(council, topic) for council in chosen for topic in vocabulary.TOPICS]


def path_cases(graph: Any, count: int = PATH_PAIRS) -> list[tuple[str, str]]:
    """Pairs a planner asks about: a person or post to a council, across the model."""
    rng = random.Random(2)
    starts = sorted(n for n, data in graph.nodes(data=True) if data["kind"] in ("Person", "Post"))
    councils = sorted(n for n, data in graph.nodes(data=True) if data["kind"] == "Council")
    return [(rng.choice(starts), rng.choice(councils)) for _ in range(count)]


def measure(ctx: Context, falkor_graph: Any) -> None:
    """Time escalate and path in memory (and on FalkorDB when it is up) against the bare BFS."""
    import networkx as nx

    from orgraph.backends.memory import MemoryBackend

    graph = ctx.model.graph()
    backend = MemoryBackend(ctx.model, ctx.day)
    undirected = graph.to_undirected(as_view=True)
    cases = escalation_cases(graph)
    pairs = path_cases(graph)
    for node_id in backend.snapshot.nodes:  # read every node's edges first, as the reference's graph is built
        backend.snapshot.edges_out(node_id)
    gc.freeze()  # what `orgraph` does once its backend is open
    escalate = None
    if built("orgraph.query.escalation"):
        from orgraph.query.escalation import escalate
    if escalate is not None:
        ends: dict[tuple[str, str], tuple[str, str | None]] = {}
        for case in cases:  # the reference's ends: from the route's start to its decider
            found = escalate(MemoryBackend(ctx.model, ctx.day), *case)
            ends[case] = (found.start.id, next((r.decider.id for r in found.routes if r.decider), None))

        def bfs(case: tuple[str, str]) -> None:
            start, end = ends[case]
            if end is not None and end != start:
                nx.bidirectional_shortest_path(graph, start, end)
            else:
                list(nx.bfs_edges(graph, start, depth_limit=1))

        times, reference = cpu_calls(lambda case: escalate(backend, *case), cases, 10, reference=bfs)
        ctx.figures.set("b3_escalate_p50_ms", statistics.median(times) * MS, runs=len(times),
                        note="CPU time per call (thread), the reference interleaved")
        ctx.figures.set("b3_escalate_p99_ms", percentile(times, 99) * MS, runs=len(times))
        ctx.figures.set("b3_escalate_bfs_p50_ms", statistics.median(reference) * MS, runs=len(reference),
                        note="directed BFS from the route's start to its decider")
        ctx.figures.ratio("b3_escalate_vs_bfs", "b3_escalate_p50_ms", "b3_escalate_bfs_p50_ms")
    else:
        ctx.figures.missing(["b3_escalate_p50_ms", "b3_escalate_p99_ms", "b3_escalate_bfs_p50_ms",
                             "b3_escalate_vs_bfs"], NOT_BUILT)

    times, reference = cpu_calls(lambda pair: backend.paths(*pair), pairs, budget(ctx, 10, 20), minimum=2,
                                 reference=lambda pair: nx.bidirectional_shortest_path(undirected, *pair))
    done = pairs[:len(times)]
    ctx.figures.set("b3_path_p50_ms", statistics.median(times) * MS, runs=len(times),
                    note="CPU time per call (thread), the reference interleaved")
    ctx.figures.set("b3_path_p99_ms", percentile(times, 99) * MS, runs=len(times),
                    note="includes the one-off integer adjacency the backend builds on its second path query")
    ctx.figures.set("b3_path_bfs_p50_ms", statistics.median(reference) * MS, runs=len(reference))
    ctx.figures.ratio("b3_path_vs_bfs", "b3_path_p50_ms", "b3_path_bfs_p50_ms")
    first, reference = cpu_calls(lambda pair: MemoryBackend(ctx.model, ctx.day).paths(*pair), done,
                                 budget(ctx, 10, 20), minimum=2,
                                 reference=lambda pair: nx.bidirectional_shortest_path(undirected, *pair))
    ctx.figures.set("b3_path_first_p50_ms", statistics.median(first) * MS, runs=len(first),
                    note="what one `orgraph path` runs: the search over the snapshot's edge lists")
    ctx.figures.set("b3_path_first_bfs_p50_ms", statistics.median(reference) * MS, runs=len(reference))
    ctx.figures.ratio("b3_path_first_vs_bfs", "b3_path_first_p50_ms", "b3_path_first_bfs_p50_ms")
    gc.unfreeze()
    _on_falkordb(ctx, falkor_graph, escalate, cases, done)


def _on_falkordb(ctx: Context, falkor_graph: Any, escalate: Any, cases: list[tuple[str, str]],
                 done: list[tuple[str, str]]) -> None:
    falkor_keys = ["b3_falkordb_escalate_p50_ms", "b3_falkordb_escalate_p99_ms", "b3_falkordb_path_p50_ms",
                   "b3_falkordb_path_p99_ms"]
    if falkor_graph is None:
        ctx.figures.missing(falkor_keys, ctx.falkor.why or NOT_BUILT)
    else:
        from orgraph.backends.falkordb import falkordb_backend

        remote = falkordb_backend(falkor_graph, ctx.day)
        if escalate is not None:
            times = calls(lambda case: escalate(remote, *case), cases[:14], budget(ctx, 10, 10))
            ctx.figures.set("b3_falkordb_escalate_p50_ms", statistics.median(times) * MS, runs=len(times),
                            note="wall time per call (the server's work is in another process)")
            ctx.figures.set("b3_falkordb_escalate_p99_ms", percentile(times, 99) * MS, runs=len(times))
        if "falkordb-path" in ctx.carry:
            ctx.figures.missing(["b3_falkordb_path_p50_ms", "b3_falkordb_path_p99_ms"], ctx.carry["falkordb-path"])
        else:
            times = calls(lambda pair: remote.paths(*pair), done[:10], budget(ctx, 10, 10), minimum=1)
            ctx.figures.set("b3_falkordb_path_p50_ms", statistics.median(times) * MS, runs=len(times))
            ctx.figures.set("b3_falkordb_path_p99_ms", percentile(times, 99) * MS, runs=len(times))
            if statistics.median(times) > 3:
                ctx.carry["falkordb-path"] = (f"skipped: p50 was {statistics.median(times):.1f} s a call at "
                                              f"{ctx.label} (time budget)")
        ctx.figures.missing(falkor_keys, NOT_BUILT)
    ctx.figures.ratio("b3_falkordb_escalate_vs_memory", "b3_falkordb_escalate_p50_ms", "b3_escalate_p50_ms")
    ctx.figures.ratio("b3_falkordb_path_vs_memory", "b3_falkordb_path_p50_ms", "b3_path_p50_ms")
