"""The loader's two YAML readers agree: the streaming one (most files) and the composing one (the rest).

read_yaml builds a file's data and lines from the parser's events (walking an anchored node again
where an alias names it), and hands what it does not build (tagged lists, odd keys, recursive
aliases, syntax errors …) to the reader that composes the node tree.
Both must give the same data, problems (in the same order), refused paths and lines (the streaming
one leaves out a key path on its parent's line: line_of finds the same line for it).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from equivalence import loader
from equivalence.errors import MappingErrors


def outcome(read, text: str):
    """What a reader makes of ``text``: its Parsed as comparable parts (the line of each key path
    the composing reader names), or the messages it raised."""
    try:
        got = read(text, "m/x.yaml")
    except MappingErrors as exc:
        return ("raised", [str(e) for e in exc.errors])
    full = loader._read_composed(text, "m/x.yaml").lines
    assert got.lines.items() <= full.items()
    return (repr(got.data), {loc: loader.line_of(got.lines, loc) for loc in full},
            [str(e) for e in got.problems], got.refused)


def plain_or_none(text: str):
    """The streaming reader's outcome, None when it hands the document to the composing reader; its
    every-line read (after a repeated key) gives the composing reader's lines exactly."""
    try:
        streamed = outcome(loader._read_streamed, text)
    except loader._NotPlain:
        return None
    full = loader._read_plain(text, "m/x.yaml", sparse=False)
    if streamed[0] != "raised":
        assert full.lines == loader._read_composed(text, "m/x.yaml").lines
    return streamed


# Scalars and keys each reader builds, and (rarer) ones only the composing reader builds.
SCALARS = ["x", "技师", "'quoted'", '"two words"', "''", "1", "-7", "0x1F", "1_000", "3.5", ".nan", "-.inf",
           "1e400", "2000000", "81", "12:30", "2021-02-28", "2021-02-30", "2020-01-01T10:00:00Z", "yes", "No",
           "true", "null", "~", "!x tagged", "!!str 12", "!!int 12", "!!float 1", "<<", "=",
           "12345678901234567890123456789012345678901234567890", "[1, 2]", "{k: v}", "!!int x"]
RARE_SCALARS = ["!!binary aGk=", "!!set {a}", "!!seq [1]", "!t {a: 1}", "a: b"]
# Anchors and aliases (an alias before its anchor, or an anchor named twice, is an error).
ANCHORED = ["&a x", "*a", "&b {k: 1, k: !t 2, id: [x,\n y]}", "*b", "&c [1, &d {q: 2021-02-30}]", "*c", "*d",
            "&e !x 7"]
KEYS = ["id", "kind", "years", "work_years", "term_years", "note", "'quoted key'", "技"]
RARE_KEYS = ["1", "yes", "~", "<<", "!!str tagged", "[a]"]


@st.composite
def documents(draw, depth: int = 0, in_flow: bool = False, rare: bool | None = None):
    """YAML text: block mappings and lists, flow ones inside, scalars of every kind the loader meets
    (those only the composing reader builds in a fifth of the documents)."""
    if rare is None:
        rare = draw(st.integers(0, 4)) == 0
    scalars = st.sampled_from(SCALARS + RARE_SCALARS + ANCHORED if rare else SCALARS + ANCHORED)
    keys = st.sampled_from(KEYS + RARE_KEYS if rare else KEYS)
    choice = draw(st.integers(0, 2 if depth < 4 else 0))
    if choice == 0:
        return draw(scalars)
    flow = in_flow or depth >= 3 or draw(st.booleans())
    items = draw(st.lists(st.tuples(keys, documents(depth + 1, flow, rare)), max_size=5))
    if choice == 1:  # a mapping
        if flow:
            return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
        pad = "  " * (depth + 1)
        return "".join(f"\n{pad}{k}: {v}" for k, v in items) or "{}"
    if flow:
        return "[" + ", ".join(v for _, v in items) + "]"
    pad = "  " * (depth + 1)
    return "".join(f"\n{pad}- {v}" for _, v in items) or "[]"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_streaming_reader_agrees_with_composing_reader(body):
    text = "top:" + (body if body.startswith("\n") else " " + body) + "\nrules:" + " [a, b]\n"
    plain = plain_or_none(text)
    if plain is not None:
        assert plain == outcome(loader._read_composed, text)
    assert outcome(loader.read_yaml, text) == outcome(loader._read_composed, text)


# Documents each reader must agree on, the streaming one building them itself (no fallback).
STREAMED = [
    "",
    "# nothing\n",
    "---\n",
    "x\n",
    "rules:\n  - {id: a, kind: post}\n  - id: b\n    kind: post\n    note: [x,\n      y]\n",
    "a: {b: 1, c: !x 3}\nd: [!y 4, 2021-02-30, .nan, 1e400, 2020-01-01, 2020-01-01T10:00:00Z]\n",
    "a: {b: 1, b: 2, c: !x 3}\n",
    "a:\n  b:\n    c: 1\n    c: 2\n  b: !t 3\n",  # duplicates of an outer mapping are reported before inner problems
    "a:\n  b: {c: [1,\n    2]}\n  b: {c: [3, 4]}\n",  # the lines of the first b are not left behind
    "work_years: 200\nyears: [200]\nx: 0x10\ny: 1_0\nz: yes\nw: ~\nv: '~'\n",
    "x: <<\ny: =\n",  # values read as merge or value marks: unknown tags, read as text
    "a: &x 1\nb: *x\n",
    # an alias walks its node again: lines at its place, its duplicate keys again, in walk order
    "a: &m {k: 1,\n  k: 2, l: [!t 1,\n    2]}\nb:\n  - *m\n  - x\n  - *m\nc: {k: 1, k: *m}\n",
    "s: &s [a, &t {u: [1,\n  2]}]\nt: [*t, *s]\nu: *t\n",
    "rules:\n  - {id: a, cite: &c [{source: s,\n    article: b}]}\n  - {id: b, cite: *c}\n",
]
# Documents only the composing reader builds.
COMPOSED = [
    "a: &x [1, *x]\n",  # an alias inside its own anchor
    "a: &x 1\nb: &x 2\n",  # an anchor named twice
    "a: &x [&x 1]\n",
    "&k a: 1\n",  # an anchored key
    "a: 1\n*a : 2\n",
    "a: &a [" + ", ".join(["x"] * 9) + "]\n" + "".join(  # aliases past ALIAS_BUDGET
        f"b{i}: &b{i} [" + ", ".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 9) + "]\n" for i in range(6)),
    "a: &a [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\nb: [[[*a]]]\n",  # deeper than MAX_DEPTH there
    "a: !!set {x}\n",
    "a: !!binary aGk=\n",
    "? [a]\n: 1\n",
    "1: a\n",
    "a: 1\n---\nb: 2\n",

    "a: [1\n",
    "x: *nothing\n",
    "a: !!omap [{b: 1}]\n",
    "<<: {a: 1}\nb: 2\n",
    "<<: 1\n",
    "".join("- " * 40) + "x\n",  # deeper than MAX_DEPTH
]


@pytest.mark.parametrize("text", STREAMED)
def test_streamed_documents(text):
    assert plain_or_none(text) is not None
    assert outcome(loader.read_yaml, text) == outcome(loader._read_composed, text)


def test_duplicates_come_before_the_problems_inside():
    got = outcome(loader.read_yaml, STREAMED[7])
    assert got[2] == ["m/x.yaml:5: a.b: duplicate key", "m/x.yaml:4: a.b.c: duplicate key",
                      "m/x.yaml:5: a.b: unknown YAML tag '!t'"]


def test_a_record_on_one_line_has_one_line_entry():
    got = loader.read_yaml("rules:\n  - {id: a, cite: [{source: s}]}\n  - id: b\n    to: [x,\n      y]\n", "x")
    assert got.lines == {(): 1, ("rules", 0): 2, ("rules", 1): 3, ("rules", 1, "to"): 4,
                         ("rules", 1, "to", 1): 5}
    assert loader.line_of(got.lines, ("rules", 0, "cite", 0, "source")) == 2
    assert loader.line_of(got.lines, ("rules", 1, "to", 0)) == 4


@pytest.mark.parametrize("text", COMPOSED)
def test_composed_documents(text):
    assert plain_or_none(text) is None
    assert outcome(loader.read_yaml, text) == outcome(loader._read_composed, text)


@pytest.mark.parametrize("extra", [4, 5])
def test_the_alias_budget_is_counted_as_the_composing_reader_counts_it(extra):
    # 104 nodes; 100 aliases of a 101-node list add 10,100 visits, each alias of c one more: the
    # budget (the document's nodes + 10,000) is passed by the fifth alias of c, not by the fourth.
    text = ("c: &c x\na: &a [" + ", ".join(["x"] * 100) + "]\nb: [" + ", ".join(["*a"] * 100 + ["*c"] * extra)
            + "]\n")
    composed = outcome(loader._read_composed, text)
    assert (composed[0] == "raised") == (extra == 5)
    assert plain_or_none(text) in (None, composed)
    assert outcome(loader.read_yaml, text) == composed
