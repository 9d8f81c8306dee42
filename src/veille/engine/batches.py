"""Group a stream of read results into batches, passing read failures through, without accumulating."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from veille.records import Article, Failure


@dataclass
class Batch:
    """Consecutive read results: the articles to process and the read failures among them, in order."""

    items: list[Article | Failure] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [item for item in self.items if isinstance(item, Article)]


def batched(items: Iterable[Article | Failure], size: int) -> Iterator[Batch]:
    """Cut the stream into batches of `size` read results; only one batch is held at a time."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield Batch(chunk)


def merge_results(batch: Batch, results: list) -> Iterator:
    """The batch's items in input order: read failures as they were, articles replaced by their results."""
    found = iter(results)
    for item in batch.items:
        yield item if isinstance(item, Failure) else next(found)
