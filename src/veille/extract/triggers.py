"""Event triggers: words and phrases from the language's trigger lexicon, mapped to concepts."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.coding.taxonomy import VIOLENT_TYPES, event_type_of
from veille.extract.lexicon_match import compiled_lexicon, fold, folded_words
from veille.extract.mentions import TriggerMention
from veille.resources import load_yaml



def concept_table() -> dict[str, dict]:
    """The language-independent concept table of resources/concepts.yaml."""
    return load_yaml("concepts.yaml")["concepts"]


def _head_of(doc: Doc, start: int, end: int) -> int:
    """The token of doc[start:end] whose syntactic head lies outside the span (the phrase head)."""
    for i in range(start, end):
        head = doc[i].head.i
        if head == i or head < start or head >= end:
            return i
    return start


def _is_the_target(span, violent_tokens: set[int], armed_targets: frozenset[str]) -> bool:
    """A force word ("checkpoint", "convoy") that a violent verb hits ("attacked a checkpoint", "fired on a
    convoy") is that violence's target, not a deployment of its own."""
    if fold(span.text) not in armed_targets and fold(span.root.text) not in armed_targets:
        return False
    token = span.root
    governor = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "obj", "pobj", "obl") and governor.i in violent_tokens


def find_trigger_mentions(doc: Doc, language: str) -> list[TriggerMention]:
    """Return the event triggers of a Doc, sorted by position, each with its default sub-event type."""
    concepts = concept_table()
    verb_only = folded_words(language, "triggers", "verb_only")  # count only as verbs ("fired", not "a fire")
    modifiers = folded_words(language, "triggers", "not_as_modifier")  # victims, not events ("kidnapped men")
    armed_targets = folded_words(language, "triggers", "targets_armed")  # a checkpoint, a convoy, a patrol
    hits = compiled_lexicon(language, "triggers", "triggers").find(doc)
    hits_violence = {i for hit in hits if event_type_of(concepts[hit.label]["sub_event_type"]) in VIOLENT_TYPES
                     for i in range(hit.token_start, hit.token_end)}
    mentions = []
    for hit in hits:
        span = doc[hit.token_start : hit.token_end]
        if all(t.pos_ == "PROPN" for t in span):  # "Raid" as part of a name, "Assault" in a title
            continue
        if len(span) == 1 and fold(hit.entry) in verb_only and span[0].pos_ not in {"VERB", "AUX"}:
            continue
        if len(span) == 1 and fold(span.text) in modifiers and (span[0].dep_ == "amod" or span[0].pos_ == "NOUN"):
            continue
        if _is_the_target(span, hits_violence, armed_targets):
            continue
        mentions.append(
            TriggerMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                token_start=hit.token_start,
                token_end=hit.token_end,
                sub_event_type=concepts[hit.label]["sub_event_type"],
                concept=hit.label,
                head=_head_of(doc, hit.token_start, hit.token_end),
            )
        )
    return mentions
