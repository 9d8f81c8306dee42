"""Benchmark: veille's full pipeline against a bare spaCy parse of the same texts, in one run.

Prints articles/s for each and the ratio veille/bare (1.0 = veille costs nothing on top of the parse).
The throughput issue replaces this with bench/throughput.py (SQLite writes, workers, RSS).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from veille.nlp import load_pipeline
from veille.pipeline import Pipeline
from veille.records import Article
from veille.resources import resource_path
from veille.sources import read_sources


def sample_articles(copies: int) -> list[Article]:
    """The bundled sample corpus repeated `copies` times, with distinct ids."""
    base = [a for a in read_sources([str(resource_path("sample", "articles"))]) if isinstance(a, Article)]
    return [a.model_copy(update={"id": f"{a.id}-{n}"}) for n in range(copies) for a in base]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="times the sample corpus is repeated")
    args = parser.parse_args()
    articles = sample_articles(args.copies)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline()
    pipeline.warm_up()
    pipeline.process(articles[:4])  # warm caches before timing

    started = time.perf_counter()
    for language in ("fr", "en"):
        texts = [a.text for a in articles if a.language == language]
        for _ in load_pipeline(language).pipe(texts, batch_size=16):
            pass
    bare = time.perf_counter() - started

    started = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.process(articles))
    full = time.perf_counter() - started

    print(f"articles={len(articles)} words={words} events={n_events}")
    print(f"bare nlp.pipe: {len(articles) / bare:8.1f} articles/s {words / bare:9.0f} words/s")
    print(f"veille extract: {len(articles) / full:8.1f} articles/s {words / full:9.0f} words/s")
    print(f"ratio={bare / full:.2f}")


if __name__ == "__main__":
    main()
