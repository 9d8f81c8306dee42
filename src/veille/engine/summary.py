"""The counts and problems of one run, for the end-of-run report and the runs table."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.records import Failure, Skipped


@dataclass
class RunSummary:
    """Counts and problems of one run, for the end-of-run report."""

    run_id: int | None = None
    n_read: int = 0
    n_processed: int = 0
    n_already: int = 0
    n_events: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    events_by_type: dict[str, int] = field(default_factory=dict)
    workers: int = 1
    ready_seconds: float = 0.0  # loading the models on the workers, included in `seconds`
    worker_peak_rss_mb: list[float] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The counts stored with the run."""
        return {"n_articles": self.n_processed, "n_events": self.n_events,
                "n_failures": len(self.failures), "n_skipped": len(self.skipped)}
