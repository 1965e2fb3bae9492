"""Stage 1 of the flow: the YAML files become a validated, typed model and its graph.

- :mod:`.schema` — the file format (pydantic models; the JSON Schema is generated from them)
- :mod:`.loader` — read a data directory, report every error at once with file and line
- :mod:`.graph` — the :class:`~orgraph.model.graph.Model` and its networkx graph on a date
- :mod:`.values` — the value codec (dates ↔ ISO text, what JSON can hold)
"""
