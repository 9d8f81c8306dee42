"""Language-independent features of one coded event: what veille's own extraction found around it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from veille.coding.taxonomy import VIOLENT_TYPES
from veille.extract.lexicon_match import compiled_lexicon
from veille.extract.mentions import ArticleMentions
from veille.records import Event

CONTEXT_CHARS = 400  # about one ACLED note: the event's sentence and what follows it in its paragraph


@dataclass(frozen=True)
class EventContext:
    """The text around one event and the token range it covers, the unit a trained model codes."""

    text: str
    token_start: int
    token_end: int


def event_context(doc: Doc, event: Event | None) -> EventContext:
    """The event's sentence and the following ones of its paragraph, up to CONTEXT_CHARS; no event: the whole doc."""
    if event is None or event.trigger is None or not len(doc):
        return EventContext(doc.text, 0, len(doc))
    sentences = list(doc.sents)
    index = next((n for n, s in enumerate(sentences) if s.start_char <= event.trigger.start < s.end_char), 0)
    first = last = sentences[index]
    for sent in sentences[index + 1:]:
        between = doc.text[last.end_char:sent.start_char]
        if "\n" in between or sent.end_char - first.start_char > CONTEXT_CHARS:
            break
        last = sent
    return EventContext(doc.text[first.start_char:last.end_char], first.start, last.end)


def _bucket(count: int | None) -> str:
    if count is None:
        return "none"
    if count <= 0:
        return "0"
    if count == 1:
        return "1"
    return "2-5" if count <= 5 else "6-20" if count <= 20 else "21+"


def extraction_features(
    doc: Doc, language: str, mentions: ArticleMentions | None, event: Event | None, context: EventContext
) -> dict[str, float]:
    """Named features of an event from the default coder's output and the lexicon cues of its context."""
    features: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        features[name] = features.get(name, 0.0) + value

    start, end = context.token_start, context.token_end
    if event is None:
        add("event=none")
    else:
        add(f"default_sub={event.sub_event_type}")
        add(f"default_type={event.event_type}")
        add(f"modality={event.modality}")
        add(f"attribution={event.claim.attribution}")
        add(f"hedged={event.claim.hedged}")
        for slot, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
            add(f"{slot}_inter={actor.inter if actor else 'none'}")
        add(f"interaction={event.interaction}")
        for kind in ("fatalities", "injured", "arrested"):
            add(f"{kind}={_bucket(getattr(event, kind))}")
        if event.location is not None:
            add(f"geo_precision={event.location.geo_precision}")
    if mentions is not None:
        for trigger in mentions.triggers:
            if start <= trigger.token_start < end:
                add(f"concept={trigger.concept}")
                if event is not None and event.trigger and trigger.start == event.trigger.start:
                    add(f"anchor={trigger.concept}")
        for actor in mentions.actors:
            if start <= actor.token_start < end:
                add(f"actor_inter={actor.inter}")
                if actor.role_hint:
                    add(f"actor_role={actor.role_hint}")
        for quantity in mentions.quantities:
            if start <= quantity.token_start < end:
                add(f"count_{quantity.kind}={_bucket(quantity.value)}")
    for section, prefix in (("instruments", "instrument"), ("protest_cues", "protest_cue")):
        for hit in compiled_lexicon(language, "triggers", section).find(doc, start, end):
            add(f"{prefix}={hit.label}")
    if compiled_lexicon(language, "triggers", "targets_civilian").find(doc, start, end):
        add("civilian_words")
    return features


def main_event(events: list[Event]) -> Event | None:
    """The event a one-event record (an ACLED note) is about: the first asserted violent one, else the first."""
    for event in events:
        if event.modality == "asserted" and event.event_type in VIOLENT_TYPES:
            return event
    return events[0] if events else None
