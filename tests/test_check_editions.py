"""check's rules and dates follow one edition of a standard, as path's routes do (issue 10, item 7).

The sweep behind check once judged every rule at once, so a rule's date could come from a chain mixing
the 2018 skill-standard template with the newer one (初级工 by age under the newer template, then the
2018 template's steps): check said 高级技师 2042-12-01 where path says 2044-12-01.
"""

from __future__ import annotations

import pytest

from equivalence.eligibility import check_eligibility
from equivalence.planner import edition_bans, find_path
from equivalence.profile import build_profile
from equivalence.registry import Registry

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def reg():
    return Registry.load()


def test_the_shipped_skill_templates_give_two_choices(reg):
    assert len(edition_bans(reg)) == 2


def test_a_rule_row_gives_the_date_path_gives(reg):
    prof = build_profile(reg, ["软考高级@2024-12-02"], as_of=AS_OF)
    answer = check_eligibility(reg, prof, [reg.level("特级技师").ref])
    row = next(r for r in answer.rules if r.rule == "skill-14-senior-technician-to-special-technician")
    assert row.earliest == "2044-12-01"
    assert [m.text for m in row.missing] == ["尚未持有高级技师（最早 2044-12-01）"]
    assert answer.earliest == find_path(reg, prof, [reg.level("特级技师").ref]).date == "2044-12-01"


WORKERS = [
    (["软考高级@2024-12-02"], None, None),
    (["初级工@2020-01-01"], None, None),
    (["中级工@2019-06-01"], "大专", 8),
    (["技师@2021-03-01"], "本科", None),
    ([], "高中", 3),
    (["助理工程师@2022-01-01"], "大专", None),
    (["工勤技能岗位:五级@2018-01-01", "初级工@2018-01-01"], None, None),
]
TARGETS = ["高级技师", "技师", "高级工", "特级技师", "高级工程师", "工程师", "工勤技能岗位:二级"]


@pytest.mark.parametrize("holds,education,work_years", WORKERS)
def test_the_earliest_rule_is_the_route(reg, holds, education, work_years):
    """Not eligible now: the earliest of the rules' dates is the route's date, never earlier (no rule
    is dated by a route that mixes editions)."""
    prof = build_profile(reg, holds, education=education, work_years=work_years, as_of=AS_OF)
    compared = 0
    for name in TARGETS:
        answer = check_eligibility(reg, prof, [reg.level(name).ref])
        dated = [r.earliest for r in answer.rules if r.earliest]
        if answer.eligible or not dated or answer.earliest is None:
            continue
        assert min(dated) == answer.earliest, (holds, name)
        compared += 1
    assert compared


def test_too_many_choices_of_editions_is_an_error_not_a_hang(reg):
    """Each choice of editions is a sweep: a layer stack with 7 standards of 2 editions each on
    different ladders would sweep 128 times per check."""
    from equivalence.errors import EquivalenceError

    fresh = Registry(reg.index)
    fresh._edition_table = {(f"std{i}", "skill"): {"a": {f"r{i}a"}, "b": {f"r{i}b"}} for i in range(7)}
    with pytest.raises(EquivalenceError) as err:
        edition_bans(fresh)
    assert str(err.value) == "the loaded layers give 128 choices of standard editions, more than 64"
    fresh = Registry(reg.index)
    fresh._edition_table = {(f"std{i}", "skill"): {"a": {f"r{i}a"}, "b": {f"r{i}b"}} for i in range(6)}
    assert len(edition_bans(fresh)) == 64
    assert all(len(ban) == 6 for ban in edition_bans(fresh))
