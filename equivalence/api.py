"""The questions of the command line as Python functions, each taking names or ids alike.

Import them from here (``from equivalence.api import lookup``): ``equivalence.lookup`` and
``equivalence.compare`` are the modules that do the work.

Every level or target may be written as people write it (``高级工程师``, ``高級工程師``, ``副高``,
``电工:技师``) or by id (``eng.associate_senior``); a target may also be a range
(``专业技术岗位:七级..五级``) or a level and those above it (``专业技术岗位:七级+``). Credentials are
``LEVEL[:YEARS|@DATE]`` as on the command line. Each function raises an
:class:`~equivalence.errors.EquivalenceError` instead of printing. ``lookup``, ``compare``,
``routes_into``, ``path`` and ``check`` return typed results (:mod:`equivalence.results`: an
``Equivalents``, a ``Comparison``, a ``RoutesInto``, a ``Route``, an ``Eligibility``, read by
attribute), whose ``.to_json()`` is what the command prints with ``--format json`` (without
``schema_version``); the other functions return that JSON answer itself, a dict.

>>> from equivalence import Registry
>>> from equivalence.api import check, compare, lookup, path, routes_into
>>> reg = Registry.load()
>>> lookup(reg, "技师", to=["工程技术"], kinds=["apply"]).results[0].level.name
'工程师'
>>> lookup(reg, "skill.technician", to=["eng"], kinds=["apply"]) == lookup(reg, "技师", to=["工程技术"], kinds=["apply"])
True
"""

from __future__ import annotations


def lookup(reg, level: str, **options):
    """What the rules relate to ``level`` on every other ladder (``equivalence lookup``): an
    :class:`~equivalence.results.Equivalents`, with the occupation when ``level`` names one
    (``电工:技师``).

    ``options``: ``to`` (ladders), ``kinds``, ``purpose`` (id or name: ``职称评审``), ``as_of``,
    ``include_derived``, ``direction``, ``lang``; see :func:`equivalence.lookup.find_equivalents`.

    >>> from equivalence import Registry
    >>> from equivalence.api import lookup
    >>> reg = Registry.load()
    >>> lookup(reg, "技师", purpose="职称评审") == lookup(reg, "技师", purpose="title_review")
    True
    >>> lookup(reg, "电工:技师", to=["工程技术"]).occupation
    Occupation(code='6-31-01-03', name='电工')
    """
    from .lookup import find_equivalents
    from .names import resolve_code
    from .results import Occupation

    options = _lookup_options(level, options)
    if options.get("purpose"):  # an unknown purpose is left for find_equivalents to refuse
        purposes = {pid: (p.zh, p.en) for pid, p in reg.purposes.items()}
        options["purpose"] = resolve_code(options["purpose"], purposes) or options["purpose"]
    answer = find_equivalents(reg, level, **options)
    _, occupation = reg.credential(level)
    if occupation:  # 电工:技师 names the occupation too: the answer says which
        answer = answer._replace(occupation=Occupation(occupation["code"], occupation["zh"]))
    return answer


def _lookup_options(level, options: dict) -> dict:
    """lookup's options checked (see :mod:`equivalence.arguments`); an unknown one is an error."""
    from . import arguments as a
    from .errors import EquivalenceError

    a.text("level", level)
    checks = {"to": lambda v: a.texts("to", v) if v is not None else None,
              "kinds": lambda v: a.choices("kind", v, a.LOOKUP_KINDS),
              "purpose": lambda v: a.text("purpose", v, optional=True),
              "as_of": lambda v: a.iso_date("as_of", v),
              "include_derived": lambda v: a.flag("include_derived", v),
              "direction": lambda v: a.choice("direction", v, a.DIRECTIONS),
              "lang": a.lang}
    unknown = sorted(set(options) - set(checks))
    if unknown:
        raise EquivalenceError(code="argument_choice", name="option", value=repr(unknown[0]), known=list(checks))
    return {k: checks[k](v) for k, v in options.items()}


def _profile(reg, holds, education, work_years, as_of, in_post, honours):
    from . import arguments as a
    from .profile import build_profile

    return build_profile(reg, a.texts("holds", holds), education=a.text("education", education, optional=True),
                         work_years=work_years, as_of=as_of, in_post=a.texts("in_post", in_post),
                         honours=a.texts("honours", honours))


def _targets(reg, target, to_tier):
    from . import arguments as a
    from .targets import resolve_targets

    return resolve_targets(reg, a.text("target", target, optional=True), a.text("to_tier", to_tier, optional=True))


def path(reg, target: str | None = None, *, holds=(), education: str | None = None, work_years: float | None = None,
         as_of: str | None = None, in_post=(), honours=(), to_tier: str | None = None, alternatives: int = 0,
         no_switch: bool = False, lang: str = "zh"):
    """The earliest route from what a worker holds to ``target`` (``equivalence path``): a
    :class:`~equivalence.results.Route`.

    >>> from equivalence import Registry
    >>> from equivalence.api import path
    >>> reg = Registry.load()
    >>> route = path(reg, "高级工程师", holds=["高级工"], education="大专", as_of="2026-12-01")
    >>> route.date, [s.level.name for s in route.steps]
    ('2038-12-01', ['技师', '高级技师', '高级工程师'])
    >>> path(reg, "eng.associate_senior", holds=["skill.senior"], education="大专", as_of="2026-12-01") == route
    True
    >>> path(reg, to_tier="副高级", holds=["技师@2020-07-01"], as_of="2025-01-01").reached.name
    '副高级'
    """
    from . import arguments as a
    from .planner import find_path

    alternatives, no_switch = a.count("alternatives", alternatives, 0, 20), a.flag("no_switch", no_switch)
    lang = a.lang(lang)
    targets = _targets(reg, target, to_tier)
    prof = _profile(reg, holds, education, work_years, as_of, in_post, honours)
    return find_path(reg, prof, targets, alternatives=alternatives, no_switch=no_switch, lang=lang)


def check(reg, target: str | None = None, *, holds=(), education: str | None = None,
          work_years: float | None = None, as_of: str | None = None, in_post=(), honours=(),
          to_tier: str | None = None, lang: str = "zh"):
    """Whether a worker is eligible for ``target`` now; per rule, what is met and missing
    (``equivalence check``): an :class:`~equivalence.results.Eligibility`.

    >>> from equivalence import Registry
    >>> from equivalence.api import check
    >>> reg = Registry.load()
    >>> answer = check(reg, "工程师", holds=["技师:1"], education="大专", as_of="2026-12-01")
    >>> answer.eligible, answer.earliest
    (False, '2028-12-01')
    >>> check(reg, "eng.intermediate", holds=["skill.technician:1"], education="edu.junior_college",
    ...       as_of="2026-12-01") == answer
    True
    """
    from . import arguments as a
    from .eligibility import check_eligibility

    lang = a.lang(lang)
    targets = _targets(reg, target, to_tier)
    prof = _profile(reg, holds, education, work_years, as_of, in_post, honours)
    return check_eligibility(reg, prof, targets, lang)


def compare(reg, a: str, b: str, *, include_derived: bool = False, as_of: str | None = None,
            lang: str = "zh"):
    """Whether ``a`` is higher, lower or at the same level as ``b``, and on what basis
    (``equivalence compare``): a :class:`~equivalence.results.Comparison`.

    >>> from equivalence import Registry
    >>> from equivalence.api import compare
    >>> reg = Registry.load()
    >>> answer = compare(reg, "特级技师", "高级工程师")
    >>> answer.verdict, [x.ladder for x in answer.bases]
    ('higher', ['tier'])
    >>> compare(reg, "skill.special_technician", "eng.associate_senior") == answer
    True
    """
    from . import arguments as check
    from .compare import compare_levels

    return compare_levels(reg, check.text("a", a), check.text("b", b),
                          include_derived=check.flag("include_derived", include_derived),
                          as_of=check.iso_date("as_of", as_of), lang=check.lang(lang))


def routes_into(reg, target: str, *, include_derived: bool = False, lang: str = "zh"):
    """Every level from which a rule leads to ``target``, with its conditions (``equivalence routes-into``):
    a :class:`~equivalence.results.RoutesInto`, one :class:`~equivalence.results.RouteIn` per rule.

    >>> from equivalence import Registry
    >>> from equivalence.api import routes_into
    >>> reg = Registry.load()
    >>> answer = routes_into(reg, "高级工程师")
    >>> answer.target
    (LevelName(id='eng.associate_senior', ladder='eng', name='高级工程师'),)
    >>> "skill.senior_technician" in {r.from_.id for r in answer.routes if r.from_}
    True
    >>> routes_into(reg, "eng.associate_senior") == answer
    True
    >>> answer.to_json()["target"]
    [{'id': 'eng.associate_senior', 'ladder': 'eng', 'name': '高级工程师'}]
    """
    from . import arguments as a
    from .lookup import level_name
    from .lookup import routes_into as find_routes
    from .results import RoutesInto

    include_derived, lang = a.flag("include_derived", include_derived), a.lang(lang)
    ref = reg.level(a.text("target", target)).ref
    return RoutesInto((level_name(reg, ref, lang),), find_routes(reg, ref, include_derived=include_derived, lang=lang))


# The listing questions. Their answers were built inside the command line; they live here so that
# the CLI's ``--format json`` and the HTTP API (``equivalence serve``) give one and the same answer.

def ladders(reg) -> list[dict]:
    """Every ladder with the ids of its levels, low to high (``equivalence ladders``)."""
    return [{"id": lid, "zh": lad.zh, "en": lad.en, "kind": lad.kind,
             "levels": [reg.levels[r].id for r in lad.levels], "confidence": lad.confidence}
            for lid, lad in reg.ladders.items()]


def levels(reg, ladder: str) -> dict:
    """The levels of ``ladder`` (id or name), low to high (``equivalence levels``).

    >>> from equivalence import Registry
    >>> from equivalence.api import levels
    >>> [lev["zh"] for lev in levels(Registry.load(), "职称层级")["levels"]]
    ['员级', '助理级', '中级', '副高级', '正高级']
    """
    from . import arguments as a

    lad = reg.ladder(a.text("ladder", ladder))
    return {"ladder": {"id": lad.id, "zh": lad.zh, "en": lad.en, "kind": lad.kind},
            "levels": [{"ref": lev.ref, "id": lev.id, "zh": lev.zh, "en": lev.en, "aliases": list(lev.aliases),
                        "rank": lev.rank, "effective_from": lev.effective_from, "effective_until": lev.effective_until}
                       for lev in map(reg.levels.__getitem__, lad.levels)]}


def layers() -> list[dict]:
    """The national rules and every shipped layer (``equivalence layers``); loads no rules."""
    from .index import available_layers, default_mappings_dir

    keys = ("id", "zh", "en", "scope", "region", "path")  # every path a folder that --mappings / --layer reads
    return [dict(zip(keys, ("national", "全国", "National", "national", "CN", str(default_mappings_dir()))))] + \
        [{k: (x[k] or "") if k == "region" else x[k] for k in keys} for x in available_layers()]


def sources(reg) -> list[dict]:
    """Every policy source with the number of rules citing it (``equivalence sources``)."""
    from .contract import record_answer

    counts: dict[str, int] = {}
    for r in reg.rules.values():
        for source in {c.source for c in r.cite}:  # rules, not citations: a rule citing two articles is one
            counts[source] = counts.get(source, 0) + 1
    return [{**{k: v for k, v in record_answer(s).items() if k not in ("path", "line")}, "rules": counts.get(s.id, 0)}
            for s in reg.sources.values()]


def show(reg, rule_id: str, *, lang: str = "zh") -> dict:
    """One rule with its citations, each with the source's title, 文号 and status (``equivalence show``);
    its conditions in words in ``lang``."""
    from . import arguments as a
    from .contract import record_answer
    from .describe import other_words

    rule, lang = reg.rule(a.text("rule_id", rule_id)), a.lang(lang)
    cites = [{**c.to_dict(), "title": reg.sources[c.source].title, "doc_no": reg.sources[c.source].doc_no,
              "status": reg.sources[c.source].status} for c in rule.cite]
    conditions = {**rule.conditions.to_dict(), "other": [other_words(o, lang) for o in rule.conditions.other]}
    return {**{k: v for k, v in record_answer(rule).items() if k not in ("cite", "conditions")},
            "conditions": conditions, "cite": cites}


def search(reg, text: str, *, kinds=None, limit: int = 10, lang: str = "zh") -> dict:
    """Levels, titles, qualifications and occupations by name, alias, code or pinyin, best first
    (``equivalence search``). A level's ``name`` and ``context`` (its ladder) are in ``lang``; the
    catalogues' qualifications and occupations have Chinese names only.

    >>> from equivalence import Registry
    >>> from equivalence.api import search
    >>> search(Registry.load(), "gjgcs", limit=1)["results"][0]["name"]
    '高级工程师'
    """
    from . import arguments as a
    from .search import search as run_search

    kinds, limit, lang = a.choices("kind", kinds, a.SEARCH_KINDS), a.count("limit", limit, 1, 500), a.lang(lang)
    hits = run_search(reg, a.text("text", text), kinds=kinds, limit=limit)
    if lang != "zh":  # the search table holds the Chinese words
        hits = [{**h, "name": reg.name(h["id"], lang), "context": reg.ladder_name(reg.levels[h["id"]].ladder, lang)}
                if h["id"] in reg.levels else h for h in hits]
    return {"query": text, "results": hits}


def points(reg, scheme: str | None = None, *, holds=(), education: str | None = None,
           work_years: float | None = None, as_of: str | None = None, in_post=(), honours=(), scores=None,
           profile=None, lang: str = "zh") -> dict:
    """Points under an employer's scheme (id or name), per item, and the next steps (``equivalence points``).
    ``profile``: a worker's :class:`~equivalence.profile.Profile` already built (instead of the rest)."""
    from . import arguments as a
    from .points_report import points_report

    scheme, scores, lang = a.text("scheme", scheme, optional=True), a.scores(scores), a.lang(lang)
    if scheme:
        from .names import resolve_code

        schemes = reg.index.get("points_schemes", {})
        scheme = resolve_code(scheme, {sid: (s["zh"], s["en"] or "") for sid, s in schemes.items()}) or scheme
    if a.profile(profile) is None:
        from .profile import build_profile

        profile = build_profile(reg, a.texts("holds", holds), education=a.text("education", education, optional=True),
                                work_years=work_years, as_of=as_of, in_post=a.texts("in_post", in_post),
                                honours=a.texts("honours", honours), scores=scores)
    return points_report(reg, profile, scheme, lang)


def diff(reg, before: str, after: str, *, lang: str = "zh") -> dict:
    """Rules and levels that came into force or ended between two dates (``equivalence diff``)."""
    from . import arguments as a
    from .diff import diff_dates

    before, after = a.iso_date("before", before, optional=False), a.iso_date("after", after, optional=False)
    return diff_dates(reg, before, after, a.lang(lang))
