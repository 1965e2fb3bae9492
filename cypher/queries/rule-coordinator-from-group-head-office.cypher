// name: rule-coordinator-from-group-head-office
// description: councils whose coordinator is missing or not from their region's Group Head Office (rule coordinator-from-group-head-office)
// parameters: $as_of
MATCH (r:Region)
WHERE coalesce(r.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(r.valid_to, $as_of)
OPTIONAL MATCH (o:Administration)
WHERE o.id = r.group_head_office
  AND coalesce(o.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(o.valid_to, $as_of)
WITH r, count(o) AS offices
WHERE offices = 0
RETURN 'no-office' AS variant, [r.id] AS focus, null AS council
UNION ALL
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (p:Post)-[r:POST_OF]->(c)
WHERE p.role = 'coordinator'
  AND all(el IN [p, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, count(p) AS posts
WHERE posts = 0
RETURN 'missing' AS variant, [c.id] AS focus, c.id AS council
UNION ALL
MATCH (p:Post)-[pp:POST_OF]->(c:Council)
WHERE p.role = 'coordinator'
  AND all(el IN [p, pp, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH DISTINCT c
OPTIONAL MATCH (c)-[po:PART_OF]->(r:Region)
WHERE all(el IN [po, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, count(r) AS regions
WHERE regions = 0
RETURN 'no-region' AS variant, [c.id] AS focus, c.id AS council
UNION ALL
MATCH (r:Region)
WHERE coalesce(r.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(r.valid_to, $as_of)
MATCH (o:Administration)
WHERE o.id = r.group_head_office
  AND coalesce(o.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(o.valid_to, $as_of)
MATCH (c:Council)-[po:PART_OF]->(r)
WHERE all(el IN [c, po] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
MATCH (p:Post)-[pp:POST_OF]->(c)
WHERE p.role = 'coordinator'
  AND all(el IN [p, pp] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH DISTINCT o, p, c
OPTIONAL MATCH (o)-[pr:PROVIDES]->(p)
WHERE coalesce(pr.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(pr.valid_to, $as_of)
WITH o, p, c, count(pr) AS provided
OPTIONAL MATCH (h:Person)-[hr:HOLDS]->(p)
WHERE all(el IN [h, hr] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (h)-[e:EMPLOYED_BY]->(a:Administration)
WHERE all(el IN [e, a] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH o, p, c, provided, h, a ORDER BY a.id
WITH o, p, c, provided, h, collect(DISTINCT a.id) AS employers
WITH c, (CASE WHEN provided = 0 THEN [{variant: 'not-provided', focus: [p.id, o.id]}] ELSE [] END)
   + (CASE WHEN h IS NULL THEN []
           WHEN size(employers) = 0 THEN [{variant: 'unknown', focus: [p.id, h.id, o.id]}]
           WHEN NOT o.id IN employers THEN [{variant: 'elsewhere', focus: [p.id, h.id, o.id] + employers}]
           ELSE [] END) AS found
UNWIND found AS f
RETURN DISTINCT f.variant AS variant, f.focus AS focus, c.id AS council
