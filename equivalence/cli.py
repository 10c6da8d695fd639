"""The ``equivalence`` command line: parses options, calls the library, renders its answers.

Every query command takes ``--format table|json|csv``; rows are produced once and rendered by
the chosen format. Library errors become ``Error: ...`` and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from . import __version__
from .describe import (CONFIDENCE_WORDS, DIRECTION_WORDS, HEADERS, KIND_WIDTH, KIND_WORDS, LIST_SEP, STATUS_WORDS,
                       describe_conditions, describe_source, layer_tag, short_source)
from .cli_words import error_said, polished, said, said_in, speaking
from .errors import EquivalenceError, MappingErrors, one_line

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
    "serve": "equivalence.cli_serve:serve",
}


class NamedChoice(click.Choice):
    """A choice of codes that also takes each code's zh and en names (``--kind 可申报``)."""

    def __init__(self, names: dict[str, tuple[str, ...]]):
        super().__init__(list(names))
        self.names = names

    def convert(self, value, param, ctx):
        from .names import resolve_code

        code = resolve_code(str(value), self.names)
        if code is None:  # each code with its name in the language of the command
            zh = said_in() == "zh"
            known = [f"{c}（{w[0]}）" if zh else f"{c} ({w[1]})" if len(w) > 1 else c for c, w in self.names.items()]
            self.fail(said("usage_not_a_choice", value=value, known=known), param, ctx)
        return code


def _words(*tables) -> dict[str, tuple[str, ...]]:
    """code -> its words in each table (zh, en), for NamedChoice."""
    return {code: tuple(t[code] for t in tables) for code in tables[0]}


RELATION_KINDS = NamedChoice({k: w for k, w in _words(KIND_WORDS["zh"], KIND_WORDS["en"]).items() if k in KINDS})
DIRECTIONS = NamedChoice({"both": ("双向", "both ways"), "out": ("正向", "outgoing"), "in": ("反向", "incoming")})


def resolve_purpose(reg, value: str | None) -> str | None:
    """A purpose id from its id, zh or en name (``--purpose 职称评审``); an unknown one is a domain
    error (exit 1) like an unknown level: the purposes come from the mappings."""
    if value is None:
        return None
    from .names import resolve_code

    code = resolve_code(value, {pid: (p.zh, p.en) for pid, p in reg.purposes.items()})
    if code is None:
        raise EquivalenceError(code="unknown_purpose", name=value,
                               known=[("purpose_option", {"id": pid, "zh": p.zh, "en": p.en})
                                      for pid, p in reg.purposes.items()])
    return code


def _one_region(ctx, param, values):
    """--region once: the shipped rules of two provinces are never in force for one worker at once."""
    if len(values) > 1:
        raise click.BadParameter(said("usage_region_once", values=list(values)), ctx, param)
    if values and not values[0].strip():  # (an empty variable in a script: not the national rules unasked)
        raise click.BadParameter(said("usage_region_empty"), ctx, param)
    return values[0] if values else None


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

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:  # `equivalence` alone: the help page, as it is
            raise
        except click.ClickException as exc:  # a usage error echoes the value given: keep it on one line
            exc.message = one_line(exc.message)
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except EquivalenceError as exc:  # mappings that do not validate: the first problem and a count
            raise DomainError(exc) from None
        except click.ClickException as exc:
            exc.message = one_line(exc.message)
            raise
        except OSError as exc:  # stdout on a full disk (> /dev/full): one line; a closed pipe is click's
            from .atomic import os_error

            raise DomainError(os_error(exc)) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's main, but errors are JSON on stderr under ``--format json`` (same exit codes), and
        output into a closed pipe (``| head``) ends quietly (exit 1, as click itself does)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        args = list(sys.argv[1:] if args is None else args)
        if sys.stdout is None:  # started with stdout closed (>&-): an answer fails to be written, not silently
            sys.stdout = _ClosedOutput()
        # Usage errors and help pages in the language asked (--lang; zh by default).
        words = _lang_requested(args)
        helping = _help_requested(args)
        if helping:  # a help page takes --lang on any command, even one without it (the top level)
            args = _without_lang(args)
        with speaking(words):  # click words its messages as it makes and shows them: all in here
            try:
                try:
                    with _help_pages(words if helping else "en"):
                        code = super().main(args, prog_name, complete_var, False, **extra)
                except OSError as exc:  # a help page or --version that cannot be written: as an answer
                    if _broken_pipe(exc):
                        raise
                    from .atomic import os_error

                    raise DomainError(os_error(exc)) from None
            except click.ClickException as exc:
                if _broken_pipe(exc):
                    _quiet_pipe()
                if isinstance(exc, DomainError):  # said in the language asked (--lang; zh by default)
                    exc.message = exc.said(words)
                elif isinstance(exc, click.exceptions.NoArgsIsHelpError):
                    pass  # the help page, made above in the language asked
                elif words == "zh" and isinstance(exc, click.UsageError):
                    text = polished(exc.format_message())
                    exc.format_message = lambda: text
                if _json_requested(args):
                    import json

                    from .contract import error_payload

                    cause = exc.cause if isinstance(exc, DomainError) else exc
                    click.echo(json.dumps(error_payload(cause, exc.format_message()), ensure_ascii=False), err=True)
                else:
                    exc.show()
                sys.exit(exc.exit_code)
            except click.Abort:
                click.echo("Aborted!", err=True)
                _forget_interrupt()
                sys.exit(1)
            except OSError as exc:
                if not _broken_pipe(exc):
                    raise
                _quiet_pipe()
        sys.exit(code if isinstance(code, int) else 0)


def _forget_interrupt() -> None:
    """Make the interrupt we handled count as handled. CPython (bpo-1054041) ends a run whose
    KeyboardInterrupt escaped by killing itself with SIGINT, but it marks the escape when the
    interrupt leaves any code run from a string (a dataclass or namedtuple being built by exec/eval),
    even if it is caught further up: SIGTERM landing there made ``python -m equivalence`` die by
    SIGINT instead of exiting 1. Evaluating a string clears the mark (it is reset on each such run)."""
    eval("None")


class _ClosedOutput:
    """stdout when the process was started without one: each write fails as the system's would."""

    encoding, errors = "utf-8", "strict"

    def write(self, text):
        import errno
        import os

        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        import io

        raise io.UnsupportedOperation("fileno")


class DomainError(click.ClickException):
    """A library error on its way to the user: one ``Error:`` line, exit 1; keeps the error itself
    (for the JSON error's type and candidates)."""

    def __init__(self, cause: EquivalenceError):
        super().__init__(self.said("en", cause))
        self.cause = cause

    def said(self, lang: str, cause: EquivalenceError | None = None) -> str:
        """The error in one line, in ``lang``."""
        from .messages import message

        return one_line(message(cause or self.cause, lang))


def _given(args: list[str], option: str, value: str) -> bool:
    """Whether the command line sets ``option`` to ``value`` (``--lang en`` or ``--lang=en``), read
    before click has parsed it: an error raised while parsing is still said as asked. Given twice,
    the last one counts, as it does for click."""
    last = None
    for arg, nxt in zip(args, args[1:] + [""]):
        if arg == option:
            last = nxt
        elif arg.startswith(option + "="):
            last = arg[len(option) + 1:]
    return last == value


def _help_requested(args: list[str]) -> bool:
    """Whether the command line asks for a help page (``--help``, ``-h``, or nothing at all)."""
    return not args or "--help" in args or "-h" in args


def _without_lang(args: list[str]) -> list[str]:
    """The command line without its ``--lang`` (read by :func:`_lang_requested` already)."""
    kept, skip = [], False
    for arg, nxt in zip(args, args[1:] + [""]):
        if skip:
            skip = False
        elif arg == "--lang" and nxt in ("zh", "en"):
            skip = True
        elif arg not in ("--lang=zh", "--lang=en"):
            kept.append(arg)
    return kept


def _help_pages(lang: str):
    """Help pages in ``lang``: the English is written in the commands; the Chinese table is imported
    only when a help page in Chinese is asked for."""
    if lang != "zh":
        import contextlib

        return contextlib.nullcontext()
    from .cli_help_zh import helping

    return helping()


def _json_requested(args: list[str]) -> bool:
    return _given(args, "--format", "json")


def _lang_requested(args: list[str]) -> str:
    """The --lang of a command line (every command's default: zh)."""
    return "en" if _given(args, "--lang", "en") else "zh"


def _broken_pipe(exc: BaseException | None) -> bool:
    """Whether ``exc`` is, or was raised while handling, a write into a closed pipe."""
    import errno

    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _quiet_pipe() -> None:
    """End without a word: the reader (``head``) has all it wanted. stdout is pointed at /dev/null so
    that the interpreter's last flush does not fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(1)


@click.group(cls=EquivalenceGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="equivalence")
@click.option("--mappings", "mappings", type=click.Path(file_okay=False), envvar="EQUIVALENCE_MAPPINGS",
              help="Use this mapping folder instead of the shipped one.")
@click.option("--region", multiple=True, callback=_one_region,
              help="Add the shipped rules of this province (广东, CN-GD …) to the national ones (once).")
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
      equivalence show bridge-96-technician-to-intermediate
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
    raise click.BadParameter(said("usage_no_layer", value=value), param_hint="'--layer'")


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


def emit(fmt: str, headers: list[str], rows, data=None, title: str | None = None, widths=None,
         key: str = "results") -> None:
    """Render rows as a table, or ``data`` (default: the rows as objects, under ``key``; a typed result
    of :mod:`equivalence.results` as its ``to_json()``) as JSON with its ``schema_version`` or as CSV
    with the command's data columns (:mod:`equivalence.csvdata`)."""
    rows = list(rows)
    if fmt == "json":
        import json

        from .contract import stamped
        from .results import json_of

        payload = json_of(data) if data is not None else [dict(zip(headers, r)) for r in rows]
        text = json.dumps(stamped(payload, key), ensure_ascii=False, indent=2)
        # An argument that is not UTF-8 (its bytes are lone surrogates here) echoed in the answer (search's
        # query): written as JSON escapes, so that the output stays UTF-8 and parses.
        click.echo(re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text))
    elif fmt == "csv":
        import csv

        if data is not None:  # CSV as data: the answer's own table (equivalence.csvdata)
            from .contract import stamped
            from .csvdata import csv_table

            ctx = click.get_current_context()
            reg = None if ctx.info_name == "layers" else registry(ctx)  # layers are listed without loading rules
            typed = isinstance(data, tuple)  # a typed result: csvdata reads its attributes
            headers, rows = csv_table(ctx.info_name, reg, data if typed else stamped(data, key), ctx.params.get("lang", "zh"))
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
    else:
        from .textable import simple_table, wrap_cell

        if title:
            click.echo(title)
        if rows:
            if widths:
                rows = [[wrap_cell(c, w) if w and isinstance(c, str) else c
                         for c, w in zip(r, [*widths, *[None] * (len(r) - len(widths))])] for r in rows]
            click.echo(simple_table(headers, rows))


def _date(value: str | None) -> str | None:
    """An ``--as-of`` value as an ISO date (any shape of :func:`equivalence.dates.parse_date`)."""
    if value is None:
        return None
    from .dates import DateError, parse_date

    try:
        return parse_date(value).isoformat()
    except DateError as exc:
        raise click.BadParameter(error_said(exc), param_hint="'--as-of'") from None


@cli.command()
@output_options
@click.pass_context
def ladders(ctx, fmt, lang):
    """List the ladders (skill grades, title tiers and series, posts, grades, education)."""
    from . import api

    reg = registry(ctx)
    h = HEADERS[lang]
    rows = [(lid, lad.zh, lad.en, lad.kind, len(lad.levels)) for lid, lad in reg.ladders.items()]
    data = api.ladders(reg)
    emit(fmt, [h["id"], h["zh"], h["en"], h["kind_ladder"], h["levels"]], rows, data if fmt != "table" else None,
         key="ladders")


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
    from . import api

    reg = registry(ctx)
    lad = reg.ladder(ladder)
    h = HEADERS[lang]
    data = api.levels(reg, ladder)
    # A ladder with a dated level (特级技师 only from 2022-03) shows when each level is in force; blank: always.
    dated = any(lev["effective_from"] or lev["effective_until"] for lev in data["levels"])
    rows = [(lev["rank"], lev["ref"], lev["zh"], lev["en"])
            + ((f"{lev['effective_from']} – {lev['effective_until'] or ''}" if lev["effective_from"] or
                lev["effective_until"] else "",) if dated else ())
            + (LIST_SEP[lang].join(lev["aliases"]),) for lev in data["levels"]]
    title = f"{lad.zh} ({lad.id}, {lad.en})"
    headers = [h["rank"], h["id"], h["zh"], h["en"]] + ([h["in_force"]] if dated else []) + [h["aliases"]]
    emit(fmt, headers, rows, data if fmt != "table" else None, title)


@cli.command()
@click.argument("level")
@click.option("--to", "to", multiple=True, help="Only results on this ladder (repeatable).")
@click.option("--kind", "kinds", multiple=True, type=RELATION_KINDS,
              help="Only this relation kind, by code or name (apply, 可申报; repeatable).")
@click.option("--purpose", help="Only results that serve this purpose, by id or name (title_review, 职称评审).")
@click.option("--as-of", "as_of", help="Only rules in force on this date (2021-06-30, 2021/6/30, 2021年6月30日 …).")
@click.option("--include-derived", is_flag=True, help="Also use comparisons no document states (derived).")
@click.option("--direction", type=DIRECTIONS, default="both", show_default=True,
              help="out: LEVEL relates to X; in: X relates to LEVEL.")
@output_options
@click.pass_context
def lookup(ctx, level, to, kinds, purpose, as_of, include_derived, direction, fmt, lang):
    """What the rules relate to LEVEL on every other ladder, and under which clause.

    \b
    Examples:
      equivalence lookup 技师
      equivalence lookup 职业技能等级:三级 --kind apply --format json
      equivalence lookup 专业技术岗位:九级 --lang en
    """
    from . import api

    reg = registry(ctx)
    answer = api.lookup(reg, level, to=list(to) or None, kinds=list(kinds) or None,
                        purpose=resolve_purpose(reg, purpose),
                        as_of=_date(as_of), include_derived=include_derived, direction=direction, lang=lang)
    h = HEADERS[lang]
    head = answer.level
    title = f"{head.name} ({reg.ladder_name(head.ladder, lang)}, {head.id})"
    if answer.occupation:
        title += f" · {answer.occupation.name} {answer.occupation.code}"
    if not answer.results:
        title += ": " + ("没有相关等级" if lang == "zh" else "no related levels") + _next_try(
            level, answer.derived_left_out, bool(to or kinds or purpose or as_of), lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    headers = [h["direction"], h["ladder"], h["level"], h["kind"], h["conditions"], h["purposes"],
               h["confidence"], h["source"], h["chain"]]
    emit(fmt, headers, lookup_rows(reg, answer.results, lang, merge=fmt == "table"), title=title,
         widths=[None, 16, 16, KIND_WIDTH[lang], 28, 16, None, 20, 40])
    if any(x["kept"] for x in reg.index.get("replaced", {}).values()):  # wording is imported only then
        from .wording import replaced_notes

        for note in replaced_notes(reg, (c for r in answer.results for c in r.chain), lang):
            click.echo(("注：" if lang == "zh" else "note: ") + note)


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
        key = (r.direction, r.level.ladder, r.kind, r.chain, r.purposes)
        if merge and groups and groups[-1][0] == key:
            groups[-1][1].append(r)
        else:
            groups.append((key, [r]))
    for (_, ladder, _, _, _), rs in groups:
        r = rs[0]
        names = [x.level.name for x in rs]
        name = names[0] if len(names) == 1 else (f"{names[0]}–{names[-1]}" if len(names) > 2 else LIST_SEP[lang].join(names))
        conds = " | ".join(describe_conditions(reg, c, lang) for c in r.conditions)
        purposes = LIST_SEP[lang].join(getattr(reg.purposes[p], lang) for p in r.purposes) or ("不限" if lang == "zh" else "any")
        sources = " + ".join(dict.fromkeys(layer_tag(reg, s.layer, lang) + short_source(reg.sources[s.source])
                                           for s in r.sources))
        yield (DIRECTION_WORDS[lang][r.direction], reg.ladder_name(ladder, lang), name, KIND_WORDS[lang][r.kind],
               conds, purposes, CONFIDENCE_WORDS[lang][r.confidence], sources, " > ".join(r.chain))


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
    from . import api

    keys = ["id", "zh", "en", "scope", "region", "path"]
    data = api.layers()
    rows = [tuple(x[k] for k in keys) for x in data]
    if fmt != "table":
        emit(fmt, keys, rows, data, key="layers")
        return
    scope = {"zh": {"national": "全国", "province": "省级", "employer": "企业"},
             "en": {"national": "national", "province": "province", "employer": "employer"}}[lang]
    h = HEADERS[lang]
    emit(fmt, [h["id"], h["zh"], h["en"], "范围" if lang == "zh" else "scope", "地区" if lang == "zh" else "region",
               "路径" if lang == "zh" else "path"], [(*r[:3], scope[r[3]], *r[4:]) for r in rows])


@cli.command()
@output_options
@click.pass_context
def sources(ctx, fmt, lang):
    """List the policy sources the rules cite, with 文号, date and how well each was verified."""
    from . import api

    reg = registry(ctx)
    h = HEADERS[lang]
    data = api.sources(reg)
    rows = [(s["id"], s["doc_no"], s["title"], s["published"] or "", STATUS_WORDS[lang][s["status"]], s["rules"])
            for s in data]
    emit(fmt, [h["id"], h["doc_no"], h["title"], h["published"], h["status"], h["rules"]], rows,
         data if fmt != "table" else None, key="sources")


@cli.command()
@click.argument("rule_id", metavar="RULE")
@output_options
@click.pass_context
def show(ctx, rule_id, fmt, lang):
    """Show one rule: what it links, its conditions, dates, and the clause it cites (with the quote).

    \b
    Example:
      equivalence show bridge-96-technician-to-intermediate
    """
    from . import api
    from .lookup import conditions_of
    from .wording import replaced_note

    reg = registry(ctx)
    answer = api.show(reg, rule_id, lang=lang)
    if fmt != "table":
        emit(fmt, [], [], answer)
        return
    rule, cites = reg.rule(rule_id), answer["cite"]
    h = HEADERS[lang]
    name = lambda ref: f"{reg.name(ref, lang)} ({reg.ladder_name(reg.levels[ref].ladder, lang)})"  # noqa: E731
    zh = lang == "zh"
    label = SHOW_LABELS[lang]
    both = (" (双向)" if zh else " (both ways)") if rule.bidirectional else ""
    rows = [
        (h["id"], rule.id),
        (h["kind"], KIND_WORDS[lang][rule.kind] + both),
        (label["from"], name(rule.from_) if rule.from_ else "—"),
        (label["to"], LIST_SEP[lang].join(name(t) for t in rule.to)),
        (h["conditions"], describe_conditions(reg, conditions_of(rule, lang), lang) or "—"),
        (h["purposes"], LIST_SEP[lang].join(getattr(reg.purposes[p], lang) for p in rule.purposes) or "—"),
        (label["in_force"], f"{rule.effective_from} – {rule.effective_until or ''}"),
        (h["confidence"], CONFIDENCE_WORDS[lang][rule.confidence]),
    ]
    for c in cites:
        rows.append((h["source"], f"{describe_source(reg.sources[c['source']], c, lang)} [{STATUS_WORDS[lang][c['status']]}]"
                                  f"\n《{c['title']}》" + (f"\n“{c['quote']}”" if c["quote"] else "")))
    replaced = replaced_note(reg, rule.id, lang)
    if replaced:  # why it ends where it does
        rows.append((label["replaced"], replaced))
    if rule.note:
        rows.append((label["note"], rule.note))  # the mappings' own note, as written (English)
    rows.append((label["file"], f"{rule.path}:{rule.line}"))
    emit(fmt, [h["field"], h["value"]], rows, widths=[None, 100])


@cli.command()
@click.argument("name", required=False)
def schema(name):
    """Print the JSON Schema of a command's --format json answer (lookup, path, check …), of the
    JSON error (error) or of a mapping file (mapping-file); without NAME, list them.

    \b
    Examples:
      equivalence schema
      equivalence schema lookup > lookup.schema.json
    """
    from .schemas import names, schema_text

    if name is None:
        click.echo("\n".join(names()))
        return
    text = schema_text(name)
    if text is None:
        raise click.BadParameter(said("usage_no_schema", name=name, known=list(names())), param_hint="'NAME'")
    click.echo(text, nl=False)


SHOW_LABELS = {
    "zh": {"from": "自", "to": "至", "in_force": "施行期间", "replaced": "替换", "note": "备注（英文）", "file": "文件"},
    "en": {"from": "from", "to": "to", "in_force": "in force", "replaced": "replaced", "note": "note", "file": "file"},
}


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the problems and the summary (each problem is file:line: where: what).")
@click.pass_context
def validate(ctx, folder, lang):
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
            click.echo(err.said(lang))
        from .messages import render

        n = len(exc.errors)
        raise click.ClickException(render("mapping_problems", {"n": n, "s": "s" if n != 1 else ""}, lang)) from None
    w = VALIDATE_WORDS[lang]
    click.echo(w["ok"].format(*(len(index[k]) for k in ("ladders", "levels", "rules", "sources"))))
    if len(index["layers"]) > 1:
        for layer in index["layers"]:
            n = sum(1 for r in index["rules"].values() if r.layer == layer["id"])
            click.echo(w["layer"].format(layer["id"], w[layer["scope"]], layer["region"] or "-", n))
        if index["replaced"]:
            # from: the day the replacement holds; a rule replaced from a later day answers until then
            click.echo(w["replaced"] + w["sep"].join(w["by"].format(old, x["by"], x["from"])
                                                     for old, x in index["replaced"].items()))
    for cat in index["catalogue"]["catalogues"].values():
        counts = w["sep"].join(f"{k} {v}" for k, v in sorted(cat["counts"].items()))
        click.echo(f"   {cat['id']}{w['colon']}{counts}{w['published'] if cat['published'] else ''}")


VALIDATE_WORDS = {
    "zh": {"ok": "通过：{} 个等级序列、{} 个等级、{} 条规则、{} 份文件", "layer": "   层 {}（{}，{}）：{} 条规则",
           "national": "全国", "province": "省级", "employer": "单位", "replaced": "   已被替换：",
           "by": "{0}（自 {2} 起由 {1} 替换）", "sep": "、", "colon": "：", "published": "（与公布数一致）"},
    "en": {"ok": "OK: {} ladders, {} levels, {} rules, {} sources", "layer": "   layer {} ({}, {}): {} rules",
           "national": "national", "province": "province", "employer": "employer", "replaced": "   replaced: ",
           "by": "{} by {} from {}", "sep": ", ", "colon": ": ", "published": " (as published)"},
}


def main() -> None:  # pragma: no cover - console entry point
    cli(prog_name="equivalence")
