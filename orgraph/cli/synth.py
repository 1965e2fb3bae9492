"""``orgraph synth``: write a synthetic, valid model of many regions (for benchmarks and tests at scale)."""

from __future__ import annotations

from pathlib import Path

import click

from orgraph.cli.common import UsageError, handle_errors

__all__ = ["synth_command"]


@click.command("synth")
@click.option("--regions", type=click.IntRange(1, 99), required=True, help="how many regions (1..99)")
@click.option("--councils-per-region", type=click.IntRange(1, 300), required=True,
              help="coordination councils in each region")
@click.option("--seed", type=int, default=0, show_default=True,
              help="the same seed gives the same files, byte for byte")
@click.option("--staff-per-administration", type=click.IntRange(0, 100_000), default=0, show_default=True,
              help="line staff in each administration's units (25 a unit): how the model reaches ~100,000 people")
@click.option("--violation-rate", type=click.FloatRange(0.0, 1.0), default=0.1, show_default=True,
              help="share of the councils that carry one deliberate rule violation")
@click.option("-o", "--output", "output", metavar="DIR", required=True,
              help="a new (or empty) directory to write the model and synth-manifest.json into")
@handle_errors
def synth_command(regions: int, councils_per_region: int, seed: int, staff_per_administration: int,
                  violation_rate: float, output: str) -> None:
    """Generate a synthetic model: REGIONS × councils, their people and line staff, in seed/'s YAML format.

    Deterministic (same options, same bytes); one file per region and per council; every person is
    invented. DIR/synth-manifest.json lists the counts and each deliberate violation, so that
    `orgraph check --data DIR` can be held to exactly those findings.

    \b
    Examples:
      orgraph synth --regions 2 --councils-per-region 3 --seed 0 -o /tmp/synth
    """
    from orgraph.synth import OutputExists, SynthSpec, generate, summary

    try:
        manifest = generate(SynthSpec(regions, councils_per_region, seed, violation_rate, staff_per_administration),
                            Path(output))
    except OutputExists as error:
        raise UsageError(f"{error}; choose a new directory") from None
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    click.echo(f"wrote {summary(manifest)} to {output}")
