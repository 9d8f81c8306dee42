"""Fixtures for the web, export and PostgreSQL tests: a database per backend, filled with known events."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from sqlalchemy import MetaData, text
from sqlalchemy.engine import make_url

from veille.records import Actor, Article, Claim, Event, Place, Source, Span
from veille.store import Store
from veille.store.connection import open_engine

POSTGRES_ENV = "VEILLE_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    """The test server's URL, or skip the test when none was given."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (.ci/run starts a PostgreSQL server and sets it)")
    return url


def postgres_database(suffix: str) -> str:
    """The URL of a database `<test database>_<suffix>` on the test server, created when missing."""
    base = make_url(postgres_url())
    name = f"{base.database}_{suffix}"
    engine = open_engine(base.render_as_string(hide_password=False)).execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def empty_postgres(suffix: str | None = None) -> str:
    """The test server's URL (or one of its side databases) after dropping every table in it."""
    url = postgres_database(suffix) if suffix else postgres_url()
    engine = open_engine(url)
    reflected = MetaData()
    reflected.reflect(engine)
    reflected.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """An empty database: a SQLite file, then (when configured) the PostgreSQL test server."""
    if request.param == "sqlite":
        return str(tmp_path / "web.db")
    return empty_postgres()


def _span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


TEXT_A = ("Government troops clashed with Islamic State fighters near Palmyra on Monday; "
          "four soldiers were killed, the monitor said.\n"
          "A drone strike reportedly hit a depot in Deir ez-Zor the same day.")
TEXT_B = ("Protesters marched in Basra on Tuesday against power cuts. "
          "Police arrested twelve people, a spokesman said.")


def known_articles() -> list[tuple[Article, list[Event]]]:
    """Two articles and five events whose every filterable field the tests know."""
    a = Article(id="art-a", outlet="Levant Wire", published=datetime(2024, 3, 12, 8, 0), language="en",
                title="Clashes near Palmyra", text=TEXT_A, url="https://example.org/a")
    b = Article(id="art-b", outlet="Gulf Courier", published=datetime(2024, 3, 14), language="en",
                title="Basra protest", text=TEXT_B)
    syr = Actor(name="Military Forces of Syria", inter=1, country="SYR", mention=_span(TEXT_A, "Government troops"))
    isis = Actor(name="Islamic State", inter=2, mention=_span(TEXT_A, "Islamic State"))
    palmyra = Place(name="Palmyra", admin1="Homs", country="Syria", iso3="SYR", latitude=34.56, longitude=38.28,
                    geo_precision=1, mention=_span(TEXT_A, "Palmyra"))
    deir = Place(name="Deir ez-Zor", admin1="Deir ez-Zor", country="Syria", iso3="SYR", latitude=35.33,
                 longitude=40.14, mention=_span(TEXT_A, "Deir ez-Zor"))
    basra = Place(name="Basra", admin1="Basra", country="Iraq", iso3="IRQ", latitude=30.51, longitude=47.78,
                  mention=_span(TEXT_B, "Basra"))
    monitor = Claim(chain=[Source(name="Levant Wire", kind="outlet"), Source(name="the monitor", kind="monitor")],
                    attribution="reported")
    hedged = Claim(chain=[Source(name="Levant Wire", kind="outlet")], hedged=True, hedge=_span(TEXT_A, "reportedly"))
    events_a = [
        Event(id="ev-clash", article_id="art-a", event_type="Battles", sub_event_type="Armed clash",
              plover_type="FIGHT", actor1=syr, actor2=isis, inter1=1, inter2=2, interaction=12,
              event_date=date(2024, 3, 11), time_precision=1, location=palmyra, fatalities=4, claim=monitor,
              trigger=_span(TEXT_A, "clashed"), confidence=0.9,
              evidence={"trigger": _span(TEXT_A, "clashed"), "actor1": syr.mention, "actor2": isis.mention,
                        "location": palmyra.mention, "event_date": _span(TEXT_A, "Monday"),
                        "fatalities": _span(TEXT_A, "four soldiers were killed")}),
        Event(id="ev-drone", article_id="art-a", event_type="Explosions/Remote violence",
              sub_event_type="Air/drone strike", plover_type="ATTACK", event_date=date(2024, 3, 11),
              time_precision=1, location=deir, claim=hedged, trigger=_span(TEXT_A, "drone strike"),
              evidence={"trigger": _span(TEXT_A, "drone strike"), "location": deir.mention}),
        Event(id="ev-old", article_id="art-a", event_type="Battles", sub_event_type="Armed clash",
              actor1=isis, inter1=2, event_date=date(2023, 12, 1), time_precision=3, location=palmyra,
              modality="historical", evidence={"location": palmyra.mention}),
    ]
    police = Actor(name="Police Forces of Iraq", inter=1, country="IRQ", mention=_span(TEXT_B, "Police"))
    crowd = Actor(name="Protesters (Iraq)", inter=6, country="IRQ", mention=_span(TEXT_B, "Protesters"))
    events_b = [
        Event(id="ev-protest", article_id="art-b", event_type="Protests", sub_event_type="Peaceful protest",
              plover_type="PROTEST", actor1=crowd, inter1=6, interaction=60, event_date=date(2024, 3, 12),
              time_precision=1, location=basra, evidence={"trigger": _span(TEXT_B, "marched"),
                                                          "location": basra.mention}),
        Event(id="ev-arrest", article_id="art-b", event_type="Protests", sub_event_type="Protest with intervention",
              actor1=crowd, actor2=police, inter1=6, inter2=1, interaction=16, event_date=date(2024, 3, 12),
              time_precision=1, location=basra, arrested=12, claim=Claim(attribution="direct", speaker="a spokesman"),
              evidence={"trigger": _span(TEXT_B, "arrested"), "arrested": _span(TEXT_B, "arrested twelve")}),
    ]
    return [(a, events_a), (b, events_b)]


def fill_known(url: str) -> str:
    with Store(url) as store:
        store.save_many(known_articles())
    return url


@pytest.fixture
def known_db(db_url) -> str:
    """A database (each backend) holding the known articles and events, for a test that changes it."""
    return fill_known(db_url)


@pytest.fixture(scope="module", params=BACKENDS)
def shared_known_db(request, tmp_path_factory) -> str:
    """The known database (each backend) shared by a module's read-only tests."""
    if request.param == "sqlite":
        return fill_known(str(tmp_path_factory.mktemp("known") / "web.db"))
    return fill_known(empty_postgres("shared"))


XSS_ARTICLE = """---
outlet: "<img src=x onerror=alert('outlet')>"
published: 2024-04-22T08:00:00Z
title: "<script>alert('title')</script> Clash near Saraqib"
language: en
---
Gunmen attacked an army checkpoint in Saraqib on Sunday, killing two soldiers, the monitor said.
<script>alert('xss-script')</script> <img src=x onerror="alert('xss-onerror')"> The attackers fled north.
"""


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """The bundled sample corpus plus an article carrying script payloads, run into a SQLite file."""
    from veille.engine.local import run_to_store
    from veille.pipeline import Pipeline
    from veille.resources import resource_path

    folder = tmp_path_factory.mktemp("sample")
    xss = folder / "xss.txt"
    xss.write_text(XSS_ARTICLE, encoding="utf-8")
    db = folder / "sample.db"
    with Store(str(db)) as store:
        run_to_store([str(resource_path("sample", "articles")), str(xss)], store, Pipeline())
    return str(db)
