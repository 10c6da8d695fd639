"""Eligibility now, and what is missing: for each rule that leads to a target, which conditions the
worker meets, which not (with the date each will be met), and which the engine cannot check."""

from __future__ import annotations

from .dates import date_start
from .planner import (PLANNED_KINDS, Solution, _compatible, _education_held, _education_ok, credentials_needed,
                      from_t, solve)
from .profile import Profile, add_years, years_between
from .registry import Registry


def _first_arrival(sol: Solution, ref: str, rule: dict):
    best = None
    for (lev, purposes), arr in sol.arrivals.items():
        if lev == ref and _compatible(purposes, rule) and (best is None or arr.t < best.t):
            best = arr
    return best


def rules_into(reg: Registry, targets: list[str], *, planned_only: bool = True) -> list[dict]:
    out, seen = [], set()
    for t in targets:
        for rid in reg.index["in"].get(t, ()):
            rule = reg.rules[rid]
            if rid in seen or (planned_only and (rule["kind"] not in PLANNED_KINDS or not rule["grants"])):
                continue
            seen.add(rid)
            out.append(rule)
    return out


WORDS = {
    "zh": {"no_route": "未持有{x}，且没有可达的路径", "later": "尚未持有{x}（最早 {date}）",
           "years_short": "{x}已持有{held:g}年，需满{need:g}年（{date} 满足）", "holds": "持有{x}",
           "holds_years": "持有{x}{held:g}年（需满{need:g}年）", "in_post": "{x}须在聘/在岗",
           "edu_met": "学历{need}及以上", "edu_missing": "学历须{need}及以上（现为{have}）", "none": "未填",
           "work_met": "工作{have:g}年（需满{need:g}年）", "work_short": "工作{have:g}年，需满{need:g}年（{date} 满足）",
           "not_yet": "规则自 {date} 起施行", "ended": "规则已于 {date} 失效", "specialty": "相应专业",
           "honour_met": "持有{x}", "honour_missing": "须获{x}（破格；未持有）",
           "points_met": "{scheme}积分{have:g}分（需满{need:g}分）",
           "points_short": "{scheme}积分{have:g}分，需满{need:g}分"},
    "en": {"no_route": "does not hold {x}, and no route leads to it", "later": "does not hold {x} yet (earliest {date})",
           "years_short": "{x} held {held:g} of {need:g} years (met on {date})", "holds": "holds {x}",
           "holds_years": "holds {x} for {held:g} years (≥ {need:g})", "in_post": "{x} must be held in post",
           "edu_met": "education {need} or higher", "edu_missing": "education {need} or higher (have: {have})",
           "none": "none given", "work_met": "{have:g} years of work (≥ {need:g})",
           "work_short": "{have:g} of {need:g} years of work (met on {date})",
           "not_yet": "rule in force only from {date}", "ended": "rule no longer in force (until {date})",
           "specialty": "matching specialty (相应专业)",
           "honour_met": "holds {x}", "honour_missing": "needs the honour {x} (破格; not held)",
           "points_met": "{have:g} points of {scheme} (≥ {need:g})",
           "points_short": "{have:g} of {need:g} points of {scheme}"},
}


def check_eligibility(reg: Registry, profile: Profile, targets: list[str], lang: str = "zh",
                      sol: Solution | None = None) -> dict:
    """Whether ``profile`` may obtain one of ``targets`` now; per rule, what is met and missing.

    Returns
    -------
    dict with ``target``, ``as_of``, ``eligible`` (bool), ``earliest`` (ISO date or None) and
    ``rules``: one item per rule leading to the target, with ``met``, ``missing``, ``unchecked``.
    ``sol`` is a sweep of ``profile`` with ``every_rule=True`` already made (it does not depend on
    the target), to check several targets for one worker without sweeping again.
    """
    from .lookup import citation, level_ref

    if sol is None:
        sol = solve(reg, profile, every_rule=True)
    as_of = profile.as_of
    say = WORDS[lang]
    name = lambda ref: reg.levels[ref][lang]  # noqa: E731
    held_now = [h for h in profile.holdings if h.level in targets]
    per_rule = []
    edu_held = _education_held(reg, profile)
    for rule in rules_into(reg, targets):
        cond = rule["conditions"]
        met, missing = [], []
        for ref, years, in_post in credentials_needed(rule):
            arr = _first_arrival(sol, ref, rule)
            if arr is None:
                missing.append({"what": "credential", "level": ref, "reachable": False,
                                "text": say["no_route"].format(x=name(ref))})
                continue
            if arr.date > as_of:
                missing.append({"what": "credential", "level": ref, "date": arr.date.isoformat(),
                                "text": say["later"].format(x=name(ref), date=arr.date)})
                continue
            ready = add_years(arr.date, years)
            held = years_between(arr.date, as_of)
            if ready > as_of:
                missing.append({"what": "years", "level": ref, "years_needed": years, "years_held": held,
                                "date": ready.isoformat(),
                                "text": say["years_short"].format(x=name(ref), held=held, need=years, date=ready)})
            else:
                met.append(say["holds_years"].format(x=name(ref), held=held, need=years) if years
                           else say["holds"].format(x=name(ref)))
            if in_post and not arr.in_post:
                missing.append({"what": "in_post", "level": ref, "text": say["in_post"].format(x=name(ref))})
        if cond["education"]:
            need = name(cond["education"])
            if _education_ok(reg, edu_held, rule):
                met.append(say["edu_met"].format(need=need))
            else:
                have = name(profile.education) if profile.education else say["none"]
                missing.append({"what": "education", "level": cond["education"],
                                "text": say["edu_missing"].format(need=need, have=have)})
        if cond["work_years"] is not None:
            have = profile.work_years or 0
            if have >= cond["work_years"]:
                met.append(say["work_met"].format(have=have, need=cond["work_years"]))
            else:
                when = add_years(as_of, cond["work_years"] - have)
                missing.append({"what": "work_years", "years_needed": cond["work_years"], "years_held": have,
                                "date": when.isoformat(),
                                "text": say["work_short"].format(have=have, need=cond["work_years"], date=when)})
        if cond.get("honours"):
            names = ("或" if lang == "zh" else " or ").join(reg.index["honours"][h][lang] for h in cond["honours"])
            if set(cond["honours"]) & profile.honours:
                met.append(say["honour_met"].format(x=names))
            else:
                missing.append({"what": "honour", "honours": list(cond["honours"]),
                                "text": say["honour_missing"].format(x=names)})
        if cond.get("points"):
            missing.extend(_points_missing(reg, sol, profile, cond["points"], met, say, lang))
        if as_of.isoformat() < date_start(rule["effective_from"]):
            missing.append({"what": "in_force", "date": date_start(rule["effective_from"]),
                            "text": say["not_yet"].format(date=rule["effective_from"])})
        if rule["effective_until"] and as_of.isoformat() >= date_start(rule["effective_until"]):
            missing.append({"what": "in_force", "text": say["ended"].format(date=rule["effective_until"])})
        unchecked = list(cond["other"]) + ([say["specialty"]] if cond["same_specialty"] else [])
        fired = from_t(sol.fired_t[rule["id"]]) if rule["id"] in sol.fired_t else None
        per_rule.append({
            "rule": rule["id"], "kind": rule["kind"],
            "eligible": not missing, "earliest": fired.isoformat() if fired else None,
            # False: a credential the rule needs cannot be reached by any route (``check`` hides these)
            "reachable": all(m.get("reachable", True) for m in missing),
            "met": met, "missing": missing, "unchecked": unchecked,
            "confidence": rule["confidence"], "sources": [citation(reg, rule)],
        })
    hit = sol.earliest(set(targets))
    earliest = as_of if held_now else (hit[1].date if hit else None)
    per_rule.sort(key=lambda r: (not r["eligible"], r["earliest"] or "9999", r["rule"]))
    return {
        "target": [level_ref(reg, t, lang) for t in targets],
        "as_of": as_of.isoformat(),
        "held": bool(held_now),
        "eligible": bool(held_now) or any(r["eligible"] for r in per_rule),
        "earliest": earliest.isoformat() if earliest else None,
        "rules": per_rule,
    }


def _points_missing(reg: Registry, sol: Solution, profile: Profile, need: dict, met: list, say: dict,
                    lang: str) -> list[dict]:
    """The points condition of a rule (积分晋级): met (appended to ``met``) or what is missing."""
    from .planner import to_t, work_start_t
    from .points import points_at

    scheme = reg.index["points_schemes"][need["scheme"]]
    now = to_t(profile.as_of)
    have = sum(p for _, p in points_at(scheme, now, sol.first_held(until=now), work_start_t(profile), profile.scores))
    name = scheme[lang] if lang == "zh" else (scheme["en"] or scheme["zh"])
    if have >= need["at_least"]:
        met.append(say["points_met"].format(scheme=name, have=have, need=need["at_least"]))
        return []
    return [{"what": "points", "scheme": scheme["id"], "points_needed": need["at_least"], "points_held": have,
             "text": say["points_short"].format(scheme=name, have=have, need=need["at_least"])}]
