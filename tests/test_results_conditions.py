"""Conditions inside the typed results are typed: a rule's conditions as answers show them are a
``ShownConditions``, a condition as ``check`` evaluated it a ``CheckedCondition``; each one's JSON is
exactly the object the answers gave when they were dicts. And an empty lookup's hint that derived
comparisons exist comes from the one query the answer made."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import equivalence.lookup as lookup_module
from conftest import SHIPPED
from equivalence import Registry, api
from equivalence.cli import cli
from equivalence.conditions import REASONS, Condition, evaluate
from equivalence.describe import other_words
from equivalence.eligibility import rules_into
from equivalence.lookup import conditions_of, find_equivalents
from equivalence.planner import _education_held, solve
from equivalence.profile import build_profile
from equivalence.records import NO_CONDITIONS, Conditions, PointsNeeded, Requirement
from equivalence.records import Words
from equivalence.results import FIGURES, CheckedCondition, RouteIn, ShownConditions, Step
from equivalence.schemas import models
from equivalence.standing import compute_standing
from equivalence.wording import checked_condition, say

AS_OF = "2026-12-01"
ACME = SHIPPED / "examples" / "acme"


@pytest.fixture(scope="module")
def national():
    return Registry.load(SHIPPED)


@pytest.fixture(scope="module")
def guangdong():
    return Registry.load(SHIPPED, region="广东", layers=[ACME])


@pytest.fixture(scope="module")
def zhejiang():
    return Registry.load(SHIPPED, region="浙江", layers=[ACME])


# -- a rule's conditions: ShownConditions -----------------------------------------------------------
def dict_form(rule, lang):
    """The conditions as lookup.conditions_of gave them when they were a dict: the oracle."""
    cond = rule.conditions
    if cond == NO_CONDITIONS:
        return {}
    out = {k: v for k, v in zip(cond._fields, cond) if v not in (None, (), False)}
    for key in ("also_holds", "points"):
        if key in out:
            out[key] = [q.to_dict() for q in out[key]] if key == "also_holds" else out[key].to_dict()
    if "honours" in out:
        out["honours"] = list(out["honours"])
    if "other" in out:
        out["other"] = [other_words(item, lang) for item in cond.other]
    return {"rule": rule.id, **out} if out else {}


def test_shown_conditions_has_every_condition_of_a_rule_in_its_order():
    assert ShownConditions._fields == ("rule", *Conditions._fields)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rules_conditions_give_the_json_they_gave_as_a_dict(national, guangdong, zhejiang, lang):
    for reg in (national, guangdong, zhejiang):
        for rule in reg.rules.values():
            shown = conditions_of(rule, lang)
            old = dict_form(rule, lang)
            if not old:
                assert shown is None, rule.id
                continue
            assert type(shown) is ShownConditions and shown.rule == rule.id
            assert json.dumps(shown.to_json(), ensure_ascii=False) == json.dumps(old, ensure_ascii=False), rule.id
            models.Conditions.model_validate(shown.to_json())


def test_shown_conditions_are_read_by_attribute(guangdong):
    post = conditions_of(guangdong.rules["inst-skill-post-promote-w4"], "zh")
    assert (post.years_in_from, post.in_post, post.same_specialty, post.appointed) == (5, True, True, False)
    assert post.also_holds == (Requirement("skill.intermediate", 0, False),)
    assert post.education is None and post.points is None and post.honours == ()
    assert post.to_json() == {"rule": "inst-skill-post-promote-w4", "years_in_from": 5.0,
                              "also_holds": [{"level": "skill.intermediate", "years": 0, "in_post": False}],
                              "in_post": True, "same_specialty": True, "other": list(post.other)}
    points = conditions_of(guangdong.rules["acme-s3-to-s4"], "en")
    assert points.points == PointsNeeded("acme-skill-points", 80.0)
    assert points.to_json()["points"] == {"scheme": "acme-skill-points", "at_least": 80.0}
    assert points.other == ("passed the annual appraisal",)
    honour = conditions_of(guangdong.rules["gd-special-technician-from-technician-with-honour"], "zh")
    assert honour.appointed is True and "national_technical_expert" in honour.honours
    assert list(honour.to_json()) == ["rule", "years_in_from", "same_specialty", "appointed", "honours", "other"]
    college = conditions_of(guangdong.rules["eng16-assistant-junior-college"], "zh")
    assert college == ShownConditions("eng16-assistant-junior-college", years_in_from=2.0,
                                      education="edu.junior_college")
    assert college.to_json() == {"rule": "eng16-assistant-junior-college", "years_in_from": 2.0,
                                 "education": "edu.junior_college"}
    assert conditions_of(guangdong.rules["cs-pair-bureau-chief-inspector1"], "zh") is None


def test_a_condition_set_to_nothing_is_not_shown():
    from equivalence.records import Rule

    rule = Rule("r", "promotion", "a.x", ("a.y",), (), "high", "2020-01-01", conditions=Conditions(years_in_from=0))
    assert conditions_of(rule, "zh") is None
    rule = rule._replace(conditions=Conditions(years_in_from=0, work_years=2))
    assert conditions_of(rule, "zh") == ShownConditions("r", work_years=2)
    assert conditions_of(rule, "zh").to_json() == {"rule": "r", "work_years": 2}


def test_a_rule_without_conditions_is_an_empty_object_in_routes_and_steps(national):
    routes = api.routes_into(national, "技术员").routes
    bare = next(r for r in routes if r.conditions is None)
    assert type(bare) is RouteIn and bare.to_json()["conditions"] == {}
    shown = next(r for r in routes if r.conditions is not None)
    assert shown.to_json()["conditions"] == shown.conditions.to_json()
    route = api.path(national, "高级工程师", holds=["高级工"], education="大专", as_of=AS_OF)
    for step in route.steps:
        assert type(step) is Step
        assert step.to_json()["conditions"] == ({} if step.conditions is None else step.conditions.to_json())
        assert list(step.to_json()) == [("from" if f == "from_" else f) for f in Step._fields]


# -- a condition as check evaluated it: CheckedCondition ---------------------------------------------
def dict_of(c: Condition, lang: str) -> dict:
    """The condition as check's answers gave it when it was a dict: the oracle."""
    out = {"what": c.what, "status": c.status, "reason": c.reason}
    if c.level:
        out["level"] = c.level
    if c.date:
        out["date"] = c.date.isoformat()
    out.update(c.data)
    if c.reason == "other":
        out["text"] = other_words(out["text"], lang)
    return out


WORKERS = [  # (region, target, holds, education, work years, honours)
    (None, "工程师", ["技师@2024-06-01"], "大专", None, []),
    (None, "高级工程师", ["一级建造师@2020-05-01"], "本科", None, []),
    (None, "高级工程师", ["高级技师:5"], "大专", None, []),
    (None, "技师", ["高级工:3"], "大专", 6, []),
    (None, "工程师", ["助理工程师:4"], None, None, []),
    (None, "正高级工程师", ["工程师"], "大专", None, []),
    ("广东", "特级技师", ["高级工程师@2018-01-01"], "本科", 20, []),
    ("广东", "特级技师", ["技师:5"], None, None, ["全国技术能手"]),
    ("浙江", "技师", ["工程师@2015-01-01"], "本科", None, []),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("worker", WORKERS, ids=[f"{w[0] or ''} {w[1]} {' '.join(w[2])}".strip() for w in WORKERS])
def test_every_evaluated_condition_gives_the_json_it_gave_as_a_dict(national, worker, lang):
    region, target, holds, education, work_years, honours = worker
    reg = Registry.load(SHIPPED, region=region) if region else national
    profile = build_profile(reg, holds, education=education, work_years=work_years, as_of=AS_OF, honours=honours)
    standing = compute_standing(reg, profile)
    sol = solve(reg, profile, every_rule=True, standing=standing)
    seen = 0
    for rule in rules_into(reg, [reg.level(target).ref]):
        for c in evaluate(reg, rule, standing, sol, _education_held(reg, profile)):
            typed = checked_condition(c, lang)
            assert type(typed) is CheckedCondition
            assert json.dumps(typed.to_json(), ensure_ascii=False) == json.dumps(dict_of(c, lang), ensure_ascii=False)
            text = say(reg, c, lang)
            missing = checked_condition(c, lang, text)
            assert missing.text == (typed.text if c.reason == "other" else text)
            if c.reason != "other":
                assert missing.to_json() == {**dict_of(c, lang), "text": text}
            seen += 1
    assert seen


def test_every_reason_says_its_figures():
    # a level or a date only (no_date: nothing)
    assert set(REASONS) - set(FIGURES) == {"later", "not_in_post", "not_yet", "level_not_yet", "specialty", "no_date"}
    assert set(FIGURES) - set(REASONS) == {"points_never", "conditions_after_end"}  # the planner's own


@pytest.mark.parametrize("condition,expected", [
    (Condition("honour", "unmet", "honour_missing", data={"honours": ["a", "b"], "have": []}),
     {"what": "honour", "status": "unmet", "reason": "honour_missing", "honours": ["a", "b"], "have": []}),
    (Condition("education", "unmet", "education_missing", "edu.bachelor", data={"have": None}),
     {"what": "education", "status": "unmet", "reason": "education_missing", "level": "edu.bachelor", "have": None}),
    (Condition("in_force", "unmet", "ended", data={"until": "2014-10"}),
     {"what": "in_force", "status": "unmet", "reason": "ended", "until": "2014-10"}),
    (Condition("in_force", "unmet", "not_yet", date=dt.date(2027, 1, 1)),
     {"what": "in_force", "status": "unmet", "reason": "not_yet", "date": "2027-01-01"}),
    (Condition("in_force", "unmet", "level_not_yet", "skill.special_technician", dt.date(2022, 3, 1)),
     {"what": "in_force", "status": "unmet", "reason": "level_not_yet", "level": "skill.special_technician",
      "date": "2022-03-01"}),
    (Condition("credential", "unmet", "no_route", "eng.full_senior", data={"reachable": False}),
     {"what": "credential", "status": "unmet", "reason": "no_route", "level": "eng.full_senior", "reachable": False}),
    (Condition("credential", "met", "held", "skill.technician", dt.date(2020, 1, 1),
               data={"since": "2015-01-01", "origin": "implied", "years_needed": 5, "years_held": 11.92,
                     "from": "skill.senior_technician", "by_rule": None}),
     {"what": "credential", "status": "met", "reason": "held", "level": "skill.technician", "date": "2020-01-01",
      "since": "2015-01-01", "origin": "implied", "years_needed": 5, "years_held": 11.92,
      "from": "skill.senior_technician", "by_rule": None}),
    (Condition("points", "unmet", "points_short",
               data={"scheme": "s", "points_needed": 50, "points_held": 0,
                     "scheme_name": {"zh": "积分", "en": "points"}}),
     {"what": "points", "status": "unmet", "reason": "points_short", "scheme": "s", "points_needed": 50,
      "points_held": 0, "scheme_name": {"zh": "积分", "en": "points"}}),
    (Condition("points", "unmet", "points_never",
               data={"scheme": "s", "points_needed": 50, "scheme_name": {"zh": "积分", "en": "积分"}}),
     {"what": "points", "status": "unmet", "reason": "points_never", "scheme": "s", "points_needed": 50,
      "scheme_name": {"zh": "积分", "en": "积分"}}),
])
def test_figures_that_are_none_or_empty_stay_in_the_json(condition, expected):
    typed = checked_condition(condition, "zh")
    assert typed.to_json() == expected and list(typed.to_json()) == list(expected)
    assert typed.to_json() == dict_of(condition, "zh")


def test_a_checked_condition_is_read_by_attribute(national):
    verdict = api.check(national, "工程师", holds=["技师:1"], as_of=AS_OF)
    [gap] = next(r for r in verdict.rules if r.rule == "bridge-pilot2018-technician-to-eng-intermediate").missing
    assert gap == CheckedCondition("years", "unmet", "years_short", "skill.technician", "2028-12-01",
                                   since="2025-12-01", origin="held", years_needed=3, years_held=1.0,
                                   text="技师已持有1年，需满3年（2028-12-01 满足）")
    assert gap.to_json() == {"what": "years", "status": "unmet", "reason": "years_short", "level": "skill.technician",
                             "date": "2028-12-01", "since": "2025-12-01", "origin": "held", "years_needed": 3,
                             "years_held": 1.0, "text": "技师已持有1年，需满3年（2028-12-01 满足）"}
    models.Missing.model_validate(gap.to_json())
    points = checked_condition(Condition("points", "met", "points_met", data={
        "scheme": "s", "points_needed": 5, "points_held": 6, "scheme_name": {"zh": "积分", "en": "points"}}), "en")
    assert points.scheme_name == Words("积分", "points") and points.points_held == 6


# -- the empty lookup's hint: from the one query --------------------------------------------------------
@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = lookup_module.find_equivalents

    def find(*args, **kwargs):
        calls.append(kwargs.get("include_derived"))
        return real(*args, **kwargs)

    monkeypatch.setattr(lookup_module, "find_equivalents", find)
    return calls


@pytest.mark.parametrize("args,line", [
    (["lookup", "首席技师"], "首席技师 (职业技能等级, skill.chief_technician): 没有相关等级"
                             "（另有推导的比较，非文件所述：加 --include-derived 查看）"),
    (["lookup", "首席技师", "--lang", "en"], "Chief technician (Vocational skill grades, skill.chief_technician): "
                                             "no related levels (derived comparisons, stated by no document, exist: "
                                             "add --include-derived)"),
    (["lookup", "工勤技能岗位:二级", "--kind", "derived"],
     "技术工二级 (工勤技能岗位, post_skill.w2): 没有相关等级（另有推导的比较，非文件所述：加 --include-derived 查看）"),
    (["lookup", "七级职员", "--kind", "apply", "--lang", "en"],
     "Management post, staff grade 7 (Public institution management posts (职员), post_mgmt.m7): "
     "no related levels (try without --to / --kind / --purpose / --as-of)"),
])
def test_an_empty_lookup_says_derived_comparisons_exist_from_one_query(runner, counted, args, line):
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == line + "\n"
    assert counted == [False]  # one query, derived not asked for


def test_the_answer_knows_which_derived_comparisons_it_left_out(national):
    chief = find_equivalents(national, "首席技师")
    assert chief.results == () and chief.derived_left_out is True
    assert "derived_left_out" not in chief.to_json()  # a hint for people, not a key of the contract
    asked = find_equivalents(national, "首席技师", include_derived=True)
    assert [r.kind for r in asked.results] == ["derived"] and asked.derived_left_out is False
    assert find_equivalents(national, "首席技师", to=["职业技能等级", "工程技术"]).derived_left_out is False
    assert find_equivalents(national, "国家级正职").derived_left_out is False


def test_setting_derived_aside_leaves_the_answer_it_gave(national, guangdong):
    # one walk through derived links, their chains set aside, answers what a walk without them answered
    for reg in (national, guangdong):
        for ref in reg.levels:
            plain = find_equivalents(reg, ref)
            every = find_equivalents(reg, ref, include_derived=True)
            assert plain.results == tuple(r for r in every.results if r.kind != "derived"), ref
            assert plain.derived_left_out == any(r.kind == "derived" for r in every.results), ref
