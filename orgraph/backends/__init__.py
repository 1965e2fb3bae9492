"""Backends answer the same reads: :mod:`.memory` (networkx, the default) and :mod:`.neo4j` (Bolt)."""
