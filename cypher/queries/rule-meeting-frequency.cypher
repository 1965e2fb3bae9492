// name: rule-meeting-frequency
// description: councils meeting outside the allowed number of times a year, or not saying (rule meeting-frequency)
// parameters: $as_of, $meetings_min, $meetings_max
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
WITH c
WHERE c.meetings_min IS NULL OR c.meetings_max IS NULL OR c.meetings_min < $meetings_min
   OR c.meetings_max > $meetings_max OR c.meetings_min > c.meetings_max
RETURN CASE WHEN c.meetings_min IS NULL OR c.meetings_max IS NULL THEN 'unknown' ELSE 'outside' END AS variant,
       [c.id] AS focus, c.id AS council
