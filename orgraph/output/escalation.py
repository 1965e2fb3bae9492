"""Escalation routes and reporting lines as text for people: one line per hop, as sentences.

Names are the data's (Swedish) names; the sentences are in ``lang`` (Swedish first, English with
``--lang en``); a vacant post is marked ``(vakant)`` / ``(vacant)``.

>>> who("Ordförande", "Post", None, None)
'Ordförande (vakant)'
>>> who("Ordförande", "Post", None, None, gettext("en"))
'Ordförande (vacant)'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgraph.i18n import N_, current, gettext
from orgraph.output.text import citation
from orgraph.vocabulary import Basis, Kind

__all__ = ["escalation_text", "reporting_text", "who"]

VACANT = N_("vacant")
#: The mark of a hop or decider the model infers (the texts do not state it): ``härlett`` / ``inferred``.
INFERRED = N_("inferred")

Translate = Callable[[str], str]


def _inferred(item: Any, _: Translate, indent: str = "   ") -> list[str]:
    """The line that marks an inferred hop or decider, with the model's rationale."""
    if getattr(item, "basis", None) != Basis.INFERRED:
        return []
    return [f"{indent}({_(INFERRED)}{': ' + item.rationale if item.rationale else ''})"]


def _cite(source: Any) -> str:
    """``RS 2024-00784 (2024-05-21) § Beslutsfattande (uh-ortopedi-2024-beslutsfattande-5)``: as
    :func:`orgraph.output.text.citation` writes it, and the clause cited."""
    if source is None:
        return ""
    document = {"number": source.number, "date": source.date, "name": source.document}
    props = {"source_document": source.document, "source_section": source.section}
    clause = f" ({source.clause})" if getattr(source, "clause", None) else ""
    return citation(props, lambda _: document) + clause


def who(name: str, kind: str, holder: Any, administration: Any, _: Translate | None = None) -> str:
    """A post with its holder and administration, ``(vakant)`` when nobody holds it; a body by name."""
    if kind == Kind.POST:
        if holder is None:
            return f"{name} ({(_ or gettext('sv'))(VACANT)})"
        return f"{name} ({holder.name}{', ' + administration.name if administration else ''})"
    return name


def _explained(reason: str | None, source: Any, indent: str = "   ") -> list[str]:
    cite = _cite(source)
    text = " ".join(part for part in (reason or "", f"[{cite}]" if cite else "") if part)
    return [indent + text] if text else []


def _hop_lines(hops: Any, _: Translate, show_type: bool = False) -> list[str]:
    lines = []
    for index, hop in enumerate(hops, 1):
        arrow = f" —{hop.type}→ " if show_type else " → "
        lines.append(f"{index}. {who(hop.from_name, hop.from_kind, hop.from_holder, hop.from_administration, _)}"
                     f"{arrow}{who(hop.to_name, hop.to_kind, hop.holder, hop.administration, _)}")
        lines += _explained(hop.reason, hop.source)
        lines += _inferred(hop, _)
    return lines


def _document(doc: Any) -> str:
    dated = f", {doc.date}" if doc.date else ""
    return f"{doc.id} ({doc.number or doc.name}{dated})"


def escalation_text(found: Any, lang: str | None = None) -> str:
    """The route(s) of an :class:`~orgraph.query.escalation.Escalation`, one line per hop, as sentences.

    ``lang`` is the language of the sentences (None: :func:`orgraph.i18n.current`); names are the data's.
    """
    _ = gettext(lang or current())
    start = found.start
    lines = [_(N_("{council}: {topic} ({topic_id}), as of {as_of}")).format(
        council=found.council.name, topic=found.topic.name, topic_id=found.topic.id, as_of=found.as_of)]
    raiser = who(start.name, start.kind, start.holder, start.administration, _)
    if not found.stated:
        return "\n".join(lines + _unstated(found, raiser, _))
    if found.decided_at_start:
        decider = found.routes[0].decider
        lines.append(_(N_("{raiser} holds the mandate and decides: no escalation.")).format(raiser=raiser))
        lines += _explained(decider.reason, decider.source)
        lines += _inferred(decider, _)
        return "\n".join(lines)
    count = len(found.routes)
    lines.append((_(N_("Raised by {raiser}; one route:")) if count == 1 else
                  _(N_("Raised by {raiser}; {count} alternative routes:"))).format(raiser=raiser, count=count))
    for number, route in enumerate(found.routes, 1):
        if count > 1:
            lines.append("\n" + _(N_("Alternative {number}:")).format(number=number))
        lines += _hop_lines(route.hops, _)
        if route.decider is None:
            lines.append(_(N_("The texts name nobody on this route who holds the mandate (--stated-only: "
                              "inferred hops left out).")) if getattr(found, "stated_only", False) else
                         _(N_("The data names nobody on this route who holds the mandate.")))
        else:
            decider = route.decider
            lines.append(_(N_("{decider} holds the mandate.")).format(
                decider=who(decider.name, decider.kind, decider.holder, decider.administration, _)))
            lines += _explained(decider.reason, decider.source)
            lines += _inferred(decider, _)
    if found.other_starts:
        lines.append("\n" + _(N_("The council's other posts of this role raise it too, each by its own route:")))
        lines += _starts(found.other_starts)
    return "\n".join(lines)


def _unstated(found: Any, raiser: str, _: Translate) -> list[str]:
    """The lines when the council's text states no route from the start: the mandate, and what others state."""
    mandate = ", ".join(_document(d) for d in found.mandate_documents) or _(N_("no mandate document in the data"))
    if found.other_starts:
        return [_(N_("No route stated from {raiser}. The council's mandate, {mandate}, states one from:")).format(
            raiser=raiser, mandate=mandate)] + _starts(found.other_starts)
    lines = [_(N_("No route stated: the council's mandate, {mandate}, names none for this topic.")).format(
        mandate=mandate)]
    if not found.other_texts:
        return lines + [_(N_("No other council's text states a route for this topic either."))]
    lines.append(_(N_("Other councils' texts state a route for this topic:")))
    for other in found.other_texts:
        documents = ", ".join(_document(d) for d in other.documents) or _(N_("its data"))
        ends = ", ".join(d.name for d in other.deciders) or _(N_("no decider"))
        lines.append("  - " + _(N_("{documents}, for {council}, routes it to {ends}")).format(
            documents=documents, council=other.council.name, ends=ends))
    return lines


def _starts(posts: Any) -> list[str]:
    return [f"  --from {post.id}  ({post.name})" for post in posts]


def reporting_text(found: Any, lang: str | None = None) -> str:
    """The line(s) upward of :class:`~orgraph.query.reporting.ReportingLines`, one line per step.

    ``lang`` is the language of the sentences (None: :func:`orgraph.i18n.current`); names are the data's.
    """
    _ = gettext(lang or current())
    start = found.start
    raiser = who(start.name, start.kind, start.holder, start.administration, _)
    if not found.lines:
        return _(N_("{who} holds no post on this date: no reporting line.")).format(who=raiser)
    if not any(found.lines):
        return _(N_("{who} is at the top: nothing above it.")).format(who=raiser)
    blocks = []
    for number, line in enumerate(found.lines, 1):
        heading = _(N_("Reporting line {number} of {count} from {who}:")).format(
            number=number, count=len(found.lines), who=raiser) if len(found.lines) > 1 else \
            _(N_("Reporting line from {who}:")).format(who=raiser)
        blocks.append("\n".join([heading] + _hop_lines(line, _, show_type=True)))
    return "\n\n".join(blocks)


