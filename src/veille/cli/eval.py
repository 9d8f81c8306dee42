"""`veille eval acled|plover|popcorn`: score the pipeline against gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from veille.cli.app import app

eval_app = typer.Typer(help="Score veille against gold sets (ACLED CSV, PLOVER records, POPCORN JSON).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

GoldArg = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The gold file.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Write the metrics as JSON to this file.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="Score at most this many rows.")]
ErrorsOpt = Annotated[int, typer.Option("--errors", help="Print this many misses with gold and prediction.")]


def _write_json(path: Path | None, metrics: dict) -> None:
    if path is not None:
        path.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        err.print(f"metrics written to {path}")


@eval_app.command("acled")
def eval_acled(
    gold: GoldArg,
    region: Annotated[str | None, typer.Option("--region", help='ACLED region, e.g. "Middle East".')] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country name or ISO3 code.")] = None,
    limit: LimitOpt = None,
    json_out: JsonOpt = None,
    show_confusion: Annotated[bool, typer.Option("--confusion", help="Print the sub-event confusions.")] = False,
    errors: ErrorsOpt = 0,
    error_field: Annotated[str, typer.Option("--error-field", help="Field whose misses --errors shows: "
                           "sub_event_type, event_type, actor1, actor2, fatalities, date, loc25, admin1.")]
    = "sub_event_type",
    model: Annotated[Path | None, typer.Option(
        "--model", help="Model from `veille train`: score it in place of the default coder.")] = None,
    predicted: Annotated[Path | None, typer.Option(
        "--predicted", help="Score this ACLED-format CSV (e.g. a `veille export`) against the gold rows instead "
        "of running the pipeline; rows pair by event_id_cnty, else by position.")] = None,
) -> None:
    """Run the pipeline on each row's notes and score its main event against the row."""
    from veille.evaluate.acled_gold import AcledFormatError, read_acled_csv, select_rows
    from veille.evaluate.acled_run import DepthRecordingPipeline, run_acled

    try:
        rows = select_rows(read_acled_csv(gold), region=region, country=country, limit=limit)
    except (AcledFormatError, UnicodeDecodeError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if not rows:
        err.print("[red]no rows match the selection[/red]")
        raise typer.Exit(2)
    if predicted is not None:
        from veille.evaluate.acled_predicted import outcomes_from_predictions

        try:
            predicted_rows = list(read_acled_csv(predicted))
        except (AcledFormatError, UnicodeDecodeError, OSError) as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
        _report_acled(outcomes_from_predictions(rows, predicted_rows), region, country, show_confusion, errors,
                      error_field, json_out)
        return
    coder = None
    if model is not None:
        from veille.train.apply import ModelCoder

        try:
            coder = ModelCoder.load(model)
        except (OSError, ValueError) as exc:
            err.print(f"[red]cannot load model {model}: {exc}[/red]")
            raise typer.Exit(2) from None
    pipeline = DepthRecordingPipeline(languages=("en",), model=coder)
    pipeline.warm_up()
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(f"coding {len(rows)} notes", total=len(rows))
        outcomes = run_acled(rows, pipeline, progress=lambda k: progress.advance(task, k))
    _report_acled(outcomes, region, country, show_confusion, errors, error_field, json_out)


def _report_acled(outcomes, region, country, show_confusion, errors, error_field, json_out) -> None:
    """Print the metric table (and confusions, misses) and write the JSON."""
    from veille.evaluate.acled_report import confusion_table, metrics_table, print_errors
    from veille.evaluate.acled_score import acled_metrics, per_label_f1

    metrics = acled_metrics(outcomes)
    label = ", ".join(x for x in (region, country) if x) or "all regions"
    out.print(metrics_table(metrics, f"ACLED evaluation ({label}, {metrics['n']} rows)"))
    if show_confusion:
        out.print(confusion_table(outcomes))
    if errors:
        print_errors(out, outcomes, errors, error_field)
    pairs = [(o.gold.sub_event_type, o.predicted.sub_event_type if o.predicted else None) for o in outcomes]
    metrics["sub_event_type_f1"] = per_label_f1(pairs)
    _write_json(json_out, metrics)


@eval_app.command("plover")
def eval_plover(
    gold: GoldArg,
    json_out: JsonOpt = None,
    show_confusion: Annotated[bool, typer.Option("--confusion", help="Print the type confusions.")] = False,
    errors: ErrorsOpt = 0,
) -> None:
    """Score the PLOVER type (and actor countries) of each gold sentence's main event."""
    from rich.table import Table

    from veille.coding.taxonomy import plover_types
    from veille.evaluate.plover import plover_confusion, plover_metrics, read_plover, run_plover

    try:
        records = read_plover(gold)
    except (ValueError, UnicodeDecodeError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    pairs = run_plover(records)
    metrics = plover_metrics(pairs, set(plover_types()))
    _print_flat(metrics, f"PLOVER evaluation ({metrics['n']} sentences)")
    if show_confusion:
        table = Table(title="PLOVER type confusions (gold -> predicted)")
        for column in ("gold", "predicted", "n"):
            table.add_column(column)
        for (g, p), count in plover_confusion(pairs).most_common():
            table.add_row(g, p, str(count), style="green" if g == p else None)
        out.print(table)
    for g, e in [(g, e) for g, e in pairs if e is None or e.plover_type != g.event][:errors]:
        out.print(f"[bold]{g.event}[/bold] -> {e.plover_type if e else '-'} "
                  f"({e.trigger.text if e and e.trigger else 'no trigger'}): {g.text}", markup=False)
    metrics["confusion"] = {f"{g} -> {p}": n for (g, p), n in plover_confusion(pairs).most_common()}
    _write_json(json_out, metrics)


@eval_app.command("popcorn")
def eval_popcorn(gold: GoldArg, json_out: JsonOpt = None, limit: LimitOpt = None) -> None:
    """Score French event detection by type, death counts and dates on POPCORN texts."""
    from rich.table import Table

    from veille.evaluate.popcorn import popcorn_metrics, read_popcorn, run_popcorn

    try:
        records = read_popcorn(gold)[:limit] if limit else read_popcorn(gold)
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    metrics = popcorn_metrics(run_popcorn(records))
    table = Table(title=f"POPCORN event detection by type ({metrics['n']} texts)")
    for column in ("type", "support", "predicted", "precision", "recall", "f1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for label, row in metrics["by_type"].items():
        table.add_row(label, *(str(row[k]) for k in ("support", "predicted", "precision", "recall", "f1")))
    out.print(table)
    _print_flat({k: v for k, v in metrics.items() if k != "by_type"}, "POPCORN summary")
    _write_json(json_out, metrics)


def _print_flat(metrics: dict, title: str) -> None:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        if not isinstance(value, dict):
            table.add_row(key, "-" if value is None else str(value))
    out.print(table)
