"""Rosters: the core (rows in, rows out), file formats and encodings, exit codes, formula escaping,
and the same answers under Dask ``map_partitions``."""

from __future__ import annotations

import csv
import io
import json
import pickle

import pytest

from equivalence.cli import cli
from equivalence.roster import ADDED, DATA_ADDED, Roster, process_frame, frame_meta, process_rows
from equivalence.rosterio import escape_cell, read_table

AS_OF = "2026-12-01"
HEADER = ["id", "holds", "education", "work_years", "target"]
ROWS = [
    ["1", "高级工:2", "大专", "6", "高级工程师"],
    ["2", "技师@2020-07-01;工程师:1", "本科", "", "专业技术岗位:七级+"],
    ["3", "技师@2020-13-01", "", "", ""],  # bad date
    ["4", "高级工", "大专", "", "高级工程师"],
    ["5", "不存在的等级", "", "", ""],  # unknown level
    ["6", "高级工:2", "大专", "6", "高级工程师"],  # the same profile as row 1
    ["7", "工程师", "", "", "工程师"],  # target already held
    ["8", "", "本科", "", "助理工程师"],  # nothing held yet
]
BAD = {"3", "5"}


def dict_rows(rows=ROWS, header=HEADER):
    return [dict(zip(header, r)) for r in rows]


def csv_text(rows=ROWS, header=HEADER) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def parse_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def invoke(runner, *args):
    return runner.invoke(cli, ["roster", *args])


# -- the core ----------------------------------------------------------------------------------

def test_rows_in_order_with_added_columns(real):
    out = process_rows(real, dict_rows(), to=["工程技术", "专业技术岗位"], as_of=AS_OF)
    assert [r["id"] for r in out] == [r[0] for r in ROWS]
    roster = Roster(real, to=["工程技术", "专业技术岗位"])
    assert roster.columns(HEADER) == HEADER + ["to:工程技术", "to:专业技术岗位", *ADDED]
    for row, src in zip(out, ROWS):
        assert [row[h] for h in HEADER] == src  # input cells untouched
        assert bool(row["error"]) == (row["id"] in BAD)
        assert set(row) == set(roster.columns(HEADER))


def test_bad_rows_say_why(real):
    out = {r["id"]: r for r in process_rows(real, dict_rows(), as_of=AS_OF)}
    assert out["3"]["error"] == "'技师@2020-13-01' 中的日期不存在：'2020-13-01'（没有这个日期）"  # --lang zh
    assert out["5"]["error"] == "未知等级 '不存在的等级'"
    en = {r["id"]: r for r in process_rows(real, dict_rows(), as_of=AS_OF, lang="en")}
    assert en["3"]["error"] == "'2020-13-01' is not a date in '技师@2020-13-01': no such date"
    assert en["5"]["error"] == "unknown level '不存在的等级'"
    assert out["3"]["next_steps"] == "" and out["3"]["target_earliest"] == ""
    bad = process_rows(real, [{"holds": "高级工", "work_years": "多年"}, {"holds": "三级"}], as_of=AS_OF)
    assert bad[0]["error"] == "工作年限 '多年' 不是数字"
    assert bad[1]["error"].startswith("'三级' 有歧义；请写明等级序列：") and "\n" not in bad[1]["error"]


def test_to_columns_list_related_levels_by_kind(real):
    out = process_rows(real, [{"holds": "技师"}, {"holds": "工程师"}, {"holds": "技师;工程师"}],
                       to=["工程技术", "专业技术岗位"], as_of=AS_OF)
    assert "可申报：工程师" in out[0]["to:工程技术"]
    assert out[1]["to:专业技术岗位"] == "可聘岗位：专业技术十级–专业技术八级"
    assert out[2]["to:专业技术岗位"] == out[1]["to:专业技术岗位"]  # merged over what is held
    en = process_rows(real, [{"holds": "技师"}], to=["工程技术"], as_of=AS_OF, lang="en")
    assert en[0]["to:Engineering technology"] == "may apply for: Engineer"


def test_next_steps_are_one_rule_away_with_dates(real):
    out = process_rows(real, [{"holds": "高级工:2", "education": "大专"}], as_of=AS_OF)[0]
    steps = out["next_steps"].split("；")
    assert steps[-1] == "技师@2028-12-01"
    assert "高级技师" not in out["next_steps"]  # two rules away
    assert "中级工" not in out["next_steps"]  # below what is held
    assert all("@" in s for s in steps)


@pytest.mark.parametrize("holds, education, work_years, target", [
    ("高级工:2", "大专", "6", "高级工程师"),
    ("高级工", "大专", "", "高级工程师"),
    ("技师@2020-07-01;工程师:1", "本科", "", "专业技术岗位:七级+"),
    ("", "本科", "", "助理工程师"),
    ("助理工程师:1", "硕士", "", "工程师"),
])
def test_target_earliest_matches_path(real, runner, holds, education, work_years, target):
    row = {"holds": holds, "education": education, "work_years": work_years, "target": target}
    out = process_rows(real, [row], as_of=AS_OF)[0]
    assert out["error"] == ""
    args = ["path", target, "--as-of", AS_OF, "--format", "json"]
    for h in filter(None, holds.split(";")):
        args += ["--holds", h]
    if education:
        args += ["--education", education]
    if work_years:
        args += ["--work-years", work_years]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert out["target_earliest"] == answer["date"]
    assert out["target_route"] == " > ".join(f"{s['level']['name']}@{s['date']}[{s['rule']}]" for s in answer["steps"])


def test_target_held_and_unreachable(real):
    held, unreachable = process_rows(real, [{"holds": "工程师", "target": "工程师"},
                                            {"holds": "工程师", "target": "一级巡视员"}],
                                     as_of=AS_OF)
    assert held["target_earliest"] == AS_OF and held["target_route"] == "已持有"
    assert unreachable["error"] == "" and unreachable["target_earliest"] == ""
    assert unreachable["target_route"].startswith("无路径：无法到达一级巡视员：")


def test_one_answer_per_distinct_profile(real):
    roster = Roster(real, as_of=AS_OF)
    rows = dict_rows() * 50
    out = roster.process(rows[:100]) + roster.process(rows[100:])
    assert len(out) == len(rows)
    distinct = {tuple(r[f] for f in ("holds", "education", "work_years", "target")) for r in rows}
    assert len(roster._answers) == len(distinct) == len(ROWS) - 1
    assert out[0]["next_steps"] == out[5]["next_steps"] and out[0] is not out[5]


def test_extra_and_existing_columns(real):
    rows = [{"holds": "技师", "部门": "车间", "error": "old", "next_steps": "old"}]
    roster = Roster(real, as_of=AS_OF)
    assert roster.columns(["holds", "部门", "error", "next_steps"]) == \
        ["holds", "部门", "error", "next_steps", "target_earliest", "target_route"]
    out = roster.process(rows)[0]
    assert out["部门"] == "车间" and out["error"] == "" and out["next_steps"] != "old"


def test_registry_pickles_and_gives_the_same_answers(real):
    copy = pickle.loads(pickle.dumps(real))
    assert process_rows(copy, dict_rows(), as_of=AS_OF) == process_rows(real, dict_rows(), as_of=AS_OF)


# -- files and encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("gbk", False)])
def test_csv_in_every_encoding(runner, tmp_path, encoding, bom):
    src = tmp_path / "in.csv"
    src.write_bytes((b"\xef\xbb\xbf" if bom else b"") + csv_text().encode(encoding))
    result = invoke(runner, str(src), "--as-of", AS_OF)
    assert result.exit_code == 1
    rows = parse_csv(result.stdout)
    assert [r["id"] for r in rows] == [r[0] for r in ROWS]
    assert rows[0]["holds"] == "高级工:2" and rows[0]["target_earliest"] == "2036-12-01"
    assert list(rows[0])[:5] == HEADER  # the BOM is not part of the first column's name


def test_gbk_named_with_encoding(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(csv_text(ROWS[:1]).encode("gbk"))
    result = invoke(runner, str(src), "--encoding", "gbk", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert parse_csv(result.stdout)[0]["education"] == "大专"
    assert read_table(str(src)).encoding == "gbk"  # detected as well


def test_wrong_encoding_is_one_error_line(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(csv_text().encode("gbk"))
    result = invoke(runner, str(src), "--encoding", "utf-8")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and "不是 utf-8 编码" in result.stderr


@pytest.mark.parametrize("out_ext", ["csv", "xlsx", "jsonl"])
@pytest.mark.parametrize("in_ext", ["csv", "xlsx", "jsonl"])
def test_every_format_in_and_out(runner, tmp_path, in_ext, out_ext):
    src = tmp_path / f"in.{in_ext}"
    write_input(src, in_ext)
    dst = tmp_path / f"out.{out_ext}"
    result = invoke(runner, str(src), "-o", str(dst), "--to", "工程技术", "--as-of", AS_OF)
    assert result.exit_code == 1 and result.stdout == ""
    table = read_table(str(dst))
    assert table.header == HEADER + ["to:工程技术", *(DATA_ADDED if out_ext == "jsonl" else ADDED)]
    assert len(table.rows) == len(ROWS)
    assert [[r[h] for h in HEADER] for r in table.rows] == ROWS
    assert [bool(r["error"]) for r in table.rows] == [r[0] in BAD for r in ROWS]


def write_input(path, ext, rows=ROWS, header=HEADER):
    if ext == "csv":
        path.write_text(csv_text(rows, header), encoding="utf-8")
    elif ext == "jsonl":
        path.write_text("".join(json.dumps(dict(zip(header, r)), ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append([c or None for c in r])
        wb.save(path)


def test_xlsx_numbers_and_dates_read_as_text(tmp_path):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "holds", "work_years", "hired"])
    ws.append([7, "技师", 5.0, dt.datetime(2020, 7, 1)])
    ws.append([None, None, None, None])
    ws.append([8, "高级工", 2.5, dt.date(2021, 1, 2)])
    wb.save(tmp_path / "in.xlsx")
    table = read_table(str(tmp_path / "in.xlsx"))
    assert table.rows == [{"id": "7", "holds": "技师", "work_years": "5", "hired": "2020-07-01"},
                          {"id": "8", "holds": "高级工", "work_years": "2.5", "hired": "2021-01-02"}]


def test_jsonl_values_and_bad_lines_keep_their_place(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "holds": "技师", "work_years": 5}\n\nnot json\n[1, 2]\n{"id": 4, "holds": "高级工"}\n',
                   encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    result = invoke(runner, str(src), "-o", str(dst), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr.endswith("Error: 共 4 行，其中 2 行无法处理（第 3、4 行；见 error 列）\n")  # the lines
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, "", "", 4]  # JSON values come back as given
    assert rows[0]["work_years"] == 5 and rows[0]["error"] is None
    assert rows[1]["error"] == "第 3 行：不是 JSON（Expecting value）"  # the parser's own words stay
    assert rows[2]["error"] == "第 4 行：不是 JSON 对象"


def test_csv_cells_beyond_the_header_are_kept(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,holds\n1,技师,extra\n2\n", encoding="utf-8")
    table = read_table(str(src))
    assert table.header == ["id", "holds", "column 3"]
    assert table.rows == [{"id": "1", "holds": "技师", "column 3": "extra"}, {"id": "2", "holds": "", "column 3": ""}]


# -- exit codes ---------------------------------------------------------------------------------

def test_all_rows_fine_exit_0_quietly(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(csv_text([r for r in ROWS if r[0] not in BAD]), encoding="utf-8")
    result = invoke(runner, str(src), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert len(parse_csv(result.stdout)) == len(ROWS) - len(BAD)


def test_failed_rows_exit_1_with_a_count(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(csv_text(), encoding="utf-8")
    result = invoke(runner, str(src), "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 1
    rows = [i + 2 for i, r in enumerate(ROWS) if r[0] in BAD]  # as Excel numbers them, the header row 1
    assert result.stderr.strip() == (f"Error: {len(BAD)} of {len(ROWS)} rows could not be processed "
                                     f"(rows {', '.join(map(str, rows))}; see the error column)")
    assert invoke(runner, str(src), "--as-of", AS_OF).stderr == (f"Error: 共 {len(ROWS)} 行，其中 {len(BAD)} 行无法处理"
                                                                 f"（第 {'、'.join(map(str, rows))} 行；见 error 列）\n")
    assert len(parse_csv(result.stdout)) == len(ROWS)


def test_whole_file_problems_are_one_error_line(runner, tmp_path):
    (tmp_path / "nohold.csv").write_text("id,remarks\n1,技师\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    for args in (["nohold.csv"], ["empty.csv"], ["in.txt"], ["nohold.csv", "-o", "out.pdf"],
                 ["missing.csv"], ["nohold.csv", "--to", "不存在的序列"]):
        result = invoke(runner, *[str(tmp_path / a) if a.endswith((".csv", ".txt", ".pdf")) else a for a in args])
        assert result.exit_code == 1, args
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (args, result.stderr)
    result = invoke(runner, str(tmp_path / "nohold.csv"), "--as-of", "2026-13-01")
    assert result.exit_code == 2


def test_header_only_is_fine(runner, tmp_path):
    (tmp_path / "in.csv").write_text("id,holds\n", encoding="utf-8")
    result = invoke(runner, str(tmp_path / "in.csv"))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["id,holds,next_steps,target_earliest,target_route,error"]


# -- Excel safety -------------------------------------------------------------------------------

INJECTION = [["1", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-3", "@SUM(A1)"],
             ["2", "技师", "-2+3", "2024-01-01", "\tx"]]
INJ_HEADER = ["id", "holds", "a", "b", "c"]


def test_csv_escapes_formulas_but_not_numbers_or_dates(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(csv_text(INJECTION, INJ_HEADER), encoding="utf-8")
    result = invoke(runner, str(src), "--as-of", AS_OF)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][:5] == ["1", "'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "-3", "'@SUM(A1)"]
    assert rows[2][:5] == ["2", "技师", "'-2+3", "2024-01-01", "'\tx"]
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in "=+@\t\r" and (cell[0] != "-" or cell.lstrip("-").replace(".", "").isdigit())


def test_escape_cell():
    assert [escape_cell(v) for v in ["=1", "+1", "-1", "-1.5", "+2e3", "-", "@a", "", "a=1", "１"]] == \
        ["'=1", "+1", "-1", "-1.5", "+2e3", "'-", "'@a", "", "a=1", "１"]


def test_xlsx_keeps_formulas_as_quoted_text(runner, tmp_path):
    import openpyxl

    src = tmp_path / "in.csv"
    src.write_text(csv_text(INJECTION, INJ_HEADER), encoding="utf-8")
    dst = tmp_path / "out.xlsx"
    invoke(runner, str(src), "-o", str(dst), "--as-of", AS_OF)
    ws = openpyxl.load_workbook(dst).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value}
    for text in ("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "-2+3"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not cells["-3"].quotePrefix and not cells["技师"].quotePrefix
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_jsonl_is_not_escaped(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(csv_text(INJECTION, INJ_HEADER), encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    invoke(runner, str(src), "-o", str(dst), "--as-of", AS_OF)
    first = json.loads(dst.read_text(encoding="utf-8").splitlines()[0])
    assert first["holds"] == "=HYPERLINK(\"http://x\",\"y\")"


def test_excel_csv_has_bom_and_crlf(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(csv_text(ROWS[:1]), encoding="utf-8")
    out = runner.invoke(cli, ["roster", str(src), "--excel", "--as-of", AS_OF])
    assert out.stdout.startswith("\ufeffid,holds,")
    dst = tmp_path / "out.csv"
    invoke(runner, str(src), "--excel", "-o", str(dst), "--as-of", AS_OF)
    data = dst.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,holds,") and data.count(b"\r\n") == 2
    plain = tmp_path / "plain.csv"
    invoke(runner, str(src), "-o", str(plain), "--as-of", AS_OF)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" not in plain.read_bytes()


# -- beyond one machine -------------------------------------------------------------------------

def _frame(n_copies=30):
    import pandas as pd

    rows = ROWS * n_copies
    return pd.DataFrame([[f"{i}", *r[1:]] for i, r in enumerate(rows)], columns=HEADER, dtype=object)


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_dask_map_partitions_equals_one_process(real, scheduler):
    dd = pytest.importorskip("dask.dataframe")
    import dask

    frame = _frame()
    single = process_rows(real, frame.to_dict("records"), to=["工程技术"], as_of=AS_OF)
    parts = dd.from_pandas(frame, npartitions=7)
    assert parts.npartitions > 1
    if scheduler == "threads":  # each worker loads the registry (from the compiled cache) itself
        result = parts.map_partitions(process_frame, to=("工程技术",), as_of=AS_OF,
                                      meta=frame_meta(HEADER, real, to=["工程技术"]))
    else:  # the registry shipped to the workers, pickled
        result = parts.map_partitions(process_frame, to=("工程技术",), as_of=AS_OF, registry=real,
                                      meta=frame_meta(HEADER, real, to=["工程技术"]))
    with dask.config.set(scheduler=scheduler):
        got = result.compute()
    assert list(got.columns) == HEADER + ["to:工程技术", *ADDED]
    records = [{k: str(v) for k, v in r.items()} for r in got.to_dict("records")]
    assert records == single


def test_diff_lists_only_rows_whose_answer_changed(tmp_path, runner):
    # In a tiny folder where 中级工 -> 高级工 ends in 2022-12: A's step to 高级工 is gone in 2023. B's
    # dates would all move by two years if its "初级工:1" were counted back from each date: it is one
    # person, counted back from the earlier date, so B is not listed; nor is C, an error on both dates.
    from conftest import TINY_FILES, write_folder

    files = dict(TINY_FILES)
    old = "  - {id: sk-up-2, kind: promotion, from: sk.s2, to: sk.s3, "
    files["rules/rules.yaml"] = files["rules/rules.yaml"].replace(old, old + "effective_until: 2022-12, ")
    folder = write_folder(tmp_path / "nat", files)
    roster = tmp_path / "staff.csv"
    roster.write_text("工号,证书,目标\nA,中级工:1,\nB,初级工:1,中级工\nC,技师@2030-01-01,\n", encoding="utf-8")
    result = runner.invoke(cli, ["--mappings", str(folder), "diff", "--as-of", "2021-06-01", "--as-of", "2023-06-01",
                                 "--roster", str(roster), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["roster"] == [
        {"row": 2, "id": "A", "column": "next_steps", "before": "高级工、技术员@2021-06-01", "after": "技术员@2023-06-01"}]


# -- JSON Lines: data, not display ------------------------------------------------------------------

def test_jsonl_answers_are_data_and_validate(runner, tmp_path):
    from equivalence.schemas.models import RosterRecord

    src = tmp_path / "in.csv"
    src.write_text("id,holds,work_years,target\n1,高级技师:5,8,首席技师\n2,技师,3,一级巡视员\n3,工程师,,工程师\n"
                   "4,不存在的等级,2.5,\n5,高级工:2,abc,\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    result = invoke(runner, str(src), "-o", str(dst), "--to", "工程技术", "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        RosterRecord.model_validate(row)
    first, no_route, held, unknown, bad_years = rows
    assert [r["work_years"] for r in rows] == [8, 3, None, 2.5, "abc"]  # numbers are numbers
    assert first["to:工程技术"] == [{"relation": "apply", "relation_name": "可申报",
                                    "levels": [{"id": "eng.associate_senior", "ladder": "eng", "name": "高级工程师"}]}]
    special = next(s for s in first["next_steps"] if s["level"]["id"] == "skill.special_technician")
    assert special == {"level": {"id": "skill.special_technician", "ladder": "skill", "name": "特级技师"},
                       "date": AS_OF, "rule": "skill-14-senior-technician-to-special-technician",
                       "appointed": True}  # 评聘, as a flag
    assert not any(s["appointed"] for s in first["next_steps"] if s is not special)
    assert [(s["level"]["id"], s["date"], s["appointed"]) for s in first["target_route"]] == [
        ("skill.special_technician", AS_OF, True), ("skill.chief_technician", AS_OF, True)]
    assert first["target_earliest"] == AS_OF and first["error"] is None and first["target_no_route"] is None
    assert no_route["target_route"] is None and no_route["target_earliest"] is None
    assert no_route["target_no_route"].startswith("无法到达一级巡视员：")
    assert held["target_route"] == [] and held["target_earliest"] == AS_OF
    assert unknown["error"] == "未知等级 '不存在的等级'"
    assert {k: unknown[k] for k in DATA_ADDED[:-1]} == dict.fromkeys(DATA_ADDED[:-1]) and unknown["to:工程技术"] is None
    assert bad_years["error"] == "工作年限 'abc' 不是数字"


def test_jsonl_steps_are_the_csv_cells_as_data(real):
    rows = [{"id": "1", "holds": "高级工:2", "education": "大专", "target": "高级工程师"}]
    flat = Roster(real, as_of=AS_OF).process(rows)[0]
    data = Roster(real, as_of=AS_OF, data=True).process(rows)[0]
    by_date: dict = {}
    for step in data["next_steps"]:
        by_date.setdefault(step.date, []).append(step.level.name)
    assert flat["next_steps"] == "；".join(f"{'、'.join(names)}@{date}" for date, names in by_date.items())
    assert flat["next_steps"].endswith("@2026-12-01；技师@2028-12-01")
    assert flat["target_route"] == " > ".join(f"{s.level.name}@{s.date}[{s.rule}]" for s in data["target_route"])
    assert flat["target_earliest"] == data["target_earliest"] == "2036-12-01"


def test_roster_record_schema_is_shipped(runner):
    result = runner.invoke(cli, ["schema", "roster-record"])
    assert result.exit_code == 0 and json.loads(result.stdout)["patternProperties"]["^to:"]



@pytest.mark.parametrize("appointed", [False, True])
def test_a_step_is_marked_appointed_by_the_rules_mark(runner, tmp_path, appointed):
    """The roster marks a step （评聘） when its rule is marked ``appointed`` (its words need not say so)."""
    from conftest import TINY_FILES, write_folder

    rules = TINY_FILES["rules/rules.yaml"].replace(
        "{id: en-up-3, kind: promotion, from: en.e3, to: en.e4, ",
        "{id: en-up-3, kind: promotion, from: en.e3, to: en.e4, conditions: {appointed: %s}, " % str(appointed).lower())
    root = write_folder(tmp_path / "m", {**TINY_FILES, "rules/rules.yaml": rules})
    staff = tmp_path / "staff.csv"
    staff.write_text("id,holds,target\n1,en.e3@2020-01-01,en.e4\n", encoding="utf-8")
    result = runner.invoke(cli, ["--mappings", str(root), "roster", str(staff), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.stderr
    mark = "高级工程师（评聘）@2026-12-01[en-up-3]"
    assert (mark in result.stdout) is appointed, result.stdout
