"""Run veille's pipeline over coded rows and keep, for each, the model input and the default coder's main event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.extract.mentions import ArticleMentions
from veille.pipeline import Pipeline
from veille.records import Article, Event
from veille.train.apply import event_examples
from veille.train.data import CodedRow
from veille.train.features import main_event
from veille.train.model import Example


@dataclass
class CollectedRow:
    """A coded row as seen through veille: the model input and the default coder's main event (if any)."""

    row: CodedRow
    example: Example | None
    default_event: Event | None
    failure: str | None = None


class _Recorder:
    """A Pipeline hook that keeps each article's model input and leaves the events untouched."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[Example, Event | None]] = {}

    def recode(self, article: Article, doc: Doc, language: str, mentions: ArticleMentions, events: list[Event]):
        event = main_event(events)
        self.seen[article.id] = (event_examples(doc, language, mentions, [event])[0], event)
        return events


def collect_rows(
    rows: list[CodedRow], language: str | None = None, pipeline: Pipeline | None = None,
    on_progress: Callable[[int], None] | None = None, batch_size: int = 64,
) -> list[CollectedRow]:
    """Each row's text run as an article published at the row's date; language given or identified."""
    recorder = _Recorder()
    pipeline = pipeline or Pipeline()
    previous_model, pipeline.model = pipeline.model, recorder
    articles = [Article(id=f"row-{row.line}", text=row.text, language=language, published=row.published)
                for row in rows]
    collected = []
    try:
        for row, result in zip(rows, pipeline.process(articles, batch_size=batch_size)):
            example, event = recorder.seen.pop(result.article.id, (None, None))
            reason = result.failure.message if result.failure else result.skipped.reason if result.skipped else None
            collected.append(CollectedRow(row, example, event, reason))
            if on_progress:
                on_progress(1)
    finally:
        pipeline.model = previous_model
    return collected
