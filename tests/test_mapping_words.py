"""A mapping problem (``file:line: where: what``) says its ``what`` in the language asked.

Under ``--lang zh`` (the default) every problem of ``validate``, and the first one of a query on
mappings that do not validate, is Chinese; under ``--lang en`` it is the English it always was (the
texts below were taken from the code before the problems had Chinese). The place and the key path
(``rules[0].cite[0].quote``) are codes, and quoted values are shown as written, in both languages.
"""

from __future__ import annotations

import ast
import pickle
import re

import pytest

from conftest import REPO, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.errors import MappingError, MappingErrors
from equivalence.loader import SECTIONS
from equivalence.messages import TEMPLATES, message, render
from test_language import english_words

CITE = "cite: [{source: src-off, article: 第一条, quote: 可以申报}]"
LAYER = "layer: {id: co, zh: 公司, en: Co, scope: employer}\n"


def rule(text: str) -> dict:
    """The tiny folder with one more rules file holding one rule (``text``: its keys)."""
    return {**TINY_FILES, "rules/bad.yaml": f"rules:\n  - {{{text}}}\n"}


def layer(rules: str) -> dict:
    """An employer layer ``co`` holding ``rules`` (lines of a rules list), on top of the tiny folder."""
    return {"layer": {"layer.yaml": LAYER, "rules.yaml": "rules:\n" + rules}}


# name -> (what to check, its English: every line of `validate --lang en`, or the error of a profile).
# What to check: files of a folder (on the tiny one), a layer on the tiny folder, or a profile's text.
CASES = {
    "unknown level": (rule(f"id: b1, kind: apply, from: sk.x1, to: en.e3, {CITE}"),
                      ["ROOT/rules/bad.yaml:2: rules[0].from: unknown level 'sk.x1'"]),
    "unknown ladder": (rule(f"id: b1, kind: apply, from: zz.x1, to: en.e3, {CITE}"),
                       ["ROOT/rules/bad.yaml:2: rules[0].from: unknown ladder 'zz' in 'zz.x1'"]),
    "missing cite": (rule("id: b1, kind: apply, from: sk.s1, to: en.e3"),
                     ["ROOT/rules/bad.yaml:2: rules[0].cite: required, missing"]),
    "unknown key": (rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, foo: 1, {CITE}"),
                    ["ROOT/rules/bad.yaml:2: rules[0].foo: unknown key 'foo'"]),
    "quote of an unverified source": (
        rule("id: b1, kind: apply, from: sk.s1, to: en.e3, cite: [{source: src-unv, article: 第一条, quote: 可以申报}]"),
        ["ROOT/rules/bad.yaml:2: rules[0].cite[0].quote: source 'src-unv' is unverified (no text seen): leave the "
         "quote empty and say why in the note"]),
    "promotion going down": (rule(f"id: b1, kind: promotion, from: sk.s3, to: sk.s1, {CITE}"), [
        "ROOT/rules/bad.yaml:2: rules[0].to: a promotion goes up: 'sk.s1' is not above 'sk.s3'",
        "ROOT/rules/bad.yaml:2: rules[0].to: promotion cycle: sk-up-1 -> sk-up-2 -> b1"]),
    "promotion across ladders": (
        rule(f"id: b1, kind: promotion, from: sk.s3, to: en.e3, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].to: a promotion stays in one ladder: 'sk.s3' -> 'en.e3' (use apply)"]),
    "unknown kind": (rule(f"id: b1, kind: weird, from: sk.s1, to: en.e3, {CITE}"),
                     ["ROOT/rules/bad.yaml:2: rules[0].kind: 'weird' is not one of 'promotion', 'apply', "
                      "'treated_as', 'counts_as', 'post' or 'derived'"]),
    "bad id": (rule(f"id: Bad Id, kind: apply, from: sk.s1, to: en.e3, {CITE}"),
               ["ROOT/rules/bad.yaml:2: rules[0].id: 'Bad Id' is not an id (lower-case ASCII letters, digits, "
                "'_' or '-', starting with a letter)"]),
    "years not a number": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, conditions: {{years_in_from: abc}}, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].conditions.years_in_from: input should be a valid number"]),
    "too many years": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, conditions: {{years_in_from: 200}}, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].conditions.years_in_from: 200 years is more than 80"]),
    "duplicate rule id": (rule(f"id: sk-up-1, kind: apply, from: sk.s1, to: en.e3, {CITE}"),
                          ["ROOT/rules/rules.yaml:4: rules[0].id: duplicate rule id 'sk-up-1' (first in "
                           "ROOT/rules/bad.yaml)"]),
    "unknown source": (rule("id: b1, kind: apply, from: sk.s1, to: en.e3, cite: [{source: src-zz, article: 第一条}]"),
                       ["ROOT/rules/bad.yaml:2: rules[0].cite[0].source: unknown source 'src-zz'"]),
    "confidence above the source": (
        rule("id: b1, kind: apply, from: sk.s1, to: en.e3, confidence: high, cite: [{source: src-sec, article: 第一条}]"),
        ["ROOT/rules/bad.yaml:2: rules[0].confidence: 'high' is above what source 'src-sec' (secondary) allows: medium"]),
    "range from high to low": (
        rule(f"id: b1, kind: post, from: tt.t3, to: pt.p1..p4, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].to[0]: range 'pt.p1..p4' runs from high to low; write LOW..HIGH"]),
    "unknown honour": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, conditions: {{honours: [zz]}}, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].conditions.honours[0]: unknown honour 'zz'"]),
    "not bidirectional": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, bidirectional: true, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0]: only counts_as and derived rules can be bidirectional, not 'apply'"]),
    "a quote that is a summary": (
        rule("id: b1, kind: apply, from: sk.s1, to: en.e3, cite: [{source: src-off, article: 第一条, quote: 技师 -> 工程师}]"),
        ["ROOT/rules/bad.yaml:2: rules[0].cite[0].quote: a quote is words seen in the source, not a summary ('->'): "
         "move it to the note and leave the quote empty"]),
    "a condition in English": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, conditions: {{other: [pass the exam]}}, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].conditions.other[0]: a condition is shown as written in Chinese answers: "
         "write it in Chinese ('pass the')"]),
    "names a project file": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, note: see policy-rules.md, {CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].note: names a file of this project ('policy-rules'): cite documents only"]),
    "ends before it starts": (
        rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, effective_from: 2020-01-01, effective_until: 2019-01-01, "
             f"{CITE}"),
        ["ROOT/rules/bad.yaml:2: rules[0].effective_until: ends before it starts"]),
    "not a real date": (rule(f"id: b1, kind: apply, from: sk.s1, to: en.e3, effective_from: 2021-02-30, {CITE}"),
                        ["ROOT/rules/bad.yaml:2: rules[0].effective_from: not a real date: '2021-02-30'"]),
    "duplicate key": ({**TINY_FILES, "rules/bad.yaml": "rules:\n  - id: b1\n    id: b2\n    kind: apply\n"
                                                       f"    from: sk.s1\n    to: en.e3\n    {CITE}\n"},
                      ["ROOT/rules/bad.yaml:3: rules[0].id: duplicate key"]),
    "unknown YAML tag": ({**TINY_FILES, "rules/bad.yaml": "rules:\n  - !!python/object:os.system {}\n"},
                         ["ROOT/rules/bad.yaml:2: rules[0]: unknown YAML tag 'tag:yaml.org,2002:python/object:os.system'"]),
    "unknown section": ({**TINY_FILES, "rules/bad.yaml": "colours: []\n"},
                        ["ROOT/rules/bad.yaml:1: colours: unknown section (expected sources, purposes, ladders, rules, "
                         "catalogues, honours, points_schemes, layer)"]),
    "YAML syntax": ({**TINY_FILES, "rules/bad.yaml": "rules: b: c\n"},
                    ["ROOT/rules/bad.yaml:1: YAML syntax: mapping values are not allowed in this context"]),
    "a tab in YAML": ({**TINY_FILES, "rules/bad.yaml": "rules:\n\t- a\n"},
                      ["ROOT/rules/bad.yaml:2: YAML syntax: found character that cannot start any token"]),
    "YAML list not closed": ({**TINY_FILES, "rules/bad.yaml": "rules: [a, b\n"},
                             ["ROOT/rules/bad.yaml:2: YAML syntax: did not find expected ',' or ']'"]),
    "not a list": ({**TINY_FILES, "rules/bad.yaml": "sources: 3\n"}, ["ROOT/rules/bad.yaml:1: sources: expected a list"]),
    "not a mapping": ({**TINY_FILES, "rules/bad.yaml": "- a\n- b\n"},
                      ["ROOT/rules/bad.yaml:1: expected a mapping with any of: sources, purposes, ladders, rules, "
                       "catalogues, honours, points_schemes, layer"]),
    "rank not above": ({**TINY_FILES, "ladders/bad.yaml": (
        "ladders:\n  - id: zz\n    zh: 测试序列\n    en: Test\n    kind: skill_grade\n    levels:\n"
        "      - {id: a, zh: 甲, en: A, rank: 2}\n      - {id: b, zh: 乙, en: B, rank: 1}\n")},
        ["ROOT/ladders/bad.yaml:8: ladders[0].levels[1].rank: rank 1 is not above the previous level's 2 "
         "(list levels low to high)"]),
    "layer: fewer years than a national rule": (
        layer(f"  - {{id: co-up, kind: promotion, from: sk.s1, to: sk.s2, conditions: {{years_in_from: 1}}, {CITE}}}\n"),
        ["LAYER/rules.yaml:2: rules[0].to: contradicts a lower layer: 初级工 → 中级工 after 1 years in the grade where "
         "rule 'sk-up-1' (ROOT/rules/rules.yaml:4, layer national) asks 3 years in the grade; to change that rule, "
         "give this one 'replaces: sk-up-1'"]),
    "layer: replaces nothing": (
        layer(f"  - {{id: co-b, kind: apply, from: sk.s4, to: en.e3, replaces: zz, {CITE}}}\n"),
        ["LAYER/rules.yaml:2: rules[0].replaces: no rule 'zz' in a lower layer to replace"]),
    "layer: a rule id given twice": (
        layer(f"  - {{id: sk-up-1, kind: apply, from: sk.s4, to: en.e3, {CITE}}}\n"),
        ["LAYER/rules.yaml:2: rules[0].id: duplicate rule id 'sk-up-1' (first in ROOT/rules/rules.yaml, layer "
         "national); a layer replaces a lower layer's rule only with 'replaces:'"]),
    "profile: unknown key": ("holds: 技师\nfoo: 1\n", ["Error: profile PROFILE:2: foo: unknown key 'foo'"]),
    "profile: years not a number": ("holds: 技师\nwork_years: true\n",
                                    ["Error: profile PROFILE:2: work_years: input should be a valid number"]),
    "profile: too many years": ("holds: 技师\nwork_years: 100\n",
                                ["Error: profile PROFILE:2: work_years: 100 years is more than 80"]),
    "profile: empty name": ("holds: ['']\n", ["Error: profile PROFILE:1: holds[0]: string should have at least 1 character"]),
    "profile: negative score": ("holds: 技师\nscores: {a: -1}\n",
                                ["Error: profile PROFILE:2: scores.a: input should be greater than or equal to 0"]),
    "profile: duplicate key": ("holds: 技师\nholds: 高级工\n", ["Error: profile PROFILE:2: holds: duplicate key"]),
    "profile: holds a number": ("holds: [5]\n", ["Error: profile PROFILE:1: holds[0]: input should be a valid string"]),
}


def run(runner, tmp_path, case, lang: str) -> tuple[list[str], list[str]]:
    """(the problems listed, the error lines) of ``case`` in ``lang``, its folders named ROOT, LAYER, PROFILE."""
    what = CASES[case][0]
    names = {}
    if isinstance(what, str):  # a profile
        tmp_path.mkdir(parents=True, exist_ok=True)
        path = tmp_path / "profile.yaml"
        path.write_text(what, encoding="utf-8")
        names[str(path)] = "PROFILE"
        results = [runner.invoke(cli, ["check", "技师", "--profile", str(path), "--lang", lang])]
    else:
        root = write_folder(tmp_path / "m", TINY_FILES if "layer" in what else what)
        names[str(root)] = "ROOT"
        base = ["--mappings", str(root)]
        target = []
        if "layer" in what:
            target = [str(write_folder(tmp_path / "co", what["layer"]))]
            names[target[0]] = "LAYER"
        results = [runner.invoke(cli, base + ["validate", *target, "--lang", lang]),
                   runner.invoke(cli, base + [x for t in target for x in ("--layer", t)] + ["lookup", "技师", "--lang", lang])]

    def named(text: str) -> list[str]:
        for path, name in names.items():
            text = text.replace(path, name)
        return text.splitlines()

    for result in results:
        assert result.exit_code == 1, result.output
    return named(results[0].stdout), [line for r in results for line in named(r.stderr)]


@pytest.mark.parametrize("case", CASES)
def test_en_says_each_problem_as_it_always_did(runner, tmp_path, case):
    listed, errors = run(runner, tmp_path, case, "en")
    expected = CASES[case][1]
    if isinstance(CASES[case][0], str):
        assert errors == expected
        return
    assert listed == expected
    n = len(expected)
    first = expected[0] + (f" (and {n - 1} more; run 'equivalence validate')" if n > 1 else "")
    assert errors == [f"Error: {n} problem{'s' if n != 1 else ''} in the mappings",
                      f"Error: the mappings do not validate: {first}"]


# file:line: where: (a key path), and a value quoted as written: codes in both languages
_PLACE = re.compile(r"(ROOT|LAYER|PROFILE)\S*?(:\d+)?: ([A-Za-z0-9_\[\].\-]+: )?")
_QUOTED = re.compile(r"'[^']*'")


# ids a problem may name: the sections of a mapping file (its keys) and the national layer
IDS = {*SECTIONS, "national"}


def latin_words(line: str) -> list[str]:
    """The English words of a zh line, its place, key path, quoted values and ids aside."""
    return english_words(_QUOTED.sub("", _PLACE.sub("", line.removeprefix("Error: "))), "problem", None, IDS)


@pytest.mark.parametrize("case", CASES)
def test_zh_says_each_problem_in_chinese(runner, tmp_path, case):
    listed, errors = run(runner, tmp_path, case, "zh")
    assert len(listed) == (0 if isinstance(CASES[case][0], str) else len(CASES[case][1]))
    for line in listed + errors:
        assert latin_words(line) == [], line
    if listed:  # the summary, and the first problem of a query
        n = len(listed)
        first = listed[0] + (f"（另有 {n - 1} 处；请运行 'equivalence validate'）" if n > 1 else "")
        assert errors == [f"Error: 映射文件中有 {n} 处问题", f"Error: 映射文件未通过校验：{first}"]


def test_zh_pinned(runner, tmp_path):
    listed, errors = run(runner, tmp_path, "promotion going down", "zh")
    assert listed == ["ROOT/rules/bad.yaml:2: rules[0].to: 晋升须向上：'sk.s1' 不高于 'sk.s3'",
                      "ROOT/rules/bad.yaml:2: rules[0].to: 晋升成环：sk-up-1 -> sk-up-2 -> b1"]
    listed, errors = run(runner, tmp_path / "2", "layer: fewer years than a national rule", "zh")
    assert listed == ["LAYER/rules.yaml:2: rules[0].to: 与下层规则矛盾：初级工 → 中级工 要求任本等级 1 年，而规则 "
                      "'sk-up-1'（ROOT/rules/rules.yaml:4，层 national）要求任本等级 3 年；如要修改该规则，请给本规则"
                      "加上 'replaces: sk-up-1'"]
    _, errors = run(runner, tmp_path / "3", "profile: unknown key", "zh")
    assert errors == ["Error: 档案文件 PROFILE:2: foo: 未知的键 'foo'"]


def test_the_problems_of_the_shipped_code_all_have_both_languages():
    """Every message code the problem sites name (a literal code, or a (code, params) pair) has a zh
    and an en template, and its zh has no English words."""
    used = set()
    for name in ("compile", "loader", "audit", "index", "layer_conflicts", "profile_file"):
        tree = ast.parse((REPO / "equivalence" / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                used |= {k.value.value for k in node.keywords if k.arg == "code" and isinstance(k.value, ast.Constant)}
                if getattr(node.func, "attr", None) == "add" and len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
                    used.add(node.args[2].value)
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[1], ast.Dict):
                if isinstance(node.elts[0], ast.Constant) and node.elts[0].value:
                    used.add(node.elts[0].value)
    used |= {code for code in TEMPLATES if code.startswith("term_")}  # named as f"term_{kind}"
    assert len(used) > 90
    for code in sorted(used):
        assert set(TEMPLATES.get(code, {})) == {"zh", "en"}, code
        zh = re.sub(r"\{[^}]*\}", "", TEMPLATES[code]["zh"])
        assert latin_words(zh) == [], (code, zh)


def test_a_pydantic_error_without_words_of_ours_keeps_pydantics_english():
    from equivalence.loader import explain

    error = {"type": "url_parsing", "loc": ("a",), "msg": "Input should be a valid URL, empty input", "ctx": {}}
    assert explain(error) == ("schema_other", {"text": "input should be a valid URL, empty input"})
    assert render("schema_other", explain(error)[1], "zh") == "取值无效：input should be a valid URL, empty input"
    # a pydantic that words a known type otherwise keeps its own words too
    error = {"type": "string_type", "loc": ("a",), "msg": "Input must be text", "ctx": {}}
    assert explain(error) == ("schema_other", {"text": "input must be text"})


def test_a_mapping_error_keeps_its_words_through_pickle_and_says_them_in_both_languages():
    err = MappingError("a.yaml", 3, "rules[0].to", code="promotion_goes_up", high="sk.s1", low="sk.s3")
    assert str(err) == "a.yaml:3: rules[0].to: a promotion goes up: 'sk.s1' is not above 'sk.s3'"
    assert err.message == "a promotion goes up: 'sk.s1' is not above 'sk.s3'"
    assert err.said("zh") == "a.yaml:3: rules[0].to: 晋升须向上：'sk.s1' 不高于 'sk.s3'"
    back = pickle.loads(pickle.dumps(MappingErrors([err])))
    assert str(back.errors[0]) == str(err) and back.errors[0].said("zh") == err.said("zh")
    assert message(back, "zh") == "映射文件未通过校验：a.yaml:3: rules[0].to: 晋升须向上：'sk.s1' 不高于 'sk.s3'"
    # plain words (no code) are said alike in both languages, on one line
    plain = MappingError("f", None, "", "line one\nline two")
    assert str(plain) == plain.said("zh") == "f: line one\\nline two"


def test_the_web_pages_say_the_first_problem_in_the_language_asked():
    from equivalence.web.app import message_of

    errors = MappingErrors([MappingError("a.yaml", 2, "rules[0].to", code="promotion_goes_up", high="sk.s1", low="sk.s3"),
                            MappingError("b.yaml", None, "", code="not_utf8")])
    assert message_of(errors, "en") == ("the mappings do not validate: a.yaml:2: rules[0].to: a promotion goes up: "
                                        "'sk.s1' is not above 'sk.s3'")
    assert message_of(errors, "zh") == "映射文件未通过校验：a.yaml:2: rules[0].to: 晋升须向上：'sk.s1' 不高于 'sk.s3'"


def test_why_a_file_cannot_be_read_is_the_systems_words_in_english_and_ours_in_chinese():
    import errno

    from equivalence.loader import os_reason

    denied = MappingError("a.yaml", None, "", code="cannot_read_file",
                          why=os_reason(PermissionError(errno.EACCES, "Permission denied")))
    assert str(denied) == "a.yaml: cannot read: Permission denied"
    assert denied.said("zh") == "a.yaml: 无法读取：没有权限"
    other = MappingError("a.yaml", None, "", code="cannot_read_file", why=os_reason(OSError(errno.EBUSY, "Busy")))
    assert str(other) == "a.yaml: cannot read: Busy" and other.said("zh") == "a.yaml: 无法读取：Busy"
