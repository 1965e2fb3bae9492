"""Stage 4: results as people and scripts read them — one text formatter and one JSON shape per result.

- :mod:`.text` — tables, hop lines, citations
- :mod:`.json` — the stable JSON of ``--format json``
"""
