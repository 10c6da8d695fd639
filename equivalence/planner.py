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
import gc
import heapq
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

from . import conditions
from .dates import start_day
from .errors import NoPromotionPathError
from .kinds import PLANNED, narrowed, serves
from .points import earliest_points
from .describe import CLAUSE_SEP, LIST_SEP
from .profile import Profile, add_years, years_between
from .registry import Registry
from .lookup import cite_of, level_name
from .records import Rule
from .results import Alternative, Fact, Route, Step
from .standing import Standing, _lower, assured, compute_standing, is_post, restricted

PLANNED_KINDS = PLANNED  # the kinds a route takes as steps (kinds.py)

Node = tuple  # (level ref, frozenset of purposes or None = any purpose)


def to_t(day: dt.date) -> int:
    """A date as an integer that orders like the date and adds whole months cheaply.

    ``(year * 12 + month - 1) * 32 + day``: adding N months is adding 32 * N, and the day is clipped
    to the month's length only when turned back into a date, so chains of "满N年" add exactly.
    """
    return (day.year * 12 + day.month - 1) * 32 + day.day


def from_t(t: int) -> dt.date:
    months, day = divmod(t, 32)
    year, month0 = divmod(months, 12)
    for d in (day, 30, 29, 28):
        try:
            return dt.date(year, month0 + 1, min(day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


_NEVER = to_t(dt.date.max)


def _months(years: float) -> int:
    return round(years * 12) * 32


def credentials_needed(rule) -> list[tuple[str, float, bool]]:
    """(level ref, years held, held in post) for each credential a rule needs: its ``from`` first,
    then its ``also_holds``."""
    cond = rule.conditions
    need = [(rule.from_, cond.years_in_from or 0, cond.in_post)] if rule.from_ else []
    return need + [(q.level, q.years, q.in_post) for q in cond.also_holds]


def work_start_t(profile: Profile) -> int:
    """When the profile's years of work began (see to_t): the plan date less ``work_years``, to the
    day (conditions.work_start), so that a rule's work years are met on the day they are met."""
    return to_t(conditions.work_start(profile))


def _start_t(partial: str) -> int:
    return to_t(start_day(partial))


class Arrival:
    """How a node (a credential, with the purposes it serves) was first obtained."""

    __slots__ = ("t", "rule", "inputs", "in_post", "binding", "node")

    def __init__(self, t: int, rule: str | None, inputs: tuple, in_post: bool, binding: str, node: Node = None):
        self.t = t
        self.rule = rule  # None: held from the start (or implied by an education held)
        self.inputs = inputs  # nodes the rule consumed
        self.in_post = in_post
        self.binding = binding  # what set the date: held / years / also_holds / work_years / in_force / level / now
        self.node = node  # the node this is the arrival of

    @property
    def date(self) -> dt.date:
        return from_t(self.t)


@dataclass
class Solution:
    """The result of one sweep: the earliest arrival of every node, and why rules did not fire."""

    profile: Profile
    order: list = field(default_factory=list)  # every Arrival, in order of arrival
    fired_t: dict = field(default_factory=dict)  # rule id -> first firing time (see to_t)
    blocked: dict = field(default_factory=dict)  # rule id -> [conditions.Condition], why it did not fire

    # the sweep's own tables: level ref -> number, number -> Arrival (any purpose), (number, purposes) -> Arrival
    ids: dict = field(default_factory=dict, repr=False)
    arrived_any: list = field(default_factory=list, repr=False)
    arrived_some: dict = field(default_factory=dict, repr=False)
    stopped_at: Arrival | None = None  # the arrival of a ``stop_at`` level, which ended the sweep
    standing: Standing | None = None  # what the worker held on the plan date, the sweep's start

    def reasons(self, reg: Registry, rule_id: str, lang: str = "zh") -> list[str]:
        """Why a rule did not fire, in words (once each)."""
        from .wording import say

        return list(dict.fromkeys(say(reg, c, lang) for c in self.blocked.get(rule_id, ())))

    @cached_property
    def arrivals(self) -> dict:
        """node -> Arrival, in order of arrival (built when first asked: a route needs only a few)."""
        return {a.node: a for a in self.order}

    def arrival(self, node: Node) -> Arrival:
        """The arrival of ``node`` (KeyError if it never arrived)."""
        ref, purposes = node
        got = self.arrived_any[self.ids[ref]] if purposes is None else self.arrived_some.get((self.ids[ref], purposes))
        if got is None:
            raise KeyError(node)
        return got

    def first_held(self, until: int | None = None) -> dict:
        """level ref -> when it was first held, for any purpose or some (points count from it);
        with ``until``, only levels held by then."""
        first: dict = {}
        for arr in self.order:
            ref = arr.node[0]
            if (until is None or arr.t <= until) and (ref not in first or arr.t < first[ref]):
                first[ref] = arr.t
        return first

    @property
    def fired(self) -> dict:
        """rule id -> the date it first fired."""
        return {rid: from_t(t) for rid, t in self.fired_t.items()}

    def earliest(self, refs) -> tuple[Node, Arrival] | None:
        if self.stopped_at is not None and self.stopped_at.node[0] in refs:
            return self.stopped_at.node, self.stopped_at  # the first of the levels the sweep stopped at
        best = None
        for arr in self.order:
            if arr.node[0] in refs and (best is None or (arr.t, arr.node[1] is not None) < (best.t, best.node[1] is not None)):
                best = arr
        return None if best is None else (best.node, best)


class _PlanRule:
    """What the sweep needs of one rule, computed once per registry."""

    __slots__ = ("k", "id", "rule", "kind", "slots", "months", "has_from", "to", "to_ids", "purposes", "work",
                 "start", "until", "education", "to_ladders", "counts_as", "honours", "points", "scheme", "plain",
                 "one_slot", "slot_binding", "undated", "n_slots", "one_to", "plain_to", "post_to")

    def __init__(self, reg: Registry, rule: Rule, k: int, ids: dict):
        cond = rule.conditions
        self.k = k  # index in the per-query lists of the sweep
        self.id, self.rule, self.kind = rule.id, rule, rule.kind
        slots = [(ref, _months(years), in_post) for ref, years, in_post in credentials_needed(rule)]
        self.slots = tuple(slots)
        self.months = tuple(m for _, m, _ in slots)
        self.n_slots = len(slots)
        self.has_from = bool(rule.from_)
        self.purposes = frozenset(rule.purposes) if rule.purposes else None
        self.work = _months(cond.work_years) if cond.work_years is not None else None
        self.start = _start_t(rule.effective_from)
        self.until = _start_t(rule.effective_until) if rule.effective_until else None
        self.education = cond.education
        self.counts_as = rule.kind == "counts_as" and bool(rule.from_)
        self.honours = frozenset(cond.honours)
        self.points = cond.points
        self.scheme = reg.index.get("points_schemes", {}).get(self.points.scheme) if self.points else None
        targets = []
        for t in assured(reg, rule):
            lev = reg.levels[t]
            # a level filled by 评聘 (appointed: 特级技师, 首席技师) is a post: it arrives held in post
            targets.append((ids[t], _start_t(lev.effective_from) if lev.effective_from else None,
                            _start_t(lev.effective_until) if lev.effective_until else None,
                            rule.kind == "post" or is_post(reg, t) or cond.appointed))
        self.to = tuple(targets)
        self.to_ids = tuple(lid for lid, _, _, _ in targets)
        self.one_to = self.to_ids[0] if len(self.to_ids) == 1 else -1  # its one level, or -1
        # its one level when that level has no dates of its own (given without looking at them), or -1
        self.plain_to = self.one_to if self.one_to >= 0 and targets[0][1:3] == (None, None) else -1
        self.post_to = targets[0][3] if targets else False
        self.to_ladders = frozenset(reg.levels[t].ladder for t in rule.to)
        # usable in every query that bans no rule and keeps to no ladder: nothing of the profile's to check
        self.plain = not self.education and self.until is None and not self.honours
        # fires when its one credential arrives (no points to look at again as other levels arrive)
        self.one_slot = len(slots) == 1 and not self.scheme
        self.slot_binding = "years" if self.has_from else "also_holds"  # what sets the date when slot 0 does
        self.undated = self.work is None and self.until is None  # no minimum of work years, no end date


class _PlanTables:
    """Per-registry tables for the sweep. Levels and rules are numbered, so that the per-query state
    is a few flat lists (copied at C speed) rather than dictionaries keyed by strings."""

    def __init__(self, reg: Registry):
        self.refs: list[str] = list(reg.levels)
        self.ids: dict[str, int] = {ref: i for i, ref in enumerate(self.refs)}
        self.any_node: list[Node] = [(ref, None) for ref in self.refs]  # level id -> its node for any purpose
        self.rules: dict[str, _PlanRule] = {}
        # level id -> [(plan rule, its number, slot index, slot held in post, rule's purposes)]
        self.users: list[list] = [[] for _ in self.refs]
        self.points_users: dict[int, list] = {}  # level id -> rules with points counted from it
        self.entry: list[_PlanRule] = []
        for rule in reg.rules.values():
            if rule.kind not in PLANNED_KINDS or not rule.grants:
                continue
            pr = self.rules[rule.id] = _PlanRule(reg, rule, len(self.rules), self.ids)
            for i, (ref, _, _) in enumerate(pr.slots):
                self.users[self.ids[ref]].append((pr, pr.k, i, pr.slots[i][2], pr.purposes))
            if pr.scheme:  # a level its points count from: look at the rule again when it arrives
                for item in pr.scheme["items"]:
                    if item["since"]:
                        self.points_users.setdefault(self.ids[item["since"]], []).append(pr)
            if not pr.slots:
                self.entry.append(pr)
        # (level id, purposes) -> the users of the level that serve one of those purposes, in order: a
        # credential for some purposes only looks at these (built as first needed, kept for later queries)
        self.users_some: dict[tuple, list] = {}
        self.need: list[int] = [len(pr.slots) for pr in self.rules.values()]
        self.counts_points = any(pr.scheme for pr in self.rules.values())  # some rule needs points
        self.plain: list = [True if pr.plain else None for pr in self.rules.values()]
        # education level -> the rules whose one condition to judge per query is that minimum
        self.education_only: dict[str, list[int]] = {}
        for pr in self.rules.values():
            if pr.education and pr.until is None and not pr.honours:
                self.education_only.setdefault(pr.education, []).append(pr.k)
        self.education_lower: list[tuple] = [() for _ in self.refs]  # a degree implies the lower ones
        for ref, lev in reg.levels.items():
            lad = reg.ladders[lev.ladder]
            if lad.kind == "education":
                self.education_lower[self.ids[ref]] = tuple(self.ids[r] for r in lad.levels
                                                             if reg.levels[r].rank < lev.rank)
        # level id -> (the level just below it on its ladder, or -1; when that level begins to exist):
        # holding a level implies the ones below it (高级技师 implies 技师), so each arrival queues the next.
        below = _lower(reg)
        self.below: list[tuple] = [(self.ids[below[ref]] if below[ref] else -1,
                                    _start_t(reg.levels[below[ref]].effective_from)
                                    if below[ref] and reg.levels[below[ref]].effective_from else 0)
                                   for ref in self.refs]


def plan_tables(reg: Registry) -> _PlanTables:
    """The sweep's tables for ``reg``, built on first use and kept on the registry."""
    tables = getattr(reg, "_plan_tables", None)
    if tables is None:
        tables = reg._plan_tables = _PlanTables(reg)
    return tables


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
            rule_p = frozenset(rule.purposes) if rule.purposes else None
            if rule.kind != "counts_as" or not serves(purposes, rule_p):
                continue
            new_p = narrowed(purposes, rule_p)
            for t in rule.to:
                if reg.ladders[reg.levels[t].ladder].kind == "education" and (t, new_p) not in held:
                    held.append((t, new_p))
                    frontier.append((t, new_p))
    return held


def solve(reg: Registry, profile: Profile, *, banned: frozenset = frozenset(), only_ladder: str | None = None,
          stop_at: set | None = None, every_rule: bool = False, standing: Standing | None = None) -> Solution:
    """Earliest arrival of every level reachable from ``profile``.

    Parameters
    ----------
    banned : rule ids not to use (alternatives are found by banning steps of better routes).
    only_ladder : use only rules that give levels on this ladder (``--no-switch``).
    stop_at : stop as soon as one of these level refs is reached (its arrival is then final).
    every_rule : record when every rule could fire, even one whose levels were all reached
        earlier by other rules (``check`` reports it per rule; a route does not need it).
    standing : the worker's standing (:func:`equivalence.standing.compute_standing`), when the
        caller already has it: the sweep starts from its facts.
    """
    if standing is None:
        standing = compute_standing(reg, profile)
    if banned or only_ladder:  # what is held through a rule the route may not use is not held here
        standing = restricted(reg, standing, lambda rule: rule.id not in banned and (
            not only_ladder or all(reg.levels[t].ladder == only_ladder for t in rule.to)))
    with gc_paused():
        return _sweep(reg, profile, banned, only_ladder, stop_at, every_rule, standing)


@contextmanager
def gc_paused():
    """No cyclic garbage collection inside: the sweep allocates tens of thousands of small objects
    and creates no reference cycles, so a collection would only walk them (and the loaded index)
    again and again. A caller that drops the Solution before the block ends pays for no collection
    at all: objects freed by reference counting are no longer counted towards one."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _sweep(reg, profile, banned, only_ladder, stop_at, every_rule, standing) -> Solution:
    # The hot loop runs once per arrival and once per rule that uses it (tens of thousands on a
    # large set), so it works on level and rule numbers, with flat per-query lists.
    tables = plan_tables(reg)
    refs, ids, users, users_some = tables.refs, tables.ids, tables.users, tables.users_some
    education_lower, any_node, below = tables.education_lower, tables.any_node, tables.below
    as_of = to_t(profile.as_of)
    arrived_any: list = [None] * len(refs)  # level id -> Arrival of the credential for any purpose
    arrived_some: dict = {}  # (level id, purposes) -> Arrival of a credential for some purposes only
    order: list = []  # every Arrival, in order of arrival
    sol = Solution(profile, order, ids=ids, arrived_any=arrived_any, arrived_some=arrived_some, standing=standing)
    fired_t, blocked = sol.fired_t, sol.blocked
    edu_held = _education_held(reg, profile)
    # education minimums met for any purpose (a degree held outright meets every lower one)
    edu_met = {lower for ref, purposes in edu_held if purposes is None
               for lower in (ref, *(refs[i] for i in education_lower[ids[ref]]))}
    edu_missing: dict = {}  # (education needed, rule's purposes) -> why it is not met, or None
    work_start = work_start_t(profile)
    stop_ids = {ids[r] for r in stop_at or () if r in ids}

    # level id -> earliest time queued for it (for any purpose): a later one could never be first out
    queued: list = [_NEVER] * len(refs)
    need = tables.need[:]  # rule number -> slots still empty
    filled: list = [None] * len(need)  # rule number -> [Arrival or None per slot] (one-slot rules: the Arrival)
    # Per query, a rule is judged only when it might fire: most of a large graph is never touched.
    verdict: list = tables.plain[:] if not banned and not only_ladder else [None] * len(need)  # usable here
    if not banned and not only_ladder:  # a rule whose one condition is an education minimum met: usable
        for ref in edu_met:
            for k in tables.education_only.get(ref, ()):
                verdict[k] = True
    first_t: dict = {}  # level ref -> when first held (points count from it)
    counts_points = tables.counts_points

    def usable(pr: _PlanRule) -> bool:
        ok = pr.id not in banned and (not only_ladder or pr.to_ladders == {only_ladder})
        if ok:
            # the conditions that stop a rule whatever the dates (conditions.py judges each)
            reasons = []
            if pr.education and pr.education not in edu_met:
                missing = edu_missing.get((pr.education, pr.purposes), "")
                if missing == "":  # not asked yet: the answer depends only on the level and the purposes
                    c = conditions.education(reg, edu_held, pr.rule, profile)
                    missing = edu_missing[pr.education, pr.purposes] = None if c.met else c
                if missing:
                    reasons.append(missing)
            if pr.until is not None and pr.until <= as_of:
                reasons.append(conditions.in_force(pr.rule, profile.as_of))
            if pr.honours and not pr.honours & profile.honours:
                reasons.append(conditions.honours(pr.rule, profile.honours))
            if reasons:
                blocked[pr.id] = reasons
                ok = False
        verdict[pr.k] = ok
        return ok

    # What is due to arrive, by time: many arrivals share a time (the plan date, anniversaries), so a
    # heap of distinct times with a first-in-first-out list per time is cheaper than a heap of
    # arrivals, and ties come out in the order they were queued, as a heap with a counter would.
    due: dict = {}  # time -> [(level id, purposes, rule id, inputs, in_post, binding)]
    due_times: list = []  # heap of the times in `due`
    heappush, heappop = heapq.heappush, heapq.heappop

    def queue(when: int, entry: tuple) -> None:
        bucket = due.get(when)
        if bucket is None:
            due[when] = [entry]
            heappush(due_times, when)
        else:
            bucket.append(entry)

    # What the worker holds today, each fact from its own date: held, implied by a higher level,
    # carried through a counts_as rule (the route shows that step), or assumed from a post held.
    # An implied or carried fact keeps the fact it follows from as its input, so that a route through
    # it shows the steps behind that one (a level implied by one carried shows the counts_as step).
    for fact in standing:
        carried = fact.origin == "carried"
        follows = carried or fact.origin == "implied"
        queue(to_t(fact.since), (ids[fact.level], fact.purposes, fact.rule if carried else None,
                                 ((fact.source, fact.source_purposes),) if follows else (), fact.in_post,
                                 fact.origin))

    # A counts_as rule passes on the purposes of its `from` credential, so it fires once per
    # `from` arrival whose purposes it would pass on more widely than the ones it already used
    # (高级工班 counted for 职称评审 first, and a real 大专 later, give two different credentials).
    more_from: dict = {}  # plan rule -> further arrivals for slot 0, counts_as only
    fired_from: dict = {}  # plan rule -> purposes passed on so far (None = any)

    def passes_on(pr: _PlanRule, purposes):
        return narrowed(purposes, pr.purposes)

    def covered(pr: _PlanRule, purposes) -> bool:
        done = fired_from.get(pr)
        if done:
            out = passes_on(pr, purposes)
            for p in done:
                if p is None or (out is not None and out <= p):
                    return True
        return False

    def try_fire(pr: _PlanRule) -> None:
        k = pr.k
        if need[k] and not pr.one_slot:  # (called for a one-slot rule only once it is filled)
            return
        ok = verdict[k]
        if not (ok if ok is not None else usable(pr)):
            return
        got = filled[k]
        got = () if got is None else (got,) if pr.one_slot else got
        if pr.counts_as:
            chosen = list(got)
            for variant in (got[0], *more_from.get(pr, ())):
                if not covered(pr, variant.node[1]):
                    chosen[0] = variant
                    fire(pr, chosen)
        elif (pr.id not in fired_t or pr.scheme) and not gives_nothing(pr):  # points: look again as levels arrive
            fire(pr, got)

    def gives_nothing(pr: _PlanRule) -> bool:
        """Every level of the rule has already arrived (a route needs no more; ``check`` does)."""
        if every_rule:
            return False
        for lid in pr.to_ids:
            if arrived_any[lid] is None:
                return False
        return True

    def fire(pr: _PlanRule, chosen) -> None:
        t, binding = as_of, "now"
        i = 0
        for months in pr.months:
            cand = chosen[i].t + months
            if cand > t:
                t, binding = cand, ("years" if i == 0 and pr.has_from else "also_holds")
            i += 1
        if pr.work is not None and work_start + pr.work > t:
            t, binding = work_start + pr.work, "work_years"
        if pr.start > t:
            t, binding = pr.start, "in_force"
        if pr.scheme:
            when = earliest_points(pr.scheme, pr.points.at_least, t, first_t, work_start, profile.scores)
            if when is None:
                blocked[pr.id] = [conditions.points_never(pr.scheme, pr.points.at_least, profile.scores)]
                return
            if pr.id in blocked:  # an earlier try fell short; a level that arrived since counts
                blocked[pr.id] = [b for b in blocked[pr.id] if b.reason not in ("points_never", "points_counts_short")]
                if not blocked[pr.id]:
                    del blocked[pr.id]
            if when > t:
                t, binding = when, "points"
        if pr.until is not None and t >= pr.until:
            blocked[pr.id] = [conditions.Condition("in_force", conditions.UNMET, "conditions_after_end", date=from_t(t),
                                                   data={"until": pr.rule.effective_until})]
            return
        if t < fired_t.get(pr.id, t + 1):
            fired_t[pr.id] = t
        inputs = (chosen[0].node,) if len(chosen) == 1 else tuple([a.node for a in chosen])
        purposes = None  # a real credential serves any purpose; a counts_as one only the rule's
        if pr.counts_as:
            purposes = passes_on(pr, inputs[0][1])
            fired_from.setdefault(pr, []).append(purposes)
        give(pr, t, binding, inputs, purposes)

    def give(pr: _PlanRule, t: int, binding: str, inputs: tuple, purposes) -> None:
        """Queue the levels of a rule that fired at ``t``, unless they can no longer be first."""
        for lid, level_start, level_until, in_post in pr.to:
            when, why = t, binding
            if level_start is not None and when < level_start:
                when, why = level_start, "level"
            if level_until is not None and when >= level_until:
                continue
            full = arrived_any[lid]
            if purposes is None:
                if full is not None or when >= queued[lid]:
                    continue
                queued[lid] = when
            elif full is not None and (full.in_post or not in_post) or (lid, purposes) in arrived_some \
                    or not in_post and when >= queued[lid]:
                continue  # will come after the credential for any purpose, and add nothing
            bucket = due.get(when)
            if bucket is None:
                due[when] = [(lid, purposes, pr.id, inputs, in_post, why)]
                heappush(due_times, when)
            else:
                bucket.append((lid, purposes, pr.id, inputs, in_post, why))

    for pr in tables.entry:
        try_fire(pr)

    stopped = False
    while due_times and not stopped:
        t = heappop(due_times)
        now = due.pop(t)  # (a level implied by one arriving now joins this list: it is read on to its end)
        for lid, purposes, rule_id, inputs, in_post, binding in now:
            if purposes is None:
                if arrived_any[lid] is not None:
                    continue
                arrival = arrived_any[lid] = Arrival(t, rule_id, inputs, in_post, binding, any_node[lid])
            else:
                full = arrived_any[lid]
                if (lid, purposes) in arrived_some or full is not None and (full.in_post or not in_post):
                    continue  # the credential for any purpose came first: this one can add nothing
                arrival = arrived_some[lid, purposes] = Arrival(t, rule_id, inputs, in_post, binding,
                                                                (refs[lid], purposes))
            order.append(arrival)
            if lid in stop_ids:
                stopped = True
                sol.stopped_at = arrival
                break
            if counts_points and refs[lid] not in first_t:
                first_t[refs[lid]] = t
            if purposes is None:
                using = users[lid]
            else:
                using = users_some.get((lid, purposes))
                if using is None:
                    using = users_some[lid, purposes] = [
                        use for use in users[lid] if use[4] is None or not purposes.isdisjoint(use[4])]
            for pr, k, i, post_needed, _ in using:
                got = filled[k]
                if got is None:
                    if post_needed and not in_post:
                        blocked.setdefault(pr.id, []).append(conditions.not_in_post(refs[lid]))
                        continue
                    if pr.one_slot:  # most rules: fire now, without the bookkeeping of several slots
                        filled[k] = arrival  # the Arrival itself, not a list of one (and `need` is not kept)
                        ok = verdict[k]
                        if not (ok if ok is not None else usable(pr)):
                            continue
                        if pr.counts_as:  # its first credential: nothing passed on yet
                            rp = pr.purposes  # passes_on(pr, purposes), written out (kinds.narrowed)
                            out = purposes if rp is None else rp if purposes is None else purposes & rp
                        elif pr.one_to >= 0 and not every_rule and arrived_any[pr.one_to] is not None \
                                or pr.one_to < 0 and gives_nothing(pr):
                            continue
                        else:
                            out = None
                        # fire(pr, (arrival,)), written out: it runs for most rules, and a call costs
                        t_fire, binding = arrival.t + pr.months[0], pr.slot_binding
                        if t_fire <= as_of or t_fire < pr.start or not pr.undated:  # else the years held decide
                            if t_fire <= as_of:
                                t_fire, binding = as_of, "now"
                            if pr.work is not None and work_start + pr.work > t_fire:
                                t_fire, binding = work_start + pr.work, "work_years"
                            if pr.start > t_fire:
                                t_fire, binding = pr.start, "in_force"
                            if pr.until is not None and t_fire >= pr.until:
                                fire(pr, (arrival,))  # records why it cannot
                                continue
                        fired_t[pr.id] = t_fire
                        if pr.counts_as:
                            fired_from[pr] = [out]
                        dest = pr.plain_to
                        if dest < 0:
                            give(pr, t_fire, binding, (arrival.node,), out)
                            continue
                        full = arrived_any[dest]  # give(), written out
                        if out is None:
                            if full is not None or t_fire >= queued[dest]:
                                continue
                            queued[dest] = t_fire
                        elif full is not None and (full.in_post or not pr.post_to) or (dest, out) in arrived_some \
                                or not pr.post_to and t_fire >= queued[dest]:
                            continue
                        bucket = due.get(t_fire)
                        if bucket is None:
                            due[t_fire] = [(dest, out, pr.id, (arrival.node,), pr.post_to, binding)]
                            heappush(due_times, t_fire)
                        else:
                            bucket.append((dest, out, pr.id, (arrival.node,), pr.post_to, binding))
                        continue
                    got = filled[k] = [None] * pr.n_slots
                elif pr.one_slot or got[i] is not None:
                    # (a one-slot rule was judged when first filled: one not usable here fires for none)
                    if i == 0 and pr.counts_as and (not post_needed or in_post) and (verdict[k] or not pr.one_slot):
                        done = fired_from.get(pr)  # covered(pr, purposes), written out
                        if done:
                            rp = pr.purposes
                            out = purposes if rp is None else rp if purposes is None else purposes & rp
                            for p in done:
                                if p is None or out is not None and out <= p:
                                    break
                            else:
                                done = None
                        if done:
                            continue
                        if pr.one_slot:
                            # Only this credential is new: each earlier one was passed on when it came,
                            # or fails again the same way (a one-slot rule's date depends only on it).
                            fire(pr, (arrival,))
                        else:
                            more_from.setdefault(pr, []).append(arrival)
                            try_fire(pr)
                    continue
                elif post_needed and not in_post:
                    blocked.setdefault(pr.id, []).append(conditions.not_in_post(refs[lid]))
                    continue
                got[i] = arrival
                need[k] -= 1
                if not need[k]:
                    if pr.counts_as or pr.scheme:
                        try_fire(pr)
                    else:  # try_fire, written out: filled only now, so it has not fired yet
                        ok = verdict[k]
                        if (ok if ok is not None else usable(pr)) and not gives_nothing(pr):
                            fire(pr, got)
            if counts_points:  # points counted from this level may now be enough
                for pr in tables.points_users.get(lid, ()):
                    try_fire(pr)
            # A level implies the one below it on its ladder (高级技师 implies 技师; 本科 meets a rule
            # for 大专 or higher), from the same date; that one queues the next in turn.
            lower, lower_start = below[lid]
            # (once the level below has arrived for any purpose, one for some purposes would add nothing)
            if lower >= 0 and arrived_any[lower] is None and (purposes is None or (lower, purposes) not in arrived_some):
                if lower_start <= t:
                    now.append((lower, purposes, None, (arrival.node,), False, "implied"))
                else:
                    queue(lower_start, (lower, purposes, None, (arrival.node,), False, "implied"))
    return sol


def route_steps(reg: Registry, sol: Solution, node: Node, lang: str = "zh") -> list[Step]:
    """The steps (rules fired) that reach ``node``, in time order, each with its date and clause."""
    from .lookup import conditions_of

    # Each node after the nodes it was obtained from (depth first, inputs in order). A loop, not a
    # recursive closure: that would be a reference cycle keeping the whole Solution alive until the
    # next garbage collection.
    seen: dict[Node, Step | None] = {}
    stack: list = [(node, False)]
    while stack:
        n, inputs_done = stack.pop()
        if n in seen:
            continue
        arr = sol.arrival(n)
        if not inputs_done:
            stack.append((n, True))
            stack.extend((i, False) for i in reversed(arr.inputs) if i not in seen)
            continue
        if arr.rule is None:
            seen[n] = None
            continue
        rule = reg.rules[arr.rule]
        term = reg.levels[n[0]].term_years
        seen[n] = Step(
            level=level_name(reg, n[0], lang),
            purposes=tuple(sorted(n[1])) if n[1] else (),
            date=arr.date.isoformat(),
            year=years_between(sol.profile.as_of, arr.date),
            rule=rule.id,
            kind=rule.kind,
            from_=tuple(level_name(reg, i[0], lang) for i in arr.inputs),
            binding=arr.binding,
            conditions=conditions_of(rule, lang),
            confidence=rule.confidence,
            layer=rule.layer,
            sources=(cite_of(reg, rule),),
            term_years=term,
            # a post held for a fixed term (聘期制) must be renewed by this date
            renew_by=add_years(arr.date, term).isoformat() if term else None,
        )

    steps = [s for s in seen.values() if s]
    return sorted(steps, key=lambda s: s.date)  # stable: dependencies were visited first


def find_path(reg: Registry, profile: Profile, targets: list[str], *, alternatives: int = 0,
              no_switch: bool = False, lang: str = "zh", standing: Standing | None = None) -> Route:
    """The route that reaches any of ``targets`` (level refs) earliest, and up to ``alternatives`` more.

    Each alternative is the earliest route that avoids at least one step of every route listed before
    it (Lawler's scheme over banned rules), so no alternative arrives before the best route.
    ``standing``: the worker's standing, when the caller already has it (``check``).

    Raises
    ------
    NoPromotionPathError
        No route exists; the message says which conditions block the rules that lead to the target.
    """
    from .lookup import check_arguments

    check_arguments(lang=lang)
    with gc_paused():  # the sweeps' Solutions are freed before collection resumes (see gc_paused)
        return _find_path(reg, profile, targets, alternatives, no_switch, lang, standing)


def _find_path(reg, profile, asked, alternatives, no_switch, lang, standing) -> Route:
    targets = list(dict.fromkeys(asked))
    only = reg.levels[targets[0]].ladder if no_switch else None
    goal = set(targets)
    if standing is None:
        standing = compute_standing(reg, profile)

    def sweep_best(banned: frozenset):
        sol = solve(reg, profile, banned=banned, only_ladder=only, stop_at=goal, standing=standing)
        hit = sol.earliest(goal)
        if hit is None:
            return sol, None
        steps = route_steps(reg, sol, hit[0], lang)
        when = max(hit[1].date, profile.as_of)  # a target held since before the plan date: 0 years, not negative
        return sol, Alternative(reached=level_name(reg, hit[0][0], lang), date=when.isoformat(),
                                total_years=years_between(profile.as_of, when), steps=tuple(steps),
                                purposes=tuple(sorted(hit[0][1])) if hit[0][1] else ())

    def best(banned: frozenset):
        return one_edition(reg, sweep_best, banned)

    sol, first = best(frozenset())
    if first is None:
        why = explain_unreachable(reg, sol, targets, lang)
        # The exception's traceback keeps this frame alive until collection resumes (gc_paused):
        # without the sweep in it, resuming does not walk the tens of thousands of arrivals again.
        del sol
        raise NoPromotionPathError(why)
    routes = [first]
    seen_routes = {tuple(s.rule for s in first.steps)}
    # Lawler: each listed route spawns candidates, each banning one more of its steps.
    candidates: list = []
    counter = 0

    def spawn(route, banned):
        nonlocal counter
        for step in route.steps:
            ban = banned | {step.rule}
            _, cand = best(ban)
            if cand is not None:
                counter += 1
                heapq.heappush(candidates, (cand.date, len(cand.steps), counter, cand, ban))

    if alternatives:
        spawn(first, frozenset())
    tried: set = set()
    while candidates and len(routes) <= alternatives:
        _, _, _, cand, ban = heapq.heappop(candidates)
        if ban in tried:
            continue
        tried.add(ban)
        key = tuple(s.rule for s in cand.steps)
        if key in seen_routes:
            continue
        seen_routes.add(key)
        routes.append(cand)
        spawn(cand, ban)
    held = standing.holds_any(goal)
    set_by = _set_by_employer(reg, standing, first)
    return Route(target=tuple(level_name(reg, t, lang) for t in asked), reached=first.reached, date=first.date,
                 total_years=first.total_years, steps=first.steps, purposes=first.purposes,
                 as_of=profile.as_of.isoformat(), held=fact_of(reg, held, lang) if held else None,
                 assumptions=tuple(fact_of(reg, f, lang) for f in standing if f.assumption),
                 set_by_employer=set_by,
                 notes=tuple(_profile_notes(reg, profile, first, standing, set_by, lang)),
                 alternatives=tuple(routes[1:]))


def fact_of(reg: Registry, fact, lang: str) -> Fact:
    """A fact of the worker's standing (:class:`equivalence.standing.Fact`) as answers show it."""
    return Fact(level=level_name(reg, fact.level, lang), since=fact.since.isoformat(), origin=fact.origin,
                from_=level_name(reg, fact.source, lang) if fact.source else None, rule=fact.rule,
                purposes=tuple(sorted(fact.purposes)) if fact.purposes else ())


def _set_by_employer(reg: Registry, standing, route: Alternative) -> str | None:
    """The post rule whose range holds both a post the worker holds and the route's target, when the
    route's last step is that rule: moving up inside one tier (专业技术十级 to 九级) is timed by no
    national rule; the employer sets it."""
    if not route.steps:
        return None
    rule = reg.rules[route.steps[-1].rule]
    if rule.kind != "post":
        return None
    held_posts = {f.level for f in standing if f.origin == "held"}
    return rule.id if held_posts & set(rule.to) else None


def _profile_notes(reg: Registry, profile: Profile, route: Alternative, standing=None, set_by=None,
                   lang: str = "zh") -> list[str]:
    from .wording import NOTES, replaced_notes

    w = NOTES[lang]
    notes = []
    uses_work = any((s.conditions is not None and s.conditions.work_years is not None) or s.binding == "work_years"
                    for s in route.steps)
    if profile.work_years is None and uses_work:
        notes.append(w["work_not_given"])
    held_since = {s.level.id: s.date for s in route.steps}
    held_since.update({h.level: h.obtained.isoformat() for h in profile.holdings})
    for s in route.steps:
        for source in s.from_:
            term = reg.levels[source.id].term_years
            start = held_since.get(source.id)
            if not (term and start):
                continue
            renew_by = add_years(dt.date.fromisoformat(start), term)
            if renew_by.isoformat() < s.date:
                notes.append(w["term"].format(x=source.name, term=term, by=renew_by, y=s.level.name))
    for fact in (standing or ()):
        if fact.assumption:
            notes.append(w["assumed"].format(x=reg.name(fact.level, lang),
                                             post=reg.name(fact.source, lang)))
    if set_by:
        notes.append(w["set_by_employer"].format(x=route.reached.name, rule=set_by))
    notes.extend(replaced_notes(reg, (s.rule for s in route.steps), lang))
    other = [o for s in route.steps if s.conditions is not None for o in s.conditions.other]
    if other:
        notes.append(w["other"] + CLAUSE_SEP[lang].join(dict.fromkeys(other)))
    return notes


def _edition_table(reg: Registry) -> dict:
    """(standard, ladder) -> {edition (source id): rule ids} for the rules whose primary source is an
    edition of a standard (``edition_of``) and that give a level on that ladder; built once."""
    table = getattr(reg, "_edition_table", None)
    if table is None:
        table = {}
        for rule in reg.rules.values():
            src = reg.sources[rule.cite[0].source]
            if src.edition_of:
                for t in rule.to:
                    key = (src.edition_of, reg.levels[t].ladder)
                    table.setdefault(key, {}).setdefault(src.id, set()).add(rule.id)
        reg._edition_table = table
    return table


# More choices of editions than this would sweep too often for one answer (each choice is a sweep).
MAX_EDITION_CHOICES = 64


def edition_bans(reg: Registry) -> list[frozenset]:
    """One set of rules to ban per choice of one edition for every (standard, ladder) that has
    several: a sweep banning that set follows one edition on each ladder, as a route must. (The sweep
    itself cannot keep to one: whether a rule may follow another depends on the route taken.) A single
    empty set when no ladder has two editions. Built once per registry.

    Raises EquivalenceError when the loaded layers give more than MAX_EDITION_CHOICES choices.
    """
    bans = getattr(reg, "_edition_bans", None)
    if bans is None:
        import itertools

        choices = [[frozenset(r for ed, rules in eds.items() if ed != keep for r in rules) for keep in sorted(eds)]
                   for eds in _edition_table(reg).values() if len(eds) > 1]
        count = 1
        for c in choices:
            count *= len(c)
        if count > MAX_EDITION_CHOICES:
            from .errors import EquivalenceError

            raise EquivalenceError(code="too_many_editions", n=count, most=MAX_EDITION_CHOICES)
        bans = reg._edition_bans = [frozenset().union(*combo) for combo in itertools.product(*choices)]
    return bans


def solve_by_edition(reg: Registry, profile: Profile, *, every_rule: bool = False,
                     standing: Standing | None = None) -> list[tuple[frozenset, Solution]]:
    """(banned rules, sweep) for each choice of editions (:func:`edition_bans`): the earliest date of a
    level that a route can keep is the earliest over these sweeps, never one that mixes editions."""
    if standing is None:
        standing = compute_standing(reg, profile)
    return [(ban, solve(reg, profile, banned=ban, every_rule=every_rule, standing=standing))
            for ban in edition_bans(reg)]


def one_edition(reg: Registry, sweep_best, banned: frozenset):
    """The earliest route that follows one edition of a standard on each ladder (the 2018 template's
    三级+4 does not follow the newer template's 四级+4): when the best route mixes editions, the best of
    the routes that keep to each one of them in turn."""
    sol, route = sweep_best(banned)
    if route is None:
        return sol, route
    table = _edition_table(reg)
    if not table:
        return sol, route
    used: dict = {}
    for step in route.steps:
        src = reg.sources[reg.rules[step.rule].cite[0].source]
        if src.edition_of:
            key = (src.edition_of, step.level.ladder)
            used.setdefault(key, set()).add(src.id)
    mixed = next((key for key, eds in used.items() if len(eds) > 1), None)
    if mixed is None:
        return sol, route
    best_sol, best_route = sol, None
    for keep in sorted(used[mixed]):
        others = frozenset(r for ed, rules in table[mixed].items() if ed != keep for r in rules)
        cand_sol, cand = one_edition(reg, sweep_best, banned | others)
        if cand is not None and (best_route is None or (cand.date, len(cand.steps)) <
                                 (best_route.date, len(best_route.steps))):
            best_sol, best_route = cand_sol, cand
    return best_sol, best_route


def explain_unreachable(reg: Registry, sol: Solution, targets: list[str], lang: str = "zh") -> str:
    """One line: what blocks each rule that leads to the target."""
    from .describe import other_words
    from .wording import WORDS

    w = WORDS[lang]
    names = "/".join(reg.name(t, lang) for t in targets[:3]) + ("…" if len(targets) > 3 else "")
    clauses, names_sep = CLAUSE_SEP[lang], LIST_SEP[lang]
    parts = []
    for t in targets:
        for rid in reg.index["in"].get(t, ()):
            rule = reg.rules[rid]
            if rule.kind == "apply" and not rule.grants:  # stated, but with no date to plan by
                other = clauses.join(other_words(o, lang) for o in rule.conditions.other)
                parts.append(w["rule_why"].format(rule=rid, why=other or w["no_date"]))
            if rule.kind not in PLANNED_KINDS or not rule.grants:
                continue
            if rid in sol.blocked:
                parts.append(w["rule_why"].format(rule=rid, why=clauses.join(sol.reasons(reg, rid, lang))))
            elif rid not in sol.fired_t:
                missing = [r for r, _, _ in credentials_needed(rule) if not any(n[0] == r for n in sol.arrivals)]
                if missing:
                    from .conditions import unruled

                    needs = clauses.join(
                        w[word].format(x=names_sep.join(reg.name(m, lang) for m in group))
                        for word, group in (("needs_unreachable", [m for m in missing if not unruled(reg, m)]),
                                            ("needs_unruled", [m for m in missing if unruled(reg, m)])) if group)
                    parts.append(w["rule_why"].format(rule=rid, why=needs))
    if not parts:
        return w["no_rule_to"].format(x=names)
    more = w["more"].format(n=len(parts) - 6) if len(parts) > 6 else ""
    return w["no_route_to"].format(x=names) + " | ".join(parts[:6]) + more
