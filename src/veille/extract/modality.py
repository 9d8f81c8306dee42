"""Modality of an event trigger: asserted, negated, future or hypothetical, with the cue words."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.extract.lexicon_match import compiled_lexicon
from veille.extract.mentions import TriggerMention

WINDOW_BEFORE = 4  # cue words this many tokens before the trigger count ("will attack", "menace de lancer")
HEAD_LEVELS = 2  # and cue words on the trigger's path to the root, this many levels up


def _governors(token: Token, levels: int) -> list[Token]:
    found = []
    while levels > 0 and token.head.i != token.i:
        token = token.head
        found.append(token)
        levels -= 1
    return found


def _in_date(token: Token) -> bool:
    """A capitalised cue word inside a date ("4 May 2020") or a number next to it."""
    if token.ent_type_ == "DATE":
        return True
    neighbours = [token.nbor(k) for k in (-1, 1) if 0 <= token.i + k < len(token.doc)]
    return token.text[:1].isupper() and token.i > token.sent.start and any(n.like_num for n in neighbours)


def trigger_modality(doc: Doc, trigger: TriggerMention, language: str) -> tuple[str, tuple[int, int] | None]:
    """Return the modality of an event and the token range of the cue that decided it (None if asserted)."""
    head = doc[trigger.head]
    sent = head.sent
    scope = {trigger.head, *range(trigger.token_start, trigger.token_end)}
    scope.update(t.i for t in _governors(head, HEAD_LEVELS))
    nearby = set(range(max(sent.start, trigger.token_start - WINDOW_BEFORE), trigger.token_start))
    trigger_tokens = set(range(trigger.token_start, trigger.token_end))
    for hit in compiled_lexicon(language, "modality", "negation").find(doc, sent.start, sent.end):
        cue_token = doc[hit.token_start]
        if (cue_token.head.i in scope or cue_token.i in nearby) and hit.token_start not in scope:
            return "negated", (hit.token_start, hit.token_end)
    found = []  # the nearest future or hypothetical cue decides: "warned that they could attack"
    for modality in ("future", "hypothetical"):
        for hit in compiled_lexicon(language, "modality", modality).find(doc, sent.start, sent.end):
            if _in_date(doc[hit.token_start]):  # "On 4 May 2020" is not the modal "may"
                continue
            if hit.token_start in nearby or hit.token_start in scope - trigger_tokens:
                found.append((abs(trigger.token_start - hit.token_start), modality, (hit.token_start, hit.token_end)))
    if found:
        _, modality, cue = min(found)
        return modality, cue
    if "Fut" in head.morph.get("Tense"):
        return "future", (head.i, head.i + 1)
    return "asserted", None
