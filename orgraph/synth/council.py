"""One coordination council of a synthetic region, as a council file, with its deliberate violation if any.

>>> import random
>>> from orgraph.synth.region import write_region
>>> from orgraph.synth.spec import SynthSpec
>>> from orgraph.synth.writing import People, YamlFile
>>> people = People("r01", random.Random(0))
>>> context = write_region(SynthSpec(1, 1), "r01", YamlFile("regions/r01.yaml", ""), people, random.Random(0), 1)
>>> out = YamlFile("councils/r01-sr-ortopedi.yaml", "")
>>> found = write_council("r01", "r01-sr-ortopedi", "ortopedi", 0, out, people, context, random.Random(0),
...                       "chair-vacant")
>>> found["nodes"], [f["rule"] for f in found["findings"]]
(['r01-sr-ortopedi-ordforande'], ['vacant-post', 'chair-contact-different-administrations'])
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from orgraph.synth.region import RegionContext
from orgraph.synth.spec import GROUP_HEAD_OFFICE, VIOLATIONS
from orgraph.synth.writing import People, YamlFile, cite, some_day

__all__ = ["write_council"]

def write_council(region: str, council: str, area: str, index: int, out: YamlFile, people: People, ctx: RegionContext,
             rng: random.Random, broken: str | None) -> dict[str, Any] | None:
    r = region
    mandate = f"{r}-uh-{council.removeprefix(f'{r}-sr-')}"
    date = some_day(rng, dt.date(2024, 1, 1), dt.date(2024, 11, 30))  # decided by the reference day, not old
    undecided = broken == "mandate-undecided"
    out.node(mandate, "Document", f"Uppdragshandling för samordningsråd {area}", number=f"RS {date.year}-{784 + index:05d}",
             date=date, decided=None if undecided else date + dt.timedelta(days=rng.randrange(1, 30)))
    if not undecided:
        out.rel(f"{r}-hs-direktor", "DECIDED", mandate, source=cite(mandate, "handling"))
    for document in ("rutin-ordforande", "uppdrag-kontaktperson", "beslutsmandat-regionala-rutiner",
                     "rutin-koncernovergripande-grupper"):
        out.rel(mandate, "REFERENCES", f"{r}-{document}", source=cite(mandate, "uh"))
    meetings_max = 12 if broken == "meetings-out-of-range" else 8
    out.node(council, "Council", f"Samordningsråd {area}", name_en=f"Coordination council ({area})", meetings_min=4,
             meetings_max=meetings_max, adjunct_limit=3, props={"area": f"Verksamhet {area}"},
             source=cite(mandate, "handling"))
    chair = out.node(f"{council}-ordforande", "Post", f"Ordförande, samordningsråd {area}", role="chair",
                     source=cite(mandate, "uh"))
    contact = out.node(f"{council}-kontaktperson", "Post", f"Kontaktperson, samordningsråd {area}",
                       role="contact-person", source=cite(mandate, "rapport"))
    coordinator = out.node(f"{council}-koordinator", "Post", f"Koordinator, samordningsråd {area}", role="coordinator",
                           source=cite(mandate, "uh"))
    adjuncts = out.node(f"{council}-adjungerade", "Post", f"Adjungerade deltagare, samordningsråd {area}",
                        role="adjunct", source=cite(mandate, "uh"))
    team = out.node(f"{council}-processteam", "ProcessTeam", f"Regionalt processteam, {area}",
                    source=cite(mandate, "uh"))
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
        out.rel(source, rel_type, target, reason=reason, source=cite(mandate, section))
    for source, rel_type, target, topic in routes:
        out.rel(source, rel_type, target, topic=topic, reason="Beslutsordning enligt uppdragshandlingen.",
                source=cite(mandate, "beslut"))
    if rng.random() < 0.5:
        subgroup = out.node(f"{council}-undergrupp", "Subgroup", f"Undergrupp, samordningsråd {area}")
        out.rel(subgroup, "PART_OF", council, source=cite(mandate, "uh"))
        out.rel(subgroup, "REPORTS_TO", council, source=cite(mandate, "uh"))

    # Participants: one post per administration taking part (never the Group Head Office).
    line_admins = ctx.admins[:-1]
    taking_part = sorted(rng.sample(line_admins, rng.randint(4, min(7, len(line_admins)))), key=line_admins.index)
    start = some_day(rng, dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    for admin in taking_part:
        post = out.node(f"{council}-deltagare-{admin.removeprefix(f'{r}-')}", "Post",
                        f"Deltagare, samordningsråd {area}", role="member", source=cite(mandate, "uh"))
        head = ctx.heads[admin]
        out.rel(post, "POST_OF", council, source=cite(mandate, "uh"))
        out.rel(post, "REPRESENTS", admin, reason="Deltagaren representerar sin förvaltning.", source=cite(mandate, "uh"))
        out.rel(head, "APPOINTS", post, reason="Deltagarna utses av respektive förvaltningschef.",
                source=cite(mandate, "uh"))
        out.rel(post, "REPORTS_TO", head, reason="Deltagarna rapporterar i sin ordinarie linjestruktur.",
                source=cite(mandate, "rapport"))
        out.rel(post, "ESCALATES_TO", head, topic="outside-mandate", reason="Frågan eskaleras inom förvaltningen.",
                source=cite(mandate, "beslut"))
        out.rel(post, "ESCALATES_TO", f"{r}-koncernovergripande-grupp", topic="outside-mandate",
                reason="Eller lyfts till berörd koncernövergripande grupp.", source=cite(mandate, "beslut"))
        person = people.new(out, admin, some_day(rng, dt.date(2000, 1, 1), start), f"deltagare, {area}")
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
            change = some_day(rng, start + dt.timedelta(days=30), dt.date(2024, 6, 30))
            first = people.new(out, rng.choice(others), some_day(rng, dt.date(2000, 1, 1), start), f"ordförande, {area}")
            out.hold(first, chair, start, change - dt.timedelta(days=1))
            second = people.new(out, chair_admin(), some_day(rng, dt.date(2000, 1, 1), change), f"ordförande, {area}")
            out.hold(second, chair, change)
        else:
            out.hold(people.new(out, chair_admin(), some_day(rng, dt.date(2000, 1, 1), start), f"ordförande, {area}"),
                     chair, start)
    coordinator_admin = rng.choice(line_admins) if broken == "coordinator-not-from-group-head-office" else kk
    out.hold(people.new(out, coordinator_admin, some_day(rng, dt.date(2000, 1, 1), start), f"koordinator, {area}"),
             coordinator, start)
    for _ in range(5 if broken == "adjuncts-over-limit" else rng.randint(1, 3)):
        adjunct = people.new(out, rng.choice(ctx.admins), some_day(rng, dt.date(2000, 1, 1), start), f"adjungerad, {area}")
        out.hold(adjunct, adjuncts, some_day(rng, start, dt.date(2024, 12, 31)))
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
