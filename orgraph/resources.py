"""Find the files shipped beside the code: ``seed/``, ``cypher/`` and ``visualize/``.

In a wheel they are package data under ``orgraph/_data/``; in a checkout they
sit at the repository's top level.  Everything reads them through here.

>>> (data_dir("seed") / "region.yaml").is_file()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["SHIPPED", "data_dir"]

SHIPPED = ("seed", "examples", "cypher", "visualize")


def data_dir(name: str) -> Path:
    """The directory ``name`` (one of :data:`SHIPPED`) from the wheel or from the checkout."""
    if name not in SHIPPED:
        raise ValueError(f"not a shipped directory: {name}")
    packaged = Path(str(resources.files("orgraph"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
