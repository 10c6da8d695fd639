"""Points-based promotion (积分晋级): a worker's points under an employer's scheme, at any date.

Times are the planner's integers (see :func:`equivalence.planner.to_t`). Items score per full year
since a level was obtained (or of work), once while a level is held, or per counted award /
certificate / result in the worker's scores; each item may be capped.
"""

from __future__ import annotations

HORIZON_YEARS = 60  # a career: no points target is reached later than this or at all


def full_years(start: int, end: int) -> int:
    """Whole years from ``start`` to ``end`` (0 if end is before start). An anniversary that the month
    lacks falls on its last day, as everywhere else (profile.add_years): from 2020-02-29 a year is
    full on 2021-02-28."""
    import calendar

    if end < start:
        return 0
    year, month0 = divmod(end // 32, 12)
    anniversary_day = min(start % 32, calendar.monthrange(year, month0 + 1)[1])
    months = end // 32 - start // 32 - (1 if end % 32 < anniversary_day else 0)
    return max(0, months // 12)


def item_points(item: dict, t: int, first_t: dict, work_start: int, scores: dict) -> float:
    """Points of one item at time ``t``. ``first_t`` maps a level ref to when it was first held."""
    basis = item["basis"]
    if basis == "per_count":
        got = item["points"] * scores.get(item["id"], 0)
    else:
        since = first_t.get(item["since"]) if item["since"] else work_start
        if since is None or since > t:
            return 0.0
        got = item["points"] * (full_years(since, t) if basis == "per_year" else 1)
    return float(min(got, item["cap"])) if item["cap"] is not None else float(got)


def points_at(scheme: dict, t: int, first_t: dict, work_start: int, scores: dict) -> list[tuple[dict, float]]:
    """(item, points) for every item of ``scheme`` at time ``t``."""
    return [(item, item_points(item, t, first_t, work_start, scores)) for item in scheme["items"]]


def earliest_points(scheme: dict, need: float, t0: int, first_t: dict, work_start: int, scores: dict) -> int | None:
    """The first time at or after ``t0`` when the scheme's points reach ``need`` (None: never).

    Points only change on anniversaries of the dates items count from, so those are the only
    candidates to try.
    """
    starts = {work_start} | {first_t[i["since"]] for i in scheme["items"] if i["since"] and i["since"] in first_t}
    candidates = {t0}
    for start in starts:
        for year in range(HORIZON_YEARS + 1):
            t = start + year * 12 * 32
            if t > t0:
                candidates.add(t)
    for t in sorted(candidates):
        if sum(p for _, p in points_at(scheme, t, first_t, work_start, scores)) >= need:
            return t
    return None
