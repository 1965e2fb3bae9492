"""Synthetic regions: a deterministic generator of large, valid models with known rule violations.

``generate(SynthSpec(...), directory)`` writes a model in the same YAML format
as ``seed/`` (one file per region, one per council, plus the topics and the
national bodies), for benchmarks and tests at scale: up to ~100,000 people
(21 regions, ~25 councils each, and the line organisation's staff).  The same
spec always gives byte-identical files.  Every person is invented.

Each region mirrors the seeded one: directors with their delegation, the
leadership group (one body under both its names), PPR, clinical leadership, the
group-wide and region-wide groups, administrations with heads, councils with
chair, contact person, coordinator, participants per administration, adjuncts,
process teams and subgroups, holders over time (some changes of holder),
employment, escalation routes for every topic and who may decide each topic,
and mandates with their sources.  A share of the councils (``violation_rate``)
carries exactly one deliberate rule violation; ``synth-manifest.json`` lists
each one, so a checker can be held to exactly those findings.

>>> import tempfile, pathlib
>>> from orgraph.model.loader import load
>>> out = pathlib.Path(tempfile.mkdtemp()) / "model"
>>> manifest = generate(SynthSpec(regions=1, councils_per_region=2, seed=1, violation_rate=0.5), out)
>>> manifest["violations"][0]["council"]
'r01-sr-bild-och-funktionsmedicin'
>>> len(load(out).nodes) == manifest["counts"]["nodes"]
True
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from orgraph import vocabulary

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
FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Johanna", "Linnea", "Sofia",
    "Elin", "Camilla", "Malin", "Petra", "Ulrika", "Helena", "Maja", "Frida", "Erik", "Lars", "Karl", "Anders",
    "Johan", "Per", "Mikael", "Nils", "Jan", "Hans", "Peter", "Fredrik", "Oskar", "Henrik", "Daniel", "Mats",
    "Niklas", "Jonas", "Viktor", "Tomas",
)
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Jakobsson",
    "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
    "Lind", "Lundgren", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
    "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson",
    "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson",
    "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson",
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

_SECTIONS = {
    "uh": "Arbetsorganisation", "rapport": "Rapportering", "beslut": "Beslutsfattande",
    "samband": "Samband och gränsdragning till andra uppdrag och pågående arbete",
    "uppdrag": "Uppdragsbeskrivning", "givare": "Uppdragsgivare", "handling": "Uppdragshandling",
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


class _File:
    """One YAML data file being written: its lines per section, and what it holds."""

    def __init__(self, path: str, header: str):
        self.path = path
        self.header = header
        self.nodes: list[str] = []
        self.relations: list[str] = []
        self.holdings: list[str] = []
        self.kinds: Counter[str] = Counter()

    def node(self, node_id: str, kind: str, name: str, **fields: Any) -> str:
        self.kinds[kind] += 1
        self.nodes.append(_flow({"id": node_id, "kind": kind, "name": name, **fields}))
        return node_id

    def rel(self, start: str, rel_type: str, end: str, /, **fields: Any) -> None:
        assert rel_type in vocabulary.RELATIONSHIPS, rel_type
        self.relations.append(_flow({"from": start, "type": rel_type, "to": end, **fields}))

    def hold(self, person: str, post: str, start: dt.date, end: dt.date | None = None) -> None:
        self.holdings.append(_flow({"person": person, "post": post, "from": start, "to": end}))

    def text(self) -> str:
        parts = [self.header]
        for key, lines in (("nodes", self.nodes), ("relations", self.relations), ("holdings", self.holdings)):
            if lines:
                parts.append(f"{key}:\n" + "".join(f"  - {line}\n" for line in lines))
        return "\n".join(parts)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, dict):
        return _flow(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    if text.replace("-", "").isalnum() and text.isascii() and not text[0].isdigit() \
            and text not in ("null", "true", "false", "yes", "no", "on", "off", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def _flow(mapping: dict[str, Any]) -> str:
    """A one-line YAML flow mapping; keys with ``None`` are left out (except ``decided``).

    >>> _flow({"id": "x", "kind": "Region", "name": "Region X", "to": None, "decided": None})
    '{id: x, kind: Region, name: "Region X", decided: null}'
    """
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in mapping.items()
                           if value is not None or key == "decided") + "}"


def _src(document: str, section: str) -> dict[str, str]:
    return {"document": document, "section": _SECTIONS[section]}


@dataclass
class _People:
    """Invented people of one region: stable ids and Swedish-looking names."""

    prefix: str
    rng: random.Random
    count: int = 0
    employers: dict[str, str] = field(default_factory=dict)

    def new(self, out: _File, employer: str, since: dt.date, title: str | None = None) -> str:
        self.count += 1
        person = f"{self.prefix}-p{self.count:06d}"
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        out.node(person, "Person", name, fictional=True, props={"title": title} if title else None)
        out.rel(person, "EMPLOYED_BY", employer, valid_from=since)
        self.employers[person] = employer
        return person


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _council_areas(count: int) -> list[tuple[str, str]]:
    areas = []
    for index in range(count):
        slug, name = AREAS[index % len(AREAS)]
        round_ = index // len(AREAS)
        areas.append((slug, name) if round_ == 0 else (f"{slug}-{round_ + 1}", f"{name} {round_ + 1}"))
    return areas


def _violations(spec: SynthSpec, rng: random.Random, councils: list[str]) -> dict[str, str]:
    """Exactly ``round(rate × councils)`` councils, each with one kind, the kinds spread evenly."""
    chosen = sorted(rng.sample(councils, round(spec.violation_rate * len(councils))))
    kinds = list(VIOLATIONS)
    rng.shuffle(kinds)
    order = list(chosen)
    rng.shuffle(order)
    return {council: kinds[index % len(kinds)] for index, council in enumerate(order)}


def build(spec: SynthSpec) -> tuple[dict[str, str], dict[str, Any]]:
    """The files (relative path -> text) and the manifest for ``spec``, in memory.

    >>> files, manifest = build(SynthSpec(regions=2, councils_per_region=3, staff_per_administration=5))
    >>> sorted(files)[:3]
    ['councils/r01-sr-bild-och-funktionsmedicin.yaml', 'councils/r01-sr-kardiologi.yaml', 'councils/r01-sr-ortopedi.yaml']
    >>> manifest["counts"]["councils"], manifest["counts"]["files"]
    (6, 10)
    """
    rng = random.Random(spec.seed)
    regions = [f"r{index:02d}" for index in range(1, spec.regions + 1)]
    areas = _council_areas(spec.councils_per_region)
    all_councils = [f"{region}-sr-{slug}" for region in regions for slug, _ in areas]
    broken = _violations(spec, rng, all_councils)
    files: list[_File] = [_topics_file(spec), _national_file(spec)]
    violations: list[dict[str, Any]] = []
    for region in regions:
        region_file = _File(f"regions/{region}.yaml", _header(spec, f"region {region}: directors, bodies, "
                                                             "administrations and their staff"))
        people = _People(region, random.Random(f"{spec.seed}-{region}-people"))
        context = _region(spec, region, region_file, people, random.Random(f"{spec.seed}-{region}"), len(areas))
        files.append(region_file)
        for index, (slug, area) in enumerate(areas):
            council = f"{region}-sr-{slug}"
            out = _File(f"councils/{council}.yaml", _header(spec, f"the coordination council {council}"))
            found = _council(region, council, area, index, out, people, context,
                             random.Random(f"{spec.seed}-{council}"), broken.get(council))
            if found:
                violations.append(found)
            files.append(out)
    texts = {f.path: f.text() for f in files}
    kinds: Counter[str] = Counter()
    for f in files:
        kinds.update(f.kinds)
    relations = sum(len(f.relations) + len(f.holdings) for f in files)
    manifest = {
        "generator": "orgraph synth",
        "spec": asdict(spec),
        "reference_day": REFERENCE_DAY.isoformat(),
        "counts": {
            "files": len(files), "nodes": sum(kinds.values()), "relations": relations,
            "people": kinds["Person"], "posts": kinds["Post"], "councils": len(all_councils),
            "regions": len(regions), "by_kind": dict(sorted(kinds.items())),
        },
        "violation_rate": spec.violation_rate,
        "expected": {kind: sum(1 for v in violations if v["kind"] == kind) for kind in VIOLATIONS},
        "expected_findings": dict(sorted(Counter(f"{found['rule']}/{found['variant']}" for v in violations
                                                 for found in v["findings"]).items())),
        "violations": sorted(violations, key=lambda v: v["council"]),
        "violation_kinds": {kind: {"domain_rule": rule, "what": what, "findings": [
            {"rule": rule_id, "variant": variant, "severity": severity} for rule_id, variant, severity in found]}
            for kind, (rule, what, found) in VIOLATIONS.items()},
    }
    return texts, manifest


def _header(spec: SynthSpec, what: str) -> str:
    return (f"# SYNTHETIC DATA from `orgraph synth --regions {spec.regions} --councils-per-region "
            f"{spec.councils_per_region} --seed {spec.seed} --violation-rate {spec.violation_rate:g} "
            f"--staff-per-administration {spec.staff_per_administration}`.\n"
            f"# Every person is invented. This file: {what}.\n")


def _topics_file(spec: SynthSpec) -> _File:
    out = _File("topics.yaml", _header(spec, "the escalation topics"))
    defaults = {"regional-routine": "chair", "region-wide-decision": "chair", "outside-mandate": "member"}
    for topic in vocabulary.TOPICS.values():
        out.node(topic.id, "Topic", topic.question[:1].upper() + topic.question[1:],
                 default_role=defaults.get(topic.id))
    return out


def _national_file(spec: SynthSpec) -> _File:
    out = _File("national.yaml", _header(spec, "what is shared by every region"))
    out.node("npo", "NationalProgrammeArea", "Nationella programområden", name_en="National programme areas (NPO)")
    return out


@dataclass
class _Region:
    """What the councils of a region refer to."""

    heads: dict[str, str]          # administration -> its head post
    admins: list[str]
    lg_members: list[tuple[str, str]]  # (seat post, person)
    person_admin: dict[str, str]


def _region(spec: SynthSpec, region: str, out: _File, people: _People, rng: random.Random,
            councils: int) -> _Region:
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
        person = people.new(out, employer, _day(rng, dt.date(2005, 1, 1), dt.date(2018, 12, 31)),
                            "ledamot, ledningsgrupp hälso- och sjukvård")
        out.hold(person, seat, _day(rng, dt.date(2019, 1, 1), dt.date(2020, 12, 31)))
        members.append((seat, person))

    _staff(spec, out, people, rng, admins, heads)
    return _Region(heads, admins, members, people.employers)


def _holders_over_time(out: _File, people: _People, rng: random.Random, post: str, employer: str,
                       title: str) -> str:
    """Hold a single-holder post; a third of them changed holder on a day before the reference day."""
    first_from = _day(rng, dt.date(2016, 1, 1), dt.date(2020, 12, 31))
    holder = people.new(out, employer, _day(rng, dt.date(2000, 1, 1), first_from), title)
    if rng.random() < 1 / 3:
        change = _day(rng, dt.date(2021, 1, 1), dt.date(2024, 6, 30))
        out.hold(holder, post, first_from, change - dt.timedelta(days=1))
        holder = people.new(out, employer, _day(rng, dt.date(2000, 1, 1), change), title)
        out.hold(holder, post, change)
    else:
        out.hold(holder, post, first_from)
    return holder


def _staff(spec: SynthSpec, out: _File, people: _People, rng: random.Random, admins: list[str],
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
            since = _day(rng, dt.date(2000, 1, 1), dt.date(2024, 12, 31))
            person = people.new(out, admin, since)
            if len(units) > 1 and rng.random() < 0.05:  # moved between units once
                moved = _day(rng, since, dt.date(2024, 12, 31))
                if moved > since:
                    earlier = units[(index // STAFF_PER_UNIT + 1) % len(units)]
                    out.hold(person, earlier, since, moved - dt.timedelta(days=1))
                    since = moved
            out.hold(person, unit, since)


def _council(region: str, council: str, area: str, index: int, out: _File, people: _People, ctx: _Region,
             rng: random.Random, broken: str | None) -> dict[str, Any] | None:
    r = region
    mandate = f"{r}-uh-{council.removeprefix(f'{r}-sr-')}"
    date = _day(rng, dt.date(2024, 1, 1), dt.date(2024, 11, 30))  # decided by the reference day, not old
    undecided = broken == "mandate-undecided"
    out.node(mandate, "Document", f"Uppdragshandling för samordningsråd {area}", number=f"RS {date.year}-{784 + index:05d}",
             date=date, decided=None if undecided else date + dt.timedelta(days=rng.randrange(1, 30)))
    if not undecided:
        out.rel(f"{r}-hs-direktor", "DECIDED", mandate, source=_src(mandate, "handling"))
    for document in ("rutin-ordforande", "uppdrag-kontaktperson", "beslutsmandat-regionala-rutiner",
                     "rutin-koncernovergripande-grupper"):
        out.rel(mandate, "REFERENCES", f"{r}-{document}", source=_src(mandate, "uh"))
    meetings_max = 12 if broken == "meetings-out-of-range" else 8
    out.node(council, "Council", f"Samordningsråd {area}", name_en=f"Coordination council ({area})", meetings_min=4,
             meetings_max=meetings_max, adjunct_limit=3, props={"area": f"Verksamhet {area}"},
             source=_src(mandate, "handling"))
    chair = out.node(f"{council}-ordforande", "Post", f"Ordförande, samordningsråd {area}", role="chair",
                     source=_src(mandate, "uh"))
    contact = out.node(f"{council}-kontaktperson", "Post", f"Kontaktperson, samordningsråd {area}",
                       role="contact-person", source=_src(mandate, "rapport"))
    coordinator = out.node(f"{council}-koordinator", "Post", f"Koordinator, samordningsråd {area}", role="coordinator",
                           source=_src(mandate, "uh"))
    adjuncts = out.node(f"{council}-adjungerade", "Post", f"Adjungerade deltagare, samordningsråd {area}",
                        role="adjunct", source=_src(mandate, "uh"))
    team = out.node(f"{council}-processteam", "ProcessTeam", f"Regionalt processteam, {area}",
                    source=_src(mandate, "uh"))
    lg, kk = f"{r}-lg-hs", f"{r}-{GROUP_HEAD_OFFICE}"
    rels = [
        (f"{r}-hsu-direktor", "COMMISSIONS", council, "Hälso- och sjukvårdsutvecklingsdirektören är uppdragsgivare.",
         "givare"),
        (council, "HAS_MANDATE", mandate, None, "givare"),
        (council, "PART_OF", r, "Uppdraget är av intern karaktär.", "handling"),
        (council, "REFERENCE_GROUP_FOR", lg, "Rådet är referensgrupp till ledningsgruppen.", "uppdrag"),
        (council, "NOMINATES_TO", "npo", "Rådet nominerar ordförande och ledamöter till NPO.", "uppdrag"),
        (council, "IMPLEMENTS", f"{r}-ppr", "Råden genomför PPR:s regiongemensamma prioriteringar.", "samband"),
        (council, "LEADS", team, "Rådet leder de regionala processteamen.", "uppdrag"),
        (team, "REPORTS_TO", council, "Regionala processteam rapporterar till samordningsrådet.", "uh"),
        (chair, "POST_OF", council, None, "uh"),
        (lg, "APPOINTS", chair, "Ordförande utses av ledningsgruppen.", "uh"),
        (chair, "HAS_MANDATE", f"{r}-beslutsmandat-regionala-rutiner", None, "beslut"),
        (contact, "POST_OF", council, None, "rapport"),
        (contact, "MEMBER_OF", lg, "Kontaktpersonen utses bland deltagarna i ledningsgruppen.", "rapport"),
        (contact, "HAS_MANDATE", f"{r}-uppdrag-kontaktperson", None, "rapport"),
        (coordinator, "POST_OF", council, None, "uh"),
        (kk, "PROVIDES", coordinator, "Koncernkontoret tillhandahåller koordinator.", "uh"),
        (adjuncts, "POST_OF", council, None, "uh"),
        (council, "APPOINTS", adjuncts, "Samordningsrådet kan besluta om adjungerade deltagare.", "uh"),
    ]
    routes = [
        (chair, "MAY_DECIDE", "regional-routine", None),
        (chair, "ESCALATES_TO", contact, "region-wide-decision"),
        (contact, "ESCALATES_TO", lg, "region-wide-decision"),
        (council, "ESCALATES_TO", f"{r}-klinisk-ledning", "cross-area-process"),
        (council, "ESCALATES_TO", f"{r}-ppr", "new-drug-or-method"),
        (council, "ESCALATES_TO", f"{r}-regionovergripande-samordnande-grupper", "organisation-and-working-conditions"),
        (council, "ESCALATES_TO", f"{r}-ansvarig-funktion-stodprocess", "support-process"),
        (council, "ESCALATES_TO", f"{r}-koncernovergripande-grupp", "support-process"),
    ]
    for source, rel_type, target, reason, section in rels:
        out.rel(source, rel_type, target, reason=reason, source=_src(mandate, section))
    for source, rel_type, target, topic in routes:
        out.rel(source, rel_type, target, topic=topic, reason="Beslutsordning enligt uppdragshandlingen.",
                source=_src(mandate, "beslut"))
    if rng.random() < 0.5:
        subgroup = out.node(f"{council}-undergrupp", "Subgroup", f"Undergrupp, samordningsråd {area}")
        out.rel(subgroup, "PART_OF", council, source=_src(mandate, "uh"))
        out.rel(subgroup, "REPORTS_TO", council, source=_src(mandate, "uh"))

    # Participants: one post per administration taking part (never the Group Head Office).
    line_admins = ctx.admins[:-1]
    taking_part = sorted(rng.sample(line_admins, rng.randint(4, min(7, len(line_admins)))), key=line_admins.index)
    start = _day(rng, dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    for admin in taking_part:
        post = out.node(f"{council}-deltagare-{admin.removeprefix(f'{r}-')}", "Post",
                        f"Deltagare, samordningsråd {area}", role="member", source=_src(mandate, "uh"))
        head = ctx.heads[admin]
        out.rel(post, "POST_OF", council, source=_src(mandate, "uh"))
        out.rel(post, "REPRESENTS", admin, reason="Deltagaren representerar sin förvaltning.", source=_src(mandate, "uh"))
        out.rel(head, "APPOINTS", post, reason="Deltagarna utses av respektive förvaltningschef.",
                source=_src(mandate, "uh"))
        out.rel(post, "REPORTS_TO", head, reason="Deltagarna rapporterar i sin ordinarie linjestruktur.",
                source=_src(mandate, "rapport"))
        out.rel(post, "ESCALATES_TO", head, topic="outside-mandate", reason="Frågan eskaleras inom förvaltningen.",
                source=_src(mandate, "beslut"))
        out.rel(post, "ESCALATES_TO", f"{r}-koncernovergripande-grupp", topic="outside-mandate",
                reason="Eller lyfts till berörd koncernövergripande grupp.", source=_src(mandate, "beslut"))
        person = people.new(out, admin, _day(rng, dt.date(2000, 1, 1), start), f"deltagare, {area}")
        out.hold(person, post, start)

    # The contact person: a leadership-group member; the chair: from another administration (or the same).
    seat, contact_person = ctx.lg_members[index % len(ctx.lg_members)]
    out.hold(contact_person, contact, start)
    contact_admin = ctx.person_admin[contact_person]
    others = [a for a in line_admins if a != contact_admin]
    if broken == "chair-vacant":
        pass
    else:
        def chair_admin() -> str:
            return contact_admin if broken == "chair-contact-same-administration" else rng.choice(others)

        if rng.random() < 0.3:  # a change of chair
            change = _day(rng, start + dt.timedelta(days=30), dt.date(2024, 6, 30))
            first = people.new(out, rng.choice(others), _day(rng, dt.date(2000, 1, 1), start), f"ordförande, {area}")
            out.hold(first, chair, start, change - dt.timedelta(days=1))
            second = people.new(out, chair_admin(), _day(rng, dt.date(2000, 1, 1), change), f"ordförande, {area}")
            out.hold(second, chair, change)
        else:
            out.hold(people.new(out, chair_admin(), _day(rng, dt.date(2000, 1, 1), start), f"ordförande, {area}"),
                     chair, start)
    coordinator_admin = rng.choice(line_admins) if broken == "coordinator-not-from-group-head-office" else kk
    out.hold(people.new(out, coordinator_admin, _day(rng, dt.date(2000, 1, 1), start), f"koordinator, {area}"),
             coordinator, start)
    for _ in range(5 if broken == "adjuncts-over-limit" else rng.randint(1, 3)):
        adjunct = people.new(out, rng.choice(ctx.admins), _day(rng, dt.date(2000, 1, 1), start), f"adjungerad, {area}")
        out.hold(adjunct, adjuncts, _day(rng, start, dt.date(2024, 12, 31)))
    if broken is None:
        return None
    rule, what, found = VIOLATIONS[broken]
    nodes = {
        "chair-contact-same-administration": [chair, contact],
        "mandate-undecided": [council, mandate],
        "meetings-out-of-range": [council],
        "adjuncts-over-limit": [council, adjuncts],
        "chair-vacant": [chair],
        "coordinator-not-from-group-head-office": [coordinator],
    }[broken]
    return {"council": council, "kind": broken, "domain_rule": rule, "what": what, "nodes": nodes,
            "findings": [{"rule": rule_id, "variant": variant, "severity": severity}
                         for rule_id, variant, severity in found]}


class OutputExists(Exception):
    """The output directory exists and is not empty: synth never writes over data."""


def generate(spec: SynthSpec, directory: str | Path) -> dict[str, Any]:
    """Write the model for ``spec`` into ``directory`` (new or empty), atomically; return the manifest.

    The files are written into a temporary directory beside ``directory`` and
    renamed into place at the end, so an interrupted run leaves nothing behind.
    """
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputExists(f"the output directory exists and is not empty: {target}")
    texts, manifest = build(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.synth-", dir=target.parent))
    try:
        for relative, text in texts.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                        encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def spec_for_nodes(nodes: int, *, seed: int = 0, violation_rate: float = 0.1) -> SynthSpec:
    """A spec whose model has about ``nodes`` nodes: more regions and councils first, then line staff.

    >>> spec = spec_for_nodes(10_000)
    >>> abs(build(spec)[1]["counts"]["nodes"] - 10_000) < 600
    True
    """
    regions = max(1, min(21, round(nodes / 4_500)))
    councils = max(1, min(25, round(nodes / regions / 40)))
    base = build(SynthSpec(regions, councils, seed, violation_rate))[1]["counts"]["nodes"]
    one = build(SynthSpec(regions, councils, seed, violation_rate, STAFF_PER_UNIT))[1]["counts"]["nodes"]
    per_staff = (one - base) / STAFF_PER_UNIT  # nodes a unit of staff adds per administration
    staff = max(0, round((nodes - base) / per_staff)) if nodes > base else 0
    return SynthSpec(regions, councils, seed, violation_rate, staff)


def summary(manifest: dict[str, Any]) -> str:
    """One line about a generated model.

    >>> summary({"counts": {"files": 3, "nodes": 10, "relations": 20, "people": 4, "councils": 1}, "violations": []})
    '3 files, 10 nodes, 20 relations, 4 people, 1 council(s), 0 deliberate violation(s)'
    """
    counts = manifest["counts"]
    return (f"{counts['files']} files, {counts['nodes']} nodes, {counts['relations']} relations, "
            f"{counts['people']} people, {counts['councils']} council(s), "
            f"{len(manifest['violations'])} deliberate violation(s)")


def expected_findings(manifest: dict[str, Any], kinds: Iterable[str] | None = None) -> Counter[str]:
    """How many violations of each kind the manifest promises (all kinds, or just ``kinds``)."""
    wanted = set(kinds) if kinds is not None else None
    return Counter(v["kind"] for v in manifest["violations"] if wanted is None or v["kind"] in wanted)
