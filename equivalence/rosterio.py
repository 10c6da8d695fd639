"""Reading and writing rosters: .csv, .xlsx and .jsonl, as HR staff and integrators hold them.

Every cell is read as a string (a roster is data to pass through, not to reinterpret): numbers in a
worksheet as written (``5``, ``2.5``), dates as ``YYYY-MM-DD``, empty cells as ``""``. Blank lines
(CSV, JSON Lines) and empty worksheet rows are not rows. A row that cannot be read (a JSON line that
is not an object) keeps its place, with the reason in :attr:`Table.problems`.

CSV input is UTF-8, with or without a byte-order mark; otherwise GBK (read as GB18030, its
superset) is detected when the bytes are not UTF-8, or named with ``encoding``. CSV output is UTF-8;
``excel=True`` adds the byte-order mark and CRLF line ends Excel expects.

Formula injection (OWASP, "CSV Injection"): a cell written to CSV or xlsx that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by a spreadsheet. In CSV
such a cell is written with a leading single quote (``'=1+1``), unless the whole cell is a plain
number (``-3``, ``+1.5``, ``-2e3``): a number is not a formula, and a leading quote would turn a
negative number into text. Dates (``2024-01-01``) start with a digit and are never touched. In
xlsx, where every cell is written as a string, a risky cell is a string cell with Excel's own
quote-prefix flag (what typing ``'=1+1`` into Excel produces): the text stays exact, and Excel
will not evaluate it even when the cell is edited. JSON Lines is for programs and is not escaped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field

from .errors import EquivalenceError

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class RosterIOError(EquivalenceError):
    """A roster file that cannot be read or written as a whole (format, encoding, no header)."""


@dataclass
class Table:
    header: list[str]
    rows: list[dict]
    problems: dict[int, str] = field(default_factory=dict)  # row index -> why it could not be read
    encoding: str | None = None  # CSV: the encoding used


def format_of(path: str) -> str:
    """csv, xlsx or jsonl, from the file name ('-' is CSV on stdin/stdout)."""
    if path == "-":
        return "csv"
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise RosterIOError(f"cannot tell the format of '{path}' (use .csv, .xlsx or .jsonl)")
    return FORMATS[ext]


def escape_cell(value: str) -> str:
    """The cell as CSV may hold it: a leading ' where a spreadsheet would see a formula.

    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("-3"), escape_cell("@SUM(A1)"), escape_cell("技师")
    ('\\'=HYPERLINK("http://x")', '-3', "'@SUM(A1)", '技师')
    """
    if value and value[0] in _RISKY and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def risky(value: str) -> bool:
    return bool(value) and value[0] in _RISKY and not _NUMBER.fullmatch(value)


# -- reading -------------------------------------------------------------------------------------

def read_table(path: str, encoding: str | None = None) -> Table:
    """The header and rows of a roster file (see the module docstring).

    Raises
    ------
    RosterIOError
    """
    fmt = format_of(path)
    try:
        if fmt == "xlsx":
            return _read_xlsx(path)
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    except OSError as exc:
        raise RosterIOError(f"cannot read {path}: {exc.strerror or exc}") from None
    if fmt == "jsonl":
        return _read_jsonl(path, _decode(path, data, encoding or "utf-8")[0])
    text, used = _decode(path, data, encoding)
    return _read_csv(path, text, used)


def _decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    named_utf8 = encoding is None or encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")
    if data.startswith(b"\xef\xbb\xbf") and named_utf8:
        encoding = "utf-8-sig"
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise RosterIOError(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise RosterIOError(f"{path} is not {encoding}: {exc.reason} at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # GBK (and GB2312) files, as Excel saves CSV on Chinese Windows; GB18030 reads them all
        return data.decode("gb18030"), "gbk"
    except UnicodeDecodeError:
        raise RosterIOError(f"{path} is neither UTF-8 nor GBK; name its encoding with --encoding") from None


def _header(cells: list) -> list[str]:
    """Column names, stripped; an empty one becomes 'column N', a repeated one 'NAME (2)'."""
    out: list[str] = []
    for i, c in enumerate(cells, 1):
        name = str(c).strip().lstrip("\ufeff") if c is not None else ""
        name = name or f"column {i}"
        base, n = name, 1
        while name in out:
            n += 1
            name = f"{base} ({n})"
        out.append(name)
    return out


def _rows_of(path: str, records: list[list[str]]) -> Table:
    if not records:
        raise RosterIOError(f"{path} is empty (expected a header row)")
    header = _header(records[0])
    width = max((len(r) for r in records), default=0)
    if width > len(header):  # cells beyond the header are kept, under names of their own
        header = _header(header + [""] * (width - len(header)))
    rows = []
    for rec in records[1:]:
        rec = list(rec) + [""] * (len(header) - len(rec))
        rows.append(dict(zip(header, rec)))
    return Table(header, rows)


def _read_csv(path: str, text: str, encoding: str) -> Table:
    records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    table = _rows_of(path, records)
    table.encoding = encoding
    return table


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


def _read_xlsx(path: str) -> Table:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile / XML errors of a file that is not a workbook
        raise RosterIOError(f"cannot read {path} as .xlsx: {exc}") from None
    try:
        ws = wb.worksheets[0]
        records = []
        for values in ws.iter_rows(values_only=True):
            cells = [_cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                records.append(cells)
    finally:
        wb.close()
    return _rows_of(path, records)


def _read_jsonl(path: str, text: str) -> Table:
    header: list[str] = []
    seen: set = set()
    rows: list[dict] = []
    problems: dict[int, str] = {}
    for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            obj, why = None, f"line {lineno}: not JSON ({exc.msg})"
        else:
            why = None if isinstance(obj, dict) else f"line {lineno}: not a JSON object"
        if why:
            problems[len(rows)] = why
            rows.append({})
            continue
        row = {}
        for k, v in obj.items():
            k = str(k)
            if k not in seen:
                seen.add(k)
                header.append(k)
            row[k] = v if isinstance(v, str) else ("" if v is None else json.dumps(v, ensure_ascii=False))
        rows.append(row)
    rows = [{h: r.get(h, "") for h in header} if i not in problems else r for i, r in enumerate(rows)]
    return Table(header, rows, problems)


# -- writing -------------------------------------------------------------------------------------

def write_table(path: str | None, header: list[str], rows: list[dict], *, excel: bool = False) -> None:
    """Write ``rows`` (dicts of str) with ``header`` to ``path`` (None or '-': CSV on stdout)."""
    fmt = "csv" if path in (None, "-") else format_of(path)
    try:
        if fmt == "xlsx":
            _write_xlsx(path, header, rows)
        elif fmt == "jsonl":
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                for r in rows:
                    fh.write(json.dumps({h: r.get(h, "") for h in header}, ensure_ascii=False) + "\n")
        elif path in (None, "-"):
            out = sys.stdout
            if excel:
                out.write("\ufeff")
            _write_csv(out, header, rows, excel)
            out.flush()
        else:
            with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
                _write_csv(fh, header, rows, excel)
    except OSError as exc:
        raise RosterIOError(f"cannot write {path}: {exc.strerror or exc}") from None


def _write_csv(fh, header: list[str], rows: list[dict], excel: bool) -> None:
    writer = csv.writer(fh, lineterminator="\r\n" if excel else "\n")
    writer.writerow([escape_cell(h) for h in header])
    first, blanks = frozenset(_RISKY), [""] * len(header)  # (a roster has millions of cells: no call per cell)
    writer.writerows([v if not v or v[0] not in first else escape_cell(v) for v in map(r.get, header, blanks)]
                     for r in rows)


def _write_xlsx(path: str, header: list[str], rows: list[dict]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("roster")

    def cell(value: str):
        if value == "":
            return None  # an empty cell, not an empty string
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control characters xlsx cannot hold
        if not risky(value):
            return value
        c = WriteOnlyCell(ws, value=value)
        c.data_type = "s"  # openpyxl would store '=…' as a formula
        c.quotePrefix = True
        return c

    ws.append([cell(h) for h in header])
    for r in rows:
        ws.append([cell(r.get(h, "")) for h in header])
    wb.save(path)
