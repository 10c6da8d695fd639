"""Rosters as HR staff keep them in Excel (a QA pass): a title above the header, the roster on the
second sheet behind an instructions sheet, blank rows saved by Excel as ``,,,``, full-width numbers,
a workbook that is really an old .xls or a renamed CSV, and failed rows named by the row number
Excel shows."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from equivalence.cli import cli

AS_OF = "2026-12-01"


def roster(runner, *args):
    return runner.invoke(cli, ["roster", *args, "--as-of", AS_OF])


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def no_traceback(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr


# -- a file named .xlsx that is no workbook: one line, in the asked language --------------------------

@pytest.mark.parametrize("data, zh, en", [
    (b"", "Error: {p} 是空的（应有标题行）\n", "Error: {p} is empty (expected a header row)\n"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
     "Error: 无法将 {p} 作为 .xlsx 读取：这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx\n",
     "Error: cannot read {p} as .xlsx: it is an Excel 97-2003 (.xls) file; save it as .xlsx in Excel\n"),
    ("工号,证书\nE1,技师\n".encode("gbk"),
     "Error: 无法将 {p} 作为 .xlsx 读取：这是文本文件（如 CSV），请将文件名改为 .csv\n",
     "Error: cannot read {p} as .xlsx: it is a text file (such as CSV); name it .csv\n"),
    (b"\x00\x01\x02\x03garbage\xff",
     "Error: 无法将 {p} 作为 .xlsx 读取：不是 .xlsx 工作簿（不是 zip 格式）\n",
     "Error: cannot read {p} as .xlsx: not an .xlsx workbook (File is not a zip file)\n"),
])
def test_a_file_named_xlsx_that_is_not_one_is_said_in_each_language(runner, tmp_path, data, zh, en):
    path = tmp_path / "名单.xlsx"
    path.write_bytes(data)
    for lang, expected in (("zh", zh), ("en", en)):
        result = roster(runner, str(path), "--lang", lang)
        no_traceback(result)
        assert result.exit_code == 1
        assert result.stderr == expected.format(p=path)


def test_workbook_limits_are_said_in_chinese(runner, tmp_path):
    from xlsx_parts import huge_string_stream, sheet_xml, write_workbook

    path = tmp_path / "bomb.xlsx"
    write_workbook(path, [sheet_xml([["holds"], ["技师"]])], stream=huge_string_stream(80))
    result = roster(runner, str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: 无法将 {path} 作为 .xlsx 读取：xl/sharedStrings.xml 解压后为 80 MB（最多读取 64 MB）\n"


# -- blank rows: Excel saves them in a CSV as ',,,' ---------------------------------------------------

def test_csv_rows_of_empty_cells_are_blank_rows_as_in_xlsx(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_bytes("工号,证书,学历,工作年限\r\nE1,高级工:2,大专,6\r\n,,,\r\n,,,\r\nE2,技师:1,,\r\n".encode("gbk"))
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert [r["工号"] for r in out] == ["E1", "E2"]


# -- full-width and '年' in work years, as in holds -------------------------------------------------

def test_work_years_in_full_width_or_with_nian_are_read_as_in_holds(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("id,holds,work_years\n1,技师:1,６．５\n2,技师:1,6.5\n3,技师:1,6年\n4,技师:1,6\n5,技师:1,６ 年\n",
                   encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    no_traceback(result)
    assert result.exit_code == 0, (tmp_path / "o.csv").read_text(encoding="utf-8")
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert out[0]["next_steps"] == out[1]["next_steps"]
    assert out[2]["next_steps"] == out[3]["next_steps"] == out[4]["next_steps"]
    assert [r["work_years"] for r in out] == ["６．５", "6.5", "6年", "6", "６ 年"]  # passed through as written


def test_work_years_with_other_words_stay_an_error(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("id,holds,work_years\n1,技师:1,六年\n2,技师:1,6个月\n", encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 1
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert [r["error"] for r in out] == ["工作年限 '六年' 不是数字", "工作年限 '6个月' 不是数字"]


# -- where the roster is: under a title, behind a sheet of instructions ------------------------------

HEADER = ["工号", "姓名", "证书", "学历", "工作年限", "目标"]


def test_xlsx_header_under_a_title_on_the_second_sheet_and_failed_rows_by_excel_row(runner, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active["A1"] = "请在下一个工作表填写名单"
    ws = wb.create_sheet("员工名单")
    ws["A1"] = "2026年技能人员名单"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(HEADER)
    ws.append(["E001", "张伟", "高级工:2", "大专", 6, "技师"])
    ws.append([])
    ws.append(["E002", "李娜", "不存在的等级", "本科", 12, ""])
    ws.append(["E003", "王强", "技师:1", "中专", "8", ""])
    path = tmp_path / "名单.xlsx"
    wb.save(path)
    for lang, notes, summary in (
            ("zh", [f"注意：读取了 {path} 中有名单表头的工作表 '员工名单'，另外 1 个工作表未读取（'填表说明'）",
                    "注意：表头在第 3 行，其上的行（标题）未作为名单读取"],
             "Error: 共 3 行，其中 1 行无法处理（第 6 行；见 error 列）"),
            ("en", [f"Note: read the sheet '员工名单' of {path}, the first with a roster header; 1 other sheet "
                    f"ignored ('填表说明')", "Note: the header is on row 3; the rows above it (a title) are not read"],
             "Error: 1 of 3 rows could not be processed (row 6; see the error column)")):
        result = roster(runner, str(path), "--lang", lang, "-o", str(tmp_path / f"o-{lang}.csv"))
        no_traceback(result)
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[:2] == notes and lines[-1] == summary
        out = csv_rows((tmp_path / f"o-{lang}.csv").read_text(encoding="utf-8"))
        assert [r["工号"] for r in out] == ["E001", "E002", "E003"]
        assert out[0]["target_earliest"] == "2028-12-01" and out[2]["next_steps"]


def test_csv_header_under_a_title_line(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("2026年名单,,\n,,\nid,证书,工作年限\n1,技师:1,5\n2,技师@2020-13-01,5\n", encoding="utf-8-sig")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.csv"))
    no_traceback(result)
    assert result.stderr.splitlines()[0] == "注意：表头在第 3 行，其上的行（标题）未作为名单读取"
    assert result.stderr.splitlines()[-1] == "Error: 共 2 行，其中 1 行无法处理（第 5 行；见 error 列）"
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert [r["id"] for r in out] == ["1", "2"] and out[0]["next_steps"] and out[1]["error"]


def test_a_two_row_header_with_merged_cells(runner, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "资格", None, "工作年限"])
    ws.append([None, None, "证书", "学历", None])
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        ws.merge_cells(cells)
    ws.append(["E001", "张伟", "高级工:2", "大专", 6])
    wb.save(tmp_path / "r.xlsx")
    result = roster(runner, str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "o.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "工号,姓名,证书,学历,工作年限,next_steps,target_earliest,target_route,error"
    assert csv_rows(text)[0]["next_steps"] == "技术工五级、技术员、助理工程师@2026-12-01；技师@2028-12-01"


def test_a_workbook_with_no_roster_header_on_any_sheet_is_still_an_error(runner, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["说明"])
    wb.active.append(["一", "二"])
    wb.create_sheet("空").append(["x"])
    wb.save(tmp_path / "r.xlsx")
    result = roster(runner, str(tmp_path / "r.xlsx"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (f"Error: {tmp_path / 'r.xlsx'} 没有 'holds' 列（列：说明、第 2 列）；"
                                              f"请用 --columns holds=列名 指明")


def test_failed_rows_named_are_cut_after_ten(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("holds\n" + "未知\n" * 12 + "技师\n", encoding="utf-8")
    result = roster(runner, str(src), "--lang", "en", "-o", str(tmp_path / "o.csv"))
    assert result.stderr == ("Error: 12 of 13 rows could not be processed (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …; "
                             "see the error column)\n")


def test_jsonl_failed_rows_are_named_by_line(runner, tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text('{"holds": "技师"}\n\n{"holds": "未知"}\n', encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.stderr == "Error: 共 2 行，其中 1 行无法处理（第 3 行；见 error 列）\n"


# -- the system's reasons, in Chinese -----------------------------------------------------------------

def test_a_missing_input_or_output_folder_is_said_in_chinese(runner, tmp_path):
    result = roster(runner, str(tmp_path / "无.csv"))
    assert (result.exit_code, result.stderr) == (1, f"Error: 无法读取 {tmp_path / '无.csv'}：文件不存在\n")
    (tmp_path / "r.csv").write_text("id,holds\n1,技师\n", encoding="utf-8")
    result = roster(runner, str(tmp_path / "r.csv"), "-o", str(tmp_path / "nodir" / "o.xlsx"))
    assert (result.exit_code, result.stderr) == (1, f"Error: 无法写入 {tmp_path / 'nodir' / 'o.xlsx'}：文件不存在\n")
    result = roster(runner, str(tmp_path / "无.csv"), "--lang", "en")
    assert result.stderr == f"Error: cannot read {tmp_path / '无.csv'}: No such file or directory\n"


# -- several credentials in one cell, as typed in Excel ------------------------------------------------

def test_credentials_on_lines_of_one_cell_or_after_a_full_width_comma(runner, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工号", "证书", "学历"])
    for i, held in enumerate(["高级工:2;工程师:1", "高级工:2\n工程师:1", "高级工:2\r\n工程师:1", "高级工:2，工程师:1"]):
        ws.append([f"E{i}", held, "本科"])
    ws.append(["E9", "一、二级引航员", ""])  # '、' is inside a name: never a separator
    wb.save(tmp_path / "r.xlsx")
    result = roster(runner, str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "o.csv"))
    out = csv_rows((tmp_path / "o.csv").read_text(encoding="utf-8"))
    assert [r["error"] for r in out[:4]] == ["", "", "", ""]
    assert {r["next_steps"] for r in out[:4]} == {"专业技术十三级–专业技术八级、技术工五级、技师@2026-12-01；高级工程师@2030-12-01"}
    assert out[4]["error"] == "" and result.exit_code == 0


# -- an employee number shown with leading zeros -------------------------------------------------------

def test_xlsx_number_shown_with_leading_zeros_keeps_them(runner, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工号", "证书", "工作年限"])
    ws.append([123, "技师", 6])
    ws.append(["000124", "技师", 6])
    ws.append([125, "技师", 6])
    ws["A2"].number_format = "000000"
    ws["C2"].number_format = "00"
    ws["A4"].number_format = "0.00"  # not padding: the number as written
    wb.save(tmp_path / "r.xlsx")
    result = roster(runner, str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "o.xlsx"))
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(tmp_path / "o.xlsx").active.iter_rows(values_only=True))
    assert [r[:3] for r in rows[1:]] == [("000123", "技师", "06"), ("000124", "技师", "6"), ("125", "技师", "6")]
    assert rows[1][3] == rows[2][3] == rows[3][3]  # work years 06 read as 6


# -- a column without a header is named in the asked language -----------------------------------------

def test_a_blank_header_cell_is_named_in_the_asked_language(runner, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["工号", None, "证书"])
    wb.active.append(["E1", "备注", "技师"])
    wb.save(tmp_path / "r.xlsx")
    for lang, name in (("zh", "第 2 列"), ("en", "column 2")):
        result = roster(runner, str(tmp_path / "r.xlsx"), "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[0] == f"工号,{name},证书,next_steps,target_earliest,target_route,error"


# -- headers as HR templates write them ---------------------------------------------------------------

def test_headers_with_a_note_in_brackets_or_typed_over_two_lines(runner, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "证书", "学历（最高）", "工作\n年限", "目标等级【选填】"])
    wb.active.append([1, "高级工:2", "大专", "6", "技师"])
    wb.save(tmp_path / "r.xlsx")
    plain = tmp_path / "plain.csv"
    plain.write_text("序号,证书,学历,工作年限,目标等级\n1,高级工:2,大专,6,技师\n", encoding="utf-8")
    result = roster(runner, str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0
    assert result.stderr == ("读取的列：序号 作为 id，证书 作为 holds，学历（最高） 作为 education，工作\\n年限 作为 "
                             "work_years，目标等级【选填】 作为 target\n")
    answers = [csv_rows(r.stdout)[0] for r in (result, roster(runner, str(plain)))]
    added = ("next_steps", "target_earliest", "target_route", "error")
    assert [answers[0][c] for c in added] == [answers[1][c] for c in added]
    assert answers[0]["target_earliest"] == "2028-12-01"


def test_a_repeated_header_name_is_said(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("工号,证书,证书\nE1,高级工:2,工程师:1\n", encoding="utf-8")
    result = roster(runner, str(src))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "注意：第 3 列与左边的列同名（'证书'），按原样保留为 '证书 (2)'，不作为字段读取"
    assert result.stdout.splitlines()[0].startswith("工号,证书,证书 (2),next_steps")
    result = roster(runner, str(src), "--lang", "en")
    assert result.stderr.splitlines()[0] == ("Note: column 3 repeats the name '证书' of a column to its left; it is kept "
                                             "as '证书 (2)' and not read as a field")


# -- a cell longer than Excel holds is an error for .xlsx output, not a silently cut cell -------------

def test_a_cell_too_long_for_xlsx_is_an_error_and_no_file_is_written(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text(f"id,备注,holds\nE1,短,技师\nE2,{'长' * 32_768},技师\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    for lang, expected in (
            ("zh", "Error: 第 3 行 '备注' 列的单元格超过 32,767 个字符（Excel 单元格的上限），.xlsx 无法完整保存；"
                   "请改为输出 .csv\n"),
            ("en", "Error: row 3, column '备注': the cell is longer than 32,767 characters (Excel's limit for a cell) "
                   "and cannot be kept whole in .xlsx; write .csv instead\n")):
        result = roster(runner, str(src), "-o", str(out), "--lang", lang)
        no_traceback(result)
        assert result.exit_code == 1
        assert result.stderr == expected
        assert list(tmp_path.iterdir()) == [src]  # nothing written, no scratch left
    src.write_text(f"id,备注,holds\nE2,{'长' * 32_767},技师\n", encoding="utf-8")  # at the limit: kept whole
    assert roster(runner, str(src), "-o", str(out)).exit_code == 0
    assert openpyxl.load_workbook(out).active["B2"].value == "长" * 32_767


# -- a formula that failed (#N/A from a VLOOKUP) is said as what it is, and the other rows go on -----

def test_excel_error_values_are_said_for_their_row(runner, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["id", "holds", "education", "work_years", "target"])
    errors = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"]
    for n, value in enumerate(errors):
        cells = ["高级工:2", "大专", "6", "技师"]
        cells[n % 4] = value
        wb.active.append([f"E{n}", *cells])
    wb.active.append(["E9", "高级工:2", "大专", "6", "技师"])
    wb.save(tmp_path / "r.xlsx")
    assert wb.active["B2"].data_type == "e"  # an error cell, as Excel saves one
    result = roster(runner, str(tmp_path / "r.xlsx"))
    no_traceback(result)
    assert result.exit_code == 1
    rows = csv_rows(result.stdout)
    assert [r["error"] for r in rows] == [f"单元格是 Excel 错误值 {v}" for v in errors] + [""]
    assert rows[-1]["target_earliest"] == "2028-12-01"
    src = tmp_path / "r.csv"  # as Excel saves it to CSV: the same text
    src.write_text("holds,education\n#N/A,大专\n技师,#N/A\n", encoding="utf-8")
    result = roster(runner, str(src), "--lang", "en")
    assert [r["error"] for r in csv_rows(result.stdout)] == ["the cell holds the Excel error #N/A"] * 2


# -- diff --roster reads the roster as `roster` does, and names rows as Excel shows them ---------------

def test_diff_roster_finds_the_header_as_roster_does(runner, tmp_path):
    import json

    from conftest import TINY_FILES, write_folder

    files = dict(TINY_FILES)  # 中级工 -> 高级工 ends in 2022-12: A's step to 高级工 is gone in 2023
    old = "  - {id: sk-up-2, kind: promotion, from: sk.s2, to: sk.s3, "
    files["rules/rules.yaml"] = files["rules/rules.yaml"].replace(old, old + "effective_until: 2022-12, ")
    folder = write_folder(tmp_path / "nat", files)
    src = tmp_path / "staff.csv"  # a title, the header with a note, a blank row saved by Excel
    src.write_text("2023年职工名单,,\n工号,证书（含年限）,目标\n,,\nA,中级工:1,\nB,初级工:1,中级工\n", encoding="utf-8")
    book = tmp_path / "staff.xlsx"  # behind an instructions sheet, under a title
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["请按模板填写"])
    ws = wb.create_sheet("名单")
    for row in (["2023年职工名单"], [], ["工号", "证书（含年限）", "目标"], ["B", "初级工:1", "中级工"], ["A", "中级工:1"]):
        ws.append(row)
    wb.save(book)
    expected = {src: 4, book: 5}
    for path, row in expected.items():
        result = runner.invoke(cli, ["--mappings", str(folder), "diff", "--as-of", "2021-06-01", "--as-of", "2023-06-01",
                                     "--roster", str(path), "--format", "json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["roster"] == [
            {"row": row, "id": "A", "column": "next_steps", "before": "高级工、技术员@2021-06-01",
             "after": "技术员@2023-06-01"}]
    assert result.stderr.splitlines() == [
        f"注意：读取了 {book} 中有名单表头的工作表 '名单'，另外 1 个工作表未读取（'填表说明'）",
        "注意：表头在第 3 行，其上的行（标题）未作为名单读取",
        "读取的列：工号 作为 id，证书（含年限） 作为 holds，目标 作为 target"]


# -- education as HR forms write it -------------------------------------------------------------------

def test_education_with_a_study_mode_a_bound_or_none(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("holds,education,target\n助理工程师:4,本科,工程师\n助理工程师:4,全日制本科,工程师\n"
                   "助理工程师:4,本科及以上学历,工程师\n助理工程师:4,,工程师\n助理工程师:4,无,工程师\n"
                   "助理工程师:4,—,工程师\n助理工程师:4,技校,工程师\n助理工程师:4,本课,工程师\n", encoding="utf-8")
    result = roster(runner, str(src))
    no_traceback(result)
    rows = csv_rows(result.stdout)
    added = [(r["target_earliest"], r["target_route"], r["next_steps"]) for r in rows]
    assert added[1] == added[2] == added[0] and added[4] == added[5] == added[3]
    assert [r["error"] for r in rows] == [""] * 6 + [
        "技校 不明确：请写 中级工班、高级工班 或 预备技师（技师）班", "未知学历 '本课'；是否想找：本科？"]


# -- zh cells in Chinese punctuation ------------------------------------------------------------------

def test_zh_cells_use_the_full_width_colon(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("holds,target\n技师,一级巡视员\n", encoding="utf-8")
    zh = csv_rows(roster(runner, str(src), "--to", "工程技术").stdout)[0]
    assert zh["to:工程技术"] == "可申报：工程师"
    assert zh["target_route"].startswith("无路径：无法到达一级巡视员：")
    en = csv_rows(roster(runner, str(src), "--to", "工程技术", "--lang", "en").stdout)[0]
    assert en["to:Engineering technology"] == "may apply for: Engineer"
    assert en["target_route"].startswith("no route: no route to Inspector, first grade: ")



# -- text no file format can hold -----------------------------------------------------------------------

@pytest.mark.parametrize("out", ["o.csv", "o.jsonl", "o.xlsx", "-"])
def test_a_jsonl_lone_surrogate_is_its_rows_error_not_a_traceback(runner, tmp_path, out):
    r"""JSON may escape half of a UTF-16 pair (``"\ud800"``), which no UTF-8 file (nor a workbook's
    XML) can hold: the row keeps its place, with U+FFFD for it and the reason in its error cell."""
    src = tmp_path / "r.jsonl"
    src.write_text('{"id": "a\\ud800b", "holds": "技师"}\n{"id": "2", "holds": "技师"}\n', encoding="utf-8")
    args = [str(src)] if out == "-" else [str(src), "-o", str(tmp_path / out)]
    result = roster(runner, *args, "--lang", "en")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.endswith("Error: 1 of 2 rows could not be processed (row 1; see the error column)\n")
    if out == "-":
        rows = csv_rows(result.stdout)
    elif out.endswith(".csv"):
        rows = csv_rows((tmp_path / out).read_text(encoding="utf-8"))
    elif out.endswith(".jsonl"):
        import json
        rows = [json.loads(line) for line in (tmp_path / out).read_text(encoding="utf-8").splitlines()]
    else:
        wb = openpyxl.load_workbook(tmp_path / out)  # a workbook Excel can open
        header, *values = [[c or "" for c in r] for r in wb.active.iter_rows(values_only=True)]
        rows = [dict(zip(header, v)) for v in values]
    assert [r["id"] for r in rows] == ["a\ufffdb", "2"]
    assert rows[0]["error"] == r"line 1: not valid Unicode text ('\ud800' is half of a UTF-16 pair)"
    assert not rows[1]["error"] and rows[1]["next_steps"]


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_an_xlsx_output_holds_no_character_xml_refuses(runner, tmp_path, char):
    """U+FFFE and U+FFFF are no XML characters: written raw, the sheet is not well-formed and Excel
    (and this reader) cannot open the workbook. They become U+FFFD, as control characters do."""
    src = tmp_path / "r.csv"
    src.write_text(f"id,holds,note\n1,技师,x{char}y\n", encoding="utf-8")
    result = roster(runner, str(src), "-o", str(tmp_path / "o.xlsx"))
    no_traceback(result)
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert [c.value for c in next(wb.active.iter_rows(min_row=2))][:3] == ["1", "技师", "x\ufffdy"]
    again = roster(runner, str(tmp_path / "o.xlsx"))
    assert again.exit_code == 0, again.stderr


def test_the_columns_an_error_lists_are_bounded(runner, tmp_path):
    # 1,000 columns of 2,000 characters: 'no holds column (columns: …)' was a 2 MB line on stderr
    src = tmp_path / "wide.csv"
    src.write_text(",".join(f"c{i}" + "x" * 2000 for i in range(1000)) + "\n" + ",".join("v" * 1000) + "\n",
                   encoding="utf-8")
    for args, start in (([], f"Error: {src} 没有 'holds' 列（列：c0xxx"),
                        (["--columns", "holds=证书"], "Error: --columns holds=证书：没有 '证书' 列（列：c0xxx")):
        result = roster(runner, str(src), *args)
        assert result.exit_code == 1
        assert result.stderr.startswith(start)
        assert len(result.stderr) < 1500
        assert "、c19" in result.stderr and "c20x" not in result.stderr and "另 980 列）" in result.stderr
    en = roster(runner, str(src), "--lang", "en")
    assert ", 980 more); name it with --columns holds=COLUMN\n" in en.stderr
    small = tmp_path / "r.csv"
    small.write_text("编号,资历\n1,高级工:2\n", encoding="utf-8")
    assert roster(runner, str(small)).stderr.startswith(f"Error: {small} 没有 'holds' 列（列：编号、资历）；")
