"""Rosters that lose nothing (issue 14): one bad value never kills a batch, rows in = rows out in every
format, output files are written whole or not at all, and no input file can exhaust the machine.
Also the roster headers HR staff write (issue 12)."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from equivalence.cli import cli
from equivalence.roster import Roster
from equivalence.rosterio import read_table, write_table
from xlsx_parts import huge_string_stream, shared_strings, sheet_xml, write_workbook

AS_OF = "2026-12-01"


def roster(runner, *args):
    return runner.invoke(cli, ["roster", *args, "--as-of", AS_OF])


def no_traceback(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


# -- 1. one bad value never kills a batch ----------------------------------------------------------

def test_bad_values_are_row_errors_and_the_others_are_answered(runner, tmp_path):
    big = "9" * 400
    src = tmp_path / "r.csv"
    src.write_text(f"id,holds,work_years\n1,技师:3,\n2,技师,nan\n3,技师:99999,\n4,技师,inf\n5,技师,1e400\n"
                   f"6,技师:{big},\n7,技师,-1\n8,技师,5\n", encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == "Error: 共 8 行，其中 6 行无法处理（第 3、4、5、6、7、8 行；见 error 列）\n"
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert [r["id"] for r in out] == [str(i) for i in range(1, 9)]
    errors = {r["id"]: r["error"] for r in out}
    for value, n in (("nan", "2"), ("inf", "4"), ("1e400", "5"), ("-1", "7")):
        assert errors[n] == f"工作年限 '{value}' 不是有效的年数（有限，不小于 0）"
    assert errors["3"] and errors["6"] and "\n" not in errors["3"] + errors["6"]
    assert len(errors["6"]) <= 500
    assert errors["1"] == errors["8"] == ""
    assert out[0]["next_steps"].endswith("高级技师@2027-12-01") and out[7]["next_steps"]


def test_jsonl_nan_is_a_row_error(runner, tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text('{"id": 1, "holds": "技师", "work_years": NaN}\n{"id": 2, "holds": "技师:1"}\n', encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.jsonl"))
    no_traceback(result)
    out = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert [r["error"] for r in out] == ["工作年限 'NaN' 不是有效的年数（有限，不小于 0）", None]
    assert out[0]["work_years"] == "NaN"  # JSON cannot hold NaN: its text comes back


def test_an_unexpected_failure_is_that_rows_error(real, monkeypatch):
    original = Roster._compute

    def compute(self, holds, *args):
        if holds == "技师:7":
            raise ValueError("boom\nsecond line")
        return original(self, holds, *args)

    monkeypatch.setattr(Roster, "_compute", compute)
    out = Roster(real, as_of=AS_OF).process([{"holds": "技师:7"}, {"holds": "技师:1"}])
    assert out[0]["error"] == "无法处理此行（ValueError：boom second line）"
    assert out[1]["error"] == "" and out[1]["next_steps"]
    en = Roster(real, as_of=AS_OF, lang="en").process([{"holds": "技师:7"}])
    assert en[0]["error"] == "cannot process this row (ValueError: boom second line)"


def test_a_far_plan_date_is_no_traceback(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("id,holds,target\n1,技师:3,高级技师\n2,高级工,\n", encoding="utf-8")
    result = runner.invoke(cli, ["roster", str(src), "--as-of", "9999-12-31", "--lang", "en"])
    no_traceback(result)
    # refused whole as a usage error (plan dates are answered up to 2100-12-31), one line, nothing written
    assert result.exit_code == 2
    assert result.stdout == ""
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        "Error: Invalid value for '--as-of': date: 9999-12-31 is outside the dates this tool answers for "
        "(1949-10-01 to 2100-12-31)"]


# -- 2. and 8. xlsx: every row, flagged formulas, other sheets named, bombs refused ---------------

def _rows(n):
    return [["id", "holds"]] + [[str(i), "技师:1"] for i in range(1, n + 1)]


def test_xlsx_with_a_dimension_tag_understating_its_size_keeps_every_row(tmp_path):
    path = tmp_path / "lie.xlsx"
    write_workbook(path, [sheet_xml(_rows(10), dimension="A1:B5")])
    table = read_table(str(path))
    assert [r["id"] for r in table.rows] == [str(i) for i in range(1, 11)]


def test_xlsx_formula_without_a_value_is_a_row_error(runner, tmp_path):
    extra = '<row r="4"><c r="A4" t="inlineStr"><is><t>3</t></is></c><c r="B4"><f>A1&amp;":1"</f><v/></c></row>'
    path = tmp_path / "f.xlsx"
    write_workbook(path, [sheet_xml(_rows(2), extra=extra)])
    result = runner.invoke(cli, ["roster", str(path), "--as-of", AS_OF, "--lang", "en"])
    no_traceback(result)
    out = csv_rows(result.stdout)
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert out[2]["error"] == ("row 4: formula cell B4 saved without a value (open and save the file in Excel, "
                               "or paste the values)")
    zh = csv_rows(runner.invoke(cli, ["roster", str(path), "--as-of", AS_OF]).stdout)
    assert zh[2]["error"] == "第 4 行：公式单元格 B4 保存时没有值（请在 Excel 中打开并保存，或粘贴为数值）"
    assert out[0]["error"] == ""


def test_xlsx_other_sheets_are_named(runner, tmp_path):
    path = tmp_path / "s.xlsx"
    write_workbook(path, [sheet_xml(_rows(1)), sheet_xml(_rows(3)), sheet_xml([])])
    result = runner.invoke(cli, ["roster", str(path), "--as-of", AS_OF])
    assert result.exit_code == 0
    assert result.stderr == f"注意：只读取了 {path} 的第一个工作表 'Sheet1'，另外 2 个工作表未读取（'Sheet2', 'Sheet3'）\n"
    result = runner.invoke(cli, ["roster", str(path), "--as-of", AS_OF, "--lang", "en"])
    assert result.stderr == (f"Note: read the first sheet 'Sheet1' of {path}; 2 other sheets ignored "
                             f"('Sheet2', 'Sheet3')\n")


def test_xlsx_dates_numbers_and_shared_strings(tmp_path):
    # t="s" shared strings, plain numbers, booleans, a date by its style, an inline string
    styles = ('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
             '<c r="D1" t="s"><v>3</v></c></row>'
             '<row r="3"><c r="A3"><v>5</v></c><c r="B3"><v>2.5</v></c><c r="C3" s="1"><v>45000</v></c>'
             '<c r="D3" t="b"><v>1</v></c></row></sheetData></worksheet>')
    path = tmp_path / "d.xlsx"
    write_workbook(path, [sheet], shared_strings(["id", "work_years", "since", "flag"]))
    import zipfile

    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/styles.xml", styles)
    table = read_table(str(path))
    assert table.rows == [{"id": "5", "work_years": "2.5", "since": "2023-03-15", "flag": "TRUE"}]


def test_xlsx_huge_shared_strings_part_is_refused_fast(runner, tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_workbook(path, [sheet_xml(_rows(1))], stream=huge_string_stream(80))
    start = time.perf_counter()
    result = runner.invoke(cli, ["roster", str(path), "--lang", "en"])
    assert time.perf_counter() - start < 2
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot read {path} as .xlsx: xl/sharedStrings.xml is 80 MB uncompressed "
                             f"(more than the 64 MB read)\n")


def test_xlsx_string_longer_than_a_cell_is_refused(runner, tmp_path):
    path = tmp_path / "long.xlsx"
    write_workbook(path, [sheet_xml(_rows(1))], shared_strings(["x" * 40_000]))
    result = runner.invoke(cli, ["roster", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot read {path} as .xlsx: shared string 1 is longer than 32,767 characters "
                             f"(Excel's limit for a cell)\n")


def test_xlsx_declaring_the_whole_grid_reads_only_its_cells(tmp_path):
    path = tmp_path / "grid.xlsx"
    write_workbook(path, [sheet_xml(_rows(2), dimension="A1:XFD1048576")])
    start = time.perf_counter()
    table = read_table(str(path))
    assert time.perf_counter() - start < 2
    assert table.header == ["id", "holds"] and len(table.rows) == 2


def test_xlsx_cell_far_right_is_refused(runner, tmp_path):
    extra = '<row r="5"><c r="XFD5" t="inlineStr"><is><t>x</t></is></c></row>'
    path = tmp_path / "wide.xlsx"
    write_workbook(path, [sheet_xml(_rows(2), extra=extra)])
    result = runner.invoke(cli, ["roster", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot read {path} as .xlsx: cell XFD5 is beyond column 1,024 "
                             f"(a roster has fewer columns)\n")


def test_xlsx_that_is_not_a_zip_is_one_line(runner, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    result = runner.invoke(cli, ["roster", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read {path} as .xlsx: ") and result.stderr.count("\n") == 1


# -- 3. CSV output: line breaks quoted, formulas escaped after them --------------------------------

def test_csv_output_quotes_a_bare_cr_and_escapes_the_formula_after_it(runner, tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "1", "holds": "技师", "note": "x\r=1+1"}) + "\n"
                   + json.dumps({"id": "2", "holds": "技师", "note": "a\n@SUM(A1)\r\n-2"}) + "\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert roster(runner, str(src), "-o", str(out)).exit_code == 0
    text = out.read_bytes().decode("utf-8")
    assert '\n1,技师,"x\r\'=1+1",' in text
    back = read_table(str(out))
    assert [r["note"] for r in back.rows] == ["x\r'=1+1", "a\n'@SUM(A1)\r\n-2"]


# -- 4. JSON Lines split at \n only ----------------------------------------------------------------

def test_jsonl_records_with_unicode_line_breaks_stay_one_row(runner, tmp_path):
    seps = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
    src = tmp_path / "r.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "holds": "技师", "note": f"a{s}b"}, ensure_ascii=False) + "\n"
                           for i, s in enumerate(seps)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert roster(runner, str(src), "-o", str(out)).exit_code == 0
    back = read_table(str(out))
    assert [r["note"] for r in back.rows] == [f"a{s}b" for s in seps]
    again = tmp_path / "again.jsonl"
    assert roster(runner, str(out), "-o", str(again)).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


# -- 5. CSV: an over-long cell and an unclosed quote are row errors; the count is right --------------

def test_csv_cell_over_the_limit_is_a_row_error(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text(f"id,holds,note\n1,技师,x\n2,技师,{'y' * 131_073}\n3,技师,z\n", encoding="utf-8")
    result = roster(runner, str(src))
    no_traceback(result)
    out = csv_rows(result.stdout)
    assert [r["id"] for r in out] == ["1", "", "3"]
    assert [r["error"] for r in out] == ["", "第 3 行：有单元格超过 131,072 个字符", ""]
    assert csv.field_size_limit() == 131_072


def test_csv_unclosed_quote_is_a_row_error_and_the_rows_after_it_are_read(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text('id,holds,note\n1,技师,x\n2,技师,"open\n3,技师,z\n4,技师,"again\n', encoding="utf-8")
    result = roster(runner, str(src))
    no_traceback(result)
    out = csv_rows(result.stdout)
    assert [r["id"] for r in out] == ["1", "2", "3", "4"]
    assert [r["error"] for r in out] == ["", "第 3 行：引号没有闭合", "", "第 5 行：引号没有闭合"]
    assert out[1]["note"] == "open"


def test_csv_quoted_line_breaks_are_one_row(tmp_path):
    src = tmp_path / "r.csv"
    src.write_text('id,holds,note\n1,技师,"two\nlines"\n2,技师,x\n', encoding="utf-8")
    table = read_table(str(src))
    assert [r["note"] for r in table.rows] == ["two\nlines", "x"] and table.problems == {}


# -- 6. output written whole or not at all ---------------------------------------------------------

ROWS = [{"id": str(i), "holds": "技师"} for i in range(2000)]


@pytest.mark.parametrize("ext", ["csv", "xlsx", "jsonl"])
def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch, ext):
    target = tmp_path / f"out.{ext}"
    target.write_bytes(b"previous")
    calls = {"n": 0}
    real_open = open

    class Full(io.RawIOBase):  # every file opened in the scratch folder fills up after 1 KB
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            calls["n"] += len(data)
            if calls["n"] > 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    def fake_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        return Full(fh) if ".partial-" in str(file) and "w" in mode else fh

    import builtins

    monkeypatch.setattr(builtins, "open", fake_open)
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    from equivalence.atomic import OutputError

    with pytest.raises(OutputError) as info:
        write_table(str(target), ["id", "holds"], ROWS)
    monkeypatch.undo()
    import gc

    gc.collect()
    assert str(info.value) == f"cannot write {target}: No space left on device"
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == [target.name]
    assert unraisable == []


def test_an_interrupted_write_leaves_the_previous_file(tmp_path, monkeypatch):
    import equivalence.rosterio as rosterio

    target = tmp_path / "out.csv"
    target.write_text("previous", encoding="utf-8")

    def interrupted(fh, header, rows, excel):
        fh.write("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(rosterio, "_write_csv", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_table(str(target), ["id"], [{"id": "1"}])
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["out.csv"]


KILLED = textwrap.dedent("""\
    import sys
    from equivalence.atomic import atomic_text
    from equivalence.cli import main
    with atomic_text(sys.argv[1]) as fh:
        fh.write("partial" * 100_000)
        fh.flush()
        print("writing", flush=True)
        while True:
            fh.write("x")
""")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_kill_during_a_write_leaves_no_temp_file_and_no_traceback(tmp_path, sig):
    target = tmp_path / "out.csv"
    target.write_text("previous", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    assert len(os.listdir(tmp_path)) == 2  # the target and the scratch folder
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode != 0
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["out.csv"]
    assert "KeyboardInterrupt" in err  # a bare script: the command line prints 'Aborted!' instead


def test_roster_killed_by_sigterm_prints_no_traceback(tmp_path):
    src = tmp_path / "big.csv"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("id,holds,education,work_years\n")
        fh.writelines(f"{i},高级工:{i % 7},大专,{i % 20}\n" for i in range(60_000))
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous")
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", "roster", str(src), "-o", str(target),
                             "--as-of", AS_OF], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(os.listdir(tmp_path)) < 3 and proc.poll() is None:
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the write finished before the signal")
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.strip() == "Aborted!"
    assert proc.returncode == 1
    if target.read_bytes() != b"previous":  # the signal came between the rename and the cleanup
        assert len(read_table(str(target)).rows) == 60_000
    assert sorted(os.listdir(tmp_path)) == ["big.csv", "out.xlsx"]


def test_interrupt_inside_code_built_from_a_string_still_exits_1(tmp_path):
    # The SIGTERM above can land while a dataclass or namedtuple is being built (exec/eval of a
    # string); CPython then marks the interrupt as escaped even though the command line caught it,
    # and `python -m` died by SIGINT (-2) instead of exiting 1. Raised there on purpose here.
    (tmp_path / "interrupted_run.py").write_text(textwrap.dedent("""
        from equivalence.cli import cli

        @cli.command("boom")
        def boom():
            exec("raise KeyboardInterrupt")

        cli(prog_name="equivalence")
    """), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    proc = subprocess.run([sys.executable, "-m", "interrupted_run", "boom"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() in ("Aborted!", "已中止。")
    assert proc.returncode == 1


# -- 14. writes elsewhere ----------------------------------------------------------------------------

@pytest.mark.parametrize("args, target", [
    (["chart", "-o", "{d}/nodir/c.svg"], "nodir/c.svg"),
    (["path", "技师", "高级技师", "--chart", "{d}/nodir/p.svg"], "nodir/p.svg"),
    (["export", "-o", "{d}/nodir/g.json"], "nodir/g.json"),
    (["roster", "{d}/r.csv", "-o", "{d}/nodir/o.xlsx"], "nodir/o.xlsx"),
])
def test_writing_into_a_missing_folder_is_one_line(runner, tmp_path, args, target):
    (tmp_path / "r.csv").write_text("id,holds\n1,技师\n", encoding="utf-8")
    result = runner.invoke(cli, [*(a.format(d=tmp_path) for a in args), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.endswith(f"Error: cannot write {tmp_path}/{target}: No such file or directory\n")
    assert result.stderr.count("\n") == 1


def test_chart_and_export_replace_a_file_whole(runner, tmp_path):
    for args, name in ((["chart", "-o"], "c.svg"), (["export", "-o"], "g.json")):
        target = tmp_path / name
        target.write_text("previous", encoding="utf-8")
        assert runner.invoke(cli, [*args, str(target)]).exit_code == 0
        assert target.read_text(encoding="utf-8") != "previous"
    assert sorted(os.listdir(tmp_path)) == ["c.svg", "g.json"]


def _run(args, **kw):
    return subprocess.run([sys.executable, "-m", "equivalence", *args], capture_output=True, text=True, **kw)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "equivalence", "lookup", "技师"], stdout=full,
                                stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert result.stderr == "Error: 无法写出结果：磁盘空间不足\n"  # zh, the default language


def test_roster_into_a_closed_pipe_ends_quietly(tmp_path):
    src = tmp_path / "big.csv"
    src.write_text("id,holds\n" + "".join(f"{i},高级工:{i % 7}\n" for i in range(5000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", "roster", str(src), "--as-of", AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == ""
    assert proc.returncode in (0, 1)


# -- issue 12: the headers HR staff write ------------------------------------------------------------

def test_chinese_headers_are_recognised_and_said(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("工号,姓名,证书,学历,工作年限,目标\nE1,张三,高级工:2,大专,6,技师\n", encoding="utf-8")
    result = roster(runner, str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ("读取的列：工号 作为 id，姓名 作为 name，证书 作为 holds，学历 作为 education，"
                             "工作年限 作为 work_years，目标 作为 target\n")
    row = csv_rows(result.stdout)[0]
    assert list(row)[:6] == ["工号", "姓名", "证书", "学历", "工作年限", "目标"]
    assert row["target_earliest"] == "2028-12-01" and row["error"] == ""


def test_headers_in_other_cases_and_forms(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("ID,Holds,EDUCATION,Work Years,持有\n1,高级工:2,大专,6,x\n", encoding="utf-8")
    result = roster(runner, str(src), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "columns read: ID as id, Holds as holds, EDUCATION as education, Work Years as work_years\n"


def test_columns_option_names_the_rest(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("编号,资历,文凭\n1,高级工:2,大专\n", encoding="utf-8")
    result = roster(runner, str(src), "--columns", "holds=资历，education=文凭")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "读取的列：编号 作为 id，资历 作为 holds，文凭 作为 education\n"
    assert csv_rows(result.stdout)[0]["next_steps"].endswith("技师@2028-12-01")
    bad = roster(runner, str(src), "--columns", "holds=证件")
    assert bad.exit_code == 1
    assert bad.stderr == "Error: --columns holds=证件：没有 '证件' 列（列：编号、资历、文凭）\n"
    usage = roster(runner, str(src), "--columns", "salary=资历")
    assert usage.exit_code == 2
    assert usage.stderr.splitlines()[-1] == ("Error: '--columns' 的取值无效：'salary=资历' 不是 字段=列名 的形式"
                                             "（字段可选：id、name、holds、education、work_years、target）")
    usage = roster(runner, str(src), "--columns", "salary=资历", "--lang", "en")
    assert "'salary=资历' is not FIELD=COLUMN with FIELD one of id, name, holds, education, work_years, target" \
        in usage.stderr


def test_no_holds_column_says_how_to_name_it(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("编号,资历\n1,高级工:2\n", encoding="utf-8")
    result = roster(runner, str(src))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {src} 没有 'holds' 列（列：编号、资历）；请用 --columns holds=列名 指明\n"
    assert roster(runner, str(src), "--lang", "en").stderr == (f"Error: {src} has no 'holds' column (columns: 编号, 资历); "
                                                               f"name it with --columns holds=COLUMN\n")


def test_a_file_read_in_a_wrong_encoding_is_refused_not_answered_as_no_rows(runner, tmp_path):
    # UTF-8 read as UTF-16 is one line of other characters: a header naming no holds column and no
    # rows. It was answered with exit 0 and no row: the five people of the file silently gone.
    src = tmp_path / "r.csv"
    src.write_text("工号,证书\nE1,技师\nE2,高级工\n\n", encoding="utf-8")  # (an even number of bytes)
    result = roster(runner, str(src), "--encoding", "utf-16", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {src} 没有 'holds' 列（列：")
    assert not (tmp_path / "o.csv").exists()
    (tmp_path / "h.csv").write_text("编号,资历\n", encoding="utf-8")  # a header alone says the same
    result = roster(runner, str(tmp_path / "h.csv"))
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {tmp_path / 'h.csv'} 没有 'holds' 列（列：编号、资历）；请用 --columns holds=列名 指明\n")
    (tmp_path / "e.csv").write_text("编号,证书\n", encoding="utf-8")  # an empty roster is still one
    result = roster(runner, str(tmp_path / "e.csv"))
    assert (result.exit_code, result.stdout) == (0, "编号,证书,next_steps,target_earliest,target_route,error\n")
    (tmp_path / "e.jsonl").write_text("", encoding="utf-8")  # so is an empty JSON Lines file
    assert roster(runner, str(tmp_path / "e.jsonl")).exit_code == 0


def test_answers_resting_on_appointment_are_marked(real):
    out = Roster(real, as_of=AS_OF).process([{"holds": "高级技师:3", "target": "首席技师"}])[0]
    assert out["target_route"] == ("特级技师（评聘）@2026-12-01[skill-14-senior-technician-to-special-technician] > "
                                   "首席技师（评聘）@2026-12-01[skill-14-special-technician-to-chief-technician]")
    open_now = out["next_steps"].split("@2026-12-01")[0].split("、")  # the steps that can be taken now
    assert "特级技师（评聘）" in open_now
    en = Roster(real, as_of=AS_OF, lang="en").process([{"holds": "高级技师:3", "target": "特级技师"}])[0]
    assert en["target_route"] == ("Special-grade technician (by appointment)@2026-12-01"
                                  "[skill-14-senior-technician-to-special-technician]")
    plain = Roster(real, as_of=AS_OF).process([{"holds": "高级工:2", "target": "技师"}])[0]
    assert "评聘" not in plain["target_route"] + plain["next_steps"]


def test_the_readme_roster_example_is_a_real_run_of_its_shipped_file(runner):
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "$ equivalence roster examples/staff.csv --to 工程技术 --as-of 2026-12-01\n"
    shown = readme[readme.index(command) + len(command):]
    shown = shown[:shown.index("```")]
    result = runner.invoke(cli, ["roster", str(REPO / "examples" / "staff.csv"), "--to", "工程技术",
                                 "--as-of", "2026-12-01"])
    assert result.exit_code == 1
    assert shown == result.stdout + result.stderr
    assert len(csv_rows(result.stdout)) == 5 == len(read_table(str(REPO / "examples" / "staff.csv")).rows)


def test_xlsx_with_damaged_compressed_data_is_one_line(runner, tmp_path):
    import zipfile

    path = tmp_path / "c.xlsx"
    write_workbook(path, [sheet_xml(_rows(300))])
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    for i in range(start, start + 40):
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
    result = runner.invoke(cli, ["roster", str(path), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read {path} as .xlsx: not a readable .xlsx workbook (")
    assert result.stderr.count("\n") == 1


def test_an_output_behind_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("previous", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    write_table(str(link), ["id"], [{"id": "1"}])
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "id\n1\n"
    assert sorted(os.listdir(tmp_path)) == ["link.csv", "real.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_output_that_is_a_fifo_is_written_in_place(tmp_path):
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_table(str(fifo), ["id"], [{"id": "1"}])
    reader.join(10)
    assert got == ["id\n1\n"] and sorted(os.listdir(tmp_path)) == ["pipe.csv"]


def test_a_field_named_twice_in_columns_is_a_usage_error(runner, tmp_path):
    # holds=证书,holds=学历 read 学历 as holds and said nothing of 证书: the first was dropped
    src = tmp_path / "r.csv"
    src.write_text("证书,学历\n高级工:2,大专\n", encoding="utf-8")
    result = roster(runner, str(src), "--columns", "holds=证书,holds=学历")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: '--columns' 的取值无效：holds 给了两次（证书、学历）"
    result = roster(runner, str(src), "--columns", "holds=证书，Holds=学历", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith("holds is given twice (证书, 学历)")
    assert roster(runner, str(src), "--columns", "holds=证书,holds=证书").exit_code == 0  # the same, twice: no doubt


@pytest.mark.parametrize("name, text, where", [
    # one row of 200,000 empty cells under a one-column header: 214 kB that took hours (each column
    # name was checked against a list of the others) and would then pad 2,000 rows to 200,000 cells
    ("r.csv", "holds\n技师" + "," * 200_000 + "\n" + "技师\n" * 2000, "第 2 行"),
    ("h.csv", "holds" + ",c" * 5000 + "\n技师\n", "第 1 行"),
    ("r.jsonl", '{"holds": "技师"}\n' + json.dumps({f"c{i}": "" for i in range(5000)}) + "\n", "第 2 行"),
])
def test_a_file_wider_than_a_workbook_may_be_is_refused_at_once(runner, tmp_path, name, text, where):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    started = time.monotonic()
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert result.stderr == f"Error: {src} {where}超过 1,024 列（名单没有这么多列）\n"
    assert not (tmp_path / "o.csv").exists()
    en = roster(runner, str(src), "--lang", "en")
    assert en.stderr.startswith(f"Error: {src}: ") and en.stderr.endswith(
        " has more than 1,024 columns (a roster has fewer)\n")


def test_a_file_as_wide_as_a_workbook_may_be_is_read(runner, tmp_path):
    from equivalence import rosterio, xlsxread

    assert rosterio.MAX_COLUMNS == xlsxread.MAX_COLUMNS
    src = tmp_path / "r.csv"
    src.write_text("holds" + ",x" * 1023 + "\n技师" + ",1" * 1023 + "\n", encoding="utf-8")
    result = roster(runner, str(src), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:3] == ["holds", "x", "x (2)"] and header[1023] == "x (1023)"


def test_repeated_column_names_are_numbered_in_linear_time():
    from equivalence.rosterio import _header

    started = time.monotonic()
    names = _header(["a"] * 50_000 + [""] * 50_000)
    assert time.monotonic() - started < 2
    assert names[:3] == ["a", "a (2)", "a (3)"] and names[49_999] == "a (50000)" and names[50_000] == "column 50001"
    assert _header(["a", "a (2)", "a"]) == ["a", "a (2)", "a (3)"]


def test_an_xlsx_output_past_a_worksheet_s_rows_is_refused_and_no_file_is_written(tmp_path):
    # openpyxl writes any number of rows; Excel opens 1,048,576 (the header included) and reports the
    # file as damaged past them: a roster that large was written as a workbook that loses people
    from equivalence.rosterio import RosterIOError

    rows = [{"holds": "技师"}] * 1_048_576
    target = tmp_path / "o.xlsx"
    with pytest.raises(RosterIOError) as err:
        write_table(str(target), ["holds"], rows)
    assert str(err.value) == ("a worksheet holds at most 1,048,576 rows, the header included; this roster has "
                              "1,048,576 rows besides its header: write .csv or .jsonl")
    assert not target.exists() and list(tmp_path.iterdir()) == []
    from equivalence.messages import message
    assert message(err.value, "zh") == "工作表至多 1,048,576 行（含标题行）；此名单除标题外有 1,048,576 行：请写成 .csv 或 .jsonl"
