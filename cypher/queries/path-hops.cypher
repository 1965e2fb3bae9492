// name: path-hops
// description: the relationships of $types (null: all) valid on $as_of between each pair of node ids in $pairs, either way
// parameters: $pairs, $types, $as_of
UNWIND $pairs AS pair
MATCH (a:OrgNode)
WHERE a.id = pair[0]
WITH a, pair
MATCH (a)-[r]-(b:OrgNode)
WHERE b.id = pair[1] AND ($types IS NULL OR type(r) IN $types)
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of <= r.valid_to)
RETURN a.id AS from_id, b.id AS to_id, type(r) AS type, startNode(r) = a AS forward, properties(r) AS properties
