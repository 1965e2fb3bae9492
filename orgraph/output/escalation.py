"""Escalation routes and reporting lines as text for people: one line per hop, as sentences.

Names are the data's (Swedish) names; a vacant post is marked ``(vakant)``.

>>> who("Ordförande", "Post", None, None)
'Ordförande (vakant)'
"""

from __future__ import annotations

from typing import Any

from orgraph.i18n import N_, gettext
from orgraph.output.text import citation
from orgraph.vocabulary import Basis, Kind

__all__ = ["escalation_text", "reporting_text", "who"]

VACANT = "vakant"
#: The mark of a hop or decider the model infers (the texts do not state it), Swedish first.
INFERRED = N_("inferred")


def both(message: str) -> str:
    """A message in Swedish, then English: ``härlett / inferred``.

    >>> both(INFERRED)
    'härlett / inferred'
    """
    return f"{gettext('sv')(message)} / {gettext('en')(message)}"


def _inferred(item: Any, indent: str = "   ") -> list[str]:
    """The line that marks an inferred hop or decider, with the model's rationale."""
    if getattr(item, "basis", None) != Basis.INFERRED:
        return []
    return [f"{indent}({both(INFERRED)}{': ' + item.rationale if item.rationale else ''})"]



def _cite(source: Any) -> str:
    """``RS 2024-00784 (2024-05-21) § Beslutsfattande (uh-ortopedi-2024-beslutsfattande-5)``: as
    :func:`orgraph.output.text.citation` writes it, and the clause cited."""
    if source is None:
        return ""
    document = {"number": source.number, "date": source.date, "name": source.document}
    props = {"source_document": source.document, "source_section": source.section}
    clause = f" ({source.clause})" if getattr(source, "clause", None) else ""
    return citation(props, lambda _: document) + clause


def who(name: str, kind: str, holder: Any, administration: Any) -> str:
    """A post with its holder and administration, ``(vakant)`` when nobody holds it; a body by name."""
    if kind == Kind.POST:
        if holder is None:
            return f"{name} ({VACANT})"
        return f"{name} ({holder.name}{', ' + administration.name if administration else ''})"
    return name


def _explained(reason: str | None, source: Any, indent: str = "   ") -> list[str]:
    cite = _cite(source)
    text = " ".join(part for part in (reason or "", f"[{cite}]" if cite else "") if part)
    return [indent + text] if text else []


def _hop_lines(hops: Any, show_type: bool = False) -> list[str]:
    lines = []
    for index, hop in enumerate(hops, 1):
        arrow = f" —{hop.type}→ " if show_type else " → "
        lines.append(f"{index}. {who(hop.from_name, hop.from_kind, hop.from_holder, hop.from_administration)}"
                     f"{arrow}{who(hop.to_name, hop.to_kind, hop.holder, hop.administration)}")
        lines += _explained(hop.reason, hop.source)
        lines += _inferred(hop)
    return lines


def _document(doc: Any) -> str:
    dated = f", {doc.date}" if doc.date else ""
    return f"{doc.id} ({doc.number or doc.name}{dated})"


def escalation_text(found: Any) -> str:
    """The route(s) of an :class:`~orgraph.query.escalation.Escalation`, one line per hop, as sentences."""
    start = found.start
    lines = [f"{found.council.name}: {found.topic.name} ({found.topic.id}), as of {found.as_of}"]
    raiser = who(start.name, start.kind, start.holder, start.administration)
    if not found.stated:
        mandate = ", ".join(_document(d) for d in found.mandate_documents) or "no mandate document in the data"
        if found.other_starts:
            lines.append(f"No route stated from {raiser}. The council's mandate, {mandate}, states one from:")
            lines += _starts(found.other_starts)
            return "\n".join(lines)
        lines.append(f"No route stated: the council's mandate, {mandate}, names none for this topic.")
        if found.other_texts:
            lines.append("Other councils' texts state a route for this topic:")
            for other in found.other_texts:
                documents = ", ".join(_document(d) for d in other.documents) or "its data"
                ends = ", ".join(d.name for d in other.deciders) or "no decider"
                lines.append(f"  - {documents}, for {other.council.name}, routes it to {ends}")
        else:
            lines.append("No other council's text states a route for this topic either.")
        return "\n".join(lines)
    if found.decided_at_start:
        decider = found.routes[0].decider
        lines.append(f"{raiser} holds the mandate and decides: no escalation.")
        lines += _explained(decider.reason, decider.source)
        lines += _inferred(decider)
        return "\n".join(lines)
    count = len(found.routes)
    lines.append(f"Raised by {raiser}; " + ("one route:" if count == 1 else f"{count} alternative routes:"))
    for number, route in enumerate(found.routes, 1):
        if count > 1:
            lines.append(f"\nAlternative {number}:")
        lines += _hop_lines(route.hops)
        if route.decider is None:
            lines.append("The texts name nobody on this route who holds the mandate (--stated-only: "
                         "inferred hops left out)." if getattr(found, "stated_only", False) else
                         "The data names nobody on this route who holds the mandate.")
        else:
            decider = route.decider
            lines.append(f"{who(decider.name, decider.kind, decider.holder, decider.administration)} "
                         "holds the mandate.")
            lines += _explained(decider.reason, decider.source)
            lines += _inferred(decider)
    if found.other_starts:
        lines.append("\nThe council's other posts of this role raise it too, each by its own route:")
        lines += _starts(found.other_starts)
    return "\n".join(lines)


def _starts(posts: Any) -> list[str]:
    return [f"  --from {post.id}  ({post.name})" for post in posts]


def reporting_text(found: Any) -> str:
    """The line(s) upward of :class:`~orgraph.query.escalation.ReportingLines`, one line per step."""
    start = found.start
    raiser = who(start.name, start.kind, start.holder, start.administration)
    if not found.lines:
        return f"{raiser} holds no post on this date: no reporting line."
    if not any(found.lines):
        return f"{raiser} is at the top: nothing above it."
    blocks = []
    for number, line in enumerate(found.lines, 1):
        heading = f"Reporting line {number} of {len(found.lines)} from {raiser}:" if len(found.lines) > 1 else \
            f"Reporting line from {raiser}:"
        blocks.append("\n".join([heading] + _hop_lines(line, show_type=True)))
    return "\n\n".join(blocks)


