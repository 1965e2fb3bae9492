// name: rule-mandate-decided
// description: councils whose mandate is missing or not decided on the date (rule mandate-decided)
// parameters: $as_of
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (c)-[m:HAS_MANDATE]->(d:Document)
WHERE all(el IN [m, d] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, d
WHERE d IS NULL OR d.decided IS NULL OR d.decided > $as_of
RETURN DISTINCT CASE WHEN d IS NULL THEN 'no-mandate' WHEN d.decided IS NULL THEN 'undecided' ELSE 'later' END
       AS variant, CASE WHEN d IS NULL THEN [c.id] ELSE [c.id, d.id] END AS focus, c.id AS council
