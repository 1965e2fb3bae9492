"""The parts of a synthetic model every council refers to: the topics, the national bodies, each region.

A region mirrors the seeded one: directors with their delegation, the
leadership group (one body under both its names), PPR, clinical leadership, the
group-wide and region-wide groups, administrations with heads, and the line
organisation's staff.

>>> import random
>>> from orgraph.synth.spec import SynthSpec
>>> from orgraph.synth.writing import People, YamlFile
>>> spec = SynthSpec(regions=1, councils_per_region=2)
>>> out = YamlFile("regions/r01.yaml", "")
>>> context = write_region(spec, "r01", out, People("r01", random.Random(0)), random.Random(0), 2)
>>> context.heads["r01-us"]
'r01-us-forvaltningschef'
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from orgraph import vocabulary
from orgraph.synth.spec import ADMINISTRATIONS, GROUP_HEAD_OFFICE, STAFF_PER_UNIT, SynthSpec
from orgraph.synth.writing import People, YamlFile, header, some_day

__all__ = ["topics_file", "national_file", "RegionContext", "write_region"]

def topics_file(spec: SynthSpec) -> YamlFile:
    out = YamlFile("topics.yaml", header(spec, "the escalation topics"))
    defaults = {"regional-routine": "chair", "region-wide-decision": "chair", "outside-mandate": "member"}
    for topic in vocabulary.TOPICS.values():
        out.node(topic.id, "Topic", topic.question[:1].upper() + topic.question[1:],
                 default_role=defaults.get(topic.id))
    return out


def national_file(spec: SynthSpec) -> YamlFile:
    out = YamlFile("national.yaml", header(spec, "what is shared by every region"))
    out.node("npo", "NationalProgrammeArea", "Nationella programområden", name_en="National programme areas (NPO)")
    return out


@dataclass
class RegionContext:
    """What the councils of a region refer to."""

    heads: dict[str, str]          # administration -> its head post
    admins: list[str]
    lg_members: list[tuple[str, str]]  # (seat post, person)
    person_admin: dict[str, str]


def write_region(spec: SynthSpec, region: str, out: YamlFile, people: People, rng: random.Random,
            councils: int) -> RegionContext:
    r = region
    number = int(region[1:])
    docs = {
        "rutin-ordforande": ("Särskild rutin för utseende av ordförande i samordningsråd", f"RS 2019-{3100 + number:05d}"),
        "uppdrag-kontaktperson": ("Uppdragsbeskrivning för kontaktperson till samordningsråd", f"RS 2024-{370 + number:05d}"),
        "beslutsmandat-regionala-rutiner": ("Beslutsmandat för regionala rutiner inom hälso- och sjukvård",
                                            f"SSN 2023-{470 + number:05d}"),
        "rutin-koncernovergripande-grupper": ("Rutin för koncernövergripande grupper", None),
    }
    for slug, (name, reg_number) in docs.items():
        out.node(f"{r}-{slug}", "Document", name, number=reg_number)
    root = out.node(r, "Region", f"Syntetisk region {number:02d}", name_en=f"Synthetic region {number:02d}")
    directors = [("regiondirektor", "Regiondirektör"), ("hsu-direktor", "Hälso- och sjukvårdsutvecklingsdirektör"),
                 ("hs-direktor", "Hälso- och sjukvårdsdirektör")]
    kk = f"{r}-{GROUP_HEAD_OFFICE}"
    for slug, name in directors:
        out.node(f"{r}-{slug}", "Post", f"{name}, region {number:02d}", role="director")
        out.rel(f"{r}-{slug}", "POST_OF", root)
    keeper = out.node(f"{r}-forteckning-koncernovergripande-grupper", "Post",
                      "Förteckning över koncernövergripande grupper", role="list-keeper")
    out.rel(keeper, "POST_OF", root)
    out.rel(f"{r}-regiondirektor", "DELEGATES_TO", f"{r}-hsu-direktor",
            reason="Regiondirektören har fördelat ansvaret att inrätta och avveckla samordningsråd.")

    lg = out.node(f"{r}-lg-hs", "LeadershipGroup", "Ledningsgrupp hälso- och sjukvård",
                  aka=[{"name": "Koncernledning hälso- och sjukvård"}])
    bodies = {
        "ppr": ("PrioritisationCouncil", "Program- och prioriteringsrådet (PPR)", "new-drug-or-method"),
        "klinisk-ledning": ("ClinicalLeadership", "Klinisk ledning", "cross-area-process"),
        "koncernovergripande-grupp": ("GroupWideGroup", "Berörd koncernövergripande grupp", "outside-mandate"),
        "regionovergripande-samordnande-grupper": ("RegionWideGroup", "Regionövergripande samordnande grupper",
                                                   "organisation-and-working-conditions"),
        "ansvarig-funktion-stodprocess": ("Function", "Berörd ansvarig funktion för stödprocess", "support-process"),
        "rpo": ("RegionalProgrammeArea", "Kvarvarande regionala programområden (RPO)", None),
    }
    out.rel(lg, "PART_OF", root)
    out.rel(lg, "MAY_DECIDE", "region-wide-decision", reason="Där fattas regiongemensamma beslut.")
    for slug, (kind, name, topic) in bodies.items():
        out.node(f"{r}-{slug}", kind, name)
        out.rel(f"{r}-{slug}", "PART_OF", root)
        if topic:
            out.rel(f"{r}-{slug}", "MAY_DECIDE", topic, reason="Frågan avgörs här.")
    out.rel(f"{r}-koncernovergripande-grupp", "MAY_DECIDE", "support-process", reason="Frågan avgörs här.")

    heads: dict[str, str] = {}
    admins = []
    for slug, name in ADMINISTRATIONS:
        admin = out.node(f"{r}-{slug}", "Administration", f"{name}, region {number:02d}")
        head = out.node(f"{admin}-forvaltningschef", "Post", f"Förvaltningschef, {name}", role="head")
        out.rel(admin, "PART_OF", root)
        out.rel(head, "POST_OF", admin)
        out.rel(head, "REPORTS_TO", f"{r}-regiondirektor", reason="Förvaltningschefen rapporterar i linjen.")
        out.rel(head, "MAY_DECIDE", "outside-mandate", reason="Frågan eskaleras inom förvaltningen.")
        heads[admin] = head
        admins.append(admin)
        _holders_over_time(out, people, rng, head, admin, f"förvaltningschef, {name}")

    for slug, _ in directors:
        _holders_over_time(out, people, rng, f"{r}-{slug}", kk, slug)
    _holders_over_time(out, people, rng, keeper, kk, "förteckning koncernövergripande grupper")

    # The leadership group: one seat per member; contact persons are drawn from these members.
    members = []
    for index in range(1, min(12, max(3, math.ceil(councils / 2))) + 1):
        seat = out.node(f"{lg}-ledamot-{index:02d}", "Post", f"Ledamot {index}, ledningsgrupp hälso- och sjukvård",
                        role="member")
        out.rel(seat, "POST_OF", lg)
        employer = admins[(index - 1) % (len(admins) - 1)]  # never the Group Head Office
        person = people.new(out, employer, some_day(rng, dt.date(2005, 1, 1), dt.date(2018, 12, 31)),
                            "ledamot, ledningsgrupp hälso- och sjukvård")
        out.hold(person, seat, some_day(rng, dt.date(2019, 1, 1), dt.date(2020, 12, 31)))
        members.append((seat, person))

    _staff(spec, out, people, rng, admins, heads)
    return RegionContext(heads, admins, members, people.employers)


def _holders_over_time(out: YamlFile, people: People, rng: random.Random, post: str, employer: str,
                       title: str) -> str:
    """Hold a single-holder post; a third of them changed holder on a day before the reference day."""
    first_from = some_day(rng, dt.date(2016, 1, 1), dt.date(2020, 12, 31))
    holder = people.new(out, employer, some_day(rng, dt.date(2000, 1, 1), first_from), title)
    if rng.random() < 1 / 3:
        change = some_day(rng, dt.date(2021, 1, 1), dt.date(2024, 6, 30))
        out.hold(holder, post, first_from, change - dt.timedelta(days=1))
        holder = people.new(out, employer, some_day(rng, dt.date(2000, 1, 1), change), title)
        out.hold(holder, post, change)
    else:
        out.hold(holder, post, first_from)
    return holder


def _staff(spec: SynthSpec, out: YamlFile, people: People, rng: random.Random, admins: list[str],
           heads: dict[str, str]) -> None:
    """The line organisation: units per administration, each a post held by its staff."""
    if not spec.staff_per_administration:
        return
    for admin in admins:
        units = []
        for index in range(1, math.ceil(spec.staff_per_administration / STAFF_PER_UNIT) + 1):
            unit = out.node(f"{admin}-enhet-{index:03d}", "Post", f"Medarbetare, enhet {index}", role="member")
            out.rel(unit, "POST_OF", admin)
            out.rel(unit, "REPORTS_TO", heads[admin])
            units.append(unit)
        for index in range(spec.staff_per_administration):
            unit = units[index // STAFF_PER_UNIT]
            since = some_day(rng, dt.date(2000, 1, 1), dt.date(2024, 12, 31))
            person = people.new(out, admin, since)
            if len(units) > 1 and rng.random() < 0.05:  # moved between units once
                moved = some_day(rng, since, dt.date(2024, 12, 31))
                if moved > since:
                    earlier = units[(index // STAFF_PER_UNIT + 1) % len(units)]
                    out.hold(person, earlier, since, moved - dt.timedelta(days=1))
                    since = moved
            out.hold(person, unit, since)
