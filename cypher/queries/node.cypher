// name: node
// description: one node's properties, if it is valid on $as_of (no row otherwise)
// parameters: $id, $as_of
MATCH (n:OrgNode)
WHERE n.id = $id AND n.kind IS NOT NULL
  AND (n.valid_from IS NULL OR n.valid_from <= $as_of) AND (n.valid_to IS NULL OR $as_of <= n.valid_to)
RETURN properties(n) AS node
