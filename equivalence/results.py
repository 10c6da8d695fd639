"""The answers of the solver as typed records: what ``lookup``, ``compare``, ``path`` and ``check``
return, and what every output (JSON, CSV, tables, the roster, the web pages) renders.

Each is a ``typing.NamedTuple`` (typed, frozen, cheap to make by the hundred thousand in a roster).
``to_json()`` gives the JSON answer of the contract (:mod:`equivalence.contract`; the shapes are
the pydantic models of :mod:`equivalence.schemas`, shipped as JSON Schemas): ``from_`` is written
``from``, a nested result becomes an object, a tuple an array. Being tuples, they must not be handed
to ``json.dumps`` themselves (they would become arrays): call ``to_json()``.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from .records import Words


# Most values of an answer are strings and numbers: they are their own JSON, tested first (a lookup
# answer holds thousands of them; the web API serialises one per request).
_SCALARS = frozenset({str, int, float, bool, type(None)})


def json_of(value):
    """``value`` as JSON data: results become objects (via their ``to_json``), as do the compiled
    records an answer holds (:mod:`equivalence.records`, via their ``to_dict``); tuples arrays."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [v if type(v) in _SCALARS else json_of(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _SCALARS else json_of(v) for k, v in value.items()}
    to_json = getattr(value, "to_json", None) or getattr(value, "to_dict", None)  # a result or a record
    if to_json is not None:
        return to_json()
    if isinstance(value, (tuple, list)):
        return [json_of(v) for v in value]
    if isinstance(value, dict):
        return {k: json_of(v) for k, v in value.items()}
    return value


def _to_json(self) -> dict:
    """This result as the contract's JSON object."""
    return {("from" if name == "from_" else name): value if type(value) in _SCALARS else json_of(value)
            for name, value in zip(self._fields, self)}


class LevelName(NamedTuple):
    """A level as answers name it: its ref, its ladder and its name in the language asked."""

    id: str
    ladder: str
    name: str

    def to_json(self) -> dict:  # written out: answers hold many (the generic one zips the fields)
        return {"id": self[0], "ladder": self[1], "name": self[2]}


class Cite(NamedTuple):
    """A rule's primary citation with what an answer shows of its source."""

    rule: str
    source: str
    title: str
    doc_no: str
    status: str
    article: str
    quote: str
    layer: str
    jurisdiction: str

    def to_json(self) -> dict:  # written out, as LevelName's
        return dict(zip(self._fields, self))  # every value a string


# -- a rule's conditions, as lookup, routes-into, compare and path show them ----------------------
class ShownConditions(NamedTuple):
    """A rule's conditions as an answer shows them (:func:`equivalence.lookup.conditions_of`): the rule
    they belong to and those it sets, in the order of :class:`equivalence.records.Conditions`; one it
    does not set (or sets to 0) is None, empty or False here. ``other``: the conditions in words, in the
    language asked (a condition the mappings give only in Chinese stays Chinese)."""

    rule: str
    years_in_from: Optional[float] = None
    work_years: Optional[float] = None
    education: Optional[str] = None  # an education level ref
    also_holds: tuple = ()  # of records.Requirement
    in_post: bool = False
    same_specialty: bool = False
    appointed: bool = False  # filled by 评聘: a date is when one may be considered, not appointed
    honours: tuple = ()  # honour ids (破格)
    points: Optional[tuple] = None  # records.PointsNeeded
    other: tuple = ()  # of str

    def to_json(self) -> dict:
        """The contract's Conditions: ``rule``, then only the conditions the rule sets."""
        out = {"rule": self[0]}
        for name, value in zip(_CONDITION_FIELDS, self[1:]):
            if value not in (None, (), False):
                out[name] = json_of(value)  # (also_holds and points: records, as their to_dict)
        return out


_CONDITION_FIELDS = ShownConditions._fields[1:]


def _shown_json(conditions: Optional[ShownConditions]) -> dict:
    """A single rule's conditions in an answer: ``{}`` when it has none."""
    return {} if conditions is None else conditions.to_json()


# -- lookup, routes-into, compare ---------------------------------------------------------------


class Link(NamedTuple):
    """One rule of a lookup chain, in reading order (``reversed``: walked against a bidirectional rule)."""

    rule: str
    kind: str
    from_: str
    to: str
    reversed: bool

    def to_json(self) -> dict:  # written out, as LevelName's
        return {"rule": self[0], "kind": self[1], "from": self[2], "to": self[3], "reversed": self[4]}


class Equivalent(NamedTuple):
    """A level on another ladder that a chain of rules relates to the level looked up."""

    direction: str  # out: the level relates to this one; in: this one relates to the level
    level: LevelName
    kind: str
    purposes: tuple[str, ...]
    conditions: tuple[ShownConditions, ...]  # one per rule of the chain that has any
    chain: tuple[str, ...]
    links: tuple[Link, ...]
    sources: tuple[Cite, ...]
    confidence: str
    effective_from: Optional[str]
    effective_until: Optional[str]

    def to_json(self) -> dict:  # written out: a lookup answer holds tens of them
        return {"direction": self.direction, "level": self.level.to_json(), "kind": self.kind,
                "purposes": list(self.purposes), "conditions": [c.to_json() for c in self.conditions],
                "chain": list(self.chain), "links": [x.to_json() for x in self.links],
                "sources": [x.to_json() for x in self.sources], "confidence": self.confidence,
                "effective_from": self.effective_from, "effective_until": self.effective_until}


class Occupation(NamedTuple):
    """The occupation of the 职业分类大典 a skill grade was named with (电工:技师)."""

    code: str
    name: str

    to_json = _to_json


class Equivalents(NamedTuple):
    """The answer of ``lookup``: the level asked about and what the rules relate to it; and whether
    derived comparisons (no document states them), left out because they were not asked for, would
    have added results: what an empty answer tells a person to try next."""

    level: LevelName
    results: tuple[Equivalent, ...]
    occupation: Optional[Occupation] = None  # named with the level (电工:技师)
    derived_left_out: bool = False

    def to_json(self) -> dict:
        """The occupation, when named, goes inside ``level`` (the contract's LookupLevel).

        ``derived_left_out`` is not written: the JSON answer holds the results asked for, and a
        program that wants the derived ones asks for them (``include_derived``); the hint is for a
        person reading an empty table, and lookup's contract is closed (a key would be a new version).
        """
        level = self.level.to_json()
        if self.occupation is not None:
            level["occupation"] = self.occupation.to_json()
        return {"level": level, "results": json_of(self.results)}


class RouteIn(NamedTuple):
    """A rule leading into a level, from the level it starts at (None: an entry rule); the contract
    calls it Route (path's Route is another thing)."""

    from_: Optional[LevelName]
    rule: str
    kind: str
    grants: bool
    conditions: Optional[ShownConditions]  # None: the rule has none (``{}`` in JSON)
    purposes: tuple[str, ...]
    confidence: str
    sources: tuple[Cite, ...]

    def to_json(self) -> dict:
        return {**_to_json(self), "conditions": _shown_json(self.conditions)}


class RoutesInto(NamedTuple):
    """The answer of ``routes-into``: the level (a list of one, as check's and path's ``target``) and
    every rule leading into it."""

    target: tuple[LevelName, ...]
    routes: tuple[RouteIn, ...]

    to_json = _to_json


class Basis(NamedTuple):
    """Where both levels of a comparison stand on one ladder, and what each placement rests on."""

    ladder: str
    a: tuple[LevelName, ...]
    a_kind: str  # "self": the level itself, on its own ladder
    a_chain: tuple[str, ...]
    b: tuple[LevelName, ...]
    b_kind: str
    b_chain: tuple[str, ...]
    verdict: str
    a_conditions: tuple[ShownConditions, ...]
    a_purposes: tuple[str, ...]
    a_confidence: Optional[str]  # None: the side is the level itself (no rule)
    b_conditions: tuple[ShownConditions, ...]
    b_purposes: tuple[str, ...]
    b_confidence: Optional[str]
    relations: tuple[str, ...]  # the kinds of rule the basis rests on
    confidence: Optional[str]  # the weaker side's (None: neither rests on a rule)

    to_json = _to_json


class Comparison(NamedTuple):
    """The answer of ``compare``: how ``a`` stands to ``b``, over every basis."""

    a: LevelName
    b: LevelName
    verdict: str
    bases: tuple[Basis, ...]
    relations: tuple[str, ...]
    confidence: Optional[str]

    to_json = _to_json


# -- path (planner.find_path) and check (eligibility.check_eligibility) ------------------------------


class Fact(NamedTuple):
    """Something the worker holds on the plan date (:mod:`equivalence.standing`): the level, since when,
    how (``origin``: held, implied, assumed, treated …), from which level and by which rule."""

    level: LevelName
    since: str
    origin: str
    from_: Optional[LevelName]
    rule: Optional[str]
    purposes: tuple  # of purpose ids; empty: any purpose

    to_json = _to_json


class Step(NamedTuple):
    """One step of a route: the level obtained, when (``year``: years from the plan date), by which rule
    from which levels, what set its date (``binding``), and, for a post held for a term, when to renew."""

    level: LevelName
    purposes: tuple
    date: str
    year: float
    rule: str
    kind: str
    from_: tuple  # of LevelName
    binding: str
    conditions: Optional[ShownConditions]  # None: the rule has none (``{}`` in JSON)
    confidence: str
    layer: str
    sources: tuple  # of Cite
    term_years: Optional[float]
    renew_by: Optional[str]

    def to_json(self) -> dict:
        return {**_to_json(self), "conditions": _shown_json(self.conditions)}


class Alternative(NamedTuple):
    """A route other than the best: the level it reaches, when, after how many years, by which steps;
    ``purposes``: the purposes the level reached serves (empty: any)."""

    reached: LevelName
    date: str
    total_years: float
    steps: tuple  # of Step
    purposes: tuple

    to_json = _to_json


class Route(NamedTuple):
    """path's answer: the earliest route to any of ``target`` (the levels asked for), as an Alternative,
    then the plan date, the fact by which a target is already held, the facts assumed (a post's tier),
    the post rule whose step the employer times, notes in words, and the next-best routes."""

    target: tuple  # of LevelName
    reached: LevelName
    date: str
    total_years: float
    steps: tuple  # of Step
    purposes: tuple
    as_of: str
    held: Optional[Fact]
    assumptions: tuple  # of Fact
    set_by_employer: Optional[str]
    notes: tuple  # of str
    alternatives: tuple  # of Alternative

    to_json = _to_json


class FirstStep(NamedTuple):
    """check's first step to take: a Step, with how it is obtained (exam, review …) and whether now."""

    step: Step
    how: str
    now: bool

    def to_json(self) -> dict:
        """The step's own keys, then ``how`` and ``now`` (the contract's check.first_step)."""
        return {**self.step.to_json(), "how": self.how, "now": self.now}


class NextStep(NamedTuple):
    """One of the steps check says are still to take."""

    level: LevelName
    date: str
    rule: str
    kind: str
    how: str

    to_json = _to_json


class CheckedCondition(NamedTuple):
    """One condition of a rule as ``check`` evaluated it (:class:`equivalence.conditions.Condition`
    in an answer): what it is about, its status (met, unmet, unchecked), the reason as a code
    (:data:`equivalence.conditions.REASONS`), the level it names and the date it is (or was) met,
    then the figures of that reason (:data:`FIGURES`; the others stay None), and ``text``: the
    condition in words, in the language asked (set on the missing ones).
    """

    what: str
    status: str
    reason: str
    level: Optional[str] = None  # a level ref
    date: Optional[str] = None
    since: Optional[str] = None  # a credential: held since (its own date, or the one it comes from)
    origin: Optional[str] = None  # held, implied, carried, assumed …
    years_needed: Optional[float] = None  # of the credential, or of work
    years_held: Optional[float] = None
    from_: Optional[str] = None  # a credential not held as such: the level it comes from
    by_rule: Optional[str] = None  # … and the rule (None: by dominance)
    honours: tuple = ()  # the honours the rule accepts
    have: object = None  # education: the level held (None: none given); honours: the ones held
    until: Optional[str] = None  # the rule's end
    reachable: Optional[bool] = None  # False: no route reaches the credential
    scheme: Optional[str] = None  # points: the scheme's id,
    points_needed: Optional[float] = None
    points_held: Optional[float] = None
    scheme_name: Optional[Words] = None  # its name in both languages
    text: Optional[str] = None

    def to_json(self) -> dict:
        """The condition as the contract's data: ``what``, ``status``, ``reason``, ``level`` and
        ``date`` when set, the figures its reason has (as named), then ``text`` when set."""
        out = {"what": self.what, "status": self.status, "reason": self.reason}
        if self.level:
            out["level"] = self.level
        if self.date:
            out["date"] = self.date
        for name in FIGURES.get(self.reason, ()):
            if name in _BY_SOURCE and self.origin == "held":
                continue  # a credential held as such comes from nothing
            value = getattr(self, name)
            out["from" if name == "from_" else name] = value if type(value) in _SCALARS else json_of(value)
        if self.text is not None and "text" not in out:
            out["text"] = self.text
        return out


_CREDENTIAL = ("since", "origin", "years_needed", "years_held", "from_", "by_rule")
_BY_SOURCE = frozenset({"from_", "by_rule"})
_POINTS = ("scheme", "points_needed", "points_held", "scheme_name")
# The figures each reason carries, in the order an answer shows them.
FIGURES = {
    "held": _CREDENTIAL, "years_short": _CREDENTIAL, "no_route": ("reachable",), "no_rule": ("reachable",),
    "education_met": ("have",), "education_missing": ("have",),
    "work_met": ("years_needed", "years_held"), "work_short": ("years_needed", "years_held"),
    "honour_met": ("honours", "have"), "honour_missing": ("honours", "have"),
    "points_met": _POINTS, "points_short": _POINTS, "points_never": ("scheme", "points_needed", "scheme_name"),
    "points_counts_short": ("scheme", "points_needed", "scheme_name"),
    "ended": ("until",), "conditions_after_end": ("until",), "other": ("text",),
}


# what no date can lift: a rule missing one of these is out of reach whatever else it needs
BLOCKED_FOR_GOOD = frozenset({"no_route", "education_missing", "honour_missing", "ended", "conditions_after_end",
                              "points_never"})


class RuleCheck(NamedTuple):
    """One rule leading to a check's target: eligible by it now, from when, whether a route reaches
    what it needs, its conditions met (words), missing and unchecked, all of them as data."""

    rule: str
    kind: str
    eligible: bool
    earliest: Optional[str]
    reachable: bool  # False: a credential the rule needs is reached by no route
    met: tuple  # of str
    missing: tuple  # of CheckedCondition, each with its ``text``
    unchecked: tuple  # of str
    conditions: tuple  # of CheckedCondition: every condition
    confidence: str
    sources: tuple  # of Cite

    to_json = _to_json

    @property
    def unknown(self) -> bool:
        """Out of reach only for want of a credential no rule here says how to obtain (an exam whose
        entry conditions no document gives): whether the worker can meet it cannot be told."""
        return any(m.reason == "no_rule" for m in self.missing) and \
            not any(m.reason in BLOCKED_FOR_GOOD for m in self.missing)


class Eligibility(NamedTuple):
    """check's answer: whether the worker may obtain one of ``target`` on ``as_of``, the fact by which a
    target is held, when at the earliest, the first step and the steps to take, what the worker holds,
    and per rule what is met and missing."""

    target: tuple  # of LevelName
    as_of: str
    held: bool
    held_by: Optional[Fact]
    eligible: bool
    earliest: Optional[str]
    first_step: Optional[FirstStep]
    standing: tuple  # of Fact
    steps: tuple  # of NextStep
    rules: tuple  # of RuleCheck

    to_json = _to_json

    @property
    def verdict(self) -> str:
        """What check says first, the same on every surface: held, eligible, later (a date to reach it),
        or with no date: no_rule (the documents give no condition for it: not a verdict of "not
        eligible"), no_date (a rule leads there but sets no years to count), no_rule_before (a rule
        leads there from a credential no rule says how to obtain, such as an exam) or no_route."""
        if self.held:
            return "held"
        if self.eligible:
            return "eligible"
        if self.earliest:
            return "later"
        if not self.rules:
            return "no_rule"
        if any(r.reachable and any(m.reason == "no_date" for m in r.missing) for r in self.rules):
            return "no_date"
        if any(r.unknown for r in self.rules):
            return "no_rule_before"
        return "no_route"

    def rules_shown(self) -> list:
        """The rules check shows without ``--all``: those a route can meet, and with a "cannot be told"
        verdict the rules it rests on (the others need a credential no route reaches)."""
        unknown = self.verdict == "no_rule_before"
        return [r for r in self.rules if r.reachable or unknown and r.unknown]


# -- roster (the data answers of ``roster -o FILE.jsonl``) -------------------------------------------
class RosterStep(NamedTuple):
    """A level a worker of the roster can reach (one rule away, or on the route to the target), the
    earliest date, the rule, and whether it is filled by 评聘 (appointed, not earned by time)."""

    level: LevelName
    date: str
    rule: Optional[str]
    appointed: bool

    to_json = _to_json


class RosterRelation(NamedTuple):
    """What the credentials held relate to on one ``--to`` ladder, for one relation kind."""

    relation: str
    relation_name: str
    levels: tuple  # of LevelName

    to_json = _to_json
