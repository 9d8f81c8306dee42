"""Incident commands: `veille resolve` (link stored events into incidents) and `veille eval incidents`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from veille.cli.app import app
from veille.cli.eval import eval_app

out = Console()
err = Console(stderr=True)


def _require_db(db: str) -> None:
    if not Path(db).exists() and "://" not in db:
        err.print(f"[red]no database at {db}[/red]")
        raise typer.Exit(2)


@app.command()
def resolve(
    db: Annotated[str, typer.Option("--db", help="SQLite file (or database URL) to resolve.")] = "veille.db",
    show: Annotated[int, typer.Option(help="How many multi-report incidents to list.")] = 10,
) -> None:
    """Link the stored events that report one happening into incidents, and summarise them."""
    from veille.resolve.store import resolve_store
    from veille.store import Store

    _require_db(db)
    with Store(db) as store:
        found = resolve_store(store)
    merged = [incident for incident in found if len(incident.event_ids) > 1]
    n_events = sum(len(incident.event_ids) for incident in found)
    out.print(f"{n_events} events -> {len(found)} incidents ({len(merged)} from more than one event) in {db}")
    table = Table(title="Incidents with the most reports")
    for column in ("date", "type", "place", "reports", "independent", "disagreements"):
        table.add_column(column, overflow="fold")
    for incident in sorted(merged, key=lambda i: (-i.n_reports, -len(i.event_ids)))[:show]:
        table.add_row(
            str(incident.event_date or ""), incident.sub_event_type,
            incident.location.name if incident.location else "", str(incident.n_reports),
            str(incident.n_independent_sources),
            "; ".join(f"{d.field}: " + " vs ".join(str(v.value) for v in d.values) for d in incident.disagreements),
        )
    if merged:
        out.print(table)


@eval_app.command("incidents")
def eval_incidents(
    corpus: Annotated[
        Path | None, typer.Argument(help="Folder of articles with a gold.yaml (default: the bundled set).")
    ] = None,
) -> None:
    """Score incident resolution on a gold set: pairwise and B-cubed precision, recall, F1 by language."""
    from veille.evaluate.incidents import evaluate_incident_set

    try:
        scores = evaluate_incident_set(corpus)
    except (ValueError, FileNotFoundError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    table = Table(title="Incident resolution")
    for column in ("subset", "articles", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1"):
        table.add_column(column)
    for name, score in scores.items():
        table.add_row(name, str(score["n"]), *(f"{score[k]:.3f}" for k in
                      ("pairwise_precision", "pairwise_recall", "pairwise_f1",
                       "bcubed_precision", "bcubed_recall", "bcubed_f1")))
    out.print(table)


@eval_app.command("overmerge")
def eval_overmerge(
    acled_csv: Annotated[Path, typer.Argument(help="An ACLED CSV export (every row a distinct event).")],
    db: Annotated[str, typer.Option("--db", help="Database to run the notes into.")] = "acled-overmerge.db",
    region: Annotated[str, typer.Option(help="ACLED region to keep ('' for all).")] = "Middle East",
    examples: Annotated[int, typer.Option(help="Merged groups of rows to print.")] = 5,
) -> None:
    """Run an ACLED file's notes through `veille run` and report the share of rows merged with another."""
    import tempfile

    from veille.engine.local import run_to_store
    from veille.evaluate.overmerge import overmerge_report, write_notes_jsonl
    from veille.pipeline import Pipeline
    from veille.store import Store

    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "notes.jsonl"
        with notes.open("w", encoding="utf-8") as handle:
            n_rows = write_notes_jsonl(acled_csv, handle, region or None)
        with Store(db) as store:
            run_to_store([str(notes)], store, Pipeline())
            found = store.incidents()
            articles = store.articles_by_id({a for incident in found for a in incident.article_ids})
    report = overmerge_report(found, examples)
    out.print(f"{n_rows} ACLED rows, {report.n_rows_with_events} with events; "
              f"{report.n_rows_merged} merged with another row ({report.rate:.1%}) "
              f"in {report.n_incidents_multi_row} incidents")
    for incident in report.examples:
        out.print(f"[bold]{incident.event_date} {incident.sub_event_type} at "
                  f"{incident.location.name if incident.location else '?'}[/bold]")
        for article_id in incident.article_ids:
            out.print(f"  {article_id}: {articles[article_id].text[:300]}")
