"""Eligibility now, and what is missing: for each rule that leads to a target, which conditions the
worker meets, which not (with the date each will be met), and which the engine cannot check."""

from __future__ import annotations

from .dates import date_start
from .planner import PLANNED_KINDS, Solution, _compatible, _education_held, from_t, solve
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


def check_eligibility(reg: Registry, profile: Profile, targets: list[str], lang: str = "zh") -> dict:
    """Whether ``profile`` may obtain one of ``targets`` now; per rule, what is met and missing.

    Returns
    -------
    dict with ``target``, ``as_of``, ``eligible`` (bool), ``earliest`` (ISO date or None) and
    ``rules``: one item per rule leading to the target, with ``met``, ``missing``, ``unchecked``.
    """
    from .lookup import citation, level_ref

    sol = solve(reg, profile, every_rule=True)
    as_of = profile.as_of
    name = lambda ref: reg.levels[ref][lang]  # noqa: E731
    held_now = [h for h in profile.holdings if h.level in targets]
    per_rule = []
    edu_held = _education_held(reg, profile)
    for rule in rules_into(reg, targets):
        cond = rule["conditions"]
        met, missing = [], []
        reqs = ([(rule["from"], cond["years_in_from"] or 0, cond["in_post"])] if rule["from"] else []) + \
               [(q["level"], q["years"], q["in_post"]) for q in cond["also_holds"]]
        for ref, years, in_post in reqs:
            arr = _first_arrival(sol, ref, rule)
            if arr is None:
                missing.append({"what": "credential", "level": ref,
                                "text": f"does not hold {name(ref)}, and no route leads to it"})
                continue
            if arr.date > as_of:
                missing.append({"what": "credential", "level": ref, "date": arr.date.isoformat(),
                                "text": f"does not hold {name(ref)} yet (earliest {arr.date})"})
                continue
            ready = add_years(arr.date, years)
            held = years_between(arr.date, as_of)
            if ready > as_of:
                missing.append({"what": "years", "level": ref, "years_needed": years, "years_held": held,
                                "date": ready.isoformat(),
                                "text": f"{name(ref)} held {held:g} of {years:g} years (met on {ready})"})
            else:
                met.append(f"holds {name(ref)}" + (f" for {held:g} years (≥ {years:g})" if years else ""))
            if in_post and not arr.in_post:
                missing.append({"what": "in_post", "level": ref, "text": f"{name(ref)} must be held in post"})
        if cond["education"]:
            need = name(cond["education"])
            from .planner import _education_ok

            if _education_ok(reg, edu_held, rule):
                met.append(f"education {need} or higher")
            else:
                have = name(profile.education) if profile.education else "none given"
                missing.append({"what": "education", "level": cond["education"],
                                "text": f"education {need} or higher (have: {have})"})
        if cond["work_years"] is not None:
            have = profile.work_years or 0
            if have >= cond["work_years"]:
                met.append(f"{have:g} years of work (≥ {cond['work_years']:g})")
            else:
                when = add_years(as_of, cond["work_years"] - have)
                missing.append({"what": "work_years", "years_needed": cond["work_years"], "years_held": have,
                                "date": when.isoformat(),
                                "text": f"{have:g} of {cond['work_years']:g} years of work (met on {when})"})
        if as_of.isoformat() < date_start(rule["effective_from"]):
            missing.append({"what": "in_force", "date": date_start(rule["effective_from"]),
                            "text": f"rule in force only from {rule['effective_from']}"})
        if rule["effective_until"] and as_of.isoformat() >= date_start(rule["effective_until"]):
            missing.append({"what": "in_force", "text": f"rule no longer in force (until {rule['effective_until']})"})
        unchecked = list(cond["other"]) + (["matching specialty (相应专业)"] if cond["same_specialty"] else [])
        fired = from_t(sol.fired_t[rule["id"]]) if rule["id"] in sol.fired_t else None
        per_rule.append({
            "rule": rule["id"], "kind": rule["kind"],
            "eligible": not missing, "earliest": fired.isoformat() if fired else None,
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
