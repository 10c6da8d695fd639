"""Words for evaluated conditions, facts of a standing and the steps of a route, in zh and en.

The one place these words live: ``check``, the planner's reasons a rule cannot fire, the points
report and ``path`` notes all render through it, so zh output holds no English and en none of the
engine's own Chinese (names of levels, documents and quoted requirements are data, and stay as given).
"""

from __future__ import annotations

from .describe import LIST_SEP, one_year, other_words, short_source
from .records import Words
from .results import CheckedCondition

WORDS = {
    "zh": {
        "no_route": "未持有{x}，且没有可达的路径", "no_rule": "未持有{x}，现有规则未说明如何取得", "later": "尚未持有{x}（最早 {date}）",
        "limited_later": "所持{x}仅用于{p}，不适用本条（最早 {date}）",
        "limited_no_route": "所持{x}仅用于{p}，不适用本条，且没有可达的路径",
        "years_short": "{x}已持有{held:g}年，需满{need:g}年（{date} 满足）", "holds": "持有{x}{how}",
        "holds_years": "持有{x}{held:g}年（需满{need:g}年）{how}", "not_in_post": "{x}须在聘/在岗",
        "education_met": "学历{need}及以上", "education_missing": "学历须{need}及以上（现为{have}）", "none": "未填",
        "work_met": "工作{have:g}年（需满{need:g}年）", "work_short": "工作{have:g}年，需满{need:g}年（{date} 满足）",
        "not_yet": "规则自 {date} 起施行", "level_not_yet": "{x}自 {date} 起才设立", "ended": "规则已于 {date} 失效", "specialty": "相应专业",
        "honour_met": "持有{x}", "honour_missing": "须获{x}（破格；未持有）", "or": "或",
        "points_met": "{scheme}：{have:g}分（需满{need:g}分）", "points_short": "{scheme}：{have:g}分，需满{need:g}分",
        "implied": "（由所持{src}推定，自 {since}）", "carried": "（由{src}视同，自 {since}）",
        "assumed": "（由所聘{src}岗位推定，系假设，自 {since}）", "held": "",
        "conditions_after_end": "条件于 {date} 才满足，规则已于 {until} 失效",
        "points_never": "{scheme}：{need:g}分无法达到",
        "points_counts_short": "{scheme}：按现有计次项目达不到{need:g}分（计次项目增加后可能达到）",
        "no_route_to": "无法到达{x}：", "no_rule_to": "没有规则通往{x}", "needs_unreachable": "需要{x}（无法取得）",
        "needs_unruled": "需要{x}（现有规则未说明如何取得）",
        "more": "（另有 {n} 条）", "rule_why": "{rule}：{why}", "no_date": "未定申报年限",
        "no_date_missing": "未定申报年限，无法推算日期",
        # what a step takes, by the ladder of the level it gives
        "how_skill_grade": "职业技能等级认定", "how_title": "职称评审", "how_qualification": "职业资格考试",
        "how_post": "岗位聘任", "how_civil_service": "职级晋升", "how_education": "学历教育",
        "how_counts_as": "视同认定（无需考评）", "how_appointed": "评聘", "set_by_employer": "由用人单位确定",
    },
    "en": {
        "no_route": "does not hold {x}, and no route leads to it",
        "no_rule": "does not hold {x}, and no rule here says how it is obtained", "later": "does not hold {x} yet (earliest {date})",
        "limited_later": "{x} is held for {p} only, not for this rule (earliest {date})",
        "limited_no_route": "{x} is held for {p} only, not for this rule, and no route leads to it",
        "years_short": "{x} held {held:g} of {need:g} years (met on {date})", "holds": "holds {x}{how}",
        "holds_years": "holds {x} for {held:g} years (≥ {need:g}){how}", "not_in_post": "{x} must be held in post",
        "education_met": "education {need} or higher", "education_missing": "education {need} or higher (have: {have})",
        "none": "none given", "work_met": "{have:g} years of work (≥ {need:g})",
        "work_short": "{have:g} of {need:g} years of work (met on {date})",
        "not_yet": "rule in force only from {date}", "level_not_yet": "{x} exists as a level only from {date}",
        "ended": "rule no longer in force (until {date})",
        "specialty": "matching specialty", "or": " or ",
        "honour_met": "holds {x}", "honour_missing": "needs the honour {x} (exceptional route; not held)",
        "points_met": "{have:g} points of {scheme} (≥ {need:g})", "points_short": "{have:g} of {need:g} points of {scheme}",
        "implied": " (implied by {src} held, since {since})", "carried": " (counts as, from {src}, since {since})",
        "assumed": " (inferred from the post held, {src}: an assumption; since {since})", "held": "",
        "conditions_after_end": "its conditions are met only on {date}, after it ends ({until})",
        "points_never": "{need:g} points of {scheme} are never reached",
        "points_counts_short": "{need:g} points of {scheme} are not reached with the counted items given "
                               "(more of them could reach it)",
        "no_route_to": "no route to {x}: ", "no_rule_to": "no rule leads to {x}", "needs_unreachable": "needs {x} (not reachable)",
        "needs_unruled": "needs {x} (no rule here says how it is obtained)",
        "more": " (+{n} more)", "rule_why": "{rule}: {why}", "no_date": "sets no date",
        "no_date_missing": "sets no years before applying: no date can be worked out",
        "how_skill_grade": "skill level assessment", "how_title": "professional title review",
        "how_qualification": "qualification exam", "how_post": "appointment to the post",
        "how_civil_service": "civil service grade promotion", "how_education": "education",
        "how_counts_as": "recognised as equivalent (no exam or review)",
        "how_appointed": "evaluation and appointment to the post", "set_by_employer": "set by the employer",
    },
}

NOTES = {
    "zh": {"work_not_given": "未填工作年限：按自计划日起计算",
           "term": "{x}实行聘期制（{term:g}年）：须于 {by} 前续聘，方可计入{y}的条件",
           "assumed": "{x}系由所聘{post}岗位推定（假设；未声明持有）",
           "set_by_employer": "{x}与所聘岗位同属一个层级（{rule}）：层级内晋升由用人单位确定，国家规则未规定年限",
           "other": "另须满足（本工具未核查）：",
           "replaced": "{rule}（{doc}）在{layer}自 {date} 起由 {by} 替换"},
    "en": {"work_not_given": "work years not given: counted from the plan date",
           "term": "{x} is held for a term of {term:g} years: it must be renewed by {by} to count towards {y}",
           "assumed": "{x} is inferred from the post held, {post} (an assumption: not stated as held)",
           "set_by_employer": "{x} is in the same tier as the post held ({rule}): promotion within the tier is "
                              "set by the employer; no national rule times it",
           "other": "also required (not checked by the engine): ",
           "replaced": "{rule} ({doc}) is replaced in {layer} from {date} by {by}"},
}

_HOW = {"skill_grade": "how_skill_grade", "title_series": "how_title", "title_tier": "how_title",
        "qualification": "how_qualification", "education": "how_education",
        "civil_service_grade": "how_civil_service", "civil_service_leadership": "how_civil_service"}


def name(reg, ref: str | None, lang: str) -> str:
    return reg.name(ref, lang) if ref else WORDS[lang]["none"]


def replaced_note(reg, rule_id: str, lang: str) -> str | None:
    """'skill-14-…（人社部发〔2022〕14号）在广东自 2025-04 起由 gd-… 替换': a rule that a higher layer
    replaces from a later day answers until then (see compile); an answer that cites it says so.
    None for any other rule."""
    replaced = reg.index.get("replaced", {})
    rep = replaced.get(rule_id)
    if not rep or not rep.get("kept"):
        return None
    by_id = rep["by"]
    while by_id not in reg.rules:  # its replacement was itself replaced from the same day or earlier
        by_id = replaced[by_id]["by"]
    by = reg.rules[by_id]
    layer = next(x for x in reg.index["layers"] if x["id"] == by.layer)
    return NOTES[lang]["replaced"].format(rule=rule_id, doc=short_source(reg.sources[reg.rules[rule_id].cite[0].source]),
                                          layer=layer[lang], date=rep["from"], by=by.id)


def replaced_notes(reg, rule_ids, lang: str) -> list[str]:
    """The :func:`replaced_note` of each rule an answer cites that has one, once each, in order."""
    return list(dict.fromkeys(x for x in (replaced_note(reg, r, lang) for r in rule_ids) if x))


def fact_note(reg, origin: str, source: str | None, since, lang: str) -> str:
    """'（由所持高级技师推定，自 2015-01-01）': how a credential not stated by the worker is held."""
    if origin == "held" or not source:
        return ""
    return WORDS[lang][origin].format(src=reg.name(source, lang), since=since)


def step_how(reg, level: str, kind: str, lang: str, rule: str | None = None) -> str:
    """Which exam, review or appointment a step to ``level`` takes (by ``kind`` of rule and ladder);
    a level the ``rule`` fills by 评聘 (特级技师, 首席技师: 14号) is an appointment, not an assessment."""
    if kind == "counts_as":
        return WORDS[lang]["how_counts_as"]
    if rule is not None and reg.rules[rule].conditions.appointed:
        return WORDS[lang]["how_appointed"]
    ladder_kind = reg.ladders[reg.levels[level].ladder].kind
    return WORDS[lang][_HOW.get(ladder_kind, "how_post")]


def say(reg, c, lang: str = "zh") -> str:
    """One condition (:class:`equivalence.conditions.Condition`) in words."""
    text = _sentence(reg, c, lang)
    return one_year(text) if lang == "en" else text


def _sentence(reg, c, lang: str) -> str:
    w = WORDS[lang]
    d = c.data
    x = name(reg, c.level, lang) if c.level else ""
    r = c.reason
    if r == "held":
        how = fact_note(reg, d.get("origin", "held"), d.get("from"), d.get("since"), lang)
        if d.get("years_needed"):
            return w["holds_years"].format(x=x, held=d["years_held"], need=d["years_needed"], how=how)
        return w["holds"].format(x=x, how=how)
    if r == "years_short":
        return w["years_short"].format(x=x, held=d["years_held"], need=d["years_needed"], date=c.date)
    if r in ("later", "no_route") and d.get("have"):  # held for other purposes only
        p = LIST_SEP[lang].join(getattr(reg.purposes[k], lang) if lang == "zh" else reg.purposes[k].en.lower()
                                for k in d["have"])
        return w["limited_" + r].format(x=x, p=p, date=c.date)
    if r == "later":
        return w["later"].format(x=x, date=c.date)
    if r in ("no_route", "no_rule", "not_in_post"):
        return w[r].format(x=x)
    if r in ("education_met", "education_missing"):
        return w[r].format(need=x, have=name(reg, d.get("have"), lang))
    if r in ("work_met", "work_short"):
        return w[r].format(have=d["years_held"], need=d["years_needed"], date=c.date)
    if r in ("honour_met", "honour_missing"):  # met: the honours held, not every one the rule accepts
        names = w["or"].join(reg.index["honours"][h][lang] or reg.index["honours"][h]["zh"]
                             for h in (d["have"] if r == "honour_met" else d["honours"]))
        return w[r].format(x=names)
    if r in ("points_met", "points_short", "points_never", "points_counts_short"):
        return w[r].format(scheme=d["scheme_name"][lang], have=d.get("points_held", 0), need=d["points_needed"])
    if r == "not_yet":
        return w["not_yet"].format(date=c.date)
    if r == "level_not_yet":
        return w[r].format(x=x, date=c.date)
    if r == "ended":
        return w["ended"].format(date=d["until"])
    if r == "conditions_after_end":
        return w[r].format(date=c.date, until=d["until"])
    if r == "no_date":
        return w["no_date_missing"]
    if r == "specialty":
        return w["specialty"]
    if r == "other":
        return other_words(d["text"], lang)
    return d.get("text", r)


def checked_condition(c, lang: str, text: str | None = None):
    """A condition (:class:`equivalence.conditions.Condition`) as an answer holds it, a
    :class:`~equivalence.results.CheckedCondition`: its figures as fields, a condition in words as
    text in ``lang``; ``text``: the condition in words (what check gives for a missing one)."""
    figures = {}
    for key, value in c.data.items():
        if key == "scheme_name":
            value = Words(value["zh"], value["en"])
        elif type(value) is list:
            value = tuple(value)
        figures["from_" if key == "from" else key] = value
    if c.reason == "other":
        figures["text"] = other_words(figures["text"], lang)
    elif text is not None:
        figures["text"] = text
    return CheckedCondition(c.what, c.status, c.reason, c.level or None, c.date.isoformat() if c.date else None,
                            **figures)
