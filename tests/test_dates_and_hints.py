"""Start dates of levels and correspondences, and the hints an unknown id gets: each answer pinned exactly.

正高级 of the five series the 2017 notice of 人社部办公厅 names (中小学教师, 工程, 经济, 会计, 统计) counts as
正高级 from the notice (2017-01-08), not from a later list: a correspondence starts at the earliest
document that states it. The six other series of its 11 are not named, so they keep their dates.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from equivalence.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


FULL_SENIOR_2017 = [("tier-eng-full-senior", "正高级工程师"), ("tier-accounting-full-senior", "正高级会计师"),
                    ("tier-economics-full-senior", "正高级经济师"), ("tier-statistics-full-senior", "正高级统计师"),
                    ("tier-primary-secondary-teacher-full-senior", "正高级教师")]


@pytest.mark.parametrize("rule, title", FULL_SENIOR_2017)
def test_full_senior_counts_from_the_2017_notice(rule, title):
    code, out = run("lookup", title, "--to", "职称层级", "--as-of", "2018-06-01", "--format", "json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    assert (result["level"]["id"], result["chain"], result["effective_from"]) == ("tier.full_senior", [rule],
                                                                                "2017-01-08")
    assert [s["source"] for s in result["sources"]][0] == "mohrss-2017-full-senior"
    assert result["sources"][0]["quote"] == ("明确目前未设置正高级的职称系列均设置到正高级,"
                                             "共涉及中小学教师、工程、经济、会计、统计等11个系列")
    code, out = run("lookup", title, "--to", "职称层级", "--as-of", "2016-12-31")
    assert out.endswith("没有相关等级（去掉 --to / --kind / --purpose / --as-of 再试）\n")


def test_a_full_senior_economist_of_2018_may_hold_a_grade_4_post_in_2018():
    code, out = run("check", "专业技术岗位:四级", "--holds", "正高级经济师@2018-01-01", "--as-of", "2018-06-01")
    assert code == 0
    assert out.splitlines()[0] == "专业技术四级 (2018-06-01): 现在符合条件"
    assert "持有正高级（由正高级经济" in out and "师视同，自 2018-01-01）" in out
    code, out = run("check", "专业技术岗位:四级", "--holds", "正高级经济师@2018-01-01", "--as-of", "2018-06-01",
                    "--lang", "en")
    assert out.splitlines()[0] == "Professional and technical post, grade 4 (2018-06-01): eligible now"


def test_lookup_of_a_full_senior_accountant_in_2018():
    code, out = run("lookup", "正高级会计师", "--as-of", "2018-06-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "正高级会计师 (会计, accounting.full_senior)"
    assert [line.split()[1:3] for line in lines[2:] if line.startswith("→")] == [
        ["专业技术岗位", "专业技术四级–专"], ["职称层级", "正高级"]]
    assert "《关于在部分系列设置" in lines[3]


def test_a_series_the_2017_notice_does_not_name_keeps_its_date():
    code, out = run("lookup", "正高级实验师", "--to", "职称层级", "--as-of", "2018-06-01")
    assert out.endswith("没有相关等级（去掉 --to / --kind / --purpose / --as-of 再试）\n")


@pytest.mark.parametrize("rule, title", FULL_SENIOR_2017)
def test_the_note_says_why_without_naming_project_files(rule, title):
    code, out = run("show", rule, "--format", "json")
    note = json.loads(out)["note"]
    assert note.startswith("From 2017 (first citation), not from a later document: the correspondence starts at "
                           "the earliest document that states it.")
    assert "converted to simplified characters" in note
    assert "policy-rules" not in note and "4.2" not in note


# -- the 96号 bridge's unstated years: neutral words, right on the CLI and the web pages alike --------

BRIDGE_YEARS = {
    "zh": "申报年限由各省实施办法规定（全国文件未见年限；本数据中规定年限的省份：江苏，见江苏的规则层）",
    "en": ("the years before applying are set by each province's implementing measures (no national text with "
           "years seen; the province in this data that sets them: Jiangsu, see the Jiangsu layer)"),
}


def test_the_bridge_years_condition_names_no_command_line_option():
    result = CliRunner().invoke(cli, ["path", "实验师", "--holds", "技师@2022-01-01", "--lang", "en"])
    assert (result.exit_code, result.stderr) == (1, "Error: no route to Experimentalist: "
                                                    "bridge-96-technician-to-intermediate: " + BRIDGE_YEARS["en"] + "\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bridge_years_condition_on_the_web_page(lang):
    pytest.importorskip("fastapi", reason="the web extra (pip install '.[web]') is not installed")
    import re

    from fastapi.testclient import TestClient

    from equivalence.web.app import create_app

    page = TestClient(create_app()).get("/lookup", params={"level": "技师", "lang": lang}).text
    text = re.sub(r"<[^>]+>", "", page).replace("&#x27;", "'").replace("&#39;", "'")
    assert BRIDGE_YEARS[lang] in text
    assert "--region" not in text


# -- an id only a shipped layer has: the error names the layer and how to load it --------------------

ACME_ZH = "（见于示例装备制造有限公司（虚构示例）的规则层：请加 --layer acme）"
ACME_EN = " (in the Acme Equipment Manufacturing Co. (fictional example) layer: add --layer acme)"


@pytest.mark.parametrize("args, zh, en", [
    (["show", "acme-s3-to-s4"], "未知规则 'acme-s3-to-s4'" + ACME_ZH, "unknown rule 'acme-s3-to-s4'" + ACME_EN),
    (["show", "gd-special-technician-from-senior-technician"],
     "未知规则 'gd-special-technician-from-senior-technician'（见于广东的规则层：请加 --region 广东）",
     "unknown rule 'gd-special-technician-from-senior-technician' (in the Guangdong layer: add --region guangdong)"),
    (["levels", "acme_s"], "未知等级序列 'acme_s'" + ACME_ZH, "unknown ladder 'acme_s'" + ACME_EN),
    (["levels", "示例公司管理序列"], "未知等级序列 '示例公司管理序列'" + ACME_ZH, "unknown ladder '示例公司管理序列'" + ACME_EN),
])
def test_an_id_of_a_shipped_layer_says_which_layer_and_how_to_add_it(args, zh, en):
    for lang, words in (("zh", zh), ("en", en)):
        result = CliRunner().invoke(cli, args + ["--lang", lang])
        assert (result.exit_code, result.stderr) == (1, f"Error: {words}\n")


def test_the_layer_hint_is_not_given_when_the_layer_is_loaded_or_no_layer_has_the_id():
    result = CliRunner().invoke(cli, ["--region", "广东", "show", "gd-special-technician-from-senior-technician"])
    assert result.exit_code == 0
    result = CliRunner().invoke(cli, ["--layer", "acme", "levels", "acme_s"])
    assert result.exit_code == 0
    result = CliRunner().invoke(cli, ["show", "skill-tpl2018-x"])
    assert result.stderr.startswith("Error: 未知规则 'skill-tpl2018-x'；是否想找：skill-tpl2018-")
    result = CliRunner().invoke(cli, ["--layer", "acme", "show", "gd-special-technician-from-senior-technician"])
    assert result.stderr == ("Error: 未知规则 'gd-special-technician-from-senior-technician'"
                             "（见于广东的规则层：请加 --region 广东）\n")


# -- 特级技师 and 首席技师 exist only from 14号 (2022-03): levels shows it, answers before then say so ----

def test_levels_shows_when_each_level_is_in_force():
    code, out = run("levels", "skill")
    lines = out.splitlines()
    assert lines[1].split() == ["级序", "编号", "中文", "英文", "施行期间", "别名"]
    assert lines[3].split() == ["0", "skill.apprentice", "学徒工", "Apprentice", "2022-03", "–", "学徒"]
    assert lines[4].split()[:5] == ["1", "skill.junior", "初级工", "Junior", "worker"]
    assert lines[4].split()[5] == "五级、五级/初级工、初级工/五级、国家职业资格五级、职业技能等级五级"
    assert lines[9].split() == ["6", "skill.special_technician", "特级技师", "Special-grade", "technician", "2022-03", "–"]
    assert lines[10].split() == ["7", "skill.chief_technician", "首席技师", "Chief", "technician", "2022-03", "–"]
    code, out = run("levels", "skill", "--lang", "en")
    assert out.splitlines()[1].split() == ["rank", "id", "zh", "en", "in", "force", "aliases"]


def test_levels_of_a_ladder_without_dated_levels_has_no_date_column():
    code, out = run("levels", "职称层级")
    assert out.splitlines()[1].split() == ["级序", "编号", "中文", "英文", "别名"]


@pytest.mark.parametrize("level", ["特级技师", "首席技师"])
def test_before_2022_03_the_level_does_not_exist_yet(level):
    result = CliRunner().invoke(cli, ["lookup", level, "--as-of", "2022-02-28"])
    assert (result.exit_code, result.stderr) == (1, f"Error: {level} 在 2022-02-28 尚不存在或已废止：有效期自 2022-03 起\n")
    result = CliRunner().invoke(cli, ["lookup", level, "--as-of", "2022-02-28", "--lang", "en"])
    assert result.stderr == f"Error: {level} did not exist on 2022-02-28: it is in force from 2022-03\n"  # as typed
    code, out = run("lookup", level, "--as-of", "2022-03-01")
    assert code == 0


def test_check_and_path_before_2022_03_plan_the_post_from_its_first_day():
    code, out = run("check", "特级技师", "--holds", "高级技师@2010-01-01", "--as-of", "2021-06-01")
    assert out.splitlines()[0] == "特级技师 (2021-06-01): 暂不符合；最早 2022-03-01；第一步：特级技师（评聘，2022-03-01）"
    code, out = run("check", "首席技师", "--holds", "特级技师@2021-01-01", "--as-of", "2021-06-01")
    assert out.splitlines()[0] == "首席技师 (2021-06-01): 暂不符合；最早 2022-03-01；第一步：首席技师（评聘，2022-03-01）"
    code, out = run("path", "高级技师", "特级技师", "--as-of", "2021-06-01")
    assert out.splitlines()[0] == "特级技师: 0.75 年，最早 2022-03-01"
