"""Stage 3: answers to planners' questions, computed over any backend's generic reads.

- :mod:`.catalog` — ``list`` and ``show``
- :mod:`.escalation` — where a question goes, and reporting lines
"""
