"""Issue 3 on the shipped mappings: path planning, eligibility, compare and routes-into.

Every number below comes from a clause of the documents, named in the comment next to it; none is
tuned to the engine's output. All plans use the fixed plan date AS_OF, so no test depends on today.
Fixtures are local to this file (tests/conftest.py belongs to the issue 2 tests).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from equivalence.cli import cli
from equivalence.eligibility import check_eligibility
from equivalence.errors import NoPromotionPathError
from equivalence.planner import find_path, solve
from equivalence.profile import build_profile
from equivalence.registry import Registry

AS_OF = "2024-01-01"

# The routes 96号 opens from a skill grade to a title (and the 2018 engineering pilot it extends).
BRIDGE_TO_SENIOR_ENGINEER = {"bridge-96-senior-technician-to-associate-senior",
                             "bridge-pilot2018-senior-technician-to-eng-associate-senior"}


@pytest.fixture(scope="module")
def reg():
    return Registry.load()


@pytest.fixture(scope="module")
def run():
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args])

    return invoke


def plan(reg, holds, *targets, education=None, work_years=None, alternatives=0, no_switch=False, as_of=AS_OF):
    prof = build_profile(reg, list(holds), education=education, work_years=work_years, as_of=as_of)
    refs = [reg.level(t).ref for t in targets]
    return find_path(reg, prof, refs, alternatives=alternatives, no_switch=no_switch)


def levels(route):
    return [s.level.id for s in route.steps]


def rules(route):
    return [s.rule for s in route.steps]


# ------------------------------------------------------------------------------------------------
# path: the examples of the issue
# ------------------------------------------------------------------------------------------------

def test_senior_worker_with_junior_college_reaches_senior_engineer_through_technician(reg):
    # 16号 annex, 高级工程师 (2): the title route needs 本科 or higher, so 大专 is shut out of it.
    # What is left is the skill ladder and the 96号 bridge:
    #   高级工 -> 技师       4 years (职业技能标准 template 2018, 申报条件 二级/技师 (1))
    #   技师 -> 高级技师     4 years (template 2018, 申报条件 一级/高级技师)
    #   高级技师 -> 高级工程师 4 years (96号 bridge / 2018 engineering pilot: 高级技师 满4年)
    route = plan(reg, ["高级工"], "高级工程师", education="大专")
    assert route.total_years == 12
    assert route.date == "2036-01-01"
    assert levels(route) == ["skill.technician", "skill.senior_technician", "eng.associate_senior"]
    assert [s.year for s in route.steps] == [4, 8, 12]
    assert rules(route)[:2] == ["skill-tpl2018-senior-to-technician", "skill-tpl2018-technician-to-senior-technician"]
    assert rules(route)[2] in BRIDGE_TO_SENIOR_ENGINEER
    assert not any(r.startswith("eng16-associate-senior") for r in rules(route))


def test_junior_college_title_route_to_senior_engineer_is_blocked_by_education(reg):
    # 16号 annex, 高级工程师 (1) 博士 / (2) 硕士, 第二学士, 本科 or 学士: no alternative for 大专.
    prof = build_profile(reg, ["高级工"], education="大专", as_of=AS_OF)
    sol = solve(reg, prof)
    assert sol.reasons(reg, "eng16-associate-senior-bachelor") == ["学历须大学本科及以上（现为大学专科）"]
    assert sol.reasons(reg, "eng16-associate-senior-doctor") == ["学历须博士及以上（现为大学专科）"]
    # Kept on the engineering ladder, there is no route at all.
    with pytest.raises(NoPromotionPathError, match="学历须大学本科及以上（现为大学专科）"):
        plan(reg, ["高级工"], "高级工程师", education="大专", no_switch=True)


def test_senior_worker_with_bachelor_takes_the_title_route(reg):
    # With 本科 the title route is open and shorter than the skill ladder (12 years):
    #   本科 + 见习 1 year -> 助理工程师 (16号 annex, 助理工程师: 本科 + 见习1年; work years counted from the plan date)
    #   + 4 years -> 工程师 (16号 annex, 工程师 (3): 本科 + 助理工程师 满4年)
    #   + 5 years -> 高级工程师 (16号 annex, 高级工程师 (2): 本科 + 工程师 满5年)
    route = plan(reg, ["高级工"], "高级工程师", education="本科")
    assert route.total_years == 10
    assert levels(route) == ["eng.assistant", "eng.intermediate", "eng.associate_senior"]
    assert rules(route) == ["eng16-assistant-from-bachelor", "eng16-intermediate-bachelor",
                            "eng16-associate-senior-bachelor"]


def test_master_engineer_reaches_engineer_two_years_after_assistant(reg):
    # 16号 annex, 工程师 (2): 硕士学位或第二学士学位, 取得助理工程师职称后, 从事技术工作满2年.
    route = plan(reg, ["助理工程师"], "工程师", education="硕士")
    assert route.total_years == 2
    assert rules(route) == ["eng16-intermediate-second-bachelor"]
    # 16号 annex, 助理工程师: 具备硕士学位 -> 助理工程师 at once; then the same 2 years.
    fresh = plan(reg, [], "工程师", education="硕士")
    assert fresh.total_years == 2
    assert rules(fresh) == ["eng16-assistant-from-master", "eng16-intermediate-second-bachelor"]
    assert [s.year for s in fresh.steps] == [0, 2]


def test_bachelor_engineer_needs_four_years_after_assistant(reg):
    # 16号 annex, 工程师 (3): 本科 + 助理工程师 满4年 (the 硕士 discount does not apply).
    route = plan(reg, ["助理工程师"], "工程师", education="本科")
    assert route.total_years == 4
    assert rules(route) == ["eng16-intermediate-bachelor"]


def test_skilled_worker_post_five_to_one_takes_five_years_a_step(reg):
    # 岗位设置管理试行办法 实施意见 (5.4): 一级至四级工勤技能岗位, 须在本工种下一级岗位工作满5年, and pass the
    # matching skill test (中级工 / 高级工 / 技师 / 高级技师: reached meanwhile on the skill ladder, 4 years a
    # step by the 2018 template, so never the binding condition). 4 steps x 5 years = 20.
    route = plan(reg, ["工勤技能岗位:五级", "初级工"], "工勤技能岗位:一级")
    assert route.total_years == 20
    post_steps = [s for s in route.steps if s.level.ladder == "post_skill"]
    assert [s.level.id for s in post_steps] == ["post_skill.w4", "post_skill.w3", "post_skill.w2", "post_skill.w1"]
    assert [s.year for s in post_steps] == [5, 10, 15, 20]
    assert [s.rule for s in post_steps] == ["inst-skill-post-promote-w4", "inst-skill-post-promote-w3",
                                               "inst-skill-post-promote-w2", "inst-skill-post-promote-w1"]
    # The skill test each post step needs is on the route, before that step.
    skill = {s.level.id: s.year for s in route.steps if s.level.ladder == "skill"}
    assert skill["skill.senior_technician"] <= 20 and skill["skill.technician"] <= 15


def test_civil_servant_reaches_principal_staff_member_in_ten_years(reg):
    # 公务员职务与职级并行规定 第十八条: 二级科员 -> 一级科员 -> 四级 -> 三级 -> 二级 -> 一级主任科员,
    # 2 years each (items (七)-(十一)): 2+2+2+2+2 = 10.
    route = plan(reg, ["二级科员"], "一级主任科员")
    assert route.total_years == 10
    assert [s.year for s in route.steps] == [2, 4, 6, 8, 10]
    assert all(s.level.ladder == "cs_grade" and s.kind == "promotion" for s in route.steps)
    assert route.steps[-1].rule == "cs-promote-principal1"


# ------------------------------------------------------------------------------------------------
# path: more cases
# ------------------------------------------------------------------------------------------------

def test_bachelor_may_apply_for_technician_at_once(reg):
    # 16号 annex, 技术员 (1): 具备大学本科学历或学士学位 (no years).
    route = plan(reg, [], "技术员", education="本科")
    assert route.total_years == 0
    assert rules(route) == ["eng16-clerk-from-bachelor"]
    assert route.date == AS_OF


def test_junior_college_needs_a_year_of_probation_for_technician(reg):
    # 16号 annex, 技术员 (2): 大学专科 ... 在工程技术岗位上见习1年期满 (encoded as 1 year of work).
    assert plan(reg, [], "技术员", education="大专").total_years == 1
    # With a year of work already done, at once.
    assert plan(reg, [], "技术员", education="大专", work_years=1).total_years == 0


def test_target_already_held_takes_no_steps(reg):
    route = plan(reg, ["工程师@2015-03-01"], "工程师")
    assert route.steps == ()
    assert route.total_years == 0  # not negative although held since 2015
    assert route.date == AS_OF
    assert route.alternatives == ()


def test_to_tier_associate_senior(run):
    # 技师 since 2020-07-01: 高级技师 on 2024-07-01 (template 2018, 4 years), then 高级工程师 4 years
    # later (2018 engineering pilot), which counts as the tier 副高级. The other bridged series have no
    # national years (each province sets them), so they give no earlier date.
    res = run("path", "--holds", "技师@2020-07-01", "--to-tier", "副高级", "--as-of", AS_OF, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["reached"]["id"] == "tier.associate_senior"
    assert data["target"] == [{"id": "tier.associate_senior", "ladder": "tier", "name": "副高级"}]
    assert data["total_years"] == 4.5
    assert data["date"] == "2028-07-01"
    assert data["steps"][0]["level"]["id"] == "skill.senior_technician"
    assert data["steps"][0]["date"] == "2024-07-01"
    assert data["steps"][1]["rule"] == "bridge-pilot2018-senior-technician-to-eng-associate-senior"


def test_with_to_tier_the_one_level_given_is_from(run):
    # `path 技师@2020-07-01 --to-tier 副高级` exited 2 ("TARGET 与 --to-tier 只能给一个"): the level was
    # taken for TARGET, while --to-tier is the target and the usage is [FROM] TARGET
    short = run("path", "技师@2020-07-01", "--to-tier", "副高级", "--as-of", AS_OF, "--format", "json")
    long = run("path", "--holds", "技师@2020-07-01", "--to-tier", "副高级", "--as-of", AS_OF, "--format", "json")
    assert short.exit_code == 0, short.output
    assert short.stdout == long.stdout
    both = run("path", "技师", "高级技师", "--to-tier", "中级", "--as-of", AS_OF)
    assert both.exit_code == 2 and "TARGET 与 --to-tier 只能给一个" in both.stderr


def test_to_tier_rejects_a_non_tier(run):
    res = run("path", "--holds", "技师", "--to-tier", "高级工程师", "--as-of", AS_OF)
    assert res.exit_code == 1
    assert res.stderr == "Error: '高级工程师' 不是职称层级（员级、助理级、中级、副高级、正高级）\n"


def test_range_target_is_any_post_of_the_range(run):
    # 工程师 (本科) -> 高级工程师 after 5 years (16号 annex 高级工程师 (2)); 副高级 may be appointed to
    # 专业技术岗位 五至七级 (岗位设置管理试行办法): the first post of the range reached is 七级.
    res = run("path", "工程师", "专业技术岗位:七级..五级", "--education", "本科", "--as-of", AS_OF, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total_years"] == 5
    assert data["reached"]["id"] in {"post_tech.p7", "post_tech.p6", "post_tech.p5"}
    assert [t["id"] for t in data["target"]] == ["post_tech.p7", "post_tech.p6", "post_tech.p5"]
    assert data["steps"][-1]["rule"] == "inst-post-tier-associate-senior"


def test_level_and_above_target(reg, run):
    # 工勤技能岗位:三级+ is 三级, 二级 or 一级; from 五级 the first reached is 三级: 2 steps of 5 years (5.4).
    res = run("path", "--holds", "工勤技能岗位:五级", "--holds", "初级工", "工勤技能岗位:三级+", "--as-of", AS_OF,
              "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["reached"]["id"] == "post_skill.w3"
    assert data["total_years"] == 10
    # Same answer when the range is written out.
    res2 = run("path", "--holds", "工勤技能岗位:五级", "--holds", "初级工", "工勤技能岗位:三级..一级", "--as-of", AS_OF,
               "--format", "json")
    assert json.loads(res2.stdout)["total_years"] == 10


def test_unreachable_target_names_the_education_condition(reg):
    # 16号 annex, 正高级工程师: 大学本科及以上学历 ... 满5年; no bridge to 正高级 (96号 stops at 副高级).
    with pytest.raises(NoPromotionPathError) as err:
        plan(reg, ["工程师"], "正高级工程师", education="大专")
    msg = str(err.value)
    assert "eng16-full-senior-bachelor" in msg
    assert "eng16-full-senior-bachelor：学历须大学本科及以上（现为大学专科）" in msg


def test_no_switch_keeps_every_step_on_the_target_ladder(reg):
    free = plan(reg, ["工程师"], "高级工程师", education="本科")
    kept = plan(reg, ["工程师"], "高级工程师", education="本科", no_switch=True)
    assert all(s.level.ladder == "eng" for s in kept.steps)
    # 16号 annex 高级工程师 (2): 5 years; never earlier than the unrestricted plan.
    assert kept.total_years == 5
    assert kept.date >= free.date


def test_no_switch_can_make_a_target_unreachable(reg):
    # 大专 工程师: the only way to 高级工程师 leaves the ladder (工程师 -> 中级 -> 技师 by 96号 part 4, then the
    # skill ladder and the bridge); kept on the engineering ladder, 16号 blocks it.
    assert plan(reg, ["工程师"], "高级工程师", education="大专").total_years > 0
    with pytest.raises(NoPromotionPathError, match="学历须大学本科及以上"):
        plan(reg, ["工程师"], "高级工程师", education="大专", no_switch=True)


@pytest.mark.parametrize("holds,target,education", [
    (["技师@2020-07-01"], "副高级", "本科"),  # 工程 alone: the other series' years are the provinces'
    (["高级工"], "高级工程师", "大专"),
    (["工勤技能岗位:五级", "初级工"], "工勤技能岗位:二级", None),
])
def test_alternatives_are_never_earlier_and_differ(reg, holds, target, education):
    route = plan(reg, holds, target, education=education, alternatives=3)
    alts = route.alternatives
    assert alts, "these targets have more than one route"
    assert len(alts) <= 3
    keys = [tuple(rules(route))] + [tuple(rules(a)) for a in alts]
    assert len(set(keys)) == len(keys)  # each differs from every other in at least one rule
    for alt in alts:
        assert alt.date >= route.date
        assert alt.total_years >= route.total_years
    # listed best first
    assert [a.date for a in alts] == sorted(a.date for a in alts)


def test_preparatory_technician_class_counts_as_bachelor_for_title_review(reg):
    # 技工院校 预备技师（技师）班 counts as 本科 for 职称评审 (7.1: 鲁人社发〔2020〕16号 / 2018 pilot), so the
    # 16号 本科 route to 高级工程师 is open (5 years after 工程师); 大专 is shut out of it.
    route = plan(reg, ["工程师"], "高级工程师", education="预备技师班", no_switch=True)
    assert route.total_years == 5
    assert rules(route) == ["eng16-associate-senior-bachelor"]
    # and 技术员 at once (16号 annex, 技术员 (1): 本科)
    # (the class counts as 本科 from the day it is held: the route shows that step with its date)
    assert rules(plan(reg, [], "技术员", education="预备技师班")) == ["techschool-preparatory-class-as-bachelor-title",
                                                                     "eng16-clerk-from-bachelor"]


def test_preparatory_technician_class_is_not_a_degree_for_other_purposes(reg):
    # The same class does not count as 大专/本科 for 职业技能评价: the skill rule that needs a 大专 diploma
    # (template 2018 三级/高级工 (3)) is not met by it; the rule that names the 技工院校 class is.
    prof = build_profile(reg, ["中级工:3"], education="预备技师班", as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["skill.senior"])
    by_rule = {r.rule: r for r in answer.rules}
    college = by_rule["skill-tpl2018-intermediate-to-senior-junior-college"]
    assert [m.what for m in college.missing] == ["education"]
    assert by_rule["skill-tpl2018-intermediate-to-senior-by-school"].eligible
    assert answer.eligible


def test_path_is_deterministic(reg):
    a = plan(reg, ["高级工"], "高级工程师", education="大专", alternatives=2)
    b = plan(reg, ["高级工"], "高级工程师", education="大专", alternatives=2)
    assert a == b


def test_planning_leaves_no_reference_cycles(reg):
    """A sweep's thousands of small objects are freed by reference counting as soon as the answer is
    built; a cycle (e.g. a recursive closure holding the Solution) would keep them all for the cyclic
    collector, which on a large rule set costs more than the sweep. Checked with collection paused."""
    import gc

    from equivalence.roster import process_rows

    def work():
        plan(reg, ["高级工"], "高级工程师", education="大专", alternatives=2)
        check_eligibility(reg, build_profile(reg, ["高级工:3"], education="大专", as_of=AS_OF),
                          [reg.level("技师").ref])
        process_rows(reg, [{"holds": "技师:2", "education": "本科", "work_years": "8", "target": "高级工程师"}],
                     as_of=AS_OF)

    work()  # first use builds tables that live on the registry
    gc.collect()
    gc.disable()
    try:
        work()
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_path_json_shape(run):
    res = run("path", "高级工", "高级工程师", "--education", "大专", "--as-of", AS_OF, "--alternatives", "1",
              "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert isinstance(data, dict)
    assert isinstance(data["total_years"], (int, float)) and not isinstance(data["total_years"], bool)
    assert data["total_years"] == 12
    assert isinstance(data["steps"], list) and data["steps"]
    for step in data["steps"]:
        assert set(step["level"]) >= {"id", "ladder", "name"}
        assert step["level"]["ladder"] == step["level"]["id"].split(".")[0]
        assert isinstance(step["year"], (int, float))
        assert isinstance(step["rule"], str)
        assert isinstance(step["sources"], list) and step["sources"]
        assert all(src["doc_no"] is not None and src["article"] for src in step["sources"])
    assert data["steps"][-1]["level"] == {"id": "eng.associate_senior", "ladder": "eng", "name": "高级工程师"}
    assert isinstance(data["alternatives"], list) and len(data["alternatives"]) == 1
    assert set(data["alternatives"][0]) >= {"total_years", "steps"}


def test_path_csv_and_table(run):
    res = run("path", "二级科员", "一级主任科员", "--as-of", AS_OF, "--format", "csv")
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 1 + 5  # header + 5 steps (第十八条)
    res = run("path", "二级科员", "一级主任科员", "--as-of", AS_OF)
    assert res.exit_code == 0
    assert "10 年" in res.stdout and "2034-01-01" in res.stdout


def test_profile_file(tmp_path, run):
    prof = tmp_path / "worker.yaml"
    prof.write_text("holds: [高级工]\neducation: 大专\nas_of: 2024-01-01\n", encoding="utf-8")
    res = run("path", "高级工程师", "--profile", prof, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["total_years"] == 12


# ------------------------------------------------------------------------------------------------
# check
# ------------------------------------------------------------------------------------------------

def test_check_eligible_now(reg):
    # 技师 held 3 years: 2018 engineering pilot 技师 满3年 -> 工程师.
    prof = build_profile(reg, ["技师:3"], as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.intermediate"])
    assert answer.eligible is True
    assert answer.earliest == AS_OF
    by_rule = {r.rule: r for r in answer.rules}
    assert by_rule["bridge-pilot2018-technician-to-eng-intermediate"].eligible
    assert by_rule["bridge-pilot2018-technician-to-eng-intermediate"].missing == ()


def test_check_years_short_with_the_date_met(reg):
    # 技师 held 1 year of the 3 the bridge needs: met on 2026-01-01.
    prof = build_profile(reg, ["技师:1"], education="大专", as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.intermediate"])
    assert answer.eligible is False
    assert answer.earliest == "2026-01-01"
    rule = {r.rule: r for r in answer.rules}["bridge-pilot2018-technician-to-eng-intermediate"]
    assert rule.eligible is False
    [gap] = rule.missing
    assert gap.what == "years"
    assert gap.years_needed == 3 and gap.years_held == 1
    assert gap.date == "2026-01-01"
    assert rule.earliest == "2026-01-01"


def test_check_missing_education(reg):
    prof = build_profile(reg, ["助理工程师:5"], education="大专", as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.intermediate"])
    by_rule = {r.rule: r for r in answer.rules}
    # 16号 annex, 工程师 (3) needs 本科; (4) 大专 + 4 years is met.
    bachelor = by_rule["eng16-intermediate-bachelor"]
    assert [m.what for m in bachelor.missing] == ["education"]
    assert bachelor.missing[0].level == "edu.bachelor"
    assert by_rule["eng16-intermediate-junior-college"].eligible
    assert answer.eligible is True


def test_check_earliest_is_the_earliest_over_all_rules(reg):
    prof = build_profile(reg, ["技师:1"], education="大专", as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.intermediate"])
    dates = [r.earliest for r in answer.rules if r.earliest]
    assert answer.earliest == min(dates)
    # and it agrees with path
    route = plan(reg, ["技师:1"], "工程师", education="大专")
    assert route.date == answer.earliest


def test_check_already_held(reg):
    prof = build_profile(reg, ["工程师:2"], as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.intermediate"])
    assert answer.held is True and answer.eligible is True and answer.earliest == AS_OF


def test_check_unreachable(reg):
    prof = build_profile(reg, ["工程师"], education="大专", as_of=AS_OF)
    answer = check_eligibility(reg, prof, ["eng.full_senior"])
    assert answer.eligible is False
    assert answer.earliest is None
    [rule] = [r for r in answer.rules if r.rule == "eng16-full-senior-bachelor"]
    assert {m.what for m in rule.missing} == {"credential", "education"}


def test_check_json_shape(run):
    res = run("check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", AS_OF, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["eligible"] is False and isinstance(data["eligible"], bool)
    dt.date.fromisoformat(data["earliest"])
    assert data["rules"]
    for rule in data["rules"]:
        assert isinstance(rule["missing"], list)
        assert isinstance(rule["met"], list)
        assert all("text" in m and "what" in m for m in rule["missing"])
    res = run("check", "正高级工程师", "--holds", "工程师", "--education", "大专", "--as-of", AS_OF, "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["eligible"] is False and data["earliest"] is None


@pytest.mark.parametrize("args,verdict", [
    (["工程师", "--holds", "技师:3"], "现在符合条件"),
    (["工程师", "--holds", "技师:1"], "暂不符合；最早 2026-01-01"),
    (["正高级工程师", "--holds", "工程师", "--education", "大专"], "不符合"),
    (["工程师", "--holds", "工程师"], "已持有"),
])
def test_check_always_exits_0(run, args, verdict):
    res = run("check", *args, "--as-of", AS_OF)
    assert res.exit_code == 0, res.output
    assert verdict in res.stdout.splitlines()[0]


# ------------------------------------------------------------------------------------------------
# compare and routes-into
# ------------------------------------------------------------------------------------------------

def test_compare_senior_technician_higher_than_technician(reg):
    from equivalence.compare import compare_levels

    answer = compare_levels(reg, "高级技师", "技师")
    assert answer.verdict == "higher"
    assert any(b.ladder == "skill" and b.a_kind == "self" and b.b_kind == "self" for b in answer.bases)
    assert compare_levels(reg, "技师", "高级技师").verdict == "lower"


def test_compare_technician_and_engineer_same_tier_via_treated_as(reg):
    from equivalence.compare import compare_levels

    # 96号 五 (各类企业) and 58号 (九) (every employer, pay included): 在聘的技师 比照 相应层级 (中级)
    # 专业技术人员 (the pairing a reading, low); 工程师 is a 中级 title.
    answer = compare_levels(reg, "技师", "工程师")
    assert answer.verdict == "same"
    bases = [b for b in answer.bases if b.ladder == "tier"]
    assert [b.a_chain for b in bases] == [("bridge-96-treated-technician-as-intermediate",),
                                          ("cpc58-treated-technician-as-intermediate",)]
    for basis in bases:
        assert basis.a_kind == "treated_as"
        assert basis.a[0].id == basis.b[0].id == "tier.intermediate"
        assert reg.rules[basis.a_chain[0]].confidence == "low"
        assert reg.rules[basis.a_chain[0]].conditions.in_post is True


def test_compare_unrelated_levels_not_comparable(reg, run):
    from equivalence.compare import compare_levels

    assert compare_levels(reg, "二级科员", "技术员").verdict == "not_comparable"
    res = run("compare", "二级科员", "技术员", "--format", "json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["verdict"] == "not_comparable"


def test_compare_cli(run):
    res = run("compare", "高级技师", "技师")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0] == "高级技师 高于 技师"


def test_routes_into_senior_engineer(run):
    res = run("routes-into", "高级工程师", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["target"] == [{"id": "eng.associate_senior", "ladder": "eng", "name": "高级工程师"}]
    froms = {r["from"]["id"] for r in data["routes"] if r["from"]}
    assert {"skill.senior_technician", "eng.intermediate"} <= froms
    by_rule = {r["rule"]: r for r in data["routes"]}
    # with their conditions: 2018 engineering pilot 4 years; 16号 本科 + 5 years
    assert by_rule["bridge-pilot2018-senior-technician-to-eng-associate-senior"]["conditions"]["years_in_from"] == 4
    assert by_rule["eng16-associate-senior-bachelor"]["conditions"]["education"] == "edu.bachelor"
    assert by_rule["eng16-associate-senior-bachelor"]["conditions"]["years_in_from"] == 5
    table = run("routes-into", "高级工程师")
    assert table.exit_code == 0 and "高级技师" in table.stdout and "工程师" in table.stdout


# ------------------------------------------------------------------------------------------------
# CLI exit codes
# ------------------------------------------------------------------------------------------------

def test_unreachable_path_exits_1_with_one_error_line(run):
    res = run("path", "工程师", "正高级工程师", "--education", "大专", "--as-of", AS_OF)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: 无法到达正高级工程师：")
    assert "大学本科" in lines[0]
    assert "Traceback" not in res.output


@pytest.mark.parametrize("command", ["path", "check"])
def test_bad_as_of_exits_2(run, command):
    res = run(command, "高级工", "高级工程师", "--as-of", "2024-13-01") if command == "path" else \
        run(command, "高级工程师", "--holds", "高级工", "--as-of", "2024-13-01")
    assert res.exit_code == 2
    assert "as-of" in res.stderr


@pytest.mark.parametrize("args", [
    ["path", "高级工", "高级工程师x", "--as-of", AS_OF],
    ["path", "不存在的等级", "高级工程师", "--as-of", AS_OF],
    ["check", "高级工程师x", "--as-of", AS_OF],
    ["check", "高级工程师", "--holds", "不存在的等级", "--as-of", AS_OF],
    ["compare", "高级技师", "不存在的等级"],
    ["routes-into", "不存在的等级"],
])
def test_unknown_level_exits_1(run, args):
    res = run(*args, "--lang", "en")
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: unknown level")
    assert run(*args).stderr.startswith("Error: 未知等级 ")
    assert "Traceback" not in res.output


def test_holding_obtained_after_plan_date_is_an_error(run):
    res = run("path", "--holds", "技师@2030-01-01", "高级技师", "--as-of", AS_OF)
    assert res.exit_code == 1
    assert res.stderr == "Error: '技师@2030-01-01'：取得日期晚于计划日期 2024-01-01\n"
    assert run("path", "--holds", "技师@2030-01-01", "高级技师", "--as-of", AS_OF, "--lang", "en").stderr == \
        "Error: '技师@2030-01-01': obtained after the plan date 2024-01-01\n"
