"""Cue-word look-ups in the token ranges around an event candidate (sentence, paragraph, before the trigger)."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.extract.lexicon_match import LexiconHit, compiled_lexicon


def cue_hits(doc: Doc, language: str, section: str, start: int, end: int) -> list[LexiconHit]:
    """Hits of the `section` cue list of the language's triggers.yaml in doc[start:end]."""
    return compiled_lexicon(language, "triggers", section).find(doc, start, end)


def has_cue(doc: Doc, language: str, section: str, start: int, end: int) -> bool:
    """Whether doc[start:end] holds a word of the `section` cue list."""
    return bool(cue_hits(doc, language, section, start, end))


def paragraph_end(doc: Doc, token_end: int) -> int:
    """Token index where the paragraph holding token `token_end - 1` ends."""
    for i in range(token_end, len(doc)):
        if "\n" in doc[i].text:
            return i
    return len(doc)


def paragraph_start(doc: Doc, token_start: int) -> int:
    """Token index where the paragraph holding token `token_start` begins."""
    for i in range(token_start - 1, -1, -1):
        if "\n" in doc[i].text:
            return i + 1
    return 0

