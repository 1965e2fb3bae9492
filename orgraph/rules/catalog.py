"""The integrity rules, in report order: each one declared once, in the module of its topic.

The functions read the graph on one date through :class:`~orgraph.rules.context.Context`
and yield :class:`~orgraph.rules.base.Hit` s; every rule with a Cypher twin
(``cypher/queries/rule-<id>.cypher``) yields exactly the hits its Cypher
returns as rows (variant, focus in the same order, council).  Rules that
cannot be evaluated (a vacant post, an unknown administration) say so with an
``info`` hit; they never pass silently.

The topics: :mod:`~orgraph.rules.composition` (chair, contact person,
participants, adjuncts, meetings, coordinator, process teams),
:mod:`~orgraph.rules.authority` (chain of authority, mandates, the leadership
group), :mod:`~orgraph.rules.structure` (reporting cycles, vacancies, people who
left), and the waiver rules below (evaluated from the waiver file, not the graph).

>>> [rule.id for rule in RULES][:3]
['council-one-chair', 'chair-appointed-by-leadership-group', 'council-one-contact-person']
>>> BY_ID["vacant-post"].severity
'warning'
"""

from __future__ import annotations

from orgraph.i18n import N_
from orgraph.rules import authority, composition, structure
from orgraph.rules.base import Message, Rule
from orgraph.rules.declare import HUVUDPRINCIP, with_source

__all__ = ["RULES", "BY_ID", "WAIVERS"]

WAIVERS = HUVUDPRINCIP  # why waivers exist: some rules are main principles, not absolute ones

WAIVER_DECLARATIONS = [
    Rule(**with_source(dict(
         id="waiver-expired", severity="error", kind="waiver", title=N_("Waivers have not expired"), cites=WAIVERS,
         remedy=N_("Renew the waiver (a new decision with a new expiry date) or remove it and fix the finding."),
         messages={"expired": Message(N_("The waiver of {rule} for {names}, decided by {decided_by}, expired on "
                                      "{expires}."))},
         cypher=None, parameters=()))),
    Rule(**with_source(dict(
         id="waiver-unused", severity="info", kind="waiver", title=N_("Waivers still match a finding"), cites=WAIVERS,
         remedy=N_("Remove the waiver: what it accepted is no longer found."),
         messages={"unused": Message(N_("The waiver of {rule} for {names}, decided by {decided_by}, matches no "
                                     "finding on {as_of}."))},
         cypher=None, parameters=()))),
]

RULES: list[Rule] = [*composition.RULES, *authority.RULES, *structure.RULES, *WAIVER_DECLARATIONS]

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
