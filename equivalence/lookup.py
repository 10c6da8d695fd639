"""Equivalence lookup: every level on another ladder that the rules relate to a given level.

Chains compose under one algebra (see mappings/README.md, "Rule kinds"):

* any number of ``counts_as`` links (and ``derived`` ones, when asked for) and **at most one** link
  of another kind (``apply``, ``treated_as``, ``post``); the chain takes that link's kind;
* the purposes of the links must overlap (a rule with no purposes serves any purpose);
* ``promotion`` never composes (it is a step on one ladder, for path planning);
* a chain with a ``derived`` link is ``derived`` and is only shown when asked for.

Lookups run both ways: ``out`` answers "LEVEL relates to X", ``in`` answers "X counts as, is treated
as or maps to LEVEL". "X may apply for LEVEL" is not an equivalence of LEVEL but a route into it, so
inward ``apply`` chains are left to :func:`routes_into` (``equivalence routes-into``).
"""

from __future__ import annotations

from .dates import date_start, in_force
from .describe import other_words
from .kinds import COMPOSABLE  # (counts_as, derived: any number per chain)
from .records import NO_CONDITIONS, Rule
from .registry import Registry
from .results import Cite, Equivalent, Equivalents, LevelName, Link, RouteIn, ShownConditions

CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}
MAX_LINKS = 4


def rule_in_force(reg: Registry, rule: Rule, on: str | None) -> bool:
    """The rule, and the document it rests on (its first citation), are in force on ``on``."""
    return in_force(rule, on) and in_force(reg.sources[rule.cite[0].source], on)


def rule_usable(reg: Registry, rule: Rule, *, as_of: str | None, include_derived: bool) -> bool:
    """A rule that lookups may use: not a promotion, derived only when asked, in force on ``as_of``."""
    if rule.kind == "promotion" or (rule.kind == "derived" and not include_derived):
        return False
    return rule_in_force(reg, rule, as_of)


def _links(reg: Registry, ref: str, direction: str, skip=frozenset()):
    """(rule, next level, reversed) for every link leaving ``ref`` in ``direction``, but those that
    lead to a level in ``skip``.

    The links of a level are grouped by the level they lead to, once per registry: thousands of rules
    between the same two levels are then passed over in one step, not thousands at every visit (which
    made a lookup quadratic in them).
    """
    cache = reg.__dict__.setdefault("_links_by_level", {})
    groups = cache.get((ref, direction))
    if groups is None:
        groups = cache[(ref, direction)] = _group_links(reg, ref, direction)
    for nxt, links in groups.items():
        if nxt not in skip:
            for rule, rev in links:
                yield rule, nxt, rev


def _group_links(reg: Registry, ref: str, direction: str) -> dict:
    groups: dict[str, list] = {}
    forward, backward = ("out", "in") if direction == "out" else ("in", "out")
    for rid in reg.index[forward].get(ref, ()):
        rule = reg.rules[rid]
        ends = rule.to if direction == "out" else (rule.from_,)
        for nxt in ends:
            if nxt:
                groups.setdefault(nxt, []).append((rule, False))
    for rid in reg.index[backward].get(ref, ()):
        rule = reg.rules[rid]
        if rule.bidirectional:
            ends = (rule.from_,) if direction == "out" else rule.to
            for nxt in ends:
                if nxt:
                    groups.setdefault(nxt, []).append((rule, True))
    return groups


def _extend(state: tuple, rule: Rule):
    """Compose one more link onto (kind, purposes, derived, a link for any purpose so far); None when
    it may not compose."""
    kind, purposes, derived, any_link = state
    k = rule.kind
    if kind is not None and (derived or k == "derived") and (
            any_link if rule.purposes else purposes is not None):
        return None  # a derived chain: a rule for any purpose never composes with one for some (anywhere in it)
    if k not in COMPOSABLE:
        if kind not in (None, "counts_as"):
            return None  # a second apply / treated_as / post: not a statement any document makes
        if derived:
            return None  # a comparison no document states, then a right to apply: not a comparison at all
        kind = k
    elif kind is None:
        kind = "counts_as"
    if k == "derived" and kind not in ("counts_as", None):
        return None  # likewise the other way round
    if rule.purposes:
        purposes = set(rule.purposes) if purposes is None else purposes & set(rule.purposes)
        if not purposes:
            return None  # different purposes do not mix
    return kind, purposes, derived or k == "derived", any_link or not rule.purposes


def find_equivalents(
    reg: Registry,
    level: str,
    *,
    to: list[str] | None = None,
    kinds: list[str] | None = None,
    purpose: str | None = None,
    as_of: str | None = None,
    include_derived: bool = False,
    direction: str = "both",
    lang: str = "zh",
) -> Equivalents:
    """Every level on another ladder related to ``level``, with the chain of rules behind it.

    Parameters
    ----------
    reg : the registry.
    level : a level name (id, zh, en, alias, or LADDER:LEVEL).
    to : only results on these ladders (ids or names).
    kinds : only these relation kinds (apply, treated_as, counts_as, post, derived).
    purpose : only results that serve this purpose id.
    as_of : ISO date (``YYYY-MM-DD``, or a ``datetime.date``); only rules (and sources) in force that day.
    include_derived : also compose through ``derived`` rules (comparisons no document states).
    direction : ``out`` (LEVEL → X), ``in`` (X → LEVEL) or ``both``.

    Returns
    -------
    :class:`~equivalence.results.Equivalents`: the ``level`` and its ``results``, each an
    :class:`~equivalence.results.Equivalent` (see README, "lookup"); without ``include_derived``,
    ``derived_left_out`` says whether derived comparisons would have added results (passing the
    same filters).

    Raises
    ------
    UnknownLevelError, AmbiguousLevelError, UnknownLadderError

    Examples
    --------
    >>> reg = Registry.load()
    >>> out = find_equivalents(reg, "技师", to=["工程技术"], kinds=["apply"])
    >>> sorted({r.level.name for r in out.results})
    ['工程师']
    """
    from . import arguments as a  # exported as equivalence.find_equivalents: checked like api.lookup

    to, kinds = (a.texts("to", to) if to is not None else None), a.choices("kind", kinds, a.LOOKUP_KINDS)
    include_derived = a.flag("include_derived", include_derived)
    as_of = check_arguments(direction=direction, as_of=as_of, lang=lang)
    start = reg.level(level).ref
    if not in_force(reg.levels[start], as_of):
        from .errors import NoEquivalentError

        lev = reg.levels[start]
        span = (("span_from_until", {"start": lev.effective_from, "end": lev.effective_until})
                if lev.effective_until else ("span_from", {"start": lev.effective_from}))
        raise NoEquivalentError(code="not_in_force", level=lev.zh, date=as_of, span=span)
    ladders = {reg.ladder(t).id for t in to} if to else None
    if purpose is not None and purpose not in reg.purposes:
        from .errors import EquivalenceError

        raise EquivalenceError(code="unknown_purpose", name=purpose, known=list(reg.purposes))
    found: dict[tuple, dict] = {}
    directions = ("out", "in") if direction == "both" else (direction,)
    start_ladder = reg.levels[start].ladder
    for way in directions:
        # Depth-first over simple chains; chains are short (<= MAX_LINKS) and the graph is sparse.
        # Derived links are walked even when not asked for: the chains through them are set aside
        # below, and the answer says whether they would have added results (one walk, not two).
        stack = [(start, [], (None, None, False, False), {start})]
        while stack:
            ref, chain, state, seen = stack.pop()
            for rule, nxt, rev in _links(reg, ref, way, skip=seen):
                if nxt in seen or reg.levels[nxt].ladder == start_ladder:
                    continue
                if not in_force(reg.levels[nxt], as_of):
                    continue
                if not rule_usable(reg, rule, as_of=as_of, include_derived=True):
                    continue
                new_state = _extend(state, rule)
                if new_state is None or (way == "in" and new_state[0] == "apply"):
                    continue
                new_chain = chain + [(rule.id, ref, nxt, rev)]
                _record(found, way, nxt, new_chain, new_state)
                if len(new_chain) < MAX_LINKS:
                    stack.append((nxt, new_chain, new_state, seen | {nxt}))

    def wanted(ladder: str, kind: str, purposes) -> bool:
        return ((ladders is None or ladder in ladders) and (not kinds or kind in kinds)
                and (purpose is None or not purposes or purpose in purposes))

    results = []
    derived_left_out = False
    for (way, ref, kind, purposes), chains in found.items():
        if kind == "derived" and not include_derived:  # not asked for: only whether it would show
            derived_left_out = derived_left_out or wanted(reg.levels[ref].ladder, kind, purposes)
            continue
        # One chain per principal rule: 技师 → 中级 through the 96号 bridge is one answer, whichever
        # of the nine bridged series the walk passed through (the first, in a stable order).
        by_principal: dict[str, dict] = {}
        for c in sorted(chains.values(), key=lambda c: (len(c["chain"]), c["chain"])):
            by_principal.setdefault(_principal(reg, c["chain"]), c)
        results.extend(_result(reg, way, ref, kind, c, lang) for c in by_principal.values())
    results = [r for r in results if wanted(r.level.ladder, r.kind, r.purposes)]
    order = {lid: i for i, lid in enumerate(reg.ladders)}
    results.sort(key=lambda r: (r.direction != "out", order[r.level.ladder],
                                reg.levels[r.level.id].rank, r.kind, len(r.chain), r.chain))
    return Equivalents(level_name(reg, start, lang), tuple(results), derived_left_out=derived_left_out)


def check_arguments(*, direction: str = "both", as_of=None, lang: str = "zh") -> str | None:
    """A clear library error for an argument the library cannot use (a typo would otherwise be a
    KeyError deep inside, or be silently taken for something else): the checks of
    :mod:`equivalence.arguments`, for the functions the API does not front. Returns ``as_of`` as the
    ISO string the rules' dates are compared with (a ``datetime.date`` is taken too; ``20240101``,
    which ``fromisoformat`` reads, is not: compared as text it would fall after every 2024 date)."""
    from . import arguments

    arguments.choice("direction", direction, arguments.DIRECTIONS)
    arguments.lang(lang)
    return arguments.iso_date("as_of", as_of)


def _principal(reg: Registry, chain: list[str]) -> str:
    """The rule that gives a chain its kind: its one non-counts_as link, else its first link."""
    for rid in chain:
        if reg.rules[rid].kind not in COMPOSABLE:
            return rid
    return chain[0]


def _record(found: dict, way: str, ref: str, chain: list, state: tuple) -> None:
    kind, purposes, derived, _ = state
    kind = "derived" if derived else kind
    key = (way, ref, kind, frozenset(purposes) if purposes else frozenset())
    # Reading order: an 'in' chain was walked backwards from the level; show it from X to LEVEL.
    links = chain if way == "out" else list(reversed(chain))
    ids = [link[0] for link in links]
    bucket = found.setdefault(key, {})  # chain ids -> chain: a set, not a list to scan (quadratic)
    if tuple(ids) not in bucket:
        bucket[tuple(ids)] = {"chain": ids, "links": links, "purposes": sorted(purposes) if purposes else []}


def level_name(reg: Registry, ref: str, lang: str = "zh") -> LevelName:
    """The level ``ref`` as answers name it, in ``lang``."""
    lev = reg.levels[ref]
    return LevelName(ref, lev.ladder, lev.en if lang == "en" else lev.zh)


def level_ref(reg: Registry, ref: str, lang: str = "zh") -> dict:
    """:func:`level_name` as a JSON object, for the answers that are still dicts."""
    return level_name(reg, ref, lang)._asdict()


def _result(reg: Registry, way: str, ref: str, kind: str, c: dict, lang: str) -> Equivalent:
    rules = [reg.rules[rid] for rid in c["chain"]]
    confidence = min((r.confidence for r in rules), key=CONFIDENCE_ORDER.__getitem__)
    ladder_conf = reg.ladders[reg.levels[ref].ladder].confidence
    if ladder_conf and CONFIDENCE_ORDER[ladder_conf] < CONFIDENCE_ORDER[confidence]:
        confidence = ladder_conf  # the names on that ladder are themselves uncertain
    starts = [r.effective_from for r in rules]
    ends = [r.effective_until for r in rules if r.effective_until]

    return Equivalent(
        direction=way,
        level=level_name(reg, ref, lang),
        kind=kind,
        purposes=tuple(c["purposes"]),
        conditions=tuple(c for c in (conditions_of(r, lang) for r in rules) if c is not None),
        chain=tuple(c["chain"]),
        # Each link was walked from a to b; an 'in' walk runs against the reading order.
        links=tuple(Link(rid, reg.rules[rid].kind, a if way == "out" else b, b if way == "out" else a, rev)
                    for rid, a, b, rev in c["links"]),
        sources=tuple(cite_of(reg, r) for r in rules),
        confidence=confidence,
        effective_from=max(starts, key=date_start),
        effective_until=min(ends, key=date_start) if ends else None,
    )


def conditions_of(rule: Rule, lang: str) -> ShownConditions | None:
    """The rule's conditions as answers show them, tagged with the rule id (None when it sets none);
    a condition set to nothing (0 years) is not shown; the conditions in words (``other``) as strings
    in ``lang``."""
    cond = rule.conditions
    if cond == NO_CONDITIONS:  # most rules: nothing to show
        return None
    shown = {k: v for k, v in zip(cond._fields, cond) if v not in (None, (), False)}
    if not shown:
        return None
    if "other" in shown:
        shown["other"] = tuple(other_words(item, lang) for item in cond.other)
    return ShownConditions(rule.id, **shown)


def cite_of(reg: Registry, rule: Rule) -> Cite:
    """The primary citation of a rule, with the source's title, 文号 and status."""
    cite = rule.cite[0]
    src = reg.sources[cite.source]
    return Cite(rule.id, src.id, src.title, src.doc_no, src.status, cite.article, cite.quote, rule.layer,
                rule.jurisdiction)


def citation(reg: Registry, rule: Rule) -> dict:
    """:func:`cite_of` as a JSON object, for the answers that are still dicts."""
    return cite_of(reg, rule).to_json()


def routes_into(reg: Registry, ref: str, *, include_derived: bool = False, lang: str = "zh") -> tuple[RouteIn, ...]:
    """Every rule that leads to level ``ref`` (a bidirectional rule, from either end), with the level it
    starts from (None for an entry rule), its kind, conditions, purposes, confidence and source.

    What HR staff screen candidates with: ``equivalence routes-into``.
    """
    check_arguments(lang=lang)

    def route(rule: Rule, start: str | None) -> RouteIn:
        return RouteIn(level_name(reg, start, lang) if start else None, rule.id, rule.kind, rule.grants,
                       conditions_of(rule, lang), tuple(rule.purposes), rule.confidence, (cite_of(reg, rule),))

    def wanted(rule: Rule) -> bool:
        return rule.kind != "derived" or include_derived

    routes = [route(reg.rules[rid], reg.rules[rid].from_) for rid in reg.index["in"].get(ref, ())
              if wanted(reg.rules[rid])]
    for rid in reg.index["out"].get(ref, ()):
        rule = reg.rules[rid]
        if rule.bidirectional and wanted(rule):
            routes.extend(route(rule, t) for t in rule.to)
    return tuple(routes)
