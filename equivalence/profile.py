"""A worker's profile: credentials held (with dates), education, years of work, the plan date.

Credentials are written ``LEVEL[:YEARS|@DATE]``: ``技师:3`` (held 3 years), ``技师@2021-07-01``,
``工勤技能岗位:三级:5`` (a qualified name, held 5 years). A bare ``LEVEL`` is obtained on the plan date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import EquivalenceError
from .registry import Registry

_AT_DATE = re.compile(r"^(?P<level>.+)@(?P<date>\d{4}-\d{2}-\d{2})$")
_YEARS = re.compile(r"^(?P<level>.+)[:：](?P<years>\d+(?:\.\d+)?)$")


class ProfileError(EquivalenceError):
    """A profile that cannot be read (bad credential, date or field)."""


@dataclass(frozen=True)
class Holding:
    level: str  # level ref
    obtained: dt.date
    in_post: bool = False


@dataclass
class Profile:
    holdings: list[Holding]
    as_of: dt.date
    education: str | None = None  # level ref on an education ladder
    work_years: float | None = None  # cumulative years of work on the plan date
    notes: list[str] = field(default_factory=list)
    honours: frozenset = frozenset()  # honour ids (破格 rules)
    scores: dict = field(default_factory=dict)  # points item id -> count (积分晋级 per_count items)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the month's end (29 Feb + 1 yr -> 28 Feb)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_years(day: dt.date, years: float) -> dt.date:
    return add_months(day, round(years * 12))


def years_between(start: dt.date, end: dt.date) -> float:
    """Whole months between two dates, as years (2 decimals): what a '满N年' condition counts."""
    months = (end.year - start.year) * 12 + (end.month - start.month) - (1 if end.day < start.day else 0)
    return round(months / 12, 2)


def parse_date(text: str, what: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        raise ProfileError(f"'{text}' is not a {what} (YYYY-MM-DD)") from None


def parse_holding(reg: Registry, text: str, as_of: dt.date, in_post: bool = False) -> Holding:
    """``LEVEL[:YEARS|@DATE]`` -> Holding (raises UnknownLevelError / ProfileError)."""
    text = text.strip()
    match = _AT_DATE.match(text)
    if match:
        obtained = parse_date(match["date"], f"date in '{text}'")
        name = match["level"]
    else:
        match = _YEARS.match(text)
        # 'LADDER:LEVEL' also contains ':', so only a trailing number is a count of years.
        if match and reg.candidates(match["level"]):
            obtained = add_years(as_of, -float(match["years"]))
            name = match["level"]
        else:
            obtained, name = as_of, text
    if obtained > as_of:
        raise ProfileError(f"'{text}': obtained after the plan date {as_of}")
    return Holding(reg.level(name)["ref"], obtained, in_post)


def build_profile(
    reg: Registry,
    holds: list[str] = (),
    *,
    education: str | None = None,
    work_years: float | None = None,
    as_of: dt.date | str | None = None,
    in_post: list[str] = (),
    honours: list[str] = (),
    scores: dict | None = None,
) -> Profile:
    """A profile from command-line style values (see module docstring)."""
    if isinstance(as_of, str):
        as_of = parse_date(as_of, "plan date")
    as_of = as_of or dt.date.today()
    if work_years is not None and work_years < 0:
        raise ProfileError("work years cannot be negative")
    post_refs = {reg.level(p)["ref"] for p in in_post}
    holdings = []
    for h in holds:
        holding = parse_holding(reg, h, as_of)
        holdings.append(Holding(holding.level, holding.obtained, holding.level in post_refs))
    edu = None
    if education:
        lev = reg.level(education)
        if reg.ladders[lev["ladder"]]["kind"] != "education":
            raise ProfileError(f"'{education}' is not an education level")
        edu = lev["ref"]
    scores = check_scores(scores or {})
    known = {item["id"] for scheme in reg.index.get("points_schemes", {}).values() for item in scheme["items"]}
    unknown = sorted(set(scores) - known)
    if unknown:  # a typo would silently score nothing
        raise ProfileError(f"unknown points item(s) in the scores: {', '.join(unknown)}"
                           + (f" (known: {', '.join(sorted(known))})" if known else " (no points scheme is loaded)"))
    return Profile(holdings, as_of, edu, work_years, honours=frozenset(resolve_honour(reg, h) for h in honours),
                   scores=scores)


def resolve_honour(reg: Registry, name: str) -> str:
    """An honour id from its id, zh or en name (全国技术能手)."""
    from .names import normalize

    wanted = normalize(name)
    for hid, h in reg.index.get("honours", {}).items():
        if wanted in (normalize(hid), normalize(h["zh"]), normalize(h["en"])):
            return hid
    known = ", ".join(h["zh"] for h in reg.index.get("honours", {}).values())
    raise ProfileError(f"unknown honour '{name}'" + (f" (known: {known})" if known else ""))


def check_scores(scores: dict) -> dict:
    """Counts per points item, each a finite number ≥ 0 (``true`` is no count, ``.nan`` no number)."""
    import math

    out = {}
    for item, count in scores.items():
        if (isinstance(count, bool) or not isinstance(count, (int, float)) or count < 0
                or not math.isfinite(count)):
            raise ProfileError(f"score of '{item}' must be a number ≥ 0, got {count!r}")
        out[str(item)] = count
    return out


def _read_mapping(path: str, what: str, model):
    """A YAML or JSON file (JSON is YAML too) checked by ``model`` (see profile_file); ProfileError otherwise."""
    from .profile_file import read_document, validate

    data, lines = read_document(path, what)
    return validate(model, {} if data is None else data, lines, path, what)


def load_scores(path: str) -> dict:
    """Counts per points item from a YAML/JSON file: ``{performance: 2, innovation: 1}``."""
    from .profile_file import ScoresFile

    return check_scores(_read_mapping(path, "scores", ScoresFile).root)


def load_profile(reg: Registry, path: str, **overrides) -> Profile:
    """A profile from a YAML or JSON file with the fields ``holds`` (list), ``education``,
    ``work_years``, ``as_of``, ``in_post`` (list), ``honours`` (list) and ``scores`` (mapping).
    Command-line values in ``overrides`` win."""
    from .profile_file import ProfileFile

    data = _read_mapping(path, "profile", ProfileFile)
    values = {
        "holds": list(data.holds) + list(overrides.pop("holds", [])),
        "education": data.education,
        "work_years": data.work_years,
        "as_of": str(data.as_of) if data.as_of else None,
        "in_post": list(data.in_post) + list(overrides.pop("in_post", [])),
        "honours": list(data.honours) + list(overrides.pop("honours", [])),
        "scores": {**data.scores, **(overrides.pop("scores", None) or {})},
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return build_profile(reg, values["holds"], education=values["education"], work_years=values["work_years"],
                         as_of=values["as_of"], in_post=values["in_post"], honours=values["honours"],
                         scores=values["scores"])
