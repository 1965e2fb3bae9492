"""A new council's file, scaffolded from the structure of a council the model already has.

``orgraph new council ID --name NAME`` writes ``councils/<slug>.yaml`` into the model directory: the
council, its own posts and process team, and every relation the rules expect (commission, mandate,
appointments, the contact person's seat in the leadership group, the coordinator from the Group Head
Office, reporting), copied from an existing council (``like``) with ids renamed.  Nothing in it is a
fact yet: every name is marked ``TODO``, no relation cites a source, and the mandate document has no
number, date or decision.  Escalation routes are not copied — they are what the new text must state.
The file loads, and ``orgraph check`` then lists what is left to fill in.

>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> text = scaffold_council(load(data_dir("seed")), "sr-hud", "Samordningsråd hud", like="sr-ortopedi")
>>> '{id: "sr-hud-ordforande", kind: "Post"' in text and 'type: "ESCALATES_TO"' not in text
True
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from orgraph.errors import UsageError
from orgraph.files import write_atomically
from orgraph.model.graph import Model
from orgraph.model.schema import is_slug
from orgraph.vocabulary import Kind, Rel

__all__ = ["scaffold_council", "write_council", "TODO"]

TODO = "TODO"
#: Relations that are routes and decisions: the new text has to state them, so they are not copied.
NOT_COPIED = (Rel.ESCALATES_TO, Rel.MAY_DECIDE)


def _own_nodes(model: Model, council: str) -> list[str]:
    """The council and the nodes that are its own: its posts (POST_OF) and the bodies it leads."""
    own = [council]
    for relation in model.relations:
        if relation.type == Rel.POST_OF and relation.target_id == council:
            own.append(relation.source_id)
        elif relation.type == Rel.LEADS and relation.source_id == council:
            own.append(relation.target_id)
    mandates = [r.target_id for r in model.relations if r.type == Rel.HAS_MANDATE and r.source_id == council]
    return own + mandates[:1]


def _renamed(old: str, like: str, new: str) -> str:
    return new + old[len(like):] if old.startswith(like) else f"{new}-{old}"


def _value(value: Any) -> str:
    """A YAML flow scalar: JSON's quoting is valid YAML and keeps every character as written."""
    return json.dumps(value, ensure_ascii=False)


def scaffold_council(model: Model, council_id: str, name: str, like: str | None = None) -> str:
    """The YAML text of a new council shaped like ``like`` (default: the first council by id)."""
    councils = sorted(node_id for node_id, node in model.nodes.items() if node.kind == Kind.COUNCIL)
    if not councils:
        raise UsageError("the model has no council to take the structure from")
    like = like or councils[0]
    if like not in councils:
        raise UsageError(f"unknown council {like!r} for --like; valid: {', '.join(councils)}")
    if not is_slug(council_id):
        raise UsageError(f"not a valid id: {council_id!r} (lower-case letters, digits and hyphens)")
    own = _own_nodes(model, like)
    ids = {old: _renamed(old, like, council_id) for old in own}
    mandate = own[-1] if model.nodes[own[-1]].kind == Kind.DOCUMENT else None
    if mandate:
        ids[mandate] = f"uh-{council_id.removeprefix('sr-')}"
    clashes = sorted(new for new in ids.values() if new in model.nodes)
    if clashes:
        raise UsageError(f"ids already in the model: {', '.join(clashes)}")
    lines = [f"# {name}: scaffolded by `orgraph new council` from the structure of {like}.",
             "# Every TODO is a fact still to be taken from the council's assignment document; cite the",
             "# document and section for each (`source:`) and add the routes its Beslutsordning states",
             "# (ESCALATES_TO / MAY_DECIDE). `orgraph check` lists what is left.", "nodes:"]
    for old in own:
        node = model.nodes[old]
        fields: dict[str, Any] = {"id": ids[old], "kind": str(node.kind)}
        if old == like:
            fields["name"] = name
        else:
            fields["name"] = f"{TODO}: {node.name}"
        if node.kind == Kind.POST:
            fields["role"] = str(node.role)
        if node.kind == Kind.DOCUMENT:
            fields["name"] = f"{TODO}: Uppdragshandling {name}"
        lines.append("  - {" + ", ".join(f"{key}: {_value(value)}" for key, value in fields.items()) + "}")
    lines.append("relations:")
    for relation in model.relations:
        if relation.type in NOT_COPIED or not (relation.source_id in ids or relation.target_id in ids):
            continue
        if relation.source_id not in ids and relation.source_id in own:
            continue
        fields = {"from": ids.get(relation.source_id, relation.source_id), "type": str(relation.type),
                  "to": ids.get(relation.target_id, relation.target_id)}
        fields["reason"] = f"{TODO}: {relation.reason}" if relation.reason else f"{TODO}: does the text state this?"
        lines.append("  - {" + ", ".join(f"{key}: {_value(value)}" for key, value in fields.items()) + "}")
    return "\n".join(lines) + "\n"


def write_council(directory: str | os.PathLike, council_id: str, text: str) -> Path:
    """Write the scaffold to ``DIR/councils/<slug>.yaml`` atomically; refuse to overwrite a file."""
    target = Path(directory) / "councils" / f"{council_id.removeprefix('sr-')}.yaml"
    if target.exists():
        raise UsageError(f"{target} exists already: nothing was written")
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(target, text.encode("utf-8"), prefix=".new-")
