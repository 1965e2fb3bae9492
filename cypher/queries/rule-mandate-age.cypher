// name: rule-mandate-age
// description: council mandates decided (or dated) before the cutoff date, or undated (rule mandate-age)
// parameters: $as_of, $mandate_cutoff
MATCH (c:Council)-[m:HAS_MANDATE]->(d:Document)
WHERE all(el IN [c, m, d] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, d, coalesce(d.decided, d.date) AS since
WHERE since IS NULL OR since < $mandate_cutoff
RETURN DISTINCT CASE WHEN since IS NULL THEN 'undated' ELSE 'old' END AS variant, [c.id, d.id] AS focus,
       c.id AS council
