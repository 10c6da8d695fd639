"""The one evaluator of a rule's conditions: typed results (met / unmet / unchecked, a reason code,
the dates and the data), used by the planner's sweep (education, honours, end date: whether a rule may
fire at all) and by ``check`` (everything, against what the worker holds today). Words for the
results are in :mod:`equivalence.wording`; nothing here is meant to be read by a person as it is.

A condition is met on the date it is met: years held run from the date a credential was obtained (or
is held since, see :mod:`equivalence.standing`) to the plan date, to the day, never rounded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import date_start
from .kinds import PLANNED, serves
from .profile import add_years, years_before, years_between
from .records import Rule

MET, UNMET, UNCHECKED = "met", "unmet", "unchecked"


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of one rule, evaluated.

    ``what``: credential, years (held, not long enough), in_post, education, work_years, honour, points, in_force, other, specialty.
    ``reason``: why, as a code (see :data:`REASONS`). ``date``: when it is (or was) met, if known.
    ``data``: the figures behind it (years needed and held, the fact it rests on …); an answer holds
    them as the fields of a :class:`~equivalence.results.CheckedCondition` (wording.checked_condition).
    """

    what: str
    status: str
    reason: str
    level: str | None = None
    date: dt.date | None = None
    data: dict = field(default_factory=dict)

    @property
    def met(self) -> bool:
        return self.status == MET


REASONS = {
    "held": "a credential held (long enough, if the rule counts years)",
    "years_short": "held, but not yet for the years the rule needs (met on `date`)",
    "later": "not held; the planner reaches it on `date`",
    "no_route": "not held, and no route reaches it",
    "no_rule": "not held, a qualification no rule here says how to obtain (by an exam whose entry conditions no document here gives)",
    "not_in_post": "held, but not in post",
    "education_met": "the education minimum is met", "education_missing": "it is not",
    "work_met": "enough years of work", "work_short": "not yet (met on `date`)",
    "honour_met": "one of the honours is held", "honour_missing": "none is held",
    "points_met": "enough points", "points_short": "not enough points",
    "points_counts_short": "never enough with the counted items given; more of them could be enough",
    "not_yet": "the rule comes into force on `date`", "ended": "the rule is no longer in force",
    "level_not_yet": "the level the rule gives exists only from `date`",
    "no_date": "the rule sets no years before applying: no date can be worked out from it",
    "other": "a requirement the engine cannot check", "specialty": "the matching specialty (not checked)",
}


def education(reg, edu_held: list, rule: Rule, profile) -> Condition | None:
    """The rule's education minimum against the education held (its own, and what it counts as for
    the rule's purposes); None when the rule sets none."""
    need = rule.conditions.education
    if not need:
        return None
    need_lev = reg.levels[need]
    rule_p = set(rule.purposes) if rule.purposes else None
    for ref, purposes in edu_held:
        lev = reg.levels[ref]
        if lev.ladder == need_lev.ladder and lev.rank >= need_lev.rank \
                and serves(purposes, rule_p):
            return Condition("education", MET, "education_met", need, data={"have": ref})
    return Condition("education", UNMET, "education_missing", need, data={"have": profile.education})


def honours(rule: Rule, held: frozenset) -> Condition | None:
    need = rule.conditions.honours
    if not need:
        return None
    got = sorted(set(need) & held)
    return Condition("honour", MET if got else UNMET, "honour_met" if got else "honour_missing",
                     data={"honours": list(need), "have": got})


def in_force(rule: Rule, on: dt.date) -> Condition | None:
    """Unmet when the rule is not in force on ``on`` (not yet, or no longer); None when it is."""
    start = date_start(rule.effective_from)
    if on.isoformat() < start:
        return Condition("in_force", UNMET, "not_yet", date=dt.date.fromisoformat(start))
    if rule.effective_until and on.isoformat() >= date_start(rule.effective_until):
        return Condition("in_force", UNMET, "ended", data={"until": rule.effective_until})
    return None


def level_in_force(reg, rule: Rule, on: dt.date) -> Condition | None:
    """Unmet when no level the rule gives exists yet on ``on`` (特级技师 is a level from 14号, 2022-03,
    while a provincial rule of 2020 leads to it): the date the first of them comes; None otherwise.
    The planner gives such a level from that date, so check says the same."""
    starts = []
    for ref in rule.to:
        lev = reg.levels[ref]
        if not lev.effective_from or on.isoformat() >= date_start(lev.effective_from):
            return None
        starts.append((date_start(lev.effective_from), ref))
    if not starts:
        return None
    start, ref = min(starts)
    return Condition("in_force", UNMET, "level_not_yet", ref, dt.date.fromisoformat(start))


def credential(reg, standing, sol, ref: str, years: float, in_post: bool, rule: Rule) -> list[Condition]:
    """A credential the rule needs, held for ``years`` (in post if asked), against what is held today;
    when it is not, the date the planner first reaches it."""
    as_of = standing.profile.as_of
    rule_p = frozenset(rule.purposes) if rule.purposes else None
    fact = standing.held(ref, rule_p)
    if fact is None:
        # held, but only for purposes this rule does not serve (软考高级 counts as 高级工程师 for 聘任
        # and 评审 only): said, so that "not held" does not contradict the standing
        limited = standing.held(ref)
        extra = {"have": tuple(sorted(limited.purposes))} if limited is not None else {}
        arr = _first_arrival(sol, ref, rule_p)
        if arr is None and not extra and unruled(reg, ref):  # not known to be out of reach: not said to be
            return [Condition("credential", UNMET, "no_rule", ref, data={"reachable": False})]
        if arr is None:
            return [Condition("credential", UNMET, "no_route", ref, data={"reachable": False, **extra})]
        return [Condition("credential", UNMET, "later", ref, arr.date, extra)]
    data = {"since": fact.since.isoformat(), "origin": fact.origin, "years_needed": years,
            "years_held": years_between(fact.since, as_of)}
    if fact.origin != "held":
        data.update({"from": fact.source, "by_rule": fact.rule})
    ready = add_years(fact.since, years) if years else fact.since
    ok = ready <= as_of
    out = [Condition("credential" if ok else "years", MET if ok else UNMET, "held" if ok else "years_short",
                     ref, ready, data)]
    if in_post and not fact.in_post:
        out.append(not_in_post(ref))
    return out


def unruled(reg, ref: str) -> bool:
    """``ref`` is a qualification no rule a route may take leads to: it is obtained by its exam (中级会计
    专业技术资格, 一级建造师 …), whose entry conditions no document here gives, so a worker who lacks it
    cannot be told it is out of reach. (Titles and posts no rule leads to, 教授 or 科级正职, are left
    as no route: their documents were not read for how they are obtained.)"""
    if reg.ladders[reg.levels[ref].ladder].kind != "qualification":
        return False
    return not any(reg.rules[r].kind in PLANNED and reg.rules[r].grants for r in reg.index["in"].get(ref, ()))


def not_in_post(ref: str) -> Condition:
    return Condition("in_post", UNMET, "not_in_post", ref)


def points_never(scheme: dict, need: float, scores: dict | None = None) -> Condition:
    """``need`` points are never reached with the counts in ``scores``: "points_counts_short" when
    more of a counted item (a certificate, an award: items below their cap) could still reach them,
    "points_never" when not even every item at its cap would."""
    def most(item):  # an item's points at its best: fixed ones once, the others up to their cap
        if item["basis"] == "fixed":
            return item["points"]
        return float("inf") if item["cap"] is None else item["cap"]

    def can_grow(item):  # a counted item below its cap: one more certificate or award adds to it
        got = item["points"] * (scores or {}).get(item["id"], 0)
        return item["basis"] == "per_count" and (item["cap"] is None or got < item["cap"])

    items = scheme["items"]
    reason = "points_counts_short" if any(map(can_grow, items)) and sum(map(most, items)) >= need else "points_never"
    return Condition("points", UNMET, reason, data={"scheme": scheme["id"], "points_needed": need,
                                                    "scheme_name": _scheme_name(scheme)})


def points(scheme: dict, need: float, have: float) -> Condition:
    ok = have >= need
    return Condition("points", MET if ok else UNMET, "points_met" if ok else "points_short",
                     data={"scheme": scheme["id"], "points_needed": need, "points_held": have,
                           "scheme_name": _scheme_name(scheme)})


def _scheme_name(scheme: dict) -> dict:
    return {"zh": scheme["zh"], "en": scheme["en"] or scheme["zh"]}


def _first_arrival(sol, ref: str, rule_p):
    best = None
    for (lev, purposes), arr in sol.arrivals.items():
        if lev == ref and serves(purposes, rule_p) and (best is None or arr.t < best.t):
            best = arr
    return best


def work_start(profile) -> dt.date:
    """When the worker's years of work began: the plan date less ``work_years`` (none: the plan date)."""
    return years_before(profile.as_of, profile.work_years or 0)


def work_years(rule: Rule, profile) -> Condition | None:
    """Years of work, counted to the day from when work began: met on the day they are met."""
    need = rule.conditions.work_years
    if need is None:
        return None
    have = profile.work_years or 0
    ready = add_years(work_start(profile), need)
    data = {"years_needed": need, "years_held": have}
    if ready <= profile.as_of:
        return Condition("work_years", MET, "work_met", date=ready, data=data)
    return Condition("work_years", UNMET, "work_short", date=ready, data=data)


def evaluate(reg, rule: Rule, standing, sol, edu_held: list) -> list[Condition]:
    """Every condition of ``rule`` for the worker of ``standing`` on the plan date (points, which need
    the sweep's dates, are left to the caller)."""
    from .planner import credentials_needed

    profile = standing.profile
    cond = rule.conditions
    out: list[Condition] = []
    for ref, years, in_post in credentials_needed(rule):
        out.extend(credential(reg, standing, sol, ref, years, in_post, rule))
    rule_on = in_force(rule, profile.as_of)
    level_on = level_in_force(reg, rule, profile.as_of)
    if rule_on is not None and level_on is not None and (rule_on.date is None or rule_on.date >= level_on.date):
        level_on = None  # the rule itself starts no earlier than the level: said once
    for c in (education(reg, edu_held, rule, profile), work_years(rule, profile),
              honours(rule, profile.honours), rule_on, level_on):
        if c is not None:
            out.append(c)
    out.extend(Condition("other", UNCHECKED, "other", data={"text": text}) for text in cond.other)
    if cond.same_specialty:
        out.append(Condition("specialty", UNCHECKED, "specialty"))
    return out
