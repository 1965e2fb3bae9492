// name: rule-process-team-reports-to-council
// description: regional process teams that report to no council (rule process-team-reports-to-council)
// parameters: $as_of
MATCH (t:ProcessTeam)
WHERE coalesce(t.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(t.valid_to, $as_of)
OPTIONAL MATCH (t)-[r:REPORTS_TO]->(c:Council)
WHERE all(el IN [r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH t, count(c) AS councils
WHERE councils = 0
OPTIONAL MATCH (l:Council)-[ld:LEADS]->(t)
WHERE all(el IN [l, ld] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH t, min(l.id) AS leader
RETURN 'unreported' AS variant, [t.id] AS focus, leader AS council
