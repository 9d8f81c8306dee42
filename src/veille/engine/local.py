"""Local runner: read sources, process articles in batches, store results, count what happened."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, islice

from veille.dedupe import link_near_duplicates
from veille.pipeline import ArticleResult, Pipeline
from veille.records import Article, Failure, Skipped
from veille.resolve.store import resolve_store
from veille.sources import read_sources
from veille.store import Store


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

    def counts(self) -> dict[str, int]:
        """The counts stored with the run."""
        return {"n_articles": self.n_processed, "n_events": self.n_events,
                "n_failures": len(self.failures), "n_skipped": len(self.skipped)}


def process_stream(
    items: Iterable[Article | Failure], pipeline: Pipeline, batch_size: int = 16
) -> Iterator[ArticleResult | Failure]:
    """Run the pipeline over a stream of read results, passing read failures through in order."""
    iterator = iter(items)
    while chunk := list(islice(iterator, batch_size)):
        articles = [item for item in chunk if isinstance(item, Article)]
        results = iter(pipeline.process(articles, batch_size=batch_size))
        for item in chunk:
            yield item if isinstance(item, Failure) else next(results)


def run_to_store(
    paths: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    *,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = 5_000_000,
    reprocess: bool = False,
    batch_size: int = 16,
    on_progress: Callable[[RunSummary, str], None] | None = None,
    csv_columns: dict[str, str] | None = None,
    extra_articles: Iterable[Article] = (),
) -> RunSummary:
    """Process every article under paths into the store; articles already stored are skipped unless reprocess."""
    summary = RunSummary()
    started = time.perf_counter()
    summary.run_id = store.start_run({"paths": list(paths), "outlet": outlet, "published": published,
                                      "reprocess": reprocess})

    def fresh() -> Iterator[Article | Failure]:
        read = read_sources(paths, outlet=outlet, published=published, max_bytes=max_bytes, csv_columns=csv_columns)
        for item in chain(extra_articles, read):
            if isinstance(item, Article):
                summary.n_read += 1
                if not reprocess and store.has_article(item.id):
                    summary.n_already += 1
                    if on_progress:
                        on_progress(summary, item.source_path or item.id)
                    continue
            yield item

    for result in process_stream(fresh(), pipeline, batch_size):
        label = _record(result, store, summary)
        if on_progress:
            on_progress(summary, label)
    link_near_duplicates(store)  # idempotent: a rerun after a crash links what the crashed run did not
    resolve_store(store)
    summary.seconds = time.perf_counter() - started
    store.finish_run(summary.run_id, summary.counts())
    return summary


def _record(result: ArticleResult | Failure, store: Store, summary: RunSummary) -> str:
    """Store one result and count it; returns a label for the progress display."""
    if isinstance(result, Failure):
        store.save_failure(result, summary.run_id)
        summary.failures.append(result)
        return result.source
    article = result.article
    for note in result.notes:  # saved before the article: a crash between the two repeats a note, loses none
        store.save_failure(note, summary.run_id)
    if result.failure is not None:
        store.save_failure(result.failure, summary.run_id, article)
        summary.failures.append(result.failure)
    elif result.skipped is not None:
        store.save_skipped(result.skipped, article, summary.run_id)
        summary.skipped.append(result.skipped)
    else:
        store.save_article_events(article, result.events)
        summary.n_processed += 1
        summary.n_events += len(result.events)
        for event in result.events:
            summary.events_by_type[event.sub_event_type] = summary.events_by_type.get(event.sub_event_type, 0) + 1
    return article.source_path or article.id
