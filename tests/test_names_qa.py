"""Names as HR forms write them (a QA pass): education with a study mode or a lower bound, the words
for none, 技校 (which class?), and the word 学历 in an education error."""

from __future__ import annotations

import pytest

from equivalence.cli import cli
from equivalence.messages import message
from equivalence.profile import ProfileError, build_profile, resolve_education


@pytest.mark.parametrize("value, ref", [
    ("全日制本科", "edu.bachelor"), ("非全日制本科", "edu.bachelor"), ("全日制大专", "edu.junior_college"),
    ("在职研究生", "edu.master"), ("全日制硕士研究生", "edu.master"), ("非全日制 本科", "edu.bachelor"),
    ("大专及以上", "edu.junior_college"), ("本科以上", "edu.bachelor"), ("本科及以上学历", "edu.bachelor"),
    ("全日制本科及以上", "edu.bachelor"), ("大专以上学历", "edu.junior_college"),
    ("本科", "edu.bachelor"), ("edu:本科", "edu.bachelor"), ("高级工班", "techschool.senior_class"),
    ("无", None), ("没有", None), ("—", None), ("-", None), ("/", None), ("／", None),
])
def test_education_as_hr_forms_write_it(real, value, ref):
    assert resolve_education(real, value) == ref


@pytest.mark.parametrize("value, zh, en", [
    ("技校", "技校 不明确：请写 中级工班、高级工班 或 预备技师（技师）班",
     "技校 is not specific: write Intermediate-worker class, Senior-worker class or Preparatory-technician "
     "(technician) class"),
    ("技工学校", "技工学校 不明确：请写 中级工班、高级工班 或 预备技师（技师）班",
     "技工学校 is not specific: write Intermediate-worker class, Senior-worker class or Preparatory-technician "
     "(technician) class"),
    ("中技", "中技 不明确：请写 中级工班、高级工班 或 预备技师（技师）班",
     "中技 is not specific: write Intermediate-worker class, Senior-worker class or Preparatory-technician "
     "(technician) class"),
    ("本课", "未知学历 '本课'；是否想找：本科？", "unknown education '本课'; did you mean: 本科?"),
    ("全日制", "未知学历 '全日制'", "unknown education '全日制'"),
    ("技师", "'技师' 不是学历", "'技师' is not an education level"),
])
def test_education_that_gives_no_level_says_why(real, value, zh, en):
    with pytest.raises(ProfileError) as err:
        resolve_education(real, value)
    assert (message(err.value, "zh"), message(err.value, "en")) == (zh, en)


def test_a_study_mode_or_a_bound_gives_the_same_answer_as_the_level(runner, real):
    def check(education):
        result = runner.invoke(cli, ["check", "工程师", "--holds", "助理工程师:4", "--education", education,
                                     "--as-of", "2026-12-01", "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.stdout

    assert check("全日制本科") == check("本科及以上学历") == check("本科")
    assert build_profile(real, education="—", as_of="2026-12-01").education is None  # none: as an empty cell


# -- a grade name with the same level said again in brackets ------------------------------------------

@pytest.mark.parametrize("name, ref", [
    ("技师（二级）", "skill.technician"), ("技师(二级)", "skill.technician"), ("高级工(三级)", "skill.senior"),
    ("高级技师（一级）", "skill.senior_technician"), ("高级工程师（副高）", "eng.associate_senior"),
    ("高级工程师（副高级）", "eng.associate_senior"), ("工程师（中级）", "eng.intermediate"),
    ("电工:技师（二级）", "skill.technician"),
    ("讲师(高校)", "hedu.intermediate"),  # a name of its own, as before
])
def test_a_bracketed_qualifier_naming_the_same_level(real, name, ref):
    assert real.level(name).ref == ref


@pytest.mark.parametrize("name, zh, en", [
    ("技师（三级）", "未知等级 '技师（三级）'（'技师' 与括号中的 '三级' 不是同一等级）",
     "unknown level '技师（三级）' ('技师' and '三级' in brackets are not the same level)"),
    ("高级工程师（正高）", "未知等级 '高级工程师（正高）'（'高级工程师' 与括号中的 '正高' 不是同一等级）",
     "unknown level '高级工程师（正高）' ('高级工程师' and '正高' in brackets are not the same level)"),
])
def test_a_bracketed_qualifier_naming_another_level_is_said(real, name, zh, en):
    from equivalence.errors import UnknownLevelError

    with pytest.raises(UnknownLevelError) as err:
        real.level(name)
    assert (message(err.value, "zh"), message(err.value, "en")) == (zh, en)


def test_names_not_aliased_and_an_occupation_run_into_a_grade(real):
    from equivalence.errors import UnknownLevelError

    for name in ("二级技师", "高级技工", "电工技师"):
        assert real.candidates(name) == []
    with pytest.raises(UnknownLevelError) as err:
        real.level("电工技师")
    assert message(err.value, "zh") == "未知等级 '电工技师'；是否想找：电工:技师、技师？"
    with pytest.raises(UnknownLevelError) as err:
        real.level("焊工高级工")
    assert err.value.suggestions[0] == "焊工:高级工"


def test_lookup_check_and_roster_read_the_bracketed_name(runner, tmp_path):
    def run(*args):
        result = runner.invoke(cli, [*args, "--as-of", "2026-12-01", "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.stdout

    assert run("lookup", "技师（二级）") == run("lookup", "技师")
    assert run("check", "高级技师", "--holds", "技师（二级）:4") == run("check", "高级技师", "--holds", "技师:4")
    src = tmp_path / "r.csv"
    src.write_text("holds,target\n高级工(三级):2,技师\n高级工:2,技师\n技师（三级）,\n", encoding="utf-8")
    result = runner.invoke(cli, ["roster", str(src), "--as-of", "2026-12-01"])
    first, second, third = result.stdout.splitlines()[1:]
    assert first.split(",", 1)[1] == second.split(",", 1)[1]
    assert third == "技师（三级）,,,,,未知等级 '技师(三级)'（'技师' 与括号中的 '三级' 不是同一等级）"
