// name: nodes
// description: the properties of every node of the given kinds ($kinds null: all) valid on $as_of, by id
// parameters: $kinds, $as_of
MATCH (n:OrgNode)
WHERE n.id IS NOT NULL AND n.kind IS NOT NULL AND ($kinds IS NULL OR n.kind IN $kinds)
  AND (n.valid_from IS NULL OR n.valid_from <= $as_of) AND (n.valid_to IS NULL OR $as_of <= n.valid_to)
RETURN properties(n) AS node
ORDER BY n.id
