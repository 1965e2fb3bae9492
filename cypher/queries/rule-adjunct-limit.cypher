// name: rule-adjunct-limit
// description: councils with more adjunct participants than their limit (rule adjunct-limit)
// parameters: $as_of, $adjunct_limit
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (h:Person)-[hr:HOLDS]->(p:Post)-[r:POST_OF]->(c)
WHERE p.role = 'adjunct'
  AND all(el IN [h, hr, p, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, h ORDER BY h.id
WITH c, collect(DISTINCT h.id) AS people
WHERE size(people) > coalesce(c.adjunct_limit, $adjunct_limit)
RETURN 'over' AS variant, [c.id] + people AS focus, c.id AS council
