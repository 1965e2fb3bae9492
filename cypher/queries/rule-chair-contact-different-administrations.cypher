// name: rule-chair-contact-different-administrations
// description: chair and contact person of a council from the same administration, or why that cannot be told (rule chair-contact-different-administrations)
// parameters: $as_of
MATCH (cp:Post)-[r1:POST_OF]->(c:Council)<-[r2:POST_OF]-(kp:Post)
WHERE cp.role = 'chair' AND kp.role = 'contact-person'
  AND all(el IN [c, cp, r1, kp, r2] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (ch:Person)-[h1:HOLDS]->(cp)
WHERE all(el IN [ch, h1] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (kh:Person)-[h2:HOLDS]->(kp)
WHERE all(el IN [kh, h2] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (ch)-[e1:EMPLOYED_BY]->(a1:Administration)
WHERE all(el IN [e1, a1] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, cp, kp, ch, kh, collect(DISTINCT a1.id) AS chair_in
OPTIONAL MATCH (kh)-[e2:EMPLOYED_BY]->(a2:Administration)
WHERE all(el IN [e2, a2] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH c, cp, kp, ch, kh, chair_in, collect(DISTINCT a2.id) AS contact_in
WITH c, cp, kp, ch, kh, chair_in, contact_in,
     (CASE WHEN ch IS NULL THEN [cp.id] ELSE [] END) + (CASE WHEN kh IS NULL THEN [kp.id] ELSE [] END) AS vacant
WITH c, CASE
    WHEN size(vacant) > 0 THEN [{variant: 'vacant', focus: vacant}]
    ELSE (CASE WHEN size(chair_in) = 0 THEN [{variant: 'unknown-administration', focus: [cp.id, ch.id]}] ELSE [] END)
       + (CASE WHEN size(contact_in) = 0 THEN [{variant: 'unknown-administration', focus: [kp.id, kh.id]}] ELSE [] END)
       + [a IN chair_in WHERE a IN contact_in | {variant: 'same', focus: [cp.id, ch.id, kp.id, kh.id, a]}]
  END AS found
UNWIND found AS f
RETURN DISTINCT f.variant AS variant, f.focus AS focus, c.id AS council
