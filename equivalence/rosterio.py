"""Reading and writing rosters: .csv, .xlsx and .jsonl, as HR staff and integrators hold them.

Every cell is read as a string (a roster is data to pass through, not to reinterpret): numbers in a
worksheet as written (``5``, ``2.5``), dates as ``YYYY-MM-DD``, empty cells as ``""``. Blank lines
(CSV, JSON Lines), CSV records of empty cells (``,,,``: Excel's empty row) and empty worksheet rows
are not rows; each row keeps its number as the file shows it (:attr:`Table.row_numbers`), to name
it to the person. The header may stand under a title (see :func:`read_table`). A row that cannot be
read keeps its place, with the reason in :attr:`Table.problems`: a JSON line that is not an object,
a CSV cell over 131,072 characters, a CSV quote never closed (that line is the bad row; the lines
after it are read as rows, not swallowed into the cell), an xlsx formula saved without its value.
JSON Lines records end at ``\n`` only. Worksheets are read by :mod:`equivalence.xlsxread` (bounded;
the first sheet with a header, the others named in :attr:`Table.other_sheets`); a number shown with
leading zeros (``000123``) is read as shown.

CSV input is UTF-8, with or without a byte-order mark; otherwise GBK (read as GB18030, its
superset) is detected when the bytes are not UTF-8, or named with ``encoding``. CSV output is UTF-8;
``excel=True`` adds the byte-order mark and CRLF line ends Excel expects; a cell holding a CR or an
LF is always quoted. Output files are written whole or not at all (:mod:`equivalence.atomic`): a
cell longer than Excel's 32,767 characters is an error for .xlsx output, not a cut cell.

Formula injection (OWASP, "CSV Injection"): a cell written to CSV or xlsx that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by a spreadsheet. In CSV
such a cell (or a line of it, after a line break) is written with a leading single quote
(``'=1+1``), unless the whole cell is a plain number (``-3``, ``+1.5``, ``-2e3``): a number is
not a formula, and a leading quote would turn a negative number into text. Dates (``2024-01-01``) start with a digit and are never touched. In
xlsx, where every cell is written as a string, a risky cell is a string cell with Excel's own
quote-prefix flag (what typing ``'=1+1`` into Excel produces): the text stays exact, and Excel
will not evaluate it even when the cell is edited. JSON Lines is for programs and is not escaped.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field

from .errors import EquivalenceError, one_line
from .results import json_of

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MAX_COLUMNS = 1_024  # columns of a CSV or JSON Lines roster, as of a worksheet (xlsxread.MAX_COLUMNS)
CELL_LIMIT = 131_072  # characters in one CSV cell (the csv module's default limit)
XLSX_ROWS = 1_048_576  # rows of a worksheet, the header included (Excel's limit)
XLSX_CELL_LIMIT = 32_767  # characters in one worksheet cell (Excel's limit; openpyxl cuts the rest silently)


class RosterIOError(EquivalenceError):
    """A roster file that cannot be read or written as a whole (format, encoding, no header); or, in
    :attr:`Table.problems`, why one row cannot be read."""

    def as_param(self) -> tuple:
        """This error as a part of another message (equivalence.messages)."""
        return (self.code, self.params)


@dataclass
class Table:
    header: list[str]
    rows: list[dict]
    problems: dict[int, RosterIOError] = field(default_factory=dict)  # row index -> why it could not be read
    encoding: str | None = None  # CSV: the encoding used
    sheet: str | None = None  # xlsx: the name of the sheet read (the first, or the first with a header)
    sheet_index: int = 0  # xlsx: its place among the sheets
    other_sheets: list[str] = field(default_factory=list)  # xlsx: the sheets not read, to say so
    values: list[dict] = field(default_factory=list)  # JSON Lines: per row, the values that are not strings
    row_numbers: list[int] = field(default_factory=list)  # per row, its number as the file shows it: the
    # worksheet's row (Excel's, also for a CSV, whose blank lines are rows there), a JSON line's number
    header_row: int = 1  # the header's number, below a title when the file has one (see read_table)
    repeated: list[tuple] = field(default_factory=list)  # (column number, name, renamed): a header name
    # already taken by a column to its left, renamed 'NAME (2)' to be kept apart (and to say so)


def format_of(path: str) -> str:
    """csv, xlsx or jsonl, from the file name ('-' is CSV on stdin/stdout)."""
    if path == "-":
        return "csv"
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise RosterIOError(code="roster_format", path=path)
    return FORMATS[ext]


def escape_cell(value: str) -> str:
    """The cell as CSV may hold it: a leading ' where a spreadsheet would see a formula, at the
    start of the cell and after every line break in it (a reader that splits lines at a bare CR
    would otherwise start a row with the formula).

    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("-3"), escape_cell("@SUM(A1)"), escape_cell("技师")
    ('\\'=HYPERLINK("http://x")', '-3', "'@SUM(A1)", '技师')
    >>> escape_cell("x\\r=1+1"), escape_cell("a\\r\\n-2")
    ("x\\r'=1+1", 'a\\r\\n-2')
    """
    if "\n" in value or "\r" in value:
        parts = _LINE_BREAK.split(value)
        breaks = _LINE_BREAK.findall(value)
        out = [_escape_line(parts[0])]
        for brk, part in zip(breaks, parts[1:]):
            out.append(brk + _escape_line(part))
        return "".join(out)
    return _escape_line(value)


def _escape_line(value: str) -> str:
    if value and value[0] in _RISKY and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def risky(value: str) -> bool:
    return bool(value) and value[0] in _RISKY and not _NUMBER.fullmatch(value)


# -- reading -------------------------------------------------------------------------------------

HEADER_SCAN = 10  # rows searched for the header, under a title (a sheet may start with one)


def read_table(path: str, encoding: str | None = None, is_header=None, lang: str = "en") -> Table:
    """The header and rows of a roster file (see the module docstring).

    ``is_header(names)`` tells the header among the first :data:`HEADER_SCAN` rows of a CSV or a
    worksheet, when the first is not it (a title, a blank line above the table); the rows above it
    are not read. In a workbook, the first sheet with such a header is read (default: the first row,
    the first sheet). ``lang``: the language of the name a column without one is given (``column 3``).

    Raises
    ------
    RosterIOError
    """
    fmt = format_of(path)
    try:
        if fmt == "xlsx":
            return _read_xlsx(path, is_header, lang)
        if path == "-" and sys.stdin is None:  # started with stdin closed (<&-)
            import errno

            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    except OSError as exc:
        from .loader import os_reason  # the reason in Chinese too

        raise RosterIOError(code="roster_cannot_read", path=path, why=os_reason(exc)) from None
    if fmt == "jsonl":
        return _read_jsonl(path, _decode(path, data, encoding or "utf-8")[0])
    text, used = _decode(path, data, encoding)
    return _read_csv(path, text, used, is_header, lang)


def _decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    named_utf8 = encoding is None or encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")
    if data.startswith(b"\xef\xbb\xbf") and named_utf8:
        encoding = "utf-8-sig"
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise RosterIOError(code="roster_unknown_encoding", encoding=encoding) from None
        except UnicodeDecodeError as exc:
            raise RosterIOError(code="roster_not_encoding", path=path, encoding=encoding, why=exc.reason,
                                at=exc.start) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # GBK (and GB2312) files, as Excel saves CSV on Chinese Windows; GB18030 reads them all
        return data.decode("gb18030"), "gbk"
    except UnicodeDecodeError:
        raise RosterIOError(code="roster_unknown_bytes", path=path) from None


UNNAMED = {"zh": "第 {n} 列", "en": "column {n}"}  # the name of a column whose header cell is empty


def _header(cells: list, lang: str = "en") -> list[str]:
    """Column names, stripped; an empty one becomes 'column N' (in ``lang``), a repeated one 'NAME (2)'."""
    out: list[str] = []
    taken: set[str] = set()  # (a set, and the last number of each name: 50,000 names were minutes)
    last: dict[str, int] = {}
    for i, c in enumerate(cells, 1):
        name = str(c).strip().lstrip("\ufeff") if c is not None else ""
        name = name or UNNAMED[lang].format(n=i)
        base, n = name, last.get(name, 1)
        while name in taken:
            n += 1
            name = f"{base} ({n})"
        last[base] = n
        taken.add(name)
        out.append(name)
    return out


def _check_width(path: str, widths, numbers: list[int]) -> None:
    """Refuse a file with a row wider than a workbook's reader takes (:data:`MAX_COLUMNS`): every row
    is padded to the widest, so one row of 200,000 commas would make every row 200,000 cells."""
    for number, width in zip(numbers, widths):
        if width > MAX_COLUMNS:
            raise RosterIOError(code="roster_too_many_columns", path=path, row=number, limit=f"{MAX_COLUMNS:,}")


def _header_at(records: list[list[str]], is_header) -> int:
    """The index of the header among the first records: the first that ``is_header``, else 0."""
    if is_header is None or is_header(_header(records[0])):
        return 0
    return next((k for k in range(1, min(HEADER_SCAN, len(records))) if is_header(_header(records[k]))), 0)


def _rows_of(path: str, records: list[list[str]], numbers: list[int], problems: dict, is_header=None,
             lang: str = "en") -> Table:
    """The table of ``records`` (with their row ``numbers`` and, by record index, those that cannot
    be read), its header found by ``is_header`` (see read_table)."""
    if not records:
        raise RosterIOError(code="roster_empty", path=path)
    _check_width(path, (len(r) for r in records), numbers)
    at = _header_at(records, is_header)
    if at in problems:
        raise RosterIOError(code="roster_header_unreadable", path=path, why=problems[at].as_param())
    cells = list(records[at])
    if at:  # a header cell merged down from the row above (a two-row header) is empty on this row
        above = records[at - 1]
        cells += [""] * (len(above) - len(cells))
        cells = [c if str(c).strip() or i >= len(above) else above[i] for i, c in enumerate(cells)]
    header = _header(cells, lang)
    named = [str(c).strip().lstrip("\ufeff") for c in cells]
    repeated = [(i, name, header[i - 1]) for i, name in enumerate(named, 1) if name and header[i - 1] != name]
    width = max((len(r) for r in records[at:]), default=0)
    if width > len(header):  # cells beyond the header are kept, under names of their own
        header = _header(header + [""] * (width - len(header)), lang)
    rows = []
    for rec in records[at + 1:]:
        rec = list(rec) + [""] * (len(header) - len(rec))
        rows.append(dict(zip(header, rec)))
    return Table(header, rows, {i - at - 1: why for i, why in problems.items() if i > at},
                 row_numbers=numbers[at + 1:], header_row=numbers[at], repeated=repeated)


def _read_csv(path: str, text: str, encoding: str, is_header=None, lang: str = "en") -> Table:
    saved = csv.field_size_limit(CELL_LIMIT)  # (process-wide: restored below)
    try:
        records, problems, numbers = _csv_records(text)
    finally:
        csv.field_size_limit(saved)
    table = _rows_of(path, records, numbers, problems, is_header, lang)
    table.encoding = encoding
    return table


def _csv_records(text: str) -> tuple[list[list[str]], dict[int, RosterIOError], list[int]]:
    """The records of a CSV text, blank ones skipped (an empty line, or ``,,,`` as Excel saves an
    empty row); by record index, why one could not be read: a cell over CELL_LIMIT characters, or a
    quote never closed; and the number of each record as a row in Excel (blank ones counted). A
    quoted cell that runs over several lines and does not end as CSV says (``"`` then a comma or the
    end of the line) swallowed the lines after it: that first line alone is the bad row, and reading
    resumes on the next one."""
    lines = io.StringIO(text, newline="").readlines()  # the physical lines csv.reader counts
    reader = csv.reader(lines)
    try:  # the common case, at the speed of the csv module: one record per line, no quote left open
        records = list(reader)
    except csv.Error:
        pass
    else:
        if reader.line_num == len(records) and not (lines and '"' in lines[-1] and _runaway(lines[-1:], single=True)):
            kept = [i for i, r in enumerate(records) if any(r)]
            return [records[i] for i in kept], {}, [i + 1 for i in kept]
    records = []
    numbers: list[int] = []
    row = 0  # records read so far, blank ones too: the row number in Excel
    problems: dict[int, RosterIOError] = {}
    first = 0  # index in ``lines`` where the text still to read begins
    while first < len(lines):
        reader = csv.reader(lines[first:])
        start = 0  # lines of this pass consumed before the current record
        resume = len(lines)
        while True:
            try:
                rec = next(reader)
            except StopIteration:
                break
            except csv.Error:  # over the cell limit: the rest of that line is dropped by the reader
                row += 1
                problems[len(records)] = RosterIOError(code="row_cell_too_long", line=first + start + 1,
                                                       limit=f"{CELL_LIMIT:,}")
                records.append([])
                numbers.append(row)
                start = reader.line_num
                continue
            row += 1
            end = reader.line_num
            if (end - start > 1 or first + end == len(lines)) and _runaway(lines[first + start:first + end],
                                                                            single=end - start == 1):
                at = first + start
                problems[len(records)] = RosterIOError(code="row_quote_not_closed", line=at + 1)
                records.append(next(csv.reader([lines[at].rstrip("\r\n")]), []))
                numbers.append(row)
                resume = at + 1
                break
            if any(rec):
                records.append(rec)
                numbers.append(row)
            start = end
        first = resume
    return records, problems, numbers


def _runaway(record_lines: list[str], single: bool) -> bool:
    """Whether a record over several lines (or the last line, ``single``) is a quote left open rather
    than a cell with line breaks (a stray quote on one line, ``1,"ab"c``, is read as it stands)."""
    try:
        for _ in csv.reader(record_lines, strict=True):
            pass
    except csv.Error as exc:
        return not single or "unexpected end of data" in str(exc)
    return False


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: str, is_header=None, lang: str = "en") -> Table:
    from .xlsxread import XlsxError, read_first_sheet

    def has_header(sheet) -> bool:
        return any(is_header(_header([_cell_text(v) for v in values])) for values in sheet.rows[:HEADER_SCAN])

    try:
        sheet = read_first_sheet(path, has_header if is_header else None)
    except XlsxError as exc:
        if exc.code == "xlsx_empty":
            raise RosterIOError(code="roster_empty", path=path) from None
        raise RosterIOError(code="roster_not_xlsx", path=path, why=(exc.code, exc.params)) from None
    records = []
    for values in sheet.rows:
        cells = [_cell_text(v) for v in values]
        while cells and cells[-1] == "":
            cells.pop()
        records.append(cells)
    problems = {i: RosterIOError(code=code, **params) for i, (code, params) in sheet.problems.items()}
    table = _rows_of(path, records, sheet.row_numbers, problems, is_header, lang)
    table.sheet, table.sheet_index, table.other_sheets = sheet.name, sheet.index, sheet.other_sheets
    return table


def _read_jsonl(path: str, text: str) -> Table:
    header: list[str] = []
    seen: set = set()
    rows: list[dict] = []
    values: list[dict] = []
    numbers: list[int] = []
    problems: dict[int, RosterIOError] = {}
    # Records end at \n only (JSON escapes every other line break inside a string; str.splitlines
    # would also split at U+2028, U+0085, \x0b, \x0c, \x1c-\x1e, which JSON leaves raw).
    for lineno, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            obj, why = None, RosterIOError(code="row_not_json", line=lineno, why=exc.msg)
        else:
            why = None if isinstance(obj, dict) else RosterIOError(code="row_not_object", line=lineno)
            if not why and ("\\ud" in line or "\\uD" in line):  # (only an escape makes a surrogate)
                half = _LONE_SURROGATE.search(json.dumps(obj, ensure_ascii=False))
                if half:  # "\ud800": no UTF-8 file or workbook holds it; the row is kept, U+FFFD for it
                    why = RosterIOError(code="row_not_unicode", line=lineno, char=f"\\u{ord(half.group()):04x}")
                    obj = _without_surrogates(obj)
        numbers.append(lineno)
        if why and not isinstance(obj, dict):
            problems[len(rows)] = why
            rows.append({})
            values.append({})
            continue
        _check_width(path, [len(obj)], [lineno])
        row, given = {}, {}
        for k, v in obj.items():
            k = str(k)
            if k not in seen:
                seen.add(k)
                header.append(k)
            if isinstance(v, str):
                row[k] = v
                continue
            try:  # kept to be written back as given, unless JSON cannot hold it (NaN: then its text)
                row[k] = "" if v is None else json.dumps(v, ensure_ascii=False, allow_nan=False)
                given[k] = v
            except ValueError:
                row[k] = json.dumps(v, ensure_ascii=False)
        if len(header) > MAX_COLUMNS:  # every row is given every column: as for a CSV, refused
            _check_width(path, [len(header)], [lineno])
        if why:
            problems[len(rows)] = why
        rows.append(row)
        values.append(given)
    rows = [{h: r.get(h, "") for h in header} if r or i not in problems else r for i, r in enumerate(rows)]
    return Table(header, rows, problems, values=values, row_numbers=numbers, header_row=0)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What XML 1.0 (a workbook's sheet) cannot hold: controls but tab, LF and CR (openpyxl's
# ILLEGAL_CHARACTERS_RE), surrogates, and U+FFFE / U+FFFF (which openpyxl writes raw).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _without_surrogates(value):
    """``value`` (parsed JSON) with each lone surrogate, in keys and strings, replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


# -- writing -------------------------------------------------------------------------------------

def write_table(path: str | None, header: list[str], rows: list[dict], *, excel: bool = False) -> None:
    """Write ``rows`` (dicts of str; for .jsonl, of JSON values) with ``header`` to ``path`` (None or '-': CSV on stdout).

    A file is written whole or not at all (:mod:`equivalence.atomic`): a failed or interrupted write
    leaves the previous file as it was. A closed stdout (``| head``) raises BrokenPipeError, which
    the command line ends quietly.

    Raises
    ------
    RosterIOError, OutputError
    """
    from .atomic import atomic_binary, atomic_text

    fmt = "csv" if path in (None, "-") else format_of(path)
    if path in (None, "-"):
        out = sys.stdout
        if excel:
            out.write("\ufeff")
        _write_csv(out, header, rows, excel)
        out.flush()
    elif fmt == "xlsx":
        _check_xlsx_cells(header, rows)  # before any file is made
        with atomic_binary(path) as fh:
            _write_xlsx(fh, header, rows)
    elif fmt == "jsonl":
        with atomic_text(path) as fh:
            # a roster's data answers are typed results (equivalence.results): json_of makes them objects
            fh.writelines(json.dumps(json_of({h: r.get(h, "") for h in header}), ensure_ascii=False) + "\n"
                          for r in rows)
    else:
        with atomic_text(path, encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
            _write_csv(fh, header, rows, excel)


class _LF:
    """A text file for csv.writer: rows are written with CRLF ends (so that csv quotes every cell
    holding a CR or an LF; with ``lineterminator="\\n"`` a bare CR goes unquoted) and end in LF."""

    def __init__(self, fh):
        self._write = fh.write

    def write(self, line: str):
        return self._write(line[:-2] + "\n")


def _write_csv(fh, header: list[str], rows: list[dict], excel: bool) -> None:
    writer = csv.writer(fh if excel else _LF(fh), lineterminator="\r\n")
    writer.writerow([escape_cell(h) for h in header])
    first, blanks = frozenset(_RISKY), [""] * len(header)  # (a roster has millions of cells: no call per cell)
    writer.writerows([v if not v or (v[0] not in first and "\n" not in v and "\r" not in v) else escape_cell(v)
                      for v in map(r.get, header, blanks)]
                     for r in rows)


def _check_xlsx_cells(header: list[str], rows: list[dict]) -> None:
    """Refuse more rows than a worksheet holds, or a cell longer than one holds: openpyxl would write
    them, and cut the cell without a word.

    Raises
    ------
    RosterIOError
        Naming the first such cell's row as Excel shows it (the header is row 1) and its column.
    """
    if len(rows) + 1 > XLSX_ROWS:  # openpyxl writes them all; Excel finds the file damaged past its last row
        raise RosterIOError(code="roster_xlsx_too_many_rows", limit=f"{XLSX_ROWS:,}", rows=f"{len(rows):,}")
    for n, values in enumerate([header, *([r.get(h, "") for h in header] for r in rows)], 1):
        for column, value in zip(header, values):
            if len(value) > XLSX_CELL_LIMIT:
                raise RosterIOError(code="roster_xlsx_cell_too_long", row=n, column=one_line(column),
                                    limit=f"{XLSX_CELL_LIMIT:,}")


def _write_xlsx(fh, header: list[str], rows: list[dict]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("roster")

    def cell(value: str):
        if value == "":
            return None  # an empty cell, not an empty string
        value = _NOT_XML.sub("\ufffd", value)  # control characters, U+FFFE / U+FFFF: xlsx cannot hold them
        if not risky(value):
            return value
        c = WriteOnlyCell(ws, value=value)
        c.data_type = "s"  # openpyxl would store '=…' as a formula
        c.quotePrefix = True
        return c

    try:
        ws.append([cell(h) for h in header])
        for r in rows:
            ws.append([cell(r.get(h, "")) for h in header])
        wb.save(fh)
    except BaseException:
        # openpyxl streams the sheet through a generator into a scratch file; close it now, while
        # an error here can be dropped, not in the garbage collector ("Exception ignored …").
        writer = getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):
            if writer is not None and writer.xf:
                writer.xf.close()
        raise
