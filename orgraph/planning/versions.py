"""Another version of the model, from a directory or from a git ref, to compare with (``orgraph diff --against``).

A git ref is read with ``git archive`` into a temporary directory that is removed afterwards: the work
tree, the index and the checked-out branch are never touched.  The data directory's own path inside
the repository is the path read at the ref.

>>> from orgraph.resources import data_dir
>>> model, label = read_version(data_dir("seed"), str(data_dir("seed")))
>>> "sr-ortopedi" in model.nodes, label.endswith("seed")
(True, True)
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from orgraph.errors import UsageError
from orgraph.model.graph import Model
from orgraph.model.loader import ModelError, load

__all__ = ["read_version", "model_at_ref"]


def read_version(data_dir: Path, against: str) -> tuple[Model, str]:
    """The model ``against`` names — a directory, else a git ref of the repository ``data_dir`` is in — and a label."""
    path = Path(against)
    if path.is_dir():
        return load(path), str(path)
    return model_at_ref(data_dir, against)


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(directory), *args], capture_output=True, check=False)


def model_at_ref(data_dir: Path, ref: str) -> tuple[Model, str]:
    """The model in ``data_dir`` as it stands at git ``ref``, and the label ``REF:path``.

    Raises :class:`~orgraph.errors.UsageError` when ``data_dir`` is not in a git repository, the ref is
    unknown or the directory did not exist at the ref; :class:`~orgraph.model.loader.ModelError` (file
    names as ``REF:path``) when the files at the ref are not a valid model.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"no such data directory: {data_dir}")
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UsageError(f"{ref!r} is not a directory, and {data_dir} is not in a git repository to read a ref from")
    if ref.startswith("-") or _git(data_dir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode:
        raise UsageError(f"{ref!r} is neither a directory nor a commit, branch or tag of the repository at "
                         f"{top.stdout.decode().strip()}")
    prefix = _git(data_dir, "rev-parse", "--show-prefix").stdout.decode().strip().rstrip("/")
    label = f"{ref}:{prefix or '.'}"
    archive = _git(Path(top.stdout.decode().strip()), "archive", "--format=tar", ref, "--", prefix or ".")
    if archive.returncode != 0:
        raise UsageError(f"{prefix or 'the data directory'} does not exist at {ref}")
    with tempfile.TemporaryDirectory(prefix="orgraph-version-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(temp, filter="data")
        root = Path(temp) / prefix
        try:
            return load(root), label
        except ModelError as error:
            raise ModelError([dataclasses.replace(p, file=p.file.replace(str(root), label, 1))
                              for p in error.problems]) from None
