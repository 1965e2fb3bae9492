// name: rule-meeting-frequency
// description: councils meeting outside the allowed number of times a year, or not saying (rule meeting-frequency)
// parameters: $as_of, $meetings_min, $meetings_max, $adaptable_documents
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
  AND (c.meetings_min IS NULL OR c.meetings_max IS NULL OR c.meetings_min < $meetings_min
   OR c.meetings_max > $meetings_max OR c.meetings_min > c.meetings_max)
OPTIONAL MATCH (c)-[m:HAS_MANDATE]->(d:Document)
WHERE all(el IN [m, d] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, collect(DISTINCT d.id) AS mandates
RETURN CASE WHEN c.meetings_min IS NULL OR c.meetings_max IS NULL THEN 'unknown'
            WHEN any(id IN mandates WHERE id IN $adaptable_documents) THEN 'outside-adaptable'
            ELSE 'outside' END AS variant,
       [c.id] AS focus, c.id AS council
