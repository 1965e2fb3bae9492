"""Rules on authority and mandates: the chain from the Regional Director, decided and current mandates.

Also the leadership group, the one body every council answers to under both its names.

>>> [rule.id for rule in RULES]
['chain-of-authority', 'mandate-decided', 'mandate-age', 'one-leadership-group']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import networkx as nx

from orgraph.i18n import N_
from orgraph.model.values import plain
from orgraph.rules.base import REGIONAL_DIRECTOR, Hit, Message, Options, Rule, years_before
from orgraph.rules.citations import Citation
from orgraph.rules.context import Context
from orgraph.rules.declare import BFM, KONTAKTPERSON, ORDFORANDE, ORTOPEDI, both, declarer
from orgraph.vocabulary import Kind, Rel, Role

__all__ = ["RULES"]

RULES: list[Rule] = []
rule = declarer(RULES)


# --- Authority and mandates ---------------------------------------------------------------------


def _root(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
          options: Options) -> dict[str, Any]:
    root = (lookup(focus[0]) or {}).get(REGIONAL_DIRECTOR) if focus else None
    why = (f"its Regional Director, {root}, is no director post on {day.isoformat()}" if root
           else f"it names no Regional Director ({REGIONAL_DIRECTOR})")
    return {"why": why}


@rule(id="chain-of-authority", severity="error", kind="stated",
      title=N_("An unbroken chain of authority runs from the Regional Director to every council"),
      cites=both("Uppdragshandling", "Regiondirektören har fördelat ansvaret att inrätta och avveckla "
                                     "samordningsråd till hälso- och sjukvårdsutvecklingsdirektören.",
                 ortopedi_section="Uppdragshandling för samordningsråd"),
      extra=_root,
      remedy=N_("Let a director post that holds the authority by delegation from the Regional Director of the "
                "council's region (its `regional_director`; DELEGATES_TO between director posts) commission the "
                "council (COMMISSIONS), and make the council PART_OF its region."),
      messages={"uncommissioned": Message(N_("{council} is commissioned by no post (no COMMISSIONS).")),
                "broken": Message(N_("{council} is commissioned by {from2}, whose authority does not come by "
                                     "delegation between director posts from {f1}.")),
                "no-root": Message(N_("Cannot check the chain of authority in {f0}: {why}."), "info"),
                "no-region": Message(N_("Cannot check the chain of authority of {council}: it is part of no region "
                                        "(no PART_OF a Region)."), "info")})
def chain_of_authority(ctx: Context) -> Iterator[Hit]:
    roots, unrooted = ctx.offices(REGIONAL_DIRECTOR, Kind.POST, Role.DIRECTOR)
    for region in unrooted:
        yield Hit("no-root", (region,))
    directors = [n for n in ctx.of_kind(Kind.POST) if ctx.role(n) == Role.DIRECTOR]
    delegation = nx.DiGraph()
    delegation.add_nodes_from(directors)
    delegation.add_edges_from((u, v) for u in directors for v in ctx.out(u, Rel.DELEGATES_TO) if v in directors)
    authorised = {root: nx.descendants(delegation, root) | {root} for root in set(roots.values())}
    for council in ctx.of_kind(Kind.COUNCIL):
        commissioners = ctx.into(council, Rel.COMMISSIONS, Kind.POST)
        regions = ctx.regions_of(council)
        if not commissioners:
            yield Hit("uncommissioned", (council,), council)
        elif not regions:
            yield Hit("no-region", (council,), council)
        for root in sorted({roots[region] for region in regions if region in roots}) if commissioners else ():
            if not authorised[root] & set(commissioners):
                yield Hit("broken", (council, root, *commissioners), council)


def _mandates(ctx: Context, council: str) -> list[str]:
    return ctx.out(council, Rel.HAS_MANDATE, Kind.DOCUMENT)


def _decided(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
             options: Options) -> dict[str, Any]:
    document = lookup(focus[1]) or {} if len(focus) > 1 else {}
    return {"decided": str(plain(document.get("decided")))}


@rule(id="mandate-decided", severity="error", kind="stated", title=N_("Every council's mandate is a decided document"),
      cites=both("Datum för beslut", "(ifylls av beslutsfattaren vid godkännande)"), extra=_decided,
      remedy=N_("Have the decision-maker fill in the decision date (`decided`, and DECIDED from their post), or give "
             "the council a decided mandate."),
      messages={"no-mandate": Message(N_("{council} has no mandate (no HAS_MANDATE a Document).")),
                "undecided": Message(N_("The mandate of {council}, {f1}, has no decision date filled in: the "
                                     "text leaves \"Datum för beslut\" blank (\"ifylls av beslutsfattaren vid "
                                     "godkännande\").")),
                "later": Message(N_("The mandate of {council}, {f1}, was decided only on {decided}, after "
                                 "{as_of}."))})
def mandate_decided(ctx: Context) -> Iterator[Hit]:
    for council in ctx.of_kind(Kind.COUNCIL):
        mandates = _mandates(ctx, council)
        if not mandates:
            yield Hit("no-mandate", (council,), council)
        for document in mandates:
            decided = ctx.props(document).get("decided")
            if decided is None:
                yield Hit("undecided", (council, document), council)
            elif decided > ctx.day:
                yield Hit("later", (council, document), council)


def _age(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
         options: Options) -> dict[str, Any]:
    document = lookup(focus[1]) or {}
    since = document.get("decided") or document.get("date")
    return {"since": str(plain(since)), "years": options.max_mandate_age_years}


@rule(id="mandate-age", severity="warning", kind="structural", title=N_("Mandates are not older than a set age"),
      cites=(Citation(BFM, "Uppdragshandling", "reviderad juni 2026"),
             Citation(ORTOPEDI, "Uppdragshandling för samordningsråd", "Datum: 2024-05-21")),
      parameters=("as_of", "mandate_cutoff"), extra=_age,
      remedy=N_("Revise the mandate (a new assignment document), or raise --max-mandate-age-years."),
      messages={"old": Message(N_("The mandate of {council}, {f1}, dates from {since}: it is older than {years} "
                               "years.")),
                "undated": Message(N_("Cannot tell how old the mandate of {council}, {f1}, is: it has neither a "
                                   "decision date nor a date."), "info")})
def mandate_age(ctx: Context) -> Iterator[Hit]:
    cutoff = years_before(ctx.day, ctx.options.max_mandate_age_years)
    for council in ctx.of_kind(Kind.COUNCIL):
        for document in _mandates(ctx, council):
            data = ctx.props(document)
            since = data.get("decided") or data.get("date")
            if since is None:
                yield Hit("undated", (council, document), council)
            elif since < cutoff:
                yield Hit("old", (council, document), council)


def _names_of(data: Mapping[str, Any]) -> set[str]:
    return {name.lower() for name in [data.get("name"), *data.get("aka", [])] if name}


@rule(id="one-leadership-group", severity="error", kind="stated",
      title=N_("The leadership group is one body under both its names"), cites=(*ORDFORANDE, *KONTAKTPERSON),
      remedy=N_("Keep one LeadershipGroup node PART_OF each region and record its other name as `aka` (koncernledning "
                "hälso- och sjukvård, 2024; ledningsgrupp hälso- och sjukvård, 2026); point the relations at it."),
      messages={"none": Message(N_("{f0} has no leadership group (no LeadershipGroup PART_OF it).")),
                "several": Message(N_("The leadership group is split into {count} nodes: {names}; the 2024 and "
                                      "2026 texts name one body.")),
                "no-region": Message(N_("Cannot tell which region {f0} is the leadership group of: it is part of no "
                                        "region (no PART_OF a Region)."), "info"),
                "name-split": Message(N_("{f1} carries a name of the leadership group {f0}: one body must be one "
                                         "node (record its other names as aka)."))})
def one_leadership_group(ctx: Context) -> Iterator[Hit]:
    groups = ctx.of_kind(Kind.LEADERSHIP_GROUP)
    for region in ctx.of_kind(Kind.REGION):
        own = ctx.into(region, Rel.PART_OF, Kind.LEADERSHIP_GROUP)
        if not own:
            yield Hit("none", (region,))
        elif len(own) > 1:
            yield Hit("several", tuple(own))
    for group in groups:
        if not ctx.regions_of(group):
            yield Hit("no-region", (group,))
    bearers: dict[str, set[str]] = {}  # every name → the nodes (not leadership groups) that carry it, read once
    for other, data in ctx.nodes():
        if data["kind"] != Kind.LEADERSHIP_GROUP:
            for name in _names_of(data):
                bearers.setdefault(name, set()).add(other)
    for group in groups:
        others = set().union(*(bearers.get(name, ()) for name in _names_of(ctx.props(group))))
        for other in sorted(others):
            yield Hit("name-split", (group, other))
