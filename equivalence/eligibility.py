"""Eligibility now, and what is missing: for each rule that leads to a target, which conditions the
worker meets, which not (with the date each will be met), and which the engine cannot check."""

from __future__ import annotations

from datetime import date

from . import conditions
from .conditions import MET, UNCHECKED, UNMET, evaluate
from .planner import PLANNED_KINDS, Solution, _education_held, from_t, solve_by_edition
from .profile import Profile
from .records import PointsNeeded, Rule
from .registry import Registry
from .results import Eligibility, FirstStep, NextStep, Route, RuleCheck
from .standing import Standing, assured, compute_standing
from .wording import checked_condition, say, step_how


def rules_into(reg: Registry, targets: list[str], *, planned_only: bool = True) -> list[Rule]:
    """The rules that lead to ``targets``: those a route may take (``planned_only``), and also those
    that state a way to apply but no date to plan by (96号 for the bridged series other than 工程
    leaves the years to the provinces): check shows those too, so as not to say "no rule leads there"."""
    out, seen = [], set()
    for t in targets:
        for rid in reg.index["in"].get(t, ()):
            rule = reg.rules[rid]
            if rid in seen or (planned_only and (rule.kind not in PLANNED_KINDS or not rule.grants)
                               and not dateless(rule)):
                continue
            if planned_only and t not in assured(reg, rule):
                continue  # 护士执业资格 → 护士 or 护师: it gives 护士 for sure, never 护师 by itself
            seen.add(rid)
            out.append(rule)
    return out


def dateless(rule: Rule) -> bool:
    """A rule that says one may apply but sets no date to plan by (``grants: false``)."""
    return rule.kind == "apply" and not rule.grants


def check_eligibility(reg: Registry, profile: Profile, targets: list[str], lang: str = "zh",
                      sweeps: list[tuple[frozenset, Solution]] | None = None,
                      standing: Standing | None = None) -> Eligibility:
    """Whether ``profile`` may obtain one of ``targets`` now; per rule, what is met and missing.

    "Now" means by what the worker holds today (:mod:`equivalence.standing`): never by a credential
    that could be obtained today but is not yet held. When the worker is not eligible, ``first_step``
    is the first step of the fastest route (and which exam or review it is), ``steps`` the steps still
    to take.

    Returns
    -------
    Eligibility with ``target``, ``as_of``, ``held`` (bool), ``held_by`` (the fact, when held or
    outranked), ``eligible`` (bool), ``earliest`` (ISO date or None), ``first_step``, ``standing``,
    ``steps`` and ``rules``: one RuleCheck per rule leading to the target, with ``met`` (words),
    ``missing`` (:class:`~equivalence.results.CheckedCondition`, each with its ``text``), ``unchecked``
    and ``conditions`` (every condition, each a CheckedCondition).
    ``sweeps`` are the sweeps of ``profile`` with ``every_rule=True``, one per choice of editions
    (:func:`equivalence.planner.solve_by_edition`), already made (they do not depend on the target),
    to check several targets for one worker without sweeping again.
    """
    from .lookup import check_arguments, level_name
    from .planner import fact_of

    check_arguments(lang=lang)
    if standing is None:  # (not a sweep's: one that bans rules holds only what they did not give)
        standing = compute_standing(reg, profile)
    if sweeps is None:
        sweeps = solve_by_edition(reg, profile, every_rule=True, standing=standing)
    as_of = profile.as_of
    held_by = standing.holds_any(targets)
    edu_held = _education_held(reg, profile)
    # Each rule is judged on the sweep that follows one edition of each standard and fires it
    # earliest: the dates a route could keep, as path gives them, never a mix of two editions.
    per_rule = [min((_rule_check(reg, rule, profile, standing, sol, edu_held, lang)
                     for ban, sol in sweeps if rule.id not in ban), key=_soonest)
                for rule in rules_into(reg, targets)]
    per_rule.sort(key=lambda r: (not r.eligible, r.earliest or "9999", r.rule))
    eligible = bool(held_by) or any(r.eligible for r in per_rule)
    route = None if eligible else _route(reg, profile, targets, standing, lang)
    earliest = as_of if eligible else (date.fromisoformat(route.date) if route else None)
    # the steps still to take: a step the route shows for a credential held today (counted as
    # another from its own date) is no step to take
    todo = [s for s in route.steps if standing.facts.get((s.level.id, frozenset(s.purposes) or None)) is None] \
        if route else []
    first = None
    if todo:
        step = todo[0]
        first = FirstStep(step, how=step_how(reg, step.level.id, step.kind, lang, step.rule), now=step.date <= as_of.isoformat())
    return Eligibility(
        target=tuple(level_name(reg, t, lang) for t in targets),
        as_of=as_of.isoformat(),
        held=bool(held_by),
        held_by=fact_of(reg, held_by, lang) if held_by else None,
        eligible=eligible,
        earliest=earliest.isoformat() if earliest else None,
        first_step=first,
        # what the worker holds today, each fact with its date, origin and rule (比照 treatments too)
        standing=tuple(fact_of(reg, f, lang) for f in sorted([*standing, *standing.treated],
                                                             key=lambda f: (f.since, f.level))),
        steps=tuple(NextStep(s.level, s.date, s.rule, s.kind, step_how(reg, s.level.id, s.kind, lang, s.rule)) for s in todo),
        rules=tuple(per_rule),
    )


def _soonest(check: RuleCheck) -> tuple:
    """Eligible now first, then the earliest date, then a date at all."""
    return (not check.eligible, check.earliest is None, check.earliest or "")


def _rule_check(reg: Registry, rule: Rule, profile: Profile, standing: Standing, sol: Solution, edu_held: list,
                lang: str) -> RuleCheck:
    """What one rule needs of the worker, met and missing, on one sweep."""
    from .lookup import cite_of

    conds = evaluate(reg, rule, standing, sol, edu_held)
    if dateless(rule):  # never met: no date can be worked out from it
        conds.append(conditions.Condition("years", UNMET, "no_date"))
    if rule.conditions.points:
        conds.append(_points_condition(reg, standing, profile, rule.conditions.points))
    met = tuple(say(reg, c, lang) for c in conds if c.status == MET)
    missing = tuple(checked_condition(c, lang, say(reg, c, lang)) for c in conds if c.status == UNMET)
    unchecked = tuple(say(reg, c, lang) for c in conds if c.status == UNCHECKED)
    fired = profile.as_of if not missing else from_t(sol.fired_t[rule.id]) if rule.id in sol.fired_t else None
    level_start = next((c.date for c in conds if c.reason == "level_not_yet"), None)
    if fired is not None and level_start is not None and fired < level_start:
        fired = level_start  # the rule may fire before the level it gives exists: it arrives then (as path)
    return RuleCheck(
        rule=rule.id, kind=rule.kind, eligible=not missing, earliest=fired.isoformat() if fired else None,
        # False: a credential the rule needs cannot be reached by any route (``check`` hides these)
        reachable=all(m.reachable is not False for m in missing),
        met=met, missing=missing, unchecked=unchecked,
        conditions=tuple(checked_condition(c, lang) for c in conds),
        confidence=rule.confidence, sources=(cite_of(reg, rule),),
    )


def _route(reg: Registry, profile: Profile, targets: list[str], standing: Standing, lang: str) -> Route | None:
    """The fastest route (one edition of a standard per ladder), or None."""
    from .errors import NoPromotionPathError
    from .planner import find_path

    try:
        return find_path(reg, profile, targets, lang=lang, standing=standing)
    except NoPromotionPathError:
        return None


def _points_condition(reg: Registry, standing: Standing, profile: Profile, need: PointsNeeded):
    """The points condition of a rule (积分晋级), on the plan date."""
    scheme = reg.index["points_schemes"][need.scheme]
    have = sum(p for _, p in points_today(scheme, standing, profile))
    return conditions.points(scheme, need.at_least, have)


def points_today(scheme: dict, standing: Standing, profile: Profile) -> list:
    """(item, points) of ``scheme`` on the plan date, by what is held that day: never a certificate
    that could be obtained today but is not held."""
    from .planner import to_t, work_start_t
    from .points import points_at

    held = {ref: to_t(day) for ref, day in standing.first_held().items()}
    return points_at(scheme, to_t(profile.as_of), held, work_start_t(profile), profile.scores)
