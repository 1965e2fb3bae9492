"""What ``orgraph synth`` generates: the spec, the region's fixed parts, and the deliberate violations.

>>> SynthSpec(regions=1, councils_per_region=2).violation_rate
0.1
>>> VIOLATIONS["chair-vacant"][0]
1
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["MANIFEST", "REFERENCE_DAY", "STAFF_PER_UNIT", "ADMINISTRATIONS", "GROUP_HEAD_OFFICE", "AREAS",
           "VIOLATIONS", "SynthSpec"]

MANIFEST = "synth-manifest.json"
REFERENCE_DAY = dt.date(2025, 1, 1)  # every holding and violation in the output stands from this day on
STAFF_PER_UNIT = 25

# (slug, name): the administrations of every synthetic region; the last one is the Group Head Office.
ADMINISTRATIONS = (
    ("us", "Universitetssjukhuset"), ("norr", "Sjukvården norr"), ("vast", "Sjukhusen i väster"),
    ("sod", "Södra sjukhusgruppen"), ("ost", "Östra sjukhusgruppen"), ("pv", "Primärvården"),
    ("rh", "Regionhälsan"), ("hoh", "Habilitering och hälsa"), ("ftv", "Folktandvården"),
    ("kk", "Koncernkontoret"),
)
GROUP_HEAD_OFFICE = "kk"
AREAS = (
    ("bild-och-funktionsmedicin", "bild- och funktionsmedicin"), ("ortopedi", "ortopedi"),
    ("kardiologi", "kardiologi"), ("onkologi", "onkologi"), ("psykiatri", "psykiatri"),
    ("barn-och-ungdom", "barn- och ungdomsmedicin"), ("kvinnosjukvard", "kvinnosjukvård"),
    ("akutsjukvard", "akutsjukvård"), ("infektion", "infektion"), ("neurologi", "neurologi"),
    ("rehabilitering", "rehabilitering"), ("lakemedel", "läkemedel"), ("endokrinologi", "endokrinologi"),
    ("mag-och-tarm", "mag- och tarmsjukdomar"), ("hud", "hudsjukdomar"), ("ogon", "ögonsjukdomar"),
    ("oron-nasa-hals", "öron-, näs- och halssjukdomar"), ("urologi", "urologi"), ("njurmedicin", "njurmedicin"),
    ("lungmedicin", "lungmedicin"), ("reumatologi", "reumatologi"), ("geriatrik", "geriatrik"),
    ("palliativ-vard", "palliativ vård"), ("tandvard", "tandvård"), ("kirurgi", "kirurgi"),
    ("anestesi-och-intensivvard", "anestesi- och intensivvård"), ("laboratoriemedicin", "laboratoriemedicin"),
    ("smarta", "smärta"), ("habilitering", "habilitering"), ("primarvard", "primärvård"),
)

# The deliberate violations: kind -> (the rule's number in DOMAIN.md, what is wrong, and the findings
# `orgraph check` (orgraph.rules) should report for it, as (rule id, variant, severity)).
VIOLATIONS: dict[str, tuple[int, str, tuple[tuple[str, str, str], ...]]] = {
    "chair-contact-same-administration": (
        3, "the chair and the contact person work in the same administration",
        (("chair-contact-different-administrations", "same", "error"),)),
    "mandate-undecided": (
        10, "the council's mandate has no decision date and no DECIDED edge",
        (("mandate-decided", "undecided", "error"),)),
    "meetings-out-of-range": (
        6, "the council meets up to 12 times a year (allowed: 4 to 8)",
        (("meeting-frequency", "outside", "error"),)),
    "adjuncts-over-limit": (
        5, "the council has 5 adjunct participants; its mandate allows 3",
        (("adjunct-limit", "over", "warning"),)),
    "chair-vacant": (
        1, "the chair post has no holder",
        (("vacant-post", "vacant", "warning"), ("chair-contact-different-administrations", "vacant", "info"))),
    "coordinator-not-from-group-head-office": (
        7, "the coordinator works outside the Group Head Office",
        (("coordinator-from-group-head-office", "elsewhere", "error"),)),
}


@dataclass(frozen=True)
class SynthSpec:
    """What to generate: regions × councils, line staff per administration, seed and violation rate."""

    regions: int
    councils_per_region: int
    seed: int = 0
    violation_rate: float = 0.1
    staff_per_administration: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.regions <= 99:
            raise ValueError(f"regions must be 1..99: {self.regions}")
        if not 1 <= self.councils_per_region <= 300:
            raise ValueError(f"councils per region must be 1..300: {self.councils_per_region}")
        if not 0.0 <= self.violation_rate <= 1.0:
            raise ValueError(f"the violation rate must be 0..1: {self.violation_rate}")
        if not 0 <= self.staff_per_administration <= 100_000:
            raise ValueError(f"staff per administration must be 0..100000: {self.staff_per_administration}")
