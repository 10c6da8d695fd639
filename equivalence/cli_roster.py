"""``equivalence roster``: the answers for a whole roster (loaded on demand, see cli.LAZY_COMMANDS)."""

from __future__ import annotations

import sys

import click

from .cli import _date, registry

CHUNK = 2000  # rows per batch: the progress bar moves once per batch


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (.csv, .xlsx or .jsonl; default: CSV on stdout).")
@click.option("--to", "to", multiple=True, metavar="LADDER",
              help="Add a column of what each person's credentials relate to on LADDER (repeatable).")
@click.option("--as-of", "as_of", help="Plan from this date (YYYY-MM-DD; default today).")
@click.option("--encoding", help="Encoding of a CSV or JSON Lines INPUT (default: UTF-8, or GBK when detected).")
@click.option("--excel", is_flag=True, help="CSV for Excel: a byte-order mark and CRLF line ends.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of level names and relation words.")
@click.pass_context
def roster(ctx, input_path, output, to, as_of, encoding, excel, lang):
    """Answer for every person of a roster: equivalents, next steps, the earliest date for a target.

    INPUT is .csv, .xlsx or .jsonl ('-': CSV on stdin) with the columns holds (credentials separated
    by ';', each LEVEL[:YEARS|@DATE]), education, work_years and, optionally, target; other columns
    (id, name, …) are passed through. The output has every input row and column, in order, plus
    to:LADDER (per --to), next_steps, target_earliest, target_route and error. A row that cannot be
    processed keeps its place with the reason in error; the exit code is then 1, with a count on
    stderr. Cells that a spreadsheet would run as formulas are escaped.

    \b
    Examples:
      equivalence roster staff.csv -o answers.xlsx --to 工程技术 --as-of 2026-12-01
      equivalence roster staff.xlsx --to 职称层级 --excel -o answers.csv
    """
    from .roster import Roster
    from .rosterio import read_table, write_table, format_of

    if output:
        format_of(output)  # an unknown extension is an error before any work
    reg = registry(ctx)
    engine = Roster(reg, to=to, as_of=_date(as_of), lang=lang)
    table = read_table(input_path, encoding)
    if table.rows and "holds" not in table.header and not table.problems:
        raise click.ClickException(f"{input_path} has no 'holds' column (columns: {', '.join(table.header)})")
    rows = table.rows
    out: list[dict] = []
    batches = range(0, len(rows), CHUNK)
    if sys.stderr.isatty() and len(rows) > CHUNK:
        with click.progressbar(length=len(rows), label="roster", file=sys.stderr) as bar:
            for i in batches:
                out.extend(engine.process(rows[i:i + CHUNK]))
                bar.update(min(CHUNK, len(rows) - i))
    else:
        for i in batches:
            out.extend(engine.process(rows[i:i + CHUNK]))
    for i, why in table.problems.items():
        out[i] = {**{c: "" for c in engine.added}, **rows[i], "error": why}
    header = engine.columns(table.header)
    write_table(output, header, out, excel=excel)
    failed = sum(1 for r in out if r["error"])
    if failed:
        click.echo(f"Error: {failed} of {len(out)} row{'s' if len(out) != 1 else ''} could not be processed "
                   f"(see the error column)", err=True)
        ctx.exit(1)
