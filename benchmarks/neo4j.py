"""orgraph on a real Neo4j 5.26: load throughput and query latency, each against a reference from the same run.

    python -m benchmarks.neo4j [--sizes seed,1k,10k,100k] [--repeat 3] [--calls 30]
                               [--json benchmarks/results-neo4j.json] [--docs docs/neo4j.md]
    python -m benchmarks.neo4j --from-json benchmarks/results-neo4j.json --docs docs/neo4j.md   # table only

The server is the tests' own (:mod:`orgraph_testing.neo4j_server`: Java 17+ and Maven), started for
the run and stopped by pid; ``--uri`` (password in ``NEO4J_PASSWORD``) uses a running throwaway one
instead, and is refused unless its database is empty. Every model (the seed, and ``orgraph synth``
models by node count) is written through ``orgraph load``'s library path
(:class:`orgraph.backends.neo4j.Neo4jDatabase`), then measured:

- load: schema plus the whole model in one write transaction, nodes + relationships per second; the
  same load again (idempotent: nothing changes) against the first; and on a slice of the model,
  batched ``UNWIND … MERGE`` (500 a batch) against one ``MERGE`` per row (the issue's goal: ≥ 20×);
- reads, p50/p99 per call, against the same read on the embedded memory backend: a node lookup,
  a node's neighbours, an escalation route, a path, and every rule as Cypher (``orgraph check
  --backend neo4j``). Each read's answers are compared with the memory backend's, so a figure is
  never the time of a wrong answer.

No figure is asserted anywhere; ``tests/test_neo4j_benchmark.py`` runs this on the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import model_dir, parse_size, percentile
from benchmarks.neo4j_figures import BATCH, READS, SPECS, entry, notes, table, write_docs
from benchmarks.report import load_average, machine

__all__ = ["main", "measure_model"]

SLICE_NODES = 1_500  # nodes of the slice loaded one MERGE per row (and batched, for the ratio)
SLOW_PATH_S = 5.0  # a Neo4j path slower than this a call at one size is skipped at larger sizes


# ----------------------------------------------------------------------------------------- the server


class Server:
    """The Neo4j the run writes to: the tests' launcher, or a running throwaway server (``--uri``)."""

    def __init__(self, uri: str | None, heap: str) -> None:
        self._launched = None
        started = time.perf_counter()
        if uri:
            self.uri, self.user, self.password = uri, os.environ.get("NEO4J_USER", "neo4j"), \
                os.environ.get("NEO4J_PASSWORD", "")
        else:
            from orgraph_testing.neo4j_server import Neo4jServer

            self._launched = Neo4jServer(heap=heap).start()  # Neo4jUnavailable: Java or Maven missing, or no start
            self.uri, self.user, self.password = self._launched.uri, self._launched.user, self._launched.password
        self.start_s = time.perf_counter() - started
        self.jvm_options = self._launched.jvm_options if self._launched else ()

    def database(self) -> Any:
        from orgraph.backends.neo4j import Neo4jDatabase

        return Neo4jDatabase(self.uri, self.user, self.password, timeout=60)

    def stop(self) -> None:
        if self._launched is not None:
            self._launched.stop()


def count_nodes(db: Any) -> int:
    return int(db.run("MATCH (n) RETURN count(n) AS n", {})[0]["n"])


def empty(db: Any) -> None:
    """Delete what this run loaded (orgraph's shared label only), in small transactions."""
    from orgraph import vocabulary

    with db.translate_errors(), db.driver.session(database=db.database) as session:
        session.run(f"MATCH (n:{vocabulary.NODE_LABEL}) CALL {{ WITH n DETACH DELETE n }} "
                    "IN TRANSACTIONS OF 5000 ROWS").consume()


# ----------------------------------------------------------------------------------------- load


def slice_of(model: Any, size: int = SLICE_NODES) -> Any:
    """The first ``size`` nodes in model order and the relations among them: the per-row reference's data."""
    from orgraph.model.graph import Model

    keep = list(model.nodes)[:size]
    wanted = set(keep)
    return Model({node_id: model.nodes[node_id] for node_id in keep},
                 tuple(r for r in model.relations if r.source_id in wanted and r.target_id in wanted))


def bench_load(db: Any, model: Any, repeat: int, figures: dict[str, Any], slice_nodes: int = SLICE_NODES) -> None:
    from orgraph.backends.cypher_load import load_plan

    piece = slice_of(model, slice_nodes)
    rates = {}
    for key, batch in (("slice_per_row_rows_per_s", 1), ("slice_batched_rows_per_s", BATCH)):
        plan = [step for step in load_plan(piece, batch) if step.action in ("nodes", "relationships")]
        rows = sum(step.rows for step in plan)
        runs = []
        for _ in range(1 if batch == 1 else max(1, min(repeat, 3))):
            empty(db)
            db.apply_schema()
            start = time.perf_counter()
            db.write(plan)
            runs.append(time.perf_counter() - start)
        rates[key] = rows / statistics.median(runs)
        figures[key] = entry(key, rates[key], runs=len(runs), note=f"{rows} rows ({len(piece.nodes)} nodes, "
                             f"{len(piece.relations)} relations), one write transaction")
    figures["slice_batched_vs_per_row"] = entry(
        "slice_batched_vs_per_row", rates["slice_batched_rows_per_s"] / rates["slice_per_row_rows_per_s"])

    loads, reloads, summary = [], [], None
    budget = time.perf_counter() + 60
    for _ in range(max(1, repeat)):
        empty(db)
        start = time.perf_counter()
        summary = db.load(model, BATCH)  # orgraph load's library path: schema, then one write transaction
        loads.append(time.perf_counter() - start)
        if time.perf_counter() > budget:
            break
    before = db.counts()
    for _ in range(max(1, min(repeat, len(loads)))):
        start = time.perf_counter()
        again = db.load(model, BATCH)
        reloads.append(time.perf_counter() - start)
    same = db.counts() == before and again.removed_nodes == again.removed_relationships == 0
    rows = sum(summary.nodes.values()) + sum(summary.relationships.values())
    figures["load_s"] = entry("load_s", statistics.median(loads), runs=len(loads),
                              note=f"{sum(summary.nodes.values())} nodes + {sum(summary.relationships.values())} "
                                   f"relationships, batches of {BATCH}, plan built in the time")
    figures["load_rows_per_s"] = entry("load_rows_per_s", rows / statistics.median(loads), runs=len(loads))
    figures["reload_s"] = entry("reload_s", statistics.median(reloads), runs=len(reloads),
                                note="counts unchanged, nothing removed" if same else "COUNTS CHANGED on reload")
    figures["reload_vs_load"] = entry("reload_vs_load", figures["reload_s"]["value"] / figures["load_s"]["value"])


# ----------------------------------------------------------------------------------------- reads


def cases(model: Any, day: dt.date, count: int) -> dict[str, list[Any]]:
    """What each read is asked, sampled with fixed seeds from the model on ``day``."""
    from orgraph import vocabulary
    from orgraph.backends.memory import MemoryBackend
    from orgraph.vocabulary import Kind

    backend = MemoryBackend(model, day)
    rng = random.Random(3)
    ids = backend.ids()
    councils = [n["id"] for n in backend.nodes([Kind.COUNCIL])]
    starts = [n["id"] for n in backend.nodes([Kind.PERSON, Kind.POST])]
    topics = sorted(vocabulary.TOPICS)
    return {"node": [(i,) for i in rng.sample(ids, min(count, len(ids)))],
            "neighbours": [(i,) for i in rng.sample(ids, min(count, len(ids)))],
            "escalate": [(rng.choice(councils), rng.choice(topics)) for _ in range(count)],
            "path": [(rng.choice(starts), rng.choice(councils)) for _ in range(count)],
            "check": [()]}


def readers(backend: Any) -> dict[str, Callable[..., Any]]:
    from orgraph.query.escalation import escalate
    from orgraph.rules import check_backend

    return {"node": backend.node, "neighbours": backend.neighbours,
            "escalate": lambda council, topic: escalate(backend, council, topic),
            "path": backend.paths,
            "check": lambda: sorted((f.rule, f.focus, str(f.severity)) for f in check_backend(backend).findings)}


def timed_calls(read: Callable[..., Any], asked: list[Any], budget_s: float, minimum: int) -> tuple[list[float], list]:
    """Per-call seconds and answers of ``read(*case)``, after one warm-up call (plans compiled, caches filled)."""
    read(*asked[0])
    times: list[float] = []
    answers = []
    for case in asked:
        start = time.perf_counter()
        answers.append(read(*case))
        times.append(time.perf_counter() - start)
        if sum(times) >= budget_s and len(times) >= minimum:
            break
    return times, answers


def bench_reads(db: Any, model: Any, day: dt.date, calls: int, repeat: int, figures: dict[str, Any],
                carry: dict[str, str], label: str) -> None:
    from orgraph.backends.memory import MemoryBackend
    from orgraph.backends.neo4j import Neo4jBackend

    asked = cases(model, day, calls)
    asked["check"] = asked["check"] * max(1, repeat)
    memory, neo4j = readers(MemoryBackend(model, day)), readers(Neo4jBackend(db, day))
    for read in READS:
        keys = [f"{read}_neo4j_p50_ms", f"{read}_neo4j_p99_ms", f"{read}_memory_p50_ms", f"{read}_neo4j_vs_memory"]
        if read in carry:
            figures.update({key: entry(key, None, carry[read]) for key in keys})
            continue
        remote, answers = timed_calls(neo4j[read], asked[read], 20.0, 1 if read in ("path", "check") else 3)
        done = asked[read][:len(remote)]
        local, expected = timed_calls(memory[read], done, 20.0, len(done))
        differ = sum(a != b for a, b in zip(answers, expected))
        agree = f"{len(done)} calls, " + ("the same answers as memory" if not differ else
                                          f"{differ} answers DIFFER from memory")
        p50, p99, ref = statistics.median(remote) * 1e3, percentile(remote, 99) * 1e3, statistics.median(local) * 1e3
        figures[keys[0]] = entry(keys[0], p50, runs=len(remote), note=agree)
        figures[keys[1]] = entry(keys[1], p99, runs=len(remote))
        figures[keys[2]] = entry(keys[2], ref, runs=len(local), p99=percentile(local, 99) * 1e3)
        figures[keys[3]] = entry(keys[3], p50 / ref if ref else None, "n/a (memory took 0 ms)")
        if read == "path" and p50 / 1e3 > SLOW_PATH_S:
            carry[read] = f"skipped: Neo4j path p50 was {p50 / 1e3:.1f} s at {label} (time budget)"


# ----------------------------------------------------------------------------------------- one model


def load_model(size: str, cache: Path) -> tuple[str, Any, Path]:
    from orgraph.model.loader import load
    from orgraph.resources import data_dir

    if size == "seed":
        directory = data_dir("seed")
    else:
        directory, _ = model_dir(parse_size(size), cache)
    return size, load(directory), directory


def measure_model(db: Any, size: str, cache: Path, repeat: int, calls: int, carry: dict[str, str],
                  slice_nodes: int = SLICE_NODES) -> dict[str, Any]:
    """Every figure of one model (``seed`` or a size like ``10k``); the database is left empty."""
    started = time.perf_counter()
    label, model, directory = load_model(size, cache)
    day = dt.date.today()
    print(f"{label}: {len(model.nodes)} nodes, {len(model.relations)} relations", file=sys.stderr, flush=True)
    figures: dict[str, Any] = {}
    big = len(model.nodes) > 50_000
    bench_load(db, model, 1 if big else repeat, figures, slice_nodes)
    print(f"  {label} load: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    bench_reads(db, model, day, max(3, calls // 3) if big else calls, 1 if big else repeat, figures, carry, label)
    empty(db)
    print(f"  {label} total: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return {"label": label, "nodes": len(model.nodes), "relations": len(model.relations), "day": day.isoformat(),
            "data": "seed" if size == "seed" else directory.name, "runs_per_figure": 1 if big else repeat,
            "elapsed_s": round(time.perf_counter() - started, 1),
            "figures": {key: figures.get(key, entry(key, None, "n/a")) for key, *_ in SPECS}}


# ----------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.neo4j", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="seed,1k,10k,100k", help="models: seed and/or node counts (1k,10k,100k)")
    parser.add_argument("--repeat", type=int, default=3, help="loads and checks per figure (median); 1 above 50k")
    parser.add_argument("--calls", type=int, default=30, help="calls per read (p50/p99 over them); a third above 50k")
    parser.add_argument("--json", type=Path, help="write every figure as JSON here")
    parser.add_argument("--docs", type=Path, help="replace the generated table in this Markdown file")
    parser.add_argument("--from-json", type=Path, help="measure nothing: render --docs from this JSON")
    parser.add_argument("--warm-up", type=int, default=3, metavar="ROUNDS",
                        help="unmeasured rounds on the seed first: the JVM compiles Neo4j's hot code (default 3)")
    parser.add_argument("--slice-nodes", type=int, default=SLICE_NODES,
                        help=f"nodes of the slice loaded one MERGE per row (default {SLICE_NODES})")
    parser.add_argument("--heap", default="1g", help="the launched server's Java heap (-Xmx; one load "
                        "transaction may use 70 %% of it: 100k nodes need more than the tests' 1g)")
    parser.add_argument("--uri", help="a running THROWAWAY Neo4j with an empty database (NEO4J_PASSWORD)")
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "orgraph-bench-cache",
                        help="where generated models are kept between runs")
    args = parser.parse_args(argv)
    if args.from_json:
        if not args.docs:
            parser.error("--from-json renders a table: give --docs FILE")
        write_docs(json.loads(args.from_json.read_text(encoding="utf-8")), args.docs)
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    try:
        [parse_size(s) for s in sizes if s != "seed"]
    except ValueError:
        parser.error(f"--sizes: not a list like seed,1k,10k,100k: {args.sizes}")
    if min(args.repeat, args.calls, args.slice_nodes) < 1:
        parser.error("--repeat, --calls and --slice-nodes must be at least 1")
    return run(args, sizes, argv)


def run(args: argparse.Namespace, sizes: list[str], argv: list[str] | None) -> int:
    from orgraph.errors import UsageError
    from orgraph_testing.neo4j_server import Neo4jUnavailable

    began = time.perf_counter()
    result: dict[str, Any] = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                              "machine": machine(), "load_before": load_average(),
                              "command": " ".join(["python -m benchmarks.neo4j", *(sys.argv[1:] if argv is None
                                                                                   else argv)]),
                              "repeat": args.repeat, "calls": args.calls, "models": [], "notes": []}
    args.cache.mkdir(parents=True, exist_ok=True)
    try:
        server = Server(args.uri, args.heap)
    except Neo4jUnavailable as error:
        print(f"error: no Neo4j to measure: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    db = None
    try:
        db = server.database()
        if count_nodes(db):
            print(f"error: the database at {db.where} is not empty: the benchmark loads into and empties it, "
                  "so it only runs on a throwaway database", file=sys.stderr)
            return 2
        jvm = " ".join(server.jvm_options)
        result["neo4j"] = {"version": db.version, "start_s": round(server.start_s, 1),
                           "how": "a running server (--uri)" if args.uri else
                           f"orgraph_testing.neo4j_server, `{jvm}`, 64 MiB page cache"}
        carry: dict[str, str] = {}
        started = time.perf_counter()
        for _ in range(args.warm_up):  # a cold JVM loads the seed 25x slower than a warm one: not the figure
            measure_model(db, "seed", args.cache, 2, 10, {})
        result["neo4j"]["warm_up"] = {"rounds": args.warm_up, "s": round(time.perf_counter() - started, 1)}
        for size in sizes:
            try:
                result["models"].append(measure_model(db, size, args.cache, args.repeat, args.calls, carry,
                                                      args.slice_nodes))
            except UsageError as error:  # this model's figures are lost, the others are still written
                result["notes"].append(f"{size}: error: {error}")
                print(f"  {size}: error: {error}", file=sys.stderr, flush=True)
                empty(db)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        if db is not None:
            db.close()
        server.stop()
    result["notes"] += notes(result["models"])
    result["load_after"] = load_average()
    result["elapsed_s"] = round(time.perf_counter() - began, 1)
    print(table(result))
    for note in result["notes"]:
        print(f"note: {note}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.docs:
        write_docs(result, args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
