"""The ``points`` answer: a worker's points per item under a scheme, and the steps that need points."""

from __future__ import annotations

from .errors import EquivalenceError
from .planner import solve_by_edition
from .profile import Profile
from .registry import Registry


def points_report(reg: Registry, profile: Profile, scheme_id: str | None = None, lang: str = "zh") -> dict:
    """Points now, item by item, and for each rule that needs points of the scheme (from a level the
    worker holds, or reaches): the points needed, missing, the earliest date and anything else missing.

    Raises
    ------
    EquivalenceError
        No points scheme is loaded (add the employer's layer), or ``scheme_id`` is unknown.
    """
    from .eligibility import check_eligibility, points_today
    from .lookup import check_arguments, level_ref
    from .standing import compute_standing

    check_arguments(lang=lang)

    schemes = reg.index.get("points_schemes", {})
    if not schemes:
        raise EquivalenceError(code="no_scheme_loaded")
    if scheme_id is None:
        if len(schemes) > 1:
            raise EquivalenceError(code="several_schemes", schemes=list(schemes))
        scheme_id = next(iter(schemes))
    if scheme_id not in schemes:
        raise EquivalenceError(code="unknown_scheme", name=scheme_id, schemes=list(schemes))
    scheme = schemes[scheme_id]
    standing = compute_standing(reg, profile)
    sweeps = solve_by_edition(reg, profile, every_rule=True, standing=standing)
    first_t = {ref for _, sol in sweeps for ref in sol.first_held()}  # levels on this worker's way
    items = points_today(scheme, standing, profile)
    total = sum(p for _, p in items)
    steps = []
    for rule in reg.rules.values():
        need = rule.conditions.points
        if not need or need.scheme != scheme_id:
            continue
        if rule.from_ and rule.from_ not in first_t:
            continue  # not on this worker's way
        for target in rule.to:
            if standing.holds_any([target]):  # held, or outranked by a level held (S6 holds S4): not a next
                continue  # step; a level the plan reaches today by a rule still is one
            verdict = check_eligibility(reg, profile, [target], lang, sweeps=sweeps, standing=standing)
            mine = next((r for r in verdict.rules if r.rule == rule.id), None)
            blocked = list(dict.fromkeys(x for ban, sol in sweeps if rule.id not in ban
                                         for x in sol.reasons(reg, rule.id, lang)))
            other = list(dict.fromkeys([m.text for m in (mine.missing if mine else ()) if m.what != "points"]
                                       + blocked))
            steps.append({
                "rule": rule.id, "to": level_ref(reg, target, lang), "needs": need.at_least, "have": total,
                "missing": max(0.0, need.at_least - total),
                "earliest": mine.earliest if mine else None,  # (one edition of each standard, as check)
                "other_missing": other, "blocked": blocked,
            })
    steps.sort(key=lambda s: (s["earliest"] or "9999", s["rule"]))
    return {
        "scheme": {"id": scheme["id"], "zh": scheme["zh"], "en": scheme["en"]},
        "as_of": profile.as_of.isoformat(),
        "items": [{"id": i["id"], "zh": i["zh"], "en": i["en"], "basis": i["basis"], "points": p, "cap": i["cap"]}
                  for i, p in items],
        "total": total,
        "steps": steps,
    }
