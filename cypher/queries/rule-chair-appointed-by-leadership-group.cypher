// name: rule-chair-appointed-by-leadership-group
// description: council chair posts no leadership group appoints (rule chair-appointed-by-leadership-group)
// parameters: $as_of
MATCH (p:Post)-[r:POST_OF]->(c:Council)
WHERE p.role = 'chair'
  AND all(el IN [p, r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (g:LeadershipGroup)-[a:APPOINTS]->(p)
WHERE all(el IN [g, a] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, c, count(g) AS appointers
WHERE appointers = 0
RETURN DISTINCT 'not-appointed' AS variant, [p.id] AS focus, c.id AS council
