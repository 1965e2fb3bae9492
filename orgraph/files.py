"""Writing a file so that a reader sees the old file or the new one, never half of either.

The bytes go to a temporary file beside the target, which then replaces it (``os.replace`` is atomic on
one file system); on any failure the temporary file is removed and the target is untouched.

>>> import tempfile
>>> from pathlib import Path
>>> target = Path(tempfile.mkdtemp()) / "page.html"
>>> write_atomically(target, "<p>hej</p>".encode("utf-8"), mode=0o644).read_text(encoding="utf-8")
'<p>hej</p>'
>>> [p.name for p in target.parent.iterdir()]  # no temporary file left behind
['page.html']
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(target: Path, data: bytes, *, mode: int | None = None, prefix: str | None = None) -> Path:
    """Replace ``target`` by a file holding ``data`` (its directory must exist); ``mode``: its permissions
    (else those ``mkstemp`` gives, owner only); ``prefix``: the temporary file's name (default ``.<name>.``)."""
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
