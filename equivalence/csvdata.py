"""CSV as data, not display: each command's JSON answer as one table with stable English snake_case
columns whatever ``--lang``, the id beside every name, nothing cut short.

Names and condition texts are in the language asked for; lists inside a cell are joined with
``"; "``, a chain of rules with ``" > "``. One function per command; :func:`csv_table` picks it.
"""

from __future__ import annotations

from .describe import describe_conditions
from .results import ShownConditions

LIST = "; "


def _document(doc_no: str | None, title: str) -> str:
    """A cited source in full: its 文号, else its whole title (tables cut titles; CSV does not)."""
    return doc_no or f"《{title.strip('《》')}》"


def _source(src: dict) -> str:
    return _document(src.get("doc_no"), src.get("title", ""))


def _sources(sources: list[dict]) -> str:
    return LIST.join(dict.fromkeys(_source(s) for s in sources))


def _cites(cites) -> str:
    """:func:`_sources` of typed citations (:class:`~equivalence.results.Cite`)."""
    return LIST.join(dict.fromkeys(_document(c.doc_no, c.title) for c in cites))


def _ladder(reg, ladder_id: str, lang: str) -> str:
    return reg.ladder_name(ladder_id, lang) if ladder_id in reg.ladders else ""


def _cond(reg, cond, lang) -> str:
    """One rule's conditions (a ShownConditions, or None), or a chain's (a tuple of them), in words."""
    if cond is None or isinstance(cond, ShownConditions):  # (a named tuple: tested before any tuple)
        return describe_conditions(reg, cond, lang)
    return " | ".join(t for t in (describe_conditions(reg, c, lang) for c in cond) if t)


def _ladders(reg, data, lang):
    return (["id", "zh", "en", "kind", "level_count", "level_ids", "confidence"],
            [(x["id"], x["zh"], x["en"], x["kind"], len(x["levels"]), LIST.join(x["levels"]), x["confidence"] or "")
             for x in data["ladders"]])


def _levels(reg, data, lang):
    lad = data["ladder"]
    return (["ladder_id", "ladder_name", "rank", "level_id", "zh", "en", "aliases", "effective_from",
             "effective_until"],
            [(lad["id"], lad[lang], x["rank"], x["ref"], x["zh"], x["en"], LIST.join(x["aliases"]),
              x["effective_from"] or "", x["effective_until"] or "") for x in data["levels"]])


def _lookup(reg, data, lang):
    head = data.level
    return (["level_id", "level_name", "direction", "ladder_id", "ladder_name", "result_level_id",
             "result_level_name", "kind", "conditions", "purposes", "confidence", "sources", "rules",
             "effective_from", "effective_until"],
            [(head.id, head.name, r.direction, r.level.ladder, _ladder(reg, r.level.ladder, lang),
              r.level.id, r.level.name, r.kind, _cond(reg, r.conditions, lang),
              LIST.join(r.purposes), r.confidence, _cites(r.sources), " > ".join(r.chain),
              r.effective_from or "", r.effective_until or "") for r in data.results])


def _sources_table(reg, data, lang):
    return (["id", "doc_no", "title", "issuer", "published", "status", "rules"],
            [(s["id"], s["doc_no"] or "", s["title"], s.get("issuer") or "", s["published"] or "", s["status"],
              s["rules"]) for s in data["sources"]])


def _show(reg, data, lang):
    name = lambda ref: reg.name(ref, lang) if ref in reg.levels else ""  # noqa: E731
    from .lookup import conditions_of

    return (["rule", "kind", "bidirectional", "from_id", "from_name", "to_ids", "to_names", "conditions",
             "purposes", "effective_from", "effective_until", "confidence", "sources", "articles", "quotes", "note"],
            [(data["id"], data["kind"], data["bidirectional"], data["from"] or "", name(data["from"]) if data["from"] else "",
              LIST.join(data["to"]), LIST.join(name(t) for t in data["to"]),
              _cond(reg, conditions_of(reg.rules[data["id"]], lang), lang), LIST.join(data["purposes"]),
              data["effective_from"] or "", data["effective_until"] or "", data["confidence"],
              _sources(data["cite"]), LIST.join(c["article"] for c in data["cite"]),
              LIST.join(c["quote"] for c in data["cite"]), data["note"] or "")])


def _layers(reg, data, lang):
    return (["id", "zh", "en", "scope", "region", "path"],
            [(x["id"], x["zh"], x["en"], x["scope"], x["region"], x["path"]) for x in data["layers"]])


def _steps(reg, route_no, route, lang):
    for i, s in enumerate(route.steps, 1):
        yield (route_no, i, s.date, s.year, s.level.id, s.level.name, s.level.ladder,
               _ladder(reg, s.level.ladder, lang), s.kind, _cond(reg, s.conditions, lang), s.confidence,
               _cited(s.sources), s.rule)


def _cited(sources) -> str:
    """The typed citations (:class:`~equivalence.results.Cite`) in full, once each (as :func:`_sources`)."""
    return LIST.join(dict.fromkeys(s.doc_no or f"《{s.title.strip('《》')}》" for s in sources))


def _path(reg, data, lang):
    """``data``: a :class:`~equivalence.results.Route`."""
    rows = list(_steps(reg, 0, data, lang))
    for i, alt in enumerate(data.alternatives, 1):
        rows.extend(_steps(reg, i, alt, lang))
    return (["route", "step", "date", "year", "level_id", "level_name", "ladder_id", "ladder_name", "kind",
             "conditions", "confidence", "sources", "rule"], rows)


def _check(reg, data, lang):
    """``data``: an :class:`~equivalence.results.Eligibility`."""
    targets = LIST.join(t.id for t in data.target)
    tail = (data.verdict, data.earliest or "")  # the answer's (held, eligible, later …), on every row
    rows = [(targets, data.as_of, r.rule, r.kind, r.eligible, r.earliest or "", r.reachable,
             LIST.join(r.met), LIST.join(m.text for m in r.missing), LIST.join(r.unchecked),
             r.confidence, _cited(r.sources), *tail) for r in data.rules]
    return (["target_ids", "as_of", "rule", "kind", "eligible", "earliest", "reachable", "met", "missing",
             "not_checked", "confidence", "sources", "verdict", "target_earliest"],
            rows or [(targets, data.as_of, *[""] * 10, *tail)])  # no rule: the verdict still shows


def _compare(reg, data, lang):
    a, b = data.a, data.b
    head = (a.id, a.name, b.id, b.name, data.verdict)
    rows = [(*head, x.ladder, _ladder(reg, x.ladder, lang), LIST.join(lv.id for lv in x.a), x.a_kind,
             " > ".join(x.a_chain), LIST.join(lv.id for lv in x.b), x.b_kind, " > ".join(x.b_chain),
             x.verdict) for x in data.bases]
    return (["a_id", "a_name", "b_id", "b_name", "verdict", "basis_ladder_id", "basis_ladder_name", "a_level_ids",
             "a_kind", "a_rules", "b_level_ids", "b_kind", "b_rules", "basis_verdict"],
            rows or [(*head, "", "", "", "", "", "", "", "", "")])  # no basis: the verdict still shows


def _routes_into(reg, data, lang):
    [target] = data.target
    return (["target_id", "target_name", "from_id", "from_name", "from_ladder_id", "kind", "conditions",
             "purposes", "confidence", "sources", "rule"],
            [(target.id, target.name, r.from_.id if r.from_ else "", r.from_.name if r.from_ else "",
              r.from_.ladder if r.from_ else "", r.kind, _cond(reg, r.conditions, lang),
              LIST.join(r.purposes), r.confidence, _cites(r.sources), r.rule) for r in data.routes])


def _search(reg, data, lang):
    return (["kind", "id", "name", "context", "match", "score"],
            [(h["kind"], h["id"], h["name"], h["context"], h["match"], h["score"]) for h in data["results"]])


def _points(reg, data, lang):
    rows = [("item", i["id"], i["zh"] if lang == "zh" else (i["en"] or i["zh"]), i["basis"], i["points"],
             "" if i["cap"] is None else i["cap"], "", "", "", "", "") for i in data["items"]]
    rows += [("step", s["rule"], s["to"]["name"], "", s["have"], "", s["to"]["id"], s["needs"], s["missing"],
              s["earliest"] or "", LIST.join(s["other_missing"])) for s in data["steps"]]
    return (["row", "id", "name", "basis", "points", "cap", "to_id", "needs", "missing", "earliest", "other_missing"],
            rows)


def _diff(reg, data, lang):
    if "roster" in data:  # one table per output: the roster's changes
        return (["row", "id", "column", "before", "after"],
                [(c["row"], c["id"], c["column"], c["before"], c["after"]) for c in data["roster"]])
    rows = []
    for change in ("added", "ended"):
        for lev in data["levels"][change]:
            rows.append((change, "level", lev["level"]["id"], lev["level"]["name"], "", "", lev["effective_from"] or "",
                         lev["effective_until"] or "", ""))
        for r in data["rules"][change]:
            links = f"{r['from']['id'] if r['from'] else ''} > {LIST.join(t['id'] for t in r['to'])}"
            rows.append((change, "rule", r["rule"], "", r["kind"], links,
                         r["effective_from"] or "", r["effective_until"] or "", _source(r["source"])))
    return (["change", "what", "id", "name", "kind", "links", "effective_from", "effective_until", "source"], rows)


TABLES = {"ladders": _ladders, "levels": _levels, "lookup": _lookup, "sources": _sources_table, "show": _show,
          "layers": _layers, "path": _path, "check": _check, "compare": _compare, "routes-into": _routes_into,
          "search": _search, "points": _points, "diff": _diff}


def csv_table(command: str, reg, data, lang: str) -> tuple[list[str], list[tuple]]:
    """Headers and rows of ``command``'s answer ``data``: its typed result (:mod:`equivalence.results`:
    lookup, compare, routes-into, path, check), else its JSON form, with schema_version."""
    return TABLES[command](reg, data, lang)
