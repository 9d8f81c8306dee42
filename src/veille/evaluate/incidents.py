"""Score incident resolution on a gold set of articles: each article's gold incident vs the one found."""

from __future__ import annotations

from pathlib import Path

import yaml

from veille.evaluate.clusters import bcubed_scores, pairwise_scores
from veille.records import Article, Event, Incident
from veille.resources import resource_path


def bundled_incident_set() -> Path:
    """The folder of the incident set shipped with veille (articles/ and gold.yaml)."""
    return resource_path("incidents")


def load_gold(folder: Path) -> dict[str, dict]:
    """Read gold.yaml: {article file stem: {incident, language}}."""
    with (folder / "gold.yaml").open(encoding="utf-8") as handle:
        gold = yaml.safe_load(handle)
    if not isinstance(gold, dict) or not all(isinstance(v, dict) and "incident" in v for v in gold.values()):
        raise ValueError(f"{folder / 'gold.yaml'}: expected {{article: {{incident: ..., language: ...}}}}")
    return gold


def article_incidents(articles: dict[str, Article], events: list[Event], incidents: list[Incident]) -> dict[str, str]:
    """Predicted incident of each article: the incident of its first asserted event (by position in the text)."""
    incident_of = {e: incident.id for incident in incidents for e in incident.event_ids}
    by_article: dict[str, list[Event]] = {}
    for event in events:
        by_article.setdefault(event.article_id, []).append(event)
    predicted = {}
    for article_id in articles:
        found = sorted(by_article.get(article_id, []),
                       key=lambda e: (e.modality != "asserted", e.trigger.start if e.trigger else 0))
        predicted[article_id] = incident_of[found[0].id] if found else "none:" + article_id
    return predicted


def score_assignments(gold: dict[str, dict], predicted: dict[str, str]) -> dict[str, dict]:
    """Scores over all articles, each language alone, and pairs across languages."""
    labels = {name: entry["incident"] for name, entry in gold.items()}
    language = {name: entry.get("language") for name, entry in gold.items()}
    subsets = {"all": None, "cross-language": lambda a, b: language[a] != language[b]}
    scores: dict[str, dict] = {}
    for code in sorted(set(language.values())):
        names = [n for n in labels if language[n] == code]
        scores[code] = {"n": len(names), **pairwise_scores({n: labels[n] for n in names}, predicted),
                        **bcubed_scores({n: labels[n] for n in names}, predicted)}
    for name, keep in subsets.items():
        scores[name] = {"n": len(labels), **pairwise_scores(labels, predicted, keep),
                        **bcubed_scores(labels, predicted, keep)}
    return scores


def evaluate_incident_set(folder: Path | None = None, pipeline=None) -> dict[str, dict]:
    """Run the pipeline over the set's articles, resolve incidents and score them against gold.yaml."""
    from veille.engine.local import process_stream
    from veille.pipeline import Pipeline
    from veille.resolve import resolve_events
    from veille.sources import read_sources

    folder = folder or bundled_incident_set()
    gold = load_gold(folder)
    pipeline = pipeline or Pipeline()
    articles: dict[str, Article] = {}
    name_of: dict[str, str] = {}
    events: list[Event] = []
    for result in process_stream(read_sources([str(folder / "articles")]), pipeline):
        article = getattr(result, "article", None)
        if article is None:
            raise ValueError(f"could not read {result.source}: {result.message}")
        stem = Path(article.source_path or "").stem
        if stem in gold:
            articles[article.id] = article
            name_of[article.id] = stem
            events.extend(result.events)
    missing = set(gold) - set(name_of.values())
    if missing:
        raise ValueError(f"gold articles not found under {folder / 'articles'}: {sorted(missing)}")
    predicted = article_incidents(articles, events, resolve_events(events, articles))
    return score_assignments(gold, {name_of[a]: incident for a, incident in predicted.items()})
