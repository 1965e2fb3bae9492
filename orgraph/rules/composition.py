"""Rules on how a council is composed: chair, contact person, participants, adjuncts, meetings, coordinator.

Also the process teams a council leads, which report to it.

>>> [rule.id for rule in RULES][:3]
['council-one-chair', 'chair-appointed-by-leadership-group', 'council-one-contact-person']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from itertools import product
from typing import Any

from orgraph.i18n import N_
from orgraph.rules.base import GROUP_HEAD_OFFICE, MEETINGS_ALLOWED, Hit, Message, Options, Rule
from orgraph.rules.citations import Citation
from orgraph.rules.context import Context
from orgraph.rules.declare import BFM, HUVUDPRINCIP, KONTAKTPERSON, ORDFORANDE, ORTOPEDI, both, declarer
from orgraph.rules.texts import ADJUNCTS_LIMITED_IN, MEETINGS_ADAPTABLE_IN, READ
from orgraph.vocabulary import Kind, Rel, Role

__all__ = ["RULES"]

RULES: list[Rule] = []
rule = declarer(RULES)


# --- Chair and contact person ---------------------------------------------------------------


def _exactly_one(ctx: Context, role: str) -> Iterator[Hit]:
    for council in ctx.of_kind(Kind.COUNCIL):
        posts = ctx.posts_of(council, role)
        if not posts:
            yield Hit("none", (council,), council)
        elif len(posts) > 1:
            yield Hit("several", (council, *posts), council)


@rule(id="council-one-chair", severity="error", kind="stated", title=N_("Every council has exactly one chair"),
      cites=ORDFORANDE,
      remedy=N_("Give the council exactly one post with role `chair` (POST_OF the council); merge or remove the "
             "others."),
      messages={"none": Message(N_("{council} has no chair post.")),
                "several": Message(N_("{council} has {n} chair posts ({from1}); it must have exactly one."))})
def council_one_chair(ctx: Context) -> Iterator[Hit]:
    yield from _exactly_one(ctx, Role.CHAIR)


@rule(id="chair-appointed-by-leadership-group", severity="error", kind="stated",
      title=N_("The chair is appointed by the leadership group"), cites=ORDFORANDE,
      remedy=N_("Record the appointment: `{from: <the leadership group>, type: APPOINTS, to: <the chair post>}`, "
             "citing the routine RS 2019-03137-40."),
      messages={"not-appointed": Message(N_("{f0} is not appointed by the leadership group (no APPOINTS from a "
                                         "LeadershipGroup)."))})
def chair_appointed_by_leadership_group(ctx: Context) -> Iterator[Hit]:
    for council, post in ctx.council_posts(Role.CHAIR):
        if not ctx.into(post, Rel.APPOINTS, Kind.LEADERSHIP_GROUP):
            yield Hit("not-appointed", (post,), council)


@rule(id="council-one-contact-person", severity="error", kind="stated",
      title=N_("Every council has exactly one contact person"), cites=KONTAKTPERSON,
      remedy=N_("Give the council exactly one post with role `contact-person` (POST_OF the council); merge or "
             "remove the others."),
      messages={"none": Message(N_("{council} has no contact-person post.")),
                "several": Message(N_("{council} has {n} contact-person posts ({from1}); it must have exactly "
                                   "one."))})
def council_one_contact_person(ctx: Context) -> Iterator[Hit]:
    yield from _exactly_one(ctx, Role.CONTACT_PERSON)


def _in_leadership_group(ctx: Context, person: str, besides: str) -> bool:
    """True when ``person`` holds a post other than ``besides`` that is a post (or member) of a leadership group."""
    return any(ctx.out(post, Rel.POST_OF, Kind.LEADERSHIP_GROUP) or ctx.out(post, Rel.MEMBER_OF, Kind.LEADERSHIP_GROUP)
               for post in ctx.out(person, Rel.HOLDS, Kind.POST) if post != besides)


@rule(id="contact-person-in-leadership-group", severity="error", kind="stated",
      title=N_("The contact person is a member of the leadership group"), cites=KONTAKTPERSON,
      remedy=N_("Choose the contact person among the leadership group's members, or record their seat: a post "
             "POST_OF the LeadershipGroup that they hold."),
      messages={"vacant": Message(N_("Cannot tell whether the contact person of {council} is a member of the "
                                  "leadership group: {f0} is vacant."), "info"),
                "not-member": Message(N_("{f1}, contact person of {council}, holds no post in the leadership "
                                      "group."))})
def contact_person_in_leadership_group(ctx: Context) -> Iterator[Hit]:
    for council, post in ctx.council_posts(Role.CONTACT_PERSON):
        holders = ctx.holders(post)
        if not holders:
            yield Hit("vacant", (post,), council)
        for person in holders:
            if not _in_leadership_group(ctx, person, post):
                yield Hit("not-member", (post, person), council)


@rule(id="chair-contact-different-administrations", severity="error", kind="stated",
      title=N_("The chair and the contact person come from different administrations"), cites=HUVUDPRINCIP,
      remedy=N_("It is the main principle, not an absolute rule: appoint a chair or contact person from another "
             "administration, or record the exception in a waiver."),
      messages={"vacant": Message(N_("Cannot tell whether the chair and the contact person of {council} come from "
                                  "different administrations: vacant: {names}."), "info"),
                "unknown-administration": Message(
                    N_("Cannot tell whether the chair and the contact person of {council} come from different "
                    "administrations: {f1} ({f0}) works in no administration on {as_of}."), "info"),
                "same": Message(N_("{f1} (chair) and {f3} (contact person) of {council} both come from {f4}; the "
                                "main principle is that they come from different administrations."))})
def chair_contact_different_administrations(ctx: Context) -> Iterator[Hit]:
    for council in ctx.of_kind(Kind.COUNCIL):
        for chair, contact in product(ctx.posts_of(council, Role.CHAIR), ctx.posts_of(council, Role.CONTACT_PERSON)):
            vacant = tuple(post for post in (chair, contact) if not ctx.holders(post))
            if vacant:
                yield Hit("vacant", vacant, council)
                continue
            for chair_holder, contact_holder in product(ctx.holders(chair), ctx.holders(contact)):
                known = True
                for post, person in ((chair, chair_holder), (contact, contact_holder)):
                    if not ctx.employers(person):
                        known = False
                        yield Hit("unknown-administration", (post, person), council)
                if known:
                    for shared in sorted(set(ctx.employers(chair_holder)) & set(ctx.employers(contact_holder))):
                        yield Hit("same", (chair, chair_holder, contact, contact_holder, shared), council)


@rule(id="chair-contact-different-people", severity="error", kind="structural",
      title=N_("One person is not both chair and contact person of a council"), cites=HUVUDPRINCIP,
      remedy=N_("Appoint another contact person (from the leadership group) or another chair."),
      messages={"same-person": Message(N_("{f2} is both chair and contact person of {council}."))})
def chair_contact_different_people(ctx: Context) -> Iterator[Hit]:
    for council in ctx.of_kind(Kind.COUNCIL):
        for chair, contact in product(ctx.posts_of(council, Role.CHAIR), ctx.posts_of(council, Role.CONTACT_PERSON)):
            for person in sorted(set(ctx.holders(chair)) & set(ctx.holders(contact))):
                yield Hit("same-person", (chair, contact, person), council)


# --- Participants, adjuncts, meetings, coordinator, process teams ---------------------------------


def _is_generic_head(ctx: Context, post: str) -> bool:
    """A head post of no particular administration: the documents' "respektive förvaltningschef"."""
    return not ctx.out(post, Rel.POST_OF, Kind.ADMINISTRATION)


@rule(id="participants-appointed-by-own-head", severity="error", kind="stated",
      title=N_("Participants are appointed by the head of the administration they represent"),
      cites=both("Uppdragsbeskrivning", "Gruppen består av representanter som utsetts av respektive förvaltningschef"),
      remedy=N_("Let the head of the administration the participant represents appoint them: `{from: <head post>, "
             "type: APPOINTS, to: <participant post>}`; add the REPRESENTS it lacks."),
      messages={"no-head": Message(N_("{f0} is not appointed by any head of administration (förvaltningschef).")),
                "wrong-head": Message(N_("{f0} represents {f1} but is not appointed by the head of {f1}.")),
                "unevaluable": Message(N_("Cannot tell whether {f0} is appointed by the head of the administration "
                                       "it represents: it represents none (no REPRESENTS)."), "info")})
def participants_appointed_by_own_head(ctx: Context) -> Iterator[Hit]:
    for council, post in ctx.council_posts(Role.MEMBER):
        heads = [p for p in ctx.into(post, Rel.APPOINTS, Kind.POST) if ctx.role(p) == Role.HEAD]
        if not heads:
            yield Hit("no-head", (post,), council)
            continue
        generic = any(_is_generic_head(ctx, head) for head in heads)
        represented = ctx.out(post, Rel.REPRESENTS, Kind.ADMINISTRATION)
        if not represented and not generic:
            yield Hit("unevaluable", (post,), council)
        for administration in represented:
            if not generic and not any(administration in ctx.out(head, Rel.POST_OF, Kind.ADMINISTRATION)
                                       for head in heads):
                yield Hit("wrong-head", (post, administration), council)


def _mandates(ctx: Context, council: str) -> list[str]:
    return ctx.out(council, Rel.HAS_MANDATE, Kind.DOCUMENT)


def _adjuncts_limited(ctx: Context, council: str) -> bool:
    """True when the council's own text limits adjuncts; for a text the rules have not read, when the
    council records a limit of its own (``adjunct_limit``)."""
    mandates = _mandates(ctx, council)
    if any(document in ADJUNCTS_LIMITED_IN for document in mandates):
        return True
    own = ctx.props(council).get("adjunct_limit")
    return own is not None and not any(document in READ for document in mandates)


def _adjunct_limit(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
                   options: Options) -> dict[str, Any]:
    own = (lookup(focus[0]) or {}).get("adjunct_limit")
    return {"limit": own if own is not None else options.max_adjuncts,
            "whose": options.translate(N_("the limit the council has set (adjunct_limit)") if own is not None
                                       else N_("the limit set as policy (--max-adjuncts)"))}


@rule(id="adjunct-limit", severity="warning", kind="stated",
      title=N_("Adjunct participants are limited in number, where the council's text limits them"),
      cites=(Citation(BFM, "Arbetsorganisation", "Samordningsrådet kan besluta om ett begränsat antal "
                                                 "adjungerade deltagare."),),
      parameters=("as_of", "max_adjuncts", "adjunct_documents", "read_documents"), extra=_adjunct_limit,
      remedy=N_("The text lets the council decide on a limited number of adjuncts and states no number: record "
             "the number the council has decided as its `adjunct_limit`, or set one as policy with "
             "--max-adjuncts N; then end the adjunct holdings over it."),
      messages={"over": Message(N_("{council} has {n} adjunct participants ({from1}); {whose} is {limit}.")),
                "no-number": Message(N_("Cannot count the adjunct participants of {council} against a limit: its "
                                     "mandate limits them (\"ett begränsat antal\") but states no number, and "
                                     "no number is set (the council's adjunct_limit, or --max-adjuncts N)."),
                                     "info")})
def adjunct_limit(ctx: Context) -> Iterator[Hit]:
    for council in ctx.of_kind(Kind.COUNCIL):
        if not _adjuncts_limited(ctx, council):
            continue  # the council's own text sets no limit (the 2024 text): nothing to check
        own = ctx.props(council).get("adjunct_limit")
        limit = own if own is not None else ctx.options.max_adjuncts
        people = sorted({person for post in ctx.posts_of(council, Role.ADJUNCT) for person in ctx.holders(post)})
        if limit is None:
            yield Hit("no-number", (council,), council)
        elif len(people) > limit:
            yield Hit("over", (council, *people), council)


def _meetings(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
              options: Options) -> dict[str, Any]:
    council = lookup(focus[0]) or {}
    return {"low": council.get("meetings_min"), "high": council.get("meetings_max"),
            "allowed_low": MEETINGS_ALLOWED[0], "allowed_high": MEETINGS_ALLOWED[1]}


@rule(id="meeting-frequency", severity="error", kind="stated", title=N_("A council meets 4 to 8 times a year"),
      cites=(Citation(BFM, "Arbetsorganisation", "Mötesfrekvens: 4 till maximalt 8 ggr/år."),
             Citation(BFM, "Arbetsorganisation", "Mötesfrekvensen kan anpassas utifrån behoven i aktuellt "
                                                 "samordningsråd i dialog med kontaktperson."),
             Citation(ORTOPEDI, "Arbetsorganisation", "Mötesfrekvens: 4 – 8 ggr/år")),
      parameters=("as_of", "meetings_min", "meetings_max", "adaptable_documents"), extra=_meetings,
      remedy=N_("Set the council's meetings_min and meetings_max within 4 to 8, as its mandate says; where the "
             "mandate lets the frequency be adapted in dialogue with the contact person and it has been, "
             "record that decision as a waiver."),
      messages={"outside": Message(N_("{council} meets {low} to {high} times a year; its mandate says "
                                   "{allowed_low} to {allowed_high}.")),
                "outside-adaptable": Message(
                    N_("{council} meets {low} to {high} times a year; its mandate says {allowed_low} to at most "
                    "{allowed_high}, and that the frequency can be adapted to the council's needs in dialogue "
                    "with the contact person (\"i dialog med kontaktperson\").")),
                "unknown": Message(N_("Cannot tell how often {council} meets: meetings_min or meetings_max is "
                                   "not set."), "info")})
def meeting_frequency(ctx: Context) -> Iterator[Hit]:
    low, high = MEETINGS_ALLOWED
    for council in ctx.of_kind(Kind.COUNCIL):
        data = ctx.props(council)
        lowest, highest = data.get("meetings_min"), data.get("meetings_max")
        if lowest is None or highest is None:
            yield Hit("unknown", (council,), council)
        elif lowest < low or highest > high or lowest > highest:
            adaptable = any(document in MEETINGS_ADAPTABLE_IN for document in _mandates(ctx, council))
            yield Hit("outside-adaptable" if adaptable else "outside", (council,), council)


def _office(focus: tuple[str, ...], lookup: Callable[[str], dict | None], day: dt.date,
            options: Options) -> dict[str, Any]:
    office = (lookup(focus[0]) or {}).get(GROUP_HEAD_OFFICE) if focus else None
    why = (f"its Group Head Office, {office}, is no administration on {day.isoformat()}"
           if office else f"it names no Group Head Office ({GROUP_HEAD_OFFICE})")
    return {"why": why}


@rule(id="coordinator-from-group-head-office", severity="error", kind="stated",
      title=N_("Every council has a coordinator from the Group Head Office"),
      cites=both("Arbetsorganisation", "tillhandahåller Koncernkontoret koordinator till varje samordningsråd",
                 "tillhandahåller Koncernkontoret koordinatör till varje samordningsråd"),
      extra=_office,
      remedy=N_("Give the council a post with role `coordinator`, provided by the Group Head Office of its region "
                "(the region's `group_head_office`: `{from: <the office>, type: PROVIDES, to: <the post>}`) and held "
                "by someone who works there."),
      messages={"missing": Message(N_("{council} has no coordinator post.")),
                "not-provided": Message(N_("{f0} is not provided by {f1} (no PROVIDES).")),
                "elsewhere": Message(N_("{f1}, {f0}, works in {from3}, not in {f2}.")),
                "unknown": Message(N_("Cannot tell whether {f1}, {f0}, comes from {f2}: they work in no "
                                      "administration on {as_of}."), "info"),
                "no-office": Message(N_("Cannot tell where the coordinators in {f0} come from: {why}."), "info"),
                "no-region": Message(N_("Cannot tell where the coordinator of {council} comes from: the council is "
                                        "part of no region (no PART_OF a Region)."), "info")})
def coordinator_from_group_head_office(ctx: Context) -> Iterator[Hit]:
    offices, unnamed = ctx.offices(GROUP_HEAD_OFFICE, Kind.ADMINISTRATION)
    for region in unnamed:
        yield Hit("no-office", (region,))
    for council in ctx.of_kind(Kind.COUNCIL):
        posts = ctx.posts_of(council, Role.COORDINATOR)
        regions = ctx.regions_of(council)
        if not posts:
            yield Hit("missing", (council,), council)
        elif not regions:
            yield Hit("no-region", (council,), council)
        own = sorted({offices[region] for region in regions if region in offices})
        for post, office in product(posts, own):
            if office not in ctx.into(post, Rel.PROVIDES):
                yield Hit("not-provided", (post, office), council)
            for person in ctx.holders(post):
                employers = ctx.employers(person)
                if not employers:
                    yield Hit("unknown", (post, person, office), council)
                elif office not in employers:
                    yield Hit("elsewhere", (post, person, office, *employers), council)


@rule(id="process-team-reports-to-council", severity="error", kind="stated",
      title=N_("Regional process teams report to a council"),
      cites=both("Arbetsorganisation", "Regionala processteam inom kunskapsstyrningen rapporterar till "
                                       "samordningsrådet."),
      remedy=N_("Add `{from: <the process team>, type: REPORTS_TO, to: <the council that leads it>}`."),
      messages={"unreported": Message(N_("{f0} reports to no council (no REPORTS_TO a Council)."))})
def process_team_reports_to_council(ctx: Context) -> Iterator[Hit]:
    for team in ctx.of_kind(Kind.PROCESS_TEAM):
        if not ctx.out(team, Rel.REPORTS_TO, Kind.COUNCIL):
            leaders = ctx.into(team, Rel.LEADS, Kind.COUNCIL)
            yield Hit("unreported", (team,), leaders[0] if leaders else None)
