// name: rule-no-reporting-cycles
// description: reporting lines that run in a circle, one row per cycle (rule no-reporting-cycles)
// parameters: $as_of
MATCH path = (a)-[:REPORTS_TO*1..]->(a)
WHERE all(n IN nodes(path) WHERE coalesce(n.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(n.valid_to, $as_of))
  AND all(r IN relationships(path) WHERE coalesce(r.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(r.valid_to, $as_of))
WITH [n IN nodes(path) | n.id][1..] AS ring
WHERE size(ring) = size(reduce(seen = [], x IN ring | CASE WHEN x IN seen THEN seen ELSE seen + x END))
UNWIND ring AS id
WITH ring, id ORDER BY id
WITH ring, collect(id) AS cycle
RETURN DISTINCT 'cycle' AS variant, cycle AS focus, null AS council
