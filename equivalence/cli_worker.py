"""The worker and HR questions: path, check, compare, routes-into, search, points and diff.

Kept apart from :mod:`equivalence.cli` and imported only when one of them runs, so that a lookup
does not pay for building these commands.
"""

from __future__ import annotations

import click

from .cli_words import error_said, said

from .cli import NamedChoice, _date, emit, output_options, registry
from .describe import (CHECK_HIDDEN_WORDS, CHECK_VERDICT_WORDS, CLAUSE_SEP, CONFIDENCE_WORDS, HEADERS, KIND_WIDTH,
                       KIND_WORDS, LIST_SEP, SEARCH_WORDS, basis_verdict, comparison_verdict, describe_conditions, layer_tag,
                       one_year, short_source)


def profile_options(fn):
    """--holds / --education / --work-years / --as-of / --in-post / --profile, shared by path and check."""
    options = [
        click.option("--holds", multiple=True, metavar="LEVEL[:YEARS|@DATE]",
                     help="A credential held, with years held or the date obtained (repeatable)."),
        click.option("--education", help="Highest education (e.g. 本科, 大专, 预备技师班)."),
        click.option("--work-years", type=click.FloatRange(min=0), help="Years of work so far."),
        click.option("--as-of", "as_of", help="Plan from this date (YYYY-MM-DD; default today)."),
        click.option("--in-post", multiple=True, metavar="LEVEL", help="A held credential that is held in post (在聘)."),
        click.option("--profile", "profile_file", type=click.Path(dir_okay=False),
                     help="YAML or JSON file with holds, education, work_years, as_of, in_post, honours, scores."),
        click.option("--honour", "honours", multiple=True, metavar="HONOUR",
                     help="An honour held, e.g. 全国技术能手 (破格 rules; repeatable)."),
        click.option("--scores", "scores_file", type=click.Path(dir_okay=False),
                     help="YAML/JSON counts per points item (积分晋级), e.g. {performance: 2}."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_profile(reg, holds, education, work_years, as_of, in_post, profile_file, honours=(), scores_file=None):
    from .profile import build_profile, load_profile, load_scores

    as_of = _date(as_of)
    scores = load_scores(scores_file) if scores_file else None
    if profile_file:
        return load_profile(reg, profile_file, holds=list(holds), education=education, work_years=work_years,
                            as_of=as_of, in_post=list(in_post), honours=list(honours), scores=scores)
    return build_profile(reg, list(holds), education=education, work_years=work_years, as_of=as_of,
                         in_post=list(in_post), honours=list(honours), scores=scores)


def resolve_targets(reg, target: str | None, to_tier: str | None) -> list[str]:
    """The library's target syntax (equivalence.targets), with usage errors for what the user left out."""
    from .targets import resolve_targets as resolve

    if to_tier and target:
        raise click.UsageError(said("usage_target_or_tier"))
    if not to_tier and not target:
        raise click.UsageError(said("usage_missing_target"))
    return resolve(reg, target, to_tier)


def step_rows(reg, steps, lang, route_no=None):
    for s in steps:
        row = (s.date, f"{s.year:g}", s.level.name, reg.ladder_name(s.level.ladder, lang),
               KIND_WORDS[lang][s.kind], describe_conditions(reg, s.conditions, lang) if s.conditions else "",
               CONFIDENCE_WORDS[lang][s.confidence],
               layer_tag(reg, s.sources[0].layer, lang) + short_source(reg.sources[s.sources[0].source]), s.rule)
        yield row if route_no is None else (route_no, *row)


STEP_HEADERS = {"zh": ["日期", "年", "取得", "序列", "方式", "条件", "可信度", "依据", "规则"],
                "en": ["date", "year", "level", "ladder", "by", "conditions", "confidence", "source", "rule"]}


@click.command()
@click.argument("levels", nargs=-1, metavar="[FROM] TARGET")
@click.option("--to-tier", help="Target: any title at this tier (员级 … 正高级).")
@click.option("--alternatives", type=click.IntRange(0, 20), default=0, show_default=True,
              help="Also show the next K routes that differ in at least one step.")
@click.option("--no-switch", is_flag=True, help="Only steps on the target's ladder.")
@click.option("--chart", "chart_file", type=click.Path(dir_okay=False),
              help="Also draw the route on a time axis into this file (.svg or .html).")
@profile_options
@output_options
@click.pass_context
def path(ctx, levels, to_tier, alternatives, no_switch, chart_file, holds, education, work_years, as_of, in_post,
         profile_file, honours, scores_file, fmt, lang):
    """The fastest route to TARGET: each step with its earliest date and the rule behind it.

    FROM is a shortcut for --holds FROM. TARGET may be a level, a range
    (专业技术岗位:七级..五级), a level and everything above it (专业技术岗位:七级+),
    or --to-tier 副高级.

    \b
    Examples:
      equivalence path 高级工 高级工程师 --education 大专
      equivalence path --holds 助理工程师:1 工程师 --education 硕士
      equivalence path --holds 技师@2020-07-01 --to-tier 副高级 --alternatives 2 --format json
    """
    from .planner import find_path
    from .wording import fact_note

    if len(levels) > 2:
        raise click.UsageError(said("usage_from_target"))
    reg = registry(ctx)
    start, target = (levels[0], levels[1]) if len(levels) == 2 else (None, levels[0] if levels else None)
    if to_tier and len(levels) == 1:  # --to-tier stands for TARGET: the one level given is FROM
        start, target = levels[0], None
    holds = list(holds) + ([start] if start else [])
    targets = resolve_targets(reg, target, to_tier)
    prof = make_profile(reg, holds, education, work_years, as_of, in_post, profile_file, honours, scores_file)
    answer = find_path(reg, prof, targets, alternatives=alternatives, no_switch=no_switch, lang=lang)
    if chart_file:
        from .chart import write_route_chart

        write_route_chart(reg, answer, chart_file, lang=lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    zh = lang == "zh"
    def headline(route, label):
        years = f"{route.total_years:g}"
        when = route.date
        # held today: implied by a level held (no steps), or counted as from one (the step that does it
        # is shown, dated in the past), as check says
        if not route.steps or route is answer and answer.held:
            by = answer.held
            note = fact_note(reg, by.origin, by.from_ and by.from_.id, by.since, lang) if by else ""
            return f"{label}{route.reached.name}: " + ("已持有" if zh else "already held") + note
        last = route.steps[-1].level
        if last.id != route.reached.id:  # reached by obtaining a level above it (高级工程师 for 工程师)
            label += f"{route.reached.name}（由取得更高的{last.name}而达到）" if zh else \
                f"{route.reached.name} (by obtaining {last.name}, above it)"
        else:
            label += route.reached.name
        return (f"{label}: " + (f"{years} 年，最早 {when}" if zh else one_year(f"{years} years, earliest {when}")))
    emit("table", STEP_HEADERS[lang], step_rows(reg, answer.steps, lang), title=headline(answer, ""),
         widths=[None, None, 14, 14, KIND_WIDTH[lang], 30, None, 20, 36])
    for i, alt in enumerate(answer.alternatives, 1):
        click.echo()
        emit("table", STEP_HEADERS[lang], step_rows(reg, alt.steps, lang),
             title=headline(alt, f"备选 {i} · " if zh else f"alternative {i} · "),
             widths=[None, None, 14, 14, KIND_WIDTH[lang], 30, None, 20, 36])
    for note in answer.notes:
        click.echo(("注：" if zh else "Note: ") + note)


@click.command()
@click.argument("target", required=False)
@click.option("--to-tier", help="Target: any title at this tier (员级 … 正高级).")
@click.option("--all", "show_all", is_flag=True,
              help="Also list rules that need a credential no route reaches (JSON always lists them).")
@profile_options
@output_options
@click.pass_context
def check(ctx, target, to_tier, show_all, holds, education, work_years, as_of, in_post, profile_file, honours,
          scores_file, fmt, lang):
    """Is the worker eligible for TARGET now? If not, exactly what is missing, and from when.

    Exits 0 whatever the verdict (it is in the output).

    \b
    Example:
      equivalence check 工程师 --holds 技师:1 --education 大专
    """
    from .eligibility import check_eligibility
    from .wording import fact_note, replaced_notes

    reg = registry(ctx)
    targets = resolve_targets(reg, target, to_tier)
    prof = make_profile(reg, list(holds), education, work_years, as_of, in_post, profile_file, honours, scores_file)
    answer = check_eligibility(reg, prof, targets, lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    zh = lang == "zh"
    name = "/".join(t.name for t in answer.target[:3])
    if answer.held:
        by = answer.held_by
        verdict = ("已持有" if zh else "already held") + fact_note(reg, by.origin, by.from_ and by.from_.id,
                                                                by.since, lang)
    elif answer.eligible:
        verdict = "现在符合条件" if zh else "eligible now"
    elif answer.earliest:
        verdict = (f"暂不符合；最早 {answer.earliest}" if zh else f"not yet; earliest {answer.earliest}")
        first = answer.first_step
        if first:
            verdict += (f"；第一步：{first.step.level.name}（{first.how}，{first.step.date}）" if zh else
                        f"; first step: {first.step.level.name} ({first.how}, {first.step.date})")
    else:  # no date: no rule, a rule with no years, or no route
        verdict = CHECK_VERDICT_WORDS[lang][answer.verdict]
    headers = ["规则", "关系", "最早", "已满足", "缺少", "未核查"] if zh else \
        ["rule", "kind", "earliest", "met", "missing", "not checked"]
    shown = list(answer.rules) if show_all else answer.rules_shown()
    sep = CLAUSE_SEP[lang]
    rows = [(r.rule, KIND_WORDS[lang][r.kind], r.earliest or "—", sep.join(r.met),
             sep.join(m.text for m in r.missing), sep.join(r.unchecked)) for r in shown]
    emit(fmt, headers, rows, title=f"{name} ({answer.as_of}): {verdict}",
         widths=[30, KIND_WIDTH[lang], None, 24, 30, 24])
    if answer.steps:
        click.echo(("路径：" if zh else "route: ") + " → ".join(
            f"{s.level.name}（{s.how}，{s.date}）" if zh else f"{s.level.name} ({s.how}, {s.date})"
            for s in answer.steps))
    for note in replaced_notes(reg, (r.rule for r in shown), lang):
        click.echo(("注：" if zh else "note: ") + note)
    hidden = len(answer.rules) - len(shown)
    if hidden:
        click.echo(CHECK_HIDDEN_WORDS[lang].format(n=hidden) + ("（--all 显示）" if zh else " (--all shows them)"))


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--include-derived", is_flag=True, help="Also use comparisons no document states (derived).")
@click.option("--as-of", "as_of", help="Only rules in force on this date (YYYY-MM-DD).")
@output_options
@click.pass_context
def compare(ctx, a, b, include_derived, as_of, fmt, lang):
    """Is A higher, lower or at the same level as B, and on what basis?

    \b
    Example:
      equivalence compare 技师 工程师
    """
    from . import api

    reg = registry(ctx)
    as_of = _date(as_of)
    answer = api.compare(reg, a, b, include_derived=include_derived, as_of=as_of, lang=lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    zh = lang == "zh"
    head = f"{answer.a.name} {comparison_verdict(reg, answer, lang, as_of)} {answer.b.name}"
    headers = ["序列", "A", "A 依据", "B", "B 依据", "结论"] if zh else ["ladder", "A", "A basis", "B", "B basis", "verdict"]
    def basis(kind, chain):
        return "—" if kind == "self" else f"{KIND_WORDS[lang][kind]}: {' > '.join(chain)}"
    rows = [(reg.ladder_name(x.ladder, lang), LIST_SEP[lang].join(l.name for l in x.a), basis(x.a_kind, x.a_chain),
             LIST_SEP[lang].join(l.name for l in x.b), basis(x.b_kind, x.b_chain),
             basis_verdict(reg, x, lang, as_of)) for x in answer.bases]
    emit(fmt, headers, rows, title=head, widths=[14, 16, 36, 16, 36, 30])


@click.command("routes-into")
@click.argument("target")
@click.option("--include-derived", is_flag=True, help="Also list derived comparisons.")
@output_options
@click.pass_context
def routes_into(ctx, target, include_derived, fmt, lang):
    """Every level, on any ladder, from which a rule leads to TARGET, with its conditions.

    \b
    Example:
      equivalence routes-into 高级工程师
    """
    from . import api

    reg = registry(ctx)
    answer = api.routes_into(reg, target, include_derived=include_derived, lang=lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    [target] = answer.target
    h = HEADERS[lang]
    entry = "（无前置等级）" if lang == "zh" else "(no prior level)"
    rows = [((i.from_.name if i.from_ else entry),
             (reg.ladder_name(i.from_.ladder, lang) if i.from_ else ""), KIND_WORDS[lang][i.kind],
             describe_conditions(reg, i.conditions, lang) if i.conditions else "",
             CONFIDENCE_WORDS[lang][i.confidence],
             layer_tag(reg, i.sources[0].layer, lang) + short_source(reg.sources[i.sources[0].source]), i.rule)
            for i in answer.routes]
    emit(fmt, [h["level"], h["ladder"], h["kind"], h["conditions"], h["confidence"], h["source"], h["chain"]], rows,
         title=f"{target.name} ({reg.ladder_name(target.ladder, lang)})", widths=[16, 14, KIND_WIDTH[lang], 36, None, 20, 36])


SEARCH_KINDS = NamedChoice({k: (SEARCH_WORDS["zh"][k],) for k in ("level", "title", "qualification", "occupation")})
BASIS_WORDS = {"zh": {"per_year": "按年", "per_count": "按次", "fixed": "一次性"},
               "en": {"per_year": "per year", "per_count": "per count", "fixed": "fixed"}}


@click.command()
@click.argument("text")
@click.option("--kind", "kinds", multiple=True, type=SEARCH_KINDS,
              help="Only this kind of thing, by code or name (occupation, 职业; repeatable).")
@click.option("--limit", type=click.IntRange(1, 500), default=10, show_default=True, help="At most this many results.")
@output_options
@click.pass_context
def search(ctx, text, kinds, limit, fmt, lang):
    """Find levels, titles, qualifications and occupations by name, alias, code prefix or pinyin.

    Best first: exact name or code, alias, code prefix, name prefix, pinyin (full or initials), a part
    of a name, then fuzzy likeness.

    \b
    Examples:
      equivalence search gjgcs
      equivalence search 6-31-01 --kind occupation
      equivalence search 建造师 --format json
    """
    from . import api

    reg = registry(ctx)
    answer = api.search(reg, text, kinds=kinds, limit=limit, lang=lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    hits = answer["results"]
    headers = ["类别", "编号", "名称", "所属", "匹配", "得分"] if lang == "zh" else ["kind", "id", "name", "in", "match", "score"]
    words = SEARCH_WORDS[lang]
    rows = [(words[h["kind"]], h["id"], h["name"], h["context"], words[h["match"]], h["score"]) for h in hits]
    title = None if rows else ("没有匹配" if lang == "zh" else "no match")
    emit(fmt, headers, rows, title=title)


@click.command()
@click.option("--scheme", help="The points scheme, by id or name (default: the only one loaded).")
@profile_options
@output_options
@click.pass_context
def points(ctx, scheme, holds, education, work_years, as_of, in_post, profile_file, honours, scores_file, fmt, lang):
    """Points under an employer's scheme (积分晋级): per item, the next steps, and what is missing.

    \b
    Example:
      equivalence --layer mappings/examples/acme points --holds acme_s.s3:2 --holds 技师:3 --scores scores.yaml
    """
    from . import api

    reg = registry(ctx)
    prof = make_profile(reg, list(holds), education, work_years, as_of, in_post, profile_file, honours, scores_file)
    answer = api.points(reg, scheme, profile=prof, lang=lang)  # scheme by id, zh or en name
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    zh = lang == "zh"
    items = [(i["zh"] if zh else (i["en"] or i["zh"]), BASIS_WORDS[lang][i["basis"]], f"{i['points']:g}",
              "" if i["cap"] is None else f"{i['cap']:g}") for i in answer["items"]]
    name = answer["scheme"]["zh"] if zh else (answer["scheme"]["en"] or answer["scheme"]["zh"])
    title = f"{name} ({answer['as_of']}): " + (f"合计 {answer['total']:g} 分" if zh else f"total {answer['total']:g}")
    emit(fmt, ["项目", "计分方式", "得分", "上限"] if zh else ["item", "basis", "points", "cap"], items, title=title)
    if fmt == "table":
        click.echo()
    steps = [(s["rule"], s["to"]["name"], f"{s['needs']:g}", f"{s['missing']:g}", s["earliest"] or "—",
              CLAUSE_SEP[lang].join(s["other_missing"])) for s in answer["steps"]]
    emit(fmt, ["规则", "晋升至", "需积分", "还差", "最早", "其他缺少"] if zh else
         ["rule", "to", "needs", "missing", "earliest", "also missing"], steps,
         title=("下一步" if zh else "next steps") if fmt == "table" else None)


@click.command()
@click.option("--as-of", "dates", multiple=True, required=True, metavar="DATE",
              help="Give it twice: the two dates to compare (YYYY-MM-DD).")
@click.option("--roster", "roster_file", type=click.Path(dir_okay=False, exists=True),
              help="Also list whose answers in this roster (CSV/xlsx/jsonl) changed between the dates.")
@click.option("--to", "to", multiple=True, help="With --roster: the equivalents columns to compare (repeatable).")
@click.option("--encoding", help="With --roster: the roster's text encoding (default: UTF-8, GBK detected).")
@click.option("--columns", "columns", metavar="FIELD=COLUMN,…",
              help="With --roster: read these fields from these columns (as in 'roster --columns').")
@output_options
@click.pass_context
def diff(ctx, dates, roster_file, to, encoding, columns, fmt, lang):
    """What changed between two dates: rules and levels that came into force or ended, and with a
    roster, whose answers changed.

    \b
    Examples:
      equivalence diff --as-of 2020-06-30 --as-of 2023-01-01
      equivalence diff --as-of 2021-01-01 --as-of 2025-01-01 --roster staff.csv --format csv
    """
    from .diff import diff_dates, diff_roster

    if len(dates) != 2:
        raise click.UsageError(said("usage_as_of_twice"))
    without = [name for name, value in (("--to", to), ("--encoding", encoding), ("--columns", columns)) if value]
    if without and not roster_file:  # they only shape how the roster is read: given alone they did nothing
        raise click.UsageError(said("usage_needs_roster", options=" ".join(without)))
    before, after = (_date(d) for d in dates)
    reg = registry(ctx)
    answer = diff_dates(reg, before, after, lang)
    unanswered: list[int] = []  # roster rows that failed on both dates: nothing compared
    total = 0
    if roster_file:
        from .rostercolumns import parse_overrides
        from .rosterrun import read_roster

        try:
            overrides = parse_overrides(columns)
        except ValueError as exc:
            raise click.BadParameter(error_said(exc), param_hint="'--columns'") from None
        read = read_roster(roster_file, encoding=encoding, columns=overrides, lang=lang)  # as `roster` reads it
        for note in read.notes:
            click.echo(note, err=True)
        answer["roster"] = diff_roster(reg, read.table.rows, before, after, to=list(to), lang=lang,
                                       columns=read.columns.fields, row_numbers=read.table.row_numbers,
                                       unanswered=unanswered)
        total = len(read.table.rows)
    if fmt != "table":
        emit(fmt, [], [], answer)
        _say_unanswered(unanswered, total, lang)
        return
    zh = lang == "zh"
    rows = []
    for change in ("added", "ended"):
        word = ({"added": "生效", "ended": "失效"} if zh else {"added": "in force", "ended": "ended"})[change]
        for lev in answer["levels"][change]:
            level = lev["level"]
            rows.append((word, "等级" if zh else "level", level["id"],
                         f"{level['name']} ({reg.ladder_name(level['ladder'], lang)})",
                         f"{lev['effective_from'] or ''} – {lev['effective_until'] or ''}", ""))
        for r in answer["rules"][change]:
            start = r["from"]["name"] if r["from"] else "—"
            rows.append((word, KIND_WORDS[lang][r["kind"]], r["rule"], f"{start} → {LIST_SEP[lang].join(t['name'] for t in r['to'])}",
                         f"{r['effective_from']} – {r['effective_until'] or ''}",
                         layer_tag(reg, r["source"]["layer"], lang) + short_source(reg.sources[r["source"]["source"]])))
    headers = ["变化", "类别", "编号", "内容", "施行期间", "依据"] if zh else ["change", "what", "id", "links", "in force", "source"]
    title = f"{before} → {after}: " + (f"{len(rows)} 项变化" if zh else f"{len(rows)} change(s)")
    emit(fmt, headers, rows, title=title, widths=[None, KIND_WIDTH[lang], 36, 36, None, 24])
    if "roster" in answer:
        people = len({c["row"] for c in answer["roster"]})
        click.echo()
        emit(fmt, ["行", "编号", "列", "之前", "之后"] if zh else ["row", "id", "column", "before", "after"],
             [(c["row"], c["id"], c["column"], c["before"], c["after"]) for c in answer["roster"]],
             title=(f"名单中 {people} 人的结果有变化" if zh else
                    "1 person's answers changed" if people == 1 else f"{people} people's answers changed"),
             widths=[None, None, 16, 40, 40])
    _say_unanswered(unanswered, total, lang)


def _say_unanswered(unanswered: list[int], total: int, lang: str) -> None:
    """Roster rows that failed on both dates were not compared: a note on stderr, as the columns read
    are (the answer is whole; 'roster' says why each failed)."""
    if not unanswered:
        return
    from .cli_roster import rows_said

    click.echo(rows_said("diff_rows_unanswered", unanswered, total, lang), err=True)
