// name: rule-vacant-post
// description: posts nobody holds on the date (rule vacant-post)
// parameters: $as_of
MATCH (p:Post)
WHERE coalesce(p.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(p.valid_to, $as_of)
OPTIONAL MATCH (h:Person)-[hr:HOLDS]->(p)
WHERE all(el IN [h, hr] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, count(h) AS holders
WHERE holders = 0
OPTIONAL MATCH (p)-[r:POST_OF]->(c:Council)
WHERE all(el IN [r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, min(c.id) AS council
RETURN 'vacant' AS variant, [p.id] AS focus, council
