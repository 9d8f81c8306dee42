"""Run batches on workers with a bounded number in flight, yielding results in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class FutureLike(Protocol):
    """What both concurrent.futures and dask.distributed futures offer."""

    def result(self, timeout: float | None = None) -> Any: ...


def ordered_results(submit: Callable[[T], FutureLike], batches: Iterable[T], window: int) -> Iterator[tuple[T, Any]]:
    """Submit batches as workers free up, at most `window` in flight; yield (batch, result) in input order.

    The window keeps memory constant on any input size: reading stops while `window` batches wait.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    pending: deque[tuple[T, FutureLike]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()
