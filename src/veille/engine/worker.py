"""What runs inside a worker process: one Pipeline loaded once, batches of articles in, results out."""

from __future__ import annotations

import os
import resource
import sys

from veille.pipeline import ArticleResult, Pipeline
from veille.records import Article

_pipeline: Pipeline | None = None
_barrier = None


def load_worker_pipeline(barrier=None) -> None:
    """Process-pool initializer: load the spaCy pipelines and the gazetteer once for this worker."""
    global _pipeline, _barrier
    _barrier = barrier
    _pipeline = Pipeline()
    _pipeline.warm_up()


def adopt_pipeline(pipeline: Pipeline) -> None:
    """Use an already loaded pipeline: forked workers inherit it from the parent, sharing its memory."""
    global _pipeline
    _pipeline = pipeline


def set_barrier(barrier) -> None:
    """Pool initializer of forked workers: the pipeline came with the fork, only the barrier is new."""
    global _barrier
    _barrier = barrier


def process_articles(articles: list[Article], batch_size: int = 16) -> list[ArticleResult]:
    """Process one batch with this worker's pipeline (loaded on first use when no initializer ran)."""
    if _pipeline is None:
        load_worker_pipeline()
    return list(_pipeline.process(articles, batch_size=batch_size))


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def meet_other_workers(timeout: float = 600.0) -> tuple[int, float]:
    """Wait until every worker runs this task (so each answers once); return (pid, peak RSS MB)."""
    if _barrier is not None:
        _barrier.wait(timeout)
    return os.getpid(), peak_rss_mb()
