"""Build the Failure records the readers yield for bad input."""

from __future__ import annotations

from veille.records import Failure

READ_STAGE = "read"


def read_failure(
    source: str, message: str, *, detail: str | None = None, article_id: str | None = None
) -> Failure:
    """Return a Failure of the read stage for one input (a file, a line of a file, or stdin)."""
    return Failure(article_id=article_id, source=source, stage=READ_STAGE, message=message, detail=detail)
