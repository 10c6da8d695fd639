"""``equivalence export``: the whole graph for other tools (loaded on demand, see cli.LAZY_COMMANDS)."""

from __future__ import annotations

import click

from .cli import registry
from .export import FORMATS


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json (reads back with equivalence.export.graph_from_json), graphml, dot (Graphviz) "
                   "or mermaid.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to this file (default: stdout).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the labels of dot and mermaid pictures.")
@click.pass_context
def export(ctx, fmt, output, lang):
    """Write the whole graph: ladders, levels, and every rule with its kind, conditions and sources.

    \b
    Examples:
      equivalence export --format json -o graph.json
      equivalence export --format graphml -o graph.graphml
      equivalence export --format dot | dot -Tsvg > graph.svg
      equivalence export --format mermaid --lang en
    """
    from .atomic import write_text
    from .export import export_text

    text = export_text(registry(ctx), fmt, lang)
    if output and output != "-":
        write_text(output, text)  # whole or not at all; an error is one line
    else:
        click.echo(text, nl=False)
