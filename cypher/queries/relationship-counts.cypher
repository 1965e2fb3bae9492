// name: relationship-counts
// description: how many loaded relationships of each type the database holds (all dates)
// parameters: none
MATCH (:OrgNode)-[r]->(:OrgNode)
WHERE r._key IS NOT NULL
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
