// name: node-counts
// description: how many nodes of each kind the database holds (all dates)
// parameters: none
MATCH (n:OrgNode)
WHERE n.id IS NOT NULL AND n.kind IS NOT NULL
RETURN n.kind AS kind, count(*) AS nodes
ORDER BY kind
