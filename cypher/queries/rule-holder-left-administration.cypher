// name: rule-holder-left-administration
// description: posts held by people whose employment has ended and who work nowhere on the date (rule holder-left-administration)
// parameters: $as_of
MATCH (h:Person)-[hr:HOLDS]->(p:Post)
WHERE all(el IN [h, hr, p] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (h)-[e:EMPLOYED_BY]->(a:Administration)
WHERE all(el IN [e, a] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH h, p, count(a) AS current
WHERE current = 0
MATCH (h)-[x:EMPLOYED_BY]->(b:Administration)
WHERE x.valid_to IS NOT NULL AND x.valid_to < $as_of AND coalesce(b.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(b.valid_to, $as_of)
WITH h, p, b, x ORDER BY x.valid_to DESC, b.id
WITH h, p, collect(b.id)[0] AS last
OPTIONAL MATCH (p)-[r:POST_OF]->(c:Council)
WHERE all(el IN [r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH h, p, last, min(c.id) AS council
RETURN DISTINCT 'left' AS variant, [p.id, h.id, last] AS focus, council
