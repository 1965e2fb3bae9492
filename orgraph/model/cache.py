"""The compiled-model cache: a validated model kept per data directory, used only while nothing changed.

:func:`load_cached` answers like :func:`orgraph.model.loader.load`, but first looks in the user's cache
directory (``platformdirs.user_cache_dir("orgraph")``, or ``$ORGRAPH_CACHE_DIR``) for the model of that
directory.  The entry's key is a hash of orgraph's version, the cache format, the source of the modules
that build a model (so that changed code never reads an old entry), and the name, size and bytes of
every ``.yaml``/``.yml`` file under the directory.  An entry is used only when its key matches and its
payload is whole (length and digest); anything else (a stale, foreign, truncated or unreadable entry) is
ignored and rewritten from the YAML.  Entries are written to a temporary file and moved into place with
``os.replace``, so a reader never sees half a file.

The payload is two pickles: the :class:`~orgraph.model.graph.Compiled` form (plain dicts, tuples and
dates: reading it imports neither pydantic nor networkx) and the typed nodes and relations, unpickled
only when something asks for them.  Pickle runs code from the file it reads, so only files this module
wrote are read: they sit in the user's own cache directory, are checked against the digest stored with
them, and a wrong key or digest is never unpickled.  (Whoever can write there can already run code as
the user.)

>>> import tempfile, os
>>> from orgraph.resources import data_dir
>>> os.environ["ORGRAPH_CACHE_DIR"] = tempfile.mkdtemp()
>>> first = load_cached(data_dir("seed"))
>>> again = load_cached(data_dir("seed"))
>>> again.compiled.nodes == first.compiled.nodes, len(entries())
(True, 1)
>>> clear(), entries()
(1, [])
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orgraph
from orgraph.collector import collector_paused
from orgraph.model.graph import Compiled, Model

try:  # the C modules themselves: hashlib loads OpenSSL and pickle.py a dozen modules, for two functions
    from _blake2 import blake2b
    from _pickle import loads as _loads
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b
    from pickle import loads as _loads

#: Bumped when the file layout or the compiled form changes.
FORMAT = 4
MAGIC = b"orgraph-model-cache\n"
SUFFIX = ".model"
DATA_SUFFIXES = (".yaml", ".yml", ".txt")  # .txt: the documents' texts, which citations are checked against
#: The modules whose code decides what a loaded model holds.
_BUILDERS = ("model/loader.py", "model/schema.py", "model/graph.py", "model/snapshot.py", "model/values.py",
             "model/provenance.py", "model/sources.py", "vocabulary.py")


def cache_dir() -> Path:
    """Where entries live: ``$ORGRAPH_CACHE_DIR``, else the user's cache directory for orgraph."""
    chosen = os.environ.get("ORGRAPH_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("orgraph", appauthor=False))


def entry_path(directory: str | Path) -> Path:
    """The entry of one data directory (named by a hash of its absolute path)."""
    where = str(Path(directory).resolve())
    return cache_dir() / (blake2b(where.encode("utf-8"), digest_size=12).hexdigest() + SUFFIX)


def key_of(directory: str | Path) -> str:
    """The hash an entry must carry to be used for ``directory`` as it is now."""
    directory = Path(directory)
    digest = blake2b(digest_size=32)
    digest.update(f"orgraph {orgraph.__version__} format {FORMAT}\n".encode())
    package = Path(orgraph.__file__).parent
    for name in _BUILDERS:
        digest.update(name.encode() + b"\0" + (package / name).read_bytes())
    files = sorted(p for p in directory.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file())
    for path in files:
        data = path.read_bytes()
        digest.update(f"\0{path.relative_to(directory).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def load_cached(directory: str | Path, *, use_cache: bool = True) -> Model:
    """The validated model of ``directory``, from the cache when it is current, else loaded and stored.

    Raises :class:`~orgraph.model.loader.ModelError` on bad input, exactly as the loader does (nothing is
    stored then).  ``use_cache=False`` neither reads nor writes an entry.
    """
    directory = Path(directory)
    if not use_cache or not directory.is_dir():
        return _load(directory)
    try:
        key = key_of(directory)
    except OSError:  # a file or folder that cannot be read: the loader names it, file by file
        return _load(directory)
    path = entry_path(directory)
    model = read(path, key, directory)
    if model is None:
        model = _load(directory)
        write(path, key, model)
    return model


def _load(directory: Path) -> Model:
    from orgraph.model.loader import load

    return load(directory)


def read(path: Path, key: str, directory: Path) -> Model | None:
    """The model in the entry at ``path`` if it carries ``key`` and is whole, else None."""
    try:
        with path.open("rb") as handle:
            header = _header(handle, key)
            if header is None:
                return None
            compiled_bytes = handle.read(header["compiled"][0])
    except OSError:
        return None
    if not _whole(compiled_bytes, header["compiled"]):
        return None
    try:
        compiled, locations, relation_locations = _unpickle(compiled_bytes)
    except Exception:  # noqa: BLE001 - a damaged entry is a miss, never an error
        return None
    if not isinstance(compiled, Compiled):
        return None
    return Model(compiled=compiled, typed=lambda: _typed(path, key, directory), locations=locations,
                 relation_locations=relation_locations)


def _unpickle(data: bytes) -> Any:
    """``pickle.loads`` with the cyclic collector paused: millions of new objects, no cycles (⅔ of the time)."""
    with collector_paused():
        return _loads(data)


def _header(handle: Any, key: str) -> dict[str, Any] | None:
    if handle.read(len(MAGIC)) != MAGIC:
        return None
    try:
        header = json.loads(handle.readline())
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("key") != key or header.get("format") != FORMAT:
        return None
    try:  # a whole file: exactly the two payloads after the header
        whole = handle.tell() + header["compiled"][0] + header["typed"][0] == os.fstat(handle.fileno()).st_size
    except (KeyError, IndexError, TypeError):
        return None
    return header if whole else None


def _whole(data: bytes, expected: list[Any]) -> bool:
    return len(data) == expected[0] and blake2b(data, digest_size=32).hexdigest() == expected[1]


def _typed(path: Path, key: str, directory: Path) -> tuple[dict[str, Any], tuple]:
    """The typed nodes and relations of an entry (a damaged or replaced entry: loaded from the YAML)."""
    try:
        with path.open("rb") as handle:
            header = _header(handle, key)
            if header is not None:
                handle.seek(header["compiled"][0], os.SEEK_CUR)
                typed_bytes = handle.read(header["typed"][0])
                if _whole(typed_bytes, header["typed"]):
                    nodes, relations = _unpickle(typed_bytes)
                    return nodes, relations
    except Exception:  # noqa: BLE001 - fall back to the files themselves
        pass
    model = _load(directory)
    return model.nodes, model.relations


def write(path: Path, key: str, model: Model) -> bool:
    """Store ``model`` under ``key`` atomically; False (and nothing left behind) when that is not possible."""
    import pickle

    # Stored with it, so that a command on the cached model reads only the nodes it asks about.
    model.compiled.incidence(), model.compiled.kinds(), model.compiled.dated()
    compiled = pickle.dumps((model.compiled, model.locations, model.relation_locations),
                            protocol=pickle.HIGHEST_PROTOCOL)
    typed = pickle.dumps((model.nodes, model.relations), protocol=pickle.HIGHEST_PROTOCOL)
    header = {"key": key, "format": FORMAT, "orgraph": orgraph.__version__,
              "compiled": [len(compiled), blake2b(compiled, digest_size=32).hexdigest()],
              "typed": [len(typed), blake2b(typed, digest_size=32).hexdigest()]}
    import tempfile

    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(MAGIC + json.dumps(header).encode("utf-8") + b"\n")
            handle.write(compiled)
            handle.write(typed)
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False


def entries() -> list[Path]:
    """Every entry in the cache directory."""
    where = cache_dir()
    return sorted(where.glob("*" + SUFFIX)) if where.is_dir() else []


def clear() -> int:
    """Remove every entry (and any temporary file left by an interrupted write); how many entries went."""
    where = cache_dir()
    removed = 0
    for path in entries():
        path.unlink(missing_ok=True)
        removed += 1
    if where.is_dir():
        for leftover in where.glob("*" + SUFFIX + ".*.tmp"):
            leftover.unlink(missing_ok=True)
    return removed


__all__ = ["FORMAT", "cache_dir", "clear", "entries", "entry_path", "key_of", "load_cached", "read", "write"]
