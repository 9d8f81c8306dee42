"""The one writer of a run: results into the store in input order, processed articles committed in batches."""

from __future__ import annotations

from veille.engine.summary import RunSummary
from veille.pipeline import ArticleResult
from veille.records import Article, Event, Failure
from veille.store import Store


class ResultWriter:
    """Stores results and counts them; processed articles wait in a small buffer for one transaction."""

    def __init__(self, store: Store, summary: RunSummary, commit_every: int = 64):
        self.store = store
        self.summary = summary
        self.commit_every = commit_every
        self._buffer: list[tuple[Article, list[Event]]] = []

    def record(self, result: ArticleResult | Failure) -> str:
        """Store one result (or buffer it) and count it; returns a label for the progress display."""
        summary = self.summary
        if isinstance(result, Failure):
            self.store.save_failure(result, summary.run_id)
            summary.failures.append(result)
            return result.source
        article = result.article
        for note in result.notes:  # saved before the article: a crash between the two repeats a note, loses none
            self.store.save_failure(note, summary.run_id)
        if result.failure is not None:
            self.flush()  # keep the store's order of articles the input's order
            self.store.save_failure(result.failure, summary.run_id, article)
            summary.failures.append(result.failure)
        elif result.skipped is not None:
            self.flush()
            self.store.save_skipped(result.skipped, article, summary.run_id)
            summary.skipped.append(result.skipped)
        else:
            self._buffer.append((article, result.events))
            if len(self._buffer) >= self.commit_every:
                self.flush()
            summary.n_processed += 1
            summary.n_events += len(result.events)
            for event in result.events:
                summary.events_by_type[event.sub_event_type] = summary.events_by_type.get(event.sub_event_type, 0) + 1
        return article.source_path or article.id

    def flush(self) -> None:
        """Write the buffered articles and their events in one transaction."""
        if self._buffer:
            self.store.save_many(self._buffer)
            self._buffer = []
