// name: node-ids
// description: the id of every node valid on $as_of, sorted
// parameters: $as_of
MATCH (n:OrgNode)
WHERE n.id IS NOT NULL AND n.kind IS NOT NULL
  AND (n.valid_from IS NULL OR n.valid_from <= $as_of) AND (n.valid_to IS NULL OR $as_of <= n.valid_to)
RETURN n.id AS id
ORDER BY id
