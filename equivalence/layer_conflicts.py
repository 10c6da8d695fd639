"""Rules of a province or employer layer that contradict a lower layer's rule without replacing it.

A layer adds rules on top of the national ones; changing a national rule takes ``replaces:``. Two
kinds of additions would change one silently, and are refused, naming both rules:

* a promotion on the same pair of levels that asks for fewer years and nothing else instead
  (高级工 → 技师 in 0 years where the national rule says 4); one that asks for something else (an
  honour, points, a condition in words) is another route (破格), not a contradiction;
* a link between two ladders that puts a level higher than a lower layer puts a level at least as
  high, asking for no more (初级工 counts as 正高级工程师 where 高级工 may apply for 助理工程师 after
  2 years).

Only rules in force together on some day are compared: a rule replaced from a later day stays in
force until then (see compile), and is never in force together with its replacement.
"""

from __future__ import annotations

from .dates import date_start
from .records import Level, Rule

LINK_KINDS = ("apply", "treated_as", "counts_as", "post")


def layer_conflicts(rules: dict[str, Rule], levels: dict[str, Level], layer_ids: list[str]) -> list[tuple[str, tuple]]:
    """(rule id, message) for each layer rule that contradicts a rule of a lower layer; the message is a
    code of :mod:`equivalence.messages` with its params."""
    order = {lid: i for i, lid in enumerate(layer_ids)}
    # Indexed by layer, so that a rule is compared with the lower layers' rules only: a layer of
    # thousands of rules on one pair must not compare each with all the others.
    promotions: dict[tuple, dict[int, list]] = {}  # (from, to) -> layer -> rules
    links: dict[tuple, dict[int, list]] = {}  # (ladder, ladder) -> layer -> (from, to, rule)
    for r in rules.values():
        if not r.from_:
            continue
        layer = order.get(r.layer, 0)
        for t in r.to:
            if r.kind == "promotion":
                promotions.setdefault((r.from_, t), {}).setdefault(layer, []).append(r)
            elif r.kind in LINK_KINDS:
                for a, b in [(r.from_, t)] + ([(t, r.from_)] if r.bidirectional else []):
                    key = (levels[a].ladder, levels[b].ladder)
                    links.setdefault(key, {}).setdefault(layer, []).append((a, b, r))

    def below(table: dict, key, mine: int, rule: Rule) -> list:
        return [x for layer, xs in table.get(key, {}).items() if layer < mine for x in xs
                if _together(rule, x if isinstance(x, Rule) else x[2])]

    found = []
    for r in rules.values():
        mine = order.get(r.layer, 0)
        if not mine or not r.from_:
            continue
        for t in r.to:
            if r.kind == "promotion":
                lower = below(promotions, (r.from_, t), mine, r)
                if lower and all(_asks_less(r, o) for o in lower):
                    o = lower[0]
                    found.append((r.id, ("conflict_fewer_years", {"names": _names(levels, r.from_, t), "years": _years(r),
                                                                   "rule": _where(o), "asks": _years(o), "fix": _fix(o)})))
            elif r.kind in LINK_KINDS:
                a, b = levels[r.from_], levels[t]
                for oa, ob, o in below(links, (a.ladder, b.ladder), mine, r):
                    if levels[oa].rank >= a.rank and levels[ob].rank < b.rank and _asks_no_more(r, o):
                        found.append((r.id, ("conflict_gives_more", {"names": _names(levels, r.from_, t), "rule": _where(o),
                                                                      "other": _names(levels, oa, ob), "fix": _fix(o)})))
                        break
    return found


def _together(new: Rule, old: Rule) -> bool:
    """Whether ``new`` and ``old`` are both in force on some day."""
    return not ((old.effective_until and date_start(old.effective_until) <= date_start(new.effective_from))
                or (new.effective_until and date_start(new.effective_until) <= date_start(old.effective_from)))


def _asks_less(new: Rule, old: Rule) -> bool:
    """``new`` asks for fewer years than ``old`` and for nothing that ``old`` does not ask for."""
    n, o = new.conditions, old.conditions
    return _asks_no_more(new, old) and ((n.years_in_from or 0) < (o.years_in_from or 0)
                                        or (n.work_years or 0) < (o.work_years or 0))


def _asks_no_more(new: Rule, old: Rule) -> bool:
    """``new`` asks for no more years than ``old`` and for nothing that ``old`` does not ask for
    (else it is another route, e.g. 破格 by an honour, not a contradiction)."""
    n, o = new.conditions, old.conditions
    if (n.years_in_from or 0) > (o.years_in_from or 0) or (n.work_years or 0) > (o.work_years or 0):
        return False
    return not (not set(n.honours) <= set(o.honours)
                or not {x.zh for x in n.other} <= {x.zh for x in o.other}
                or (n.points and n.points != o.points)
                or (n.education and n.education != o.education)
                or not {h.level for h in n.also_holds} <= {h.level for h in o.also_holds}
                or (n.in_post and not o.in_post)
                or (n.same_specialty and not o.same_specialty))


def _names(levels: dict, a: str, b: str) -> str:
    return f"{levels[a].zh} → {levels[b].zh}"


def _years(rule: Rule) -> tuple:
    c = rule.conditions
    if c.work_years:
        return ("years_in_grade_work", {"n": _n(c.years_in_from or 0), "work": _n(c.work_years)})
    return ("years_in_grade", {"n": _n(c.years_in_from or 0)})


def _n(value: float) -> str:
    return f"{value:g}"


def _where(rule: Rule) -> tuple:
    return ("rule_at", {"id": rule.id, "path": rule.path, "line": rule.line, "layer": rule.layer})


def _fix(rule: Rule) -> tuple:
    return ("fix_replaces", {"id": rule.id})
