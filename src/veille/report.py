"""Rich renderings for the terminal: the events table and the end-of-run summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from veille.records import Event


def _actor(actor) -> str:
    return actor.name if actor else ""


def events_table(events: list[Event], title: str = "Events") -> Table:
    """A table of events, one row each, with the claim chain."""
    table = Table(title=title, show_lines=False)
    for column in ("date", "event", "actor1", "actor2", "location", "deaths", "who says so"):
        table.add_column(column, overflow="fold", no_wrap=column == "date")
    for event in events:
        place = event.location
        where = f"{place.name} ({place.iso3 or '?'})" if place else ""
        kind = event.sub_event_type
        if event.modality != "asserted":
            kind += f" [{event.modality}]"
        chain = " -> ".join(source.name for source in event.claim.chain)
        if event.claim.hedged:
            chain += f" (hedged: {event.claim.hedge.text})" if event.claim.hedge else " (hedged)"
        table.add_row(
            str(event.event_date or ""),
            kind,
            _actor(event.actor1),
            _actor(event.actor2),
            where,
            "" if event.fatalities is None else str(event.fatalities),
            chain,
        )
    return table


def print_run_summary(console: Console, summary, db: str) -> None:
    """Print the end-of-run summary: counts, events by type, and every failure with its reason."""
    table = Table(title=f"Run {summary.run_id} into {db} ({summary.seconds:.1f} s)", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles read", str(summary.n_read))
    table.add_row("articles processed", str(summary.n_processed))
    table.add_row("already in the database", str(summary.n_already))
    table.add_row("events", str(summary.n_events))
    table.add_row("skipped (unsupported language)", str(len(summary.skipped)))
    table.add_row("failed", str(len(summary.failures)))
    console.print(table)
    if summary.events_by_type:
        by_type = Table(title="Events by sub-event type")
        by_type.add_column("sub-event type")
        by_type.add_column("events", justify="right")
        for name, count in Counter(summary.events_by_type).most_common():
            by_type.add_row(name, str(count))
        console.print(by_type)
    if summary.skipped:
        skipped = Table(title="Skipped")
        skipped.add_column("source", overflow="fold")
        skipped.add_column("reason")
        for item in summary.skipped:
            skipped.add_row(item.source, item.reason)
        console.print(skipped)
    if summary.failures:
        failed = Table(title="Failures")
        for column in ("source", "stage", "reason"):
            failed.add_column(column, overflow="fold")
        for failure in summary.failures:
            failed.add_row(failure.source, failure.stage, failure.message)
        console.print(failed)
