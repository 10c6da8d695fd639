"""The typed answers of path and check (equivalence.results): what the library returns, what their
``to_json()`` gives (the JSON contract, byte for byte what the CLI prints) and that they are frozen."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from equivalence import api
from equivalence.cli import cli as main
from equivalence.contract import stamped
from equivalence.results import (Alternative, CheckedCondition, Cite, Eligibility, Fact, FirstStep, LevelName,
                                 NextStep, Route, RuleCheck, Step)
from equivalence.schemas import models

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def route(real):
    return api.path(real, "高级工程师", holds=["高级工"], education="大专", as_of=AS_OF, alternatives=2)


@pytest.fixture(scope="module")
def verdict(real):
    return api.check(real, "工程师", holds=["技师:1"], education="大专", as_of=AS_OF)


def test_api_path_returns_a_route_of_typed_parts(route):
    assert type(route) is Route
    assert route.target == (LevelName("eng.associate_senior", "eng", "高级工程师"),)
    assert route.reached == LevelName("eng.associate_senior", "eng", "高级工程师")
    assert (route.date, route.total_years, route.as_of) == ("2038-12-01", 12.0, AS_OF)
    assert [(s.level.id, s.date, s.rule) for s in route.steps] == [
        ("skill.technician", "2030-12-01", "skill-tpl2018-senior-to-technician"),
        ("skill.senior_technician", "2034-12-01", "skill-tpl2018-technician-to-senior-technician"),
        ("eng.associate_senior", "2038-12-01", "bridge-pilot2018-senior-technician-to-eng-associate-senior")]
    assert all(type(s) is Step and type(s.sources[0]) is Cite for s in route.steps)
    assert route.steps[0].from_ == (LevelName("skill.senior", "skill", "高级工"),)
    assert len(route.alternatives) == 2 and all(type(a) is Alternative for a in route.alternatives)
    assert route.held is None and route.assumptions == () and route.set_by_employer is None


def test_api_check_returns_an_eligibility_of_typed_parts(verdict):
    assert type(verdict) is Eligibility
    assert (verdict.eligible, verdict.held, verdict.earliest) == (False, False, "2028-12-01")
    assert type(verdict.first_step) is FirstStep
    assert (verdict.first_step.step.level.id, verdict.first_step.how, verdict.first_step.now) == (
        "eng.intermediate", "职称评审", False)
    assert verdict.steps == (NextStep(LevelName("eng.intermediate", "eng", "工程师"), "2028-12-01",
                                      "bridge-pilot2018-technician-to-eng-intermediate", "apply", "职称评审"),)
    assert all(type(r) is RuleCheck for r in verdict.rules)
    assert all(type(f) is Fact for f in verdict.standing)
    first = verdict.rules[0]
    assert (first.rule, first.earliest, first.reachable) == ("bridge-pilot2018-technician-to-eng-intermediate",
                                                             "2028-12-01", True)
    # a condition as evaluated: a CheckedCondition, with its figures and its words under ``text``
    gap = first.missing[0]
    assert type(gap) is CheckedCondition
    assert (gap.what, gap.reason, gap.level, gap.date, gap.years_needed, gap.years_held, gap.origin) == (
        "years", "years_short", "skill.technician", "2028-12-01", 3, 1.0, "held")
    assert gap.text == "技师已持有1年，需满3年（2028-12-01 满足）"


def test_a_held_target_is_a_fact(real):
    route = api.path(real, "技师", holds=["技师:2"], as_of=AS_OF)
    assert route.steps == ()
    assert route.held == Fact(LevelName("skill.technician", "skill", "技师"), "2024-12-01", "held", None, None, ())
    assert route.held.to_json() == {"level": {"id": "skill.technician", "ladder": "skill", "name": "技师"},
                                    "since": "2024-12-01", "origin": "held", "from": None, "rule": None,
                                    "purposes": []}


def test_to_json_validates_against_the_schema_models(route, verdict):
    models.Path.model_validate(stamped(route.to_json()))
    for alt in route.alternatives:
        models.PathRoute.model_validate(alt.to_json())
    for step in route.steps:
        models.Step.model_validate(step.to_json())
    models.Check.model_validate(stamped(verdict.to_json()))
    models.Step.model_validate(verdict.first_step.to_json())
    for rule in verdict.rules:
        models.CheckRule.model_validate(rule.to_json())


def test_to_json_is_what_the_cli_prints(route, verdict):
    runner = CliRunner()
    out = runner.invoke(main, ["path", "高级工", "高级工程师", "--education", "大专", "--as-of", AS_OF,
                               "--alternatives", "2", "--format", "json"]).output
    assert out == json.dumps(stamped(route.to_json()), ensure_ascii=False, indent=2) + "\n"
    out = runner.invoke(main, ["check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", AS_OF,
                               "--format", "json"]).output
    assert out == json.dumps(stamped(verdict.to_json()), ensure_ascii=False, indent=2) + "\n"


def test_json_keys_keep_their_order(route, verdict):
    assert list(route.to_json()) == ["target", "reached", "date", "total_years", "steps", "purposes", "as_of",
                                     "held", "assumptions", "set_by_employer", "notes", "alternatives"]
    assert list(route.steps[0].to_json()) == ["level", "purposes", "date", "year", "rule", "kind", "from",
                                              "binding", "conditions", "confidence", "layer", "sources",
                                              "term_years", "renew_by"]
    assert list(verdict.to_json()) == ["target", "as_of", "held", "held_by", "eligible", "earliest", "first_step",
                                       "standing", "steps", "rules"]
    assert list(verdict.first_step.to_json())[-2:] == ["how", "now"]


@pytest.mark.parametrize("field", ["date", "steps", "alternatives"])
def test_a_route_is_immutable(route, field):
    with pytest.raises(AttributeError):
        setattr(route, field, None)


def test_a_check_answer_is_immutable(verdict):
    with pytest.raises(AttributeError):
        verdict.eligible = True
    with pytest.raises(AttributeError):
        verdict.rules[0].earliest = None
    with pytest.raises(TypeError):
        verdict.rules[0] = None  # a tuple of results, not a list


def test_a_rosters_data_answers_are_typed_and_validate(real):
    from equivalence.results import RosterRelation, RosterStep
    from equivalence.roster import Roster

    rows = [{"id": "1", "holds": "高级工:2", "education": "大专", "target": "高级工程师"}]
    data = Roster(real, to=["工程技术"], as_of=AS_OF, data=True).process(rows)[0]
    assert all(type(s) is RosterStep for s in data["next_steps"] + data["target_route"])
    assert data["target_route"][-1] == RosterStep(LevelName("eng.associate_senior", "eng", "高级工程师"), "2036-12-01",
                                                  "bridge-pilot2018-senior-technician-to-eng-associate-senior", False)
    (relation,) = data["to:工程技术"]
    assert relation == RosterRelation("apply", "可申报", (LevelName("eng.assistant", "eng", "助理工程师"),))
    for step in data["next_steps"] + data["target_route"]:
        models.RosterStep.model_validate(step.to_json())
    models.RosterRelation.model_validate(relation.to_json())
    with pytest.raises(AttributeError):
        relation.levels = ()
