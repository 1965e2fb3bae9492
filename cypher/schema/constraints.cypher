// The uniqueness constraint for Neo4j 5 (Community): on the id of the label every orgraph node has.
// Generated from orgraph/vocabulary.py by orgraph.backends.cypher_load.schema_text(); do not edit.
// `orgraph load` applies them; Neo4j needs them before data is written, in their own transaction.
CREATE CONSTRAINT orgraph_org_node_id IF NOT EXISTS FOR (n:OrgNode) REQUIRE n.id IS UNIQUE;
