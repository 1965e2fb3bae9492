"""orgraph: the coordination councils of Västra Götalandsregionen as a graph.

The library is usable without the command line::

    >>> import datetime as dt
    >>> from orgraph.model.loader import load
    >>> from orgraph.backends.memory import MemoryBackend
    >>> from orgraph.resources import data_dir
    >>> backend = MemoryBackend(load(data_dir("seed")), dt.date(2026, 11, 23))
    >>> backend.node("sr-ortopedi")["name"]
    'Samordningsråd ortopedi'
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
