"""The planners' results as text for people (Swedish), and the matrix as CSV.

Every user-facing phrase is in :data:`TEXT`, one place, ready to move into a message catalog.  Names
are the data's; ids follow in parentheses where a reader needs them to run the next command.

>>> print(TEXT["vacant"])
vakant
"""

from __future__ import annotations

import csv
import io
from typing import Any

from orgraph.output.text import table

__all__ = ["TEXT", "diff_text", "impact_text", "matrix_text", "matrix_csv", "overload_csv", "summary_text"]

#: Every phrase these formatters print, Swedish first (the catalog's keys).
TEXT: dict[str, str] = {
    "vacant": "vakant",
    "region": "Regionen som helhet",
    "none": "inga",
    "diff.dates": "Ändringar i modellen mellan {before} och {after}: {count}",
    "diff.versions": "Ändringar i modellen från {before} till {after}: {count}",
    "diff.nothing": "Inga ändringar.",
    "diff.filled": "tillsatt",
    "diff.vacated": "vakant",
    "diff.changed": "ny innehavare",
    "diff.began": "börjar",
    "diff.ended": "upphör",
    "diff.renamed": "nytt namn",
    "diff.added": "tillagd",
    "diff.removed": "borttagen",
    "diff.modified": "ändrad",
    "diff.posts": "Uppdrag",
    "diff.nodes": "Noder",
    "diff.relations": "Relationer",
    "diff.citation": "källa",
    "impact.heading": "Konsekvenser den {as_of} om {names} lämnar",
    "impact.posts": "Uppdrag som lämnas",
    "impact.becomes_vacant": "blir vakant",
    "impact.stays_held": "innehas fortfarande av {names}",
    "impact.routes": "Eskaleringsvägar som förlorar en innehavare",
    "impact.route": "{council} · {topic} · väg {route}: {path}",
    "impact.at_hop": "steg {hop}",
    "impact.decider": "beslutsfattare",
    "impact.loses": "{post} ({where}) förlorar {holders}",
    "impact.new": "Nya fynd",
    "impact.resolved": "Fynd som försvinner",
    "impact.bridges": "Enda länken mellan organ",
    "impact.bridge": "{person} är enda länken mellan: {groups}",
    "impact.no_bridge": "Ingen av dem är enda länken mellan två organ.",
    "impact.and_more": "och {count} till",
    "matrix.heading": "Förvaltningar × samordningsråd den {as_of}: deltagaruppdrag (innehavare)",
    "matrix.administration": "förvaltning",
    "matrix.unplaced": "Vakanta deltagaruppdrag utan förvaltning: {posts}",
    "overload.heading": "Personer med minst {min_posts} uppdrag den {as_of}",
    "overload.person": "person",
    "overload.posts": "uppdrag",
    "summary.heading": "Samordningsrådens läge den {as_of}",
    "summary.totals": "Öppna fynd: {error} fel, {warning} varningar, {info} info; {waived} undantagna",
    "summary.chair": "Ordförande",
    "summary.contact": "Kontaktperson",
    "summary.vacancies": "Vakanta uppdrag",
    "summary.mandate": "Uppdragshandling",
    "summary.undecided": "ej beslutad",
    "summary.old": "äldre än tillåtet",
    "summary.decided": "beslutad {decided}",
    "summary.findings": "Fynd: {error} fel, {warning} varningar, {info} info",
    "summary.region": "Regionen i övrigt",
}


def _t(key: str, **fields: Any) -> str:
    return TEXT[key].format(**fields)


def _who(ref: Any) -> str:
    return f"{ref.name} ({ref.id})"


def _names(refs: Any, limit: int | None = None) -> str:
    refs = list(refs)
    if not refs:
        return TEXT["none"]
    shown = [r.name for r in refs[:limit]] if limit else [r.name for r in refs]
    if limit and len(refs) > limit:
        shown.append(_t("impact.and_more", count=len(refs) - limit))
    return ", ".join(shown)


def _heading(text: str, underline: str = "=") -> list[str]:
    return ["", text, underline * len(text)]


# --- diff ----------------------------------------------------------------------------------------


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return " § ".join(str(v) for v in value.values() if v)
    return str(value)


def _changes(changed: dict[str, Any], citation: Any) -> list[str]:
    lines = [f"      {key}: {_value(c.old)} → {_value(c.new)}" for key, c in changed.items()]
    if citation is not None:
        lines.append(f"      {TEXT['diff.citation']}: {_value(citation.old)} → {_value(citation.new)}")
    return lines


def diff_text(found: Any) -> str:
    """A :class:`~orgraph.planning.diff.Diff` grouped by council, one line per change."""
    lines = [_t(f"diff.{found.kind}", before=found.before, after=found.after, count=found.changes)]
    if not found.changes:
        return "\n".join(lines + [TEXT["diff.nothing"]])
    for group in found.councils:
        lines += _heading(_who(group.council) if group.council else TEXT["region"])
        if group.posts:
            lines.append(TEXT["diff.posts"])
            for p in group.posts:
                lines.append(f"  - {_who(p.post)}: {TEXT['diff.' + p.change]}: "
                             f"{_names(p.before)} → {_names(p.after)}")
        if group.nodes:
            lines.append(TEXT["diff.nodes"])
            for n in group.nodes:
                change = "modified" if n.change == "changed" else n.change
                lines.append(f"  - {TEXT['diff.' + change]}: {n.kind} {_who(n.node)}")
                lines += _changes(n.properties, n.citation)
        if group.relations:
            lines.append(TEXT["diff.relations"])
            for r in group.relations:
                change = "modified" if r.change == "changed" else r.change
                topic = f" [{r.topic}]" if r.topic else ""
                lines.append(f"  - {TEXT['diff.' + change]}: {r.source.name} —{r.type}{topic}→ {r.target.name}")
                lines += _changes(r.changed, r.citation)
    return "\n".join(lines)


# --- impact --------------------------------------------------------------------------------------


def impact_text(found: Any) -> str:
    """An :class:`~orgraph.planning.impact.Impact`: posts left, routes hit, findings, bridges."""
    lines = [_t("impact.heading", as_of=found.as_of, names=_names(found.vacate))]
    lines += _heading(TEXT["impact.posts"], "-")
    for p in found.posts:
        state = TEXT["impact.becomes_vacant"] if p.vacant else _t("impact.stays_held", names=_names(p.staying))
        council = f" · {p.council.name}" if p.council else ""
        lines.append(f"  - {_who(p.post)}{council}: {_names(p.leaving)} → {state}")
    lines += _heading(TEXT["impact.routes"], "-")
    for r in found.routes or ():
        lines.append("  - " + _t("impact.route", council=r.council.name, topic=r.topic, route=r.route,
                                 path=" → ".join(r.path)))
        for loss in r.losses:
            where = TEXT["impact.decider"] if loss.decider else _t("impact.at_hop", hop=loss.hop)
            lines.append("      " + _t("impact.loses", post=loss.post.name, where=where,
                                       holders=_names(loss.holders)))
    if not found.routes:
        lines.append(f"  {TEXT['none']}")
    for key, findings in (("impact.new", found.new_findings), ("impact.resolved", found.resolved_findings)):
        lines += _heading(f"{TEXT[key]} ({len(findings)})", "-")
        lines += [f"  - [{f['severity']}] {f['message']}  ({f['rule']})" for f in findings] or [f"  {TEXT['none']}"]
    lines += _heading(TEXT["impact.bridges"], "-")
    for b in found.bridges:
        groups = " | ".join(_names(group, limit=6) for group in b.separates)
        lines.append("  - " + _t("impact.bridge", person=_who(b.person), groups=groups))
    if not found.bridges:
        lines.append("  " + TEXT["impact.no_bridge"])
    return "\n".join(lines)


# --- matrix --------------------------------------------------------------------------------------


def _matrix_rows(found: Any) -> list[dict[str, Any]]:
    rows = []
    for administration in found.administrations:
        row: dict[str, Any] = {TEXT["matrix.administration"]: administration.name}
        for council in found.councils:
            cell = found.cell(administration.id, council.id)
            row[council.id] = f"{cell.posts} ({_names(cell.holders)})" if cell.posts else ""
        rows.append(row)
    return rows


def matrix_text(found: tuple[Any, Any]) -> str:
    """Both tables of ``orgraph matrix``: administrations × councils, then people × bodies."""
    representation, overload = found
    columns = [TEXT["matrix.administration"], *(c.id for c in representation.councils)]
    lines = [_t("matrix.heading", as_of=representation.as_of), "", table(_matrix_rows(representation), columns)]
    for council, posts in representation.unplaced.items():
        lines.append(f"{council}: " + _t("matrix.unplaced", posts=", ".join(posts)))
    lines += ["", _t("overload.heading", min_posts=overload.min_posts, as_of=overload.as_of), ""]
    rows = [{TEXT["overload.person"]: r.person.name, TEXT["overload.posts"]: str(r.posts),
             **{b: ", ".join(p.name for p in posts) for b, posts in r.bodies.items()}} for r in overload.people]
    lines.append(table(rows, [TEXT["overload.person"], TEXT["overload.posts"], *(b.id for b in overload.bodies)]))
    return "\n".join(lines)


def matrix_csv(representation: Any) -> str:
    """Administrations × councils as CSV: per council a column of counts and one of holders (``; ``-joined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["administration_id", "administration", *(f for c in representation.councils
                                                              for f in (c.id, f"{c.id} holders"))])
    for administration in representation.administrations:
        cells = [representation.cell(administration.id, c.id) for c in representation.councils]
        writer.writerow([administration.id, administration.name,
                         *(f for cell in cells for f in (cell.posts, "; ".join(h.name for h in cell.holders)))])
    return out.getvalue()


def overload_csv(overload: Any) -> str:
    """People × bodies as CSV: the person, their number of posts, and per body the posts (``; ``-joined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["person_id", "person", "posts", *(b.id for b in overload.bodies)])
    for row in overload.people:
        writer.writerow([row.person.id, row.person.name, row.posts,
                         *("; ".join(p.name for p in row.bodies.get(b.id, ())) for b in overload.bodies)])
    return out.getvalue()


# --- summary -------------------------------------------------------------------------------------


def _seat(seat: Any) -> str:
    if seat.holder is None:
        return f"{seat.post.name} ({TEXT['vacant']})"
    where = f", {seat.administration.name}" if seat.administration else ""
    return f"{seat.holder.name}{where}"


def summary_text(found: Any) -> str:
    """A :class:`~orgraph.planning.summary.Summary` as one page."""
    lines = [_t("summary.heading", as_of=found.as_of), _t("summary.totals", **found.totals)]
    for state in found.councils:
        lines += _heading(_who(state.council))
        lines += [f"{TEXT['summary.chair']}: {'; '.join(map(_seat, state.chairs)) or TEXT['none']}",
                  f"{TEXT['summary.contact']}: {'; '.join(map(_seat, state.contacts)) or TEXT['none']}",
                  f"{TEXT['summary.vacancies']}: {_names(state.vacancies)}"]
        for m in state.mandates:
            flags = [TEXT["summary.undecided"]] * m.undecided + [TEXT["summary.old"]] * m.old
            decided = _t("summary.decided", decided=m.decided) if m.decided else ""
            details = ", ".join(x for x in (m.number, str(m.date or ""), decided, *flags) if x)
            lines.append(f"{TEXT['summary.mandate']}: {m.document.name} ({details})")
        lines.append(_t("summary.findings", **state.counts))
        lines += [f"  - [{f['severity']}] {f['message']}" for f in state.findings if f["severity"] != "info"]
    lines += _heading(TEXT["summary.region"])
    lines.append(f"{TEXT['summary.vacancies']}: {_names(found.vacancies)}")
    lines.append(_t("summary.findings", **found.counts))
    lines += [f"  - [{f['severity']}] {f['message']}" for f in found.findings if f["severity"] != "info"]
    return "\n".join(lines)
