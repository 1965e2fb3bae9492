// name: rule-one-leadership-group
// description: the leadership group missing, split into several nodes, or sharing a name with another node (rule one-leadership-group)
// parameters: $as_of
OPTIONAL MATCH (g:LeadershipGroup)
WHERE coalesce(g.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(g.valid_to, $as_of)
WITH g ORDER BY g.id
WITH collect(DISTINCT g.id) AS groups
WHERE size(groups) <> 1
RETURN CASE WHEN size(groups) = 0 THEN 'none' ELSE 'several' END AS variant, groups AS focus, null AS council
UNION ALL
MATCH (g:LeadershipGroup)
WHERE coalesce(g.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(g.valid_to, $as_of)
MATCH (n)
WHERE NOT n:LeadershipGroup AND coalesce(n.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(n.valid_to, $as_of)
WITH g, n, [x IN [g.name] + coalesce(g.aka, []) | toLower(x)] AS names,
     [x IN [n.name] + coalesce(n.aka, []) | toLower(x)] AS other
WHERE any(x IN other WHERE x IN names)
RETURN 'name-split' AS variant, [g.id, n.id] AS focus, null AS council
