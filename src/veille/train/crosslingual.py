"""Cross-lingual check of a trained coder: the bundled sample corpus and POPCORN (French), default coder alongside."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from veille.pipeline import Pipeline
from veille.records import Article, Event
from veille.resources import load_yaml, resource_path
from veille.train.apply import ModelCoder
from veille.train.features import main_event


class _BothCoders:
    """A Pipeline hook that keeps the default coder's events and the model's recoding of them."""

    def __init__(self, coder: ModelCoder):
        self.coder = coder
        self.events: dict[str, tuple[list[Event], list[Event]]] = {}

    def recode(self, article, doc, language, mentions, events):
        recoded = self.coder.recode(article, doc, language, mentions, events)
        self.events[article.id] = (events, recoded)
        return recoded


def code_both(articles: list[Article], coder: ModelCoder, pipeline: Pipeline | None = None):
    """{article id: (default events, model events)} for the articles."""
    hook = _BothCoders(coder)
    pipeline = pipeline or Pipeline()
    previous, pipeline.model = pipeline.model, hook
    try:
        for _ in pipeline.process(articles):
            pass
    finally:
        pipeline.model = previous
    return hook.events


@dataclass
class Tally:
    """Correct and total counts per coder."""

    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def add(self, coder: str, ok: bool) -> None:
        self.total[coder] += 1
        self.correct[coder] += ok

    def rate(self, coder: str) -> float:
        return self.correct[coder] / self.total[coder] if self.total[coder] else 0.0


def _sample_articles() -> list[Article]:
    articles = []
    for path in sorted(resource_path("sample", "articles").glob("*.txt")):
        front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", path.read_text(encoding="utf-8"), re.DOTALL).groups()
        meta = yaml.safe_load(front)
        published = meta.get("published")
        if isinstance(published, str):
            published = datetime.fromisoformat(published.replace("Z", "+00:00"))
        articles.append(Article(id=path.name, text=body.strip(), language=meta.get("language"),
                                published=published, outlet=meta.get("outlet")))
    return articles


def score_sample_corpus(coder: ModelCoder, pipeline: Pipeline | None = None) -> dict[str, dict[str, float]]:
    """Per language: share of articles whose main event has the expected sub-event / event type."""
    expected = load_yaml("sample", "expected.yaml")
    articles = _sample_articles()
    coded = code_both(articles, coder, pipeline)
    tallies: dict[str, Tally] = {}
    for article in articles:
        gold = (expected.get(article.id) or [None])[0]
        if gold is None or article.id not in coded:
            continue
        from veille.coding.taxonomy import event_type_of

        for coder_name, events in zip(("default", "model"), coded[article.id]):
            event = main_event(events)
            for level, want in (("sub_event_type", gold["sub_event_type"]),
                                ("event_type", event_type_of(gold["sub_event_type"]))):
                tally = tallies.setdefault(f"{article.language} {level}", Tally())
                tally.add(coder_name, event is not None and getattr(event, level) == want)
    return {key: {"n": t.total["default"], "default": t.rate("default"), "model": t.rate("model")}
            for key, t in sorted(tallies.items())}


def _popcorn_gold(document: dict, mapping: dict) -> list[tuple[str, str | None, list[tuple[int, int]]]]:
    gold = []
    for entity in document["entities"]:
        target = mapping.get(entity["type"])
        if target:
            spans = [(m["start"], m["end"]) for m in entity["mentions"]]
            gold.append((target["event_type"], target.get("sub_event_type"), spans))
    return gold


def score_popcorn(path: str | Path, coder: ModelCoder, pipeline: Pipeline | None = None,
                  limit: int | None = None) -> dict:
    """Event-type accuracy on events whose trigger lies in a gold POPCORN event mention, and per-type doc F1."""
    mapping = load_yaml("popcorn_acled.yaml")
    documents = json.loads(Path(path).read_text(encoding="utf-8"))
    documents = dict(list(documents.items())[:limit])
    articles = [Article(id=key, text=doc["text"], language="fr") for key, doc in documents.items()]
    coded = code_both(articles, coder, pipeline)
    matched = Tally()
    sets: dict[str, Counter] = {"default": Counter(), "model": Counter()}
    for key, document in documents.items():
        if key not in coded:
            continue
        gold = _popcorn_gold(document, mapping)
        gold_types = {g[0] for g in gold}
        for coder_name, events in zip(("default", "model"), coded[key]):
            predicted_types = {e.event_type for e in events}
            for kind in gold_types | predicted_types:
                sets[coder_name][(kind, "tp" if kind in gold_types & predicted_types else
                                  "fp" if kind in predicted_types else "fn")] += 1
            for event in events:
                for event_type, _, spans in gold:
                    trigger = event.trigger
                    if trigger and any(s < trigger.end and trigger.start < e for s, e in spans):
                        matched.add(coder_name, event.event_type == event_type)
                        break
    result = {"documents": len(documents), "matched_events": matched.total["default"],
              "matched_type_accuracy": {c: matched.rate(c) for c in ("default", "model")}, "per_type_f1": {}}
    for kind in sorted({k for counts in sets.values() for k, _ in counts}):
        row = {}
        for coder_name, counts in sets.items():
            tp, fp, fn = counts[(kind, "tp")], counts[(kind, "fp")], counts[(kind, "fn")]
            row[coder_name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        row["gold_documents"] = sets["default"][(kind, "tp")] + sets["default"][(kind, "fn")]
        result["per_type_f1"][kind] = row
    return result
