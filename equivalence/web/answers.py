"""The questions the web answers, each as the command line answers it under ``--format json``.

One parameter model per question (the query string of ``/api/NAME`` and of the page ``/NAME`` alike,
named as the CLI's options are), and one function per question that calls the library function the
CLI calls (:mod:`equivalence.api`) and stamps the answer with ``schema_version``
(:func:`equivalence.contract.stamped`): a typed result (lookup, compare, routes-into, path, check)
as its ``to_json()``, which the pages render by attribute (:func:`equivalents`, :func:`comparison`,
:func:`routes`, :func:`route`, :func:`eligibility`). Values that the CLI parses before the library sees them
(dates, relation kinds and directions by name) are parsed here by the same code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import api
from ..contract import stamped
from ..errors import EquivalenceError

Lang = Literal["zh", "en"]


class UsageError(EquivalenceError):
    """A question asked wrongly (a missing or malformed value): the CLI's usage error (exit 2)."""


class Params(BaseModel):
    """What every question takes: the language and, optionally, a province's rules on top."""

    model_config = ConfigDict(extra="ignore")
    lang: Lang = "zh"
    region: str | None = Field(None, description="Add this province's rules (广东, CN-GD …); default: the server's.")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data):
        """A form's empty field (``work_years=``) is a value not given, as an option left out is."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    def listed(self, name: str) -> list[str]:
        """A repeated value without the blanks an empty form row leaves."""
        return [v.strip() for v in getattr(self, name) if v.strip()]


class LookupParams(Params):
    level: str | None = Field(None, description="A level by name, alias, id or OCCUPATION:GRADE.")
    to: list[str] = Field([], description="Only results on these ladders.")
    kind: list[str] = Field([], description="Only these relation kinds (apply, 可申报 …).")
    purpose: str | None = None
    as_of: str | None = None
    include_derived: bool = False
    direction: str = "both"


class LevelsParams(Params):
    ladder: str | None = None


class ShowParams(Params):
    rule: str | None = None


class SearchParams(Params):
    text: str | None = None
    kind: list[str] = []
    limit: int = Field(10, ge=1, le=500)


class WorkerParams(Params):
    target: str | None = Field(None, description="A level, a range (专业技术岗位:七级..五级) or LEVEL+.")
    to_tier: str | None = None
    holds: list[str] = Field([], description="Credentials held, each LEVEL[:YEARS|@DATE].")
    education: str | None = None
    work_years: float | None = Field(None, ge=0, le=80)
    as_of: str | None = None
    in_post: list[str] = []
    honour: list[str] = []


class PathParams(WorkerParams):
    alternatives: int = Field(0, ge=0, le=20)
    no_switch: bool = False


class PointsParams(WorkerParams):
    scheme: str | None = None
    scores: dict[str, float] = Field({}, description="Counts per points item (points --scores), in a POST body.")


class CompareParams(Params):
    a: str | None = None
    b: str | None = None
    include_derived: bool = False
    as_of: str | None = None


class RoutesParams(Params):
    target: str | None = None
    include_derived: bool = False


class DiffParams(Params):
    before: str | None = None
    after: str | None = None


class ChartParams(Params):
    ladder: list[str] = Field([], description="Ladders to draw (default: the chart's five).")
    include_derived: bool = False


def need(value, name: str):
    if value in (None, ""):
        raise UsageError(f"missing {name}")
    return value


def date(value: str | None, name: str = "as_of") -> str | None:
    """An ISO date from any shape the CLI's ``--as-of`` takes."""
    if value in (None, ""):
        return None
    from ..dates import DateError, parse_date

    try:
        return parse_date(value).isoformat()
    except DateError as exc:
        raise UsageError(code="usage_invalid_value", name=name, reason=(exc.code, exc.params)) from None


def named(choice, values: list[str], name: str) -> list[str]:
    """Codes from codes or names, through the CLI's own choice (``cli.RELATION_KINDS`` …)."""
    import click

    try:
        return [choice.convert(v, None, None) for v in values]
    except click.BadParameter as exc:
        raise UsageError(f"invalid {name}: {exc.message}") from None


def targets(p: WorkerParams) -> None:
    if p.target and p.to_tier:
        raise UsageError("give target or to_tier, not both")
    if not p.target and not p.to_tier:
        raise UsageError("missing target")


def equivalents(reg, p: LookupParams):
    """lookup's typed answer (:class:`~equivalence.results.Equivalents`)."""
    from ..cli import DIRECTIONS, RELATION_KINDS

    return api.lookup(reg, need(p.level, "level"), to=p.listed("to") or None,
                      kinds=named(RELATION_KINDS, p.listed("kind"), "kind") or None, purpose=p.purpose or None,
                      as_of=date(p.as_of), include_derived=p.include_derived,
                      direction=named(DIRECTIONS, [p.direction], "direction")[0], lang=p.lang)


def lookup(reg, p: LookupParams) -> dict:
    return stamped(equivalents(reg, p).to_json())


def ladders(reg, p: Params) -> dict:
    return stamped(api.ladders(reg), "ladders")


def levels(reg, p: LevelsParams) -> dict:
    return stamped(api.levels(reg, need(p.ladder, "ladder")))


def layers(reg, p: Params) -> dict:
    return stamped(api.layers(), "layers")


def sources(reg, p: Params) -> dict:
    return stamped(api.sources(reg), "sources")


def show(reg, p: ShowParams) -> dict:
    return stamped(api.show(reg, need(p.rule, "rule"), lang=p.lang))


def search(reg, p: SearchParams) -> dict:
    from ..cli_worker import SEARCH_KINDS

    return stamped(api.search(reg, need(p.text, "text"), kinds=named(SEARCH_KINDS, p.listed("kind"), "kind"),
                              limit=p.limit, lang=p.lang))


def _worker(p: WorkerParams) -> dict:
    return {"holds": p.listed("holds"), "education": p.education or None, "work_years": p.work_years,
            "as_of": date(p.as_of), "in_post": p.listed("in_post"), "honours": p.listed("honour"), "lang": p.lang}


def route(reg, p: PathParams):
    """path's typed answer (:class:`~equivalence.results.Route`), which the worker page renders."""
    targets(p)
    return api.path(reg, p.target or None, to_tier=p.to_tier or None, alternatives=p.alternatives,
                    no_switch=p.no_switch, **_worker(p))


def eligibility(reg, p: WorkerParams):
    """check's typed answer (:class:`~equivalence.results.Eligibility`), which the worker page renders."""
    targets(p)
    return api.check(reg, p.target or None, to_tier=p.to_tier or None, **_worker(p))


def path(reg, p: PathParams) -> dict:
    return stamped(route(reg, p).to_json())


def check(reg, p: WorkerParams) -> dict:
    return stamped(eligibility(reg, p).to_json())


def points(reg, p: PointsParams) -> dict:
    return stamped(api.points(reg, p.scheme or None, scores=p.scores or None, **_worker(p)))


def comparison(reg, p: CompareParams):
    """compare's typed answer (:class:`~equivalence.results.Comparison`)."""
    return api.compare(reg, need(p.a, "a"), need(p.b, "b"), include_derived=p.include_derived, as_of=date(p.as_of),
                       lang=p.lang)


def compare(reg, p: CompareParams) -> dict:
    return stamped(comparison(reg, p).to_json())


def routes(reg, p: RoutesParams):
    """routes-into's typed answer (:class:`~equivalence.results.RoutesInto`)."""
    return api.routes_into(reg, need(p.target, "target"), include_derived=p.include_derived, lang=p.lang)


def routes_into(reg, p: RoutesParams) -> dict:
    return stamped(routes(reg, p).to_json())


def diff(reg, p: DiffParams) -> dict:
    return stamped(api.diff(reg, need(date(p.before, "before"), "before"), need(date(p.after, "after"), "after"),
                            lang=p.lang))


def chart(reg, p: ChartParams) -> str:
    """The ladder chart as SVG text (``equivalence chart``)."""
    from ..chart import ladder_chart

    return ladder_chart(reg, p.listed("ladder") or None, lang=p.lang, include_derived=p.include_derived)


def route_chart(reg, answer, lang: str) -> str:
    """``path --chart``'s picture of a path answer (a :class:`~equivalence.results.Route`)."""
    from ..chart import route_chart as draw

    return draw(reg, answer, lang=lang)


# name -> (function, parameter model, schema name); the name is the CLI command's.
QUESTIONS = {
    "lookup": (lookup, LookupParams, "Lookup"),
    "ladders": (ladders, Params, "Ladders"),
    "levels": (levels, LevelsParams, "Levels"),
    "layers": (layers, Params, "Layers"),
    "sources": (sources, Params, "Sources"),
    "show": (show, ShowParams, "Show"),
    "search": (search, SearchParams, "Search"),
    "path": (path, PathParams, "Path"),
    "check": (check, WorkerParams, "Check"),
    "points": (points, PointsParams, "Points"),
    "compare": (compare, CompareParams, "Compare"),
    "routes-into": (routes_into, RoutesParams, "RoutesInto"),
    "diff": (diff, DiffParams, "Diff"),
}
