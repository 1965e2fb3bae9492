"""The page's texts: every message id ``visualize/app.js`` and ``template.html`` show, marked for Babel.

The page embeds them translated into every language (:func:`page_strings`), so its language switch
needs no server; the relationship types' meanings come from :mod:`orgraph.vocabulary`.

>>> page_strings()["sv"]["Held by"]
'Innehas av'
"""

from __future__ import annotations

from orgraph import i18n, vocabulary
from orgraph.i18n import N_

PAGE_MESSAGES: tuple[str, ...] = (
    N_("Controls"), N_("Language"), N_("Search"), N_("Name or id …"), N_("Escalation"),
    N_("Where does a question go? Routes computed by orgraph from the documents."),
    N_("Coordination council"), N_("Question type"),
    N_("Path"), N_("Show"), N_("Node kinds"), N_("Physics"), N_("Fit"), N_("Reset"), N_("The graph"), N_("Close"),
    N_("The whole region"), N_("One council"), N_("One path"),
    N_("{view} · as of {day} · {nodes} nodes, {edges} relations"), N_("All councils"),
    N_("Showing {shown} of {total} nodes"), N_("No match"), N_("… and {count} more"), N_("Properties"),
    N_("Held by"), N_("Vacant on {day}"), N_("Sources"), N_("Relations"), N_("Source"),
    N_("(not drawn in this view)"), N_("— choose a council —"), N_("vacant"), N_("no decision date filled in"),
    N_("No escalation data for this council and topic."), N_("Raised by"),
    N_("The text of {council} states no route for this topic"), N_("A route is stated from:"),
    N_("The text of {council} ({documents}) sends it to:"), N_("Route {n} of {total}"), N_("Route"),
    N_("Highlight only this route"), N_("Decided where it is raised: no hop."), N_("Decides:"),
    N_("The route ends without anyone who holds the mandate."), N_("Highlight every route"),
    N_("Path {n} of {total}"), N_("{count} hop(s)"),
    N_("Relations drawn"), N_("Chain of authority and posts"), N_("Escalation routes"), N_("Other relations"),
    N_("Show as a list"), N_("Show as a drawing"), N_("Nodes and relations"), N_("Filter the list"), N_("Name"),
    N_("Kind"),
    N_("Coordination councils, {name}: {count} councils ({nodes} nodes)"), N_("Posts and staff, {name}: {count}"),
    N_("the first {count} listed: type to narrow the list"), N_("Export the view"), N_("Holders on this date"),
    N_("as of {day}"), N_("Holders and names as of {day}; the rest of the page as of {asof}"),
)

#: The relationship types' meanings, which the edge panel shows (message ids declared in the vocabulary).
MEANINGS: tuple[str, ...] = tuple(r.meaning for r in vocabulary.RELATIONSHIPS.values())


def page_strings() -> dict[str, dict[str, str]]:
    """``{lang: {message id: text}}`` for every page message in every language."""
    return {lang: i18n.messages(lang, PAGE_MESSAGES + MEANINGS) for lang in i18n.LANGUAGES}


__all__ = ["MEANINGS", "PAGE_MESSAGES", "page_strings"]
