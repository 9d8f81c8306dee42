"""`veille export`: stored events as ACLED CSV, PLOVER JSON, GeoJSON, Parquet or JSON Lines, filtered."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from veille.cli.app import app

err = Console(stderr=True)


class ExportFormat(str, Enum):
    acled = "acled"
    plover = "plover"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


def _day(value: str | None, name: str):
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{name}: expected a date such as 2024-03-11, got {value!r}") from None


@app.command()
def export(
    db: Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql://...).")] = "veille.db",
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.acled,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    date_from: Annotated[Optional[str], typer.Option(help="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[Optional[str], typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    bbox: Annotated[Optional[str], typer.Option(help="west,south,east,north in degrees.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(help="Country name or ISO alpha-3 (repeatable).")] = None,
    admin1: Annotated[Optional[list[str]], typer.Option(help="Admin-1 region (repeatable).")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option(help="ACLED event type (repeatable).")] = None,
    sub_event_type: Annotated[Optional[list[str]], typer.Option(help="ACLED sub-event type (repeatable).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Part of an actor's name.")] = None,
    outlet: Annotated[Optional[list[str]], typer.Option(help="Publishing outlet (repeatable).")] = None,
    q: Annotated[Optional[str], typer.Option("--q", help="Free text over place, actors, sources, titles.")] = None,
) -> None:
    """Write the stored events, filtered like the API, as ACLED CSV, PLOVER JSON, GeoJSON, Parquet or JSONL."""
    from veille.export.select import filtered_events
    from veille.store import Store
    from veille.web.filters import FilterError, make_filters

    if not Path(db).exists() and "://" not in db:
        err.print(f"[red]no database at {db}[/red]")
        raise typer.Exit(2)
    if export_format is ExportFormat.parquet and output is None:
        err.print("[red]Parquet is binary: give a file with -o[/red]")
        raise typer.Exit(2)
    try:
        filters = make_filters(date_from=_day(date_from, "--date-from"), date_to=_day(date_to, "--date-to"),
                               bbox=bbox, country=country, admin1=admin1, event_type=event_type,
                               sub_event_type=sub_event_type, actor=actor, outlet=outlet, q=q)
    except FilterError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    with Store(db) as store:
        events = list(filtered_events(store, filters))
        articles = store.articles_by_id({e.article_id for e in events})
    count = _write(export_format, events, articles, output)
    err.print(f"{count} events written" + (f" to {output}" if output else ""))


def _write(export_format: ExportFormat, events, articles, output: Path | None) -> int:
    from veille.export.acled import write_acled_csv
    from veille.export.geojson import write_geojson
    from veille.export.jsonl import write_events_jsonl
    from veille.export.parquet import write_parquet
    from veille.export.plover import write_plover_json

    if export_format is ExportFormat.parquet:
        return write_parquet(events, articles, output)
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if export_format is ExportFormat.acled:
            return write_acled_csv(events, articles, handle)
        if export_format is ExportFormat.plover:
            return write_plover_json(events, articles, handle)
        if export_format is ExportFormat.geojson:
            return write_geojson(events, articles, handle)
        return write_events_jsonl(events, handle, articles)
    finally:
        if output:
            handle.close()
