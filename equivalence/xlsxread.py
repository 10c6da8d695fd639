"""The first worksheet of an .xlsx file as rows of cell values, read with bounds.

openpyxl's read-only mode trusts the sheet's ``<dimension>`` tag (a file that understates it loses
rows; one that declares ``A1:XFD1048576`` pads every row to 16,384 cells) and reads the shared
strings whole (a 1.5 MB file can hold a 1.5 GB string). This reader streams the sheet's XML with
expat and keeps only the cells that are there, under fixed bounds:

* each part's uncompressed size (declared in the zip directory, which :mod:`zipfile` enforces);
* one cell's text (Excel's own limit, 32,767 characters);
* the grid of rows × columns kept (columns beyond :data:`MAX_COLUMNS` and more than
  :data:`MAX_CELLS` cells are refused).

A file over a bound is refused whole (:class:`XlsxLimitError`), in one line. A formula cell
saved without its value (a file written by a program, never opened in Excel) cannot be read as
empty: its row is reported in :attr:`Sheet.problems`. Numbers come back as int or float, dates
(by their number format) as datetime, a whole number shown with leading zeros (format ``000000``)
as that text, booleans as bool, everything else as str.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_PART_BYTES = 256 * 2**20  # one worksheet's XML, uncompressed
MAX_SHARED_BYTES = 64 * 2**20  # the shared strings' XML, uncompressed
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_COLUMNS = 1_024  # a roster has a few dozen columns
MAX_CELLS = 10_000_000  # rows × columns kept
CHUNK = 1 << 20

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d*)$")


class XlsxError(Exception):
    """The file is not a readable workbook (the caller names the file). ``code`` and ``params`` say
    why, for a message in the user's language (equivalence.messages); ``str()`` is the English."""

    def __init__(self, text: str, code: str = "xlsx_unreadable", **params):
        super().__init__(text)
        self.code, self.params = code, params


class XlsxLimitError(XlsxError):
    """The workbook is over one of the bounds of this module."""


@dataclass
class Sheet:
    name: str
    rows: list[list] = field(default_factory=list)  # non-empty rows, trailing empty cells dropped
    row_numbers: list[int] = field(default_factory=list)  # the worksheet row number of each
    problems: dict[int, tuple] = field(default_factory=dict)  # index in rows -> why it cannot be read (a
    # message code of equivalence.messages and its params)
    other_sheets: list[str] = field(default_factory=list)  # sheets not read
    index: int = 0  # this sheet's place in the workbook's tab order


def read_first_sheet(path, accept=None) -> Sheet:
    """The first worksheet of the workbook at ``path`` (see the module docstring); with ``accept``
    (a test of a read :class:`Sheet`), the first that passes it, else still the first (a roster kept
    behind a sheet of instructions is found).

    Raises
    ------
    XlsxError, XlsxLimitError, OSError
    """
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise _not_a_workbook(path, exc) from None
    with zf:
        try:
            return _read(zf, accept)
        except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, IndexError, EOFError, RuntimeError,
                NotImplementedError, OverflowError, expat.ExpatError) as exc:
            if isinstance(exc, XlsxError):
                raise
            raise XlsxError(f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})",
                            why=f"{type(exc).__name__}: {exc}") from None


def _read(zf: zipfile.ZipFile, accept=None) -> Sheet:
    names = set(zf.namelist())
    workbook = _small_tree(zf, "xl/workbook.xml")
    rels = _rels(zf, "xl/_rels/workbook.xml.rels")
    date1904 = any(e.tag.endswith("workbookPr") and e.get("date1904") in ("1", "true") for e in workbook.iter())
    sheets = []  # (name, part) of worksheets, in tab order
    for e in workbook.iter():
        if e.tag.endswith("}sheet") or e.tag == "sheet":
            rid = e.get(_REL) or next((v for k, v in e.attrib.items() if k.endswith("}id")), None)  # strict OOXML
            kind, target = rels.get(rid, ("", ""))
            if kind.endswith("/worksheet"):
                sheets.append((e.get("name") or "", target))
    if not sheets:
        raise XlsxError("the workbook has no worksheet", "xlsx_no_sheet")
    part_of = {kind.rsplit("/", 1)[-1]: target for kind, target in rels.values()}
    shared_part = part_of.get("sharedStrings", "xl/sharedStrings.xml")
    shared = _shared_strings(zf, shared_part) if shared_part in names else []
    styles_part = part_of.get("styles", "xl/styles.xml")
    formats = _number_formats(zf, styles_part) if styles_part in names else {}
    first = None
    for i, (name, part) in enumerate(sheets):
        sheet = Sheet(name, other_sheets=[n for j, (n, _) in enumerate(sheets) if j != i], index=i)
        _read_sheet(zf, part, shared, formats, date1904, sheet)
        if accept is None or accept(sheet):
            return sheet
        first = first or sheet
    return first


def _not_a_workbook(path, exc: Exception) -> XlsxError:
    """Why a file named .xlsx is no zip: empty, an Excel 97-2003 .xls, a text file (a CSV renamed)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except (OSError, TypeError):  # (a file object: only its zip error is known)
        head = None
    if head == b"":
        return XlsxError("the file is empty", "xlsx_empty")
    if head and head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: the .xls format
        return XlsxError("it is an Excel 97-2003 (.xls) file; save it as .xlsx in Excel", "xlsx_is_xls")
    if head and b"\0" not in head and not head.startswith(b"PK"):  # (PK: a zip, damaged)
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError as error:
                if error.start < len(head) - 4:  # (not a character cut at the end of the sample)
                    continue
            return XlsxError("it is a text file (such as CSV); name it .csv", "xlsx_is_text")
    return XlsxError(f"not an .xlsx workbook ({exc})", "xlsx_not_zip", why=str(exc))


# -- parts -----------------------------------------------------------------------------------------

def _open(zf: zipfile.ZipFile, part: str, limit: int):
    info = zf.getinfo(part)
    if info.file_size > limit:  # zipfile never yields more than the declared size
        size = f"{info.file_size / 2**20:,.0f}"
        raise XlsxLimitError(f"{part} is {size} MB uncompressed (more than the {limit // 2**20} MB read)",
                             "xlsx_part_too_big", part=part, size=size, limit=limit // 2**20)
    return zf.open(info)


def _parser() -> expat.XMLParserType:
    p = expat.ParserCreate()
    p.buffer_text = True

    def no_doctype(*args):  # a workbook part has no DOCTYPE; one may declare entities
        raise XlsxError("a DOCTYPE inside a workbook part", "xlsx_doctype")

    p.StartDoctypeDeclHandler = no_doctype
    return p


def _feed(zf, part: str, parser, limit: int) -> None:
    with _open(zf, part, limit) as fh:
        while True:
            chunk = fh.read(CHUNK)
            parser.Parse(chunk, not chunk)
            if not chunk:
                return


def _small_tree(zf, part: str):
    import xml.etree.ElementTree as ET

    with _open(zf, part, 16 * 2**20) as fh:
        data = fh.read()
    if b"<!DOCTYPE" in data[:4096]:
        raise XlsxError("a DOCTYPE inside a workbook part", "xlsx_doctype")
    return ET.fromstring(data)


def _rels(zf, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name inside the zip), from xl/_rels/workbook.xml.rels."""
    out = {}
    for e in _small_tree(zf, part).iter():
        if e.tag.endswith("Relationship"):
            target = e.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            out[e.get("Id")] = (e.get("Type") or "", target)
    return out


def _shared_strings(zf, part: str) -> list[str]:
    strings: list[str] = []
    text: list[str] = []
    size = 0
    depth = {"si": 0, "rPh": 0, "t": 0}

    def start(tag, attrs):
        nonlocal size
        tag = tag.rpartition(":")[2]
        if tag in depth:
            depth[tag] += 1
        if tag == "si":
            text.clear()
            size = 0

    def end(tag):
        tag = tag.rpartition(":")[2]
        if tag in depth:
            depth[tag] -= 1
        if tag == "si":
            strings.append("".join(text))

    def chars(data):
        nonlocal size
        if depth["t"] and depth["si"] and not depth["rPh"]:
            size += len(data)
            if size > MAX_CELL_CHARS:
                raise XlsxLimitError(f"shared string {len(strings) + 1} is longer than {MAX_CELL_CHARS:,} characters "
                                     f"(Excel's limit for a cell)", "xlsx_string_too_long", n=len(strings) + 1,
                                     limit=f"{MAX_CELL_CHARS:,}")
            text.append(data)

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    _feed(zf, part, p, MAX_SHARED_BYTES)
    return strings


DATE = 0  # in _number_formats: a date or time format (else the digits a zero-padding format shows)
_ZERO_PADDED = re.compile(r"0{2,}")  # '000000': an employee number shown with its leading zeros


def _number_formats(zf, part: str) -> dict[int, int]:
    """Indexes of the cell formats (``s=``) whose number format is a date or a time (:data:`DATE`),
    or pads a whole number with zeros (its width: Excel shows 123 as 000123, so that is the cell)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    tree = _small_tree(zf, part)
    custom = {}
    out: dict[int, int] = {}
    for e in tree.iter():
        if e.tag.endswith("numFmt"):
            custom[int(e.get("numFmtId", "-1"))] = e.get("formatCode") or ""
    for e in tree.iter():
        if e.tag.endswith("cellXfs"):
            for i, xf in enumerate(x for x in e if x.tag.endswith("xf")):
                fid = int(xf.get("numFmtId", "0"))
                code = custom.get(fid, BUILTIN_FORMATS.get(fid, ""))
                if code and is_date_format(code):
                    out[i] = DATE
                elif _ZERO_PADDED.fullmatch(code):
                    out[i] = len(code)
    return out


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _read_sheet(zf, part: str, shared: list[str], formats: dict[int, int], date1904: bool, sheet: Sheet) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    state = {"row": 0, "col": 0, "type": "n", "style": 0, "formula": False, "in": None, "width": 0}
    cells: dict[int, object] = {}
    text: list[str] = []
    size = 0
    missing: list[str] = []

    def start(tag, attrs):
        nonlocal size
        tag = tag.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            m = _CELL_REF.match(ref) if ref else None
            state["col"] = _column(m.group(1)) if m else state["col"] + 1
            if state["col"] > MAX_COLUMNS:
                raise XlsxLimitError(f"cell {ref or state['col']} is beyond column {MAX_COLUMNS:,} "
                                     f"(a roster has fewer columns)", "xlsx_column_too_far",
                                     cell=ref or state["col"], limit=f"{MAX_COLUMNS:,}")
            state["type"] = attrs.get("t", "n")
            state["style"] = int(attrs.get("s", 0) or 0)
            state["formula"] = False
            cells.pop(state["col"], None)
        elif tag == "row":
            r = attrs.get("r")
            state["row"] = int(r) if r else state["row"] + 1
            state["col"] = 0
            cells.clear()
        elif tag in ("v", "t", "f"):
            if tag == "f":
                state["formula"] = True
            else:
                state["in"] = tag
                text.clear()
                size = 0

    def chars(data):
        nonlocal size
        if state["in"]:
            size += len(data)
            if size > MAX_CELL_CHARS * 8:  # a number or an inline string cannot be this long
                raise XlsxLimitError(f"cell in row {state['row']} is longer than {MAX_CELL_CHARS:,} characters",
                                     "xlsx_cell_too_long", row=state["row"], limit=f"{MAX_CELL_CHARS:,}")
            text.append(data)

    def end(tag):
        tag = tag.rpartition(":")[2]
        if tag in ("v", "t"):
            value = "".join(text)
            state["in"] = None
            if tag == "v":
                cells[state["col"]] = value
            else:  # <is><t>: an inline string (runs are joined)
                cells[state["col"]] = cells.get(state["col"], "") + value if state["type"] == "inlineStr" else value
        elif tag == "c":
            col = state["col"]
            # openpyxl and other writers save a formula as <f>…</f><v/>: no value was computed
            # (a formula whose value is the empty string is saved as text, t="str")
            if state["formula"] and state["type"] != "str" and cells.get(col, "") == "":
                missing.append(f"{_letters(col)}{state['row']}")
            elif col in cells:
                cells[col] = _value(cells[col], state["type"], state["style"], shared, formats, epoch, from_excel)
        elif tag == "row":
            _end_row()

    def _end_row():
        present = [c for c, v in cells.items() if v not in ("", None)]
        if not present and not missing:
            return
        width = max(present, default=0)
        if width:
            row = [""] * width
            for c, v in cells.items():
                if c <= width:
                    row[c - 1] = v
        else:
            row = []
        state["width"] = max(state["width"], width)
        if (len(sheet.rows) + 1) * max(state["width"], 1) > MAX_CELLS:
            raise XlsxLimitError(f"more than {MAX_CELLS:,} cells (rows × columns) in the sheet",
                                 "xlsx_too_many_cells", limit=f"{MAX_CELLS:,}")
        if missing:
            sheet.problems[len(sheet.rows)] = ("row_formula_without_value", {
                "row": state["row"], "cells": list(missing), "s": "s" if len(missing) > 1 else ""})
            missing.clear()
        sheet.rows.append(row)
        sheet.row_numbers.append(state["row"])

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    _feed(zf, part, p, MAX_PART_BYTES)


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _value(raw: str, kind: str, style: int, shared, formats, epoch, from_excel):
    if kind == "s":
        return shared[int(raw)]
    if kind in ("str", "inlineStr", "e"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        try:
            return dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            return raw
    raw = raw.strip()
    if not raw:
        return ""
    try:
        number = float(raw) if any(ch in raw for ch in ".eE") else int(raw)
    except ValueError:
        return raw
    shown = formats.get(style)
    if shown == DATE:
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError):
            return number
    if shown and isinstance(number, int) and number >= 0:
        return str(number).zfill(shown)
    return number
