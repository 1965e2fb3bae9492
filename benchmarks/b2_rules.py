"""B2: every rule over the model in memory, against B1's load and against the rules' Cypher on FalkorDB."""

from __future__ import annotations

from typing import Any

from benchmarks.common import NOT_BUILT, Context, Spec, budget, built, register, timed

SPECS = register([
    Spec("b2_check_s", "B2", "check: every rule, memory", "s"),
    Spec("b2_check_vs_load", "B2", "check ÷ B1 load", "×", "<=", 0.5),
    Spec("b2_falkordb_check_s", "B2", "the rules' Cypher on FalkorDB", "s"),
    Spec("b2_falkordb_vs_memory", "B2", "FalkorDB ÷ memory (memory is N× faster)", "×", ">=", 5),
])


def measure(ctx: Context, falkor_graph: Any) -> None:
    """Time :func:`orgraph.rules.check` on B1's model, and ``check_backend`` on the FalkorDB copy."""
    if not built("orgraph.rules"):
        ctx.figures.missing(["b2_check_s", "b2_check_vs_load", "b2_falkordb_check_s", "b2_falkordb_vs_memory"],
                            NOT_BUILT)
        return
    from orgraph import rules
    from orgraph.model.graph import Model

    def fresh() -> Model:
        """The loaded model without the dates it was already materialised on: what one command starts from."""
        model = ctx.model
        return Model(compiled=model.compiled, typed=lambda: (model.nodes, model.relations))

    seconds, runs, report = timed(lambda: rules.check(fresh(), ctx.day), ctx.repeat, budget(ctx, 10, 1))
    ctx.figures.set("b2_check_s", seconds, runs=runs,
                    note=f"{len(report.findings)} findings; each run materialises the date afresh")
    ctx.figures.ratio("b2_check_vs_load", "b2_check_s", "b1_load_s")
    check_backend = getattr(rules, "check_backend", None)
    if falkor_graph is None or check_backend is None:
        ctx.figures.set("b2_falkordb_check_s", None, ctx.falkor.why or NOT_BUILT)
    else:
        from orgraph.backends.falkordb import falkordb_backend

        seconds, runs, cypher_report = timed(lambda: check_backend(falkordb_backend(falkor_graph, ctx.day)),
                                             ctx.repeat, budget(ctx, 10, 1))
        same = sorted((f.rule, f.focus) for f in cypher_report.findings) == \
            sorted((f.rule, f.focus) for f in report.findings)
        ctx.figures.set("b2_falkordb_check_s", seconds, runs=runs,
                        note=f"{len(cypher_report.findings)} findings, "
                             f"{'the same as' if same else 'NOT the same as'} memory")
    ctx.figures.ratio("b2_falkordb_vs_memory", "b2_falkordb_check_s", "b2_check_s")
