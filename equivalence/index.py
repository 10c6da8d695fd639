"""Find the mappings, and keep their compiled index in a cache keyed by content hash.

This module is on every query's path, so it imports only the standard library: a warm query
unpickles plain dicts and never imports pydantic, PyYAML or networkx.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# Files whose code shapes the index: a change to them must not reuse an old cache entry.
_COMPILER_FILES = ("models.py", "loader.py", "compile.py", "names.py")


def default_mappings_dir() -> Path:
    """The shipped mappings: inside the installed package, or at the root of a source checkout."""
    packaged = _HERE / "mappings"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "mappings"


def _yaml_files(root: Path) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found.extend(os.path.join(folder, f) for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return found


def content_hash(root: Path) -> str:
    """A 64-bit digest (CRC-32 and Adler-32) of the compiler's code and every mapping file's path and bytes.

    It only keys a cache entry, so it needs to notice changes, not resist attacks; zlib's checksums
    import in a fraction of the time hashlib's OpenSSL binding takes, on every query.
    """
    crc, adler = 0, 1

    def feed(data: bytes) -> None:
        nonlocal crc, adler
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)

    for name in _COMPILER_FILES:
        feed((_HERE / name).read_bytes())
    for path in _yaml_files(root):
        feed(os.path.relpath(path, root).encode() + b"\0")
        with open(path, "rb") as fh:
            feed(fh.read())
        feed(b"\0")
    return f"{crc:08x}{adler:08x}"


def cache_dir() -> Path | None:
    """Where compiled indexes are kept; EQUIVALENCE_CACHE_DIR overrides, 'off' disables."""
    chosen = os.environ.get("EQUIVALENCE_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "equivalence"


def load_index(root: str | os.PathLike | None = None, *, use_cache: bool = True) -> dict:
    """The compiled index of a mapping folder (default: the shipped mappings).

    Raises
    ------
    MappingErrors
        When the folder does not validate.
    """
    root = Path(root) if root is not None else default_mappings_dir()
    shown = None if root != default_mappings_dir() else "mappings"
    cache = cache_dir() if use_cache else None
    key = content_hash(root) if root.is_dir() else None
    if cache is not None and key is not None:
        entry = cache / f"index-{key}.pickle"
        try:
            with open(entry, "rb") as fh:
                index = pickle.load(fh)
            index["root"] = str(root)
            return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    from .compile import compile_folder  # heavy: pydantic + PyYAML, only on a cache miss

    index = compile_folder(root, display_root=shown)
    index["hash"] = key
    if cache is not None and key is not None:
        # The catalogues (2,000+ occupations) go to a file of their own: most queries never read them.
        core = {k: v for k, v in index.items() if k != "catalogue"}
        _write_atomically(cache, f"index-{key}.pickle", core)
        _write_atomically(cache, f"index-{key}-catalogue.pickle", index["catalogue"])
    index["root"] = str(root)
    return index


def load_part(index: dict, part: str, build):
    """A part of the index kept in its own cache file (``catalogue``, ``search``), built if missing.

    ``build()`` makes the part when it is neither in memory nor in the cache.
    """
    if part in index:
        return index[part]
    cache, key = cache_dir(), index.get("hash")
    entry = cache / f"index-{key}-{part}.pickle" if cache is not None and key else None
    if entry is not None:
        try:
            with open(entry, "rb") as fh:
                index[part] = pickle.load(fh)
            return index[part]
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    index[part] = build()
    if entry is not None:
        _write_atomically(cache, entry.name, index[part])
    return index[part]


def _write_atomically(folder: Path, name: str, index: dict) -> None:
    # A cache we cannot write is not an error: the next query compiles again.
    import tempfile  # only on a cache miss

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
    except OSError:
        pass
