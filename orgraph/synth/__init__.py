"""Synthetic regions: deterministic large models with known rule violations (see :mod:`.generate`)."""

from orgraph.synth.generate import (
                                    MANIFEST,
                                    REFERENCE_DAY,
                                    VIOLATIONS,
                                    OutputExists,
                                    SynthSpec,
                                    build,
                                    expected_findings,
                                    generate,
                                    spec_for_nodes,
                                    summary,
)

__all__ = ["MANIFEST", "REFERENCE_DAY", "VIOLATIONS", "OutputExists", "SynthSpec", "build", "expected_findings",
           "generate", "spec_for_nodes", "summary"]
