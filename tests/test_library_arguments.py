"""The library's own argument checks, and exceptions that survive a trip between processes (issue 10)."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

from equivalence.compare import compare_levels
from equivalence.eligibility import check_eligibility
from equivalence.errors import (AmbiguousLevelError, EquivalenceError, MappingError, MappingErrors,
                                NoPromotionPathError, UnknownLadderError, UnknownLevelError, UnknownRuleError)
from equivalence.messages import message
from equivalence.lookup import find_equivalents, routes_into
from equivalence.planner import find_path
from equivalence.profile import ProfileError, build_profile
from equivalence.registry import Registry


@pytest.fixture(scope="module")
def reg():
    return Registry.load()


@pytest.mark.parametrize("kwargs,message", [
    ({"direction": "sideways"}, "unknown direction 'sideways' (known: out, in, both)"),
    ({"as_of": "yesterday"}, "as_of must be an ISO date (YYYY-MM-DD), got 'yesterday'"),
    ({"lang": "fr"}, "unknown language 'fr' (known: zh, en)"),
])
def test_lookup_arguments_are_checked(reg, kwargs, message):
    with pytest.raises(EquivalenceError) as err:
        find_equivalents(reg, "技师", **kwargs)
    assert str(err.value) == message


def test_other_entry_points_check_the_language_and_date(reg):
    prof = build_profile(reg, ["技师:3"], as_of="2026-12-01")
    for call in (lambda: compare_levels(reg, "技师", "工程师", lang="fr"),
                 lambda: compare_levels(reg, "技师", "工程师", as_of="yesterday"),
                 lambda: check_eligibility(reg, prof, ["eng.intermediate"], lang="fr"),
                 lambda: find_path(reg, prof, ["eng.intermediate"], lang="fr"),
                 lambda: routes_into(reg, "eng.intermediate", lang="fr")):
        with pytest.raises(EquivalenceError):
            call()
    with pytest.raises(ProfileError, match="'yesterday' is not a plan date"):
        build_profile(reg, [], as_of="yesterday")


@pytest.mark.parametrize("years", [10 ** 400, -(10 ** 400), 81, -1])
def test_work_years_out_of_range_is_said_however_large_the_integer(reg, years):
    # An int too large for a float was an OverflowError from format(value, "g") while saying so
    from equivalence.api import check, path

    for call in (path, check):
        with pytest.raises(ProfileError) as err:
            call(reg, "工程师", holds=["技师"], work_years=years, as_of="2026-12-01")
        assert str(err.value).startswith("work years must be from 0 to 80 years, got ")
        assert pickle.loads(pickle.dumps(err.value)).code == err.value.code
        assert message(err.value, "zh").startswith("工作年限应在 0 到 80 年之间，实为 ")
        assert len(message(err.value, "zh")) < 60  # 400 digits are not echoed


def test_as_of_is_a_plain_iso_date_or_a_date_object(reg):
    # "20190601" parses with fromisoformat but was compared as text with the rules' dates, where it
    # falls after every 2019 date: refused, as the API refuses it. A datetime.date is taken, as the API takes it.
    import datetime

    for call in (lambda d: find_equivalents(reg, "技师", as_of=d), lambda d: compare_levels(reg, "技师", "工程师", as_of=d)):
        with pytest.raises(EquivalenceError, match="as_of must be an ISO date"):
            call("20190601")
        assert call(datetime.date(2019, 6, 1)) == call("2019-06-01")
    assert find_equivalents(reg, "技师", as_of=datetime.date(2010, 1, 1)) != find_equivalents(reg, "技师")


ERRORS = [
    UnknownLevelError("技湿", ["技师"], "a hint"),
    AmbiguousLevelError("一级", ["工勤技能岗位:一级", "职员:一级"]),
    UnknownLadderError("工勤", ["工勤技能岗位"]),
    UnknownRuleError("no-such-rule", []),
    MappingError("a.yaml", 3, "rules[0]", "bad"),
    MappingErrors([MappingError("a.yaml", None, "", "bad")]),
    NoPromotionPathError("无法到达正高级工程师：…"),
    ProfileError("'x' is not a date"),
    # hints, 'what' and coded errors come back whole too, and say the same in Chinese
    AmbiguousLevelError("一级", ["工勤技能岗位:一级", "职员:一级"], "a hint"),
    UnknownLadderError("维修电工", ["电工"], "ladder or occupation", "a hint"),
    ProfileError(code="obtained_after_plan_date", raw="技师@2030-01-01", as_of="2026-12-01"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_every_exception_pickles(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert {k: str(v) for k, v in vars(back).items()} == {k: str(v) for k, v in vars(error).items()}
    assert message(back, "zh") == message(error, "zh")


def _raise(i: int):
    raise ERRORS[i]


@pytest.mark.parametrize("i", [0, 2], ids=["UnknownLevelError", "UnknownLadderError"])
def test_an_error_in_a_pool_worker_reaches_the_parent(i):
    # It hung before: the parent could not rebuild the exception the worker sent back.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result = pool.map_async(_raise, [i])
        with pytest.raises(type(ERRORS[i])) as err:
            result.get(timeout=60)
    assert str(err.value) == str(ERRORS[i])


@pytest.mark.parametrize("kwargs, said", [
    ({"lang": "fr"}, "unknown language 'fr' (known: zh, en)"),  # was KeyError: 'fr'
    ({"to": None}, "to must be a string or a list of strings, got None"),  # was TypeError
    ({"to": [5]}, "to must be a string or a list of strings, got [5]"),
    ({"as_of": 20261201}, "as_of must be an ISO date (YYYY-MM-DD), got 20261201"),  # was taken, every row failed
    ({"data": "yes"}, "data must be True or False, got 'yes'"),  # was taken as True
])
def test_the_roster_core_checks_its_arguments(reg, kwargs, said):
    from equivalence.roster import Roster, process_rows

    with pytest.raises(EquivalenceError) as err:
        Roster(reg, **kwargs)
    assert str(err.value) == said
    assert message(err.value, "zh") != said
    if "data" not in kwargs:
        with pytest.raises(EquivalenceError):
            process_rows(reg, [{"holds": "技师"}], **kwargs)


def test_the_roster_core_takes_one_ladder_as_a_string_and_checks_its_rows(reg):
    from equivalence.roster import Roster, process_rows

    # one ladder may be a string, as for the API's functions (it was read letter by letter: unknown ladder '工')
    assert process_rows(reg, [{"holds": "技师"}], to="工程技术", as_of="2026-12-01") == \
        process_rows(reg, [{"holds": "技师"}], to=["工程技术"], as_of="2026-12-01")
    for rows in ("技师", [["技师"]], None):  # was AttributeError: 'str' object has no attribute 'get'
        with pytest.raises(EquivalenceError) as err:
            Roster(reg).process(rows)
        assert str(err.value).startswith("rows must be a list of dicts (one per person), got ")


@pytest.fixture(scope="module")
def acme():
    from conftest import REPO

    return Registry.load(layers=[REPO / "mappings" / "examples" / "acme"])


@pytest.mark.parametrize("count, got", [(10 ** 400, "1e400…"), (2 ** 63, "9223372036854775808"), (1e308, "1e308…")])
def test_a_score_past_what_a_scores_file_holds_is_said(acme, count, got):
    # 10**400 was an OverflowError (math.isfinite, then the points' float sums); a scores file holds
    # at most 1,000,000 of an item (the YAML reader's bound), and the API now takes what a file takes
    from equivalence.api import points
    from equivalence.loader import MAX_NUMBER
    from equivalence.profile import MAX_SCORE

    assert MAX_SCORE == MAX_NUMBER
    with pytest.raises(ProfileError) as err:
        points(acme, holds=["acme_s.s4@2023-01-01"], in_post=["acme_s.s4"], scores={"performance": count},
               as_of="2025-09-01")
    assert str(err.value) == f"score of 'performance' is out of range (at most 1,000,000), got {got}"
    assert message(err.value, "zh") == f"'performance' 的分数 {got} 超出范围（至多 1,000,000）"
    assert points(acme, holds=["acme_s.s4@2023-01-01"], in_post=["acme_s.s4"], scores={"performance": 10 ** 6},
                  as_of="2025-09-01")["total"] > 0
