// name: rule-chain-of-authority
// description: councils not commissioned through an unbroken chain of delegation from the Regional Director (rule chain-of-authority)
// parameters: $as_of, $regional_director
OPTIONAL MATCH (root:Post {id: $regional_director})
WHERE root.role = 'director' AND coalesce(root.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(root.valid_to, $as_of)
WITH count(root) AS roots
WHERE roots = 0
RETURN 'no-root' AS variant, [] AS focus, null AS council
UNION ALL
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (x:Post)-[cm:COMMISSIONS]->(c)
WHERE all(el IN [x, cm] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, count(x) AS commissioners
WHERE commissioners = 0
RETURN 'uncommissioned' AS variant, [c.id] AS focus, c.id AS council
UNION ALL
MATCH (root:Post {id: $regional_director})
WHERE root.role = 'director' AND coalesce(root.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(root.valid_to, $as_of)
MATCH (x:Post)-[cm:COMMISSIONS]->(c:Council)
WHERE all(el IN [x, cm, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH chain = (root)-[:DELEGATES_TO*0..]->(x)
WHERE all(n IN nodes(chain) WHERE n.role = 'director' AND coalesce(n.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(n.valid_to, $as_of))
  AND all(d IN relationships(chain) WHERE coalesce(d.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(d.valid_to, $as_of))
WITH c, x, count(chain) AS chains
WITH c, x, chains ORDER BY x.id
WITH c, collect(DISTINCT x.id) AS commissioners, sum(chains) AS authorised
WHERE authorised = 0
RETURN 'broken' AS variant, [c.id] + commissioners AS focus, c.id AS council
