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
