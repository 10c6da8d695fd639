"""Read a mapping folder: safe YAML with line numbers, pydantic validation, every error collected.

Nothing here stops at the first problem: each file is read, each record validated, and all
problems are raised together as one :class:`~equivalence.errors.MappingErrors`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import MappingError, MappingErrors
from . import index as _index
from .index import LAYER_FILE, yaml_files
from .models import (ID_PATTERN, OTHER_FORMS, REF_PATTERN, Catalogue, Honour, Ladder, Layer, PointsScheme,
                     Purpose, Rule, Source)

SECTIONS = ("sources", "purposes", "ladders", "rules", "catalogues", "honours", "points_schemes", "layer")

try:  # libyaml parses ~10x faster; the pure-Python parser gives the same nodes.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class RecordLines:
    """The line of each key path inside one record: a view of its file's lines, not a copy.

    ``get(("cite", 0, "source"))`` is the line of ``rules[3].cite[0].source`` in the file's lines
    when the record is ``("rules", 3)``, or None when the file's lines leave it out (it is on its
    parent's line: see Parsed). Copying each record's part took as much memory again as the file's
    lines (100 MB for 64,000 rules).
    """

    __slots__ = ("_lines", "_at")

    def __init__(self, lines: dict, at: tuple):
        self._lines, self._at = lines, at

    def get(self, loc: tuple, default=None):
        return self._lines.get(self._at + tuple(loc), default) if loc else default


@dataclass(slots=True)  # one per record: 64,000 of them for a large layer
class Located:
    """A validated record and where it was written."""

    item: Source | Purpose | Ladder | Rule
    path: str
    line: int
    lines: RecordLines  # key path (tuple) inside the record -> line number
    index: int | None = None  # its place in its file's section, counting the records that did not validate
    layer: str = "national"  # the id of its layer (set by compile)


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
    failed: dict = field(default_factory=dict)  # section -> ids of its records that did not validate


def mapping_files(root: str | os.PathLike, skipped: list | None = None) -> list[Path]:
    """All mapping files of the layer at ``root`` (see index.yaml_files), in path order; ``skipped``
    receives the ``*.yaml`` names that are not regular files inside the folder."""
    return sorted(Path(p) for p in yaml_files(root, skipped))


# Limits on what one mapping file may hold (sizes: index.MAX_FILE_BYTES): far above any shipped file
# (the largest is 200 KB, nested 6 levels deep, its largest number a year, 2022), far below what
# would exhaust the machine.
MAX_DEPTH = 32
ALIAS_BUDGET = 10_000  # values that aliases may add to a file (the shipped files share a few citations)
MAX_NUMBER = 10 ** 6
MAX_YEARS = 80  # a count of years (years_in_from, work_years, years, term_years) above a working life
_YEAR_KEYS = frozenset({"years_in_from", "work_years", "years", "term_years"})
_DATE_KEYS = frozenset({"as_of"})  # a profile's plan date: a number there is a date left unquoted
_TAG = "tag:yaml.org,2002:"
_DEFAULT_TAG = {yaml.ScalarNode: _TAG + "str", yaml.SequenceNode: _TAG + "seq", yaml.MappingNode: _TAG + "map"}
_SAFE_TAGS = frozenset(t for t in yaml.SafeLoader.yaml_constructors if t)


@dataclass
class Parsed:
    """One YAML document: its data, the line of each key path, and the values refused in place.

    ``lines`` may leave out a key path on the same line as its parent: read them with line_of.

    A refused value (an unknown tag, a date that does not exist, a number out of range) is reported
    once in ``problems`` and read as text, so the rest of its record and file is still checked;
    ``refused`` holds its key paths, whose schema errors would only repeat the report.
    """

    data: object
    lines: dict
    problems: list
    refused: set
    shared: bool = True  # whether a value may stand in two places (an alias); False: none does


def read_yaml(text: str, path: str) -> Parsed:
    """Parse one YAML document; see :class:`Parsed`.

    Raises MappingErrors for what leaves nothing to read: syntax errors, aliases (``*name``) that
    expand the file too far (see _walk), keys that are not text, nesting deeper than MAX_DEPTH.
    Duplicate keys (which plain PyYAML drops silently) are reported and the file read on.
    """
    try:
        return _read_streamed(text, path)
    except _NotPlain:  # tagged lists or mappings, odd keys or an error: the general reader
        pass  # (out of the except block, so that what the streaming reader built is freed first)
    return _read_composed(text, path)


class _NotPlain(Exception):
    """The document uses what only the general reader (_read_composed) handles; read it that way."""


class _DuplicateKey(_NotPlain):
    """A mapping repeats a key: read the document again keeping every line (see _read_plain)."""


def _read_streamed(text: str, path: str) -> Parsed:
    """_read_plain with lines left out where they can be; again with every line when a key repeats."""
    try:
        return _read_plain(text, path, sparse=True)
    except _DuplicateKey:
        pass
    return _read_plain(text, path, sparse=False)


_STR = _TAG + "str"
# Tags a scalar value may resolve to that _read_plain builds itself (others go to _read_composed).
_PLAIN_VALUES = {_TAG + "null": "construct_yaml_null", _TAG + "bool": "construct_yaml_bool",
                 _TAG + "int": "construct_yaml_int", _TAG + "float": "construct_yaml_float",
                 _TAG + "timestamp": "construct_yaml_timestamp"}


def _read_plain(text: str, path: str, *, sparse: bool) -> Parsed:
    """:func:`read_yaml` for the common document: data, lines and problems built from the parser's
    events as they come, the same as _read_composed builds them.

    ``sparse``: leave out the lines of key paths on their parent's line (line_of finds the same line
    for every key path): a record written on one line then has one entry, not one per key (14 per
    rule, 120 MB for 64,000 rules). A repeated key would leave the lines of its first value behind:
    a sparse read raises _DuplicateKey on one.

    The composed reader holds every node of the file (with two position marks each) at once: about
    50 times the file's size, 590 MB for an 11 MB file of 64,000 rules, and most of its time. This
    one keeps only the data and the lines (and the shape of anchored nodes: see _Shapes). It raises
    _NotPlain (and the caller reads the document the general way) on what it does not build or
    whose error the general reader words: explicit tags on lists and mappings, keys that are not
    plain text, anchors named twice, unknown or recursive aliases, aliases past ALIAS_BUDGET, more
    than one document, nesting deeper than MAX_DEPTH, and syntax errors.
    """
    loader = _Loader(text)
    try:
        return _build_plain(loader, path, sparse)
    except yaml.YAMLError:
        raise _NotPlain from None
    finally:
        loader.dispose()


def _build_plain(loader, path: str, sparse: bool) -> Parsed:
    get_event, resolve = loader.get_event, loader.resolve
    resolvers = loader.yaml_implicit_resolvers
    firsts = None if None in resolvers or loader.yaml_path_resolvers else frozenset(resolvers)
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    lines: dict = {}
    problems: list[MappingError] = []
    refused: set = set()
    # One object per distinct key and text: 64,000 rules say 'id', 'kind' … and 'post' each.
    plain_keys: dict[str, str] = {}
    texts: dict[str, str] = {}
    get_event()  # StreamStartEvent
    event = get_event()
    if isinstance(event, yaml.StreamEndEvent):
        return Parsed(None, {}, [], set())
    # A frame per open list or mapping: [container, key path, depth, its line, pending key and its
    # line (mappings), where its duplicate-key problems go, those problems, its shape (see _Shapes)
    # when it is inside an anchored node, its anchor]. The general reader reports a mapping's
    # duplicate keys when it reaches the mapping, before the problems inside it: they go there.
    stack: list[list] = []
    root = None
    shapes = _Shapes(lines, problems, path, sparse)
    while True:
        event = get_event()
        kind = type(event)
        if kind in end_events:
            frame = stack.pop()
            if frame[7]:
                problems[frame[6]:frame[6]] = frame[7]
            if frame[9] is not None:
                shapes.open.discard(frame[9])
                shapes.anchors[frame[9]] = (frame[8], frame[0])
            if not stack:
                root = frame[0]
            continue
        if kind is yaml.DocumentEndEvent:
            break
        anchor = event.anchor
        if anchor is not None and kind is not alias_event and (anchor in shapes.anchors or anchor in shapes.open):
            raise _NotPlain  # an anchor named twice: the general reader says so
        if stack:
            parent = stack[-1]
            container = parent[0]
            if type(container) is dict:
                key = parent[4]
                if key is None:  # this event is a key
                    if kind is not scalar_event or anchor is not None or event.tag is not None and event.tag != "!":
                        raise _NotPlain  # a key that is a list, a mapping, an alias, anchored or tagged
                    value = event.value
                    if value not in plain_keys:
                        if event.implicit[0] and (firsts is None or not value or value[0] in firsts) and \
                                resolve(yaml.ScalarNode, value, event.implicit) != _STR:
                            raise _NotPlain  # a key read as a number, a date, a merge (<<) …
                        plain_keys[value] = value
                    value = plain_keys[value]
                    line = event.start_mark.line + 1
                    at = parent[1] + (value,)
                    if value in container:
                        if sparse:
                            raise _DuplicateKey
                        parent[7].append(MappingError(path, line, format_loc(at), code="duplicate_key"))
                    if not sparse or line != parent[3]:
                        lines[at] = line
                    parent[4], parent[5] = value, line
                    continue
                at = parent[1] + (key,)
                line = parent[5]
                parent[4] = None
            else:
                key = None
                at = parent[1] + (len(container),)
                # an alias stands at the line of the node it names (the general reader puts it there)
                line = shapes.line(event) if kind is alias_event else event.start_mark.line + 1
                if not sparse or line != parent[3]:
                    lines[at] = line
            depth = parent[2] + 1
        else:
            container = None
            key = None
            at = ()
            depth = 0
            line = lines[()] = event.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _NotPlain
        parent_shape = stack[-1][8] if stack else None
        if kind is alias_event:
            shape, value = shapes.walk_alias(event, at, depth, line)
        elif kind is scalar_event:
            shapes.distinct += 1
            tag, value = event.tag, event.value
            if tag is None or tag == "!":
                tag = (resolve(yaml.ScalarNode, value, event.implicit)
                       if event.implicit[0] and (firsts is None or not value or value[0] in firsts) else _STR)
            if tag == _STR:
                value = texts.setdefault(value, value)
            else:
                node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                why = _refuse_scalar(node, key)
                if why:
                    problems.append(MappingError(path, event.start_mark.line + 1, format_loc(at), code=why[0],
                                                 **why[1]))
                    refused.add(at)
                elif tag in _PLAIN_VALUES:
                    value = getattr(_checker, _PLAIN_VALUES[tag])(node)
                else:
                    raise _NotPlain  # !!binary, !!set … on a scalar
            shape = (event.start_mark.line + 1, None) if parent_shape is not None or anchor is not None else None
            if anchor is not None:
                shapes.anchors[anchor] = (shape, value)
        elif event.tag is not None and event.tag != "!":
            raise _NotPlain
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            shapes.distinct += 1
            value = {} if kind is yaml.MappingStartEvent else []
            shape = (event.start_mark.line + 1, []) if parent_shape is not None or anchor is not None else None
            if anchor is not None:
                shapes.open.add(anchor)
            stack.append([value, at, depth, line, None, None, len(problems), [], shape, anchor])
        else:  # pragma: no cover - the parser sends no other event here
            raise _NotPlain
        if parent_shape is not None:
            parent_shape[1].append((key, line, shape))
        if container is None:
            if kind is scalar_event:
                root = value
        elif key is None and type(container) is list:
            container.append(value)
        else:
            container[key] = value
    if not isinstance(get_event(), yaml.StreamEndEvent):
        raise _NotPlain  # a second document: the general reader says so
    return Parsed(root, lines, problems, refused, shared=bool(shapes.anchors))


class _Shapes:
    """What _build_plain keeps of anchored nodes, to walk them again where an alias names them.

    The general reader's walk (_walk) goes through the node an alias names at the alias's place:
    it records the lines of the key paths there, reports the node's duplicate keys again, and counts
    the nodes it walks again against ALIAS_BUDGET. A node's shape is (its line, its children), the
    children None for a scalar, else a list of (key or None in a list, the line of the key or item,
    the child's shape). Only nodes inside an anchored node have one.
    """

    def __init__(self, lines: dict, problems: list, path: str, sparse: bool):
        self.lines, self.problems, self.path, self.sparse = lines, problems, path, sparse
        self.anchors: dict[str, tuple] = {}  # anchor -> (shape, value), once its node is complete
        self.open: set[str] = set()  # anchors of nodes still being read (an alias to one is a loop)
        self.distinct = 0  # nodes read so far (each alias's walk counts again: `extra`)
        self.extra = 0

    def line(self, event) -> int:
        """The line of the node an alias names."""
        target = self.anchors.get(event.anchor)
        if target is None:
            raise _NotPlain  # an unknown anchor, or one of a node still open: the general reader says so
        return target[0][0]

    def walk_alias(self, event, at: tuple, depth: int, line: int) -> tuple:
        """Walk the node an alias at ``at`` names as _walk does; return its shape and its value."""
        target = self.anchors.get(event.anchor)
        if target is None:
            raise _NotPlain
        self._walk(target[0], at, depth, line)
        return target

    def _walk(self, shape: tuple, at: tuple, depth: int, own_line: int) -> None:
        self.extra += 1
        if self.extra > self.distinct + ALIAS_BUDGET or depth > MAX_DEPTH:
            raise _NotPlain  # the general reader words it, naming where the first alias stands
        kids = shape[1]
        if not kids:
            return
        seen: set = set()
        paths = []
        for i, (key, line, _) in enumerate(kids):
            where = at + ((i,) if key is None else (key,))
            if key is not None:
                if key in seen:
                    self.problems.append(MappingError(self.path, line, format_loc(where), code="duplicate_key"))
                seen.add(key)
            if not self.sparse or line != own_line:
                self.lines[where] = line
            paths.append(where)
        for where, (_, line, child) in zip(paths, kids):
            self._walk(child, where, depth + 1, line)


def _read_composed(text: str, path: str) -> Parsed:
    """:func:`read_yaml` for any document: compose the node tree, walk it, then build the data."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise MappingErrors([_yaml_error(path, exc, "yaml_syntax", text)]) from None
    except RecursionError:  # the pure-Python parser on deep nesting (libyaml stops at 1,000 levels)
        raise MappingErrors([MappingError(path, None, "", code="nested_too_deep", depth=MAX_DEPTH)]) from None
    if node is None:
        return Parsed(None, {}, [], set())
    lines: dict = {(): node.start_mark.line + 1}
    problems: list[MappingError] = []
    refused: set = set()
    _walk(node, lines, problems, refused, path)
    # Build the data from the nodes already composed (parsing the text twice costs a third of a load).
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # what _walk does not foresee
        raise MappingErrors(problems + [_yaml_error(path, exc, "yaml_value")]) from None
    finally:
        loader.dispose()
    return Parsed(data, lines, problems, refused)


# PyYAML's most common problems (libyaml's words, and the pure-Python parser's) -> message codes;
# any other is shown as PyYAML words it.
YAML_PROBLEMS = {
    "mapping values are not allowed in this context": ("yaml_mapping_values", {"where": "in this context"}),
    "mapping values are not allowed here": ("yaml_mapping_values", {"where": "here"}),
    "found character that cannot start any token": ("yaml_cannot_start_token", {}),
    "did not find expected ',' or ']'": ("yaml_expected_end_of_list", {}),
    "did not find expected ',' or '}'": ("yaml_expected_end_of_mapping", {}),
    "did not find expected '-' indicator": ("yaml_expected_dash", {}),
    "did not find expected key": ("yaml_expected_key", {}),
    "could not find expected ':'": ("yaml_expected_colon", {}),
    "found undefined alias": ("yaml_undefined_alias", {}),
    "found unexpected end of stream": ("yaml_end_of_stream", {}),
    "second occurrence": ("yaml_duplicate_anchor", {}),
    # libyaml's words (the C parser reads the common document)
    "did not find expected node content": ("yaml_expected_node", {}),
    "found invalid Unicode character escape code": ("yaml_bad_unicode_escape", {}),
    "found unknown escape character": ("yaml_unknown_escape", {}),
    "found a tab character that violates indentation": ("yaml_tab_indentation", {}),
    "but found another document": ("yaml_another_document", {}),
}


def _yaml_error(path: str, exc: Exception, code: str, text: str | None = None) -> MappingError:
    if isinstance(exc, yaml.reader.ReaderError):  # a control character: its own words hold a line break
        line = None
        if text is not None and isinstance(exc.position, int):  # libyaml counts bytes of UTF-8, PyYAML characters
            before = text.encode("utf-8", "surrogatepass")[:exc.position] if _Loader is not yaml.SafeLoader \
                else text[:exc.position]
            line = before.count(b"\n" if isinstance(before, bytes) else "\n") + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return MappingError(path, line, "", code=code, problem=("yaml_bad_character", {"char": char}))
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)  # PyYAML's words
    return MappingError(path, mark.line + 1 if mark else None, "", code=code,
                        problem=YAML_PROBLEMS.get(problem, ("text", {"text": problem})))


_checker = yaml.constructor.SafeConstructor()  # builds single scalars, to test them before the document


def _refuse_scalar(node, key) -> tuple | None:
    """Why a scalar cannot stand in a mapping file, as a message code and params (None: it can)."""
    tag = node.tag
    if tag not in _SAFE_TAGS:
        return ("unknown_yaml_tag", {"tag": tag})
    if key in _DATE_KEYS and tag in (_TAG + "int", _TAG + "float"):  # as_of: 20190701 (a date as people write it)
        return ("date_read_as_number", {"value": _short(node.value)})
    try:
        if tag == _TAG + "timestamp":
            _checker.construct_yaml_timestamp(node)
        elif tag in (_TAG + "int", _TAG + "float"):
            value = (_checker.construct_yaml_int if tag == _TAG + "int" else _checker.construct_yaml_float)(node)
            if value != value or value in (float("inf"), float("-inf")):
                return ("not_finite", {"value": node.value})
            if abs(value) > MAX_NUMBER:
                return ("number_out_of_range", {"value": _short(node.value), "most": MAX_NUMBER})
            if key in _YEAR_KEYS and value > MAX_YEARS:
                return ("years_above", {"value": _short(node.value), "most": MAX_YEARS})
    except ValueError:  # 2021-02-30, or an integer of thousands of digits
        return (("not_real_date", {"value": _short(node.value)}) if tag == _TAG + "timestamp"
                else ("number_out_of_range", {"value": _short(node.value), "most": MAX_NUMBER}))
    return None


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def _walk(root, lines: dict, problems: list, refused: set, path: str) -> None:
    """Record each key path's line; report duplicate keys and refused values.

    An alias (``*name``) shares its anchor's node, and walking it again walks that subtree again: a
    few hundred bytes of aliases of aliases expand to billions of nodes. The walk counts the nodes
    aliases add and stops when they outnumber the document's own nodes by ALIAS_BUDGET.
    """
    distinct: set[int] = set()
    visits = 0
    first_alias = None
    stack = [(root, (), None, 0)]
    while stack:
        node, at, key, depth = stack.pop()
        visits += 1
        first = id(node) not in distinct
        if first:
            distinct.add(id(node))
        elif first_alias is None:
            first_alias = at
        if visits - len(distinct) > len(distinct) + ALIAS_BUDGET:
            # Named where the first alias stands: the line of the key it is under (an alias's own
            # position is lost, the composer puts the anchored node in its place).
            key_at = first_alias
            while key_at and not isinstance(key_at[-1], str):
                key_at = key_at[:-1]
            raise MappingErrors(problems + [MappingError(path, lines.get(key_at), format_loc(first_alias),
                                                         code="alias_budget", budget=ALIAS_BUDGET)])
        if depth > MAX_DEPTH:
            raise MappingErrors(problems + [MappingError(path, node.start_mark.line + 1, format_loc(at),
                                                         code="nested_too_deep", depth=MAX_DEPTH)])
        why = None
        if not first:
            pass  # checked (and re-tagged) where the anchor stands
        elif isinstance(node, yaml.ScalarNode):
            why = _refuse_scalar(node, key)
            if why:
                node.tag = _TAG + "str"
        elif node.tag not in (_TAG + "seq", _TAG + "map"):
            why = ("unknown_yaml_tag", {"tag": node.tag})
            node.tag = _DEFAULT_TAG[type(node)]
        if why:
            problems.append(MappingError(path, node.start_mark.line + 1, format_loc(at), code=why[0], **why[1]))
            refused.add(at)
        children = []
        if isinstance(node, yaml.MappingNode):
            seen_keys = set()
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise MappingErrors(problems + [MappingError(path, key_node.start_mark.line + 1, format_loc(at),
                                                                 code="key_not_text")])
                k = key_node.value
                if k in seen_keys:
                    problems.append(MappingError(path, key_node.start_mark.line + 1, format_loc(at + (k,)),
                                                 code="duplicate_key"))
                seen_keys.add(k)
                lines[at + (k,)] = key_node.start_mark.line + 1
                children.append((value_node, at + (k,), k, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines[at + (i,)] = item.start_mark.line + 1
                children.append((item, at + (i,), None, depth + 1))
        stack.extend(reversed(children))


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


_PATTERN_WORDS = {ID_PATTERN: ("pattern_id", {}), REF_PATTERN: ("pattern_ref", {})}

# pydantic's error types said in our words (messages.TEMPLATES["schema_" + type]); their English is
# pydantic's own message, lower-cased.
_SCHEMA_TYPES = frozenset({
    "string_type", "int_type", "int_from_float", "int_parsing", "float_type", "float_parsing", "finite_number",
    "bool_type", "bool_parsing", "list_type", "dict_type", "model_type", "date_type", "greater_than",
    "greater_than_equal", "less_than", "less_than_equal", "too_short", "too_long", "string_too_short",
    "string_too_long"})

# The checks of equivalence.models raise ValueError with these words (pydantic's value_error).
_MODEL_CHECKS = (
    (re.compile(r"not a real date: '(?P<value>.*)'", re.S), "not_real_date"),
    (re.compile(r"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got (?P<got>.*)", re.S), "date_expected"),
    (re.compile(r"a '(?P<kind>[^']*)' rule needs 'from' \(only apply/promotion may start from nothing\)"),
     "rule_needs_from"),
    (re.compile(r"only counts_as and derived rules can be bidirectional, not '(?P<kind>[^']*)'"), "not_bidirectional"),
    (re.compile(r"'from' must name one level, not a range"), "from_one_level"),
)


def explain(error: dict) -> tuple:
    """A short, human message for one pydantic error: a code of equivalence.messages and its params."""
    from .messages import render

    kind, loc = error["type"], error["loc"]
    if kind == "extra_forbidden":
        return ("unknown_key", {"key": loc[-1]})
    if kind == "missing":
        return ("missing_key", {})
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        return ("not_pattern", {"input": error["input"],
                                "words": _PATTERN_WORDS.get(pattern, ("pattern_other", {"pattern": pattern}))})
    if kind == "literal_error":
        expected = error["ctx"]["expected"]  # "'a', 'b' or 'c'", in pydantic's words
        return ("not_one_of", {"input": error["input"], "expected": expected,
                               "choices": re.sub(r", | or ", "、", expected)})
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    english = msg[:1].lower() + msg[1:]
    said = None
    if kind in _SCHEMA_TYPES:
        # pydantic writes a bound of 0.0 as 0
        ctx = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in (error.get("ctx") or {}).items()}
        params = dict(ctx, field=str(ctx.get("field_type", ""))[:1].lower() + str(ctx.get("field_type", ""))[1:],
                      items="item" if ctx.get("min_length", ctx.get("max_length")) == 1 else "items",
                      chars="character" if ctx.get("min_length", ctx.get("max_length")) == 1 else "characters")
        said = ("schema_" + kind, params)
    elif kind == "value_error":
        for pattern, code in _MODEL_CHECKS:
            match = pattern.fullmatch(english)
            if match:
                said = (code, match.groupdict())
                break
    # Our words only where their English is pydantic's to the letter (a pydantic that words a message
    # otherwise keeps its own). A type we have no words for (a union's tag, a URL …, none of which the
    # models use today) keeps pydantic's English: still a correct message, better than none.
    try:
        if said and render(*said) == english:
            return said
    except (KeyError, IndexError, ValueError):  # a ctx without the params our template names
        pass
    return ("schema_other", {"text": english})


def _loc_of(error: dict) -> tuple:
    loc = tuple(error["loc"])
    # The 'from' field is declared as from_ with alias 'from'; pydantic reports the alias.
    return tuple(p for p in loc if p not in ("function-after[_shape()]", *OTHER_FORMS))


def load_folder(root: str | os.PathLike, *, display_root: str | None = None,
                problems: list | None = None) -> Mappings:
    """Read and validate every mapping file below ``root``.

    Parameters
    ----------
    root : folder to read.
    display_root : how the folder is named in messages (default: ``root`` as given).
    problems : when given, every problem is appended to it and the records that did validate are
        returned, so that the cross-file checks can run on them too.

    Raises
    ------
    MappingErrors
        With every problem of every file (syntax, unknown keys, wrong types …), when ``problems``
        is not given.
    """
    root = Path(root)
    collect = problems is not None
    problems = problems if collect else []
    shown = display_root if display_root is not None else str(root)
    result = Mappings(root=str(root))
    if not root.is_dir():
        problems.append(MappingError(str(root), None, "", code="not_mapping_folder"))
    else:
        skipped: list[str] = []
        try:
            files = mapping_files(root, skipped)
        except MappingErrors as exc:
            files = []
            problems.extend(exc.errors)
        for path in skipped:
            problems.append(MappingError(os.path.join(shown, os.path.relpath(path, root)), None, "",
                                         code="not_regular_inside"))
        if not files and not skipped and not problems:  # a mistyped folder would answer "unknown level"
            problems.append(MappingError(shown, None, "", code="no_mapping_files", ext="*.yaml"))
        total = 0
        for file in files:
            rel = os.path.join(shown, os.path.relpath(file, root))
            result.files.append(str(file))
            try:
                total += os.path.getsize(file)
            except OSError:
                pass  # reported when it is read
            if total > _index.MAX_FOLDER_BYTES:
                problems.append(MappingError(rel, None, "", code="folder_too_large", size=_size(_index.MAX_FOLDER_BYTES)))
                break
            _load_file(file, rel, root, result, problems)
    if problems and not collect:
        raise MappingErrors(problems)
    return result


def _size(n: int) -> tuple:
    return ("size_mb", {"n": n // 2 ** 20}) if n >= 2 ** 20 else ("size_bytes", {"n": n})


def _read_text(file: Path, rel: str) -> str:
    with open(file, "rb") as fh:
        raw = fh.read(_index.MAX_FILE_BYTES + 1)
    if len(raw) > _index.MAX_FILE_BYTES:
        raise MappingErrors([MappingError(rel, None, "", code="larger_than", size=_size(_index.MAX_FILE_BYTES))])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MappingErrors([MappingError(rel, None, "", code="not_utf8")]) from None


def os_reason(exc: OSError) -> tuple:
    """Why the system could not read a file, as a message param: its own words, and ours in Chinese."""
    import errno

    code = {errno.EACCES: "os_eacces", errno.ENOENT: "os_enoent", errno.EISDIR: "os_eisdir", errno.EIO: "os_eio",
            errno.ENOSPC: "os_enospc", errno.EROFS: "os_erofs", errno.EBADF: "os_ebadf"}
    return (code.get(exc.errno, "text"), {"text": exc.strerror, "why": exc.strerror})


def _load_file(file: Path, rel: str, root: Path, result: Mappings, problems: list) -> None:
    """Validate the records of one file into ``result``; append its problems to ``problems``."""
    try:
        parsed = read_yaml(_read_text(file, rel), rel)
    except MappingErrors as exc:
        problems.extend(exc.errors)
        return
    except OSError as exc:
        problems.append(MappingError(rel, None, "", code="cannot_read_file", why=os_reason(exc)))
        return
    problems.extend(parsed.problems)
    data, lines, refused = parsed.data, parsed.lines, parsed.refused
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(MappingError(rel, 1, "", code="expected_sections", sections=list(SECTIONS)))
        return

    def schema_errors(exc: ValidationError, at: tuple) -> None:
        for err in exc.errors():
            loc = at + _loc_of(err)
            if any(loc[:n] in refused for n in range(len(at), len(loc) + 1)):
                continue  # that value was already reported as refused
            code, params = explain(err)
            problems.append(MappingError(rel, line_of(lines, loc), format_loc(loc), code=code, **params))

    for key in data:
        if key not in SECTIONS:
            problems.append(MappingError(rel, line_of(lines, (key,)), str(key), code="unknown_section",
                                         sections=list(SECTIONS)))
    if "layer" in data:
        if file.name != LAYER_FILE or file.parent != root:
            problems.append(MappingError(rel, line_of(lines, ("layer",)), "layer", code="layer_elsewhere", file=LAYER_FILE))
        else:
            try:
                result.layer = Located(Layer.model_validate(data["layer"]), rel, line_of(lines, ("layer",)) or 1,
                                       RecordLines(lines, ("layer",)))
            except ValidationError as exc:
                schema_errors(exc, ("layer",))
    for section, model in (("sources", Source), ("purposes", Purpose), ("ladders", Ladder), ("rules", Rule),
                           ("catalogues", Catalogue), ("honours", Honour), ("points_schemes", PointsScheme)):
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(MappingError(rel, line_of(lines, (section,)), section, code="expected_list"))
            continue
        for i, raw in enumerate(items):
            if not parsed.shared:  # the record's raw data goes as its model comes (a third of the memory)
                items[i] = None
            at = (section, i)
            try:
                item = model.model_validate(raw)
            except ValidationError as exc:
                schema_errors(exc, at)
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    result.failed.setdefault(section, set()).add(raw["id"])
                continue
            located = Located(item, rel, line_of(lines, at) or 1, RecordLines(lines, at), index=i)
            getattr(result, section).append(located)
