"""A whole roster answered: read, every row through :class:`~equivalence.roster.Roster`, rows that
could not be read kept in place with their reason. The ``roster`` command and the web page's upload
(``equivalence serve``) both call :func:`answer_roster`, so a file answered either way is the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHUNK = 2000  # rows per batch: progress is reported once per batch


@dataclass
class RosterAnswer:
    header: list[str]  # the input's columns, in order, then the answer's
    rows: list[dict]  # one per input row, in order
    failed: int  # rows whose error cell is filled
    notes: list[str] = field(default_factory=list)  # what a person should be told (columns read, sheets left)


def answer_roster(reg, input_path: str, *, to=(), as_of=None, encoding: str | None = None, lang: str = "zh",
                  progress=None, name: str | None = None) -> RosterAnswer:
    """Every row of the roster at ``input_path`` (.csv, .xlsx, .jsonl) answered.

    ``progress(done, total)`` is called after each batch of rows; ``name`` is how messages call the
    file (default: its path; the web page names an upload by what it is, not by its scratch path). Raises
    :class:`~equivalence.errors.EquivalenceError` for what concerns the whole file (unreadable, no
    holds column, unknown ladder in ``to``, a bad ``as_of``); a row's own problem is in its error cell.
    """
    from .roster import Roster
    from .rosterio import RosterIOError, read_table

    engine = Roster(reg, to=to, as_of=as_of, lang=lang)
    table = read_table(input_path, encoding)
    if table.rows and "holds" not in table.header and not table.problems:
        raise RosterIOError(f"{name or input_path} has no 'holds' column (columns: {', '.join(table.header)})")
    rows = table.rows
    out: list[dict] = []
    for i in range(0, len(rows), CHUNK):
        out.extend(engine.process(rows[i:i + CHUNK]))
        if progress:
            progress(len(out), len(rows))
    for i, why in table.problems.items():
        out[i] = {**{c: "" for c in engine.added}, **rows[i], "error": why}
    return RosterAnswer(engine.columns(table.header), out, sum(1 for r in out if r["error"]))
