"""``equivalence roster``: the answers for a whole roster (loaded on demand, see cli.LAZY_COMMANDS)."""

from __future__ import annotations

import sys

import click

from .cli_words import error_said

from .cli import _date, registry


ROWS_NAMED = 10  # failed rows named on stderr; the error column has them all


def rows_said(code: str, failed_rows: list[int], total: int, lang: str) -> str:
    """The message ``code`` for rows that could not be answered: how many of ``total``, and the first
    ROWS_NAMED of them by their numbers as the file shows them (where to look)."""
    from .messages import render

    shown = [str(n) for n in failed_rows[:ROWS_NAMED]]
    rows = ("、" if lang == "zh" else ", ").join(shown + ["…"] * (len(failed_rows) > ROWS_NAMED))
    return render(code, {"failed": len(failed_rows), "total": total, "s": "s" if total != 1 else "",
                         "rs": "s" if len(failed_rows) != 1 else "", "rows": rows}, lang)


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (.csv, .xlsx or .jsonl; default: CSV on stdout).")
@click.option("--to", "to", multiple=True, metavar="LADDER",
              help="Add a column of what each person's credentials relate to on LADDER (repeatable).")
@click.option("--as-of", "as_of", help="Plan from this date (YYYY-MM-DD; default today).")
@click.option("--encoding", help="Encoding of a CSV or JSON Lines INPUT (default: UTF-8, or GBK when detected).")
@click.option("--excel", is_flag=True, help="CSV for Excel: a byte-order mark and CRLF line ends.")
@click.option("--columns", "columns", metavar="FIELD=COLUMN,…",
              help="Read these fields from these columns (holds, education, work_years, target, id, name), "
                   "e.g. holds=证书,education=学历; common Chinese and English headers are recognised without it.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of level names and relation words.")
@click.pass_context
def roster(ctx, input_path, output, to, as_of, encoding, excel, columns, lang):
    """Answer for every person of a roster: equivalents, next steps, the earliest date for a target.

    INPUT is .csv, .xlsx or .jsonl ('-': CSV on stdin) with the columns holds (credentials separated
    by ';', each LEVEL[:YEARS|@DATE]), education, work_years and, optionally, target (also found
    under common headers such as 证书 / 持有, 学历, 工作年限, 目标, or named with --columns); other
    columns (id, name, …) are passed through. Which column was read as what is said on stderr.
    The output has every input row and column, in order, plus to:LADDER (per --to), next_steps,
    target_earliest, target_route and error. A row that cannot be processed keeps its place with
    the reason in error; the exit code is then 1, with a count on stderr. Cells that a spreadsheet
    would run as formulas are escaped. A file is written whole or not at all.

    \b
    Examples:
      equivalence roster staff.csv -o answers.xlsx --to 工程技术 --as-of 2026-12-01
      equivalence roster staff.xlsx --to 职称层级 --excel -o answers.csv
      equivalence roster staff.csv -o answers.jsonl   # for programs: see 'equivalence schema roster-record'
    """
    from .rostercolumns import parse_overrides
    from .rosterio import format_of, write_table
    from .rosterrun import CHUNK, answer_roster

    try:
        overrides = parse_overrides(columns)
    except ValueError as exc:
        raise click.BadParameter(error_said(exc), param_hint="'--columns'") from None
    fmt = format_of(output) if output else "csv"  # an unknown extension is an error before any work
    reg = registry(ctx)
    bar = None
    if sys.stderr.isatty():  # a bar for a roster of more than one batch, moved once per batch
        def progress(done, total):
            nonlocal bar
            if bar is None and total > CHUNK:
                bar = click.progressbar(length=total, label="roster", file=sys.stderr)
                bar.__enter__()
            if bar is not None:
                bar.update(done - bar.pos)
    else:
        progress = None
    try:
        answer = answer_roster(reg, input_path, to=to, as_of=_date(as_of), encoding=encoding, columns=overrides,
                               lang=lang, progress=progress, data=fmt == "jsonl")
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for note in answer.notes:
        click.echo(note, err=True)
    out, failed = answer.rows, answer.failed
    write_table(output, answer.header, out, excel=excel)
    if failed:
        click.echo("Error: " + rows_said("roster_rows_failed", answer.failed_rows, len(out), lang), err=True)
        ctx.exit(1)
