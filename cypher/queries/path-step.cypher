// name: path-step
// description: one breadth-first step of `orgraph path`: the nodes next to the $frontier ids over relationships of $types (null: all), valid on $as_of
// parameters: $frontier, $types, $as_of
UNWIND $frontier AS from_id
MATCH (x:OrgNode)
WHERE x.id = from_id
WITH x, from_id
MATCH (x)-[r]-(y:OrgNode)
WHERE y.kind IS NOT NULL AND ($types IS NULL OR type(r) IN $types)
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of <= r.valid_to)
  AND (y.valid_from IS NULL OR y.valid_from <= $as_of) AND (y.valid_to IS NULL OR $as_of <= y.valid_to)
RETURN DISTINCT from_id, y.id AS to_id
