"""One page for leadership: the state of the governance structure on the backend's date.

For every council: its chair and contact person with their holders and administrations (as escalation
names them: :meth:`~orgraph.query.escalation.HopReader.staffing`), its vacant posts, its mandates
(undecided or old as the rules ``mandate-decided`` and ``mandate-age`` find them), and its open
(unwaived) findings by severity; then the region's own vacant posts and open findings.  The findings
are :func:`orgraph.rules.check_backend`'s, so both backends give the same page.

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> page = summary(MemoryBackend(load(data_dir("examples") / "fictional"), dt.date(2026, 11, 23)))
>>> ortho = page.councils[1]
>>> ortho.council.id, ortho.chairs[0].holder.name, ortho.chairs[0].administration.id
('sr-ortopedi', 'Ingrid Malmvik', 'su')
>>> ortho.mandates[0].undecided, ortho.counts["error"] > 0
(True, True)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from orgraph.backends.base import Backend, related
from orgraph.query.escalation import HopReader, Ref, council_posts
from orgraph.rules import SEVERITIES, Options, check_backend
from orgraph.vocabulary import Kind, Rel, Role

__all__ = ["Seat", "MandateState", "CouncilState", "Summary", "summary"]

_UNDECIDED = {("mandate-decided", "undecided"), ("mandate-decided", "later")}
_OLD = {("mandate-age", "old")}


@dataclass(frozen=True)
class Seat:
    """A post, its holder (``None``: vacant) and the administration it is filled from."""

    post: Ref
    holder: Ref | None
    administration: Ref | None


@dataclass(frozen=True)
class MandateState:
    """A council's mandate: its document, number, dates, and whether it is undecided or old on the date."""

    document: Ref
    number: str | None
    date: dt.date | None
    decided: dt.date | None
    undecided: bool
    old: bool


@dataclass(frozen=True)
class CouncilState:
    """One council on the page."""

    council: Ref
    chairs: tuple[Seat, ...]
    contacts: tuple[Seat, ...]
    vacancies: tuple[Ref, ...]
    mandates: tuple[MandateState, ...]
    counts: dict[str, int]
    findings: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Summary:
    """The page: councils by name, then the region's vacancies and findings, and the totals."""

    as_of: dt.date
    councils: tuple[CouncilState, ...]
    vacancies: tuple[Ref, ...]
    counts: dict[str, int]
    findings: tuple[dict[str, Any], ...]
    totals: dict[str, int]


def _ref(node: dict[str, Any]) -> Ref:
    return Ref(node["id"], node["name"])


def _counts(findings: list[Any]) -> dict[str, int]:
    return {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITIES}


def _seats(reader: HopReader, posts: list[dict[str, Any]], role: str) -> tuple[Seat, ...]:
    return tuple(Seat(_ref(p), *reader.staffing(p)) for p in posts if p.get("role") == role)


def summary(backend: Backend, options: Options | None = None) -> Summary:
    """The state of every council and of the region on the backend's date (see the module text)."""
    report = check_backend(backend, options or Options())
    open_findings = [f for f in report.findings if not f.waived]
    reader = HopReader(backend)
    in_councils: set[str] = set()
    councils = []
    for council in sorted(backend.nodes([Kind.COUNCIL]), key=lambda c: (c["name"], c["id"])):
        posts = council_posts(backend, council["id"])
        in_councils |= {p["id"] for p in posts}
        mine = [f for f in open_findings if f.council == council["id"]]
        flags = {(f.rule, f.variant, f.focus[-1]) for f in mine if len(f.focus) > 1}

        mandates = tuple(MandateState(_ref(d), d.get("number"), d.get("date"), d.get("decided"),
                                      any((r, v, d["id"]) in flags for r, v in _UNDECIDED),
                                      any((r, v, d["id"]) in flags for r, v in _OLD))
                         for d in sorted((n.node for n in related(backend, council["id"], Rel.HAS_MANDATE)),
                                         key=lambda d: d["id"]))
        councils.append(CouncilState(_ref(council), _seats(reader, posts, Role.CHAIR),
                                     _seats(reader, posts, Role.CONTACT_PERSON),
                                     tuple(_ref(p) for p in posts if reader.staffing(p)[0] is None), mandates,
                                     _counts(mine), tuple(f.to_json() for f in mine)))
    region = [f for f in open_findings if f.council is None]
    vacancies = tuple(_ref(p) for p in backend.nodes([Kind.POST])
                      if p["id"] not in in_councils and reader.staffing(p)[0] is None)
    return Summary(backend.day, tuple(councils), vacancies, _counts(region), tuple(f.to_json() for f in region),
                   report.summary)
