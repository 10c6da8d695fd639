"""The data says only what its documents say: the audit checks of ``validate`` (exact messages), their
hold on every shipped layer, and the corrected answers of the November 2026 audit (issue 11)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO, SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.errors import MappingErrors, UnknownLevelError
from equivalence.lookup import find_equivalents
from equivalence.records import Citation, Words

OFF = "cite: [{source: src-off, article: a, quote: 原文}]"


def rule(*lines: str, cite: str = OFF) -> str:
    """A file with one rule r1 (kind apply sk.s1 -> en.e1 unless given); its keys start on line 3."""
    return "rules:\n  - id: r1\n" + "".join(f"    {line}\n" for line in lines) + f"    {cite}\n"


APPLY = ("kind: apply", "from: sk.s1", "to: en.e1")
AUDIT = [
    ("derived above low", rule("kind: derived", "from: tt.t4", "to: ws.w1", "confidence: medium"),
     ["m/bad.yaml:6: rules[0].confidence: a derived rule (no document states it) is low confidence, not 'medium'"]),
    ("derived at the official source's default", rule("kind: derived", "from: tt.t4", "to: ws.w1"),
     ["m/bad.yaml:2: rules[0].confidence: a derived rule (no document states it) is low confidence, not 'high'"]),
    ("high without the wording", rule(*APPLY, cite="cite: [{source: src-off, article: a, quote: ''}]"),
     ["m/bad.yaml:2: rules[0].confidence: 'high' needs the official wording of this rule seen (a quote in the first citation)"]),
    ("a quote of an unverified source", rule(*APPLY, cite="cite: [{source: src-unv, article: a, quote: 原文}]"),
     ["m/bad.yaml:6: rules[0].cite[0].quote: source 'src-unv' is unverified (no text seen): leave the quote empty and say why in the note"]),
    ("a summary with an arrow", rule(*APPLY, cite="cite: [{source: src-off, article: a, quote: 一级 → 工程师}]"),
     ["m/bad.yaml:6: rules[0].cite[0].quote: a quote is words seen in the source, not a summary ('→'): move it to the note and leave the quote empty"]),
    ("a summary in English", rule(*APPLY, cite="cite: [{source: src-off, article: a, quote: 工程师 and their 二级}]"),
     ["m/bad.yaml:6: rules[0].cite[0].quote: a quote is words seen in the source, not a summary ('and their'): move it to the note and leave the quote empty"]),
    ("a paraphrase at medium", rule(*APPLY, "confidence: medium", cite="cite: [{source: src-sec, article: a (paraphrase), quote: ''}]"),
     ["m/bad.yaml:6: rules[0].confidence: a rule known only as a paraphrase is low confidence, not 'medium'"]),
    ("a note naming the reference file", rule(*APPLY, "note: as in policy-rules.md 3.4"),
     ["m/bad.yaml:6: rules[0].note: names a file of this project ('policy-rules'): cite documents only"]),
    ("a note naming a row of it", rule(*APPLY, "note: 'see #8.2'"),
     ["m/bad.yaml:6: rules[0].note: names a file of this project ('#8.2'): cite documents only"]),
    ("a note naming a bare row", rule(*APPLY, "note: see 2.6"),
     ["m/bad.yaml:6: rules[0].note: names a row of this project's reference notes ('2.6'): "
      "name the document (title, 文号 or source id) instead"]),
    ("a note with a row in brackets", rule(*APPLY, "note: 'the 2025 SOE notice (9.2): not below M8'"),
     ["m/bad.yaml:6: rules[0].note: names a row of this project's reference notes ('9.2'): "
      "name the document (title, 文号 or source id) instead"]),
    ("a note with a lettered row", rule(*APPLY, "note: as in row 4.12b"),
     ["m/bad.yaml:6: rules[0].note: names a row of this project's reference notes ('4.12b'): "
      "name the document (title, 文号 or source id) instead"]),
    ("a level note reading a row", "ladders:\n  - id: lx\n    zh: 甲\n    en: A\n    kind: title_series\n    levels:\n"
     "      - {id: l1, zh: 甲一, en: A1, rank: 1, note: 助理级 by reading 5.2}\n",
     ["m/bad.yaml:7: ladders[0].levels[0].note: names a row of this project's reference notes ('5.2'): "
      "name the document (title, 文号 or source id) instead"]),
    ("a condition's en naming a row", rule(*APPLY, "conditions: {other: [{zh: 评聘, en: 'appointment (2.3)'}]}"),
     ["m/bad.yaml:6: rules[0].conditions.other[0].en: names a row of this project's reference notes ('2.3'): "
      "name the document (title, 文号 or source id) instead"]),
    ("an article naming a YAML file", rule(*APPLY, cite="cite: [{source: src-off, article: see rules.yaml, quote: 原文}]"),
     ["m/bad.yaml:6: rules[0].cite[0].article: names a file of this project ('.yaml'): cite documents only"]),
    ("a condition in English", rule(*APPLY, "conditions: {other: [appointed by the employer]}"),
     ["m/bad.yaml:6: rules[0].conditions.other[0]: a condition is shown as written in Chinese answers: write it in Chinese ('appointed by')"]),
    ("a condition's zh in English", rule(*APPLY, "conditions: {other: [{zh: appointed by the employer, en: appointed}]}"),
     ["m/bad.yaml:6: rules[0].conditions.other[0].zh: a condition is shown as written in Chinese answers: write it in Chinese ('appointed by')"]),
    ("a condition's en in Chinese", rule(*APPLY, "conditions: {other: [{zh: 评聘, en: 'appointment (评聘)'}]}"),
     ["m/bad.yaml:6: rules[0].conditions.other[0].en: a condition is shown as written in English answers: write it in English ('评聘'; a 《title》 or 文号 may stay)"]),
    ("a condition's en naming a file", rule(*APPLY, "conditions: {other: [{zh: 评聘, en: see rules.yaml}]}"),
     ["m/bad.yaml:6: rules[0].conditions.other[0].en: names a file of this project ('.yaml'): cite documents only"]),
    ("a source note naming a data file", "sources:\n  - {id: s9, title: T, issuer: I, effective_from: 2020, "
     "status: secondary, note: 'from ../shared/data/x.csv'}\n",
     ["m/bad.yaml:2: sources[0].note: names a file of this project ('shared/'): cite documents only"]),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in AUDIT])
def test_audit_exact_messages(tmp_path, text, expected):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "bad.yaml": text})
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    assert [str(e) for e in info.value.errors] == expected


REAL_NUMBERS = ["2.5 years", "a 2.5-year term", "满2.5年", "GB/T 8561-2001", "1.5倍", "3.5%", "dated 2019.7.23",
                "依据第2.3条", "schema version 1.2", "v1.2", "人社部发〔2019〕16号", "ranks 1–9", "CSV rows 86–88"]


@pytest.mark.parametrize("words", REAL_NUMBERS)
def test_a_real_number_is_not_a_reference_row(tmp_path, words):
    text = rule(*APPLY, f"note: '{words}'")
    index = compile_folder(write_folder(tmp_path / "m", {**TINY_FILES, "ok.yaml": text}))
    assert index["rules"]["r1"].note == words


def test_a_document_s_own_numbering_in_a_cite_is_not_a_reference_row(tmp_path):
    # a quote and an article are the document's words: its section 3.2 is its own
    text = rule(*APPLY, cite="cite: [{source: src-off, article: '3.2 申报条件', quote: '见3.2 申报条件'}]")
    index = compile_folder(write_folder(tmp_path / "m", {**TINY_FILES, "ok.yaml": text}))
    assert index["rules"]["r1"].cite[0].article == "3.2 申报条件"


def test_an_empty_quote_with_a_note_is_fine(tmp_path):
    text = rule(*APPLY, "confidence: medium", "note: wording not recorded",
                cite="cite: [{source: src-sec, article: a, quote: ''}]")
    index = compile_folder(write_folder(tmp_path / "m", {**TINY_FILES, "ok.yaml": text}))
    assert index["rules"]["r1"].cite[0].quote == "" and index["rules"]["r1"].confidence == "medium"


# -- every shipped layer passes the audit ------------------------------------------------------------

def _stacks():
    yield "national", []
    for folder in sorted((SHIPPED / "regions").iterdir()):
        yield folder.name, [str(folder)]
    yield "acme", [str(SHIPPED / "examples" / "acme")]


@pytest.mark.parametrize("name, layers", list(_stacks()))
def test_every_shipped_layer_passes_the_audit(name, layers):
    index = compile_folder(SHIPPED, layers=layers)  # raises on any audit problem
    sources = index["sources"]
    for r in index["rules"].values():
        primary = sources[r.cite[0].source]
        if r.kind == "derived":
            assert r.confidence == "low", r.id
        if r.confidence == "high":
            assert primary.status == "official" and r.cite[0].quote, r.id
        for c in r.cite:
            assert not (c.quote and sources[c.source].status == "unverified"), r.id
        # a rule that fills its level by 评聘 says so in its words and in its mark (the roster reads the mark)
        assert r.conditions.appointed == any("评聘" in o.zh for o in r.conditions.other), r.id
    # no user-visible text anywhere names a file of this project
    text = json.dumps({k: index[k] for k in ("sources", "ladders", "levels", "rules", "honours", "catalogue")},
                      ensure_ascii=False)
    text = re.sub(r'"path": "[^"]*"', "", text)  # where a record was read from is not user text
    assert not re.search(r"policy-rules|ladders\.md|shared/|#\d+\.\d+", text)


# -- the corrected answers, item by item -------------------------------------------------------------

def _results(reg, name, **kw):
    return find_equivalents(reg, name, **kw).results


def test_item1_treated_as_scope_pay_and_the_reading(real):
    # 96号: 各类企业, not pay; 58号 (九): every 用人单位, 工资福利 included. Both name no level: low.
    r96 = real.rules["bridge-96-treated-technician-as-intermediate"]
    r58 = real.rules["cpc58-treated-technician-as-intermediate"]
    assert r96.conditions.other == (Words(zh="各类企业（本条针对企业）",
                                          en="enterprises of all kinds (the clause addresses enterprises)"),)
    assert "pay_benefits" not in r96.purposes
    assert r58.conditions.other == () and r58.conditions.in_post is True
    assert r58.purposes == ("training", "post_appointment", "rank_promotion", "pay_benefits")
    assert r58.cite[0].source == "cpc-2022-58" and "工资福利" in r58.cite[0].quote
    assert r58.effective_from == "2022-10"
    for r in (r96, r58):
        assert r.kind == "treated_as" and r.confidence == "low" and "reading" in r.note
    pay = [x for x in _results(real, "技师", purpose="pay_benefits") if x.kind == "treated_as"]
    assert [(x.level.name, x.chain, x.confidence) for x in pay] == [
        ("中级", ("cpc58-treated-technician-as-intermediate",), "low")]


def test_item2_no_national_years_outside_engineering(real, runner):
    result = runner.invoke(cli, ["path", "实验师", "--holds", "技师@2022-01-01"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: 无法到达实验师：bridge-96-technician-to-intermediate：申报年限由各省实施办法规定"
                             "（全国文件未见年限；本数据中规定年限的省份：江苏，见江苏的规则层）\n")
    for rid in ("bridge-96-senior-to-assistant", "bridge-96-technician-to-intermediate",
                "bridge-96-senior-technician-to-associate-senior"):
        rule = real.rules[rid]
        assert rule.conditions.years_in_from is None and rule.grants is False
        assert not any(t.startswith("eng.") for t in rule.to)
        assert "sd-2020-16" not in [c.source for c in rule.cite]
    js = runner.invoke(cli, ["--region", "江苏", "path", "实验师", "--holds", "技师@2022-01-01", "--as-of", "2022-01-01",
                             "--format", "json"])
    assert js.exit_code == 0
    data = json.loads(js.stdout)
    assert data["date"] == "2025-01-01" and data["steps"][0]["rule"] == "js-bridge-technician-to-intermediate"
    sd = real.sources["sd-2020-16"]
    assert sd.title == "关于工程技术领域高技能人才与工程技术人才职业贯通发展的实施意见"
    assert sd.doc_no == "鲁人社发〔2020〕16号" and "engineering-only" in sd.note


def test_item3_registered_safety_engineer_levels(real, runner):
    assert [lev.zh for lev in real.levels_of("q_safety")] == ["初级注册安全工程师", "中级注册安全工程师", "高级注册安全工程师"]
    out = [(x.level.name, x.chain) for x in _results(real, "中级注册安全工程师", direction="out")
           if x.level.ladder == "eng"]
    assert out == [("工程师", ("qual-safety-intermediate",))]
    assert real.rules["qual-safety-intermediate"].confidence == "low"
    with pytest.raises(UnknownLevelError):
        real.level("一级注册安全工程师")


def test_item4_assistant_accountant_posts(real, runner):
    result = runner.invoke(cli, ["lookup", "助理会计师", "--to", "专业技术岗位", "--format", "json"])
    assert result.exit_code == 0
    levels = {r["level"]["id"] for r in json.loads(result.stdout)["results"]}
    assert levels == {"post_tech.p11", "post_tech.p12", "post_tech.p13"}
    assert real.sources["accounting-titles-2019"].doc_no == "人社部发〔2019〕8号"
    assert real.rules["inst-post-accounting-assistant"].to == ("post_tech.p13", "post_tech.p12", "post_tech.p11")
    # a series without 员级 maps its 初级 to 11–13 (a reading, low); 高校 助教 keeps its own 11–12
    assert real.rules["inst-post-economics-assistant"].confidence == "low"
    assert {r.level.id for r in _results(real, "助教", direction="out")
            if r.level.ladder == "post_tech"} == {"post_tech.p11", "post_tech.p12"}


def test_item5_technical_school_classes_from_the_2018_pilot(real):
    got = [(x.level.name, x.chain) for x in _results(real, "高级工班", as_of="2019-06-01", direction="out")
           if x.level.ladder == "edu"]
    assert got == [("大学专科", ("techschool-senior-class-as-junior-college-title",))]
    rule = real.rules["techschool-senior-class-as-junior-college-title"]
    assert rule.effective_from == "2018-11" and rule.cite[0].source == "pilot-2018-eng"
    assert [o.zh for o in rule.conditions.other] == ["工程技术职称评审（其他系列未见全国文件）"]


def test_item6_quotes_are_each_rules_own_clause(real, runner):
    result = runner.invoke(cli, ["show", "cs-promote-clerk1"])
    assert result.exit_code == 0 and "一级巡视员" not in result.stdout
    assert real.rules["cs-promote-clerk1"].cite[0] == Citation(source="cs-parallel-2019", article="第十八条 (十一)", quote="")
    assert real.rules["cs-promote-inspector1"].cite[0].quote == "(一)晋升一级巡视员,应当任厅局级副职或者二级巡视员4年以上;"
    for rid in ("cs-promote-researcher2", "cs-promote-clerk1", "cs-apply-researcher3-from-county-deputy"):
        assert real.rules[rid].cite[0].quote == "", rid
    for tier in ("full-senior", "associate-senior", "intermediate", "assistant", "clerk"):
        rule = real.rules[f"inst-post-tier-{tier}"]
        assert rule.confidence == "medium" and real.sources[rule.cite[0].source].status == "secondary"
        assert rule.cite[1].source == "hn-inst-posts-impl"
    arrows = [r.id for r in real.rules.values() for c in r.cite if "→" in c.quote]
    assert arrows == []


def test_item7_confidence(real):
    assert real.rules["eng16-full-senior-bachelor"].confidence == "low"
    assert real.rules["eng16-full-senior-bachelor"].cite[0].quote == ""
    derived = [r for r in real.rules.values() if r.kind == "derived"]
    assert derived and {r.confidence for r in derived} == {"low"}
    assert {r.confidence for r in real.rules.values() if r.id.startswith(("cs-pair-", "inst-wage-"))} == {"low"}
    assert [r.id for r in real.rules.values() if r.confidence == "high"] == []


def test_item8_dates(real):
    assert [x.level.name for x in _results(real, "副教授", as_of="2019-06-01") if x.level.ladder == "tier"] == ["副高级"]
    assert [x.level.name for x in _results(real, "一级建造师", as_of="2021-06-01", direction="out")
            if x.level.ladder == "eng"] == ["工程师"]
    assert real.rules["qual-constructor-first-class-16"].effective_from == "2019-02-01"
    assert real.rules["tier-hedu-associate-senior"].effective_from == "2001"
    for rid in ("bridge-pilot2018-senior-to-eng-assistant", "bridge-pilot2018-technician-to-eng-intermediate",
                "bridge-pilot2018-senior-technician-to-eng-associate-senior"):
        assert real.rules[rid].effective_until is None and "no text seen ends" in real.rules[rid].note
    assert real.sources["inst-wages-2006"].effective_until == "2014-10"
    assert real.rules["inst-wage-w2-p10"].effective_until == "2014-10"


def test_item9_answers_cite_documents_only(runner):
    for args in (["show", "tier-hedu-assistant"], ["show", "qual-structural-first-class"], ["lookup", "助教"],
                 ["sources"], ["--region", "浙江", "lookup", "助理工程师"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, args
        assert "policy-rules" not in result.stdout and "#4.12" not in result.stdout, args


# -- what a user expects, where a document states it -------------------------------------------------

def test_institution_ranks_and_staff_grades(real, runner):
    # 试行办法 (2006): 部级正职 … 办事员 依次分别对应 一到十级职员岗位
    out = [(x.level.name, x.kind, x.chain) for x in _results(real, "科级正职", direction="out")]
    assert out == [("七级职员", "counts_as", ("inst-rank-section-chief-m7",))]
    assert [lev.zh for lev in real.levels_of("inst_rank")] == [
        "办事员", "科员", "科级副职", "科级正职", "处级副职", "处级正职", "厅级副职", "厅级正职", "部级副职", "部级正职"]
    # a civil-service comparison is derived, and the empty answer says how to see it
    result = runner.invoke(cli, ["lookup", "七级职员", "--to", "公务员领导职务"])
    assert result.exit_code == 0
    assert result.stdout == ("七级职员 (管理岗位, post_mgmt.m7): 没有相关等级"
                             "（另有推导的比较，非文件所述：加 --include-derived 查看）\n")
    derived = [x.level.name for x in _results(real, "七级职员", to=["公务员领导职务"], include_derived=True)]
    assert set(derived) == {"乡科级正职"}


def test_an_empty_lookup_names_the_next_thing_to_try(runner):
    result = runner.invoke(cli, ["lookup", "国家级正职"])
    assert result.stdout == "国家级正职 (公务员领导职务, cs_lead.state_chief): 没有相关等级（试试 equivalence routes-into 国家级正职）\n"
    result = runner.invoke(cli, ["lookup", "七级职员", "--kind", "apply", "--lang", "en"])
    assert result.stdout == ("Management post, staff grade 7 (Public institution management posts (职员), post_mgmt.m7): "
                             "no related levels (try without --to / --kind / --purpose / --as-of)\n")


def test_civil_service_ranks_and_old_posts(real):
    # 规定 第八条 / 职务与级别管理规定: 职级 and 领导职务 -> 级别 ranges, 一级 / 二级科员 included
    def ranks(name):
        return [x.level.name for x in _results(real, name, direction="out") if x.level.ladder == "cs_level"]
    assert ranks("一级巡视员") == [f"{n}级（公务员级别）" for n in ("十三", "十二", "十一", "十", "九", "八")]
    assert ranks("二级科员")[0] == "二十七级（公务员级别）" and ranks("二级科员")[-1] == "十九级（公务员级别）"
    assert ranks("一级科员")[0] == "二十六级（公务员级别）" and ranks("一级科员")[-1] == "十八级（公务员级别）"
    assert ranks("乡科级副职")[0] == "二十四级（公务员级别）" and ranks("乡科级副职")[-1] == "十七级（公务员级别）"
    assert real.rules["cs-level-clerk2"].grants is False
    # the pre-2019 非领导职务, converted where a text states it (low: the 实施方案 itself not seen)
    assert [lev.zh for lev in real.levels_of("cs_nonlead")][-2:] == ["副巡视员", "巡视员"]
    got = [(x.level.name, x.confidence) for x in _results(real, "副调研员", direction="out")
           if x.level.ladder == "cs_grade"]
    assert got == [("四级调研员", "low")]
    assert [x.level.name for x in _results(real, "主任科员", direction="out") if x.level.ladder == "cs_grade"] == ["二级主任科员"]
    # 职级 <-> 领导职务 is derived (equal 级别 ranges): only with include_derived
    assert [x for x in _results(real, "一级巡视员", to=["公务员领导职务"])] == []
    assert {x.level.name for x in _results(real, "一级巡视员", to=["公务员领导职务"], include_derived=True)} == {"厅局级正职"}


def test_education_below_secondary_vocational_and_graduate(real, runner):
    assert [lev.zh for lev in real.levels_of("edu")][:4] == ["小学", "初中", "高中", "中等职业学校"]
    assert real.level("研究生").ref == "edu.master"
    # 高中 is a known level below the 中专 minimum of the 16号 annex (技术员 + 4 years): the route to
    # 助理工程师 goes through the skill grades instead, on one edition of the skill standard (the newer
    # template: 中级工 by 5 years of work, 高级工 4 years later, 助理工程师 2 years after that)
    result = runner.invoke(cli, ["path", "助理工程师", "--holds", "技术员:10", "--education", "高中",
                                 "--as-of", "2026-12-01", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total_years"] == 11 and data["steps"][-1]["rule"] == "bridge-pilot2018-senior-to-eng-assistant"


def test_economics_exam_qualification_confers_the_title(real, runner):
    got = [(x.level.name, x.chain) for x in _results(real, "中级经济专业技术资格", direction="out")
           if x.level.ladder == "economics"]
    assert got == [("经济师", ("qual-economics-intermediate",))]
    assert [o.zh for o in real.rules["qual-economics-senior"].conditions.other] == ["考试合格后，还须通过评审（考试与评审相结合）"]
    assert real.sources["econ-titles-2019"].doc_no == "人社部发〔2019〕53号"
    result = runner.invoke(cli, ["lookup", "经济专业技术资格", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown level '经济专业技术资格'; did you mean: ")
    assert "中级经济专业技术资格" in result.stderr


def test_58_two_way_recognition_is_a_principle_without_a_table(real):
    note = real.sources["cpc-2022-58"].note
    assert "双向比照认定制度" in note and "a principle without a table" in note
    second = real.rules["cpc58-treated-technician-as-intermediate"].cite[1]
    assert second.source == "cpc-2022-58" and second.quote.startswith("建立职业资格、职业技能等级与相应职称、学历的双向比照认定制度")


# -- the README's figures are the data's ---------------------------------------------------------------

def _figures_table() -> str:
    """The README table of how sure the rules are, computed from the shipped mappings."""
    from collections import Counter

    rows = []
    stacks = [("national", [])] + [(f"provinces ({len(list((SHIPPED / 'regions').iterdir()))} layers)",
                                     [str(p) for p in sorted((SHIPPED / "regions").iterdir())])]
    for name, layers in stacks:
        rules, status, conf, unseen = 0, Counter(), Counter(), 0
        for group in ([[]] if not layers else [[layer] for layer in layers]):
            index = compile_folder(SHIPPED, layers=group)
            for r in index["rules"].values():
                if (r.layer == "national") != (not layers):
                    continue
                rules += 1
                status[index["sources"][r.cite[0].source].status] += 1
                conf[r.confidence] += 1
                unseen += not r.cite[0].quote
        rows.append(f"| {name} | {rules} | {status['official']} | {status['secondary']} | {status['unverified']} "
                    f"| {conf['high']} | {conf['medium']} | {conf['low']} | {unseen} |")
    head = ("| layer | rules | official | secondary | unverified | high | medium | low | wording not seen |\n"
            "|---|---|---|---|---|---|---|---|---|\n")
    return head + "\n".join(rows) + "\n"


@pytest.mark.skipif(SHIPPED != REPO / "mappings", reason="the README describes the shipped mappings")
def test_readme_figures_match_the_data():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = _figures_table()
    assert table in readme, "README's table of how sure the rules are is out of date; it should read:\n" + table


def test_statistics_exam_qualification_confers_the_title_low(real):
    got = [(x.level.name, x.confidence) for x in _results(real, "初级统计专业技术资格", direction="out")
           if x.level.ladder == "statistics"]
    assert got == [("助理统计师", "low")]


def test_translation_certificates_confer_the_titles(real):
    got = [(x.level.name, x.chain) for x in _results(real, "三级笔译", direction="out")
           if x.level.ladder == "translation"]
    assert got == [("三级翻译", ("qual-translation-level3",))]
    assert real.rules["qual-translation-level2"].to == ("translation.intermediate",)
    assert real.sources["translation-qual-2003"].doc_no == "人发〔2003〕21号"
