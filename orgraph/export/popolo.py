"""The model as Popolo JSON: persons, organizations, posts and memberships with their dates.

Popolo (<http://www.popoloproject.com/>) holds people, organisations, posts apart from their
holders and memberships from a date to a date.  Bodies become organizations (``parent_id`` from
``PART_OF``, ``classification`` the kind), posts keep their role and body, a holding becomes a
membership with ``post_id``, an employment a membership in the administration.  Sources are links
to the cited section.  What Popolo has no place for (documents, topics, escalation routes,
reporting lines, the other relations) is left out; ``docs/export.md`` lists it.

>>> import datetime as dt
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> data = popolo(load(data_dir("seed")), dt.date(2026, 11, 23))
>>> sorted(data)
['memberships', 'organizations', 'persons', 'posts']
>>> next(o for o in data["organizations"] if o["id"] == "su")["parent_id"]
'vgr'
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from orgraph import vocabulary
from orgraph.export.terms import DEFAULT_BASE, node_iri, section_iri
from orgraph.export.view import View, relation_key, select
from orgraph.model.graph import Model
from orgraph.model.schema import Source
from orgraph.model.values import iso
from orgraph.vocabulary import Kind, Rel

__all__ = ["popolo", "view_popolo", "popolo_json", "SCHEMA_DIR"]

#: The Popolo project's JSON Schemas (draft-03), vendored with their licence.
SCHEMA_DIR = Path(__file__).with_name("popolo-schemas")


def popolo(model: Model, day: dt.date | None, base: str = DEFAULT_BASE) -> dict[str, list[dict[str, Any]]]:
    """The model on ``day`` (``None``: with every date) as Popolo's four collections."""
    return view_popolo(select(model, day), base)


def popolo_json(model: Model, day: dt.date | None, base: str = DEFAULT_BASE) -> str:
    """:func:`popolo` as JSON text."""
    return json.dumps(popolo(model, day, base), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _sources(base: str, source: Source | None) -> list[dict[str, str]]:
    if source is None or source.document is None:
        return []
    url = section_iri(base, source.document, source.section) if source.section else node_iri(base, source.document)
    note = f"{source.document} § {source.section}" if source.section else source.document
    return [{"url": str(url), "note": note}]


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in (None, [], "")}


def view_popolo(view: View, base: str = DEFAULT_BASE) -> dict[str, list[dict[str, Any]]]:
    """The Popolo collections of one :class:`~orgraph.export.view.View`."""
    bodies = set(vocabulary.BODY_LABELS)
    out_of: dict[tuple[str, str], list[str]] = {}
    for rel in view.relations:
        out_of.setdefault((rel.source_id, rel.type), []).append(rel.target_id)
    persons, organizations, posts = [], [], []
    for node_id, node in view.nodes.items():
        kind = Kind(node.kind)
        common = {"id": node_id, "sources": _sources(base, node.source)}
        if kind == Kind.PERSON:
            persons.append(_clean({**common, "name": node.name,
                                   "other_names": [_other_name(alt) for alt in node.aka]}))
        elif kind in bodies:
            parents = out_of.get((node_id, Rel.PART_OF), [])
            organizations.append(_clean({
                **common, "name": node.name, "classification": str(kind),
                "other_names": [_other_name(alt) for alt in node.aka]
                + ([{"name": node.name_en, "note": "English"}] if node.name_en else []),
                "parent_id": parents[0] if parents else None,
                "founding_date": iso(node.valid_from), "dissolution_date": iso(node.valid_to)}))
        elif kind == Kind.POST:
            in_bodies = out_of.get((node_id, Rel.POST_OF), [])
            posts.append(_clean({
                **common, "label": node.name, "role": node.role,
                "other_label": [node.name_en] if node.name_en else [],
                "organization_id": in_bodies[0] if in_bodies else None,
                "start_date": iso(node.valid_from), "end_date": iso(node.valid_to)}))
    memberships = []
    for rel in view.relations:
        if rel.type == Rel.HOLDS:
            post = view.nodes[rel.target_id]
            in_bodies = out_of.get((post.id, Rel.POST_OF), [])
            extra = {"post_id": post.id, "role": post.role, "label": post.name,
                     "organization_id": in_bodies[0] if in_bodies else None}
        elif rel.type == Rel.EMPLOYED_BY:
            extra = {"organization_id": rel.target_id, "label": "anställd / employed"}
        else:
            continue
        memberships.append(_clean({
            "id": f"{rel.source_id}--{rel.target_id}--{relation_key(rel)}", "person_id": rel.source_id, **extra,
            "start_date": iso(rel.valid_from), "end_date": iso(rel.valid_to),
            "sources": _sources(base, rel.source)}))
    return {"persons": persons, "organizations": organizations, "posts": posts, "memberships": memberships}


def _other_name(alt: Any) -> dict[str, Any]:
    """A Popolo ``other_names`` entry: the name, and the days it held when the model dates it."""
    return _clean({"name": alt.name, "start_date": iso(alt.valid_from), "end_date": iso(alt.valid_to)})
