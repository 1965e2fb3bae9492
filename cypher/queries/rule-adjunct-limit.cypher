// name: rule-adjunct-limit
// description: councils whose own text limits adjuncts, with more adjuncts than the number set, or none set (rule adjunct-limit)
// parameters: $as_of, $max_adjuncts, $adjunct_documents, $read_documents
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (c)-[m:HAS_MANDATE]->(d:Document)
WHERE all(el IN [m, d] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, collect(DISTINCT d.id) AS mandates
WHERE any(id IN mandates WHERE id IN $adjunct_documents)
   OR (c.adjunct_limit IS NOT NULL AND none(id IN mandates WHERE id IN $read_documents))
OPTIONAL MATCH (h:Person)-[hr:HOLDS]->(p:Post)-[r:POST_OF]->(c)
WHERE p.role = 'adjunct'
  AND all(el IN [h, hr, p, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, h ORDER BY h.id
WITH c, collect(DISTINCT h.id) AS people, coalesce(c.adjunct_limit, $max_adjuncts) AS cap
WHERE cap IS NULL OR size(people) > cap
RETURN CASE WHEN cap IS NULL THEN 'no-number' ELSE 'over' END AS variant,
       CASE WHEN cap IS NULL THEN [c.id] ELSE [c.id] + people END AS focus, c.id AS council
