"""Test harness for orgraph: Neo4j's Cypher linter and a throwaway FalkorDB server."""
