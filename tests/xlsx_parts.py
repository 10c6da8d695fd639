"""Hand-made .xlsx files for the roster tests and benchmarks/bombs_roster.py: the parts Excel writes,
with the sheet XML, the shared strings and the number of sheets chosen by the caller (openpyxl
cannot write a lying <dimension>, a formula without its value, or a bomb)."""

from __future__ import annotations

import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_xml(rows: list[list[str]], dimension: str | None = None, extra: str = "") -> str:
    """A worksheet of inline strings (``rows``), with a ``<dimension>`` tag if given; ``extra`` is
    XML put after the rows, inside ``<sheetData>``."""
    body = []
    for r, cells in enumerate(rows, 1):
        cs = "".join(f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                     for c, v in enumerate(cells) if v != "")
        body.append(f'<row r="{r}">{cs}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{dim}<sheetData>{"".join(body)}{extra}</sheetData></worksheet>'


def write_workbook(path, sheets: list[str], shared: bytes | None = None, *, stream=None) -> None:
    """Write a workbook with the worksheets ``sheets`` (XML text), named Sheet1, Sheet2 …, and the
    shared strings part ``shared`` (bytes), or ``stream()`` yielding its bytes in chunks (a bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        names = "".join(f'<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {NS} {RNS}><sheets>{names}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1))
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        zf.writestr("xl/_rels/workbook.xml.rels",
                    f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    f'relationships">{rels}</Relationships>')
        for i, xml in enumerate(sheets, 1):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", shared)
        elif stream is not None:
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
                for chunk in stream():
                    fh.write(chunk)


def shared_strings(strings: list[str]) -> bytes:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0"?><sst {NS} count="{len(strings)}">{items}</sst>'.encode()


def huge_string_stream(megabytes: int):
    """The shared strings part of a bomb: one string of ``megabytes`` MB of 'a'."""
    def stream():
        yield f'<?xml version="1.0"?><sst {NS} count="1"><si><t>'.encode()
        block = b"a" * 2**20
        for _ in range(megabytes):
            yield block
        yield b"</t></si></sst>"
    return stream
