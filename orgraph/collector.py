"""The cyclic garbage collector paused while a burst of new objects is built that holds no cycles.

Loading a model, reading the model cache, materialising a date and running the rules each make hundreds of
thousands to millions of small lists, tuples and dicts and no reference cycles; the collector's passes over
that growing heap were up to two thirds of their time (benchmarks/RESULTS.md).  :func:`collector_paused`
turns it off for the block and back on afterwards, only if it was on.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block (left off if it was off already)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
