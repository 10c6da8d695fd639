"""A worker's standing: everything the worker holds today, each fact with its date, origin and rule.

Computed once per profile from what the worker says (holdings with dates, education, posts held) and
read by the planner (its sweep starts from these facts, so the points and the roster read it too) and
by ``check`` (eligible now means: by these facts).
What is *held* differs from what could be *obtained*: a fact here never comes from a rule that needs
an exam, a review or an appointment (promotion, apply, post), only from what follows by itself:

* ``held``: stated by the worker (or the education given);
* ``implied``: a level below one held on the same ordered ladder (高级技师 implies 技师), held since no
  later than the higher one was obtained, so its date is a lower bound on the years held;
* ``carried``: reached through a ``counts_as`` rule (视同 / 对应), from the date its source was held or
  the rule's start, whichever is later (plus the rule's years, if it sets any);
* ``treated``: 比照 for pay and benefits (``treated_as``): shown, but not a credential any rule accepts;
* ``assumed``: the credential a post held is for (工勤技能岗位二级 is a 技师 post), an assumption shown as
  such: the worker did not say they hold it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, replace

from .dates import start_day
from .conditions import work_start
from .kinds import KINDS, narrowed, serves
from .profile import Profile, add_years
from .records import Rule
from .registry import Registry

POST_LADDERS = ("institution_technical_post", "institution_management_post", "institution_skilled_worker_post",
                "civil_service_grade", "civil_service_leadership", "employer_sequence")
ORIGINS = ("held", "implied", "carried", "treated", "assumed")


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing the worker holds: ``level`` for ``purposes`` (None: any purpose) since ``since``."""

    level: str
    purposes: frozenset | None
    since: dt.date
    origin: str  # one of ORIGINS
    rule: str | None = None  # carried / treated: the rule; assumed: the post rule that says what the post is for
    source: str | None = None  # implied / carried / treated / assumed: the level it follows from
    source_purposes: frozenset | None = None  # the purposes of that source fact
    in_post: bool = False

    @property
    def credential(self) -> bool:
        """Whether a rule may count it as held (a 比照 treatment is not the title itself)."""
        return self.origin != "treated"

    @property
    def assumption(self) -> bool:
        return self.origin == "assumed"


@dataclass
class Standing:
    """The closure of what ``profile`` holds on its plan date (see the module docstring)."""

    profile: Profile
    facts: dict  # (level ref, purposes) -> Fact, credentials only
    treated: list  # Facts of origin 'treated'

    def held(self, level: str, purposes: frozenset | None = None) -> Fact | None:
        """The earliest fact of ``level`` that serves ``purposes`` (None: a rule for any purpose)."""
        best = None
        for (ref, p), fact in self.facts.items():
            if ref == level and serves(p, purposes) and (best is None or fact.since < best.since):
                best = fact
        return best

    def holds_any(self, levels) -> Fact | None:
        """The earliest fact, for any purpose, of one of ``levels`` (a target already held or outranked)."""
        best = None
        for ref in levels:
            fact = self.facts.get((ref, None))
            if fact is not None and (best is None or fact.since < best.since):
                best = fact
        return best

    def first_held(self) -> dict:
        """level ref -> the day it was first held, for any purpose or some (points count from it):
        what is held today, never what could be obtained today."""
        first: dict = {}
        for fact in self.facts.values():
            if fact.level not in first or fact.since < first[fact.level]:
                first[fact.level] = fact.since
        return first

    def __iter__(self):
        return iter(self.facts.values())


def _date(partial: str | None) -> dt.date | None:
    return start_day(partial) if partial else None


def _lower(reg: Registry) -> dict:
    """level ref -> the level just below it on its ladder (None at the bottom), built once per registry."""
    table = getattr(reg, "_standing_lower", None)
    if table is None:
        table = {}
        for lad in reg.ladders.values():
            refs = sorted(lad.levels, key=lambda r: reg.levels[r].rank)
            for below, ref in zip([None] + refs, refs):
                table[ref] = below
        reg._standing_lower = table
    return table


def is_post(reg: Registry, ref: str) -> bool:
    return reg.ladders[reg.levels[ref].ladder].kind in POST_LADDERS


def post_credential(reg: Registry, post: str) -> tuple[str, str] | None:
    """(credential, rule) a post is for, from the ``post`` rules that place a credential in it: one
    credential, or the one that every other candidate counts as (高校讲师 counts as 中级, so a 专业技术
    十级 post is a 中级 post). None when the rules do not say, or say several things."""
    cands = {}
    for rid in reg.index["in"].get(post, ()):
        rule = reg.rules[rid]
        if rule.kind == "post" and rule.from_ and not is_post(reg, rule.from_):
            cands.setdefault(rule.from_, rid)
    if len(cands) <= 1:
        return next(iter(cands.items()), None)
    common = [c for c in cands if all(o == c or _counts_as(reg, o, c) for o in cands)]
    return (common[0], cands[common[0]]) if len(common) == 1 else None


def _counts_as(reg: Registry, a: str, b: str) -> bool:
    return any(reg.rules[rid].kind == "counts_as" and b in reg.rules[rid].to for rid in reg.index["out"].get(a, ()))


def compute_standing(reg: Registry, profile: Profile, allowed=None) -> Standing:
    """What ``profile`` holds on its plan date, each fact as early as anything shows it held.

    ``allowed``: a test of a rule (:class:`~equivalence.records.Rule`); a counts_as / treated_as rule it
    refuses carries nothing (a route that may not use a rule, or keeps to one ladder, holds only what it
    may use)."""
    as_of = profile.as_of
    lower = _lower(reg)
    facts: dict = {}
    treated: list = []
    heap: list = []
    n = 0

    def offer(fact: Fact) -> None:
        nonlocal n
        if fact.since > as_of:
            return
        lev = reg.levels[fact.level]
        start, until = _date(lev.effective_from), _date(lev.effective_until)
        if start and fact.since < start and fact.origin != "held":  # (what the worker says stands as said)
            fact = replace(fact, since=start)
        if fact.since > as_of or (fact.origin != "held" and until and fact.since >= until):
            return
        n += 1
        # on one date, what the worker states comes first, then what it implies, then what counts as it:
        # 助理工程师 of a 一级建造师 holder is implied by the 工程师 it counts as, not carried from a 二级建造师
        # the worker never stated
        heapq.heappush(heap, (fact.since, ORIGINS.index(fact.origin), n, fact))

    def stated(ref: str) -> bool:
        """The worker says they hold ``ref``, or a level above it on its ladder."""
        lev = reg.levels[ref]
        return any(reg.levels[h.level].ladder == lev.ladder and reg.levels[h.level].rank >= lev.rank
                   for h in profile.holdings)

    for h in profile.holdings:
        offer(Fact(h.level, None, h.obtained, "held", in_post=h.in_post or is_post(reg, h.level)))
    if profile.education:  # no date is given for it: from when work began, else from the plan date
        since = work_start(profile)
        offer(Fact(profile.education, None, since, "held"))

    while heap:
        *_, fact = heapq.heappop(heap)
        key = (fact.level, fact.purposes)
        if key in facts:
            continue
        full = facts.get((fact.level, None))
        if fact.purposes is not None and full is not None and full.since <= fact.since:
            continue  # the credential for any purpose came first: this one adds nothing
        facts[key] = fact
        if fact.origin != "implied":  # every level under it, from its date (not from a level's later start)
            below = lower.get(fact.level)
            while below is not None:
                offer(Fact(below, fact.purposes, fact.since, "implied", source=fact.level,
                           source_purposes=fact.purposes))
                below = lower.get(below)
        if is_post(reg, fact.level) and fact.origin == "held":
            what = post_credential(reg, fact.level)
            if what is not None and not stated(what[0]):  # what the worker says beats an assumption
                offer(Fact(what[0], None, fact.since, "assumed", rule=what[1], source=fact.level))
        for rid in reg.index["out"].get(fact.level, ()):
            rule = reg.rules[rid]
            if not (KINDS[rule.kind].carries or rule.kind == "treated_as") or not rule.grants \
                    or allowed is not None and not allowed(rule):
                continue
            carried = _carry(reg, rule, fact, as_of)
            for t in carried:
                if t.origin == "treated":
                    treated.append(t)
                else:
                    offer(t)
    return Standing(profile, facts, treated)


def restricted(reg: Registry, standing: Standing, allowed) -> Standing:
    """``standing`` as it is when only the rules ``allowed`` may carry: itself when none of its facts
    rests on a rule refused (an implied or carried fact is kept only after the fact it follows from),
    else computed again without those rules (another way to the same level may then be the first)."""
    if all(f.rule is None or f.origin != "carried" or allowed(reg.rules[f.rule]) for f in standing.facts.values()):
        return standing
    return compute_standing(reg, standing.profile, allowed)


def assured(reg: Registry, rule: Rule) -> tuple:
    """The levels ``rule`` gives for sure. A counts_as rule naming two titles of one series (护士执业资格 →
    护士 or 护师; 软考初级 → 技术员 or 助理工程师) gives one of them by conditions not recorded: only the
    lower is assured (the higher implies it). Titles of different series (工程咨询 → 工程师 or 经济师, by
    specialty) are each kept; any other rule gives every level it names."""
    if rule.kind != "counts_as" or len(rule.to) < 2:
        return rule.to
    lowest: dict = {}
    for t in rule.to:
        lev = reg.levels[t]
        if lev.ladder not in lowest or lev.rank < reg.levels[lowest[lev.ladder]].rank:
            lowest[lev.ladder] = t
    return tuple(t for t in rule.to if lowest[reg.levels[t].ladder] == t)


def _carry(reg: Registry, rule: Rule, fact: Fact, as_of: dt.date) -> list:
    """The facts ``rule`` (counts_as / treated_as) draws from ``fact``, dated; [] when it does not apply."""
    cond = rule.conditions
    if cond.education or cond.also_holds or cond.work_years is not None or cond.honours or cond.points:
        return []  # conditions of their own: the planner decides when such a rule fires
    if cond.in_post and not fact.in_post:
        return []
    rule_p = frozenset(rule.purposes) if rule.purposes else None
    if not serves(fact.purposes, rule_p):
        return []
    purposes = narrowed(fact.purposes, rule_p)
    since = add_years(fact.since, cond.years_in_from) if cond.years_in_from else fact.since
    since = max(since, _date(rule.effective_from))
    until = _date(rule.effective_until)
    if since > as_of or (until and until <= as_of):
        return []  # not yet, or the rule no longer says so today
    origin = "carried" if KINDS[rule.kind].carries else "treated"
    return [Fact(t, purposes, since, origin, rule=rule.id, source=fact.level, source_purposes=fact.purposes,
                 in_post=is_post(reg, t)) for t in assured(reg, rule)]

