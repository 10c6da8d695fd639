"""A worker's profile: credentials held (with dates), education, years of work, the plan date.

Credentials are written ``LEVEL[:YEARS|@DATE]``: ``技师:3`` (held 3 years), ``技师@2021-07-01``,
``工勤技能岗位:三级:5`` (a qualified name, held 5 years). A bare ``LEVEL`` is obtained on the plan date.
Spaces, full-width ``：`` / ``＠``, ``年`` after the years and the dates of :mod:`equivalence.dates`
are read as people type them; years are 0 to 80, finite.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from .errors import EquivalenceError
from .registry import Registry

# A count of years as people type it: 2, 2.5, 2年, and what float() reads (so that -1, nan, 1e400 and
# 400 digits are reported as bad years rather than as part of a name).
_YEARS = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?(?:inf(?:inity)?|nan)", re.IGNORECASE)
_YEAR_WORDS = ("年以上", "年", "years", "year", "yrs", "yr", "y")
MAX_YEARS = 80  # a working life: more years held or worked is a typo


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


DAYS_PER_MONTH = 365.25 / 12


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


def years_before(day: dt.date, years: float) -> dt.date:
    """``day`` less ``years``: whole months by the calendar (技师:1.5 is 18 months earlier), a fraction
    of a month in days, rounded towards ``day`` (3.97 years held began no earlier than this: never a day
    more than given, and never 4 years by rounding to whole months)."""
    months = int(years * 12 + 1e-9)
    return add_months(day, -months) - dt.timedelta(days=int((years * 12 - months) * DAYS_PER_MONTH + 1e-9))


def years_between(start: dt.date, end: dt.date) -> float:
    """Whole months between two dates, as years (2 decimals): what a '满N年' condition counts, a month
    full on the day add_months reaches (from 29 Feb, two years are full on 28 Feb)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return round(months / 12, 2)


def parse_date(text, what: str = "date") -> dt.date:
    """A date as people write it (see :func:`equivalence.dates.parse_date`); ProfileError otherwise."""
    from .dates import DateError
    from .dates import parse_date as parse

    try:
        return parse(text, what)
    except DateError as exc:
        raise ProfileError(str(exc), code=exc.code, **exc.params) from None


def _years_text(text: str) -> str:
    """The number of a years count as typed: '2年' -> '2', ' 3 years' -> '3'."""
    text = text.strip()
    if _YEARS.fullmatch(text):
        return text
    for word in _YEAR_WORDS:
        if text.lower().endswith(word):
            return text[: -len(word)].strip()
    return text


def check_years(value, what: "str | tuple") -> float:
    """A count of years: a finite number from 0 to MAX_YEARS; ProfileError saying what is wrong."""
    typed = None
    if isinstance(value, str):
        typed = value if len(value) <= 24 else value[:20] + "…"  # 400 digits are not worth echoing
        text = _years_text(value)
        if not _YEARS.fullmatch(text):
            raise ProfileError(code="years_not_number", what=what, max=MAX_YEARS, got=typed)
        value = float(text)
        if value in (float("inf"), float("-inf")) and "inf" not in text.lower():  # 1e400, 400 digits
            raise ProfileError(code="years_out_of_range", what=what, max=MAX_YEARS, got=typed)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ProfileError(code="years_not_number_value", what=what, max=MAX_YEARS, got=repr(value))
    if value != value or value in (float("inf"), float("-inf")):
        raise ProfileError(code="years_not_finite", what=what, got=typed or value)
    if not 0 <= value <= MAX_YEARS:
        if typed is None and isinstance(value, int):  # an int too large for a float: format "g" overflows
            typed = _shown_count(value)
        raise ProfileError(code="years_out_of_range", what=what, max=MAX_YEARS, got=typed or format(value, "g"))
    return float(value)


def _looks_like_years(tail: str) -> bool:
    text = _years_text(tail)
    return bool(_YEARS.fullmatch(text)) or text[:1] in tuple("+-.0123456789")


def parse_holding(reg: Registry, text: str, as_of: dt.date, in_post: bool = False) -> Holding:
    """``LEVEL[:YEARS|@DATE]`` -> Holding (raises UnknownLevelError / ProfileError).

    Written as people type it: ``技师 : 2``, ``技师：2``, ``技师:2年``, ``技师＠2019/7/1`` (any date of
    :func:`equivalence.dates.parse_date`). A trailing part that is no level of the name before it is
    years: ``高级工:abc`` says the years are wrong, not that a ladder is unknown.
    """
    raw = text if len(text) <= 40 else text[:36] + "…"  # as echoed in messages
    text = unicodedata.normalize("NFKC", text).strip().replace("：", ":")
    if "@" in text:
        name, _, when = text.rpartition("@")
        obtained = parse_date(when.strip(), ("what_date_in", {"raw": raw}))
        name = name.strip()
    else:
        name, obtained = text, as_of
        prefix, sep, tail = text.rpartition(":")
        if sep and not reg.candidates(text):
            prefix = prefix.strip()
            if _looks_like_years(tail) or reg.candidates(prefix):
                years = check_years(tail, ("what_years_held_in", {"raw": raw}))
                obtained, name = years_before(as_of, years), prefix
    if obtained > as_of:
        raise ProfileError(code="obtained_after_plan_date", raw=raw, as_of=as_of)
    return Holding(reg.level(name).ref, obtained, in_post)


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
    as_of = dt.date.today() if as_of is None else parse_date(as_of, "plan date")
    if work_years is not None:
        work_years = check_years(work_years, "work years")
    post_refs = {reg.level(p).ref: p for p in in_post}
    holdings = []
    for h in holds:
        holding = parse_holding(reg, h, as_of)
        holdings.append(Holding(holding.level, holding.obtained, holding.level in post_refs))
    for ref in post_refs.keys() - {h.level for h in holdings}:  # ignored, it would plan as if not held at all
        raise ProfileError(code="in_post_not_held", name=post_refs[ref])
    edu = resolve_education(reg, education) if education else None
    scores = check_scores(scores or {})
    items = [item for scheme in reg.index.get("points_schemes", {}).values() for item in scheme["items"]]
    counted = sorted({item["id"] for item in items if item["basis"] == "per_count"})
    not_counted = sorted(set(scores) & {item["id"] for item in items} - set(counted))
    if not_counted:  # scored from years or levels held: a count given for them would be dropped unsaid
        raise ProfileError(code="points_item_not_counted", items=not_counted,
                           counted=("counted_items", {"names": counted}) if counted else ("", {}))
    unknown = sorted(set(scores) - {item["id"] for item in items})
    if unknown:  # a typo would silently score nothing
        raise ProfileError(code="unknown_points_items", items=unknown,
                           known=("known", {"names": counted}) if items else ("no_points_scheme", {}))
    return Profile(holdings, as_of, edu, work_years, honours=frozenset(resolve_honour(reg, h) for h in honours),
                   scores=scores)


def resolve_education(reg: Registry, name: str) -> str | None:
    """The education level ``name`` gives, as HR forms write it: a level of an education ladder, also
    after a study mode (全日制本科) or with a lower bound (本科及以上学历: the bound); None for a value
    that says none (无, —, /).

    Raises
    ------
    ProfileError
        Not an education level (技师), 技校 (which class?), or nothing known (the closest education names).
    AmbiguousLevelError
    """
    from .names import NO_EDUCATION, TECH_SCHOOL_WORDS, closest, education_name, normalize

    key = normalize(name)
    if key in NO_EDUCATION:
        return None
    ladders = [lad for lad in reg.ladders.values() if lad.kind == "education"]
    if key in TECH_SCHOOL_WORDS and (classes := [lad for lad in ladders if lad.id == "techschool"]):
        zh, en = ([getattr(reg.levels[r], lang) for r in classes[0].levels] for lang in ("zh", "en"))
        raise ProfileError(code="education_tech_school", name=name.strip(),
                           zh="、".join(zh[:-1]) + " 或 " + zh[-1], en=", ".join(en[:-1]) + " or " + en[-1])
    for wanted in dict.fromkeys((name, education_name(key))):
        found = reg.candidates(wanted)
        refs = [r for r in found if reg.ladders[reg.levels[r].ladder].kind == "education"]
        if len(refs) == 1:
            return refs[0]
        if found:  # several, or a level of another kind (技师): as the name says
            lev = reg.level(wanted)
            if reg.ladders[lev.ladder].kind != "education":
                raise ProfileError(code="not_education", name=name)
            return lev.ref
    shown = {normalize(n): n for lad in ladders for r in lad.levels
             for n in (reg.levels[r].zh, *reg.levels[r].aliases)}
    near = closest(name, shown)
    raise ProfileError(code="unknown_education", name=name, suggest=("suggest", {"names": near}) if near else ("", {}))


def resolve_honour(reg: Registry, name: str) -> str:
    """An honour id from its id, zh or en name (全国技术能手)."""
    from .names import normalize

    wanted = normalize(name)
    for hid, h in reg.index.get("honours", {}).items():
        if wanted in (normalize(hid), normalize(h["zh"]), normalize(h["en"])):
            return hid
    known = [h["zh"] for h in reg.index.get("honours", {}).values()]
    raise ProfileError(code="unknown_honour", name=name, known=("known", {"names": known}) if known else ("", {}))


def _shown_count(value: int) -> str:
    """A whole number as an error shows it: its digits, or 1eN… when it has more than 20 (10**400
    is too large for a float, so format(value, "g") overflows)."""
    digits = str(abs(value))
    return str(value) if len(digits) <= 20 else f"{'-' if value < 0 else ''}1e{len(digits) - 1}…"


MAX_SCORE = 10 ** 6  # what a scores file holds at most (loader.MAX_NUMBER; loader is not imported by a query)


def check_scores(scores: dict) -> dict:
    """Counts per points item, each a finite number ≥ 0 (``true`` is no count, ``.nan`` no number)."""
    import math

    out = {}
    for item, count in scores.items():
        if (isinstance(count, bool) or not isinstance(count, (int, float)) or count < 0
                or isinstance(count, float) and not math.isfinite(count)):
            raise ProfileError(code="bad_score", item=item, got=repr(count))
        if count > MAX_SCORE:  # a scores file's bound; 10**400 would overflow the points' float sums
            raise ProfileError(code="score_out_of_range", item=item, got=_shown_count(int(count)), most=MAX_SCORE)
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
