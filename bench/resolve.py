"""Benchmark: incident resolution of 100,000 synthetic events (budget: one minute), in one run.

Synthetic happenings in a few hundred towns over a year are each told by 1-5 reports with the
noise real reports have (a date one day late and less precise, a nearby place, a missing actor, a
different toll). Prints events/s, the ratio elapsed/budget (must stay below 1.0) and how well the
reports were grouped back (pairwise precision and recall against the happenings).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from datetime import date, timedelta

from veille.records import Actor, Article, Event, Place
from veille.resolve import resolve_events

BUDGET_SECONDS = 60.0
TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests"),
]
ACTORS = ["Military Forces of Syria", "Islamic State", "QSD: Syrian Democratic Forces", "Protesters (Iraq)",
          "Military Forces of Iraq", "Police Forces of Iraq", "Civilians (Syria)", "Unidentified Armed Group (Syria)"]


def synthetic_events(n_events: int, seed: int = 7) -> tuple[list[Event], dict[str, Article], dict[str, int]]:
    """Return events, their articles and the happening each event tells."""
    rng = random.Random(seed)
    towns = [(f"Town {i}", rng.uniform(12, 38), rng.uniform(35, 60)) for i in range(400)]
    start = date(2024, 1, 1)
    events: list[Event] = []
    articles: dict[str, Article] = {}
    truth: dict[str, int] = {}
    happening = 0
    while len(events) < n_events:
        happening += 1
        town, lat, lon = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(365))
        event_type, sub_type = rng.choice(TYPES)
        actors = rng.sample(ACTORS, 2)
        toll = rng.choice([None, 0, 1, 2, 3, 5, 8])
        for report in range(min(rng.choice([1, 1, 2, 2, 3, 5]), n_events - len(events))):
            late = rng.random() < 0.2
            article_id = f"a{happening}-{report}"
            articles[article_id] = Article(id=article_id, outlet=f"Outlet {rng.randrange(30)}", text="synthetic",
                                           published=None)
            event = Event(
                id=f"{article_id}-e", article_id=article_id, event_type=event_type, sub_event_type=sub_type,
                event_date=day + timedelta(days=1) if late else day, time_precision=2 if late else 1,
                location=Place(name=town, latitude=lat + rng.uniform(-0.02, 0.02),
                               longitude=lon + rng.uniform(-0.02, 0.02), iso3="SYR", geo_precision=1),
                actor1=Actor(name=actors[0]) if rng.random() < 0.8 else None, actor2=Actor(name=actors[1]),
                fatalities=toll if rng.random() < 0.8 else (toll or 0) + 1,
            )
            events.append(event)
            truth[event.id] = happening
    return events, articles, truth


def pairwise(incidents, truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the incidents against the happenings."""
    predicted_pairs = sum(len(i.event_ids) * (len(i.event_ids) - 1) // 2 for i in incidents)
    correct = 0
    for incident in incidents:
        counts = Counter(truth[e] for e in incident.event_ids)
        correct += sum(c * (c - 1) // 2 for c in counts.values())
    gold_pairs = sum(c * (c - 1) // 2 for c in Counter(truth.values()).values())
    return correct / max(1, predicted_pairs), correct / max(1, gold_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    events, articles, truth = synthetic_events(args.events)
    started = time.perf_counter()
    incidents = resolve_events(events, articles)
    elapsed = time.perf_counter() - started
    precision, recall = pairwise(incidents, truth)
    print(f"events={len(events)} incidents={len(incidents)} seconds={elapsed:.1f} "
          f"events_per_s={len(events) / elapsed:.0f}")
    print(f"pairwise precision={precision:.3f} recall={recall:.3f}")
    print(f"ratio={elapsed / BUDGET_SECONDS:.3f} (elapsed / {BUDGET_SECONDS:.0f} s budget; must be < 1)")


if __name__ == "__main__":
    main()
