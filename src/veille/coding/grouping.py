"""Group triggers into event candidates (one per happening per sentence) and attach mentions to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from veille.extract.mentions import Mention, TriggerMention
from veille.resources import load_yaml

FAR = 1000


@dataclass
class EventCandidate:
    """Triggers judged to announce one event, with the sentence they stand in."""

    triggers: list[TriggerMention]
    sentence: tuple[int, int]  # token range
    anchor: TriggerMention = field(init=False)

    def __post_init__(self) -> None:
        self.anchor = min(self.triggers, key=lambda t: _specificity(t.concept))

    @property
    def concept(self) -> str:
        return self.anchor.concept


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, int]]:
    table = {}
    for group, concepts in load_yaml("concepts.yaml").get("merge_groups", {}).items():
        for rank, concept in enumerate(concepts):
            table[concept] = (group, rank)
    return table


def _specificity(concept: str) -> int:
    return _groups().get(concept, (concept, 0))[1]


def _group_key(concept: str) -> str:
    return _groups().get(concept, (concept, 0))[0]


def group_triggers(doc: Doc, triggers: list[TriggerMention]) -> list[EventCandidate]:
    """One candidate per merge group (or lone concept) per sentence."""
    candidates: list[EventCandidate] = []
    for sent in doc.sents:
        in_sentence = [t for t in triggers if sent.start <= t.token_start < sent.end]
        by_group: dict[str, list[TriggerMention]] = {}
        for trigger in in_sentence:
            by_group.setdefault(_group_key(trigger.concept), []).append(trigger)
        for group in by_group.values():
            candidates.append(EventCandidate(group, (sent.start, sent.end)))
    return candidates


def dependency_distance(doc: Doc, a: int, b: int) -> int:
    """Number of arcs between tokens a and b in the parse (FAR when they are not connected)."""
    ancestors_a = {a: 0}
    token, steps = doc[a], 0
    while token.head.i != token.i and steps < 12:
        token, steps = token.head, steps + 1
        ancestors_a[token.i] = steps
    token, steps = doc[b], 0
    while True:
        if token.i in ancestors_a:
            return ancestors_a[token.i] + steps
        if token.head.i == token.i or steps >= 12:
            return FAR
        token, steps = token.head, steps + 1


def mention_distance(doc: Doc, mention: Mention, candidate: EventCandidate) -> int:
    """How far a mention is from an event candidate: parse arcs, then tokens, as a tie-breaker."""
    anchor = candidate.anchor.head
    arcs = min(dependency_distance(doc, i, anchor) for i in range(mention.token_start, mention.token_end))
    tokens = min(abs(mention.token_start - anchor), abs(mention.token_end - 1 - anchor))
    return min(arcs * 3, FAR) + tokens


def assign_to_candidates(doc: Doc, mentions: list, candidates: list[EventCandidate]) -> dict[int, list]:
    """Give each mention to the nearest candidate of its sentence; returns candidate index -> mentions."""
    assigned: dict[int, list] = {}
    for mention in mentions:
        options = [
            (mention_distance(doc, mention, c), i)
            for i, c in enumerate(candidates)
            if c.sentence[0] <= mention.token_start < c.sentence[1]
        ]
        if options:
            assigned.setdefault(min(options)[1], []).append(mention)
    return assigned
