"""Load benchmark of the events endpoint: `veille serve` over 100,000 synthetic events, loopback clients.

Prints p50/p95 latency and requests per second for filtered pages of 100 events (and, for
comparison, unfiltered pages), and whether p95 of the filtered pages is under the 100 ms target.

    .venv/bin/python bench/api_load.py [--events 100000] [--requests 2000] [--concurrency 1]
                                       [--db bench/out/api_load.db | --db postgresql://...]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx

from veille.records import Actor, Article, Claim, Event, Place, Source
from veille.store import Store

OUT = Path(__file__).resolve().parent / "out"
TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration"],
    "Strategic developments": ["Looting/property destruction", "Arrests"],
}
PLACES = [("Syria", "SYR", "Idlib", 35.9, 36.6), ("Syria", "SYR", "Aleppo", 36.2, 37.1),
          ("Syria", "SYR", "Deir ez-Zor", 35.3, 40.1), ("Iraq", "IRQ", "Kirkuk", 35.5, 44.4),
          ("Iraq", "IRQ", "Anbar", 33.4, 43.3), ("Iraq", "IRQ", "Nineveh", 36.3, 43.1),
          ("Yemen", "YEM", "Taizz", 13.6, 44.0), ("Libya", "LBY", "Tripoli", 32.9, 13.2),
          ("Mali", "MLI", "Mopti", 14.5, -4.2), ("Nigeria", "NGA", "Borno", 11.8, 13.1)]
ACTORS = [("Military Forces of Syria", 1), ("Islamic State", 2), ("QSD: Syrian Democratic Forces", 2),
          ("Popular Mobilization Forces", 3), ("Military Forces of Iraq", 1), ("Protesters", 6),
          ("Civilians", 7), ("Police Forces", 1), ("JNIM: Group for Support of Islam and Muslims", 2)]
OUTLETS = ["Levant Wire", "Euphrates Daily", "Gulf Courier", "Sahel Monitor", "Radio Oronte"]
FIRST_DAY = date(2022, 1, 1)
DAYS = 730


def synthetic_batches(n_events: int, seed: int = 7, per_article: int = 5):
    """Yield batches of (article, events) with varied types, places, actors and dates."""
    rng = random.Random(seed)
    batch = []
    for a in range(0, n_events, per_article):
        outlet = rng.choice(OUTLETS)
        article = Article(id=f"art-{a:07d}", outlet=outlet, title=f"Report {a} from {outlet}",
                          published=datetime(2024, 1, 1), language="en", text=f"Synthetic report number {a}.")
        found = []
        for i in range(a, min(a + per_article, n_events)):
            event_type = rng.choice(list(TYPES))
            country, iso3, admin1, lat, lon = rng.choice(PLACES)
            actor1, actor2 = rng.sample(ACTORS, 2)
            found.append(Event(
                id=f"ev-{i:07d}", article_id=article.id, event_type=event_type,
                sub_event_type=rng.choice(TYPES[event_type]),
                actor1=Actor(name=actor1[0], inter=actor1[1]), actor2=Actor(name=actor2[0], inter=actor2[1]),
                inter1=actor1[1], inter2=actor2[1], interaction=actor1[1] * 10 + actor2[1],
                event_date=FIRST_DAY + timedelta(days=rng.randrange(DAYS)), time_precision=1,
                location=Place(name=f"{admin1} town {i % 50}", admin1=admin1, country=country, iso3=iso3,
                               latitude=lat + rng.uniform(-0.5, 0.5), longitude=lon + rng.uniform(-0.5, 0.5)),
                fatalities=rng.choice([None, 0, 1, 2, 3, 5, 12]),
                claim=Claim(chain=[Source(name=outlet, kind="outlet")]), confidence=0.8))
        batch.append((article, found))
        if len(batch) >= 500:
            yield batch
            batch = []
    if batch:
        yield batch


def build_database(db: str, n_events: int) -> None:
    with Store(db) as store:
        if store.events_count() == n_events:
            print(f"reusing {db} ({n_events} events)")
            return
        started = time.perf_counter()
        for batch in synthetic_batches(n_events):
            store.save_many(batch)
        print(f"built {db}: {store.events_count()} events in {time.perf_counter() - started:.1f}s")


def filtered_params(rng: random.Random) -> dict:
    """A realistic analyst query: a type, a country and a three-month window, newest first."""
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 90))
    return {"event_type": rng.choice(list(TYPES)), "country": rng.choice(PLACES)[0],
            "date_from": start.isoformat(), "date_to": (start + timedelta(days=90)).isoformat(),
            "limit": 100, "sort": "event_date", "order": "desc"}


def run_load(base: str, make_params, n_requests: int, concurrency: int) -> dict:
    rng = random.Random(11)
    params = [make_params(rng) for _ in range(n_requests)]
    latencies: list[float] = []

    def one(p):
        with_client = clients[threading_id()]
        started = time.perf_counter()
        response = with_client.get(base + "/api/events", params=p)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
        return elapsed, len(response.json()["items"])

    clients: dict[int, httpx.Client] = {}

    def threading_id() -> int:
        import threading

        key = threading.get_ident()
        if key not in clients:
            clients[key] = httpx.Client(timeout=30)
        return key

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, params))
    wall = time.perf_counter() - started
    for client in clients.values():
        client.close()
    latencies = sorted(r[0] * 1000 for r in results)
    return {"p50_ms": statistics.median(latencies), "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
            "rps": len(latencies) / wall, "mean_items": statistics.mean(r[1] for r in results)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=1, help="parallel clients (one = the latency a user sees)")
    parser.add_argument("--db", default=str(OUT / "api_load.db"))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_database(args.db, args.events)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from veille.cli import app; app()", "serve", "--db", args.db,
                               "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        run_load(base, filtered_params, 50, args.concurrency)  # warm-up
        filtered = run_load(base, filtered_params, args.requests, args.concurrency)
        unfiltered = run_load(base, lambda rng: {"limit": 100, "offset": rng.randrange(0, 5000)},
                              args.requests // 2, args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name, result in (("filtered page of 100", filtered), ("unfiltered page of 100", unfiltered)):
        print(f"{name}: p50={result['p50_ms']:.1f}ms p95={result['p95_ms']:.1f}ms "
              f"rps={result['rps']:.0f} items/page={result['mean_items']:.0f} "
              f"(events={args.events} concurrency={args.concurrency})")
    ok = filtered["p95_ms"] < 100
    print(f"target p95<100ms for a filtered page of 100: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
