"""Writing the YAML data files of a synthetic model: one-line flow mappings, citations, invented people.

>>> out = YamlFile("regions/r01.yaml", "# a header")
>>> out.node("r01", "Region", "Syntetisk region 01")
'r01'
>>> out.text().splitlines()
['# a header', 'nodes:', '  - {id: r01, kind: Region, name: "Syntetisk region 01"}']
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from orgraph import vocabulary
from orgraph.synth.spec import SynthSpec
from orgraph.vocabulary import Kind, Rel

__all__ = ["FIRST_NAMES", "LAST_NAMES", "SECTIONS", "YamlFile", "flow", "cite", "People", "some_day", "header"]

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

SECTIONS = {
    "uh": "Arbetsorganisation", "rapport": "Rapportering", "beslut": "Beslutsfattande",
    "samband": "Samband och gränsdragning till andra uppdrag och pågående arbete",
    "uppdrag": "Uppdragsbeskrivning", "givare": "Uppdragsgivare", "handling": "Uppdragshandling",
}


class YamlFile:
    """One YAML data file being written: its lines per section, and what it holds."""

    def __init__(self, path: str, header: str):
        self.path = path
        self.header = header
        self.nodes: list[str] = []
        self.relations: list[str] = []
        self.holdings: list[str] = []
        self.kinds: Counter[str] = Counter()

    def node(self, node_id: str, kind: str, name: str, **fields: Any) -> str:
        self.kinds[str(kind)] += 1
        self.nodes.append(flow({"id": node_id, "kind": kind, "name": name, **fields}))
        return node_id

    def rel(self, start: str, rel_type: str, end: str, /, **fields: Any) -> None:
        assert rel_type in vocabulary.RELATIONSHIPS, rel_type
        self.relations.append(flow({"from": start, "type": rel_type, "to": end, **fields}))

    def hold(self, person: str, post: str, start: dt.date, end: dt.date | None = None) -> None:
        self.holdings.append(flow({"person": person, "post": post, "from": start, "to": end}))

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
        return flow(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    if text.replace("-", "").isalnum() and text.isascii() and not text[0].isdigit() \
            and text not in ("null", "true", "false", "yes", "no", "on", "off", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def flow(mapping: dict[str, Any]) -> str:
    """A one-line YAML flow mapping; keys with ``None`` are left out (except ``decided``).

    >>> flow({"id": "x", "kind": "Region", "name": "Region X", "to": None, "decided": None})
    '{id: x, kind: Region, name: "Region X", decided: null}'
    """
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in mapping.items()
                           if value is not None or key == "decided") + "}"


def cite(document: str, section: str) -> dict[str, str]:
    return {"document": document, "section": SECTIONS[section]}


@dataclass
class People:
    """Invented people of one region: stable ids and Swedish-looking names."""

    prefix: str
    rng: random.Random
    count: int = 0
    employers: dict[str, str] = field(default_factory=dict)

    def new(self, out: YamlFile, employer: str, since: dt.date, title: str | None = None) -> str:
        self.count += 1
        person = f"{self.prefix}-p{self.count:06d}"
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        out.node(person, Kind.PERSON, name, fictional=True, props={"title": title} if title else None)
        out.rel(person, Rel.EMPLOYED_BY, employer, valid_from=since)
        self.employers[person] = employer
        return person


def some_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def header(spec: SynthSpec, what: str) -> str:
    return (f"# SYNTHETIC DATA from `orgraph synth --regions {spec.regions} --councils-per-region "
            f"{spec.councils_per_region} --seed {spec.seed} --violation-rate {spec.violation_rate:g} "
            f"--staff-per-administration {spec.staff_per_administration}`.\n"
            f"# Every person is invented. This file: {what}.\n")
