"""The Dask engine: batches of articles mapped on cluster workers that load the pipelines once; one writer here."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from veille.engine.batches import Batch
from veille.engine.local import run_batches
from veille.engine.ordered import ordered_results
from veille.engine.summary import RunSummary
from veille.pipeline import ArticleResult, Pipeline
from veille.records import Article
from veille.store import Store

PLUGIN_NAME = "veille-pipeline"


class PipelineLoader(WorkerPlugin):
    """Loads veille's spaCy pipelines and gazetteer once on every worker, as it joins the cluster."""

    name = PLUGIN_NAME

    def __init__(self) -> None:
        self.pipeline: Pipeline | None = None

    def setup(self, worker) -> None:
        self.pipeline = Pipeline()
        self.pipeline.warm_up()


def process_partition(articles: list[Article], batch_size: int = 16) -> list[ArticleResult]:
    """Task run on a worker: one partition of articles through the worker's loaded pipeline."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None or plugin.pipeline is None:
        raise RuntimeError("the veille pipeline plugin is not registered on this worker")
    return list(plugin.pipeline.process(articles, batch_size=batch_size))


def worker_peak_rss() -> float:
    """Peak resident memory of the worker process in MB."""
    from veille.engine.worker import peak_rss_mb

    return peak_rss_mb()


class DaskCluster:
    """Batch processor on a Dask cluster: the scheduler at `address`, or a LocalCluster of `workers` processes."""

    def __init__(self, address: str | None = None, workers: int = 2, batch_size: int = 16,
                 window: int | None = None):
        self.address = address
        self.workers = workers
        self.batch_size = batch_size
        self.window = window
        self.ready_seconds = 0.0
        self._cluster: LocalCluster | None = None
        self.client: Client | None = None

    def __enter__(self) -> DaskCluster:
        if self.client is not None:
            return self
        started = time.perf_counter()
        if self.address is None:
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=40)
            self.client = Client(self._cluster)
        else:
            self.client = Client(self.address)
        self.client.register_plugin(PipelineLoader())  # runs setup on every worker, now and as workers join
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))
        self.ready_seconds = time.perf_counter() - started
        return self

    def __exit__(self, *exc_info) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[ArticleResult]]]:
        def submit(batch: Batch):
            return self.client.submit(process_partition, batch.articles, self.batch_size, pure=False)

        yield from ordered_results(submit, batches, self.window or 2 * self.workers)

    def worker_peak_rss_mb(self) -> list[float]:
        return list(self.client.run(worker_peak_rss).values())


def run_on_dask(
    paths: Sequence[str],
    store: Store,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = 5_000_000,
    reprocess: bool = False,
    batch_size: int = 16,
    on_progress: Callable[[RunSummary, str], None] | None = None,
) -> RunSummary:
    """Process every article under paths on a Dask cluster into the store; this process is the one writer."""
    processor = DaskCluster(scheduler, workers, batch_size)
    return run_batches(paths, store, processor, outlet=outlet, published=published, max_bytes=max_bytes,
                       reprocess=reprocess, batch_size=batch_size, on_progress=on_progress,
                       arguments={"engine": "dask", "scheduler": scheduler})
