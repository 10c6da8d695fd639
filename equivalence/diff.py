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
        return {"rule": rule.id, "kind": rule.kind,
                "from": level_ref(reg, rule.from_, lang) if rule.from_ else None,
                "to": [level_ref(reg, t, lang) for t in rule.to],
                "effective_from": rule.effective_from, "effective_until": rule.effective_until,
                "layer": rule.layer, "source": citation(reg, rule)}

    def level_row(lev):
        return {"level": level_ref(reg, lev.ref, lang),
                "effective_from": lev.effective_from, "effective_until": lev.effective_until}

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


def diff_roster(reg: Registry, rows: list[dict], before: str, after: str, *, to=(), lang: str = "zh",
                columns: dict[str, str] | None = None, row_numbers: list[int] | None = None,
                unanswered: list[int] | None = None) -> list[dict]:
    """Whose answers changed between two dates: for each roster row (by its ``id`` column, and its
    number: from ``row_numbers``, as the file shows it, else its place in ``rows`` from 1) and each
    answer column whose *answer* differs, the value on each date.

    A person is the same person on both dates: relative years (``技师:3``, ``work_years``) count back
    from the earlier date, and a date before the later one (a step open "now" on the earlier date)
    counts as the later date. So a row is listed when a rule that came into force or ended moves a
    date or changes a level, not because its years moved with the calendar. ``columns`` maps fields
    to the roster's columns (:func:`equivalence.rostercolumns.map_columns`). A row that fails on both
    dates (an unknown level) has nothing to compare: its number is appended to ``unanswered``, when
    given, for the caller to say so.
    """
    import datetime as dt

    from .roster import Roster

    first_date, last_date = sorted((before, after))
    later = dt.date.fromisoformat(last_date)
    engines = [Roster(reg, to=to, as_of=d, lang=lang, columns=columns, facts_as_of=first_date) for d in (before, after)]
    outputs = []
    for engine in engines:
        engine.structured = {}
        outputs.append(engine.process(rows))
    id_column = (columns or {}).get("id", "id")
    added = engines[0].added
    changes = []
    numbers = row_numbers or range(1, len(rows) + 1)
    for i, (row, number) in enumerate(zip(rows, numbers)):
        a, b = (engine.structured[engine.key(row)] for engine in engines)
        if a["error"] and b["error"] and unanswered is not None:
            unanswered.append(number)
        for column in added:
            if _compared(a, column, added, later) != _compared(b, column, added, later):
                changes.append({"row": number, "id": row.get(id_column, ""), "column": column,
                                "before": outputs[0][i].get(column, ""), "after": outputs[1][i].get(column, "")})
    return changes


def _compared(parts: dict, column: str, added: list[str], later):
    """What is compared of one answer column: its levels and rules, dates before ``later`` as ``later``."""
    import datetime as dt

    def day(value):
        if isinstance(value, str):
            value = dt.date.fromisoformat(value) if value else None
        return max(value, later) if value else value

    if column == "error":
        return bool(parts["error"])  # the message may quote a date; that it failed is the answer
    if parts["error"]:
        return None
    if column.startswith("to:"):
        return parts["to"][added.index(column)]
    if column == "next_steps":
        return frozenset((level, day(when)) for level, when in parts["next_steps"].items())
    target = parts.get("target")
    if target is None or target[0] == "no_route":
        return target
    if column == "target_earliest":
        return day(target[0])
    return tuple((level, rule, day(when)) for level, rule, when in target[1])
