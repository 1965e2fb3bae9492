// name: rule-one-leadership-group
// description: a region's leadership group missing or split into several nodes, a leadership group of no region, or one sharing a name with another node (rule one-leadership-group)
// parameters: $as_of
MATCH (r:Region)
WHERE coalesce(r.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(r.valid_to, $as_of)
OPTIONAL MATCH (g:LeadershipGroup)-[po:PART_OF]->(r)
WHERE all(el IN [g, po] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH r, g ORDER BY g.id
WITH r, collect(DISTINCT g.id) AS groups
WHERE size(groups) <> 1
RETURN CASE WHEN size(groups) = 0 THEN 'none' ELSE 'several' END AS variant,
       CASE WHEN size(groups) = 0 THEN [r.id] ELSE groups END AS focus, null AS council
UNION ALL
MATCH (g:LeadershipGroup)
WHERE coalesce(g.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(g.valid_to, $as_of)
OPTIONAL MATCH (g)-[po:PART_OF]->(r:Region)
WHERE all(el IN [po, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH g, count(r) AS regions
WHERE regions = 0
RETURN 'no-region' AS variant, [g.id] AS focus, null AS council
UNION ALL
MATCH (g:LeadershipGroup)
WHERE coalesce(g.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(g.valid_to, $as_of)
MATCH (n)
WHERE NOT n:LeadershipGroup AND coalesce(n.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(n.valid_to, $as_of)
WITH g, n, [x IN [g.name] + coalesce(g.aka, []) | toLower(x)] AS names,
     [x IN [n.name] + coalesce(n.aka, []) | toLower(x)] AS other
WHERE any(x IN other WHERE x IN names)
RETURN 'name-split' AS variant, [g.id, n.id] AS focus, null AS council
