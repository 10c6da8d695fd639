"""The ``equivalence`` command line: parses options, calls the library, renders its answers.

Every query command takes ``--format table|json|csv``; rows are produced once and rendered by
the chosen format. Library errors become ``Error: ...`` and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .describe import (CONFIDENCE_WORDS, DIRECTION_WORDS, HEADERS, KIND_WORDS, describe_conditions,
                       describe_source, layer_tag, short_source)
from .errors import EquivalenceError, MappingErrors

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
KINDS = ("apply", "treated_as", "counts_as", "post", "derived")


# Commands kept in modules of their own, imported only when run (or listed): a lookup never pays
# for what a roster or a chart needs.
LAZY_COMMANDS = {
    "path": "equivalence.cli_worker:path",
    "check": "equivalence.cli_worker:check",
    "compare": "equivalence.cli_worker:compare",
    "routes-into": "equivalence.cli_worker:routes_into",
    "search": "equivalence.cli_worker:search",
    "points": "equivalence.cli_worker:points",
    "diff": "equivalence.cli_worker:diff",
    "roster": "equivalence.cli_roster:roster",
    "export": "equivalence.cli_export:export",
    "chart": "equivalence.cli_chart:chart",
}


class EquivalenceGroup(click.Group):
    """Turns library errors into one ``Error:`` line (exit 1) instead of a traceback, and loads the
    commands of LAZY_COMMANDS on demand."""

    def parse_args(self, ctx, args):
        # --region and --layer belong to the group but read naturally after the command too
        # (`equivalence lookup 技师 --region 广东`): move them in front of it.
        front, rest, i = [], [], 0
        while i < len(args):
            arg = args[i]
            name = arg.split("=", 1)[0]
            if name in ("--region", "--layer"):
                if "=" in arg:
                    front.append(arg)
                elif i + 1 < len(args):
                    front.extend(args[i:i + 2])
                    i += 1
                else:
                    rest.append(arg)
            else:
                rest.append(arg)
            i += 1
        return super().parse_args(ctx, front + rest)

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        return super().get_command(ctx, name) or self._lazy(name)

    def _lazy(self, name):
        target = LAZY_COMMANDS.get(name)
        if target is None:
            return None
        import importlib

        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MappingErrors as exc:
            first = exc.errors[0]
            more = len(exc.errors) - 1
            tail = f" (and {more} more; run 'equivalence validate')" if more else ""
            raise click.ClickException(f"the mappings do not validate: {first}{tail}") from None
        except EquivalenceError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=EquivalenceGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="equivalence")
@click.option("--mappings", "mappings", type=click.Path(file_okay=False), envvar="EQUIVALENCE_MAPPINGS",
              help="Use this mapping folder instead of the shipped one.")
@click.option("--region", help="Add the shipped rules of this province (广东, CN-GD …) to the national ones.")
@click.option("--layer", "layers", multiple=True, callback=lambda ctx, param, value: [_layer_folder(v) for v in value],
              help="Add a folder of rules with a layer.yaml (an employer's) on top, or a shipped layer by id "
                   "(e.g. acme); repeatable.")
@click.pass_context
def cli(ctx, mappings, region, layers):
    """Equivalence of China's skill grades, professional titles, qualifications and posts.

    \b
    Examples:
      equivalence lookup 技师
      equivalence lookup 高级技师 --to 工程技术 --format json
      equivalence levels 专业技术岗位
      equivalence show bridge-technician-to-intermediate
    """
    ctx.obj = {"mappings": mappings, "region": region, "layers": list(layers)}


def _layer_folder(value: str) -> str:
    """A folder, or the id of a shipped layer (``equivalence layers``)."""
    if Path(value).is_dir():
        return value
    from .index import available_layers

    for layer in available_layers():
        if layer["id"] == value:
            return layer["path"]
    raise click.BadParameter(f"'{value}' is neither a folder nor a shipped layer (see 'equivalence layers')",
                             param_hint="'--layer'")


def registry(ctx):
    """The registry for this invocation (loaded once)."""
    obj = ctx.find_root().obj
    if "registry" not in obj:
        from .registry import Registry

        obj["registry"] = Registry.load(obj["mappings"], region=obj["region"], layers=obj["layers"])
    return obj["registry"]


def output_options(fn):
    fn = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                      help="Language of names and labels.")(fn)
    fn = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                      show_default=True, help="Output format.")(fn)
    return fn


def emit(fmt: str, headers: list[str], rows, data=None, title: str | None = None, widths=None) -> None:
    """Render rows as a table or CSV, or ``data`` (default: the rows as objects) as JSON."""
    rows = list(rows)
    if fmt == "json":
        import json

        payload = data if data is not None else [dict(zip(headers, r)) for r in rows]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
    else:
        from tabulate import tabulate

        if title:
            click.echo(title)
        if rows:
            click.echo(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                                maxcolwidths=widths))


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint="'--as-of'") from None


@cli.command()
@output_options
@click.pass_context
def ladders(ctx, fmt, lang):
    """List the ladders (skill grades, title tiers and series, posts, grades, education)."""
    reg = registry(ctx)
    h = HEADERS[lang]
    rows = [(lid, lad["zh"], lad["en"], lad["kind"], len(lad["levels"])) for lid, lad in reg.ladders.items()]
    data = [{"id": lid, "zh": lad["zh"], "en": lad["en"], "kind": lad["kind"],
             "levels": [reg.levels[r]["id"] for r in lad["levels"]], "confidence": lad["confidence"]}
            for lid, lad in reg.ladders.items()]
    emit(fmt, [h["id"], h["zh"], h["en"], h["kind_ladder"], h["levels"]], rows, data if fmt == "json" else None)


@cli.command()
@click.argument("ladder")
@output_options
@click.pass_context
def levels(ctx, ladder, fmt, lang):
    """List the levels of LADDER, low to high.

    \b
    Example:
      equivalence levels 工勤技能岗位
    """
    reg = registry(ctx)
    lad = reg.ladder(ladder)
    h = HEADERS[lang]
    levs = [reg.levels[r] for r in lad["levels"]]
    rows = [(lev["rank"], lev["ref"], lev["zh"], lev["en"], "、".join(lev["aliases"])) for lev in levs]
    data = {"ladder": {"id": lad["id"], "zh": lad["zh"], "en": lad["en"], "kind": lad["kind"]},
            "levels": [{k: lev[k] for k in ("ref", "id", "zh", "en", "aliases", "rank", "effective_from",
                                            "effective_until")} for lev in levs]}
    title = f"{lad['zh']} ({lad['id']}, {lad['en']})"
    emit(fmt, [h["rank"], h["id"], h["zh"], h["en"], h["aliases"]], rows, data if fmt == "json" else None, title)


@cli.command()
@click.argument("level")
@click.option("--to", "to", multiple=True, help="Only results on this ladder (repeatable).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this relation kind (repeatable).")
@click.option("--purpose", help="Only results that serve this purpose (e.g. title_review).")
@click.option("--as-of", "as_of", help="Only rules in force on this date (YYYY-MM-DD).")
@click.option("--include-derived", is_flag=True, help="Also use comparisons no document states (derived).")
@click.option("--direction", type=click.Choice(["both", "out", "in"]), default="both", show_default=True,
              help="out: LEVEL relates to X; in: X relates to LEVEL.")
@output_options
@click.pass_context
def lookup(ctx, level, to, kinds, purpose, as_of, include_derived, direction, fmt, lang):
    """What the rules relate to LEVEL on every other ladder, and under which clause.

    \b
    Examples:
      equivalence lookup 技师
      equivalence lookup 三级 --kind apply --format json
      equivalence lookup 专业技术岗位:九级 --lang en
    """
    from .lookup import find_equivalents

    reg = registry(ctx)
    _, occupation = reg.credential(level)
    answer = find_equivalents(reg, level, to=list(to) or None, kinds=list(kinds) or None, purpose=purpose,
                              as_of=_date(as_of), include_derived=include_derived, direction=direction,
                              lang=lang)
    h = HEADERS[lang]
    head = answer["level"]
    title = f"{head['name']} ({reg.ladders[head['ladder']][lang]}, {head['id']})"
    if occupation:
        head = {**head, "occupation": {"code": occupation["code"], "name": occupation["zh"]}}
        title += f" · {occupation['zh']} {occupation['code']}"
    if not answer["results"]:
        derived_too = None if include_derived else find_equivalents(
            reg, level, to=list(to) or None, kinds=list(kinds) or None, purpose=purpose, as_of=_date(as_of),
            include_derived=True, direction=direction, lang=lang)["results"]
        title += ": " + ("没有相关等级" if lang == "zh" else "no related levels") + _next_try(
            level, bool(derived_too), bool(to or kinds or purpose or as_of), lang)
    if fmt == "json":
        emit(fmt, [], [], {"level": head, "results": answer["results"]})
        return
    headers = [h["direction"], h["ladder"], h["level"], h["kind"], h["conditions"], h["purposes"],
               h["confidence"], h["source"], h["chain"]]
    emit(fmt, headers, lookup_rows(reg, answer["results"], lang, merge=fmt == "table"), title=title,
         widths=[None, 16, 16, 10, 28, 16, None, 20, 40])


def _next_try(level, derived_exist, filtered, lang):
    """An empty lookup names the next thing to try: derived comparisons, fewer filters, or a route."""
    zh = lang == "zh"
    if derived_exist:
        return "（另有推导的比较，非文件所述：加 --include-derived 查看）" if zh else \
            " (derived comparisons, stated by no document, exist: add --include-derived)"
    if filtered:
        return "（去掉 --to / --kind / --purpose / --as-of 再试）" if zh else " (try without --to / --kind / --purpose / --as-of)"
    return f"（试试 equivalence routes-into {level}）" if zh else f" (try: equivalence routes-into {level})"


def lookup_rows(reg, results, lang, merge=True):
    """One row per result; in tables, results that differ only by level (a post range) share a row."""
    groups: list[tuple[tuple, list]] = []
    for r in results:
        key = (r["direction"], r["level"]["ladder"], r["kind"], tuple(r["chain"]), tuple(r["purposes"]))
        if merge and groups and groups[-1][0] == key:
            groups[-1][1].append(r)
        else:
            groups.append((key, [r]))
    for (_, ladder, _, _, _), rs in groups:
        r = rs[0]
        names = [x["level"]["name"] for x in rs]
        name = names[0] if len(names) == 1 else (f"{names[0]}–{names[-1]}" if len(names) > 2 else "、".join(names))
        conds = " | ".join(describe_conditions(reg, c, lang) for c in r["conditions"])
        purposes = "、".join(reg.purposes[p][lang] for p in r["purposes"]) or ("不限" if lang == "zh" else "any")
        sources = " + ".join(dict.fromkeys(layer_tag(reg, s, lang) + short_source(reg.sources[s["source"]])
                                           for s in r["sources"]))
        yield (DIRECTION_WORDS[lang][r["direction"]], reg.ladders[ladder][lang], name, KIND_WORDS[lang][r["kind"]],
               conds, purposes, CONFIDENCE_WORDS[lang][r["confidence"]], sources, " > ".join(r["chain"]))


@cli.command("layers")
@output_options
@click.pass_context
def layers_command(ctx, fmt, lang):
    """List the shipped layers: the national rules, each province's, and the example employer.

    \b
    Examples:
      equivalence layers
      equivalence --region 广东 path 高级技师 特级技师
      equivalence --layer mappings/examples/acme levels acme_s
    """
    from .index import available_layers

    rows = [("national", "全国", "National", "national", "CN", "mappings/")]
    found = available_layers()
    rows += [(x["id"], x["zh"], x["en"], x["scope"], x["region"] or "", x["path"]) for x in found]
    emit(fmt, ["id", "zh", "en", "scope", "region", "path"], rows)


@cli.command()
@output_options
@click.pass_context
def sources(ctx, fmt, lang):
    """List the policy sources the rules cite, with 文号, date and how well each was verified."""
    reg = registry(ctx)
    h = HEADERS[lang]
    counts: dict[str, int] = {}
    for r in reg.rules.values():
        for c in r["cite"]:
            counts[c["source"]] = counts.get(c["source"], 0) + 1
    rows = [(s["id"], s["doc_no"], s["title"], s["published"] or "", s["status"], counts.get(s["id"], 0))
            for s in reg.sources.values()]
    data = [{**{k: v for k, v in s.items() if k not in ("path", "line")}, "rules": counts.get(s["id"], 0)}
            for s in reg.sources.values()]
    emit(fmt, [h["id"], h["doc_no"], h["title"], h["published"], h["status"], h["rules"]], rows,
         data if fmt == "json" else None)


@cli.command()
@click.argument("rule_id", metavar="RULE")
@output_options
@click.pass_context
def show(ctx, rule_id, fmt, lang):
    """Show one rule: what it links, its conditions, dates, and the clause it cites (with the quote).

    \b
    Example:
      equivalence show bridge-technician-to-intermediate
    """
    from .lookup import conditions_of

    reg = registry(ctx)
    rule = reg.rule(rule_id)
    cites = [{**c, "title": reg.sources[c["source"]]["title"], "doc_no": reg.sources[c["source"]]["doc_no"],
              "status": reg.sources[c["source"]]["status"]} for c in rule["cite"]]
    if fmt == "json":
        emit(fmt, [], [], {**{k: v for k, v in rule.items() if k not in ("cite",)}, "cite": cites})
        return
    h = HEADERS[lang]
    name = lambda ref: f"{reg.levels[ref][lang]} ({reg.ladders[reg.levels[ref]['ladder']][lang]})"  # noqa: E731
    rows = [
        ("id", rule["id"]),
        (h["kind"], KIND_WORDS[lang][rule["kind"]] + (" (双向)" if rule["bidirectional"] else "")),
        ("from", name(rule["from"]) if rule["from"] else "—"),
        ("to", "、".join(name(t) for t in rule["to"])),
        (h["conditions"], describe_conditions(reg, conditions_of(rule), lang) or "—"),
        (h["purposes"], "、".join(reg.purposes[p][lang] for p in rule["purposes"]) or "—"),
        ("in force", f"{rule['effective_from']} – {rule['effective_until'] or ''}"),
        (h["confidence"], CONFIDENCE_WORDS[lang][rule["confidence"]]),
    ]
    for c in cites:
        rows.append((h["source"], f"{describe_source(reg.sources[c['source']], c)} [{c['status']}]\n《{c['title']}》" + (f"\n“{c['quote']}”" if c["quote"] else "")))
    if rule["note"]:
        rows.append(("note", rule["note"]))
    rows.append(("file", f"{rule['path']}:{rule['line']}"))
    emit(fmt, [h["field"], h["value"]], rows, widths=[None, 100])


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.pass_context
def validate(ctx, folder):
    """Check a mapping folder (default: the shipped one); list every problem as file:line: where: what."""
    from .compile import compile_folder
    from .index import default_mappings_dir, region_layers

    obj = ctx.find_root().obj
    stack = (region_layers(obj["region"]) if obj["region"] else []) + obj["layers"]
    national = obj["mappings"] or default_mappings_dir()
    if folder and (Path(folder) / "layer.yaml").is_file():
        stack.append(folder)  # a province or employer folder is checked on top of the national rules
    elif folder:
        national = folder
    try:
        index = compile_folder(national, display_root=None if folder or obj["mappings"] else "mappings", layers=stack)
    except MappingErrors as exc:
        for err in exc.errors:
            click.echo(str(err))
        n = len(exc.errors)
        raise click.ClickException(f"{n} problem{'s' if n != 1 else ''} in the mappings") from None
    click.echo(f"OK: {len(index['ladders'])} ladders, {len(index['levels'])} levels, {len(index['rules'])} rules, "
               f"{len(index['sources'])} sources")
    if len(index["layers"]) > 1:
        for layer in index["layers"]:
            n = sum(1 for r in index["rules"].values() if r["layer"] == layer["id"])
            click.echo(f"   layer {layer['id']} ({layer['scope']}, {layer['region'] or '-'}): {n} rules")
        if index["replaced"]:
            click.echo("   replaced: " + ", ".join(f"{old} by {x['by']}" for old, x in index["replaced"].items()))
    for cat in index["catalogue"]["catalogues"].values():
        counts = ", ".join(f"{k} {v}" for k, v in sorted(cat["counts"].items()))
        checked = " (as published)" if cat["published"] else ""
        click.echo(f"   {cat['id']}: {counts}{checked}")


def main() -> None:  # pragma: no cover - console entry point
    cli(prog_name="equivalence")
