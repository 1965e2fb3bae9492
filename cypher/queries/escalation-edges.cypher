// name: escalation-edges
// description: every ESCALATES_TO edge of one topic valid on a date (both ends valid too), with its reason and source
// parameters: $topic, $as_of
MATCH (a:OrgNode)-[r:ESCALATES_TO]->(b:OrgNode)
WHERE r.topic = $topic
  AND (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of <= r.valid_to)
  AND (a.valid_from IS NULL OR a.valid_from <= $as_of) AND (a.valid_to IS NULL OR $as_of <= a.valid_to)
  AND (b.valid_from IS NULL OR b.valid_from <= $as_of) AND (b.valid_to IS NULL OR $as_of <= b.valid_to)
RETURN a.id AS source, b.id AS target, r.reason AS reason, r.source_document AS source_document,
       r.source_section AS source_section
ORDER BY source, target, source_document
