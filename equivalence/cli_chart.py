"""``equivalence chart``: the ladders side by side, aligned on the title tiers, with the rules drawn
between them (loaded only when run; see LAZY_COMMANDS in :mod:`equivalence.cli`)."""

from __future__ import annotations

import click

from .cli import registry


@click.command()
@click.argument("ladders", nargs=-1, metavar="[LADDER]...")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Write the chart here: .svg or .html (a page with the chart and a legend).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of names and labels.")
@click.option("--include-derived", is_flag=True, help="Also draw comparisons no document states (derived).")
@click.pass_context
def chart(ctx, ladders, output, lang, include_derived):
    """Draw LADDERs side by side (default: 工勤技能岗位, 职业技能等级, 工程技术, 职称层级, 专业技术岗位),
    levels at the height of the title tier the rules tie them to, and the rules between them
    (line style by kind).

    \b
    Examples:
      equivalence chart -o chart.html
      equivalence chart 职业技能等级 职称层级 工程技术 -o chart.svg --lang en
    """
    from .atomic import write_text
    from .chart import file_text, ladder_chart, output_format

    fmt = output_format(output)
    reg = registry(ctx)
    svg = ladder_chart(reg, list(ladders) or None, lang=lang, include_derived=include_derived)
    names = [getattr(reg.ladder(n), lang) for n in ladders] if ladders else None
    title = ("等级对应关系图" if lang == "zh" else "Equivalence chart") + (": " + " · ".join(names) if names else "")
    write_text(output, file_text(svg, fmt, title=title, lang=lang))
    click.echo(("已写入 " if lang == "zh" else "wrote ") + output, err=True)
