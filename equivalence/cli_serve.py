"""``equivalence serve``: the pages and the HTTP API (loaded only when run, see cli.LAZY_COMMANDS).

The web stack is the optional extra ``equivalence[web]``; it is imported here, inside the command,
so that no other command pays for it.
"""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only; 0.0.0.0 opens it to the network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.pass_context
def serve(ctx, host, port):
    """Serve the answers as web pages (zh, with English) and as a JSON API (/api/…, /openapi.json).

    --region and --layer apply as for every command; a page may also ask for a region.

    \b
    Example:
      equivalence serve            # then open http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from .web.app import create_app
    except ImportError as exc:
        raise click.ClickException(f"the web extra is not installed ({exc.name}): pip install 'equivalence[web]'") from None
    obj = ctx.find_root().obj
    app = create_app(mappings=obj["mappings"], region=obj["region"], layers=obj["layers"])
    click.echo(f"equivalence: serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("equivalence: other machines can reach this server, and it has no log-in: "
                   "keep it behind the network's own access control", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
