"""The terminal tables are drawn without tabulate (its import cost a third of a lookup): they must
be the tables tabulate's "simple" format draws, character for character, CJK widths included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate
from wcwidth import wcswidth

from equivalence.textable import display_width, simple_table

# what cells hold: names, ids, dates, 文号, full-width punctuation and the dashes, quotes and arrows of
# the answers; no control characters (a message escapes them: errors.one_line)
ALPHABET = ("abcxyzABC0123456789 -_.:/@+>[]()'\"" "技师高级工程二一级职称层级专业技术岗位研究员正副"
            "（）：；、，。《》〔〕“”–—…·→←≥＠＋ｅ" "é\u0301")
TEXT = st.text(ALPHABET, max_size=14)
CELL = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False), TEXT,
                 # a cell of several lines, as wrap_cell folds one: every line holds something
                 st.lists(TEXT.filter(str.strip), min_size=2, max_size=3).map("\n".join))


def tabulated(headers, rows) -> str:
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


@st.composite
def tables(draw):
    ncols = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(CELL, min_size=ncols, max_size=ncols), min_size=1, max_size=5))
    # headers are the commands' own words: no blank at either end
    headers = draw(st.one_of(st.just([]), st.lists(TEXT.map(str.strip), min_size=1, max_size=ncols)))
    return headers, rows


@settings(max_examples=300, deadline=None, derandomize=True)
@given(tables())
def test_a_table_is_what_tabulate_draws(table):
    headers, rows = table
    assert simple_table(headers, rows) == tabulated(headers, rows)


def test_the_width_of_every_name_in_the_data_is_wcwidths(real):
    names = {name for lev in real.levels.values() for name in (lev.zh, lev.en)}
    names |= {name for lad in real.ladders.values() for name in (lad.zh, lad.en)}
    names |= {s.title for s in real.sources.values()} | {s.doc_no for s in real.sources.values()}
    assert len(names) > 500
    assert [n for n in names if display_width(n) != wcswidth(n)] == []


def test_the_readme_tables_are_drawn_alike():
    # the widest real table: lookup with conditions, purposes and chains folded into cells
    from click.testing import CliRunner

    from equivalence.cli import cli

    out = CliRunner().invoke(cli, ["lookup", "高级技师", "--to", "工程技术", "--to", "职称层级"]).stdout
    lines = out.splitlines()
    assert lines[2].startswith("------  ") and max(len(line) for line in lines) > 100
    assert all(line == line.rstrip() for line in lines)
