"""A rule's conditions in words (``conditions.other``): a plain string (the Chinese, as older mapping
files write it) or ``{zh, en}``; compiled as {zh, en}; every answer shows them in the language asked."""

from __future__ import annotations

import json

import pytest

from conftest import TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.describe import describe_conditions
from equivalence.errors import MappingErrors
from equivalence.lookup import conditions_of
from equivalence.records import Words

OFF = "cite: [{source: src-off, article: a, quote: 原文}]"


def one_rule(other: str) -> str:
    return f"rules:\n  - {{id: r1, kind: apply, from: sk.s1, to: en.e1, conditions: {{other: {other}}}, {OFF}}}\n"


def test_a_plain_string_is_the_chinese_and_english_answers_show_it_as_written(tiny):
    rule = tiny.rules["bridge-s4-e3"]
    assert rule.conditions.other == (Words(zh="通过考评", en=None),)
    assert conditions_of(rule, "en").other == ("通过考评",)
    assert describe_conditions(tiny, conditions_of(rule, "en"), "en") == "3 yrs after obtaining; matching specialty; 通过考评"


def test_both_forms_compile_side_by_side(tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "r.yaml": one_rule("[评聘, {zh: 年满16周岁, en: aged 16 or over}]")})
    rule = compile_folder(root)["rules"]["r1"]
    assert rule.conditions.other == (Words(zh="评聘", en=None), Words(zh="年满16周岁", en="aged 16 or over"))
    assert conditions_of(rule, "zh").other == ("评聘", "年满16周岁")
    assert conditions_of(rule, "en").other == ("评聘", "aged 16 or over")


@pytest.mark.parametrize("other, message", [
    ("[{zh: 年满16周岁}]", "rules[0].conditions.other[0].en: required, missing"),
    ("[{zh: 年满16周岁, en: aged 16, fr: 16 ans}]", "rules[0].conditions.other[0].fr: unknown key 'fr'"),
    ("[{zh: '', en: aged 16 or over}]", "rules[0].conditions.other[0].zh: string should have at least 1 character"),
    ("[16]", "rules[0].conditions.other[0]: input should be a valid string"),
])
def test_a_malformed_item_is_one_line_at_its_place(tmp_path, other, message):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "bad.yaml": one_rule(other)})
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    assert [str(e) for e in info.value.errors] == [f"m/bad.yaml:2: {message}"]


def test_check_says_unchecked_conditions_in_the_language_asked(runner):
    args = ["check", "特级技师", "--holds", "高级技师:5", "--as-of", "2026-12-01", "--format", "json", "--lang"]
    by_lang = {lang: json.loads(runner.invoke(cli, [*args, lang]).stdout) for lang in ("zh", "en")}
    rules = {lang: {r["rule"]: r for r in answer["rules"]} for lang, answer in by_lang.items()}
    rid = "skill-14-senior-technician-to-special-technician"
    assert rules["zh"][rid]["unchecked"][:2] == ["通过评聘的方式进行,实行岗位聘任制", "一般应在有高级技师的职业(工种)领域中设立"]
    assert rules["en"][rid]["unchecked"][:2] == ["by evaluation and appointment, under a post appointment system",
                                                 "as a rule set up in occupations (trades) that have a senior technician grade"]
    typed = [c for c in rules["en"][rid]["conditions"] if c["what"] == "other"]
    assert [c["text"] for c in typed] == rules["en"][rid]["unchecked"][:2]


def test_show_in_each_language(runner):
    rid = "bridge-96-treated-technician-as-intermediate"
    zh = runner.invoke(cli, ["show", rid]).stdout
    en = runner.invoke(cli, ["show", rid, "--lang", "en"]).stdout
    assert "各类企业（本条针对企业）" in zh and "enterprises of all kinds (the clause addresses enterprises)" in en
    assert "备注（英文）" in zh  # the curators' note is kept as written, and says so
    shown = json.loads(runner.invoke(cli, ["show", rid, "--format", "json", "--lang", "en"]).stdout)
    assert shown["conditions"]["other"] == ["enterprises of all kinds (the clause addresses enterprises)"]


def test_path_notes_say_the_unchecked_conditions_in_english(runner):
    result = runner.invoke(cli, ["--region", "广东", "path", "技师@2022-01-01", "特级技师", "--honour", "全国技术能手",
                                 "--as-of", "2026-12-01", "--lang", "en"])
    assert result.stdout.splitlines()[-1] == ("Note: also required (not checked by the engine): appointment: appointed "
                                              "to a special-grade technician post by an enterprise above designated size")
