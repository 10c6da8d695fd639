"""Worker cases an HR officer meets every day, written by hand from the policy reference (the row
of ../shared/reference/policy-rules.md each rests on is named), checked exactly: eligible now?, the
earliest date, the first step still to take (and which rule), and the clause that makes the worker
eligible. Every example of issue 10 is here. The plan date is fixed, so no answer depends on today.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from equivalence.cli import cli as main
from equivalence.compare import compare_levels
from equivalence.dates import date_start
from equivalence.eligibility import check_eligibility
from equivalence.lookup import find_equivalents
from equivalence.planner import find_path
from equivalence.profile import add_years, build_profile
from equivalence.registry import Registry
from equivalence.targets import resolve_targets

AS_OF = "2026-12-01"
W2, W3, W1, W4, W5 = "工勤技能岗位:二级", "工勤技能岗位:三级", "工勤技能岗位:一级", "工勤技能岗位:四级", "工勤技能岗位:五级"

# (policy row, region, target, holds, education, work years, in post,
#  -> eligible now, earliest, first step still to take (level, rule) or None, eligible by (rule) or None,
#     held or outranked (origin) or None)
CASES = [
    # wrong answer 1: a higher grade held counts as the lower ones (held since the higher one's date)
    ("3.5 / issue 1", None, "技师", ["高级技师:10"], None, None, [],
     True, AS_OF, None, "skill-tpl2018-senior-to-technician", "implied"),
    ("4.7 / issue 1", None, "工程师", ["高级工程师:5"], "本科", None, [],
     True, AS_OF, None, "eng16-intermediate-bachelor", "implied"),
    ("1.5 / issue 1", None, "工程师", ["高级技师:10"], "大专", None, [],
     True, AS_OF, None, "bridge-pilot2018-technician-to-eng-intermediate", None),
    ("5.4 / issue 1", None, W2, [f"{W3}@2010-01-01", "高级技师@2015-01-01"], None, None, [W3],
     True, AS_OF, None, "inst-skill-post-promote-w2", None),
    # wrong answer 2: what could be obtained today is not held today
    ("3.2 / issue 2", None, "高级工", [], "大专", None, [],
     False, AS_OF, ("skill.intermediate", "skill-tpl2018-intermediate-by-secondary-vocational"), None, None),
    ("5.4 / issue 2", None, W2, [f"{W3}@2010-01-01", "高级工@2010-01-01"], None, None, [W3],
     False, AS_OF, ("skill.technician", "skill-tpl2018-senior-to-technician"), None, None),
    ("5.4 / issue 2", None, W1, ["技师@2015-01-01", f"{W2}@2016-01-01"], None, None, [W2],
     False, AS_OF, ("skill.senior_technician", "skill-tpl2018-technician-to-senior-technician"), None, None),
    # wrong answer 3: a credential counted as another keeps its own date
    ("9.5 / issue 3", "广东", "特级技师", ["高级工程师@2018-01-01"], "本科", 20, [],
     True, AS_OF, None, "gd-special-technician-from-associate-senior-title", None),
    ("1.7b / issue 3", "浙江", "技师", ["工程师@2015-01-01"], "本科", None, [],
     True, AS_OF, None, "zj-intermediate-title-to-technician", None),
    ("8.2", None, "工程师", ["一级建造师@2020-05-01"], None, None, [],
     True, AS_OF, None, "qual-constructor-first-class", "carried"),
    ("8.2", None, "助理工程师", ["二级建造师@2023-01-01"], None, None, [],
     True, AS_OF, None, "qual-constructor-second-class", "carried"),
    # wrong answer 5: to the day
    ("1.5 / issue 5", None, "高级工程师", ["高级技师@2022-12-02"], None, None, [],
     False, "2026-12-02", ("eng.associate_senior", "bridge-pilot2018-senior-technician-to-eng-associate-senior"), None, None),
    ("1.5 / issue 5", None, "高级工程师", ["高级技师@2022-12-01"], None, None, [],
     True, AS_OF, None, "bridge-pilot2018-senior-technician-to-eng-associate-senior", None),
    # 96号 bridge, 2 / 3 / 4 years
    ("1.5", None, "助理工程师", ["高级工@2024-12-01"], None, None, [],
     True, AS_OF, None, "bridge-pilot2018-senior-to-eng-assistant", None),
    ("1.5", None, "助理工程师", ["高级工@2024-12-02"], None, None, [],
     False, "2026-12-02", ("eng.assistant", "bridge-pilot2018-senior-to-eng-assistant"), None, None),
    ("1.5", None, "工程师", ["技师@2023-12-01"], None, None, [],
     True, AS_OF, None, "bridge-pilot2018-technician-to-eng-intermediate", None),
    ("1.5", None, "工程师", ["技师@2024-06-01"], None, None, [],
     False, "2027-06-01", ("eng.intermediate", "bridge-pilot2018-technician-to-eng-intermediate"), None, None),
    ("1.7", None, "高级技师", ["高级工程师@2020-01-01"], None, None, [],
     True, AS_OF, None, "bridge-96-reverse-associate-senior-to-senior-technician", None),
    # skill standard, 2018 template
    ("3.2", None, "中级工", ["初级工@2022-12-01"], None, None, [],
     True, AS_OF, None, "skill-tpl2018-junior-to-intermediate", None),
    ("3.2", None, "中级工", ["初级工@2023-06-01"], None, None, [],
     False, "2027-06-01", ("skill.intermediate", "skill-tpl2018-junior-to-intermediate"), None, None),
    ("3.2", None, "中级工", [], None, 6, [],
     True, AS_OF, None, "skill-tpl2018-intermediate-by-work-years", None),
    ("3.3", None, "高级工", ["中级工@2021-12-01"], None, None, [],
     True, AS_OF, None, "skill-tpl2018-intermediate-to-senior", None),
    ("3.4", None, "技师", ["高级工@2022-12-01"], None, None, [],
     True, AS_OF, None, "skill-tpl2018-senior-to-technician", None),
    ("3.4", None, "技师", ["高级工@2024-01-01"], "高级工班", 3, [],
     True, AS_OF, None, "skill-tpl2018-senior-to-technician-school-graduate", None),
    ("3.4", None, "技师", [], "预备技师班", 2, [],
     True, AS_OF, None, "skill-tpl2018-technician-by-preparatory-certificate", None),
    ("3.5", None, "高级技师", ["技师@2022-12-01"], None, None, [],
     True, AS_OF, None, "skill-tpl2018-technician-to-senior-technician", None),
    ("3.5", None, "高级技师", ["技师@2023-01-01"], None, None, [],
     False, "2027-01-01", ("skill.senior_technician", "skill-tpl2018-technician-to-senior-technician"), None, None),
    # skill standard, newer template
    ("3.7", None, "高级工", [], None, 10, [],
     True, AS_OF, None, "skill-tplnew-senior-by-work-years", None),
    ("3.7", None, "高级工", ["中级工@2022-12-01"], None, None, [],
     True, AS_OF, None, "skill-tplnew-intermediate-to-senior", None),
    ("3.7", None, "高级工", [], None, None, [],  # no work years given: counted from the plan date
     False, "2035-12-01", ("skill.intermediate", "skill-tplnew-intermediate-by-work-years"), None, None),
    # engineering titles, 16号
    ("4.5", None, "技术员", [], "本科", None, [], True, AS_OF, None, "eng16-clerk-from-bachelor", None),
    ("4.6", None, "助理工程师", [], "硕士", None, [], True, AS_OF, None, "eng16-assistant-from-master", None),
    ("4.7", None, "工程师", [], "博士", None, [], True, AS_OF, None, "eng16-intermediate-from-doctor", None),
    ("4.7", None, "工程师", ["助理工程师@2022-12-01"], "本科", None, [],
     True, AS_OF, None, "eng16-intermediate-bachelor", None),
    ("4.7", None, "工程师", ["助理工程师@2024-12-01"], "硕士", None, [],
     True, AS_OF, None, "eng16-intermediate-second-bachelor", None),
    ("4.8", None, "高级工程师", ["工程师@2021-12-01"], "本科", None, [],
     True, AS_OF, None, "eng16-associate-senior-bachelor", None),
    ("4.8", None, "高级工程师", ["工程师@2024-12-01"], "博士", None, [],
     True, AS_OF, None, "eng16-associate-senior-doctor", None),
    ("4.9", None, "正高级工程师", ["高级工程师@2021-12-01"], "本科", None, [],
     True, AS_OF, None, "eng16-full-senior-bachelor", None),
    ("4.9", None, "正高级工程师", ["高级工程师@2021-12-01"], "大专", None, [],
     False, None, None, None, None),
    # 工勤 posts: 5 years in the grade below and the skill test
    ("5.4", None, W4, [f"{W5}@2020-01-01", "中级工@2019-01-01"], None, None, [W5],
     True, AS_OF, None, "inst-skill-post-promote-w4", None),
    ("5.4", None, W4, [f"{W5}@2022-01-01", "中级工@2019-01-01"], None, None, [W5],
     False, "2027-01-01", ("post_skill.w4", "inst-skill-post-promote-w4"), None, None),
    # civil service grades
    ("6.5", None, "一级科员", ["二级科员@2024-12-01"], None, None, [], True, AS_OF, None, "cs-promote-clerk1", None),
    ("6.5", None, "四级主任科员", ["一级科员@2025-01-01"], None, None, [],
     False, "2027-01-01", ("cs_grade.principal4", "cs-promote-principal4"), None, None),
    ("6.5", None, "一级主任科员", ["乡科级正职@2024-12-01"], None, None, [],
     True, AS_OF, None, "cs-apply-principal1-from-township-chief", None),
    # provinces
    ("9.5", "广东", "特级技师", ["高级技师@2025-12-01"], None, None, [],
     True, AS_OF, None, "gd-special-technician-from-senior-technician", None),
    ("9.5", "广东", "特级技师", ["高级技师@2026-01-01"], None, None, [],
     False, "2027-01-01", ("skill.special_technician", "gd-special-technician-from-senior-technician"), None, None),
    ("9.3", "山东", "特级技师", ["高级技师@2021-01-01"], None, None, ["高级技师"],
     True, AS_OF, None, "sd-special-technician-entry", None),
    ("1.11", "四川", "正高级工程师", ["高级技师@2016-12-01"], None, None, [],
     True, AS_OF, None, "sc-senior-technician-to-full-senior", None),
]

_REGS: dict = {}


def registry(region):
    if region not in _REGS:
        _REGS[region] = Registry.load(region=region) if region else Registry.load()
    return _REGS[region]


def answer_for(region, target, holds, education, work_years, in_post):
    reg = registry(region)
    prof = build_profile(reg, holds, education=education, work_years=work_years, as_of=AS_OF, in_post=in_post)
    return reg, prof, check_eligibility(reg, prof, resolve_targets(reg, target, None))


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("row", CASES, ids=[f"{c[0]}: {c[2]} {' '.join(c[3])}".strip() for c in CASES])
def test_worker_case(row):
    _, region, target, holds, education, work_years, in_post, eligible, earliest, first, clause, held = row
    reg, prof, answer = answer_for(region, target, holds, education, work_years, in_post)
    assert answer.eligible is eligible
    assert answer.earliest == earliest
    got_first = (answer.first_step.step.level.id, answer.first_step.step.rule) if answer.first_step else None
    assert got_first == first
    if clause:
        assert clause in [r.rule for r in answer.rules if r.eligible]
    else:
        assert not any(r.eligible for r in answer.rules)
    assert (answer.held_by.origin if answer.held_by else None) == held
    # `met` never lists a credential the worker does not hold today
    for r in answer.rules:
        for c in r.conditions:
            if c.what == "credential" and c.status == "met":
                assert c.since <= AS_OF and c.origin in ("held", "implied", "carried", "assumed")


def test_first_step_says_which_exam_or_review_it_is():
    _, _, answer = answer_for(None, "高级工", [], "大专", None, [])
    assert answer.first_step.how == "职业技能等级认定" and answer.first_step.now is True
    assert [(s.level.id, s.how) for s in answer.steps] == [
        ("skill.intermediate", "职业技能等级认定"), ("skill.senior", "职业技能等级认定")]
    # and not "持有中级工": nothing is met by what could be obtained today
    assert not any("中级工" in m for r in answer.rules for m in r.met)
    _, _, answer = answer_for(None, W2, [f"{W3}@2010-01-01", "高级工@2010-01-01"], None, None, [W3])
    assert not any("持有技师" in m for r in answer.rules for m in r.met)


def test_a_counts_as_credential_keeps_the_date_of_its_source():
    # 一级建造师 counts as 工程师 from 2020-05-01, or from the rule's start if later (the earliest of
    # the rules that say so: 16号's general rule and the 2022 table); 高级工程师 5 years after.
    reg, _, answer = answer_for(None, "高级工程师", ["一级建造师@2020-05-01"], "本科", None, [])
    carriers = [r for r in reg.rules.values()
                if r.from_ == "q_constructor.first_class" and "eng.intermediate" in r.to]
    assert {r.id for r in carriers} == {"qual-constructor-first-class", "qual-constructor-first-class-16"}
    since, by_rule = min((max(dt.date(2020, 5, 1), dt.date.fromisoformat(date_start(r.effective_from))), r.id)
                         for r in carriers)
    assert answer.earliest == max(add_years(since, 5), dt.date(2026, 12, 1)).isoformat()
    rule = next(r for r in answer.rules if r.rule == "eng16-associate-senior-bachelor")
    gap = next(c for c in rule.conditions if c.level == "eng.intermediate")
    assert gap.since == since.isoformat() and gap.origin == "carried"
    assert gap.by_rule == by_rule


def test_years_are_shown_without_rounding_up_to_met():
    _, _, answer = answer_for(None, "高级工程师", ["高级技师@2022-12-02"], None, None, [])
    rule = next(r for r in answer.rules if r.rule == "bridge-pilot2018-senior-technician-to-eng-associate-senior")
    assert [m.text for m in rule.missing] == ["高级技师已持有3.92年，需满4年（2026-12-02 满足）"]


def test_zh_check_output_has_no_english():
    res = CliRunner().invoke(main, ["check", "工程师", "--holds", "技师@2024-06-01", "--as-of", AS_OF, "--all"])
    assert res.exit_code == 0
    assert "have:" not in res.output and "none given" not in res.output and "or higher" not in res.output
    assert res.output.splitlines()[0] == \
        "工程师 (2026-12-01): 暂不符合；最早 2027-06-01；第一步：工程师（职称评审，2027-06-01）"


def test_held_target_says_what_outranks_it():
    res = CliRunner().invoke(main, ["check", "技师", "--holds", "高级技师@2015-01-01", "--as-of", AS_OF])
    assert res.output.splitlines()[0] == "技师 (2026-12-01): 已持有（由所持高级技师推定，自 2015-01-01）"
    res = CliRunner().invoke(main, ["path", "技师", "--holds", "高级技师:10", "--as-of", AS_OF])
    assert res.output.splitlines()[0] == "技师: 已持有（由所持高级技师推定，自 2016-12-01）"


def test_post_held_implies_its_credential_as_an_assumption_and_promotion_within_the_tier_is_the_employers():
    reg = registry(None)
    prof = build_profile(reg, ["专业技术岗位:十级@2020-01-01"], as_of=AS_OF)
    route = find_path(reg, prof, ["post_tech.p9"])
    assert route.total_years == 0
    assert [s.rule for s in route.steps] == ["inst-post-tier-intermediate"]
    assert route.set_by_employer == "inst-post-tier-intermediate"
    assert [(a.level.id, a.origin, a.from_.id) for a in route.assumptions] == [
        ("tier.intermediate", "assumed", "post_tech.p10")]
    assert "中级系由所聘专业技术十级岗位推定（假设；未声明持有）" in route.notes


def test_a_skilled_worker_post_is_not_routed_through_work_years():
    # issue 10 wrong answer 4: a roster row holding 工勤技能岗位二级 (a 技师 post) holds 高级工 already.
    reg = registry(None)
    prof = build_profile(reg, [f"{W2}@2016-01-01"], as_of=AS_OF)
    route = find_path(reg, prof, ["skill.senior"])
    assert route.steps == () and route.held.origin == "implied"


def test_a_route_keeps_to_one_edition_of_the_skill_standard():
    # issue 10 wrong answer 7: 四级+5, 三级+4, 二级+4 (2018 template, 3.3-3.5), not the newer 四级+4 then 2018.
    reg = registry(None)
    prof = build_profile(reg, ["中级工"], as_of=AS_OF)
    route = find_path(reg, prof, ["skill.senior_technician"])
    assert [s.rule for s in route.steps] == ["skill-tpl2018-intermediate-to-senior",
                                                   "skill-tpl2018-senior-to-technician",
                                                   "skill-tpl2018-technician-to-senior-technician"]
    assert route.total_years == 13


def test_derived_never_turns_may_apply_into_equals():
    # issue 10 wrong answer 6: 七级职员 is not thereby a civil servant.
    reg = registry(None)
    out = find_equivalents(reg, "七级职员", include_derived=True)
    assert "cs_grade.principal1" not in {r.level.id for r in out.results}
    answer = compare_levels(reg, "七级职员", "一级主任科员", include_derived=True)
    assert all("cs-apply-principal1-from-township-chief" not in b.a_chain for b in answer.bases)


def test_compare_says_the_relation_its_conditions_and_confidence():
    res = CliRunner().invoke(main, ["compare", "技师", "工程师", "--format", "json"])
    answer = json.loads(res.output)
    # two bases, both 比照 in post: 96号 (enterprises) and 58号 part (九) (every employer)
    assert [b["a_chain"] for b in answer["bases"]] == [["bridge-96-treated-technician-as-intermediate"],
                                                       ["cpc58-treated-technician-as-intermediate"]]
    for basis in answer["bases"]:
        assert basis["relations"] == ["counts_as", "treated_as"]
        assert basis["a_conditions"][0]["in_post"] is True
        assert answer["confidence"] == basis["confidence"] == "low"
    head = CliRunner().invoke(main, ["compare", "技师", "工程师"]).output.splitlines()[0]
    # the two bases ask different things: the headline says so rather than merging them
    assert head == "技师 同级（视同/对应、比照待遇；条件因依据而异，见下表；可信度 低） 工程师"


def test_a_credential_the_worker_states_is_not_assumed_from_a_post():
    # 工勤技能岗位二级 is a 技师 post; the worker says when they obtained 技师: that date stands.
    _, _, answer = answer_for(None, "技师", [f"{W2}@2016-01-01", "技师@2018-03-01"], None, None, [])
    assert (answer.held_by.origin, answer.held_by.since) == ("held", "2018-03-01")
    # without it, the post implies it, as an assumption dated from the post
    _, _, answer = answer_for(None, "技师", [f"{W2}@2016-01-01"], None, None, [])
    assert (answer.held_by.origin, answer.held_by.since) == ("assumed", "2016-01-01")


def test_fractional_years_held_are_counted_to_the_day():
    # issue 10, wrong answer 5: 高级技师 held 3.97 years is a few days short of 满4年, not 4 years by
    # rounding to whole months; 3.97 years is 47 months and 19 days, the fraction rounded towards the
    # plan date as for years of work (since 2022-12-13 on 2026-12-01)
    _, _, answer = answer_for(None, "高级工程师", ["高级技师:3.97"], None, None, [])
    assert (answer.eligible, answer.earliest) == (False, "2026-12-13")
    _, _, answer = answer_for(None, "高级工程师", ["高级技师:4"], None, None, [])
    assert (answer.eligible, answer.earliest) == (True, AS_OF)
