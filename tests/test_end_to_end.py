"""End to end over the bundled sample corpus: events, evidence spans, expected events, language skips."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import report_metric
from veille.pipeline import Pipeline
from veille.records import Article, Event
from veille.resources import resource_path
from veille.sources import read_sources

SAMPLE = resource_path("sample", "articles")


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


@lru_cache(maxsize=1)
def _sample_results():
    articles = [a for a in read_sources([str(SAMPLE)]) if isinstance(a, Article)]
    return list(_pipeline().process(articles))


def _evidence_problems(article: Article, event: Event) -> list[str]:
    """Spans that do not match the text, and filled fields that have no span."""
    problems = []
    spans = dict(event.evidence)
    for name in ("actor1", "actor2"):
        actor = getattr(event, name)
        if actor is not None:
            if actor.mention is None or name not in event.evidence:
                problems.append(f"{name} without evidence")
            else:
                spans[f"{name}.mention"] = actor.mention
    if event.location is not None:
        if "location" not in event.evidence or event.location.mention is None:
            problems.append("location without evidence")
        else:
            spans["location.mention"] = event.location.mention
    for name in ("fatalities", "injured", "arrested"):
        if getattr(event, name) is not None and name not in event.evidence:
            problems.append(f"{name} without evidence")
    if event.time_precision == 1 and "event_date" not in event.evidence:
        problems.append("day-precise date without evidence")
    for link in event.claim.chain[1:]:
        if link.mention is None:
            problems.append(f"source {link.name} without evidence")
        else:
            spans[f"claim:{link.name}"] = link.mention
    for name, span in spans.items():
        if article.text[span.start : span.end] != span.text:
            problems.append(f"{name}: {span.text!r} != text[{span.start}:{span.end}]")
    return problems


def test_every_sample_article_is_processed_without_failure():
    results = _sample_results()
    assert len(results) >= 16
    assert [r.failure for r in results if r.failure] == []
    assert sum(1 for r in results if r.events) >= len(results) - 1


def test_evidence_spans_match_article_text_over_sample_corpus():
    problems = [
        (r.article.source_path, p) for r in _sample_results() for e in r.events for p in _evidence_problems(r.article, e)
    ]
    assert problems == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=15),
    prefix=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
    blank_lines=st.integers(min_value=0, max_value=3),
)
def test_evidence_spans_hold_when_text_shifts(index, prefix, blank_lines):
    """Property: whatever comes before an article's text, evidence offsets still point at their words."""
    article = _sample_results()[index].article
    shifted = article.model_copy(update={"text": prefix + "\n" * blank_lines + "\n" + article.text, "id": "shifted"})
    (result,) = list(_pipeline().process([shifted]))
    assert result.failure is None
    for event in result.events:
        assert _evidence_problems(shifted, event) == []


def _expected() -> dict:
    with resource_path("sample", "expected.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_sample_corpus_matches_most_expected_events(capsys):
    """A loose check against the hand-coded expectations: type, date and place of each expected event."""
    results = {r.article.source_path.rsplit("/", 1)[-1]: r for r in _sample_results()}
    expected = _expected()
    total = typed = dated = placed = 0
    for name, events in expected.items():
        if not isinstance(events, list):
            continue
        predicted = results[name].events
        for gold in events:
            total += 1
            same_type = [e for e in predicted if e.sub_event_type == gold["sub_event_type"]]
            typed += bool(same_type)
            dated += any(str(e.event_date) == str(gold["event_date"]) for e in same_type)
            placed += any(e.location and e.location.geonameid == gold.get("geonameid") for e in predicted)
    report_metric(f"sample corpus: {total} expected events; type found {typed}, with date {dated}, place found {placed}")
    assert typed / total >= 0.85
    assert dated / total >= 0.8
    assert placed / total >= 0.8


def test_unsupported_language_is_skipped_with_detected_language():
    german = Article(id="de-1", text="Die Armee hat am Montag die Stadt angegriffen. Mehrere Menschen wurden "
                                     "dabei getötet, teilte das Ministerium in einer Erklärung mit.")
    (result,) = list(_pipeline().process([german]))
    assert result.skipped is not None and result.skipped.language == "de"
    assert result.events == []
