"""A whole roster answered: read, its columns recognised, every row through
:class:`~equivalence.roster.Roster`, rows that could not be read kept in place with their reason.
The ``roster`` command and the web page's upload (``equivalence serve``) both call
:func:`answer_roster`, so a file answered either way is the same file; ``diff --roster`` reads the
file with the same :func:`read_roster`, so it finds the same rows and names them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (imported where used: the command loads them on demand)
    from .rostercolumns import ColumnMap
    from .rosterio import Table

CHUNK = 2000  # rows per batch: progress is reported once per batch


@dataclass
class RosterAnswer:
    header: list[str]  # the input's columns, in order, then the answer's
    rows: list[dict]  # one per input row, in order
    failed: int  # rows whose error cell is filled
    failed_rows: list[int] = field(default_factory=list)  # their numbers as the file shows them (Excel's rows)
    notes: list[str] = field(default_factory=list)  # for the person: sheets not read, which column was read as what


@dataclass
class RosterInput:
    table: Table  # the header and rows, with their numbers as the file shows them
    columns: ColumnMap  # which column is read as which field
    notes: list[str] = field(default_factory=list)  # for the person: sheets not read, a title skipped, …


def read_roster(input_path: str, *, encoding: str | None = None, columns: dict[str, str] | None = None,
                lang: str = "zh", name: str | None = None) -> RosterInput:
    """A roster file as ``roster`` and ``diff --roster`` both read it: the header found under a title,
    on the first sheet that has one, with notes in brackets (:func:`equivalence.rosterio.read_table`,
    the row naming the holds column); its columns recognised (``columns``: field -> column overrides);
    and what to tell the person about it. ``name`` is how notes and errors call the file.

    Raises
    ------
    EquivalenceError
        The file cannot be read, or has rows but no holds column.
    """
    from .messages import render
    from .rostercolumns import ColumnError, map_columns, shown_columns
    from .rosterio import RosterIOError, read_table

    def is_header(names: list[str]) -> bool:  # the row naming the holds column (under a title, if any)
        try:
            return "holds" in map_columns(names, columns or {}).fields
        except ColumnError:
            return False

    name = name or input_path
    table = read_table(input_path, encoding, is_header, lang)
    colmap = map_columns(table.header, columns or {})
    notes = []
    if table.other_sheets:
        n = len(table.other_sheets)
        # the first sheet, or (the first having no roster header: instructions, a cover) the first that has one
        notes.append(render("roster_note_first_sheet" if table.sheet_index == 0 else "roster_note_header_sheet",
                            {"name": name, "sheet": table.sheet, "n": n, "s": "s" if n > 1 else "",
                             "others": ", ".join(f"'{x}'" for x in table.other_sheets)}, lang))
    for number, column, renamed in table.repeated:  # passed through under a new name, never read as a field
        notes.append(render("roster_note_repeated_column", {"number": number, "column": column, "renamed": renamed},
                            lang))
    if table.header_row > 1:
        notes.append(render("roster_note_title_rows", {"row": table.header_row}, lang))
    # A header naming no holds column is no roster's, rows or none: a file read in a wrong encoding
    # (UTF-8 as UTF-16) is one line of other characters, whose rows would be gone without a word.
    if table.header and "holds" not in colmap.fields and not table.problems:
        raise RosterIOError(code="roster_no_holds", path=name, columns=shown_columns(table.header))
    if colmap.renamed():
        notes.append(colmap.described(lang))
    return RosterInput(table, colmap, notes)


def answer_roster(reg, input_path: str, *, to=(), as_of=None, encoding: str | None = None,
                  columns: dict[str, str] | None = None, lang: str = "zh", progress=None,
                  name: str | None = None, data: bool = False) -> RosterAnswer:
    """Every row of the roster at ``input_path`` (.csv, .xlsx, .jsonl, '-' for stdin) answered.

    ``columns``: field -> column overrides (:func:`equivalence.rostercolumns.parse_overrides`);
    ``progress(done, total)`` is called after each batch of rows; ``name`` is how messages call the
    file (default: its path; the web page does not show its scratch path); ``data``: the answers are
    data, not display cells (JSON Lines out: lists of levels, numbers as numbers, and a JSON Lines
    input's own values passed through as given). Raises
    :class:`~equivalence.errors.EquivalenceError` for what concerns the whole file (unreadable, no
    holds column, unknown ladder in ``to``, a bad ``as_of``); a row's own problem is in its error cell.
    """
    from .messages import message
    from .roster import Roster

    read = read_roster(input_path, encoding=encoding, columns=columns, lang=lang, name=name)
    table, notes = read.table, read.notes
    engine = Roster(reg, to=to, as_of=as_of, lang=lang, columns=read.columns.fields, data=data)
    rows = table.rows
    out: list[dict] = []
    for i in range(0, len(rows), CHUNK):
        out.extend(engine.process(rows[i:i + CHUNK]))
        if progress:
            progress(len(out), len(rows))
    for i, why in table.problems.items():
        out[i] = {**engine.blank(), **rows[i], "error": message(why, lang)}
    if engine.data and table.values:  # JSON Lines in and out: numbers, lists, … passed through as given
        out = [{**r, **{k: v for k, v in given.items() if k not in engine.added}} for r, given in zip(out, table.values)]
    failed = [i for i, r in enumerate(out) if r["error"]]
    numbers = table.row_numbers or [i + 2 for i in range(len(out))]
    return RosterAnswer(engine.columns(table.header), out, len(failed), [numbers[i] for i in failed], notes)
