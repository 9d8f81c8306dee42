"""`veille eval geo`: score the geoparser on a GeoWebNews or LGL-style gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from veille.cli.app import app
from veille.cli.eval import eval_app


def eval_geo_command(gold: Path, given_spans: bool = False, json_out: Path | None = None) -> dict:
    """Read the gold set, score it in the chosen mode, print a table and optionally write JSON."""
    from veille.evaluate.geo import evaluate_geo
    from veille.evaluate.geo_readers import GoldFormatError, read_geo_gold
    from veille.geo.gazetteer import default_gazetteer

    console = Console(stderr=True)
    try:
        articles = read_geo_gold(gold)
    except GoldFormatError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    metrics = evaluate_geo(articles, default_gazetteer(), given_spans)
    metrics["gold"] = str(gold)
    table = Table(title=f"geoparsing on {gold.name} ({metrics['mode']})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        if key != "gold":
            table.add_row(key, str(value))
    Console().print(table)
    if json_out is not None:
        json_out.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return metrics


@eval_app.command("geo")
def eval_geo(
    gold: Annotated[Path, typer.Argument(help="GeoWebNews or LGL/TR-News/GeoVirus XML file.")],
    given_spans: Annotated[bool, typer.Option("--given-spans", help="Resolve the gold toponym spans.")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the metrics to this JSON file.")] = None,
) -> None:
    """Geoparsing accuracy within 161 km (and precision/recall when detecting)."""
    eval_geo_command(gold, given_spans, json_out)
