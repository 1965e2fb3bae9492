// name: rule-contact-person-in-leadership-group
// description: contact persons who hold no post in the leadership group, or vacant contact-person posts (rule contact-person-in-leadership-group)
// parameters: $as_of
MATCH (p:Post)-[r:POST_OF]->(c:Council)
WHERE p.role = 'contact-person'
  AND all(el IN [p, r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (h:Person)-[hr:HOLDS]->(p)
WHERE all(el IN [h, hr] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (h)-[sr:HOLDS]->(q:Post)-[m:POST_OF|MEMBER_OF]->(g:LeadershipGroup)
WHERE q <> p
  AND all(el IN [sr, q, m, g] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, c, h, count(g) AS seats
WHERE h IS NULL OR seats = 0
RETURN DISTINCT CASE WHEN h IS NULL THEN 'vacant' ELSE 'not-member' END AS variant,
       CASE WHEN h IS NULL THEN [p.id] ELSE [p.id, h.id] END AS focus, c.id AS council
