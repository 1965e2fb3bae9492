"""The Neo4j launcher's home (``pom.xml``, ``src/``); ``python -m orgraph_testing.neo4j`` starts one by hand."""
