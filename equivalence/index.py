"""Find the mappings, and keep their compiled index in a cache keyed by content hash.

This module is on every query's path, so it imports only the standard library: a warm query
unpickles plain dicts and the records of records.py, and never imports pydantic, PyYAML or networkx.
"""

from __future__ import annotations

import gc
import os
import pickle
import stat
import zlib
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# Files whose code shapes the index: a change to them must not reuse an old cache entry.
_COMPILER_FILES = ("models.py", "records.py", "loader.py", "compile.py", "names.py", "layer_conflicts.py")


def default_mappings_dir() -> Path:
    """The shipped mappings: inside the installed package, or at the root of a source checkout."""
    packaged = _HERE / "mappings"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "mappings"


LAYER_FILE = "layer.yaml"  # a folder holding one is a layer of its own (mappings/README.md, "Layers")


# A mapping folder holds tens of files in a few folders; a walk that meets far more is not one
# (`--mappings /`), and stops before it reads the disk.
MAX_FOLDERS = 1_000
MAX_FILES = 10_000
# One mapping file: reading takes ~12 times its size in memory, ~90 times for one that the composing
# reader reads (tags on lists or mappings, keys that are not text …: see loader.read_yaml).
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_FOLDER_BYTES = 32 * 1024 * 1024  # all the files of one layer together


def yaml_files(root, skipped: list | None = None) -> list[str]:
    """The mapping files that make up the layer at ``root``: every ``*.yaml`` / ``*.yml`` below it,
    leaving out the folders that are layers of their own. The loader reads these, the cache key
    hashes them.

    Only regular files inside the folder count: a pipe would hang the read and a link out of the
    folder would read what the layer does not hold. Those names go to ``skipped`` when given.

    Raises MappingErrors when the walk meets more than MAX_FOLDERS folders or MAX_FILES files.
    """
    found = []
    inside = os.path.join(os.path.realpath(root), "")
    folders = 0
    for folder, dirs, files in os.walk(root):  # does not follow links to folders
        folders += 1
        if folders > MAX_FOLDERS or len(found) > MAX_FILES:
            from .errors import MappingError, MappingErrors

            raise MappingErrors([MappingError(str(root), None, "", code="too_many_files", folders=MAX_FOLDERS,
                                              files=MAX_FILES)])
        dirs[:] = sorted(d for d in dirs if not os.path.isfile(os.path.join(folder, d, LAYER_FILE)))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(folder, name)
                if _regular_inside(path, inside):
                    found.append(path)
                elif skipped is not None:
                    skipped.append(path)
    return found


def _regular_inside(path: str, inside: str) -> bool:
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            if not os.path.realpath(path).startswith(inside):
                return False
            mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode)


def content_hash(root: Path, prefix: bytes = b"") -> str:
    """A 64-bit digest (CRC-32 and Adler-32) of the compiler's code and every mapping file's path and bytes.

    It only keys a cache entry, so it needs to notice changes, not resist attacks; zlib's checksums
    import in a fraction of the time hashlib's OpenSSL binding takes, on every query.
    """
    crc, adler = zlib.crc32(prefix), zlib.adler32(prefix)

    def feed(data: bytes) -> None:
        nonlocal crc, adler
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)

    for name in _COMPILER_FILES:
        feed((_HERE / name).read_bytes())
    for path in yaml_files(root):
        feed(os.path.relpath(path, root).encode() + b"\0")
        with open(path, "rb") as fh:
            feed(fh.read(MAX_FILE_BYTES + 1))  # the loader refuses a larger file: its head keys it
        feed(b"\0")
    return f"{crc:08x}{adler:08x}"


def available_layers() -> list[dict]:
    """The shipped province and example layers: id, names, scope, region and folder."""
    import yaml  # a handful of small files, read only when a region or the list is asked for

    found = []
    for group in ("regions", "examples"):
        base = default_mappings_dir() / group
        if not base.is_dir():
            continue
        for folder in sorted(p for p in base.iterdir() if (p / "layer.yaml").is_file()):
            try:
                data = yaml.safe_load((folder / "layer.yaml").read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError):
                continue
            layer = data.get("layer") if isinstance(data, dict) else None
            if isinstance(layer, dict):
                found.append({**{k: layer.get(k) for k in ("id", "zh", "en", "scope", "region")}, "path": str(folder)})
    return found


def region_layers(region: str) -> list[str]:
    """Folders of the shipped layers for a region named by zh or en name, id or code (广东, CN-GD)."""
    from .errors import EquivalenceError
    from .names import normalize

    wanted = normalize(region)
    provinces = [x for x in available_layers() if x["scope"] == "province"]
    hits = [x["path"] for x in provinces
            if wanted in {normalize(str(x[k])) for k in ("id", "zh", "en", "region") if x.get(k)}
            or normalize(str(x.get("zh") or "")).rstrip("省市") == wanted.rstrip("省市")]
    if not hits:
        raise EquivalenceError(code="unknown_region", name=region,
                               known=[("region_option", {"zh": x["zh"], "region": x["region"]}) for x in provinces])
    return hits


def cache_dir() -> Path | None:
    """Where compiled indexes are kept; EQUIVALENCE_CACHE_DIR overrides, 'off' disables."""
    chosen = os.environ.get("EQUIVALENCE_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "equivalence"


def load_index(root: str | os.PathLike | None = None, *, layers=(), use_cache: bool = True) -> dict:
    """The compiled index of a mapping folder (default: the shipped mappings) and layers on top of it.

    Raises
    ------
    MappingErrors
        When the folder does not validate.
    """
    from .arguments import folder, folders  # exported as equivalence.load_index: a path string is one layer

    root = Path(folder("root", root)) if root is not None else default_mappings_dir()
    layers = [Path(p) for p in folders("layers", layers)]
    shown = None if root != default_mappings_dir() else "mappings"
    cache = cache_dir() if use_cache else None
    key = None
    # A folder that is not a layer is refused by the compiler before it walks it (`--layer /`).
    if root.is_dir() and all((p / LAYER_FILE).is_file() for p in layers):
        key = content_hash(root)
        for layer in layers:  # each layer, and the order they are stacked in, changes the answer
            key = content_hash(layer, prefix=key.encode())
    if cache is not None and key is not None:
        index = _read_entry(cache / f"index-{key}.pickle")
        if isinstance(index, dict) and index.get("format") == INDEX_FORMAT and _CORE_KEYS <= index.keys():
            index["root"] = str(root)
            return index
    from .compile import compile_folder  # heavy: pydantic + PyYAML, only on a cache miss

    index = compile_folder(root, display_root=shown, layers=layers)
    index["hash"] = key
    if cache is not None and key is not None:
        # The catalogues (2,000+ occupations) go to a file of their own: most queries never read them.
        core = {k: v for k, v in index.items() if k != "catalogue"}
        _write_atomically(cache, f"index-{key}.pickle", core)
        _write_atomically(cache, f"index-{key}-catalogue.pickle", index["catalogue"])
        _prune(cache, keep=key)
    index["root"] = str(root)
    return index


# Each cache entry is MAGIC, the CRC-32 of the pickle, then the pickle: a damaged entry (a flipped
# bit, a truncated write, another version's file) is noticed before it is unpickled, and rebuilt.
MAGIC = b"EQIX"
INDEX_FORMAT = 4  # the shape of the compiled index; compile.py builds it, a change discards old entries
_CORE_KEYS = frozenset({"sources", "purposes", "ladders", "levels", "rules", "out", "in", "names",
                        "ladder_level_names", "ladder_names", "layers"})
MAX_ENTRIES = 12  # compiled indexes kept (one per mappings content and stack of layers)


def _read_entry(entry: Path):
    """The object in a cache entry; None (and the entry removed) when it is missing or damaged."""
    try:
        with open(entry, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:4] == MAGIC and len(data) > 8 and zlib.crc32(data[8:]) == int.from_bytes(data[4:8], "big"):
        try:
            return _unpickle(data[8:])
        except Exception:  # noqa: BLE001 - a checksummed pickle that still fails: any error means damaged
            pass
    try:
        entry.unlink()
    except OSError:
        pass
    return None


def _unpickle(data: bytes):
    # Unpickling makes tens of thousands of objects and no cycles: the cyclic collector would run
    # a few times in between for nothing (a fifth of the load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if collecting:
            gc.enable()


def _prune(folder: Path, keep: str) -> None:
    """Keep the MAX_ENTRIES most recently written indexes (with their parts); drop older ones and
    temporary files a killed run left behind."""
    import time

    try:
        names = os.listdir(folder)
        groups: dict[str, float] = {}
        for name in names:
            if name.startswith("index-") and name.endswith(".pickle"):
                key = name[len("index-"):].split("-")[0].split(".")[0]
                mtime = os.stat(folder / name).st_mtime
                groups[key] = max(groups.get(key, 0.0), mtime)
            elif name.startswith(".tmp-") and os.stat(folder / name).st_mtime < time.time() - 3600:
                os.unlink(folder / name)
        old = sorted((k for k in groups if k != keep), key=groups.__getitem__, reverse=True)[MAX_ENTRIES - 1:]
        for name in names:
            if name.startswith("index-") and name[len("index-"):].split("-")[0].split(".")[0] in old:
                os.unlink(folder / name)
    except OSError:  # another process pruned first, or the folder is read-only: not an error
        pass


def load_part(index: dict, part: str, build):
    """A part of the index kept in its own cache file (``catalogue``, ``search``), built if missing.

    ``build()`` makes the part when it is neither in memory nor in the cache.
    """
    if part in index:
        return index[part]
    cache, key = cache_dir(), index.get("hash")
    entry = cache / f"index-{key}-{part}.pickle" if cache is not None and key else None
    if entry is not None:
        found = _read_entry(entry)
        if found is not None:
            index[part] = found
            return found
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
        data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + zlib.crc32(data).to_bytes(4, "big") + data)
        os.replace(tmp, folder / name)
    except OSError:
        pass
