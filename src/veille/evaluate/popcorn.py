"""Read POPCORN (French) annotated texts and score event detection by type, death counts and dates."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from veille.coding.taxonomy import VIOLENT_TYPES
from veille.pipeline import Pipeline
from veille.records import Article, Event

# POPCORN event entity types -> the ACLED event type veille would give them. POPCORN covers
# accidents, fires, epidemics and more that ACLED does not code; those are left out.
POPCORN_TO_ACLED = {
    "BOMBING": "Explosions/Remote violence",
    "RIOT": "Riots",
    "HOOLIGANISM_TROUBLEMAKING": "Riots",
    "AGITATING_TROUBLE_MAKING": "Riots",
    "DEMONSTRATION": "Protests",
    "ILLEGAL_CIVIL_DEMONSTRATION": "Protests",
    "STRIKE": "Protests",
    "POLITICAL_VIOLENCE": "Violence",
    "CIVIL_WAR_OUTBREAK": "Violence",
    "CRIMINAL_ARREST": "Strategic developments",
}


@dataclass(frozen=True)
class PopcornGold:
    """One POPCORN text: the ACLED-side event types it holds, its death count(s) and exact dates."""

    id: str
    text: str
    types: frozenset[str]
    deaths: tuple[int, ...]
    dates: tuple[date, ...]


def _date(value: str) -> date | None:
    try:
        day, month, year = (int(x) for x in value.split("/"))
        return date(year, month, day)
    except (ValueError, TypeError):
        return None


def _number(entity: dict) -> int | None:
    value = str(entity.get("value", "")).strip()
    return int(value) if value.isdigit() else None


def read_popcorn(path: str | Path) -> list[PopcornGold]:
    """The annotated texts of a POPCORN JSON file (a dict id -> {text, entities, relations})."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a POPCORN JSON object (id -> annotated text)")
    gold = []
    for key, doc in data.items():
        entities = {e["id"]: e for e in doc.get("entities", [])}
        types = frozenset(POPCORN_TO_ACLED[e["type"]] for e in entities.values() if e["type"] in POPCORN_TO_ACLED)
        deaths = tuple(n for a, rel, b in doc.get("relations", [])
                       if rel == "DEATHS_NUMBER" and entities.get(a, {}).get("type") in POPCORN_TO_ACLED
                       for n in [_number(entities.get(b, {}))] if n is not None)
        dates = tuple(d for e in entities.values() if e["type"] == "TIME_EXACT"
                      for d in [_date(str(e.get("value", "")))] if d is not None)
        gold.append(PopcornGold(str(key), doc.get("text", ""), types, deaths, dates))
    return gold


def predicted_types(events: list[Event]) -> set[str]:
    """The ACLED-side types of a text's asserted events, violent ones also counted as 'Violence'."""
    types = set()
    for event in events:
        if event.modality in ("negated",):
            continue
        types.add(event.event_type)
        if event.event_type in VIOLENT_TYPES:
            types.add("Violence")
    return types


def run_popcorn(gold: list[PopcornGold], pipeline: Pipeline | None = None) -> list[tuple[PopcornGold, list[Event]]]:
    """Code every text as a French article with no publication date."""
    pipeline = pipeline or Pipeline(languages=("fr",))
    articles = [Article(id=g.id, text=g.text, language="fr") for g in gold if g.text]
    kept = [g for g in gold if g.text]
    return [(g, r.events) for g, r in zip(kept, pipeline.process(articles, batch_size=32))]


def popcorn_metrics(results: list[tuple[PopcornGold, list[Event]]]) -> dict:
    """Per-type precision/recall/F1 of text-level event detection, death-count and date agreement."""
    labels = sorted(set(POPCORN_TO_ACLED.values()))
    by_type = {}
    for label in labels:
        tp = sum(1 for g, ev in results if label in g.types and label in predicted_types(ev))
        fp = sum(1 for g, ev in results if label not in g.types and label in predicted_types(ev))
        fn = sum(1 for g, ev in results if label in g.types and label not in predicted_types(ev))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        by_type[label] = {"support": tp + fn, "predicted": tp + fp, "precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    with_deaths = [(g, ev) for g, ev in results if g.deaths]
    deaths_ok = sum(1 for g, ev in with_deaths if {e.fatalities for e in ev} & set(g.deaths))
    with_dates = [(g, ev) for g, ev in results if g.dates and ev]
    dates_ok = sum(1 for g, ev in with_dates if {e.event_date for e in ev} & set(g.dates))
    return {
        "n": len(results),
        "by_type": by_type,
        "macro_f1": round(sum(v["f1"] for v in by_type.values()) / len(by_type), 4),
        "deaths_n": len(with_deaths),
        "deaths_match": round(deaths_ok / len(with_deaths), 4) if with_deaths else None,
        "dates_n": len(with_dates),
        "dates_match": round(dates_ok / len(with_dates), 4) if with_dates else None,
    }


def type_counts(results) -> Counter:
    """How many texts hold each gold type."""
    return Counter(t for g, _ in results for t in g.types)
