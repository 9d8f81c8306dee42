"""Read the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt) and score veille's PLOVER type and actors."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from veille.evaluate.main_event import main_event
from veille.pipeline import Pipeline
from veille.records import Article, Event


@dataclass(frozen=True)
class PloverGold:
    """One gold sentence: its text, PLOVER event type and the country codes of source and target."""

    id: str
    text: str
    event: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    published: datetime | None


def _codes(actors) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    return tuple(str(a.get("code", ""))[:3].upper() for a in actors if isinstance(a, dict) and a.get("code"))


def read_plover(path: str | Path) -> list[PloverGold]:
    """The records that carry a sentence (the DOCUMENT header record has none)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON array of PLOVER records")
    gold = []
    for record in records:
        if not isinstance(record, dict) or not record.get("text") or record.get("event") == "DOCUMENT":
            continue
        published = None
        try:
            published = datetime.fromisoformat(str(record.get("date"))).replace(tzinfo=timezone.utc)
        except ValueError:
            pass
        gold.append(PloverGold(str(record.get("id")), record["text"], record["event"],
                               _codes(record.get("source")), _codes(record.get("target")), published))
    return gold


def run_plover(gold: list[PloverGold], pipeline: Pipeline | None = None) -> list[tuple[PloverGold, Event | None]]:
    """Code each sentence as an English article; keep its main event."""
    pipeline = pipeline or Pipeline(languages=("en",))
    articles = [Article(id=g.id, text=g.text, published=g.published, language="en") for g in gold]
    return [(g, main_event(r.events, g.text)) for g, r in zip(gold, pipeline.process(articles, batch_size=64))]


def plover_metrics(pairs: list[tuple[PloverGold, Event | None]], producible: set[str]) -> dict:
    """Type accuracy (all records, and those whose gold type veille can produce), actor country matches."""
    n = len(pairs)
    in_scope = [(g, e) for g, e in pairs if g.event in producible]
    correct = lambda rows: sum(1 for g, e in rows if e is not None and e.plover_type == g.event)  # noqa: E731
    with_source = [(g, e) for g, e in pairs if g.sources and e is not None and e.actor1 is not None]
    with_target = [(g, e) for g, e in pairs if g.targets and e is not None and e.actor2 is not None]
    return {
        "n": n,
        "detected": round(sum(e is not None for _, e in pairs) / n, 4) if n else 0.0,
        "event_type_acc": round(correct(pairs) / n, 4) if n else 0.0,
        "n_producible": len(in_scope),
        "event_type_acc_producible": round(correct(in_scope) / len(in_scope), 4) if in_scope else 0.0,
        "source_country_match": round(sum(e.actor1.country in g.sources for g, e in with_source) / len(with_source), 4)
        if with_source else None,
        "target_country_match": round(sum(e.actor2.country in g.targets for g, e in with_target) / len(with_target), 4)
        if with_target else None,
    }


def plover_confusion(pairs) -> Counter:
    """(gold PLOVER type, predicted type or '-') -> count."""
    return Counter((g.event, e.plover_type if e else "-") for g, e in pairs)
