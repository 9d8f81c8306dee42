"""Core commands of the `veille` command line: extract, run, demo, failures, version (export: cli/exports.py)."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from veille import __version__
from veille.report import events_table, print_run_summary

from veille.cli.app import app

out = Console()
err = Console(stderr=True)

DEFAULT_DB = "veille.db"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"
    acled = "acled"


class EngineKind(str, Enum):
    local = "local"
    dask = "dask"


def _parse_published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected an ISO date such as 2020-01-20, got {value!r}") from None


PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for standard input.")]
RunPathsArg = Annotated[list[str] | None, typer.Argument(
    help="Files, folders, globs, archives, http(s) URLs, or - for standard input.")]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date (ISO) for articles that give none.")
]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet name for articles that give none.")]
DbOpt = Annotated[str, typer.Option("--db", help="SQLite file (or database URL) to write to.")]
ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="Model from `veille train`: recodes event types in place of the default.")
]


def _pipeline(model: Path | None):
    from veille.pipeline import Pipeline

    if model is None:
        return Pipeline()
    from veille.train.apply import ModelCoder

    try:
        return Pipeline(model=ModelCoder.load(model))
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None


def _sample_articles() -> Path:
    from veille.resources import resource_path

    return resource_path("sample", "articles")


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    model: ModelOpt = None,
) -> None:
    """Print the events of articles: JSON Lines (default), a table, or ACLED CSV. Nothing is stored."""
    from veille.engine.local import process_stream
    from veille.export.acled import write_acled_csv
    from veille.records import Failure
    from veille.resolve.output import write_resolved_jsonl
    from veille.sources import read_sources

    pipeline = _pipeline(model)
    events, articles, failures, skipped = [], {}, [], []
    for result in process_stream(read_sources(paths, outlet=outlet, published=_parse_published(published)), pipeline):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        articles[result.article.id] = result.article
        if result.failure:
            failures.append(result.failure)
        elif result.skipped:
            skipped.append(result.skipped)
        events.extend(result.events)
    if output_format is OutputFormat.jsonl:
        write_resolved_jsonl(events, sys.stdout, articles)
    elif output_format is OutputFormat.acled:
        write_acled_csv(events, articles, sys.stdout)
    else:
        out.print(events_table(events, title=f"{len(events)} events from {len(articles)} articles"))
    for failure in failures:
        err.print(f"[red]failed[/red] {failure.source} ({failure.stage}): {failure.message}")
    for item in skipped:
        err.print(f"[yellow]skipped[/yellow] {item.source}: {item.reason}")


@app.command()
def run(
    paths: RunPathsArg = None,
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    reprocess: Annotated[bool, typer.Option(help="Process again articles already in the database.")] = False,
    max_bytes: Annotated[int, typer.Option(
        help="Refuse input files (JSON Lines: lines) larger than this many bytes.")] = 5_000_000,
    csv_columns: Annotated[str | None, typer.Option(
        help="CSV columns of the article fields, e.g. 'text=body,published=date'.")] = None,
    retry_failures: Annotated[bool, typer.Option(
        help="Also retry the failed articles and input files recorded in the database.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Worker processes; the models are loaded once (default: all cores).")] = None,
    engine: Annotated[EngineKind, typer.Option(help="local processes, or a Dask cluster.")] = EngineKind.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a local cluster of --workers workers.")] = None,
    model: ModelOpt = None,
) -> None:
    """Process articles into the database, with a progress bar and an end-of-run summary."""
    from veille.sources.tabular import parse_column_map

    if not paths and not retry_failures:
        raise typer.BadParameter("give at least one input, or --retry-failures", param_hint="PATHS")
    if scheduler and engine is not EngineKind.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    paths = paths or []
    try:
        columns = parse_column_map(csv_columns)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--csv-columns") from None
    summary = _run_with_progress(paths, db, _parse_published(published), outlet, reprocess, max_bytes,
                                 csv_columns=columns, retry_failures=retry_failures,
                                 workers=workers, engine=engine, scheduler=scheduler, model=model)
    print_run_summary(out, summary, db)


def _run_with_progress(paths, db, published, outlet, reprocess, max_bytes, csv_columns=None, retry_failures=False,
                       workers=None, engine=EngineKind.local, scheduler=None, model=None):
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from veille.engine.local import local_processor, run_batches
    from veille.engine.pool import default_workers
    from veille.store import Store

    workers = workers or default_workers()
    if engine is EngineKind.dask:
        from veille.engine.dask_runner import DaskCluster

        processor = DaskCluster(scheduler, workers)
    else:
        pipeline = _pipeline(model)
        with err.status("Loading language pipelines and gazetteer..."):
            pipeline.warm_up()
        processor = local_processor(workers, pipeline)
    # Workers start before the progress display's thread: forked workers share the loaded models.
    with Store(db) as store, processor, Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(bar_width=None),
        TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), console=err, transient=True,
    ) as progress:
        task = progress.add_task("articles", total=None, counts="")

        def on_progress(summary, label: str) -> None:
            counts = (f"{summary.n_processed} done, {summary.n_events} events, "
                      f"{len(summary.failures)} failed, {len(summary.skipped)} skipped")
            progress.update(task, advance=1, counts=counts, description=Path(label).name[:40] or "articles")

        retried = []
        if retry_failures:
            from veille.sources.retry import failed_articles, failed_inputs

            paths, retried = [*paths, *failed_inputs(store)], failed_articles(store)
        return run_batches(paths, store, processor, outlet=outlet, published=published, max_bytes=max_bytes,
                           reprocess=reprocess, on_progress=on_progress, csv_columns=csv_columns,
                           extra_articles=retried,
                           arguments={"engine": engine.value, "workers": workers, "scheduler": scheduler})


@app.command()
def demo(db: DbOpt = "veille-demo.db") -> None:
    """Run the bundled sample corpus (French and English wire reports) and show what came out."""
    from veille.store import Store

    summary = _run_with_progress([str(_sample_articles())], db, None, None, False, 5_000_000)
    print_run_summary(out, summary, db)
    with Store(db) as store:
        out.print(events_table(store.events(), title="Events in " + db))


@app.command()
def failures(db: DbOpt = DEFAULT_DB) -> None:
    """List the inputs and articles that failed, with the stage and the reason."""
    from rich.table import Table

    from veille.store import Store

    if not Path(db).exists() and "://" not in db:
        err.print(f"[red]no database at {db}[/red]")
        raise typer.Exit(2)
    with Store(db) as store:
        rows = store.failures()
    table = Table(title=f"{len(rows)} failures in {db}")
    for column in ("source", "stage", "message"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.source, row.stage, row.message)
    out.print(table)


@app.command()
def version() -> None:
    """Print veille's version."""
    out.print(__version__)

