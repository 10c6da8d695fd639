"""A demanding user's QA pass of points, diff, chart, export, show, sources, layers, levels and ladders:
each test is a defect found by running the command as documented, pinned to the exact answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHIPPED
from equivalence.cli import cli

ACME = SHIPPED / "examples" / "acme"
# a worker whose points (50 for 5 years of work, 30 for 高级工) are exactly S4's 80 on 2025-09-01
AT_THRESHOLD = ["--layer", str(ACME), "points", "--holds", "acme_s.s3@2022-07-01", "--in-post", "acme_s.s3",
                "--holds", "高级工@2023-03-01", "--work-years", "5", "--as-of", "2025-09-01"]


def scores_file(tmp_path, text):
    path = tmp_path / "scores.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# ------------------------------------------------------------------------------------ points

def test_points_en_title_names_the_scheme_in_english(runner):
    result = runner.invoke(cli, AT_THRESHOLD + ["--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Acme points-based promotion for skilled workers (2025-09-01): total 80"


def test_points_zh_title(runner):
    result = runner.invoke(cli, AT_THRESHOLD)
    assert result.stdout.splitlines()[0] == "示例公司技能人才积分晋级 (2025-09-01): 合计 80 分"


@pytest.mark.parametrize("text, item", [("post_value: 3\n", "post_value"), ("skill_grade: 1\n", "skill_grade")])
def test_points_a_count_for_an_item_not_counted_is_an_error(runner, tmp_path, text, item):
    # post_value is scored per year of work, skill_grade once while 高级工 is held: a count given for them
    # was dropped without a word (total 80 either way)
    result = runner.invoke(cli, AT_THRESHOLD + ["--scores", scores_file(tmp_path, text)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"Error: 积分表只记按次计分项目的次数：{item} 不按次计分，"
                             "由工作年限或所持等级算出（按次计分的项目：innovation、performance、skill_certificates）\n")
    en = runner.invoke(cli, AT_THRESHOLD + ["--scores", scores_file(tmp_path, text), "--lang", "en"])
    assert en.exit_code == 1
    assert en.stderr == (f"Error: the scores give counts of per-count items only, not of {item}: an item scored from "
                         "years of work or levels held is not counted (per-count items: innovation, performance, "
                         "skill_certificates)\n")


def test_points_unknown_item_lists_only_the_counted_items(runner, tmp_path):
    result = runner.invoke(cli, AT_THRESHOLD + ["--scores", scores_file(tmp_path, "performace: 2\n")])
    assert result.exit_code == 1
    assert result.stderr == ("Error: 积分表中有未知的积分项：performace"
                             "（可选：innovation、performance、skill_certificates）\n")


def test_points_at_and_one_short_of_the_threshold_agree_with_check(runner):
    import json

    at = json.loads(runner.invoke(cli, AT_THRESHOLD + ["--format", "json"]).stdout)
    step = next(s for s in at["steps"] if s["rule"] == "acme-s3-to-s4")
    assert (at["total"], step["missing"], step["earliest"], step["other_missing"]) == (80, 0, "2025-09-01", [])
    # 4.99 years of work: the fifth year is full on 2025-09-05, 10 points short until then
    short_args = [a if a != "5" else "4.99" for a in AT_THRESHOLD]
    short = json.loads(runner.invoke(cli, short_args + ["--format", "json"]).stdout)
    step = next(s for s in short["steps"] if s["rule"] == "acme-s3-to-s4")
    assert (short["total"], step["missing"], step["earliest"]) == (70, 10, "2025-09-05")
    check = json.loads(runner.invoke(cli, ["check", "S4", *short_args[3:], "--layer", str(ACME),
                                           "--format", "json"]).stdout)
    assert check["earliest"] == "2025-09-05"



def test_points_next_steps_leave_out_levels_the_worker_already_holds_by_a_higher_one(runner):
    # S6 in post: S3 and S4 are held by it (check S4 says 已持有（由所持高级技师岗推定）), yet points listed
    # acme-s3-to-s4 and acme-s4-to-s5 as next steps, missing 中级工岗须在聘/在岗
    import json

    args = ["--layer", str(ACME), "--holds", "acme_s.s6@2020-01-01", "--in-post", "acme_s.s6",
            "--work-years", "10", "--as-of", "2025-09-01"]
    check = json.loads(runner.invoke(cli, ["check", "S5", *args, "--format", "json"]).stdout)
    assert check["held"] is True
    answer = json.loads(runner.invoke(cli, ["points", *args, "--format", "json"]).stdout)
    # 50: the post's years only. No 高级工 is held (it could be obtained today, by 10 years of work,
    # and the points once counted its 30 as if held)
    assert (answer["total"], answer["steps"]) == (50, [])
    assert [(i["id"], i["points"]) for i in answer["items"]][:2] == [("post_value", 50), ("skill_grade", 0)]
    table = runner.invoke(cli, ["points", *args]).stdout
    assert "acme-s3-to-s4" not in table and "acme-s4-to-s5" not in table


def test_points_a_year_from_29_february_is_full_on_28_february_as_earliest_points_says():
    # earliest_points named 2021-02-28 for 10 points a year from 2020-02-29, and the points on that day were 0
    import datetime as dt

    from equivalence.planner import from_t, to_t
    from equivalence.points import earliest_points, full_years, points_at

    t = lambda day: to_t(dt.date.fromisoformat(day))  # noqa: E731
    assert full_years(t("2020-02-29"), t("2021-02-28")) == 1
    assert full_years(t("2020-02-29"), t("2021-02-27")) == 0
    assert full_years(t("2020-02-29"), t("2024-02-28")) == 3  # a leap year: the anniversary is the 29th
    assert full_years(t("2020-02-29"), t("2024-02-29")) == 4
    scheme = {"items": [{"id": "y", "basis": "per_year", "points": 10, "cap": None, "since": "a"}]}
    first = {"a": t("2020-02-29")}
    when = earliest_points(scheme, 10, t("2020-03-01"), first, t("2020-03-01"), {})
    assert from_t(when) == dt.date(2021, 2, 28)
    assert points_at(scheme, to_t(from_t(when)), first, 0, {})[0][1] == 10


def test_years_held_from_29_february_agree_with_the_condition_met(runner):
    # check said 持有学徒工岗1.92年（需满2年） among the conditions met on 2026-02-28
    result = runner.invoke(cli, ["--layer", str(ACME), "check", "S2", "--holds", "acme_s.s1@2024-02-29",
                                 "--holds", "中级工@2020-01-01", "--as-of", "2026-02-28", "--format", "json"])
    import json

    rule = next(r for r in json.loads(result.stdout)["rules"] if r["rule"] == "acme-s1-to-s2")
    assert (rule["eligible"], rule["met"][0]) == (True, "持有学徒工岗2年（需满2年）")

# ------------------------------------------------------------------------------------ chart

def test_chart_says_what_it_wrote_in_the_asked_language(runner, tmp_path):
    out = tmp_path / "c.svg"
    zh = runner.invoke(cli, ["chart", "职业技能等级", "-o", str(out)])
    assert zh.exit_code == 0 and zh.stderr == f"已写入 {out}\n"
    en = runner.invoke(cli, ["chart", "职业技能等级", "-o", str(out), "--lang", "en"])
    assert en.exit_code == 0 and en.stderr == f"wrote {out}\n"


def test_chart_zh_legend_says_tied_boxes_in_chinese_words(runner, tmp_path):
    out = tmp_path / "c.svg"
    assert runner.invoke(cli, ["chart", "职业技能等级", "职称层级", "-o", str(out)]).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    assert ">有规则对应职称层级的等级<" in svg and ">无规则对应职称层级的等级<" in svg
    assert "职称层级 对应的等级" not in svg


# ------------------------------------------------------------------------------------ diff

@pytest.mark.parametrize("extra, named", [(["--to", "工程技术"], "--to"), (["--encoding", "gbk"], "--encoding"),
                                          (["--columns", "id=工号", "--to", "职称层级"], "--to --columns")])
def test_diff_roster_options_without_a_roster_are_a_usage_error(runner, extra, named):
    # they were accepted and did nothing: the user asked for a column the answer never had
    args = ["diff", "--as-of", "2021-06-30", "--as-of", "2022-06-30", *extra]
    zh = runner.invoke(cli, args)
    assert zh.exit_code == 2 and zh.stdout == ""
    assert zh.stderr.splitlines()[-1] == f"Error: {named} 只与 --roster 同用：请给出名单，或去掉这些选项"
    en = runner.invoke(cli, args + ["--lang", "en"])
    assert en.exit_code == 2
    assert en.stderr.splitlines()[-1] == f"Error: {named} only go with --roster: give a roster or leave them out"


# ------------------------------------------------------------------------------------ export

@pytest.mark.parametrize("fmt, lang, line", [
    ("dot", "zh", '  "skill.senior" -> "skill.technician" [label="晋升", tooltip="skill-tpl2018-senior-to-technician", style=bold];'),
    ("dot", "en", '  "skill.senior" -> "skill.technician" [label="promotion", tooltip="skill-tpl2018-senior-to-technician", style=bold];'),
    ("dot", "en", '  "q_constructor.first_class" -> "eng.intermediate" [label="counts as", tooltip="qual-constructor-first-class", style=dashed];'),
])
def test_export_pictures_label_edges_in_the_asked_language(runner, fmt, lang, line):
    # --lang is "the language of the labels of dot and mermaid pictures": the edges said the kind's code
    # (counts_as) in both languages, in a zh picture among Chinese boxes
    result = runner.invoke(cli, ["export", "--format", fmt, "--lang", lang])
    assert result.exit_code == 0
    assert line in result.stdout.splitlines()


def test_export_mermaid_labels_are_words(runner):
    zh = runner.invoke(cli, ["export", "--format", "mermaid"]).stdout
    assert '-.->|"视同/对应"|' in zh and '==>|"晋升"|' in zh and "|counts_as|" not in zh
    en = runner.invoke(cli, ["export", "--format", "mermaid", "--lang", "en"]).stdout
    assert '-.->|"counts as"|' in en and '-->|"may apply for"|' in en


# ------------------------------------------------------------------------------------ layers

def test_layers_give_every_path_as_a_folder_that_can_be_read(runner, tmp_path, monkeypatch):
    # the national row said "mappings/", a folder relative to nowhere (the others are absolute)
    import json

    monkeypatch.chdir(tmp_path)
    rows = json.loads(runner.invoke(cli, ["layers", "--format", "json"]).stdout)["layers"]
    national = next(r for r in rows if r["id"] == "national")
    acme = next(r for r in rows if r["id"] == "acme")
    assert national["path"] == str(Path(acme["path"]).parent.parent)
    assert all(Path(r["path"]).is_absolute() and Path(r["path"]).is_dir() for r in rows)
    assert runner.invoke(cli, ["--mappings", national["path"], "levels", "职称层级"]).exit_code == 0


# ------------------------------------------------------------------------------------ ladders

def test_readme_counts_the_ladders_that_ladders_lists(runner):
    # README said "lists the 75 ladders" (validate, a few lines below it, says 81)
    import json
    import re

    listed = json.loads(runner.invoke(cli, ["ladders", "--format", "json"]).stdout)["ladders"]
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert re.search(r"`equivalence ladders` lists the (\d+) ladders", readme).group(1) == str(len(listed))


# ------------------------------------------------------------------------------------ show

def test_show_a_rule_a_loaded_layer_replaced_says_by_which(runner):
    # under --region 山东 the national 高级技师 → 特级技师 step is replaced (Shandong's rule starts first,
    # so the national one never holds there): show said only 未知规则, with five unrelated suggestions
    # and not the rule that stands in its place
    args = ["--region", "山东", "show", "skill-14-senior-technician-to-special-technician"]
    zh = runner.invoke(cli, args)
    assert zh.exit_code == 1 and zh.stderr == (
        "Error: 未知规则 'skill-14-senior-technician-to-special-technician'（已被山东的规则 "
        "sd-special-technician-entry 取代）；是否想找：sd-special-technician-entry？\n")
    en = runner.invoke(cli, args + ["--lang", "en"])
    assert en.exit_code == 1 and en.stderr == (
        "Error: unknown rule 'skill-14-senior-technician-to-special-technician' (replaced by "
        "sd-special-technician-entry of the Shandong layer); did you mean: sd-special-technician-entry?\n")
    # Guangdong's replacement starts later: the national rule is kept until then, and show says so
    gd = runner.invoke(cli, ["--region", "广东", "show", "skill-14-senior-technician-to-special-technician"])
    assert gd.exit_code == 0 and "施行期间      2022-03 – 2025-04" in gd.stdout


# ------------------------------------------------------------------------------------ sources

def test_sources_count_rules_not_citations(runner):
    # 96号 is cited 15 times by 12 rules (bridge-96-technician-to-intermediate cites two of its articles):
    # the 规则数 column said 15
    import json

    from equivalence.registry import Registry

    reg = Registry.load()
    rows = {s["id"]: s["rules"] for s in json.loads(runner.invoke(cli, ["sources", "--format", "json"]).stdout)["sources"]}
    citing = [r for r in reg.rules.values() if any(c.source == "mohrss-2020-96" for c in r.cite)]
    assert rows["mohrss-2020-96"] == len(citing) == 12
    assert all(rows[s] == sum(1 for r in reg.rules.values() if s in {c.source for c in r.cite}) for s in rows)


def test_diff_roster_counts_people_in_english_grammar(runner, tmp_path):
    # a 一级建造师 counts as 工程师 from 16号 (2019-02-01): one person changed; en said "1 people's answers changed"
    roster = tmp_path / "staff.csv"
    roster.write_text("id,holds\nC1,一级建造师@2015-01-01\n", encoding="utf-8")
    args = ["diff", "--as-of", "2018-06-30", "--as-of", "2020-06-30", "--roster", str(roster), "--to", "工程技术"]
    en = runner.invoke(cli, args + ["--lang", "en"]).stdout.splitlines()
    assert "1 person's answers changed" in en and "1 people's answers changed" not in en
    zh = runner.invoke(cli, args).stdout.splitlines()
    assert "名单中 1 人的结果有变化" in zh
    assert zh[-1].split() == ["2", "C1", "to:工程技术", "视同/对应：工程师"]


def test_diff_roster_says_which_rows_it_could_not_compare(runner, tmp_path):
    # a row whose level is unknown fails on both dates: diff said only 名单中 0 人的结果有变化, and nothing
    # told that the row was never compared (roster itself names the row)
    import json

    roster = tmp_path / "staff.jsonl"
    roster.write_text('{"id": "J1", "holds": "高级技师:5"}\n{"id": "J2", "holds": "技工二级"}\n', encoding="utf-8")
    args = ["diff", "--as-of", "2021-06-30", "--as-of", "2022-06-30", "--roster", str(roster)]
    zh = runner.invoke(cli, args)
    assert zh.exit_code == 0 and "名单中 0 人的结果有变化" in zh.stdout
    assert zh.stderr == "共 2 行，其中 1 行在两个日期都无法处理，未比较（第 2 行；用 'equivalence roster' 查看原因）\n"
    en = runner.invoke(cli, args + ["--lang", "en", "--format", "csv"])
    assert (en.exit_code, en.stdout) == (0, "row,id,column,before,after\n")
    assert en.stderr == ("1 of 2 rows could not be processed on either date and were not compared "
                         "(row 2; 'equivalence roster' says why)\n")
    js = runner.invoke(cli, args + ["--format", "json"])
    assert js.exit_code == 0 and json.loads(js.stdout)["roster"] == []
    roster.write_text('{"id": "J1", "holds": "高级技师:5"}\n', encoding="utf-8")
    fine = runner.invoke(cli, args)
    assert (fine.exit_code, fine.stderr) == (0, "")
