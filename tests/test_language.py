"""zh output is Chinese, en output English: every answer of the README tour and a sample of every
command, in both languages. In zh, a Latin word is allowed only as an id, a code or an option (it
has a dot, hyphen, underscore, colon, slash or digit, or is all capitals); in en, Chinese only as a
name, a title, a 文号 or a quote (the data holds no English for those; a rule's conditions in words
have their English form). Tables are laid out unwrapped, so that a wrapped id is not read as a word."""

from __future__ import annotations

import re

import pytest

from equivalence.cli import cli

ACME = "mappings/examples/acme"
SAMPLES = {
    # the README tour
    "ladders": ["ladders"],
    "levels": ["levels", "职业技能等级"],
    "lookup": ["lookup", "高级技师", "--to", "工程技术", "--to", "职称层级", "--to", "工勤技能岗位"],
    "lookup-all": ["lookup", "技师"],
    "lookup-occupation": ["lookup", "电工:技师", "--to", "工程技术"],
    "show": ["show", "bridge-96-technician-to-intermediate"],
    "show-treated": ["show", "bridge-96-treated-technician-as-intermediate"],
    "sources": ["sources"],
    "search": ["search", "gjgcs"],
    "search-code": ["search", "6-31-01", "--limit", "4"],
    "path": ["path", "高级工", "高级工程师", "--education", "大专", "--as-of", "2026-12-01"],
    "check": ["check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", "2026-12-01"],
    "compare": ["compare", "特级技师", "高级工程师"],
    "compare-treated": ["compare", "技师", "工程师"],  # a condition in words on one side
    "routes-into": ["routes-into", "工程师"],
    "layers": ["layers"],
    "path-region": ["--region", "广东", "path", "技师@2022-01-01", "特级技师", "--honour", "全国技术能手",
                    "--as-of", "2025-06-01"],
    "points": ["--layer", ACME, "points", "--holds", "acme_s.s4@2023-01-01", "--in-post", "acme_s.s4", "--holds",
               "高级工@2022-01-01", "--work-years", "6", "--scores", f"{ACME}/scores.example", "--as-of", "2025-09-01"],
    "diff": ["diff", "--as-of", "2021-06-30", "--as-of", "2022-06-30"],
    "export": ["export", "--format", "mermaid"],
    # more of each command
    "compare-none": ["compare", "高级工", "一级巡视员"],
    "levels-posts": ["levels", "工勤技能岗位"],
    "check-held": ["check", "技师", "--holds", "技师", "--as-of", "2026-12-01"],
    "routes-into-entry": ["routes-into", "初级工"],  # 'aged 16 or over (年满16周岁)' in the mappings
    "lookup-in": ["lookup", "中级", "--direction", "in", "--to", "职业技能等级"],
    # rules with conditions in words (other): each in the language asked
    "lookup-to-other": ["lookup", "技师", "--to", "职称层级"],  # 96号: years set by the province; 各类企业
    "lookup-exam": ["lookup", "一级建造师", "--to", "职称层级"],  # 通过全国统一考试取得
    "check-all": ["check", "特级技师", "--holds", "高级技师:5", "--all", "--as-of", "2026-12-01"],  # 评聘
    "check-region-all": ["--region", "广东", "check", "特级技师", "--holds", "技师@2022-01-01", "--honour",
                         "全国技术能手", "--all", "--as-of", "2026-12-01"],
    "path-region-later": ["--region", "广东", "path", "技师@2022-01-01", "特级技师", "--honour", "全国技术能手",
                          "--as-of", "2026-12-01"],
    "routes-into-appointed": ["routes-into", "特级技师"],
    "show-province-years": ["show", "bridge-96-senior-technician-to-associate-senior"],
    "show-paraphrase": ["show", "qual-constructor-first-class-16"],  # an article known only as a paraphrase
}
BILINGUAL = {"ladders", "levels", "levels-posts", "layers"}  # lists showing both names on purpose
MERMAID = {"flowchart", "subgraph", "end", "apply", "treated_as", "counts_as", "post", "derived", "promotion"}
LATIN = re.compile(r"(?<![-\w])[A-Za-z][A-Za-z0-9_.\-:/@+]*")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@pytest.fixture(scope="module")
def acme():
    from equivalence.registry import Registry

    return Registry.load(layers=[ACME])


@pytest.fixture(scope="module")
def ids(acme):
    """Every id and code a zh answer may show: ladders, levels, rules, sources, purposes, layers, kinds."""
    from equivalence.index import available_layers
    from equivalence.models import LADDER_KINDS

    found = set(acme.ladders) | set(acme.rules) | set(acme.sources) | set(acme.purposes)
    found |= {lev.id for lev in acme.levels.values()} | {x["id"] for x in available_layers()} | {"national"} | set(LADDER_KINDS)
    return found


@pytest.fixture(scope="module")
def data_text(real, acme):
    """Texts of the data that have no other language: names, titles, 文号, quotes (a rule's conditions
    in words have an English form, and are not among them)."""
    from equivalence.index import available_layers

    from equivalence.registry import Registry

    texts = [x["zh"] for x in available_layers()] + ["全国"]
    for real in (real, acme, Registry.load(region="广东")):  # the region samples' documents too
        texts += _texts(real)
    return "\n".join(texts)


def _texts(real):
    texts = []
    for lev in real.levels.values():
        texts += [lev.zh, *lev.aliases]
    texts += [lad.zh for lad in real.ladders.values()]
    for table in (real.index.get("honours", {}), real.index.get("points_schemes", {})):
        texts += [x["zh"] for x in table.values()]
    for scheme in real.index.get("points_schemes", {}).values():
        texts += [i["zh"] for i in scheme["items"]]
    for occ in real.catalogue["occupations"].values():
        texts += [occ["zh"], *occ["aliases"]]
    for src in real.sources.values():
        texts += [src.title, src.doc_no or "", src.issuer or ""]
    for rule in real.rules.values():
        texts += [c.quote for c in rule.cite] + [c.article for c in rule.cite]
        texts += CJK.findall(rule.note or "")  # a note (English) may quote the document it cites
    return texts


def render(runner, monkeypatch, args, lang):
    monkeypatch.setattr("equivalence.textable.wrap_cell", lambda text, width: text)
    result = runner.invoke(cli, [*args, "--lang", lang])
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def english_words(out: str, name: str, real, ids) -> list[str]:
    if name == "show" or name.startswith("show-"):
        for rule in real.rules.values():  # the mappings' own notes (English), shown as written
            for text in [rule.note or ""]:
                if text:
                    out = out.replace(text, "")
    if name in BILINGUAL:
        from equivalence.index import available_layers

        names = [x.en for table in (real.ladders, real.levels) for x in table.values()]
        names += [x["en"] for x in available_layers()] + ["National"]
        for text in sorted(set(names), key=len, reverse=True):  # 'Journalism (news editors)' before 'Journalism'
            out = out.replace(text, "")
    words = []
    for m in LATIN.finditer(out):
        word = m.group()
        if (re.search(r"[._\-:/@0-9]", word) or word.isupper() or word in ids
                or out[max(0, m.start() - 2):m.start()] == "--"):
            continue
        if name == "export" and word in MERMAID:
            continue
        words.append(word)
    return sorted(set(words))


@pytest.mark.parametrize("name", SAMPLES)
def test_zh_output_has_no_english(runner, monkeypatch, real, ids, name):
    assert english_words(render(runner, monkeypatch, SAMPLES[name], "zh"), name, real, ids) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_en_output_has_chinese_only_in_names(runner, monkeypatch, data_text, notes, name):
    out = render(runner, monkeypatch, SAMPLES[name], "en")
    assert sorted({run for run in CJK.findall(out) if run not in data_text}) == []
    for note in notes:  # the mappings' own notes, shown as written (they may quote a document)
        out = out.replace(note, "")
    assert WIDE_PUNCTUATION_IN_ENGLISH.findall(out) == []


# A full-width mark (；：，（）、 …, but not the 《》 round a document's title) touching English words:
# Chinese punctuation in English text. (One between Chinese names is the data's own.)
WIDE_PUNCTUATION_IN_ENGLISH = re.compile(r"[A-Za-z)\]][\u3000-\u3009\u300c-\u303f\uff00-\uffef]"
                                         r"|[\u3000-\u3009\u300c-\u303f\uff00-\uffef] ?[A-Za-z(]")


@pytest.fixture(scope="module")
def notes(real, acme):
    from equivalence.registry import Registry

    return sorted({rule.note for reg in (real, acme, Registry.load(region="广东")) for rule in reg.rules.values()
                   if rule.note}, key=len, reverse=True)


def test_roster_in_english_adds_no_chinese(runner, monkeypatch, data_text, tmp_path):
    # levels given by id, so that every Chinese character of the output comes from the answer's columns
    staff = tmp_path / "staff.csv"
    staff.write_text("id,holds,education,work_years,target\n"
                     "E1,skill.senior_technician:3,edu.junior_college,20,skill.chief_technician\n"
                     "E2,skill.technician@2022-01-01,edu.bachelor,10,tier.intermediate\n", encoding="utf-8")
    out = render(runner, monkeypatch, ["--region", "广东", "roster", str(staff), "--to", "职称层级",
                                       "--as-of", "2026-12-01"], "en")
    assert "Special-grade technician (by appointment)@2026-12-01[gd-special-technician-from-senior-technician]" in out
    assert sorted({run for run in CJK.findall(out) if run not in data_text}) == []
    assert WIDE_PUNCTUATION_IN_ENGLISH.findall(out) == []


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_conditions_in_words_follow_the_language_in_data_formats(runner, fmt):
    # the JSON shape is the same in both languages (a list of strings); the words are those asked for
    zh, en = "各类企业（本条针对企业）", "enterprises of all kinds (the clause addresses enterprises)"
    args = ["lookup", "技师", "--to", "职称层级", "--format", fmt, "--lang"]
    out = {lang: runner.invoke(cli, [*args, lang]).stdout for lang in ("zh", "en")}
    assert zh in out["zh"] and en not in out["zh"]
    assert en in out["en"] and zh not in out["en"]
    if fmt == "json":
        import json

        others = {lang: [c["other"] for r in json.loads(text)["results"] for c in r["conditions"] if "other" in c]
                  for lang, text in out.items()}
        assert others["zh"] and [len(o) for o in others["zh"]] == [len(o) for o in others["en"]]
        assert all(isinstance(t, str) for o in others["en"] for t in o)


# -- errors: said in the language asked (the library's codes, rendered by equivalence.messages) ----
ERRORS = {
    "unknown-level": ["lookup", "不存在的等级"],
    "unknown-suggest": ["lookup", "高级"],
    "occupation-alone": ["lookup", "焊工"],
    "occupation-grade": ["lookup", "焊工:工程师"],
    "occupation-group": ["lookup", "6-31-01:高级工"],
    "unknown-prefix": ["lookup", "维修电工:技师"],
    "in-ladder": ["lookup", "职业技能等级:九级"],
    "ambiguous": ["lookup", "三级"],
    "short-form": ["lookup", "初级职称"],
    "unknown-ladder": ["lookup", "技师", "--to", "nowhere"],
    "unknown-rule": ["show", "no-such-rule"],
    "unknown-purpose": ["lookup", "技师", "--purpose", "fun"],
    "not-in-force": ["lookup", "特级技师", "--as-of", "2021-06-01"],
    "years-text": ["check", "技师", "--holds", "高级工:abc"],
    "years-negative": ["check", "技师", "--holds", "技师:-1"],
    "work-years-nan": ["check", "技师", "--holds", "高级工", "--work-years", "nan"],
    "after-plan-date": ["path", "--holds", "技师@2030-01-01", "高级技师", "--as-of", "2024-01-01"],
    "not-education": ["check", "技师", "--holds", "高级工", "--education", "技师"],
    "unknown-honour": ["path", "特级技师", "--holds", "技师", "--honour", "火星奖"],
    "date-shape": ["check", "技师", "--holds", "高级工@yesterday"],
    "date-no-such-day": ["check", "技师", "--holds", "高级工@2019/13/01"],
    "date-range": ["check", "技师", "--holds", "高级工@1900-01-01"],
    "not-a-tier": ["path", "--holds", "技师", "--to-tier", "高级工程师"],
    "range-across": ["path", "--holds", "技师", "专业技术岗位:七级..管理岗位:三级职员"],
    "no-scheme": ["points", "--holds", "技师@2020-01-01"],
    "unknown-scheme": ["--layer", ACME, "points", "--scheme", "nope", "--holds", "S3"],
    "profile-not-mapping": ["check", "技师", "--profile", "examples/staff.csv"],
    "scores-not-regular": ["--layer", ACME, "points", "--holds", "S3", "--scores", "/dev/null"],
    "unknown-region": ["--region", "火星", "lookup", "技师"],
    "roster-format": ["roster", "examples/staff.csv", "-o", "out.txt"],
}
QUOTED = re.compile(r"'[^']*'")  # what the user typed, echoed as typed


def error_line(runner, args, lang) -> str:
    result = runner.invoke(cli, [*args, "--lang", lang])
    assert result.exit_code == 1, result.output + result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ")  # the prefix scripts look for, in both languages
    return re.sub(r"\.(csv|xlsx|jsonl)\b", "", QUOTED.sub("", line.removeprefix("Error: ")))  # file types


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_zh_errors_are_chinese(runner, real, ids, name):
    text = error_line(runner, ERRORS[name], "zh")
    assert CJK.search(text), text
    assert english_words(text, name, real, ids) == [], text


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_en_errors_are_english(runner, data_text, name):
    text = error_line(runner, ERRORS[name], "en").replace("YYYY年M月D日", "")  # a date shape as people type it
    assert sorted({run for run in CJK.findall(text) if run not in data_text + "职业分类大典"}) == [], text


def test_the_english_of_each_error_is_its_python_text():
    """The messages table's English is the library's str(exc): one text, whether asked in Python or
    on the command line."""
    from equivalence.errors import EquivalenceError
    from equivalence.messages import message
    from equivalence.registry import Registry

    reg = Registry.load()
    for name in ("焊工", "三级", "维修电工:技师", "焊工:工程师"):
        with pytest.raises(EquivalenceError) as info:
            reg.level(name)
        assert message(info.value, "en") == str(info.value)
        assert message(info.value, "zh") != str(info.value)


def test_errors_under_json_are_in_the_language_asked(runner):
    import json

    for lang, text in (("zh", "未知等级 '不存在'"), ("en", "unknown level '不存在'")):
        result = runner.invoke(cli, ["lookup", "不存在", "--format", "json", "--lang", lang])
        error = json.loads(result.stderr)["error"]
        assert (error["type"], error["message"]) == ("unknown_level", text)  # the type is a code, in English


def test_roster_errors_and_summary_in_both_languages(runner, tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("id,holds,work_years\n1,技师@2020-13-01,\n2,不存在的等级,\n3,技师,多年\n4,技师,\n", encoding="utf-8")
    said = {}
    for lang in ("zh", "en"):
        result = runner.invoke(cli, ["roster", str(src), "--as-of", "2026-12-01", "--lang", lang])
        assert result.exit_code == 1
        said[lang] = [r.rsplit(",", 1)[-1] for r in result.stdout.splitlines()[1:]], result.stderr.splitlines()[-1]
    assert said["zh"] == (["'技师@2020-13-01' 中的日期不存在：'2020-13-01'（没有这个日期）", "未知等级 '不存在的等级'",
                           "工作年限 '多年' 不是数字", ""], "Error: 共 4 行，其中 3 行无法处理（第 2、3、4 行；见 error 列）")
    assert said["en"] == (["'2020-13-01' is not a date in '技师@2020-13-01': no such date", "unknown level '不存在的等级'",
                           "work_years '多年' is not a number", ""],
                          "Error: 3 of 4 rows could not be processed (rows 2, 3, 4; see the error column)")


def test_validate_says_its_summary_in_both_languages(runner, tmp_path):
    from conftest import TINY_FILES, write_folder

    root = write_folder(tmp_path / "m", {**TINY_FILES, "b.yaml": "sources: 3\n"})
    assert runner.invoke(cli, ["validate", str(root)]).stderr == "Error: 映射文件中有 1 处问题\n"
    assert runner.invoke(cli, ["validate", str(root), "--lang", "en"]).stderr == "Error: 1 problem in the mappings\n"
    result = runner.invoke(cli, ["--mappings", str(root), "lookup", "技师"])
    assert result.stderr.startswith(f"Error: 映射文件未通过校验：{root}/b.yaml:1: ")


# -- usage errors (exit 2): click's words and ours, in the language asked -----------------------------
USAGE = {
    "no-such-option": ["lookup", "技师", "--bogus"],
    "did-you-mean-option": ["lookup", "技师", "--kinds", "apply"],
    "no-such-command": ["lookpu", "技师"],
    "missing-argument": ["lookup"],
    "not-a-number": ["path", "技师", "--work-years", "abc"],
    "not-a-choice": ["lookup", "技师", "--kind", "foo"],
    "search-kind": ["search", "x", "--kind", "foo"],
    "extra-argument": ["lookup", "技师", "extra"],
    "needs-a-value": ["lookup", "技师", "LANG", "--to"],
    "region-twice": ["--region", "广东", "--region", "江苏", "lookup", "技师"],
    "no-layer": ["--layer", "nowhere", "lookup", "技师"],
    "as-of-no-such-day": ["path", "技师", "--as-of", "2020-13-01"],
    "columns": ["roster", "examples/staff.csv", "--columns", "bad"],
    "schema": ["schema", "nope"],  # no --lang: said in zh, the default
    "target-and-tier": ["path", "技师", "高级技师", "--to-tier", "中级"],
    "from-target": ["path", "技师", "高级技师", "特级技师"],
    "diff-once": ["diff", "--as-of", "2020-01-01"],
}


def usage_lines(runner, args, lang) -> list[str]:
    """The lines of a usage error, zh by default, en by ``--lang en`` where LANG stands (else at the end)."""
    asked = ["--lang", "en"] if lang == "en" else []
    args = [*args, "LANG"] if "LANG" not in args else args
    args = [x for a in args for x in (asked if a == "LANG" else [a])]
    result = runner.invoke(cli, args, prog_name="equivalence")
    assert result.exit_code == 2, result.output + result.stderr
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines[-1].startswith("Error: ")  # the prefix scripts look for, in both languages
    return [re.sub(r"\.(csv|xlsx|jsonl)\b", "", QUOTED.sub("", line.removeprefix("Error: "))) for line in lines]


@pytest.mark.parametrize("name", sorted(USAGE))
def test_zh_usage_errors_are_chinese(runner, real, ids, name):
    from equivalence.cli_worker import SEARCH_KINDS
    from equivalence.models import RULE_KINDS
    from equivalence.rostercolumns import FIELDS
    from equivalence.schemas import names

    # codes (kinds, roster fields, schema names), and what the user typed
    ids = ids | set(RULE_KINDS) | set(FIELDS) | set(names()) | set(SEARCH_KINDS.names) | set(USAGE[name])
    lines = usage_lines(runner, USAGE[name], "zh")
    assert CJK.search(lines[-1]), lines
    if lines[0].startswith("用法："):  # the usage line: the command as typed, then its options and arguments
        assert re.fullmatch(r"用法： equivalence( [a-z-]+)? \[OPTIONS\].*", lines[0]), lines
        lines = lines[1:]
    assert [english_words(line, name, real, ids) for line in lines] == [[] for _ in lines], lines
    assert not lines[-1].endswith("."), lines  # click's own full stop, set right


@pytest.mark.parametrize("name", sorted(set(USAGE) - {"schema"}))
def test_en_usage_errors_are_english(runner, data_text, name):
    lines = usage_lines(runner, USAGE[name], "en")
    assert sorted({run for line in lines for run in CJK.findall(line) if run not in data_text}) == [], lines


def test_a_usage_error_says_what_click_says_in_english(runner):
    """The Chinese is click's message, translated: the usage line, the hint and the message."""
    zh = runner.invoke(cli, ["lookup", "技师", "--kinds", "apply"], prog_name="equivalence").stderr
    en = runner.invoke(cli, ["lookup", "技师", "--kinds", "apply", "--lang", "en"], prog_name="equivalence").stderr
    assert zh == ("用法： equivalence lookup [OPTIONS] LEVEL\n运行 'equivalence lookup --help' 查看帮助。\n\n"
                  "Error: 没有选项 '--kinds'。是否要用 '--kind'？\n")
    assert en == ("Usage: equivalence lookup [OPTIONS] LEVEL\nTry 'equivalence lookup --help' for help.\n\n"
                  "Error: No such option '--kinds'. Did you mean '--kind'?\n")


def test_click_speaks_english_again_after_a_command():
    """The Chinese words are put in place for one command only: the library and a later English run
    see click as it was."""
    import click.exceptions

    from equivalence.cli_words import speaking

    original = click.exceptions._
    with speaking("zh"):
        assert click.exceptions._("No such option {name!r}.") == "没有选项 {name!r}。"
    assert click.exceptions._ is original


def test_every_article_cited_is_said_in_chinese_under_zh():
    """What the mappings say of a citation in English ('row 4 (columns …)', '(heading not seen)',
    '(paraphrase)') is said in Chinese under zh, in every shipped layer; under en it is as written."""
    from equivalence.describe import article_words
    from equivalence.index import available_layers
    from equivalence.registry import Registry

    regs = [Registry.load(layers=[x["path"]]) if x["scope"] == "employer" else
            Registry.load(region=x["region"]) if x["region"] else Registry.load() for x in available_layers()]
    articles = {c.article for reg in regs for rule in reg.rules.values() for c in rule.cite}
    assert len(articles) > 250
    english = {a: article_words(a, "zh") for a in articles
               if re.search(r"(?<![\w.])[A-Za-z]{2,}(?![\w.])", article_words(a, "zh"))}
    assert english == {}
    assert all(article_words(a, "en") == a for a in articles)


@pytest.mark.parametrize("name", ["lookup-all", "path", "check", "routes-into", "diff", "check-all"])
def test_an_english_table_does_not_break_a_kind_of_rule_across_lines(runner, name):
    """'promotion' and 'may apply for' stay whole in their column (it was 8 wide: 'promotio' / 'n')."""
    from equivalence.describe import KIND_WORDS

    out = runner.invoke(cli, [*SAMPLES[name], "--lang", "en"]).stdout
    cells = [cell for line in out.splitlines() for cell in re.split(r"\s{2,}", line.strip())]
    shown = [word for word in KIND_WORDS["en"].values() if len(word) <= 13 and word in cells]
    assert shown and not {"promotio", "may", "may apply"} & set(cells)
