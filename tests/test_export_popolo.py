"""The Popolo export, validated against the Popolo project's own JSON Schemas (draft-03), and read against the model."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from orgraph.export.popolo import SCHEMA_DIR, popolo, popolo_json
from orgraph.export.view import select
from orgraph.vocabulary import BODY_LABELS, Kind, Rel

TODAY = dt.date(2026, 11, 23)
COLLECTIONS = {"persons": "person", "organizations": "organization", "posts": "post", "memberships": "membership"}


def _schemas():
    schemas = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values())
    return schemas, registry


def _validators():
    schemas, registry = _schemas()
    return {collection: Draft3Validator(schemas[name], registry=registry) for collection, name in COLLECTIONS.items()}


@pytest.mark.parametrize("model_name", ["seed_model", "fictional_model"])
@pytest.mark.parametrize("day", [TODAY, None], ids=["as-of", "all-dates"])
def test_every_item_is_valid_popolo(request, model_name, day):
    data = json.loads(popolo_json(request.getfixturevalue(model_name), day))
    validators = _validators()
    for collection, items in data.items():
        assert items, collection
        for item in items:
            errors = sorted(validators[collection].iter_errors(item), key=str)
            assert not errors, (collection, item.get("id"), [e.message for e in errors])


def test_the_schemas_reject_what_popolo_forbids():
    validators = _validators()
    assert list(validators["memberships"].iter_errors({"start_date": "1 May 2024"}))
    assert list(validators["persons"].iter_errors({"other_names": [{"note": "no name"}]}))  # via $ref
    assert list(validators["organizations"].iter_errors({"sources": [{"note": "no url"}]}))


def test_the_vendored_schemas_carry_their_licence():
    text = (SCHEMA_DIR / "LICENSE.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0" in text and "b6225682e1e21d817316f9737b1fe87279a1063a" in text
    assert {p.stem for p in SCHEMA_DIR.glob("*.json")} >= set(COLLECTIONS.values())


def test_popolo_holds_the_people_bodies_posts_and_dated_holdings(fictional_model):
    view = select(fictional_model, None)
    data = popolo(fictional_model, None)
    kinds = {node_id: str(node.kind) for node_id, node in view.nodes.items()}
    assert {p["id"] for p in data["persons"]} == {n for n, k in kinds.items() if k == Kind.PERSON}
    assert {o["id"] for o in data["organizations"]} == {n for n, k in kinds.items() if k in BODY_LABELS}
    assert {p["id"]: p["role"] for p in data["posts"]} == {
        n: view.nodes[n].role for n, k in kinds.items() if k == Kind.POST}
    holdings = {(m["person_id"], m["post_id"], m.get("start_date"), m.get("end_date"))
                for m in data["memberships"] if "post_id" in m}
    expected = {(r.source_id, r.target_id, r.valid_from.isoformat(), r.valid_to.isoformat() if r.valid_to else None)
                for r in view.relations if r.type == Rel.HOLDS}
    assert holdings == expected
    employments = {(m["person_id"], m["organization_id"]) for m in data["memberships"] if "post_id" not in m}
    assert employments == {(r.source_id, r.target_id) for r in view.relations if r.type == Rel.EMPLOYED_BY}
    parents = {o["id"]: o.get("parent_id") for o in data["organizations"]}
    for r in view.relations:
        if r.type == Rel.PART_OF:
            assert parents[r.source_id] is not None
    council = next(o for o in data["organizations"] if o["id"] == "sr-ortopedi")
    assert council["classification"] == Kind.COUNCIL
    assert council["sources"][0]["note"].startswith("uh-ortopedi-2024")
