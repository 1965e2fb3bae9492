"""Structural rules: reporting lines without cycles, posts that are held, holders still employed.

>>> [rule.id for rule in RULES]
['no-reporting-cycles', 'vacant-post', 'holder-left-administration']
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from orgraph.i18n import N_
from orgraph.rules.base import Hit, Message, Rule
from orgraph.rules.context import Context
from orgraph.rules.declare import both, declarer
from orgraph.vocabulary import Kind, Rel

__all__ = ["RULES"]

RULES: list[Rule] = []
rule = declarer(RULES)


# --- Structure: reporting lines, vacancies, people who left ------------------------------------


@rule(id="no-reporting-cycles", severity="error", kind="structural", title=N_("Reporting lines have no cycles"),
      cites=both("Rapportering", "Deltagarna i samordningsråden rapporterar i sin ordinarie linjestruktur"),
      remedy=N_("Remove one REPORTS_TO of the cycle so that every line ends at the top of the region."),
      messages={"cycle": Message(N_("Reporting lines run in a circle through {names}."))})
def no_reporting_cycles(ctx: Context) -> Iterator[Hit]:
    lines = nx.DiGraph(ctx.pairs(Rel.REPORTS_TO))
    for cycle in sorted({tuple(sorted(cycle)) for cycle in nx.simple_cycles(lines)}):
        yield Hit("cycle", cycle)


@rule(id="vacant-post", severity="warning", kind="structural", title=N_("Posts are held"),
      cites=both("Uppdragsbeskrivning", "Gruppen består av representanter som utsetts av respektive förvaltningschef"),
      remedy=N_("Record who holds the post (`holdings: - {person: …, post: …, from: …}`), or end the post."),
      messages={"vacant": Message(N_("{f0} is vacant on {as_of}."))})
def vacant_post(ctx: Context) -> Iterator[Hit]:
    for post in ctx.of_kind(Kind.POST):
        if not ctx.holders(post):
            yield Hit("vacant", (post,), ctx.council_of(post))


@rule(id="holder-left-administration", severity="error", kind="structural",
      title=N_("Posts are not held by people who have left their administration"),
      cites=both("Arbetsorganisation", "Deltagarna arbetar som chefer inom aktuell verksamhet"),
      remedy=N_("End the holding on the day the person left (`to:`) and record the new holder, or record the "
             "person's current employment (EMPLOYED_BY)."),
      messages={"left": Message(N_("{f1} holds {f0}, but their employment at {f2} has ended and they work in no "
                                "administration on {as_of}."))})
def holder_left_administration(ctx: Context) -> Iterator[Hit]:
    for post in ctx.of_kind(Kind.POST):
        for person in ctx.holders(post):
            if ctx.employers(person):
                continue
            ended = [(data["valid_to"], target) for target, data in ctx.out_ever(person, Rel.EMPLOYED_BY)
                     if data.get("valid_to") is not None and data["valid_to"] < ctx.day
                     and ctx.kind(target) is not None]
            if ended:
                last = max(ended, key=lambda item: (item[0], _reverse(item[1])))[1]
                yield Hit("left", (post, person, last), ctx.council_of(post))


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts strings in reverse order (so that ``max`` picks the smallest id on a tie)."""
    return tuple(-ord(ch) for ch in text) + (1,)
