"""Write an event's ACLED `notes`: the sentence of the article that reports it, or its evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.records import Article, Event, Span
from veille.resources import load_yaml

EVIDENCE_JOINER = " ... "


@lru_cache(maxsize=1)
def _sentence_boundary() -> re.Pattern[str]:
    """A line break, or a sentence-ending character followed by whitespace or the end."""
    ends = load_yaml("acled_columns.yaml")["notes"]["sentence_ends"]
    return re.compile(rf"\n|[{re.escape(ends)}](?=\s|$)")


def _max_chars() -> int:
    return int(load_yaml("acled_columns.yaml")["notes"]["max_chars"])


def _anchor_spans(event: Event) -> list[Span]:
    """The trigger when known, else every evidence span."""
    if event.trigger is not None:
        return [event.trigger]
    return list(event.evidence.values())


def _spans_match(text: str, spans: list[Span]) -> bool:
    return all(
        0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text for span in spans
    )


def sentence_around(text: str, start: int, end: int, max_chars: int) -> str:
    """Return the sentence(s) of `text` covering [start, end), whitespace folded, cut to max_chars."""
    left = 0
    for boundary in _sentence_boundary().finditer(text, 0, start):
        left = boundary.end()
    following = _sentence_boundary().search(text, max(end, start))
    right = following.end() if following else len(text)
    if right - left > max_chars:
        left = max(left, min(start, (start + end) // 2 - max_chars // 2))
        right = min(right, left + max_chars)
    return " ".join(text[left:right].split())


def event_notes(event: Event, article: Article | None) -> str:
    """Return the trigger sentence from the article, or the evidence texts when the article is missing."""
    spans = _anchor_spans(event)
    if not spans:
        return ""
    if article is not None and _spans_match(article.text, spans):
        start = min(span.start for span in spans)
        end = max(span.end for span in spans)
        return sentence_around(article.text, start, end, _max_chars())
    texts = [" ".join(span.text.split()) for span in sorted(spans, key=lambda span: span.start)]
    return EVIDENCE_JOINER.join(dict.fromkeys(text for text in texts if text))
