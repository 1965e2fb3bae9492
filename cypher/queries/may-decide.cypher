// name: may-decide
// description: the posts and bodies that hold the mandate to decide one topic (MAY_DECIDE), with reason and source
// parameters: $topic
MATCH (d:OrgNode)-[r:MAY_DECIDE]->(t:OrgNode:Topic {id: $topic})
RETURN d.id AS decider, d.name AS name, r.reason AS reason, r.source_document AS source_document,
       r.source_section AS source_section
ORDER BY decider
