// name: rule-participants-appointed-by-own-head
// description: participant posts not appointed by the head of the administration they represent (rule participants-appointed-by-own-head)
// parameters: $as_of
MATCH (p:Post)-[r:POST_OF]->(c:Council)
WHERE p.role = 'member'
  AND all(el IN [p, r, c] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (hd:Post)-[ap:APPOINTS]->(p)
WHERE hd.role = 'head'
  AND all(el IN [hd, ap] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
OPTIONAL MATCH (hd)-[ho:POST_OF]->(ha:Administration)
WHERE all(el IN [ho, ha] WHERE coalesce(el.valid_from, $as_of) <= $as_of
  AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, c, hd, collect(DISTINCT ha.id) AS head_of
WITH p, c, collect(hd.id) AS heads,
     sum(CASE WHEN hd IS NOT NULL AND size(head_of) = 0 THEN 1 ELSE 0 END) AS generic,
     collect(head_of) AS head_ofs
WITH p, c, heads, generic, reduce(all_of = [], x IN head_ofs | all_of + x) AS appointed_by_head_of
OPTIONAL MATCH (p)-[rp:REPRESENTS]->(a:Administration)
WHERE all(el IN [rp, a] WHERE coalesce(el.valid_from, $as_of) <= $as_of AND $as_of <= coalesce(el.valid_to, $as_of))
WITH p, c, heads, generic, appointed_by_head_of, collect(DISTINCT a.id) AS represented
WITH p, c, CASE
    WHEN size(heads) = 0 THEN [{variant: 'no-head', focus: [p.id]}]
    WHEN generic > 0 THEN []
    WHEN size(represented) = 0 THEN [{variant: 'unevaluable', focus: [p.id]}]
    ELSE [a IN represented WHERE NOT a IN appointed_by_head_of | {variant: 'wrong-head', focus: [p.id, a]}]
  END AS found
UNWIND found AS f
RETURN DISTINCT f.variant AS variant, f.focus AS focus, c.id AS council
