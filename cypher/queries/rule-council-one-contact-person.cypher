// name: rule-council-one-contact-person
// description: councils without exactly one contact-person post (rule council-one-contact-person)
// parameters: $as_of
MATCH (c:Council)
WHERE coalesce(c.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(c.valid_to, $as_of)
OPTIONAL MATCH (p:Post)-[r:POST_OF]->(c)
WHERE p.role = 'contact-person'
  AND all(el IN [p, r] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, p ORDER BY p.id
WITH c, collect(DISTINCT p.id) AS posts
WHERE size(posts) <> 1
RETURN CASE WHEN size(posts) = 0 THEN 'none' ELSE 'several' END AS variant, [c.id] + posts AS focus,
       c.id AS council
