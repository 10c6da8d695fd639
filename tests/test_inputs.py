"""Input files that must not exhaust the machine, hide each other's problems or break a message
(issue 14: items 7, 9-13, 15, 16). Each case pins the exact message."""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import pytest

from conftest import TINY_FILES, write_folder
from equivalence import index as index_module
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.errors import MappingError, MappingErrors, one_line
from equivalence.index import INDEX_FORMAT, MAGIC, load_index
from equivalence.lookup import find_equivalents
from equivalence.messages import message
from equivalence.records import Citation
from equivalence.registry import Registry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bombs_inputs import alias_bomb  # noqa: E402

C = "cite: [{source: src-off, article: a, quote: q}]"
LAYER = "layer:\n  id: co\n  zh: 公司\n  en: Co\n  scope: employer\n"
CO_SOURCE = ("sources:\n  - {id: co-src, title: 公司文件, doc_no: '', issuer: 公司, published: 2021-01-01, "
             "effective_from: 2021-01-01, status: official}\n")
CO_CITE = "cite: [{source: co-src, article: 第一条, quote: 公司原文}]"


def _errors(root, layers=()) -> list[str]:
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m", layers=layers)
    return [str(e) for e in info.value.errors]


# ------------------------------------------------------------------------------ 7 alias bombs
def test_an_alias_bomb_is_refused_fast(tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "bomb.yaml": alias_bomb()})
    t0 = time.perf_counter()
    errors = _errors(root)
    assert time.perf_counter() - t0 < 2
    assert errors == ["m/bomb.yaml:2: a1[0]: YAML aliases (*name) add more values to this file than it "
                      "holds itself, plus 10,000"]


def test_an_alias_bomb_in_a_layer_is_refused_by_validate(tmp_path, runner):
    layer = write_folder(tmp_path / "co", {"layer.yaml": LAYER, "rules.yaml": alias_bomb()})
    result = runner.invoke(cli, ["validate", str(layer), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout == (f"{layer}/rules.yaml:2: a1[0]: YAML aliases (*name) "
                             "add more values to this file than it holds itself, plus 10,000\n")


def test_a_few_aliases_are_still_read(tmp_path):
    # the shipped files share citations by alias; the values are built as written
    text = ("rules:\n  - {id: r1, kind: apply, from: sk.s1, to: en.e1, cite: &c [{source: src-off, article: a, quote: q}]}\n"
            "  - {id: r2, kind: apply, from: sk.s2, to: en.e2, cite: *c}\n")
    reg = Registry(compile_folder(write_folder(tmp_path / "m", {**TINY_FILES, "a.yaml": text})))
    assert reg.rules["r2"].cite == reg.rules["r1"].cite == (Citation(source="src-off", article="a", quote="q"),)


def test_nesting_too_deep(tmp_path):
    text = "rules: " + "[" * 40 + "]" * 40 + "\n"
    assert _errors(write_folder(tmp_path / "m", {**TINY_FILES, "deep.yaml": text})) == [
        "m/deep.yaml:1: rules[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
        "[0][0][0][0]: nested more than 32 levels deep"]


# ------------------------------------------------------------------------------ 10 mapping files
def test_an_unknown_tag_is_located_and_hides_nothing(tmp_path):
    files = {**TINY_FILES, "a.yaml": "rules: !Foo x\n",
             "b.yaml": "rules:\n  - {id: r9, kind: apply, from: sk.s1, to: en.e1, colour: red, " + C + "}\n"}
    assert _errors(write_folder(tmp_path / "m", files)) == [
        "m/a.yaml:1: rules: unknown YAML tag '!Foo'",
        "m/a.yaml:1: rules: expected a list",
        "m/b.yaml:2: rules[0].colour: unknown key 'colour'",
    ]


def test_non_finite_and_out_of_range_numbers(tmp_path):
    text = ("rules:\n"
            "  - {id: r1, kind: promotion, from: sk.s1, to: sk.s2, conditions: {years_in_from: .inf}, " + C + "}\n"
            "  - {id: r2, kind: promotion, from: sk.s1, to: sk.s2, conditions: {work_years: .nan}, " + C + "}\n"
            "  - {id: r3, kind: promotion, from: sk.s1, to: sk.s2, conditions: {years_in_from: 81}, " + C + "}\n"
            "  - {id: r4, kind: promotion, from: sk.s1, to: sk.s2, conditions: {years_in_from: 1" + "0" * 400 + "}, "
            + C + "}\n")
    assert _errors(write_folder(tmp_path / "m", {**TINY_FILES, "n.yaml": text})) == [
        "m/n.yaml:2: rules[0].conditions.years_in_from: '.inf' is not a finite number",
        "m/n.yaml:3: rules[1].conditions.work_years: '.nan' is not a finite number",
        "m/n.yaml:4: rules[2].conditions.years_in_from: 81 years is more than 80",
        "m/n.yaml:5: rules[3].conditions.years_in_from: 10000000000000000000… is out of range (at most 1,000,000)",
    ]


def test_a_bad_date_hides_nothing_else_in_its_file(tmp_path):
    text = ("rules:\n"
            "  - {id: r1, kind: apply, from: sk.s1, to: en.e1, effective_from: 2021-02-30, " + C + "}\n"
            "  - {id: r2, kind: apply, from: sk.s1, to: en.e1, colour: red, " + C + "}\n"
            "  - {id: r3, kind: apply, from: sk.s1, to: en.e9, " + C + "}\n")
    assert _errors(write_folder(tmp_path / "m", {**TINY_FILES, "d.yaml": text})) == [
        "m/d.yaml:2: rules[0].effective_from: not a real date: '2021-02-30'",
        "m/d.yaml:3: rules[1].colour: unknown key 'colour'",
        # the cross-file checks run on what did validate, alongside the problems above
        "m/d.yaml:4: rules[2].to[0]: unknown level 'en.e9'",
    ]


def test_a_reference_to_a_record_that_failed_is_not_reported_twice(tmp_path):
    files = {**TINY_FILES,
             "s.yaml": "sources:\n  - {id: s9, title: T, issuer: I, effective_from: 2020, status: rumour}\n",
             "r.yaml": "rules:\n  - {id: r1, kind: apply, from: sk.s1, to: en.e1, "
                       "cite: [{source: s9, article: a, quote: q}]}\n"}
    assert _errors(write_folder(tmp_path / "m", files)) == [
        "m/s.yaml:2: sources[0].status: 'rumour' is not one of 'official', 'secondary' or 'unverified'"]


def test_keys_must_be_text(tmp_path):
    assert _errors(write_folder(tmp_path / "m", {**TINY_FILES, "k.yaml": "? [a]\n: 1\n"})) == [
        "m/k.yaml:1: a key must be plain text"]


# ------------------------------------------------------------------------------ 11 layer folders
def test_a_folder_that_is_not_a_layer_is_refused_before_it_is_read(tmp_path, runner):
    t0 = time.perf_counter()
    result = runner.invoke(cli, ["--layer", "/", "lookup", "技师", "--lang", "en"])
    assert time.perf_counter() - t0 < 2
    assert result.exit_code == 1
    assert result.stderr == "Error: the mappings do not validate: /: not a layer: it has no layer.yaml\n"


def test_a_mappings_folder_that_is_the_whole_disk_is_refused(runner):
    t0 = time.perf_counter()
    result = runner.invoke(cli, ["--mappings", "/", "lookup", "技师", "--lang", "en"])
    assert time.perf_counter() - t0 < 5
    assert result.stderr == ("Error: the mappings do not validate: /: more than 1,000 folders or 10,000 files: "
                             "not a folder of mapping files\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_only_regular_files_inside_the_layer_are_read(tmp_path):
    layer = write_folder(tmp_path / "co", {"layer.yaml": LAYER + CO_SOURCE})
    os.mkfifo(layer / "pipe.yaml")
    outside = tmp_path / "secret.yaml"
    outside.write_text("rules: []\n", encoding="utf-8")
    (layer / "link.yaml").symlink_to(outside)
    (layer / "data.txt").write_text("rules: []\n", encoding="utf-8")
    (layer / "inner.yaml").symlink_to(layer / "data.txt")  # a link inside the folder is read
    national = write_folder(tmp_path / "m", TINY_FILES)
    with pytest.raises(MappingErrors) as info:
        compile_folder(national, display_root="m", layers=[layer])
    assert [str(e) for e in info.value.errors] == [
        f"{layer}/link.yaml: not a regular file inside the folder (a link out of it, a pipe …); not read",
        f"{layer}/pipe.yaml: not a regular file inside the folder (a link out of it, a pipe …); not read",
    ]


# ------------------------------------------------------------------------------ 12 scale
def test_lookup_is_linear_in_rules_between_the_same_two_levels(tiny):
    """8,000 rules from 技师 to 技术工二级: quadratic, this took minutes; linear, well under a second."""
    index = dict(tiny.index, rules=dict(tiny.index["rules"]), out={k: list(v) for k, v in tiny.index["out"].items()},
                 **{"in": {k: list(v) for k, v in tiny.index["in"].items()}})
    template = tiny.rules["s4-post-ws"]
    for i in range(8_000):
        rid = f"many-{i}"
        index["rules"][rid] = template._replace(id=rid, to=("ws.w2",))
        index["out"]["sk.s4"].append(rid)
        index["in"]["ws.w2"].append(rid)
    reg = Registry(index)
    t0 = time.perf_counter()
    results = find_equivalents(reg, "技师", to=["工勤技能岗位"], direction="out").results
    assert time.perf_counter() - t0 < 3
    assert len(results) == 8_000 + 2  # one per rule (each its own clause), and the tiny folder's two


# ------------------------------------------------------------------------------ 13 cache
def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.name.startswith("index-") and p.name.count("-") == 1)


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "format", "old-pickle", "keyerror"])
def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(tmp_path / "cache"))
    root = write_folder(tmp_path / "m", TINY_FILES)
    good = load_index(root)
    entry = _entries(tmp_path / "cache")[0]
    data = entry.read_bytes()
    payload = pickle.dumps({**{k: v for k, v in good.items() if k != "catalogue"}, "format": INDEX_FORMAT - 1})
    broken = {
        "flip": data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 0x10]) + data[len(data) // 2 + 1:],
        "truncate": data[:len(data) // 3],
        "garbage": b"\xff" * 100,
        "format": MAGIC + __import__("zlib").crc32(payload).to_bytes(4, "big") + payload,
        "old-pickle": pickle.dumps(good),  # an entry of a version before the checksum
        "keyerror": MAGIC + __import__("zlib").crc32(b"x").to_bytes(4, "big") + b"x",
    }[damage]
    entry.write_bytes(broken)
    again = load_index(root)
    assert again["rules"] == good["rules"] and again["format"] == INDEX_FORMAT
    assert entry.read_bytes() != broken  # rewritten


def test_the_cache_is_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(tmp_path / "cache"))
    for i in range(index_module.MAX_ENTRIES + 3):
        root = write_folder(tmp_path / f"m{i}", {**TINY_FILES, "extra.yaml": f"# version {i}\n"})
        load_index(root)
    assert len(_entries(tmp_path / "cache")) == index_module.MAX_ENTRIES
    stale = tmp_path / "cache" / ".tmp-left-by-a-kill"
    stale.write_bytes(b"x")
    os.utime(stale, (0, 0))
    load_index(write_folder(tmp_path / "new", {**TINY_FILES, "extra.yaml": "# new\n"}))
    assert not stale.exists()


# ------------------------------------------------------------------------------ 15 one line
def test_one_line_escapes_control_characters():
    assert one_line("a\nb\r\tc\x1b[31m\x85\u2028中文") == "a\\nb\\r\\tc\\x1b[31m\\x85\\u2028中文"


@pytest.mark.parametrize("args, expected", [
    (["lookup", "技\n师\x1b[2J"], "Error: unknown level '技\\n师\\x1b[2J'"),
    (["lookup", "技师", "--as-of", "2020\r\n01"],
     "Error: Invalid value for '--as-of': '2020\\r\\n01' is not a date "
         "(YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or a month: YYYY-MM)"),
    (["--layer", "a\nb", "lookup", "技师"],
     "Error: Invalid value for '--layer': 'a\\nb' is neither a folder nor a shipped layer (see 'equivalence layers')"),
])
def test_cli_messages_are_one_line(runner, args, expected):
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code in (1, 2)
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [expected]
    assert result.stderr.splitlines()[-1] == expected


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "a\nb.yaml": "rules: {}\n"})
    assert _errors(root) == ["m/a\\nb.yaml:1: rules: expected a list"]
    assert str(MappingError("f", 2, "x", "line one\nline two")) == "f:2: x: line one\\nline two"


def test_yaml_syntax_errors_are_one_line(tmp_path):
    assert _errors(write_folder(tmp_path / "m", {**TINY_FILES, "s.yaml": "rules: [\n"})) == [
        "m/s.yaml:2: YAML syntax: did not find expected node content"]


# ------------------------------------------------------------------------------ 16 contradictions
def _co(rules: str) -> dict:
    return {"layer.yaml": LAYER + CO_SOURCE, "rules.yaml": "rules:\n" + rules}


def test_a_layer_rule_that_contradicts_a_national_one_is_refused(tmp_path):
    national = write_folder(tmp_path / "m", TINY_FILES)
    layer = write_folder(tmp_path / "co", _co(
        "  - {id: co-fast, kind: promotion, from: sk.s1, to: sk.s2, " + CO_CITE + "}\n"
        "  - {id: co-high, kind: counts_as, from: sk.s3, to: en.e4, " + CO_CITE + "}\n"))
    assert _errors(national, [layer]) == [
        f"{layer}/rules.yaml:2: rules[0].to: contradicts a lower layer: 初级工 → 中级工 after 0 years in the grade "
        "where rule 'sk-up-1' (m/rules/rules.yaml:4, layer national) asks 3 years in the grade; to change that "
        "rule, give this one 'replaces: sk-up-1'",
        # 高级工 ranks below 技师, which may apply for 工程师 only after 3 years (and more)
        f"{layer}/rules.yaml:3: rules[1].to: contradicts a lower layer: 高级工 → 高级工程师 gives more, asking no "
        "more, than rule 'bridge-s4-e3' (m/rules/rules.yaml:15, layer national) gives 技师 → 工程师; to change "
        "that rule, give this one 'replaces: bridge-s4-e3'",
    ]


def test_replacing_or_asking_for_more_is_no_contradiction(tmp_path):
    national = write_folder(tmp_path / "m", TINY_FILES)
    layer = write_folder(tmp_path / "co", _co(
        "  - {id: co-fast, kind: promotion, from: sk.s1, to: sk.s2, replaces: sk-up-1, " + CO_CITE + "}\n"
        "  - {id: co-honour, kind: apply, from: sk.s3, to: en.e4, conditions: {other: [破格]}, " + CO_CITE + "}\n"
        "  - {id: co-slow, kind: apply, from: sk.s3, to: en.e4, conditions: {years_in_from: 9}, " + CO_CITE + "}\n"))
    index = compile_folder(national, layers=[layer])
    assert {"co-fast", "co-honour", "co-slow"} <= set(index["rules"])


# ------------------------------------------------------------------------------ 9 profiles, scores
@pytest.mark.parametrize("text, expected", [
    ("holds: [高级工]\nwork_years: true\n", "profile {p}:2: work_years: input should be a valid number"),
    ("holds: 5\n", "profile {p}:1: holds: input should be a valid list"),
    ("education: [大专]\n", "profile {p}:1: education: input should be a valid string"),
    ("scores: [1]\n", "profile {p}:1: scores: input should be a valid dictionary"),
    ("as_of: 2026-02-30\n", "profile {p}:1: as_of: not a real date: '2026-02-30'"),
    ("work_years: .nan\n", "profile {p}:1: work_years: '.nan' is not a finite number"),
    ("work_years: 1" + "0" * 400 + "\n",
     "profile {p}:1: work_years: 10000000000000000000… is out of range (at most 1,000,000)"),
    ("work_years: 99\n", "profile {p}:1: work_years: 99 years is more than 80"),
    ("holds: [高级工]\nholds: [技师]\n", "profile {p}:2: holds: duplicate key"),
    ("scores: {performance: .nan}\n", "profile {p}:1: scores.performance: '.nan' is not a finite number"),
    ("holds: " + "[" * 2000 + "]" * 2000 + "\n", "profile {p}:1: YAML syntax: exceeded maximum nesting depth"),
    ("colour: red\n", "profile {p}:1: colour: unknown key 'colour'"),
    # a date written as the README allows but unquoted is a YAML number: said so, not "at most 1,000,000"
    ("as_of: 20190701\n", "profile {p}:1: as_of: 20190701 is read as a number, not a date; write it as "
                          "2019-07-01, or in quotes: '20190701'"),
    ("as_of: 2019.07\n", "profile {p}:1: as_of: 2019.07 is read as a number, not a date; write it as "
                         "2019-07-01, or in quotes: '2019.07'"),
    ("- a\n", "profile {p}: expected a mapping"),
    (alias_bomb(), "profile {p}:2: a1[0]: YAML aliases (*name) add more values to this file than it "
                   "holds itself, plus 10,000"),
])
def test_bad_profile_files(real, tmp_path, text, expected):
    from equivalence.profile import ProfileError, load_profile

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(real, str(path))
    assert str(info.value) == expected.format(p=path)


@pytest.mark.parametrize("raw, expected", [
    ("holds: [高级工@2020-01-01]\n".encode("utf-16"), None),
    ("holds: [高级工@2020-01-01]\n".encode("gbk"), None),
    ("\ufeffholds: [高级工@2020-01-01]\n".encode("utf-8"), None),
    (bytes(range(256)) * 4, "profile {p}: not text (save it as UTF-8)"),
    (b"holds:\n" + b"  - x\n" * 200_000, "profile {p}: larger than 1 MB"),
])
def test_profile_encodings_and_size(real, tmp_path, raw, expected):
    from equivalence.profile import ProfileError, load_profile

    path = tmp_path / "p.yaml"
    path.write_bytes(raw)
    if expected is None:
        assert load_profile(real, str(path), as_of="2024-01-01").holdings[0].level == "skill.senior"
        return
    t0 = time.perf_counter()
    with pytest.raises(ProfileError) as info:
        load_profile(real, str(path))
    assert time.perf_counter() - t0 < 2
    assert str(info.value) == expected.format(p=path)


@pytest.mark.parametrize("text, expected", [
    ("performance: .nan\n", "scores {p}:1: performance: '.nan' is not a finite number"),
    ("performance: true\n", "scores {p}:1: performance: input should be a valid number"),
    ("performance: -1\n", "scores {p}:1: performance: input should be greater than or equal to 0"),
    ("[1]\n", "scores {p}: expected a mapping"),
])
def test_bad_scores_files(tmp_path, text, expected):
    from equivalence.profile import ProfileError, load_scores

    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_scores(str(path))
    assert str(info.value) == expected.format(p=path)


def test_check_scores_refuses_what_is_no_count():
    from equivalence.profile import ProfileError, check_scores

    assert check_scores({"a": 2, "b": 0.5}) == {"a": 2, "b": 0.5}
    for bad in (float("nan"), float("inf"), True, -1, "2"):
        with pytest.raises(ProfileError):
            check_scores({"a": bad})


def test_files_too_large_are_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "MAX_FILE_BYTES", 20_000)
    monkeypatch.setattr(index_module, "MAX_FOLDER_BYTES", 100_000)
    files = {**TINY_FILES, "big.yaml": "# " + "x" * 30_000 + "\n", "z/more.yaml": "#\n" * 45_000}
    assert _errors(write_folder(tmp_path / "m", files)) == [
        "m/big.yaml: larger than 20,000 bytes",
        "m/z/more.yaml: the folder's files are larger than 100,000 bytes together; this one and the next not read",
    ]


@pytest.mark.parametrize("text, zh, en", [
    # a control character: PyYAML's reader error, with no line and its own internals after a line break
    ("holds: [技师]\neducation: \x07\n", "档案文件 {p}:2: YAML 语法错误：不允许的字符 U+0007（控制字符）",
     "profile {p}:2: YAML syntax: character U+0007 is not allowed (a control character)"),
    # libyaml's own words, left in English in a Chinese answer
    ("holds: [技师\n", None, None),  # (already said in Chinese: a bracket left open, at its end)
    ("holds: [\n", "档案文件 {p}:2: YAML 语法错误：缺少应有的值（括号没有闭合？）",
     "profile {p}:2: YAML syntax: did not find expected node content"),
    ('education: "\\ud800"\n', "档案文件 {p}:1: YAML 语法错误：无效的字符转义（如 \\ud800）",
     "profile {p}:1: YAML syntax: found invalid Unicode character escape code"),
    ('education: "\\q"\n', "档案文件 {p}:1: YAML 语法错误：未知的转义字符（双引号中的 \\）",
     "profile {p}:1: YAML syntax: found unknown escape character"),
    ("education: 本科\n\twork_years: 3\n", "档案文件 {p}:2: YAML 语法错误：制表符破坏了缩进（请用空格缩进）",
     "profile {p}:2: YAML syntax: found a tab character that violates indentation"),
    ("holds: [技师]\n---\nholds: [高级工]\n", "档案文件 {p}:2: YAML 语法错误：文件中有不止一个文档（---）",
     "profile {p}:2: YAML syntax: but found another document"),
])
def test_yaml_syntax_errors_are_one_line_in_the_language_asked(real, tmp_path, text, zh, en):
    import re

    from equivalence.profile import ProfileError, load_profile

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(real, str(path))
    said = message(info.value, "zh")
    assert "\n" not in said and "\\n" not in said and "<unicode string>" not in said
    assert not re.search(r"语法错误：[a-z ]+$", said)  # no English words after the Chinese label
    if zh:
        assert said == zh.format(p=path)
        assert str(info.value) == en.format(p=path)
