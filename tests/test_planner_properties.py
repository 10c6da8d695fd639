"""Invariants of the path planner over small random rule sets (hypothesis).

Each example is a few ladders of 3-5 levels plus an education ladder, 5-15 rules of kinds
promotion / apply / counts_as (years 0-5, also_holds, purposes from two ids, education minimums,
start and end dates), built as typed records (:mod:`equivalence.records`) straight into an index with
:func:`equivalence.compile.build_index`,
and a random worker profile. The planner's answers are checked against

(a) the rules themselves: every step of a route is a rule in force whose preconditions hold on
    the step's date;
(b) a brute-force fixpoint written independently of the planner (relax every rule over every
    combination of credentials until nothing changes): the earliest date of every level is the same;
(c) alternatives: never earlier than the best route, and all routes differ;
(d) determinism, and independence from the order in which the rules are listed.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from equivalence.compile import build_index
from equivalence.errors import NoPromotionPathError
from equivalence.planner import find_path, solve
from equivalence.profile import Holding, Profile
from equivalence.records import Citation, Conditions, Ladder, Level, Purpose, Requirement, Rule, Source
from equivalence.registry import Registry

AS_OF = dt.date(2024, 1, 1)
PURPOSES = ("pa", "pb")
EDU = "ed"
# Start / end dates of rules: long in force, recent, in the future (relative to AS_OF).
STARTS = ["2000", "2019-06-01", "2025-03-01", "2026"]
ENDS = [None, None, None, "2023-06-01", "2027-01-01", "2030"]

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


# ------------------------------------------------------------------------------------------------
# generation
# ------------------------------------------------------------------------------------------------

def _level(ladder: str, j: int, rank: int) -> Level:
    return Level(ref=f"{ladder}.v{j}", ladder=ladder, id=f"v{j}", zh=f"{ladder}级{j}", en=f"{ladder} level {j}",
                 rank=rank)


def _ladder(lid: str, kind: str, refs: list[str]) -> Ladder:
    return Ladder(id=lid, zh=f"序列{lid}", en=f"Ladder {lid}", kind=kind, levels=tuple(refs), path="x.yaml", line=1)


def _source(doc_no: str) -> dict:
    return {"s": Source(id="s", title="T", issuer="I", effective_from="2000", status="official", doc_no=doc_no,
                        path="x.yaml", line=1)}


PURPOSE_RECORDS = {p: Purpose(id=p, zh=p, en=p) for p in PURPOSES}


@st.composite
def rule_sets(draw):
    """(sources, purposes, ladders, levels, rules) as compile_mappings hands them to build_index."""
    sources = _source("测〔2000〕1号")
    purposes = PURPOSE_RECORDS
    ladders, levels = {}, {}
    for i in range(draw(st.integers(2, 3))):
        lid = f"l{i}"
        refs = []
        for j in range(draw(st.integers(3, 5))):
            lev = _level(lid, j, j * 10)
            levels[lev.ref] = lev
            refs.append(lev.ref)
        ladders[lid] = _ladder(lid, draw(st.sampled_from(["skill_grade", "title_series", "title_tier"])), refs)
    edu_refs = []
    for j in range(3):
        lev = _level(EDU, j, j)
        levels[lev.ref] = lev
        edu_refs.append(lev.ref)
    ladders[EDU] = _ladder(EDU, "education", edu_refs)

    work = [r for r in levels if levels[r].ladder != EDU]
    years = st.integers(0, 5)
    rules = {}
    for i in range(draw(st.integers(5, 15))):
        kind = draw(st.sampled_from(["promotion", "apply", "counts_as"]))
        if kind == "promotion":
            frm = draw(st.none() | st.sampled_from(work))
            if frm is None:
                to = (draw(st.sampled_from(work)),)
            else:
                higher = [r for r in ladders[levels[frm].ladder].levels if levels[r].rank > levels[frm].rank]
                if not higher:
                    continue
                to = (draw(st.sampled_from(higher)),)
        else:
            if kind == "apply":
                frm = draw(st.none() | st.sampled_from(work + edu_refs))
            else:
                frm = draw(st.sampled_from(work))
            own = levels[frm].ladder if frm else None
            to = tuple(draw(st.lists(st.sampled_from([r for r in work if levels[r].ladder != own]),
                                     min_size=1, max_size=2, unique=True)))
        also = tuple(Requirement(level=lev, years=y, in_post=False)
                     for lev, y in draw(st.lists(st.tuples(st.sampled_from(work), years), max_size=2)))
        start = draw(st.sampled_from(STARTS))
        end = draw(st.sampled_from([e for e in ENDS if e is None or e > start]))
        rules[f"r{i}"] = Rule(
            id=f"r{i}", kind=kind, from_=frm, to=to, to_spec=to, bidirectional=False, grants=True,
            conditions=Conditions(years_in_from=draw(st.none() | years) if frm else None,
                                  work_years=draw(st.none() | years),
                                  education=draw(st.none() | st.sampled_from(edu_refs)),
                                  also_holds=also, in_post=False, same_specialty=False, other=()),
            purposes=tuple(draw(st.lists(st.sampled_from(PURPOSES), max_size=2, unique=True))),
            jurisdiction="CN", effective_from=start, effective_until=end,
            cite=(Citation(source="s", article=f"第{i}条", quote="q"),), confidence="high", note=None,
            path="x.yaml", line=1,
        )
    return sources, purposes, ladders, levels, rules


def _months_before(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(y, m + 1, 1)


@st.composite
def profiles(draw, levels: dict):
    work = sorted(r for r in levels if levels[r].ladder != EDU)
    held = draw(st.lists(st.sampled_from(work), max_size=3, unique=True))
    holdings = [Holding(ref, _months_before(AS_OF, draw(st.integers(0, 72)))) for ref in held]
    education = draw(st.none() | st.sampled_from([f"{EDU}.v{j}" for j in range(3)]))
    work_years = draw(st.none() | st.integers(0, 12).map(lambda h: h / 2))
    return Profile(holdings, AS_OF, education, work_years)


@st.composite
def problems(draw):
    records = draw(rule_sets())
    prof = draw(profiles(records[3]))
    return records, prof


def registry(records, reverse: bool = False) -> Registry:
    sources, purposes, ladders, levels, rules = records
    if reverse:
        rules = dict(reversed(list(rules.items())))
    return Registry(build_index(sources, purposes, ladders, levels, rules))


# ------------------------------------------------------------------------------------------------
# the brute force: relax every rule over every combination of credentials until nothing changes
# ------------------------------------------------------------------------------------------------

def _plus_years(day: dt.date, years: float) -> dt.date:
    months = day.year * 12 + day.month - 1 + round(years * 12)
    y, m = divmod(months, 12)
    for d in range(day.day, 27, -1):
        try:
            return dt.date(y, m + 1, d)
        except ValueError:
            continue
    return dt.date(y, m + 1, min(day.day, 28))


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text if len(text) == 10 else text + "-01-01"[len(text) - 4:])


def _fits(purposes, rule) -> bool:
    """Whether a credential held for ``purposes`` (None: any) may serve ``rule``."""
    return purposes is None or not rule.purposes or bool(purposes & set(rule.purposes))


def work_start(prof: Profile) -> dt.date:
    return _plus_years(prof.as_of, -prof.work_years) if prof.work_years is not None else prof.as_of


def education_met(levels: dict, prof: Profile, need: str | None) -> bool:
    if need is None:
        return True
    return prof.education is not None and levels[prof.education].rank >= levels[need].rank


def below(levels: dict, ref: str) -> list[str]:
    """Every level under ``ref`` on its ladder: holding a level implies them (a degree, the lower ones)."""
    lev = levels[ref]
    return [r for r, other in levels.items() if other.ladder == lev.ladder and other.rank < lev.rank]


def carried_day(rule: Rule, days: list, as_of: dt.date) -> dt.date | None:
    """When a counts_as rule with no condition but years counts a credential held before the plan date:
    from the source's date (plus the years), or the rule's start, not from the plan date; None when the
    rule is not such a rule, would count it only later, or no longer counts it today."""
    cond = rule.conditions
    if rule.kind != "counts_as" or cond.also_holds or cond.education or cond.work_years is not None:
        return None
    day = max([_day(rule.effective_from)] + days)
    if day > as_of or (rule.effective_until and _day(rule.effective_until) <= as_of):
        return None
    return day


def brute_force(records, prof: Profile) -> dict:
    """(level, purposes or None) -> earliest date it can be held."""
    _, _, _, levels, rules = records
    best: dict = {}

    def offer(node, day) -> bool:
        changed = False
        for ref in [node[0]] + below(levels, node[0]):  # the level and every one under it
            if (ref, node[1]) not in best or day < best[ref, node[1]]:
                best[ref, node[1]] = day
                changed = True
        return changed

    for h in prof.holdings:
        offer((h.level, None), h.obtained)
    if prof.education:
        offer((prof.education, None), work_start(prof))

    changed = True
    while changed:
        changed = False
        for rule in rules.values():
            cond = rule.conditions
            if not education_met(levels, prof, cond.education):
                continue
            slots = ([(rule.from_, cond.years_in_from or 0)] if rule.from_ else []) + \
                    [(q.level, q.years) for q in cond.also_holds]
            options = [[(node, day) for node, day in list(best.items()) if node[0] == ref and _fits(node[1], rule)]
                       for ref, _ in slots]
            for combo in itertools.product(*options):
                day = max([prof.as_of, _day(rule.effective_from)] +
                          [_plus_years(d, y) for (_, d), (_, y) in zip(combo, slots)] +
                          ([_plus_years(work_start(prof), cond.work_years)] if cond.work_years is not None else []))
                day = carried_day(rule, [_plus_years(d, y) for (_, d), (_, y) in zip(combo, slots)], prof.as_of) or day
                if rule.effective_until and day >= _day(rule.effective_until):
                    continue
                out = None
                if rule.kind == "counts_as":  # keeps the purposes of what it counts (those of `from`)
                    held_for = combo[0][0][1]
                    mine = frozenset(rule.purposes) or None
                    out = mine if held_for is None else (held_for if mine is None else held_for & mine)
                targets = rule.to
                if rule.kind == "counts_as":  # of several titles of one ladder, the lowest (the others: "or")
                    targets = [t for t in rule.to if all(levels[t].rank <= levels[o].rank for o in rule.to
                                                         if levels[o].ladder == levels[t].ladder)]
                for t in targets:
                    changed |= offer((t, out), day)
    return best


def per_level(arrivals: dict, unrestricted_only: bool = False) -> dict:
    out: dict = {}
    for (ref, purposes), day in arrivals.items():
        if unrestricted_only and purposes is not None:
            continue
        if ref not in out or day < out[ref]:
            out[ref] = day
    return out


# ------------------------------------------------------------------------------------------------
# (a) route validity, checked from the route and the rules alone
# ------------------------------------------------------------------------------------------------

def assert_route_valid(records, prof: Profile, route: dict, targets: list[str]) -> None:
    _, _, _, levels, rules = records
    steps = route.steps
    dates = [s.date for s in steps]
    assert dates == sorted(dates)
    got: dict[str, list[dt.date]] = {}

    def hold(ref: str, day: dt.date) -> None:  # a level, and every one under it
        for r in [ref] + below(levels, ref):
            got.setdefault(r, []).append(day)

    for h in prof.holdings:
        hold(h.level, h.obtained)
    if prof.education:
        hold(prof.education, work_start(prof))
    for step in steps:
        day = dt.date.fromisoformat(step.date)
        rule = rules[step.rule]
        cond = rule.conditions
        assert step.level.id in rule.to
        # only a counts_as of a credential held before the plan date is dated before it
        assert day >= prof.as_of or rule.kind == "counts_as"
        # in force on that date
        assert _day(rule.effective_from) <= day
        assert not rule.effective_until or day < _day(rule.effective_until)
        # education and work years
        assert education_met(levels, prof, cond.education)
        if cond.work_years is not None:
            assert _plus_years(work_start(prof), cond.work_years) <= day
        # every input held, long enough, by then
        slots = ([(rule.from_, cond.years_in_from or 0)] if rule.from_ else []) + \
                [(q.level, q.years) for q in cond.also_holds]
        assert [f.id for f in step.from_] == [ref for ref, _ in slots]
        for ref, years in slots:
            held = [d for d in got.get(ref, []) if d <= day]
            assert held, f"{step.rule} uses {ref}, not held by {day}"
            assert _plus_years(min(held), years) <= day, f"{step.rule}: {ref} not held {years} years by {day}"
        hold(step.level.id, day)
    if steps:  # the last step gives the target, or a level above it on its ladder (which implies it)
        last = steps[-1].level.id
        assert route.reached.id == last or route.reached.id in below(levels, last)
        assert max(steps[-1].date, prof.as_of.isoformat()) == route.date  # held before: from the plan date
    assert route.reached.id in targets


# ------------------------------------------------------------------------------------------------
# the properties
# ------------------------------------------------------------------------------------------------

@SETTINGS
@given(problems())
def test_solve_equals_brute_force(problem):
    records, prof = problem
    sol = solve(registry(records), prof)
    arrivals = {node: arr.date for node, arr in sol.arrivals.items()}
    brute = brute_force(records, prof)
    assert per_level(arrivals) == per_level(brute)
    assert per_level(arrivals, unrestricted_only=True) == per_level(brute, unrestricted_only=True)


@SETTINGS
@given(problems())
def test_every_credential_for_some_purposes_is_reached_as_early_as_brute_force(problem):
    """Per purposes, not only per level: whatever the brute force holds for purposes P on a date, the
    planner holds on that date or earlier, for P or for more (any purpose included). A credential for
    some purposes that would arrive after the one for any purpose is dropped, and nothing else."""
    records, prof = problem
    sol = solve(registry(records), prof)
    arrivals = {node: arr.date for node, arr in sol.arrivals.items()}
    for (ref, purposes), day in brute_force(records, prof).items():
        assert any(r == ref and (held is None or (purposes is not None and purposes <= held)) and d <= day
                   for (r, held), d in arrivals.items()), (ref, purposes, day)
    position = {node: i for i, node in enumerate(sol.arrivals)}
    for (ref, purposes), arr in sol.arrivals.items():
        full = sol.arrivals.get((ref, None))
        if purposes is not None and full is not None:  # it came first, or is held in post and that is not
            assert position[ref, purposes] < position[ref, None] or (arr.in_post and not full.in_post)


@SETTINGS
@given(problems(), st.data())
def test_routes_are_valid_and_fastest(problem, data):
    records, prof = problem
    reg = registry(records)
    levels = records[3]
    work = sorted(r for r in levels if levels[r].ladder != EDU)
    targets = data.draw(st.lists(st.sampled_from(work), min_size=1, max_size=2, unique=True))
    brute = per_level(brute_force(records, prof))
    reachable = [brute[t] for t in targets if t in brute]
    if not reachable:
        with pytest.raises(NoPromotionPathError):
            find_path(reg, prof, targets)
        return
    route = find_path(reg, prof, targets, alternatives=3)
    # (b) no route is faster: the brute force's earliest (a credential held before the plan date counts
    # from the plan date)
    assert route.date == max(min(reachable), prof.as_of).isoformat()
    # (a) every step is a rule in force whose preconditions hold on that date
    assert_route_valid(records, prof, route, targets)
    # (c) alternatives: valid, never earlier, all different
    keys = [tuple(s.rule for s in route.steps)]
    for alt in route.alternatives:
        assert alt.date >= route.date
        assert_route_valid(records, prof, alt, targets)
        keys.append(tuple(s.rule for s in alt.steps))
    assert len(set(keys)) == len(keys)


@SETTINGS
@given(problems(), st.data())
def test_no_switch_stays_on_the_ladder_and_is_never_earlier(problem, data):
    records, prof = problem
    reg = registry(records)
    levels = records[3]
    target = data.draw(st.sampled_from(sorted(r for r in levels if levels[r].ladder != EDU)))
    try:
        kept = find_path(reg, prof, [target], no_switch=True)
    except NoPromotionPathError:
        return
    assert all(s.level.ladder == levels[target].ladder for s in kept.steps)
    assert_route_valid(records, prof, kept, [target])
    free = find_path(reg, prof, [target])
    assert free.date <= kept.date


@SETTINGS
@given(problems(), st.data())
def test_deterministic_and_independent_of_rule_order(problem, data):
    records, prof = problem
    levels = records[3]
    target = data.draw(st.sampled_from(sorted(r for r in levels if levels[r].ladder != EDU)))

    def answer(reg):
        try:
            return find_path(reg, prof, [target], alternatives=2)
        except NoPromotionPathError as exc:
            return str(exc)

    reg = registry(records)
    first = answer(reg)
    assert answer(reg) == first
    assert answer(registry(records)) == first
    # Listing the rules in another order may pick another route of the same date, never another date.
    other = answer(registry(records, reverse=True))
    if isinstance(first, str):
        assert isinstance(other, str)
    else:
        assert other.date == first.date
    a = solve(registry(records), prof)
    b = solve(registry(records, reverse=True), prof)
    assert per_level({n: x.date for n, x in a.arrivals.items()}) == per_level({n: x.date for n, x in b.arrivals.items()})


def _rule(rid, kind, frm, to, purposes=(), years=None) -> Rule:
    return Rule(id=rid, kind=kind, from_=frm, to=(to,), to_spec=(to,), bidirectional=False, grants=True,
                conditions=Conditions(years_in_from=years, work_years=None, education=None, also_holds=(),
                                      in_post=False, same_specialty=False, other=()),
                purposes=tuple(purposes), jurisdiction="CN", effective_from="2000", effective_until=None,
                cite=(Citation(source="s", article=rid, quote="q"),), confidence="high", note=None,
                path="x.yaml", line=1)


def test_counts_as_passes_on_a_later_wider_credential():
    """Regression: a counts_as rule used a first, purpose-restricted `from` and never the later real one.

    l0.v0 counts as l1.v0 for pa at once (r1), and gives a real l1.v0 after 2 years (r2); l1.v0 counts
    as l2.v0 (r3, any purpose); l2.v0 leads to l0.v2 for pb only (r4). The restricted l2.v0 cannot serve
    r4, the real one (2026) can.
    """
    sources = _source("")
    levels, ladders = {}, {}
    for lid in ("l0", "l1", "l2"):
        refs = []
        for j in range(3):
            lev = _level(lid, j, j)
            levels[lev.ref] = lev
            refs.append(lev.ref)
        ladders[lid] = _ladder(lid, "title_series", refs)
    rules = {r.id: r for r in [
        _rule("r1", "counts_as", "l0.v0", "l1.v0", ["pa"]),
        _rule("r2", "apply", "l0.v0", "l1.v0", [], 2),
        _rule("r3", "counts_as", "l1.v0", "l2.v0"),
        _rule("r4", "apply", "l2.v0", "l0.v2", ["pb"]),
    ]}
    records = (sources, PURPOSE_RECORDS, ladders, levels, rules)
    prof = Profile([Holding("l0.v0", AS_OF)], AS_OF, None, None)
    sol = solve(registry(records), prof)
    assert per_level({n: a.date for n, a in sol.arrivals.items()}) == per_level(brute_force(records, prof))
    route = find_path(registry(records), prof, ["l0.v2"])
    assert route.date == "2026-01-01"
    assert [s.rule for s in route.steps] == ["r2", "r3", "r4"]
    assert_route_valid(records, prof, route, ["l0.v2"])


def _two_ladders(rules: list[Rule]) -> tuple:
    """The records of the falsifying examples below: skill ladders l0 and l1 (ranks 0, 10, 20), the
    education ladder, and ``rules``."""
    sources = _source("测〔2000〕1号")
    levels, ladders = {}, {}
    for lid, kind, step in (("l0", "skill_grade", 10), ("l1", "skill_grade", 10), (EDU, "education", 1)):
        refs = []
        for j in range(3):
            lev = _level(lid, j, j * step)
            levels[lev.ref] = lev
            refs.append(lev.ref)
        ladders[lid] = _ladder(lid, kind, refs)
    rules += [_rule(f"r{i}", "promotion", None, "l0.v0") for i in range(1, 5)]  # as hypothesis drew them
    return sources, PURPOSE_RECORDS, ladders, levels, {r.id: r for r in rules}


def _steps(route) -> list:
    return [(s.rule, s.level.id, [f.id for f in s.from_]) for s in route.steps]


def test_a_level_implied_by_a_carried_one_shows_the_step_that_carried_it():
    """Regression (hypothesis, test_no_switch_stays_on_the_ladder_and_is_never_earlier): l0.v0 held
    counts as l1.v1 (r5), which implies l1.v0, which counts as l0.v1 (r0). The standing's
    implied l1.v0 reached the sweep with no input, so the route was r0 alone, from an l1.v0 never held
    ("r0 uses l1.v0, not held by 2024-01-01"); it now shows r5 first. With --no-switch r5 (a level on
    l1) may not be used, so nothing carries l0.v1 and there is no route."""
    r0 = _rule("r0", "counts_as", "l1.v0", "l0.v1")  # (was to l0.v0 or l0.v1: a list of one ladder now gives the lower)
    records = _two_ladders([r0, _rule("r5", "counts_as", "l0.v0", "l1.v1")])
    prof = Profile([Holding("l0.v0", AS_OF)], AS_OF, None, None)
    route = find_path(registry(records), prof, ["l0.v1"])
    assert (route.date, _steps(route)) == ("2024-01-01", [("r5", "l1.v1", ["l0.v0"]), ("r0", "l0.v1", ["l1.v0"])])
    assert_route_valid(records, prof, route, ["l0.v1"])
    with pytest.raises(NoPromotionPathError):
        find_path(registry(records), prof, ["l0.v1"], no_switch=True)
    sol = solve(registry(records), prof)
    assert per_level({n: a.date for n, a in sol.arrivals.items()}) == per_level(brute_force(records, prof))


def test_no_switch_holds_nothing_through_another_ladder():
    """Regression (hypothesis, same test): l0.v0 held counts as l1.v0 (r0), which counts as l0.v1 (r5).
    The standing carries both whatever the sweep may use, so --no-switch routed through l1; a route
    that keeps to l0 has no rule to l0.v1. Banning r0 (as an alternative does) leaves no route either."""
    records = _two_ladders([_rule("r0", "counts_as", "l0.v0", "l1.v0"), _rule("r5", "counts_as", "l1.v0", "l0.v1")])
    prof = Profile([Holding("l0.v0", AS_OF)], AS_OF, None, None)
    route = find_path(registry(records), prof, ["l0.v1"])
    assert (route.date, _steps(route)) == ("2024-01-01", [("r0", "l1.v0", ["l0.v0"]), ("r5", "l0.v1", ["l1.v0"])])
    assert_route_valid(records, prof, route, ["l0.v1"])
    with pytest.raises(NoPromotionPathError):
        find_path(registry(records), prof, ["l0.v1"], no_switch=True)
    banned = solve(registry(records), prof, banned=frozenset({"r0"}))
    assert {n[0] for n in banned.arrivals} == {"l0.v0"}


def test_unreachable_explanation_is_worded_in_the_asked_language():
    """Why no route leads to a target, in zh with Chinese punctuation and words only (the rule ids
    aside), in en with English ones: a rule stated with no date to plan by, a rule needing two
    credentials that cannot be had, and a rule blocked by two conditions."""
    plain = _rule("x", "apply", None, "l1.v2").conditions
    undated = _rule("r5", "apply", "l0.v1", "l1.v2")._replace(grants=False)
    needs_two = _rule("r6", "apply", "l1.v1", "l1.v2")._replace(conditions=plain._replace(
        also_holds=(Requirement(level="l0.v2", years=0, in_post=False),)))
    blocked = _rule("r7", "apply", "l0.v0", "l1.v2")._replace(effective_until="2001",
                                                              conditions=plain._replace(education=f"{EDU}.v2"))
    records = _two_ladders([undated, needs_two, blocked])
    prof = Profile([Holding("l0.v0", AS_OF)], AS_OF, f"{EDU}.v1", None)
    with pytest.raises(NoPromotionPathError) as zh:
        find_path(registry(records), prof, ["l1.v2"])
    assert str(zh.value) == (
        "无法到达l1级2：r5：未定申报年限 | r6：需要l1级1、l0级2（无法取得） | "
        "r7：学历须ed级2及以上（现为ed级1）；规则已于 2001 失效")
    with pytest.raises(NoPromotionPathError) as en:
        find_path(registry(records), prof, ["l1.v2"], lang="en")
    assert str(en.value) == (
        "no route to l1 level 2: r5: sets no date | r6: needs l1 level 1, l0 level 2 (not reachable) | "
        "r7: education ed level 2 or higher (have: ed level 1); rule no longer in force (until 2001)")
