"""Refine an event's ACLED sub-event type from instruments, targets and actor kinds in its sentence."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.coding.grouping import EventCandidate
from veille.extract.lexicon_match import compiled_lexicon
from veille.extract.triggers import concept_table
from veille.records import Actor
from veille.resources import load_yaml

CIVILIAN_INTER = 7
STATE_INTER = 1
VIOLENT_TARGETED = {"attack", "kill", "injure", "clash", "fire"}
RECIPROCAL_OVERRIDES = {"shelling", "fire", "attack"}
CROWD_INTERS = {5, 6, 7}


def refine_sub_event_type(
    doc: Doc, candidate: EventCandidate, actor1: Actor | None, actor2: Actor | None, language: str
) -> str:
    """The concept's default sub-event type, changed by the cues its `refine` rules allow."""
    concept = concept_table()[candidate.concept]
    sub_event_type = concept["sub_event_type"]
    concepts = {t.concept for t in candidate.triggers}
    if "clash" in concepts and candidate.concept in RECIPROCAL_OVERRIDES:
        return "Armed clash"  # "exchanged artillery fire", "shelling exchange": two sides fighting
    crowd = {a.inter for a in (actor1, actor2) if a is not None} & CROWD_INTERS
    if candidate.concept == "clash" and crowd:
        return "Violent demonstration"  # a crowd, not an armed group, fought the police or troops
    rules = concept.get("refine", [])
    start, end = candidate.sentence
    tables = load_yaml("concepts.yaml")
    if "instrument" in rules:
        hits = compiled_lexicon(language, "triggers", "instruments").find(doc, start, end)
        if hits:
            nearest = min(hits, key=lambda h: abs(h.token_start - candidate.anchor.head))
            return tables["instruments"][nearest.label]
    if "target" in rules and candidate.concept in VIOLENT_TARGETED:
        civilian_target = actor2 is not None and actor2.inter == CIVILIAN_INTER
        civilian_words = compiled_lexicon(language, "triggers", "targets_civilian").find(doc, start, end)
        armed_both = actor1 is not None and actor2 is not None and actor2.inter not in (CIVILIAN_INTER, None)
        if civilian_target or (civilian_words and not armed_both):
            return "Attack"
        if armed_both:
            return "Armed clash"
        if actor2 is not None and actor2.inter not in (CIVILIAN_INTER,):
            return "Armed clash"
    if "protest" in rules:  # what the police did is often told in the next sentence of the paragraph
        hits = compiled_lexicon(language, "triggers", "protest_cues").find(doc, start, _paragraph_end(doc, end))
        if hits:
            return tables["protest_cues"][hits[0].label]
    if "territory" in rules and actor1 is not None and actor1.inter == STATE_INTER:
        return "Government regains territory"
    return sub_event_type


def _paragraph_end(doc: Doc, token_end: int) -> int:
    """Token index where the paragraph holding token `token_end - 1` ends."""
    for i in range(token_end, len(doc)):
        if "\n" in doc[i].text:
            return i
    return len(doc)
