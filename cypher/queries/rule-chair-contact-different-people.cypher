// name: rule-chair-contact-different-people
// description: one person holding both the chair and the contact-person post of a council (rule chair-contact-different-people)
// parameters: $as_of
MATCH (cp:Post)-[r1:POST_OF]->(c:Council)<-[r2:POST_OF]-(kp:Post)
WHERE cp.role = 'chair' AND kp.role = 'contact-person'
  AND all(el IN [c, cp, r1, kp, r2] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
MATCH (cp)<-[h1:HOLDS]-(h:Person)-[h2:HOLDS]->(kp)
WHERE all(el IN [h, h1, h2] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
RETURN DISTINCT 'same-person' AS variant, [cp.id, kp.id, h.id] AS focus, c.id AS council
