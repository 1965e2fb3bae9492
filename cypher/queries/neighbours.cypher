// name: neighbours
// description: every relationship of a node valid on $as_of (both ends valid too), outgoing then incoming
// parameters: $id, $as_of
MATCH (n:OrgNode)
WHERE n.id = $id AND n.kind IS NOT NULL
  AND (n.valid_from IS NULL OR n.valid_from <= $as_of) AND (n.valid_to IS NULL OR $as_of <= n.valid_to)
WITH n
MATCH (n)-[r]->(m:OrgNode)
WHERE m.kind IS NOT NULL
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of <= r.valid_to)
  AND (m.valid_from IS NULL OR m.valid_from <= $as_of) AND (m.valid_to IS NULL OR $as_of <= m.valid_to)
RETURN type(r) AS type, 'out' AS direction, properties(m) AS node, properties(r) AS properties
UNION ALL
MATCH (n:OrgNode)
WHERE n.id = $id AND n.kind IS NOT NULL
  AND (n.valid_from IS NULL OR n.valid_from <= $as_of) AND (n.valid_to IS NULL OR $as_of <= n.valid_to)
WITH n
MATCH (n)<-[r]-(m:OrgNode)
WHERE m.kind IS NOT NULL
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of <= r.valid_to)
  AND (m.valid_from IS NULL OR m.valid_from <= $as_of) AND (m.valid_to IS NULL OR $as_of <= m.valid_to)
RETURN type(r) AS type, 'in' AS direction, properties(m) AS node, properties(r) AS properties
