"""The pages: each renders the answer of :mod:`equivalence.web.answers` (the CLI's JSON answer, or
the typed result of lookup, compare and routes-into, read by attribute), with
the words the CLI's tables use (:mod:`equivalence.describe`). Zh by default, ``lang=en`` for English;
the state is the query string, so every page can be shared as its URL, and each names its JSON twin
(the same query string under ``/api``). Every value goes through :mod:`equivalence.web.html`.
"""

from __future__ import annotations

from pydantic import Field

from ..describe import (CHECK_HIDDEN_WORDS, CHECK_VERDICT_WORDS, CLAUSE_SEP, CONFIDENCE_WORDS, DIRECTION_WORDS, KIND_WORDS, LIST_SEP,
                        SEARCH_WORDS, STATUS_WORDS, article_words, basis_verdict, comparison_verdict, describe_conditions, one_year)
from ..errors import EquivalenceError, NoSolutionError
from ..wording import replaced_note, replaced_notes
from . import answers
from .assets import CSS, JS, roster_js
from .html import Html, join, link, render, table, url
from .words import ORIGIN_WORDS, W

def words(lang: str) -> dict:
    return W[lang]


def _state(request, **changes) -> str:
    """This page's URL with ``changes`` to its query string (a value None removes the key)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    query = {}
    for k, v in pairs:
        query.setdefault(k, []).append(v)
    query.update({k: v for k, v in changes.items() if v is not None})
    return url(request.url.path, **query)


def layout(request, lang: str, title: str, body: Html, twin: str | None = None, script: str = "") -> str:
    """The page around ``body``; its scripts (the shared one and ``script``) carry this response's
    nonce, the only scripts the Content-Security-Policy (:func:`page_headers`) lets run."""
    import secrets

    w = words(lang)
    nonce = request.state.nonce = secrets.token_urlsafe(16)
    keep = {"lang": lang if lang != "zh" else None, "region": request.query_params.get("region") or None}
    nav = join(link(url(path, **keep), w[key]) for path, key in (
        ("/ladders", "ladders"), ("/chart", "chart"), ("/worker", "worker"), ("/compare", "compare"),
        ("/roster", "roster"), ("/sources", "sources")))
    right = [link(_state(request, lang="en" if lang == "zh" else "zh"), w["lang"]), link("/api/docs", w["api"])]
    if twin:
        right.insert(0, render('<a class="twin" href="{href}" rel="alternate" type="application/json">{t}</a>',
                               href=twin, t=w["json"]))
    return "<!doctype html>\n" + render(
        '<html lang="{htmllang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        "<title>{title} · {site}</title><style>{css}</style></head><body>"
        '<header><a class="site" href="{home}">{site}</a><nav>{nav}</nav><span class="right">{right}</span></header>'
        '<main>{body}</main><script nonce="{nonce}">{js}</script></body></html>',
        htmllang="zh-CN" if lang == "zh" else "en", title=title, site=w["site"], css=Html(CSS),
        home=url("/", **keep), nav=nav, right=join(right), body=body, js=Html(JS + script), nonce=nonce)


def page_headers(request) -> dict:
    """Defence in depth behind the escaping: only this response's own scripts run (the nonce), fetches
    go to this server only, nothing is framed or loaded from elsewhere."""
    nonce = getattr(request.state, "nonce", "none")
    return {"Content-Security-Policy": f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
                                       "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                       "frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


def search_box(lang: str, value: str = "", name: str = "level", action: str = "/lookup", box_id: str = "q") -> Html:
    w = words(lang)
    return render(
        '<form class="inline" action="{action}" method="get"><div class="search">'
        '<input id="{id}" name="{name}" value="{value}" placeholder="{ph}" data-suggest="{id}-list" data-lang="{lang}">'
        '<ul class="suggest" id="{id}-list"></ul></div>{hidden}<button type="submit">{go}</button></form>',
        action=action, id=box_id, name=name, value=value, ph=w["search_ph"], lang=lang, go=w["search"],
        hidden=Html('<input type="hidden" name="lang" value="en">') if lang == "en" else Html(""))


def level_link(ref: str, name: str, lang: str) -> Html:
    return link(url("/lookup", level=ref, lang=_lang(lang)), name)


def rule_link(rule_id: str, lang: str) -> Html:
    return link(url("/show", rule=rule_id, lang=_lang(lang)), rule_id)


def source_link(reg, source: str, article: str | None, lang: str) -> Html:
    """The cited ``source`` (an id) by its 文号 or title, with the ``article`` cited."""
    src = reg.sources.get(source)
    text = (src and (src.doc_no or src.title)) or source
    return join([link(url("/source", id=source, lang=_lang(lang)), text),
                 f" {article_words(article, lang)}" if article else ""])


def _lang(lang: str) -> str | None:
    return None if lang == "zh" else lang


def ladder_name(reg, ladder_id: str, lang: str) -> str:
    return reg.ladder_name(ladder_id, lang) if ladder_id in reg.ladders else ladder_id


def twin(request) -> str:
    return "/api" + _state(request)


# -- pages ----------------------------------------------------------------------------------------

def home(request, reg, p: answers.Params) -> str:
    w = words(p.lang)
    ladders = join(render("<li>{a} <small>{n}</small></li>", a=link(url("/levels", ladder=lid, lang=_lang(p.lang)),
                                                                        getattr(lad, p.lang)), n=lid)
                   for lid, lad in reg.ladders.items())
    body = render("<h1>{site}</h1><p>{intro}</p>{box}<h2>{ladders}</h2><ul>{list}</ul>", site=w["site"],
                  intro=w["home_intro"], box=search_box(p.lang), ladders=w["ladders"], list=ladders)
    return layout(request, p.lang, w["site"], body, url("/api/ladders", lang=_lang(p.lang)))


def lookup(request, reg, p: answers.LookupParams) -> str:
    w, lang = words(p.lang), p.lang
    if not p.level:
        return layout(request, lang, w["search"], search_box(lang))
    answer = answers.equivalents(reg, p)
    head = answer.level
    title = f"{head.name} ({ladder_name(reg, head.ladder, lang)}, {head.id})"
    if answer.occupation:
        title += f" · {answer.occupation.name} {answer.occupation.code}"
    filters = render(
        '<form class="inline" method="get"><input type="hidden" name="level" value="{level}">{hidden}'
        '<label>{to_w}<select name="to">{ladders}</select></label><label>{asof_w}<input name="as_of" value="{as_of}" '
        'placeholder="2024-01-01"></label><label><span><input type="checkbox" name="include_derived" value="1"{checked}> '
        "{derived}</span></label><button>{go}</button></form>",
        level=p.level, hidden=_hidden(lang, p.region), to_w=w["to"], ladders=_ladder_options(reg, p.listed("to"), lang), asof_w=w["as_of"],
        as_of=p.as_of or "", checked=Html(" checked") if p.include_derived else Html(""), derived=w["derived"],
        go=w["go"])
    actions = join([link(url("/routes-into", target=head.id, lang=_lang(lang)), w["routes_into"]), " · ",
                    link(url("/compare", a=head.id, lang=_lang(lang)), w["compare"]), " · ",
                    link(url("/worker", target=head.id, lang=_lang(lang)), w["worker"]), " · ",
                    link(url("/levels", ladder=head.ladder, lang=_lang(lang)), ladder_name(reg, head.ladder, lang))])
    groups = []
    order = list(KIND_WORDS[lang])
    for kind in sorted({r.kind for r in answer.results}, key=lambda k: order.index(k) if k in order else 99):
        rows = []
        for r in (x for x in answer.results if x.kind == kind):
            conds = " | ".join(filter(None, (describe_conditions(reg, c, lang) for c in r.conditions)))
            purposes = LIST_SEP[lang].join(getattr(reg.purposes[x], lang) for x in r.purposes
                                           if x in reg.purposes) or w["any"]
            sources = join((source_link(reg, s.source, s.article, lang) for s in r.sources), Html("<br>"))
            chain = join((rule_link(x, lang) for x in r.chain), " > ")
            rows.append([DIRECTION_WORDS[lang][r.direction], ladder_name(reg, r.level.ladder, lang),
                         level_link(r.level.id, r.level.name, lang), conds, purposes, CONFIDENCE_WORDS[lang][r.confidence],
                         sources, chain])
        groups.append(render("<h2>{kind}</h2>{table}", kind=KIND_WORDS[lang].get(kind, kind), table=table(
            [w["direction"], w["ladder"], w["level"], w["conditions"], w["purposes"], w["confidence"], w["source"],
             w["rule"]], rows)))
    shown = head.name if p.level == head.id else p.level  # a suggestion followed names the level by id
    body = render("{box}<h1>{title}</h1><p>{actions}</p>{filters}{groups}", box=search_box(lang, shown),
                  title=title, actions=actions, filters=filters,
                  groups=join(groups) or render('<p class="muted">{none}</p>', none=w["none"]))
    return layout(request, lang, head.name, body, twin(request))


def _ladder_options(reg, chosen: list[str], lang: str) -> Html:
    """A select's options: any ladder, or one (chosen by id or name)."""
    picked = {reg.ladder(c).id for c in chosen if c in reg.ladders or any(c in (x.zh, x.en) for x in reg.ladders.values())}
    return join([render('<option value="">{any}</option>', any=words(lang)["any"])] + [
        render('<option value="{id}"{sel}>{name}</option>', id=lid, name=getattr(lad, lang),
               sel=Html(" selected") if lid in picked else Html("")) for lid, lad in reg.ladders.items()])


def _hidden(lang: str, region: str | None) -> Html:
    parts = []
    if lang == "en":
        parts.append(Html('<input type="hidden" name="lang" value="en">'))
    if region:
        parts.append(render('<input type="hidden" name="region" value="{r}">', r=region))
    return join(parts)


def ladders(request, reg, p: answers.Params) -> str:
    w, lang = words(p.lang), p.lang
    data = answers.ladders(reg, p)["ladders"]
    rows = [[link(url("/levels", ladder=x["id"], lang=_lang(lang)), x[lang]), x["id"], x["kind"], len(x["levels"])]
            for x in data]
    body = render("<h1>{t}</h1>{table}", t=w["ladders"], table=table([w["ladder"], w["id"], w["kind"], w["levels"]], rows))
    return layout(request, lang, w["ladders"], body, twin(request))


def levels(request, reg, p: answers.LevelsParams) -> str:
    w, lang = words(p.lang), p.lang
    if not p.ladder:
        return ladders(request, reg, p)
    data = answers.levels(reg, p)
    lad = data["ladder"]
    rows = [[lev["rank"], level_link(lev["ref"], lev[lang], lang), lev["ref"], LIST_SEP[lang].join(lev["aliases"])]
            for lev in data["levels"]]
    chart = link(url("/chart", ladder=[lad["id"]], lang=_lang(lang)), w["chart"])
    body = render("<h1>{t}</h1><p>{chart}</p>{table}", t=w["levels_of"].format(ladder=lad[lang]), chart=chart,
                  table=table([w["rank"], w["name"], w["id"], w["aliases"]], rows))
    return layout(request, lang, lad[lang], body, twin(request))


def show(request, reg, p: answers.ShowParams) -> str:
    w, lang = words(p.lang), p.lang
    if not p.rule:
        return sources(request, reg, p)
    from ..lookup import conditions_of

    rule = answers.show(reg, p)

    def lev(ref):
        level = reg.levels[ref]
        return join([level_link(ref, getattr(level, lang), lang), f" ({ladder_name(reg, level.ladder, lang)})"])

    both = (" (双向)" if lang == "zh" else " (both ways)") if rule["bidirectional"] else ""
    rows = [[w["id"], rule["id"]], [w["kind"], KIND_WORDS[lang].get(rule["kind"], rule["kind"]) + both],
            [w["from"], lev(rule["from"]) if rule["from"] else "—"],
            [w["to_"], join((lev(t) for t in rule["to"]), LIST_SEP[lang])],
            [w["conditions"], describe_conditions(reg, conditions_of(reg.rules[rule["id"]], lang), lang) or "—"],
            [w["purposes"], LIST_SEP[lang].join(getattr(reg.purposes[x], lang) for x in rule["purposes"]
                                                if x in reg.purposes) or "—"],
            [w["in_force"], f"{rule['effective_from']} – {rule['effective_until'] or ''}"],
            [w["confidence"], CONFIDENCE_WORDS[lang][rule["confidence"]]]]
    for c in rule["cite"]:
        rows.append([w["source"], render("{src} [{status}]<br>《{title}》<blockquote>{quote}</blockquote>",
                                         src=source_link(reg, c["source"], c.get("article"), lang), status=STATUS_WORDS[lang].get(c["status"], c["status"]),
                                         title=c["title"], quote=c.get("quote") or "—")])
    replaced = replaced_note(reg, rule["id"], lang)
    if replaced:  # why it ends where it does
        rows.append([w["replaced"], replaced])
    if rule.get("note"):
        rows.append([w["note"], rule["note"]])
    body = render("<h1>{rule} {id}</h1>{table}", rule=w["rule"], id=rule["id"], table=table(None, rows, cls="fields"))
    return layout(request, lang, rule["id"], body, twin(request))


def sources(request, reg, p: answers.Params) -> str:
    w, lang = words(p.lang), p.lang
    data = answers.sources(reg, p)["sources"]
    rows = [[link(url("/source", id=s["id"], lang=_lang(lang)), s["title"]), s["doc_no"], s["published"] or "",
             STATUS_WORDS[lang].get(s["status"], s["status"]), s["rules"]] for s in data]
    body = render("<h1>{t}</h1>{table}", t=w["sources"], table=table(
        [w["title"], w["doc_no"], w["published"], w["status"], w["rules"]], rows))
    return layout(request, lang, w["sources"], body, "/api/sources" + (f"?lang={lang}" if lang != "zh" else ""))


class UnknownSourceError(EquivalenceError, LookupError):
    """No source of that id."""


class SourceParams(answers.Params):
    id: str | None = None


def source(request, reg, p: SourceParams) -> str:
    """One source (from the ``sources`` answer, its JSON twin) and the rules citing it."""
    w, lang = words(p.lang), p.lang
    data = {s["id"]: s for s in answers.sources(reg, p)["sources"]}
    if p.id not in data:
        raise UnknownSourceError(f"unknown source '{p.id}'")
    s = data[p.id]
    address = s.get("address") or ""
    shown = link(address, address) if address.startswith(("https://", "http://")) else address
    rows = [[w["id"], s["id"]], [w["title"], s["title"]], [w["doc_no"], s["doc_no"] or "—"],
            [w["issuer"], s.get("issuer") or "—"], [w["published"], s["published"] or "—"],
            [w["in_force"], f"{s.get('effective_from') or ''} – {s.get('effective_until') or ''}"],
            [w["status"], STATUS_WORDS[lang].get(s["status"], s["status"])], [w["address"], shown]]
    if s.get("note"):
        rows.append([w["note"], s["note"]])
    citing = sorted(r.id for r in reg.rules.values() if any(c.source == p.id for c in r.cite))
    body = render("<h1>{title}</h1>{table}<h2>{cited} ({n})</h2><p>{rules}</p>", title=s["title"],
                  table=table(None, rows, cls="fields"), cited=w["cited_by"], n=len(citing),
                  rules=join((rule_link(r, lang) for r in citing), Html("<br>")))
    return layout(request, lang, s["title"], body, "/api/sources" + (f"?lang={lang}" if lang != "zh" else ""))


def search(request, reg, p: answers.SearchParams) -> str:
    w, lang = words(p.lang), p.lang
    if not p.text:
        return layout(request, lang, w["search"], search_box(lang, name="text", action="/search"))
    hits = answers.search(reg, p)["results"]
    rows = [[level_link(h["id"], h["name"], lang) if h["kind"] != "occupation" else h["name"],
             h["id"], h["context"], SEARCH_WORDS[lang].get(h["match"], h["match"])] for h in hits]
    body = render("{box}<h1>{t}: {q}</h1>{table}", box=search_box(lang, p.text, name="text", action="/search"),
                  t=w["search_results"], q=p.text, table=table([w["name"], w["id"], w["context"], w["matches"]], rows)
                  if rows else render('<p class="muted">{n}</p>', n=w["no_match"]))
    return layout(request, lang, w["search_results"], body, twin(request))


def routes_into(request, reg, p: answers.RoutesParams) -> str:
    w, lang = words(p.lang), p.lang
    if not p.target:
        return layout(request, lang, w["routes_into"], search_box(lang, name="target", action="/routes-into"))
    answer = answers.routes(reg, p)
    [target] = answer.target
    rows = [[level_link(r.from_.id, r.from_.name, lang) if r.from_ else w["no_prior"],
             ladder_name(reg, r.from_.ladder, lang) if r.from_ else "",
             KIND_WORDS[lang].get(r.kind, r.kind),
             describe_conditions(reg, r.conditions, lang) if r.conditions else "",
             CONFIDENCE_WORDS[lang][r.confidence],
             join((source_link(reg, s.source, s.article, lang) for s in r.sources[:1])),
             rule_link(r.rule, lang)] for r in answer.routes]
    body = render("{box}<h1>{t}: {name}</h1>{table}", box=search_box(lang, p.target, name="target", action="/routes-into"),
                  t=w["routes_into"], name=level_link(target.id, target.name, lang), table=table(
                      [w["level"], w["ladder"], w["kind"], w["conditions"], w["confidence"], w["source"], w["rule"]], rows))
    return layout(request, lang, target.name, body, twin(request))


def compare(request, reg, p: answers.CompareParams) -> str:
    w, lang = words(p.lang), p.lang
    form = _compare_form(request.query_params, lang)
    if not (p.a and p.b):
        return layout(request, lang, w["compare"], render("<h1>{t}</h1>{form}", t=w["compare"], form=form))
    answer = answers.comparison(reg, p)
    as_of = answers.date(p.as_of)  # (read as the answer read it)

    def basis(kind, chain):
        return "—" if kind == "self" else join([KIND_WORDS[lang].get(kind, kind), ": ",
                                                 join((rule_link(x, lang) for x in chain), " > ")])

    rows = [[ladder_name(reg, x.ladder, lang), join((level_link(l.id, l.name, lang) for l in x.a), LIST_SEP[lang]),
             basis(x.a_kind, x.a_chain), join((level_link(l.id, l.name, lang) for l in x.b), LIST_SEP[lang]),
             basis(x.b_kind, x.b_chain), basis_verdict(reg, x, lang, as_of)] for x in answer.bases]
    # the verdict with what it rests on, as the command line says it ('treated as' is not 'counts as')
    head = render("{a} {verdict} {b}", a=level_link(answer.a.id, answer.a.name, lang),
                  verdict=comparison_verdict(reg, answer, lang, as_of), b=level_link(answer.b.id, answer.b.name, lang))
    # no document to compare by is no finding: said plainly, without a table of no rows
    found = answer.verdict != "not_comparable"
    body = render('<h1>{t}</h1>{form}<p class="verdict {cls}">{head}</p>{table}', t=w["compare"], form=form,
                  head=head, cls="yes" if found else "none",
                  table=table([w["ladder"], "A", "A " + w["basis"], "B", "B " + w["basis"], w["result"]], rows)
                  if rows else Html(""))
    return layout(request, lang, w["compare"], body, twin(request))


def _compare_form(query, lang: str) -> Html:
    """The two levels as typed (``query``: the request's query string, also when it was refused)."""
    return render('<form class="inline" method="get">{hidden}<label>A<span class="search"><input name="a" value="{a}" '
                  'data-suggest="ca-list" data-lang="{lang}"><ul class="suggest" id="ca-list"></ul></span></label>'
                  '<label>B<span class="search"><input name="b" value="{b}" data-suggest="cb-list" data-lang="{lang}">'
                  '<ul class="suggest" id="cb-list"></ul></span></label><label>{asof_w}<input name="as_of" '
                  'value="{as_of}" placeholder="2024-01-01"></label><label><span><input type="checkbox" '
                  'name="include_derived" value="1"{checked}> {derived}</span></label><button>{go}</button></form>',
                  hidden=_hidden(lang, query.get("region")), a=query.get("a", ""), b=query.get("b", ""), lang=lang,
                  asof_w=words(lang)["as_of"], as_of=query.get("as_of", ""), derived=words(lang)["derived"],
                  checked=Html(" checked") if query.get("include_derived") not in (None, "", "0", "false") else Html(""),
                  go=words(lang)["compare"])


class WorkerPage(answers.PathParams):
    since: list[str] = Field([], description="The date each credential in holds was obtained (page form only).")


def _dated(level: str) -> bool:
    """Whether a holding as typed says when already: LEVEL@DATE, or LEVEL:YEARS (技师:3, 技师：2年); a
    level named with its ladder or occupation (工勤技能岗位:四级, 电工:技师) does not."""
    import unicodedata

    _, colon, tail = unicodedata.normalize("NFKC", level).rpartition(":")
    return "@" in level or "＠" in level or bool(colon and tail.strip()[:1] in tuple("+-.0123456789"))


def worker_holds(p: WorkerPage) -> list[str]:
    """The form's holdings: each level with its date when one was given (LEVEL@DATE)."""
    out = []
    for i, level in enumerate(p.holds):
        day = p.since[i] if i < len(p.since) else ""
        if level.strip():
            out.append(f"{level.strip()}@{day.strip()}" if day.strip() and not _dated(level) else level.strip())
    return out


def worker(request, reg, p: WorkerPage) -> str:
    w, lang = words(p.lang), p.lang
    holds = worker_holds(p)
    asked = answers.PathParams(**{**p.model_dump(exclude={"since"}), "holds": holds, "in_post": p.listed("in_post"),
                                  "honour": p.listed("honour"), "alternatives": p.alternatives or 2})
    form = _worker_form(request.query_params, lang)
    if not (p.target or p.to_tier):
        return layout(request, lang, w["worker"], render("<h1>{t}</h1><p>{intro}</p>{form}", t=w["worker"],
                                                         intro=w["worker_intro"], form=form))
    check = answers.eligibility(reg, answers.WorkerParams(**asked.model_dump(exclude={"alternatives", "no_switch"})))
    try:
        route = _route_section(reg, answers.route(reg, asked), lang)
    except NoSolutionError as exc:  # check has said why; the route part says there is none
        route = render('<h2>{t}</h2><p id="route-headline" class="muted">{m}</p>', t=w["route"], m=str(exc))
    query = {"target": p.target, "to_tier": p.to_tier, "holds": holds, "education": p.education,
             "work_years": p.work_years, "as_of": p.as_of, "in_post": asked.in_post, "honour": asked.honour,
             "region": p.region, "lang": _lang(lang)}
    twins = join([link(url("/api/check", **query), f"{w['check']} JSON"), " · ",
                  link(url("/api/path", **query, alternatives=asked.alternatives), f"{w['route']} JSON")])
    body = render("<h1>{t}</h1>{form}<p class=\"twin\">{twins}</p>{check}{route}", t=w["worker"], form=form,
                  twins=twins, check=_check_section(reg, check, lang), route=route)
    return layout(request, lang, w["worker"], body, url("/api/check", **query))


def _worker_form(query, lang: str) -> Html:
    """The form with what was typed (``query``: the request's query string, also when it was refused)."""
    w = words(lang)
    levels, days = query.getlist("holds"), query.getlist("since")
    pairs = list(zip(levels, days + [""] * len(levels))) or [("", "")]
    rows = join(render('<div class="holds-row"><input name="holds" value="{level}" placeholder="{ph}" '
                       'aria-label="{label}"><input name="since" type="date" value="{since}" aria-label="{date}"></div>',
                       level=level, since=since, ph=w["ph_holds"], label=w["level"], date=w["date"])
                for level, since in pairs)

    def repeated(name: str, label: str, placeholder: str) -> Html:  # one box per value given (honours, posts)
        return join(render('<label>{label}<input name="{name}" value="{value}" placeholder="{ph}"></label>',
                           label=label, name=name, value=value, ph=placeholder)
                    for value in (query.getlist(name) or [""]))

    return render(
        '<form method="get" id="worker-form"><fieldset><legend>{holds_w}</legend><div id="holds-rows">{rows}</div>'
        '<button type="button" data-add-hold="holds-rows">{add}</button></fieldset>'
        '<div class="inline" style="display:flex;gap:.6rem;flex-wrap:wrap;align-items:end">'
        '<label>{edu_w}<input name="education" value="{edu}" placeholder="{edu_ph}"></label>'
        '<label>{wy_w}<input name="work_years" value="{wy}" inputmode="decimal" size="6"></label>'
        "{in_post}{honour}"
        '<label>{region_w}<input name="region" value="{region}" placeholder="{national}" size="8"></label>'
        '<label>{asof_w}<input name="as_of" type="date" value="{as_of}"></label>'
        '<label>{target_w}<input name="target" id="target" value="{target}" placeholder="{target_ph}" required></label>'
        "{hidden}<button type=\"submit\">{go}</button></div></form>",
        holds_w=w["holds"], rows=rows, add=w["add_hold"], edu_w=w["education"], edu=query.get("education", ""),
        wy_w=w["work_years"], wy=query.get("work_years", ""),
        in_post=repeated("in_post", w["in_post"], w["ph_in_post"]), honour=repeated("honour", w["honour"], w["ph_honour"]),
        edu_ph=w["ph_education"], target_ph=w["ph_target"],
        region_w=w["region"], region=query.get("region", ""), national=w["national"], asof_w=w["as_of"],
        as_of=query.get("as_of", ""), target_w=w["target"], target=query.get("target", ""), hidden=_hidden(lang, None),
        go=w["check"])


def _verdict(answer, lang: str) -> Html:
    w = words(lang)
    if answer.held:
        return render('<span class="verdict yes">{v}</span>', v=w["held"])
    if answer.eligible:
        return render('<span class="verdict yes">{v}</span>', v=w["eligible"])
    if answer.earliest:
        return render('<span class="verdict no">{v}</span>', v=w["not_yet"].format(date=answer.earliest))
    # as the command line says it: no rule, or a rule with no years, is no "not eligible"
    return render('<span class="verdict never">{v}</span>', v=CHECK_VERDICT_WORDS[lang][answer.verdict])


def _fact(reg, fact, lang: str) -> Html:
    """One fact of the standing (a :class:`~equivalence.results.Fact`): the level, how it is held (from
    what, by which rule), since when, and for which purposes when not for all (软考高级 counts as
    高级工程师 for post appointment and title review only)."""
    w = words(lang)
    how = ORIGIN_WORDS[lang].get(fact.origin, fact.origin or "")
    parts = [level_link(fact.level.id, fact.level.name, lang), f" · {how}"]
    if fact.from_:
        parts += [" ← ", level_link(fact.from_.id, fact.from_.name, lang)]
    if fact.rule:
        parts += [" [", rule_link(fact.rule, lang), "]"]
    parts.append(f" · {w['since']} {fact.since}")
    if fact.purposes:
        names = LIST_SEP[lang].join(getattr(reg.purposes[k], lang) if lang == "zh" else reg.purposes[k].en.lower()
                                    for k in fact.purposes if k in reg.purposes)
        parts.append(" · " + w["only_for"].format(p=names))
    return join(parts)


def _standing(reg, answer, lang: str) -> Html:
    """What the worker holds today, the step to take first and the steps after it (when the answer has them)."""
    w = words(lang)
    out = []
    if answer.held_by:
        out.append(render('<p id="held-by">{t}{c}{f}</p>', t=w["held"], c=w["colon"], f=_fact(reg, answer.held_by, lang)))
    first = answer.first_step
    if first:
        now = f" · {w['now']}" if first.now else ""
        step = first.step
        out.append(render('<p id="first-step"><strong>{t}</strong>{c}{level} · {how} · {e} {date}{now}</p>',
                          t=w["first_step"], c=w["colon"], level=level_link(step.level.id, step.level.name, lang),
                          how=first.how or "", e=w["earliest"], date=step.date, now=now))
    if len(answer.steps) > 1:
        out.append(render("<p>{t}{c}{steps}</p>", t=w["then"], c=w["colon"], steps=join(
            (join([level_link(s.level.id, s.level.name, lang), f" ({s.date})"]) for s in answer.steps[1:]), " → ")))
    if answer.standing:
        out.append(render("<details><summary>{t} ({n})</summary><ul>{items}</ul></details>", t=w["standing"],
                          n=len(answer.standing), items=join(render("<li>{f}</li>", f=_fact(reg, f, lang))
                                                             for f in answer.standing)))
    return join(out)


def _check_section(reg, answer, lang: str) -> Html:
    w = words(lang)
    names = "/".join(t.name for t in answer.target[:3])
    headers = [w["rule"], w["kind"], w["earliest"], w["met"], w["missing"], w["unchecked"]]

    def rows_of(rules) -> list:
        return [[rule_link(r.rule, lang), KIND_WORDS[lang].get(r.kind, r.kind), r.earliest or "—",
                 CLAUSE_SEP[lang].join(r.met), CLAUSE_SEP[lang].join(m.text for m in r.missing),
                 CLAUSE_SEP[lang].join(r.unchecked)] for r in rules]

    shown = answer.rules_shown()
    rows = rows_of(shown)
    hidden = [r for r in answer.rules if r not in shown]
    # the rules the command line shows under --all: folded, to be opened
    more = render('<details class="muted"><summary>{m}</summary>{table}</details>',
                  m=CHECK_HIDDEN_WORDS[lang].format(n=len(hidden)), table=table(headers, rows_of(hidden))) if hidden else Html("")
    notes = replaced_notes(reg, (r.rule for r in shown), lang)
    more = join([*(render("<p class=\"muted\">{n}{c}{t}</p>", n=w["notes"], c=w["colon"], t=n) for n in notes), more])
    return render('<h2>{t}: {names} ({as_of})</h2><p id="verdict">{verdict}</p>{standing}{table}{more}', t=w["check"],
                  names=names, as_of=answer.as_of, verdict=_verdict(answer, lang), standing=_standing(reg, answer, lang),
                  table=table(headers, rows) if rows else Html(""), more=more)


def _steps_table(reg, steps, lang: str) -> Html:
    w = words(lang)
    rows = [[s.date, f"{s.year:g}", level_link(s.level.id, s.level.name, lang), ladder_name(reg, s.level.ladder, lang),
             KIND_WORDS[lang].get(s.kind, s.kind),
             describe_conditions(reg, s.conditions, lang) if s.conditions else "",
             CONFIDENCE_WORDS[lang][s.confidence], join((source_link(reg, x.source, x.article, lang) for x in s.sources[:1])),
             rule_link(s.rule, lang)] for s in steps]
    return table([w["date"], w["year"], w["level"], w["ladder"], w["by"], w["conditions"], w["confidence"],
                  w["source"], w["rule"]], rows)


def _route_headline(route, lang: str, label: str = "") -> str:
    w = words(lang)
    if not route.steps or getattr(route, "held", None):  # held today (counted as from a level held: its step shown)
        return f"{label}{route.reached.name}: {w['held']}"
    text = f"{label}{route.reached.name}: " + w["years_total"].format(years=f"{route.total_years:g}", date=route.date)
    return one_year(text) if lang == "en" else text


def _route_section(reg, answer, lang: str) -> Html:
    w = words(lang)
    svg = Html(answers.route_chart(reg, answer, lang))  # chart.py escapes every text and attribute it writes
    alts = join(render("<h3>{head}</h3>{table}", head=_route_headline(a, lang, f"{w['alternatives']} {i} · "),
                       table=_steps_table(reg, a.steps, lang)) for i, a in enumerate(answer.alternatives, 1))
    notes = join(render("<p class=\"muted\">{n}{c}{t}</p>", n=w["notes"], c=w["colon"], t=n) for n in answer.notes)
    return render('<h2>{t}</h2><p id="route-headline">{head}</p><div class="chart" id="route-chart">{svg}</div>{steps}'
                  "{notes}{alts}", t=w["route"], head=_route_headline(answer, lang), svg=svg,
                  steps=_steps_table(reg, answer.steps, lang), notes=notes, alts=alts)


def chart_page(request, reg, p: answers.ChartParams) -> str:
    w, lang = words(p.lang), p.lang
    svg = Html(answers.chart(reg, p))  # chart.py escapes every text and attribute it writes
    boxes = join(render('<label style="flex-direction:row;gap:.3rem"><input type="checkbox" name="ladder" value="{id}"'
                        "{checked}>{name}</label>", id=lid, name=getattr(lad, lang),
                        checked=Html(" checked") if lid in p.ladder else Html(""))
                 for lid, lad in reg.ladders.items() if lad.kind != "education")
    form = render('<details><summary>{t}</summary><form method="get" class="inline">{boxes}{hidden}<button>{go}</button>'
                  "</form></details>", t=w["ladders"], boxes=boxes, hidden=_hidden(lang, p.region), go=w["chart"])
    body = render('<h1>{t}</h1>{form}<div class="chart">{svg}</div>', t=w["chart"], form=form, svg=svg)
    return layout(request, lang, w["chart"], body, "/api" + _state(request))


def roster_page(request, p: answers.Params) -> str:
    w, lang = words(p.lang), p.lang
    body = render(
        "<h1>{t}</h1><p>{help}</p>"
        '<form id="roster-form" method="post" action="/api/roster" enctype="multipart/form-data">'
        '<p><label>{upload}<input type="file" name="file" id="roster-file" accept=".csv,.xlsx,.jsonl" required></label></p>'
        '<p class="inline" style="display:flex;gap:.6rem;flex-wrap:wrap;align-items:end"><label>{to_w}'
        '<input name="to" placeholder="工程技术"></label><label>{asof_w}<input name="as_of" type="date"></label>'
        '<label>{columns_w}<input name="columns" placeholder="holds=证书,education=学历"></label>'
        '<label style="flex-direction:row;gap:.3rem"><input type="checkbox" name="excel" value="true" checked>{excel}</label>'
        '<input type="hidden" name="lang" value="{lang}"><input type="hidden" name="region" value="{region}">'
        '<button type="submit">{answer}</button></p></form>'
        '<p id="roster-status" aria-live="polite"></p><p><progress id="roster-progress" max="1" value="0" hidden></progress></p>'
        '<p><a id="roster-download" hidden download>{download}</a></p>',
        t=w["roster"], help=w["roster_help"], upload=w["upload"], to_w=w["to"], asof_w=w["as_of"], lang=lang,
        region=p.region or "", columns_w=w["columns"], excel=w["excel"], answer=w["answer"], download=w["download"])
    return layout(request, lang, w["roster"], body, script=roster_js(lang))


def _candidate_link(request, bad: str | None, candidate: str, lang: str) -> Html:
    """A name suggested for the unknown ``bad``: on a page of several fields (worker, compare), this page
    again with it in place of ``bad``, the rest kept; elsewhere its lookup."""
    pairs = request.query_params.multi_items()
    if request.url.path in ("/worker", "/compare") and bad and any(v.strip() == bad for _, v in pairs):
        query: dict = {}
        for k, v in pairs:
            query.setdefault(k, []).append(candidate if v.strip() == bad else v)
        return link(url(request.url.path, **query), candidate)
    return link(url("/lookup", level=candidate, lang=_lang(lang)), candidate)


def error_page(request, error: dict, lang: str, bad: str | None = None) -> str:
    """The error, and the form of the page asked with what was typed in it, to be put right; ``bad``:
    the unknown name the error is about, which its candidates replace."""
    w = words(lang)
    candidates = join((render("<li>{a}</li>", a=_candidate_link(request, bad, c, lang))
                       for c in error.get("candidates") or []))
    query, path = request.query_params, request.url.path
    if path == "/worker":
        form = _worker_form(query, lang)
    elif path == "/compare":
        form = _compare_form(query, lang)
    else:  # a page of one name: the box keeps it
        name, action = {"/routes-into": ("target", "/routes-into"), "/search": ("text", "/search")}.get(
            path, ("level", "/lookup"))
        form = search_box(lang, query.get(name, "") if path in ("/lookup", "/routes-into", "/search") else "",
                          name=name, action=action)
    body = render('<h1>{t}</h1><p class="error" id="error">{m}</p><ul>{c}</ul>{form}', t=w["error"],
                  m=error["message"], c=candidates, form=form)
    return layout(request, lang, w["error"], body)


# page name -> (parameter model, renderer); the name is also the path ("home" is "/")
PAGES = {
    "home": (answers.Params, home),
    "lookup": (answers.LookupParams, lookup),
    "ladders": (answers.Params, ladders),
    "levels": (answers.LevelsParams, levels),
    "show": (answers.ShowParams, show),
    "sources": (answers.Params, sources),
    "source": (SourceParams, source),
    "search": (answers.SearchParams, search),
    "routes-into": (answers.RoutesParams, routes_into),
    "compare": (answers.CompareParams, compare),
    "worker": (WorkerPage, worker),
}
