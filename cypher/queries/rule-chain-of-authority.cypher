// name: rule-chain-of-authority
// description: councils not commissioned through an unbroken chain of delegation from their region's Regional Director (rule chain-of-authority)
// parameters: $as_of
MATCH (r:Region)
WHERE coalesce(r.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(r.valid_to, $as_of)
OPTIONAL MATCH (root:Post)
WHERE root.id = r.regional_director AND root.role = 'director'
  AND coalesce(root.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(root.valid_to, $as_of)
WITH r, count(root) AS roots
WHERE roots = 0
RETURN 'no-root' AS variant, [r.id] AS focus, null AS council
UNION ALL
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (x:Post)-[cm:COMMISSIONS]->(c)
WHERE all(el IN [x, cm] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, count(x) AS commissioners
WHERE commissioners = 0
RETURN 'uncommissioned' AS variant, [c.id] AS focus, c.id AS council
UNION ALL
MATCH (x:Post)-[cm:COMMISSIONS]->(c:Council)
WHERE all(el IN [x, cm, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH DISTINCT c
OPTIONAL MATCH (c)-[p:PART_OF]->(r:Region)
WHERE all(el IN [p, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, count(r) AS regions
WHERE regions = 0
RETURN 'no-region' AS variant, [c.id] AS focus, c.id AS council
UNION ALL
MATCH (r:Region)
WHERE coalesce(r.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(r.valid_to, $as_of)
MATCH (root:Post)
WHERE root.id = r.regional_director AND root.role = 'director'
  AND coalesce(root.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(root.valid_to, $as_of)
MATCH (c:Council)-[p:PART_OF]->(r)
WHERE all(el IN [c, p] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
MATCH (x:Post)-[cm:COMMISSIONS]->(c)
WHERE all(el IN [x, cm] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH DISTINCT root, c, x
OPTIONAL MATCH chain = (root)-[:DELEGATES_TO*0..]->(x)
WHERE all(n IN nodes(chain) WHERE n.role = 'director' AND coalesce(n.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(n.valid_to, $as_of))
  AND all(d IN relationships(chain) WHERE coalesce(d.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(d.valid_to, $as_of))
WITH root, c, x, count(chain) AS chains
WITH root, c, x, chains ORDER BY x.id
WITH root, c, collect(DISTINCT x.id) AS commissioners, sum(chains) AS authorised
WHERE authorised = 0
RETURN 'broken' AS variant, [c.id, root.id] + commissioners AS focus, c.id AS council
