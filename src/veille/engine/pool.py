"""Batch processors for the local engine: in this process, or a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from veille.engine.batches import Batch
from veille.engine.ordered import ordered_results
from veille.engine.worker import adopt_pipeline, meet_other_workers, peak_rss_mb, process_articles, set_barrier
from veille.pipeline import Pipeline


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InProcess:
    """Process batches here, with the given (or a new) Pipeline."""

    def __init__(self, pipeline: Pipeline | None = None, batch_size: int = 16):
        self.pipeline = pipeline or Pipeline()
        self.batch_size = batch_size
        self.ready_seconds = 0.0
        self.workers = 1
        self._ready = False

    def __enter__(self) -> InProcess:
        if not self._ready:
            started = time.perf_counter()
            self.pipeline.warm_up()
            self.ready_seconds = time.perf_counter() - started
            self._ready = True
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list]]:
        for batch in batches:
            yield batch, list(self.pipeline.process(batch.articles, batch_size=self.batch_size))

    def worker_peak_rss_mb(self) -> list[float]:
        return [peak_rss_mb()]


class ProcessPool:
    """Process batches on `workers` processes with the models loaded once; results in input order.

    Given a loaded pipeline on Linux, workers are forked from this process and share its models'
    memory (start it before any thread, e.g. a progress display); otherwise they are spawned and
    each loads the models once.
    """

    def __init__(self, workers: int, batch_size: int = 16, window: int | None = None,
                 pipeline: Pipeline | None = None):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.batch_size = batch_size
        self.window = window or 2 * workers
        self.ready_seconds = 0.0
        self.pipeline = pipeline
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessPool:
        if self._executor is not None:
            return self
        started = time.perf_counter()
        if self.pipeline is not None and sys.platform.startswith("linux"):
            self.pipeline.warm_up()
            adopt_pipeline(self.pipeline)
            context, initializer = multiprocessing.get_context("fork"), set_barrier
        else:
            context, initializer = multiprocessing.get_context("spawn"), _initialise
        barrier = context.Barrier(self.workers)
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=initializer, initargs=(barrier,),
        )
        self._meet()  # starts every worker and waits for their models to load
        self.ready_seconds = time.perf_counter() - started
        return self

    def __exit__(self, *exc_info) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _meet(self) -> list[tuple[int, float]]:
        futures = [self._executor.submit(meet_other_workers) for _ in range(self.workers)]
        return [future.result() for future in futures]

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list]]:
        def submit(batch: Batch):
            return self._executor.submit(process_articles, batch.articles, self.batch_size)

        yield from ordered_results(submit, batches, self.window)

    def worker_peak_rss_mb(self) -> list[float]:
        """Peak resident memory of each worker, asked of each one."""
        return [rss for _, rss in self._meet()]


def _initialise(barrier) -> None:
    from veille.engine.worker import load_worker_pipeline

    load_worker_pipeline(barrier)
