"""B1: YAML files → validated model → graph, against PyYAML's C loader alone on the same files."""

from __future__ import annotations

from typing import Any

from benchmarks.common import Context, Spec, budget, register, timed

SPECS = register([
    Spec("b1_load_s", "B1", "load: YAML → validated model → graph", "s"),
    Spec("b1_yaml_cload_s", "B1", "reference: yaml.load(CSafeLoader) of the same files", "s"),
    Spec("b1_load_vs_yaml", "B1", "load ÷ C loader", "×", "<=", 2),
])


def measure(ctx: Context) -> None:
    """Load the model (kept in ``ctx.model`` for the other measures) and parse its files with the C loader."""
    import yaml

    from orgraph.model.loader import data_files, load

    files = data_files(ctx.directory)

    def load_model() -> Any:
        model = load(ctx.directory)
        model.graph()
        return model

    def c_loader() -> list[Any]:
        return [yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader) for path in files]

    seconds, runs, ctx.model = timed(load_model, ctx.repeat, budget(ctx, 15, 1))
    ctx.figures.set("b1_load_s", seconds, runs=runs)
    seconds, runs, parsed = timed(c_loader, ctx.repeat, budget(ctx, 15, 1))
    del parsed
    ctx.figures.set("b1_yaml_cload_s", seconds, runs=runs)
    ctx.figures.ratio("b1_load_vs_yaml", "b1_load_s", "b1_yaml_cload_s")
