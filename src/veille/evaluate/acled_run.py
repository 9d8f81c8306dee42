"""Run the pipeline over ACLED gold rows: each note is an English article published at the row's time."""

from __future__ import annotations

from collections.abc import Callable

from veille.evaluate.acled_gold import AcledGold
from veille.evaluate.acled_score import RowOutcome
from veille.evaluate.main_event import main_event
from veille.evaluate.shared_notes import pair_shared_notes, place_copies
from veille.pipeline import Pipeline
from veille.records import Article, text_id

BATCH_SIZE = 64


def gold_article(gold: AcledGold) -> Article:
    """The article a gold row stands for: its note, in English, published when ACLED uploaded it by the
    outlets the row names as its sources."""
    return Article(id=f"{gold.event_id}:{text_id(gold.notes)[:12]}", text=gold.notes, published=gold.published,
                   language="en", outlet=gold.source or "ACLED", source_path=f"row {gold.row}")


class DepthRecordingPipeline(Pipeline):
    """The pipeline, also noting how deep in its sentence's parse each event's trigger sits."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.trigger_depth: dict[str, int] = {}

    def code_doc(self, article, doc, language):
        events = super().code_doc(article, doc, language)
        for event in events:
            span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            self.trigger_depth[event.id] = len(list(span.root.ancestors)) if span is not None else 99
        return events


def run_acled(rows: list[AcledGold], pipeline: Pipeline | None = None,
              progress: Callable[[int], None] | None = None) -> list[RowOutcome]:
    """Code every row's note and keep its main event (see veille.evaluate.main_event); rows sharing a note
    are paired one to one with that event's copies at the note's places (see veille.evaluate.shared_notes)."""
    pipeline = pipeline or DepthRecordingPipeline(languages=("en",))
    depth = getattr(pipeline, "trigger_depth", None)
    outcomes, copies = [], []
    articles = (gold_article(gold) for gold in rows)
    for gold, result in zip(rows, pipeline.process(articles, batch_size=BATCH_SIZE)):
        failure = result.failure.message if result.failure else None
        main = main_event(result.events, gold.notes, depth.get if depth is not None else None)
        outcomes.append(RowOutcome(gold, main, len(result.events), failure))
        copies.append(place_copies(main, result.events))
        if progress:
            progress(1)
    return pair_shared_notes(outcomes, copies)
