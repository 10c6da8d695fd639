"""Read a mapping folder: safe YAML with line numbers, pydantic validation, every error collected.

Nothing here stops at the first problem: each file is read, each record validated, and all
problems are raised together as one :class:`~equivalence.errors.MappingErrors`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import MappingError, MappingErrors
from .index import LAYER_FILE, yaml_files
from .models import (ID_PATTERN, REF_PATTERN, Catalogue, Honour, Ladder, Layer, PointsScheme, Purpose,
                     Rule, Source)

SECTIONS = ("sources", "purposes", "ladders", "rules", "catalogues", "honours", "points_schemes", "layer")

try:  # libyaml parses ~10x faster; the pure-Python parser gives the same nodes.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass
class Located:
    """A validated record and where it was written."""

    item: Source | Purpose | Ladder | Rule
    path: str
    line: int
    lines: dict  # key path (tuple) inside the record -> line number


@dataclass
class Mappings:
    """Every record of a mapping folder, in file order, each with its location."""

    root: str
    sources: list[Located] = field(default_factory=list)
    purposes: list[Located] = field(default_factory=list)
    ladders: list[Located] = field(default_factory=list)
    rules: list[Located] = field(default_factory=list)
    catalogues: list[Located] = field(default_factory=list)
    honours: list[Located] = field(default_factory=list)
    points_schemes: list[Located] = field(default_factory=list)
    layer: Located | None = None  # from the folder's layer.yaml; None: the national layer
    files: list[str] = field(default_factory=list)


def mapping_files(root: str | os.PathLike) -> list[Path]:
    """All mapping files of the layer at ``root`` (see index.yaml_files), in path order."""
    return sorted(Path(p) for p in yaml_files(root))


def read_yaml(text: str, path: str) -> tuple[object, dict]:
    """Parse one YAML document; return the data and a map of key paths to 1-based line numbers.

    Raises MappingErrors for syntax errors and duplicate keys (which plain PyYAML drops silently).
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise MappingErrors([MappingError(path, line, "", f"YAML syntax: {problem}")]) from None
    if node is None:
        return None, {}
    lines: dict = {(): node.start_mark.line + 1}
    duplicates: list[MappingError] = []
    _walk(node, (), lines, duplicates, path)
    if duplicates:
        raise MappingErrors(duplicates)
    # Build the data from the nodes already composed (parsing the text twice costs a third of a load).
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except ValueError:  # a well-formed scalar that is no real value, e.g. the date 2021-02-30
        raise MappingErrors(_bad_scalars(node, (), path) or
                            [MappingError(path, None, "", "a value YAML cannot read")]) from None
    finally:
        loader.dispose()
    return data, lines


def _bad_scalars(node, at: tuple, path: str) -> list:
    """Every scalar below ``node`` that YAML recognises by its form but cannot build (bad dates)."""
    if isinstance(node, yaml.MappingNode):
        return [e for k, v in node.value for e in _bad_scalars(v, at + (k.value,), path)]
    if isinstance(node, yaml.SequenceNode):
        return [e for i, v in enumerate(node.value) for e in _bad_scalars(v, at + (i,), path)]
    loader = _Loader("")
    try:
        loader.construct_object(node)
    except ValueError:
        return [MappingError(path, node.start_mark.line + 1, format_loc(at), f"not a real date: '{node.value}'")]
    finally:
        loader.dispose()
    return []


def _walk(node, at: tuple, lines: dict, problems: list, path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(MappingError(path, key_node.start_mark.line + 1, format_loc(at + (key,)),
                                             "duplicate key"))
            seen.add(key)
            lines[at + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, at + (key,), lines, problems, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[at + (i,)] = item.start_mark.line + 1
            _walk(item, at + (i,), lines, problems, path)


def line_of(lines: dict, loc: tuple) -> int | None:
    """The line of ``loc`` or of its closest ancestor that has one (a missing key points at its record)."""
    loc = tuple(loc)
    while loc not in lines and loc:
        loc = loc[:-1]
    return lines.get(loc)


def format_loc(loc) -> str:
    """('rules', 2, 'to') -> 'rules[2].to'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_PATTERN_WORDS = {
    ID_PATTERN: "an id (lower-case ASCII letters, digits, '_' or '-', starting with a letter)",
    REF_PATTERN: "a level reference LADDER.LEVEL or a range LADDER.LOW..HIGH",
}


def explain(error: dict) -> str:
    """A short, human message for one pydantic error."""
    kind, loc = error["type"], error["loc"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'"
    if kind == "missing":
        return "required, missing"
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(error["ctx"]["pattern"], f"a text matching {error['ctx']['pattern']}")
        return f"'{error['input']}' is not {words}"
    if kind == "literal_error":
        return f"'{error['input']}' is not one of {error['ctx']['expected']}"
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    return msg[:1].lower() + msg[1:]


def _loc_of(error: dict) -> tuple:
    loc = tuple(error["loc"])
    # The 'from' field is declared as from_ with alias 'from'; pydantic reports the alias.
    return tuple(p for p in loc if p not in ("function-after[_shape()]",))


def load_folder(root: str | os.PathLike, *, display_root: str | None = None) -> Mappings:
    """Read and validate every mapping file below ``root``.

    Parameters
    ----------
    root : folder to read.
    display_root : how the folder is named in messages (default: ``root`` as given).

    Raises
    ------
    MappingErrors
        With every problem of every file (syntax, unknown keys, wrong types …).
    """
    root = Path(root)
    if not root.is_dir():
        raise MappingErrors([MappingError(str(root), None, "", "not a folder of mapping files")])
    shown = display_root if display_root is not None else str(root)
    result = Mappings(root=str(root))
    problems: list[MappingError] = []
    for file in mapping_files(root):
        rel = os.path.join(shown, os.path.relpath(file, root))
        result.files.append(str(file))
        try:
            data, lines = read_yaml(file.read_text(encoding="utf-8"), rel)
        except MappingErrors as exc:
            problems.extend(exc.errors)
            continue
        except UnicodeDecodeError:
            problems.append(MappingError(rel, None, "", "not UTF-8 text"))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(MappingError(rel, 1, "", "expected a mapping with any of: " + ", ".join(SECTIONS)))
            continue
        for key in data:
            if key not in SECTIONS:
                problems.append(MappingError(rel, lines.get((key,)), str(key),
                                             "unknown section (expected " + ", ".join(SECTIONS) + ")"))
        if "layer" in data:
            if file.name != LAYER_FILE or file.parent != root:
                problems.append(MappingError(rel, lines.get(("layer",)), "layer",
                                             f"a layer is declared only in the {LAYER_FILE} at the root of its folder"))
            else:
                try:
                    result.layer = Located(Layer.model_validate(data["layer"]), rel, lines.get(("layer",), 1),
                                           {k[1:]: v for k, v in lines.items() if k[:1] == ("layer",)})
                except ValidationError as exc:
                    for err in exc.errors():
                        loc = ("layer",) + _loc_of(err)
                        problems.append(MappingError(rel, line_of(lines, loc), format_loc(loc), explain(err)))
        for section, model in (("sources", Source), ("purposes", Purpose), ("ladders", Ladder), ("rules", Rule),
                                 ("catalogues", Catalogue), ("honours", Honour), ("points_schemes", PointsScheme)):
            items = data.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                problems.append(MappingError(rel, lines.get((section,)), section, "expected a list"))
                continue
            by_record: dict[int, dict] = {}  # each record's own key paths -> lines, in one pass
            for key, line in lines.items():
                if len(key) > 2 and key[0] == section and isinstance(key[1], int):
                    by_record.setdefault(key[1], {})[key[2:]] = line
            for i, raw in enumerate(items):
                at = (section, i)
                try:
                    item = model.model_validate(raw)
                except ValidationError as exc:
                    for err in exc.errors():
                        loc = at + _loc_of(err)
                        problems.append(MappingError(rel, line_of(lines, loc), format_loc(loc), explain(err)))
                    continue
                getattr(result, section).append(Located(item, rel, lines.get(at, 1), by_record.get(i, {})))
    if problems:
        raise MappingErrors(problems)
    return result
