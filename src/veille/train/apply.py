"""Recode the default coder's events with a trained model: types, PLOVER fields and calibrated confidence."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.coding.taxonomy import event_type_of, plover_of
from veille.extract.mentions import ArticleMentions
from veille.records import Article, Event
from veille.train.encoder import embed_texts
from veille.train.features import event_context, extraction_features
from veille.train.model import Example, TrainedCoder


def event_examples(
    doc: Doc, language: str, mentions: ArticleMentions | None, events: list[Event | None], use_encoder: bool = False
) -> list[Example]:
    """One model input per event (None: the whole document, for a record where nothing was coded)."""
    contexts = [event_context(doc, event) for event in events]
    examples = [
        Example(context.text, extraction_features(doc, language, mentions, event, context), language)
        for event, context in zip(events, contexts)
    ]
    if use_encoder and examples:
        for example, vector in zip(examples, embed_texts([e.text for e in examples])):
            example.embedding = vector
    return examples


def _recoded(event: Event, predictions: dict) -> Event:
    update: dict = {}
    sub = predictions.get("sub_event_type")
    kind = predictions.get("event_type")
    if sub is not None:
        update["sub_event_type"] = sub.label
        update["confidence"] = round(sub.confidence, 3)
        try:
            update["event_type"] = event_type_of(sub.label)
            update["plover_type"], update["plover_mode"] = plover_of(sub.label)
        except KeyError:  # a taxonomy of the user's own: no PLOVER mapping is known for it
            update["plover_type"] = update["plover_mode"] = None
            if kind is not None:
                update["event_type"] = kind.label
    elif kind is not None:
        update["event_type"] = kind.label
        update["confidence"] = round(kind.confidence, 3)
    return event.model_copy(update=update)


def apply_model(
    model: TrainedCoder, article: Article, doc: Doc, language: str, mentions: ArticleMentions | None,
    events: list[Event],
) -> list[Event]:
    """The events with event_type, sub_event_type, PLOVER fields and confidence replaced by the model's."""
    del article  # the model codes from the parse and the events; kept in the signature for coders that need it
    if not events:
        return events
    examples = event_examples(doc, language, mentions, list(events), model.use_encoder)
    by_column = {c: model.predict(examples, c) for c in model.label_columns}
    return [_recoded(event, {c: by_column[c][i] for c in by_column}) for i, event in enumerate(events)]


class ModelCoder:
    """The hook Pipeline calls after the default coder (Pipeline(model=ModelCoder.load(path)))."""

    def __init__(self, model: TrainedCoder):
        self.model = model

    @classmethod
    def load(cls, path) -> "ModelCoder":
        """A coder from a model file written by `veille train`."""
        from veille.train.model import load_model

        return cls(load_model(path))

    def recode(
        self, article: Article, doc: Doc, language: str, mentions: ArticleMentions | None, events: list[Event]
    ) -> list[Event]:
        """Replace the default coder's types and confidence with the trained model's."""
        return apply_model(self.model, article, doc, language, mentions, events)


def model_pipeline(path, **options):
    """A Pipeline whose events are recoded by the model file at `path` (for `veille eval --model`)."""
    from veille.pipeline import Pipeline

    return Pipeline(model=ModelCoder.load(path), **options)
