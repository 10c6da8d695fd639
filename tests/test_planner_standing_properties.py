"""Properties of a worker's standing, of check and of the planner on the national rules (hypothesis):

* holding more credentials, or holding them longer, never makes an earliest date later;
* a target held, or outranked on its own ladder, is met now, and says by what;
* ``met`` lists only what the worker holds on the plan date;
* a route never uses a rule that is not in force on the step's date.

(The planner's agreement with a brute-force search, dominance and carried dates included, is in
test_planner_properties.py.)
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from equivalence.dates import date_start
from equivalence.eligibility import check_eligibility
from equivalence.errors import NoPromotionPathError
from equivalence.planner import find_path
from equivalence.profile import Holding, Profile, add_months
from equivalence.registry import Registry
from equivalence.standing import compute_standing

AS_OF = dt.date(2026, 12, 1)
REG = Registry.load()
LADDERS = ("skill", "eng", "tier", "post_skill", "post_tech", "cs_grade", "q_constructor", "accounting")
LEVELS = sorted(ref for ref, lev in REG.levels.items() if lev.ladder in LADDERS)
EDUCATION = [None] + sorted(ref for ref, lev in REG.levels.items() if lev.ladder == "edu")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def profiles(draw, min_holdings: int = 0):
    refs = draw(st.lists(st.sampled_from(LEVELS), min_size=min_holdings, max_size=3, unique=True))
    holdings = [Holding(ref, add_months(AS_OF, -draw(st.integers(0, 180)))) for ref in refs]
    work = draw(st.none() | st.integers(0, 30))
    return Profile(holdings, AS_OF, draw(st.sampled_from(EDUCATION)), work)


def earliest(prof: Profile, target: str) -> str | None:
    try:
        return find_path(REG, prof, [target]).date
    except NoPromotionPathError:
        return None


def not_later(a: str | None, b: str | None) -> bool:
    """a is no later than b (None: never)."""
    return b is None or (a is not None and a <= b)


@SETTINGS
@given(profiles(), st.sampled_from(LEVELS), st.sampled_from(LEVELS), st.integers(0, 180))
def test_one_more_credential_never_makes_the_earliest_date_later(prof, target, extra, months):
    more = Profile(prof.holdings + [Holding(extra, add_months(AS_OF, -months))], AS_OF, prof.education,
                   prof.work_years)
    assert not_later(earliest(more, target), earliest(prof, target))


@SETTINGS
@given(profiles(min_holdings=1), st.sampled_from(LEVELS), st.integers(1, 60))
def test_holding_a_credential_longer_never_makes_the_earliest_date_later(prof, target, months):
    first, *rest = prof.holdings
    longer = Profile([Holding(first.level, add_months(first.obtained, -months))] + rest, AS_OF, prof.education,
                     prof.work_years)
    assert not_later(earliest(longer, target), earliest(prof, target))


@SETTINGS
@given(profiles(min_holdings=1), st.data())
def test_a_held_or_outranked_target_is_met_now(prof, data):
    held = data.draw(st.sampled_from(prof.holdings))
    lev = REG.levels[held.level]
    below = [r for r in REG.ladders[lev.ladder].levels if REG.levels[r].rank <= lev.rank
             and not REG.levels[r].effective_until]
    target = data.draw(st.sampled_from(below))
    answer = check_eligibility(REG, prof, [target])
    assert answer.held and answer.eligible and answer.earliest == AS_OF.isoformat()
    # held since no later than the level held (or than the level came to exist)
    start = date_start(REG.levels[target].effective_from or "1900")
    assert answer.held_by.since <= max(held.obtained.isoformat(), start)
    assert find_path(REG, prof, [target]).total_years == 0


@SETTINGS
@given(profiles(), st.sampled_from(LEVELS))
def test_met_lists_only_what_is_held_today(prof, target):
    standing = compute_standing(REG, prof)
    answer = check_eligibility(REG, prof, [target], standing=standing)
    for rule in answer.rules:
        for c in rule.conditions:
            if c.what == "credential" and c.status == "met":
                assert c.since <= AS_OF.isoformat()
                assert standing.held(c.level) is not None or any(
                    ref == c.level for ref, _ in standing.facts)
                if c.origin == "held":
                    assert c.level in {h.level for h in prof.holdings} | {prof.education}
        # eligible now means every condition is met today, none unmet
        assert rule.eligible == all(c.status != "unmet" for c in rule.conditions)
    if answer.eligible and not answer.held:
        assert answer.first_step is None and answer.earliest == AS_OF.isoformat()


@SETTINGS
@given(profiles(), st.sampled_from(LEVELS))
def test_a_route_uses_only_rules_in_force_on_the_step_date(prof, target):
    try:
        route = find_path(REG, prof, [target], alternatives=1)
    except NoPromotionPathError:
        return
    for r in [route, *route.alternatives]:
        for step in r.steps:
            rule = REG.rules[step.rule]
            assert date_start(rule.effective_from) <= step.date
            assert not rule.effective_until or step.date < date_start(rule.effective_until)
