"""What changed between two dates: rules and levels that came into force or ended."""

from __future__ import annotations

from .dates import in_force
from .lookup import rule_in_force
from .registry import Registry


def diff_dates(reg: Registry, before: str, after: str, lang: str = "zh") -> dict:
    """Rules and levels in force on ``after`` but not on ``before`` (``added``), and the reverse
    (``ended``). Dates are ISO strings; ``before`` may be later than ``after`` (the lists swap).
    A level is written as in every answer: ``{"id", "ladder", "name"}``."""
    from .lookup import citation, level_ref

    def rule_row(rule):
        return {"rule": rule["id"], "kind": rule["kind"],
                "from": level_ref(reg, rule["from"], lang) if rule["from"] else None,
                "to": [level_ref(reg, t, lang) for t in rule["to"]],
                "effective_from": rule["effective_from"], "effective_until": rule["effective_until"],
                "layer": rule.get("layer", "national"), "source": citation(reg, rule)}

    def level_row(lev):
        return {"level": level_ref(reg, lev["ref"], lang),
                "effective_from": lev["effective_from"], "effective_until": lev["effective_until"]}

    out = {"before": before, "after": after, "rules": {"added": [], "ended": []}, "levels": {"added": [], "ended": []}}
    for rule in reg.rules.values():
        a, b = rule_in_force(reg, rule, before), rule_in_force(reg, rule, after)
        if a != b:
            out["rules"]["added" if b else "ended"].append(rule_row(rule))
    for lev in reg.levels.values():
        a, b = in_force(lev, before), in_force(lev, after)
        if a != b:
            out["levels"]["added" if b else "ended"].append(level_row(lev))
    return out


def diff_roster(reg: Registry, rows: list[dict], before: str, after: str, *, to=(), lang: str = "zh") -> list[dict]:
    """Whose answers changed between two dates: for each roster row (by its ``id`` column, else its
    row number) and each answer column that differs, the value on each date."""
    from .roster import Roster

    first = Roster(reg, to=to, as_of=before, lang=lang).process(rows)
    second = Roster(reg, to=to, as_of=after, lang=lang).process(rows)
    changes = []
    for n, (a, b) in enumerate(zip(first, second), 1):
        for column in [c for c in b if c not in rows[n - 1]] + [c for c in rows[n - 1] if c in ("error",)]:
            if a.get(column, "") != b.get(column, ""):
                changes.append({"row": n, "id": rows[n - 1].get("id", ""), "column": column,
                                "before": a.get(column, ""), "after": b.get(column, "")})
    return changes
