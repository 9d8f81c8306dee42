"""Local runner: read sources, process articles in batches (here or on worker processes), store results."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import chain
from typing import Protocol

from veille.dedupe import link_near_duplicates

from veille.engine.batches import Batch, batched, merge_results
from veille.engine.pool import InProcess, ProcessPool
from veille.engine.summary import RunSummary
from veille.engine.writer import ResultWriter
from veille.pipeline import ArticleResult, Pipeline
from veille.records import Article, Failure
from veille.resolve.store import resolve_store
from veille.sources import read_sources
from veille.store import Store

__all__ = ["RunSummary", "process_stream", "run_to_store", "run_batches"]


class BatchProcessor(Protocol):
    """Where batches are processed: this process, a process pool, a Dask cluster."""

    workers: int
    ready_seconds: float

    def __enter__(self) -> BatchProcessor: ...

    def __exit__(self, *exc_info) -> None: ...

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[ArticleResult]]]: ...

    def worker_peak_rss_mb(self) -> list[float]: ...


def process_stream(
    items: Iterable[Article | Failure], pipeline: Pipeline, batch_size: int = 16
) -> Iterator[ArticleResult | Failure]:
    """Run the pipeline over a stream of read results, passing read failures through in order."""
    for batch in batched(items, batch_size):
        yield from merge_results(batch, list(pipeline.process(batch.articles, batch_size=batch_size)))


def run_to_store(
    paths: Sequence[str],
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = 5_000_000,
    reprocess: bool = False,
    batch_size: int = 16,
    workers: int = 1,
    on_progress: Callable[[RunSummary, str], None] | None = None,
    csv_columns: dict[str, str] | None = None,
    extra_articles: Iterable[Article] = (),
) -> RunSummary:
    """Process every article under paths into the store; articles already stored are skipped unless reprocess.

    workers=1 processes here with `pipeline`; more start that many processes, each with the models loaded once.
    """
    processor = local_processor(workers, pipeline, batch_size)
    return run_batches(paths, store, processor, outlet=outlet, published=published, max_bytes=max_bytes,
                       reprocess=reprocess, batch_size=batch_size, on_progress=on_progress,
                       csv_columns=csv_columns, extra_articles=extra_articles)


def local_processor(workers: int, pipeline: Pipeline | None = None, batch_size: int = 16) -> BatchProcessor:
    """This process for one worker, else a pool (forked from `pipeline` when given, see ProcessPool)."""
    return InProcess(pipeline, batch_size) if workers <= 1 else ProcessPool(workers, batch_size, pipeline=pipeline)


def run_batches(
    paths: Sequence[str],
    store: Store,
    processor: BatchProcessor,
    *,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = 5_000_000,
    reprocess: bool = False,
    batch_size: int = 16,
    on_progress: Callable[[RunSummary, str], None] | None = None,
    csv_columns: dict[str, str] | None = None,
    extra_articles: Iterable[Article] = (),
    arguments: dict | None = None,
) -> RunSummary:
    """Stream the inputs through the processor in batches; this process alone writes to the store."""
    summary = RunSummary(workers=processor.workers)
    started = time.perf_counter()
    summary.run_id = store.start_run({"paths": list(paths), "outlet": outlet, "published": published,
                                      "reprocess": reprocess, **(arguments or {})})
    in_flight: set[str] = set()  # read but not yet written: a repeat of one of them is not processed twice

    def fresh() -> Iterator[Article | Failure]:
        read = read_sources(paths, outlet=outlet, published=published, max_bytes=max_bytes, csv_columns=csv_columns)
        for item in chain(extra_articles, read):
            if isinstance(item, Article):
                summary.n_read += 1
                if item.id in in_flight or (not reprocess and store.has_article(item.id)):
                    summary.n_already += 1
                    if on_progress:
                        on_progress(summary, item.source_path or item.id)
                    continue
                in_flight.add(item.id)
            yield item

    writer = ResultWriter(store, summary)
    with processor:
        summary.ready_seconds = processor.ready_seconds
        for batch, results in processor.map(batched(fresh(), batch_size)):
            for result in merge_results(batch, results):
                label = writer.record(result)
                if on_progress:
                    on_progress(summary, label)
            writer.flush()
            in_flight.difference_update(article.id for article in batch.articles)
        summary.worker_peak_rss_mb = processor.worker_peak_rss_mb()
    link_near_duplicates(store)  # idempotent: a rerun after a crash links what the crashed run did not
    resolve_store(store)
    summary.seconds = time.perf_counter() - started
    store.finish_run(summary.run_id, summary.counts())
    return summary
