"""Earliest-arrival planning over the rules: how soon a worker can reach a level, and by which steps.

Credentials accumulate (a title does not take away a skill grade) and a rule may need several of
them, so this is earliest arrival in an AND/OR graph: a rule fires at the latest of its
preconditions (each credential held long enough, enough years of work, the rule in force) and a
level is reached by the earliest of the rules that give it. Firing times never decrease along a
rule, so a Dijkstra-like sweep in time order is exact (Knuth's generalisation to superior functions).

Credentials obtained through ``counts_as`` links keep the purposes of those links: 高级工班 counts as
大专 for 职称评审 only, so it meets a rule for 职称评审 but not one for 招聘.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field

from .dates import date_start
from .errors import NoPromotionPathError
from .profile import Profile, add_years, years_between
from .registry import Registry

PLANNED_KINDS = ("promotion", "apply", "counts_as", "post")
POST_LADDERS = ("institution_technical_post", "institution_management_post", "institution_skilled_worker_post",
                "civil_service_grade", "civil_service_leadership", "employer_sequence")

Node = tuple  # (level ref, frozenset of purposes or None = any purpose)


@dataclass
class Arrival:
    date: dt.date
    rule: str | None  # None: held from the start (or implied by an education held)
    inputs: list  # nodes the rule consumed
    in_post: bool
    binding: str  # what set the date: held / years / also_holds / work_years / in_force / level / now


@dataclass
class Solution:
    """The result of one sweep: the earliest arrival of every node, and why rules did not fire."""

    profile: Profile
    arrivals: dict = field(default_factory=dict)  # node -> Arrival
    fired: dict = field(default_factory=dict)  # rule id -> date
    blocked: dict = field(default_factory=dict)  # rule id -> [reasons]

    def earliest(self, refs) -> tuple[Node, Arrival] | None:
        best = None
        for node, arr in self.arrivals.items():
            if node[0] in refs and (best is None or (arr.date, node[1] is not None) < (best[1].date, best[0][1] is not None)):
                best = (node, arr)
        return best


def _compatible(purposes, rule: dict) -> bool:
    return purposes is None or not rule["purposes"] or bool(purposes & set(rule["purposes"]))


def _education_ok(reg: Registry, sol_edu: list, rule: dict) -> bool:
    need = rule["conditions"]["education"]
    if not need:
        return True
    need_lev = reg.levels[need]
    for ref, purposes in sol_edu:
        lev = reg.levels[ref]
        if lev["ladder"] == need_lev["ladder"] and lev["rank"] >= need_lev["rank"] and _compatible(purposes, rule):
            return True
    return False


def _education_held(reg: Registry, profile: Profile) -> list:
    """(education level, purposes) the profile has: its own, and what it counts as (技工院校 classes)."""
    if not profile.education:
        return []
    held = [(profile.education, None)]
    frontier = [(profile.education, None)]
    while frontier:
        ref, purposes = frontier.pop()
        for rid in reg.index["out"].get(ref, ()):
            rule = reg.rules[rid]
            if rule["kind"] != "counts_as" or not _compatible(purposes, rule):
                continue
            new_p = purposes
            if rule["purposes"]:
                new_p = frozenset(rule["purposes"]) if purposes is None else purposes & frozenset(rule["purposes"])
            for t in rule["to"]:
                if reg.ladders[reg.levels[t]["ladder"]]["kind"] == "education" and (t, new_p) not in held:
                    held.append((t, new_p))
                    frontier.append((t, new_p))
    return held


def solve(reg: Registry, profile: Profile, *, banned: frozenset = frozenset(), only_ladder: str | None = None,
          stop_at: set | None = None) -> Solution:
    """Earliest arrival of every level reachable from ``profile``.

    Parameters
    ----------
    banned : rule ids not to use (alternatives are found by banning steps of better routes).
    only_ladder : use only rules that give levels on this ladder (``--no-switch``).
    stop_at : stop as soon as one of these level refs is reached (its arrival is then final).
    """
    as_of = profile.as_of
    sol = Solution(profile)
    edu_held = _education_held(reg, profile)
    work_start = add_years(as_of, -(profile.work_years or 0))

    # Which rules may take part, and which are blocked whatever happens.
    usable: dict[str, dict] = {}
    for rid, rule in reg.rules.items():
        if rule["kind"] not in PLANNED_KINDS or not rule["grants"] or rid in banned:
            continue
        if only_ladder and any(reg.levels[t]["ladder"] != only_ladder for t in rule["to"]):
            continue
        reasons = []
        if not _education_ok(reg, edu_held, rule):
            have = reg.levels[profile.education]["zh"] if profile.education else "none given"
            reasons.append(f"education {reg.levels[rule['conditions']['education']]['zh']} or higher (have: {have})")
        if rule["effective_until"] and date_start(rule["effective_until"]) <= as_of.isoformat():
            reasons.append(f"no longer in force (until {rule['effective_until']})")
        if reasons:
            sol.blocked[rid] = reasons
            continue
        usable[rid] = rule

    slots: dict[str, list] = {}  # rule id -> [(level ref, years, in_post), ...]; slot 0 is `from`
    users: dict[str, list] = {}  # level ref -> [(rule id, slot index)]
    for rid, rule in usable.items():
        cond = rule["conditions"]
        s = []
        if rule["from"]:
            s.append((rule["from"], cond["years_in_from"] or 0, cond["in_post"]))
        s.extend((req["level"], req["years"], req["in_post"]) for req in cond["also_holds"])
        slots[rid] = s
        for i, (ref, _, _) in enumerate(s):
            users.setdefault(ref, []).append((rid, i))
    filled: dict[str, dict] = {rid: {} for rid in usable}  # rule id -> slot -> (node, arrival)

    heap: list = []
    counter = 0

    def push(date, node, arrival):
        nonlocal counter
        counter += 1
        heapq.heappush(heap, (date, counter, node, arrival))

    for h in profile.holdings:
        push(h.obtained, (h.level, None), Arrival(h.obtained, None, [], h.in_post or _post_ladder(reg, h.level), "held"))
    if profile.education:
        obtained = work_start if profile.work_years is not None else as_of
        for ref, purposes in edu_held:
            push(obtained, (ref, purposes), Arrival(obtained, None, [], False, "held"))

    # A counts_as rule passes on the purposes of its `from` credential, so it fires once per
    # `from` arrival whose purposes it would pass on more widely than the ones it already used
    # (高级工班 counted for 职称评审 first, and a real 大专 later, give two different credentials).
    more_from: dict[str, list] = {}  # rule id -> further (node, arrival) for slot 0, counts_as only
    fired_from: dict[str, list] = {}  # rule id -> purposes passed on so far (None = any)

    def passes_on(rule: dict, purposes):
        if rule["purposes"]:
            return frozenset(rule["purposes"]) if purposes is None else purposes & frozenset(rule["purposes"])
        return purposes

    def covered(rid: str, purposes) -> bool:
        out = passes_on(usable[rid], purposes)
        return any(p is None or (out is not None and out <= p) for p in fired_from.get(rid, ()))

    def try_fire(rid: str) -> None:
        rule = usable[rid]
        s = slots[rid]
        if len(filled[rid]) < len(s):
            return
        if rule["kind"] == "counts_as" and rule["from"]:
            for variant in [filled[rid][0]] + more_from.get(rid, []):
                if not covered(rid, variant[0][1]):
                    fire(rid, {**filled[rid], 0: variant})
        elif rid not in sol.fired:
            fire(rid, filled[rid])

    def fire(rid: str, chosen: dict) -> None:
        rule = usable[rid]
        s = slots[rid]
        cond = rule["conditions"]
        date, binding = as_of, "now"
        candidates = []
        for i, (ref, years, _) in enumerate(s):
            node, arr = chosen[i]
            candidates.append((add_years(arr.date, years), "years" if i == 0 and rule["from"] else "also_holds"))
        if cond["work_years"] is not None:
            candidates.append((add_years(work_start, cond["work_years"]), "work_years"))
        candidates.append((dt.date.fromisoformat(date_start(rule["effective_from"])), "in_force"))
        for cand, why in candidates:
            if cand > date:
                date, binding = cand, why
        if rule["effective_until"] and date.isoformat() >= date_start(rule["effective_until"]):
            sol.blocked[rid] = [f"its conditions are met only on {date}, after it ends ({rule['effective_until']})"]
            return
        sol.fired.setdefault(rid, date)
        inputs = [chosen[i][0] for i in range(len(s))]
        purposes = None  # a real credential serves any purpose; a counts_as one only the rule's
        if rule["kind"] == "counts_as":
            purposes = passes_on(rule, inputs[0][1] if inputs else None)
            fired_from.setdefault(rid, []).append(purposes)
        for t in rule["to"]:
            lev = reg.levels[t]
            when, why = date, binding
            if lev["effective_from"] and when.isoformat() < date_start(lev["effective_from"]):
                when, why = dt.date.fromisoformat(date_start(lev["effective_from"])), "level"
            if lev["effective_until"] and when.isoformat() >= date_start(lev["effective_until"]):
                continue
            in_post = rule["kind"] == "post" or _post_ladder(reg, t)
            push(when, (t, purposes), Arrival(when, rid, inputs, in_post, why))

    for rid, s in slots.items():
        if not s:
            try_fire(rid)

    while heap:
        date, _, node, arrival = heapq.heappop(heap)
        if node in sol.arrivals:
            continue
        sol.arrivals[node] = arrival
        if stop_at and node[0] in stop_at:
            break
        ref, purposes = node
        for rid, i in users.get(ref, ()):
            if not _compatible(purposes, usable[rid]):
                continue
            if i in filled[rid]:
                if i == 0 and usable[rid]["kind"] == "counts_as" and usable[rid]["from"] and not covered(rid, purposes) \
                        and (not slots[rid][0][2] or arrival.in_post):
                    more_from.setdefault(rid, []).append((node, arrival))
                    try_fire(rid)
                continue
            if slots[rid][i][2] and not arrival.in_post:
                sol.blocked.setdefault(rid, []).append(f"{reg.levels[ref]['zh']} must be held in post")
                continue
            filled[rid][i] = (node, arrival)
            try_fire(rid)
        # A degree meets rules that start from a lower one (16号: 本科 … or higher).
        lev = reg.levels[ref]
        if reg.ladders[lev["ladder"]]["kind"] == "education":
            for lower in reg.ladders[lev["ladder"]]["levels"]:
                if reg.levels[lower]["rank"] < lev["rank"] and (lower, purposes) not in sol.arrivals:
                    push(arrival.date, (lower, purposes), Arrival(arrival.date, None, [node], arrival.in_post, "held"))
    return sol


def _post_ladder(reg: Registry, ref: str) -> bool:
    return reg.ladders[reg.levels[ref]["ladder"]]["kind"] in POST_LADDERS


def route_steps(reg: Registry, sol: Solution, node: Node, lang: str = "zh") -> list[dict]:
    """The steps (rules fired) that reach ``node``, in time order, each with its date and clause."""
    from .lookup import citation, conditions_of, level_ref

    seen: dict[Node, dict] = {}

    def visit(n: Node) -> None:
        if n in seen:
            return
        arr = sol.arrivals[n]
        for i in arr.inputs:
            visit(i)
        if arr.rule is None:
            seen[n] = None
            return
        rule = reg.rules[arr.rule]
        seen[n] = {
            "level": level_ref(reg, n[0], lang),
            "purposes": sorted(n[1]) if n[1] else [],
            "date": arr.date.isoformat(),
            "year": years_between(sol.profile.as_of, arr.date),
            "rule": rule["id"],
            "kind": rule["kind"],
            "from": [level_ref(reg, i[0], lang) for i in arr.inputs],
            "binding": arr.binding,
            "conditions": conditions_of(rule),
            "confidence": rule["confidence"],
            "sources": [citation(reg, rule)],
        }

    visit(node)
    steps = [s for s in seen.values() if s]
    return sorted(steps, key=lambda s: s["date"])  # stable: dependencies were visited first


def find_path(reg: Registry, profile: Profile, targets: list[str], *, alternatives: int = 0,
              no_switch: bool = False, lang: str = "zh") -> dict:
    """The route that reaches any of ``targets`` (level refs) earliest, and up to ``alternatives`` more.

    Each alternative is the earliest route that avoids at least one step of every route listed before
    it (Lawler's scheme over banned rules), so no alternative arrives before the best route.

    Raises
    ------
    NoPromotionPathError
        No route exists; the message says which conditions block the rules that lead to the target.
    """
    from .lookup import level_ref

    targets = list(dict.fromkeys(targets))
    only = reg.levels[targets[0]]["ladder"] if no_switch else None
    goal = set(targets)

    def best(banned: frozenset):
        sol = solve(reg, profile, banned=banned, only_ladder=only, stop_at=goal)
        hit = sol.earliest(goal)
        if hit is None:
            return sol, None
        steps = route_steps(reg, sol, hit[0], lang)
        when = max(hit[1].date, profile.as_of)  # a target held since before the plan date: 0 years, not negative
        return sol, {"target": level_ref(reg, hit[0][0], lang), "date": when.isoformat(),
                     "total_years": years_between(profile.as_of, when), "steps": steps,
                     "purposes": sorted(hit[0][1]) if hit[0][1] else []}

    sol, first = best(frozenset())
    if first is None:
        raise NoPromotionPathError(explain_unreachable(reg, sol, targets, lang))
    routes = [first]
    seen_routes = {tuple(s["rule"] for s in first["steps"])}
    # Lawler: each listed route spawns candidates, each banning one more of its steps.
    candidates: list = []
    counter = 0

    def spawn(route, banned):
        nonlocal counter
        for step in route["steps"]:
            ban = banned | {step["rule"]}
            _, cand = best(ban)
            if cand is not None:
                counter += 1
                heapq.heappush(candidates, (cand["date"], len(cand["steps"]), counter, cand, ban))

    if alternatives:
        spawn(first, frozenset())
    tried: set = set()
    while candidates and len(routes) <= alternatives:
        _, _, _, cand, ban = heapq.heappop(candidates)
        if ban in tried:
            continue
        tried.add(ban)
        key = tuple(s["rule"] for s in cand["steps"])
        if key in seen_routes:
            continue
        seen_routes.add(key)
        routes.append(cand)
        spawn(cand, ban)
    out = dict(first)
    out["as_of"] = profile.as_of.isoformat()
    out["alternatives"] = routes[1:]
    out["notes"] = _profile_notes(reg, profile, first)
    return out


def _profile_notes(reg: Registry, profile: Profile, route: dict) -> list[str]:
    notes = []
    uses_work = any("work_years" in (s["conditions"] or {}) or s["binding"] == "work_years" for s in route["steps"])
    if profile.work_years is None and uses_work:
        notes.append("work years not given: counted from the plan date")
    other = [o for s in route["steps"] for o in (s["conditions"] or {}).get("other", [])]
    if other:
        notes.append("also required (not checked by the engine): " + "; ".join(dict.fromkeys(other)))
    return notes


def explain_unreachable(reg: Registry, sol: Solution, targets: list[str], lang: str = "zh") -> str:
    """One line: what blocks each rule that leads to the target."""
    names = "/".join(reg.levels[t][lang] for t in targets[:3]) + ("…" if len(targets) > 3 else "")
    parts = []
    for t in targets:
        for rid in reg.index["in"].get(t, ()):
            rule = reg.rules[rid]
            if rule["kind"] not in PLANNED_KINDS or not rule["grants"]:
                continue
            if rid in sol.blocked:
                parts.append(f"{rid}: {'; '.join(dict.fromkeys(sol.blocked[rid]))}")
            elif rid not in sol.fired:
                missing = [r for r in ([rule["from"]] if rule["from"] else []) +
                           [q["level"] for q in rule["conditions"]["also_holds"]]
                           if not any(n[0] == r for n in sol.arrivals)]
                if missing:
                    parts.append(f"{rid}: needs {', '.join(reg.levels[m][lang] for m in missing)} (not reachable)")
    if not parts:
        return f"no rule leads to {names}"
    shown = parts[:6]
    more = f" (+{len(parts) - 6} more)" if len(parts) > 6 else ""
    return f"no route to {names}: " + " | ".join(shown) + more
