"""The command line: every command x every format, JSON keys, exit codes and error lines."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import REPO, TINY_FILES, write_folder
from equivalence.cli import cli

FORMATS = ("table", "json", "csv")
COMMANDS = {
    "ladders": [],
    "levels": ["工勤技能岗位"],
    "lookup": ["技师"],
    "sources": [],
    "show": ["bridge-s4-e3"],
}


def run(runner, folder, *args):
    return runner.invoke(cli, ["--mappings", str(folder), *args])


def assert_one_error_line(result, code=1):
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return lines[0]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_every_format(runner, tiny_dir, command, fmt):
    result = run(runner, tiny_dir, command, *COMMANDS[command], "--format", fmt)
    assert result.exit_code == 0, result.output + result.stderr
    assert result.stdout.strip()
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len(rows) >= 2 and len({len(r) for r in rows}) == 1


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_in_english(runner, tiny_dir, command):
    result = run(runner, tiny_dir, command, *COMMANDS[command], "--lang", "en")
    assert result.exit_code == 0, result.output + result.stderr


def test_validate_ok(runner, tiny_dir):
    result = run(runner, tiny_dir, "validate", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == "OK: 6 ladders, 21 levels, 20 rules, 3 sources\n"
    result = runner.invoke(cli, ["validate", str(tiny_dir)])
    assert result.exit_code == 0 and result.stdout == "通过：6 个等级序列、21 个等级、20 条规则、3 份文件\n"


def test_lookup_json(runner, tiny_dir):
    result = run(runner, tiny_dir, "lookup", "技师", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"schema_version", "level", "results"}
    assert data["level"] == {"id": "sk.s4", "ladder": "sk", "name": "技师"}
    assert data["results"]
    for r in data["results"]:
        assert {"level", "kind", "conditions", "chain", "sources"} <= set(r)
        assert set(r["level"]) == {"id", "ladder", "name"}
        assert isinstance(r["chain"], list) and all(isinstance(c, str) for c in r["chain"])
        assert isinstance(r["conditions"], list) and isinstance(r["sources"], list)
    [bridge] = [r for r in data["results"] if r["chain"] == ["bridge-s4-e3"]]
    assert bridge["level"] == {"id": "en.e3", "ladder": "en", "name": "工程师"}
    assert bridge["kind"] == "apply"
    assert bridge["sources"][0]["doc_no"] == "测发〔2015〕2号"


def test_lookup_json_matches_the_library(runner, tiny_dir, tiny):
    from equivalence.lookup import find_equivalents

    data = json.loads(run(runner, tiny_dir, "lookup", "中级", "--include-derived", "--format", "json").stdout)
    assert data["results"] == find_equivalents(tiny, "中级", include_derived=True).to_json()["results"]


def test_lookup_options(runner, tiny_dir):
    def ids(*args):
        result = run(runner, tiny_dir, "lookup", *args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return {(r["level"]["id"], r["kind"]) for r in json.loads(result.stdout)["results"]}

    assert {k for _, k in ids("技师", "--kind", "apply")} == {"apply"}
    assert {k for _, k in ids("技师", "--kind", "apply", "--kind", "post")} == {"apply", "post"}
    assert {i.split(".")[0] for i, _ in ids("技师", "--to", "工程技术")} == {"en"}
    assert ("ws.w1", "derived") in ids("副高级", "--include-derived")
    assert ("ws.w1", "derived") not in ids("副高级")
    assert ("en.e1", "apply") in ids("初级工", "--as-of", "2020-06-01")
    assert ("en.e1", "apply") not in ids("初级工", "--as-of", "2019-06-01")
    assert ids("技师", "--direction", "in") == set()
    assert ids("技师", "--purpose", "appoint") == {("ws.w2", "post"), ("ws.w1", "post"), ("tt.t3", "treated_as"),
                                                  ("en.e3", "treated_as")}


def test_lookup_table_and_csv(runner, tiny_dir):
    table = run(runner, tiny_dir, "lookup", "技师").stdout
    assert table.splitlines()[0] == "技师 (职业技能等级, sk.s4)"
    assert "工程师" in table and "bridge-s4-e3" in table and "测发〔2015〕2号" in table
    rows = list(csv.DictReader(io.StringIO(run(runner, tiny_dir, "lookup", "技师", "--format", "csv").stdout)))
    assert {"rules", "result_level_id", "result_level_name", "kind"} <= set(rows[0])
    assert any(r["rules"] == "bridge-s4-e3" and r["result_level_name"] == "工程师" and r["result_level_id"] == "en.e3"
               for r in rows)
    en = run(runner, tiny_dir, "lookup", "技师", "--lang", "en").stdout
    assert en.splitlines()[0] == "Technician (Vocational skill grades, sk.s4)" and "Engineer" in en


def test_lookup_without_results(runner, tiny_dir):
    result = run(runner, tiny_dir, "lookup", "专业技术一级")
    assert result.exit_code == 0
    assert "没有相关等级" in result.stdout


def test_other_json_outputs(runner, tiny_dir):
    ladders = json.loads(run(runner, tiny_dir, "ladders", "--format", "json").stdout)["ladders"]
    assert [lad["id"] for lad in ladders] == ["sk", "tt", "en", "hl", "pt", "ws"]
    assert ladders[0]["levels"] == ["s1", "s2", "s3", "s4"]
    levels = json.loads(run(runner, tiny_dir, "levels", "sk", "--format", "json").stdout)
    assert levels["ladder"]["id"] == "sk"
    assert [lev["ref"] for lev in levels["levels"]] == ["sk.s1", "sk.s2", "sk.s3", "sk.s4"]
    sources = json.loads(run(runner, tiny_dir, "sources", "--format", "json").stdout)["sources"]
    assert {s["id"]: s["status"] for s in sources} == {"src-off": "official", "src-sec": "secondary",
                                                     "src-unv": "unverified"}
    assert all({"title", "doc_no", "issuer", "rules"} <= set(s) for s in sources)
    show = json.loads(run(runner, tiny_dir, "show", "t3-post", "--format", "json").stdout)
    assert show["id"] == "t3-post" and show["to"] == ["pt.p4", "pt.p3"]
    assert show["cite"][0]["quote"] == "官方原文" and show["cite"][0]["title"] == "官方文件"


def test_show_table_has_the_quote(runner, tiny_dir):
    out = run(runner, tiny_dir, "show", "bridge-s4-e3").stdout
    assert "转载原文" in out and "测发〔2015〕2号" in out and "rules/rules.yaml:15" in out


@pytest.mark.parametrize("args", [
    ["lookup", "nothing"],
    ["lookup", "一级"],
    ["lookup", "工勤岗位:一级"],
    ["lookup", "技师", "--to", "nowhere"],
    ["lookup", "技师", "--purpose", "fun"],
    ["levels", "nowhere"],
    ["show", "no-such-rule"],
])
def test_domain_errors_exit_1_with_one_line(runner, tiny_dir, args):
    assert_one_error_line(run(runner, tiny_dir, *args))


def test_unknown_level_message(runner, tiny_dir):
    line = assert_one_error_line(run(runner, tiny_dir, "lookup", "高级", "--lang", "en"))
    assert line.startswith("Error: unknown level '高级'; did you mean: ") and "高级工" in line
    line = assert_one_error_line(run(runner, tiny_dir, "lookup", "高级"))
    assert line.startswith("Error: 未知等级 '高级'；是否想找：") and "高级工" in line


def test_ambiguous_message(runner, tiny_dir):
    line = assert_one_error_line(run(runner, tiny_dir, "lookup", "一级"))
    assert "专业技术岗位:专业技术一级" in line and "工勤技能岗位:技术工一级" in line


@pytest.mark.parametrize("args", [
    ["lookup", "技师", "--format", "xml"],
    ["ladders", "--format", "yaml"],
    ["lookup", "技师", "--as-of", "2020-13-01"],
    ["lookup", "技师", "--as-of", "yesterday"],
    ["lookup", "技师", "--kind", "promotion"],
    ["lookup"],
    ["no-such-command"],
])
def test_usage_errors_exit_2(runner, tiny_dir, args):
    result = run(runner, tiny_dir, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: ")


@pytest.mark.parametrize("value, message", [
    ("2020-13-01", "'2020-13-01' is not a date: no such date"),
    ("01/07/2019", "'01/07/2019' is not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, "
                   "or a month: YYYY-MM)"),
    ("9999-12-31", "date: 9999-12-31 is outside the dates this tool answers for (1949-10-01 to 2100-12-31)"),
    ("1900-01-01", "date: 1900-01-01 is outside the dates this tool answers for (1949-10-01 to 2100-12-31)"),
])
def test_bad_as_of_message(runner, tiny_dir, value, message):
    result = run(runner, tiny_dir, "lookup", "技师", "--as-of", value, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '--as-of': {message}"


def test_bad_as_of_message_in_chinese(runner, tiny_dir):
    result = run(runner, tiny_dir, "lookup", "技师", "--as-of", "2020-13-01")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: '--as-of' 的取值无效：日期不存在：'2020-13-01'（没有这个日期）"


@pytest.mark.parametrize("value", ["2019-07-01", "2019-7-1", "2019/07/01", "20190701", "2019年7月1日", "2019.07"])
def test_as_of_as_people_write_it(runner, tiny_dir, value):
    plain = run(runner, tiny_dir, "diff", "--as-of", "2019-07-01", "--as-of", "2024-01-01", "--format", "json")
    result = run(runner, tiny_dir, "diff", "--as-of", value, "--as-of", "2024-01-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == plain.stdout


def test_validate_broken_folder_lists_every_problem(runner, tmp_path):
    bad = "rules:\n  - {id: r1, kind: apply, from: sk.s1, to: en.e1, colour: red, cite: [{source: src-off, article: a, quote: q}]}\n"
    root = write_folder(tmp_path / "m", {**TINY_FILES, "a.yaml": bad, "b.yaml": "sources: 3\n"})
    result = runner.invoke(cli, ["validate", str(root), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{root}/a.yaml:2: rules[0].colour: unknown key 'colour'",
        f"{root}/b.yaml:1: sources: expected a list",
    ]
    assert result.stderr == "Error: 2 problems in the mappings\n"
    # --mappings is used when no folder is given; in Chinese (the default), each problem too
    again = runner.invoke(cli, ["--mappings", str(root), "validate"])
    assert again.exit_code == 1
    assert again.stdout.splitlines() == [
        f"{root}/a.yaml:2: rules[0].colour: 未知的键 'colour'",
        f"{root}/b.yaml:1: sources: 应为列表",
    ]
    assert again.stderr == "Error: 映射文件中有 2 处问题\n"


def test_query_on_a_broken_folder_is_one_error(runner, tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "a.yaml": "rules: 1\n", "b.yaml": "sources: 3\n"})
    line = assert_one_error_line(run(runner, root, "lookup", "技师", "--lang", "en"))
    assert line == (f"Error: the mappings do not validate: {root}/a.yaml:1: rules: expected a list "
                    "(and 1 more; run 'equivalence validate')")


def test_missing_mappings_folder(runner, tmp_path):
    result = run(runner, tmp_path / "nowhere", "ladders")
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.stderr and result.stderr.splitlines()[-1].startswith("Error: ")


def test_help_and_version(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("ladders", "levels", "lookup", "sources", "show", "validate"):
        assert command in result.stdout
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.stdout


def test_python_m_equivalence(tiny_dir):
    proc = subprocess.run([sys.executable, "-m", "equivalence", "--help"], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "lookup" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "equivalence", "--mappings", str(tiny_dir), "lookup", "nothing",
                           "--lang", "en"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["Error: unknown level 'nothing'"]


@pytest.mark.parametrize("value", ["review", "职称评审", "Title review", "title  REVIEW"])
def test_purpose_by_id_or_name(runner, tiny_dir, value):
    by_id = run(runner, tiny_dir, "lookup", "工程师", "--purpose", "review", "--format", "json")
    result = run(runner, tiny_dir, "lookup", "工程师", "--purpose", value, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == by_id.stdout
    assert json.loads(result.stdout)["results"]


@pytest.mark.parametrize("option, values", [
    ("--kind", ["treated_as", "比照待遇", "treated as", "Treated As"]),
    ("--kind", ["derived", "推导", "推导（非文件所述）", "derived (no document)"]),
    ("--kind", ["counts_as", "视同", "对应", "视同/对应"]),
    ("--direction", ["out", "正向", "outgoing"]),
    ("--direction", ["in", "反向", "incoming"]),
])
def test_codes_by_name(runner, tiny_dir, option, values):
    outputs = {run(runner, tiny_dir, "lookup", "技师", option, v, "--format", "json").stdout for v in values}
    assert len(outputs) == 1 and outputs != {""}


def test_unknown_kind_lists_codes_and_names(runner, tiny_dir):
    result = run(runner, tiny_dir, "lookup", "技师", "--kind", "等于")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: '--kind' 的取值无效：'等于' 不在可选值之中：apply（可申报）、treated_as（比照待遇）、"
        "counts_as（视同/对应）、post（可聘岗位）、derived（推导（非文件所述））")
    result = run(runner, tiny_dir, "lookup", "技师", "--kind", "equals", "--lang", "en")
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--kind': 'equals' is not one of: apply (may apply for), treated_as (treated as), "
        "counts_as (counts as), post (may be appointed to), derived (derived (no document))")


def test_region_given_twice_is_refused(runner):
    for args in (["--region", "山东", "--region", "广东", "lookup", "技师"],
                 ["lookup", "技师", "--region", "山东", "--region", "广东"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == (
            "Error: '--region' 的取值无效：只能给一次（给了 山东、广东）：一名职工只适用一个省份的规则；请每个省份分别查询")
        result = runner.invoke(cli, [*args, "--lang", "en"])
        assert result.stderr.splitlines()[-1] == (
            "Error: Invalid value for '--region': give it once (got 山东, 广东): the rules of one province "
            "apply to a worker; ask each province in its own query")


@pytest.mark.parametrize("args, message", [
    (["check", "技师", "--holds", "高级工", "--work-years", "nan"],
     "Error: work years must be a finite number of years, got nan"),
    (["check", "技师", "--holds", "高级工:abc"],
     "Error: years held in '高级工:abc' must be a number of years from 0 to 80, got 'abc'"),
    (["check", "技师", "--holds", "技师:-1"], "Error: years held in '技师:-1' must be from 0 to 80 years, got -1"),
])
def test_bad_years_are_one_line(runner, args, message):
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert assert_one_error_line(result) == message


def test_table_cells_never_break_a_date():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from equivalence.textable import wrap_cell

    # dates stand apart from letters and digits, as in every answer ('（2028-12-01 满足）', '2022-03 –')
    piece = st.sampled_from(["技师已持有1年，需满3年（", "（2028-12-01 ", " 满足）", "bridge-96-technician-to-intermediate",
                             "；", " ", " 2022-03 ", " – ", "取得后满4年", "met on ", "(", ")"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(piece, min_size=1, max_size=12), st.integers(min_value=10, max_value=40))
    def check(pieces, width):
        text = "".join(pieces)
        wrapped = wrap_cell(text, width)
        from wcwidth import wcswidth

        assert all(wcswidth(line) <= width for line in wrapped.split("\n"))
        for date in ("2028-12-01", "2022-03"):
            assert wrapped.count(date) == text.count(date)  # each date whole, on one line
        assert wrapped.replace("\n", "").replace(" ", "") == text.replace(" ", "")  # nothing lost

    check()


def test_readme_check_example_keeps_its_dates_whole(runner):
    result = runner.invoke(cli, ["check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", "2026-12-01"])
    assert result.exit_code == 0
    assert "2028-12-01 满足）" in result.stdout
    assert "2028-1\n" not in result.stdout and "2028-1 " not in result.stdout


def test_points_scheme_by_id_or_name(runner):
    args = ["--layer", "acme", "points", "--holds", "acme_s.s3:2", "--as-of", "2025-01-01", "--format", "json"]
    outputs = {runner.invoke(cli, [*args, "--scheme", s]).stdout for s in ("acme-skill-points", "示例公司技能人才积分晋级")}
    assert len(outputs) == 1 and json.loads(outputs.pop())["scheme"]["id"] == "acme-skill-points"


@pytest.mark.parametrize("args, message", [
    (["lookup", "焊工"], "Error: unknown level '焊工' (焊工 6-18-02-04 is an occupation of the 职业分类大典: it holds skill "
                         "grades; name one as OCCUPATION:GRADE); did you mean: 焊工:高级工, 焊工:技师?"),
    (["lookup", "维修电工:技师"], "Error: unknown ladder or occupation '维修电工' (no ladder, and no occupation of the "
                                 "职业分类大典 (2022 edition)); did you mean: 电工:技师, 汽车维修工:技师, 钟表维修工:技师?"),
    (["check", "技师", "--holds", "高级工程帅:2"], "Error: unknown level '高级工程帅'; did you mean: 高级工程师, 高级工, "
                                                  "正高级工程师, 高级工班, 高级注册安全工程师?"),
])
def test_names_people_type_get_a_way_forward(runner, args, message):
    assert assert_one_error_line(runner.invoke(cli, [*args, "--lang", "en"])) == message


@pytest.mark.parametrize("name", ["高級技師", "技師", "工程師", "注会", "研究生", "副高"])
def test_traditional_and_short_names_on_the_command_line(runner, name):
    result = runner.invoke(cli, ["lookup", name, "--format", "json"])
    assert result.exit_code == 0, result.stderr
