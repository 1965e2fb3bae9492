"""The language a model declares (``language`` on its Region): what the text output speaks by default.

A module of its own so that ``orgraph escalate``, ``show`` and ``check`` need not import the page (and networkx).

>>> import datetime as dt
>>> from orgraph.backends.memory import MemoryBackend
>>> from orgraph.model.loader import load
>>> from orgraph.resources import data_dir
>>> declared_language(MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23)))
'sv'
"""

from __future__ import annotations

from orgraph.backends.base import Backend
from orgraph.vocabulary import Kind

__all__ = ["declared_language"]


def declared_language(backend: Backend) -> str | None:
    """The language the model declares (``language`` on its first region), or ``None``."""
    declared = [node.get("language") for node in backend.nodes([Kind.REGION]) if node.get("language")]
    return str(declared[0]) if declared else None
