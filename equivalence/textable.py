"""Plain-text tables for the terminal, as tabulate's "simple" format draws them, without tabulate.

Importing tabulate (with wcwidth, for CJK widths) cost about 30 ms of a 85 ms ``equivalence lookup``,
more than click itself: most of it importlib.metadata and wcwidth's tables. A table here is one format,
left-aligned text cells, so the drawing is a few lines, and the width of a character comes from the
standard library's East Asian Width property (W and F take two columns, combining marks and format
characters none), which is what wcwidth says for every character of the names in the data. The tests
draw the same tables with tabulate and compare them character for character.
"""

from __future__ import annotations

import re
import unicodedata

GAP = "  "  # between columns
HEADER_PADDING = 2  # a column is at least as wide as its header plus this


def char_width(ch: str) -> int:
    """Display columns of one character: 2 for wide and full-width (CJK), 0 for marks, else 1."""
    if ch < "\u0300":  # ASCII and Latin-1: one column (the common case, answered without a lookup)
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display columns of ``text`` (one line): '技师 2' is 6."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def _text(value) -> str:
    """A cell's text: None is empty, anything else its str, stripped (as tabulate does)."""
    return ("" if value is None else str(value)).strip()


def simple_table(headers: list, rows: list) -> str:
    """``rows`` (lists of cells; a cell may hold several lines) under ``headers``, every cell
    left-aligned, columns two blanks apart, a line of dashes under the headers (above and below the
    rows when there are none); no line ends with a blank.

    >>> print(simple_table(["等级", "年"], [["技师", 3], ["高级技师\\n(一级)", None]]))
    等级      年
    --------  ----
    技师      3
    高级技师
    (一级)
    """
    texts = [[_text(c) for c in row] for row in rows]
    ncols = max((len(r) for r in texts), default=0)
    texts = [r + [""] * (ncols - len(r)) for r in texts]
    head_texts = [_text(h) for h in headers][:ncols] if headers else []
    if head_texts:  # fewer headers than columns: they name the last ones
        head_texts = [""] * (ncols - len(head_texts)) + head_texts
    # A table with a cell of several lines draws each row as tall as its tallest cell, and an empty
    # cell as no line at all (so a row of empty cells vanishes); otherwise each row is one line.
    multiline = any("\n" in t for row in texts + [head_texts] for t in row)
    split = str.splitlines if multiline else (lambda t: [t])
    body = [[split(t) for t in row] for row in texts]
    heads = [split(t) for t in head_texts]
    widths = [0] * ncols
    for row in body:
        for j, cell in enumerate(row):
            widths[j] = max(widths[j], *(display_width(line) for line in cell or [""]))
    for j, cell in enumerate(heads):
        widths[j] = max(widths[j], max(display_width(line) for line in cell or [""]) + HEADER_PADDING)

    def lines_of(row, least: int = 0) -> list[str]:
        height = max(least, *(len(cell) for cell in row))
        out = []
        for i in range(height):
            parts = []
            for cell, width in zip(row, widths):
                text = cell[i] if i < len(cell) else ""
                parts.append(text + " " * (width - display_width(text)))
            out.append(GAP.join(parts).rstrip())
        return out

    rule = GAP.join("-" * w for w in widths).rstrip()
    lines = []
    if heads:
        lines += lines_of(heads, least=1) + [rule]  # the headers' line is drawn even when blank
    else:
        lines.append(rule)
    for row in body:
        lines += lines_of(row)
    if not heads:
        lines.append(rule)
    return "\n".join(lines)


# What a wrapped table cell is made of: a date (never broken), a run of Latin letters and digits up to
# and with its hyphen (rule ids break after a hyphen), spaces, or any one other character (CJK text
# breaks between characters).
_CELL_TOKENS = r"\d{4}-\d{1,2}(?:-\d{1,2})?(?![\w])|[A-Za-z0-9_.:/@+]+-?|-|[ \t]+|."


def wrap_cell(text: str, width: int) -> str:
    r"""``text`` folded into lines of at most ``width`` display columns (CJK counts 2).

    >>> wrap_cell("技师已持有1年，需满3年（2028-12-01 满足）", 28)
    '技师已持有1年，需满3年（\n2028-12-01 满足）'
    """
    lines = []
    for para in text.split("\n"):
        line, used = "", 0
        for token in re.findall(_CELL_TOKENS, para):
            size = display_width(token)
            if used + size > width and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
                if token.isspace():
                    continue
            elif used + size > width:  # only blanks so far: they never push a word past the width
                line, used = "", 0
            while size > width:  # a word longer than the whole cell: cut it (never a date: 10 < width)
                cut = max(1, len(token) * width // size)
                lines.append(token[:cut])
                token = token[cut:]
                size = display_width(token)
            line, used = line + token, used + size
        lines.append(line.rstrip())
    return "\n".join(lines)
