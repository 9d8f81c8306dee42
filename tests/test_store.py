"""Tests for veille.store: round-trips, idempotent saves, failures, skips, runs and SQLite settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from veille.records import Actor, Article, Claim, Event, Failure, Place, Skipped, Source, Span, text_id
from veille.store import Store
from veille.store.connection import database_url

TEXT = (
    "Reports from the valley were scarce this week. On Tuesday, gunmen reportedly attacked a "
    "checkpoint near Tal Kharab, killing three soldiers, according to the Valley Monitor cited "
    "by Agence Nord. Two other soldiers were wounded."
)


def span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


def make_article(text: str = TEXT, **fields) -> Article:
    defaults = dict(
        url="https://example.org/valley",
        outlet="Example Wire",
        published=datetime(2021, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        language="en",
        title="Checkpoint attacked",
        source_path="/data/valley.txt",
    )
    defaults.update(fields)
    return Article(id=text_id(text), text=text, **defaults)


def make_event(article: Article, trigger: str = "attacked", **fields) -> Event:
    text = article.text
    trigger_span = span(text, trigger)
    values = dict(
        id=f"{article.id}:{trigger_span.start}-{trigger_span.end}",
        article_id=article.id,
        event_type="Battles",
        sub_event_type="Armed clash",
        plover_type="FIGHT",
        plover_mode="small-arms",
        actor1=Actor(
            name="Unidentified Armed Group (Syria)", inter=3, country="SYR", mention=span(text, "gunmen")
        ),
        assoc_actor_1=None,
        actor2=Actor(
            name="Military Forces of Syria (2000-)", inter=1, country="SYR", mention=span(text, "soldiers")
        ),
        assoc_actor_2=Actor(name="Checkpoint Guards", inter=1),
        inter1=3,
        inter2=1,
        interaction=13,
        event_date=date(2021, 3, 2),
        time_precision=1,
        location=Place(
            name="Tal Kharab",
            admin1="Ar-Raqqa",
            admin2="Tell Abiad",
            country="Syria",
            iso3="SYR",
            latitude=36.6978,
            longitude=38.9567,
            geonameid=1234567,
            geo_precision=2,
            mention=span(text, "Tal Kharab"),
        ),
        fatalities=3,
        injured=2,
        arrested=None,
        modality="asserted",
        claim=Claim(
            chain=[
                Source(name="Example Wire", kind="outlet"),
                Source(name="Agence Nord", kind="agency", mention=span(text, "Agence Nord")),
                Source(name="Valley Monitor", kind="monitor", mention=span(text, "Valley Monitor")),
            ],
            speaker=None,
            attribution="reported",
            hedged=True,
            hedge=span(text, "reportedly"),
        ),
        evidence={
            "event_type": trigger_span,
            "event_date": span(text, "On Tuesday"),
            "fatalities": span(text, "killing three soldiers"),
            "injured": span(text, "Two other soldiers were wounded"),
        },
        confidence=0.72,
        trigger=trigger_span,
    )
    values.update(fields)
    return Event(**values)


def protest_event(article: Article, trigger: str, event_date: date | None) -> Event:
    trigger_span = span(article.text, trigger)
    return Event(
        id=f"{article.id}:{trigger_span.start}-{trigger_span.end}",
        article_id=article.id,
        event_type="Protests",
        sub_event_type="Peaceful protest",
        event_date=event_date,
        trigger=trigger_span,
        evidence={"event_type": trigger_span},
    )


@pytest.fixture
def store(tmp_path):
    opened = Store(str(tmp_path / "veille.db"))
    yield opened
    opened.close()


def test_event_with_every_nested_field_round_trips_through_a_reopened_sqlite_file(tmp_path):
    path = tmp_path / "nested" / "veille.db"
    article = make_article()
    event = make_event(article)
    with Store(str(path)) as first:
        first.save_article_events(article, [event])
    with Store(str(path)) as reopened:
        assert reopened.events() == [event]
        assert reopened.article(article.id) == article
        assert reopened.article_status(article.id) == "processed"


def test_naive_publication_time_stays_naive(store):
    article = make_article(published=datetime(2021, 3, 4, 9, 30))
    store.save_article_events(article, [])
    assert store.article(article.id).published == datetime(2021, 3, 4, 9, 30)


def test_flat_columns_are_filled_for_filtering(store):
    article = make_article()
    store.save_article_events(article, [make_event(article)])
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT iso3, location, source, fatalities, event_date FROM events").one()
    assert tuple(row) == ("SYR", "Tal Kharab", "Example Wire; Agence Nord; Valley Monitor", 3, "2021-03-02")


def test_saving_the_same_article_twice_keeps_one_copy_of_its_events(store):
    article = make_article()
    events = [make_event(article, "attacked"), make_event(article, "wounded", event_date=date(2021, 3, 1))]
    store.save_article_events(article, events)
    store.save_article_events(article, events)
    assert store.events_count() == 2
    assert store.articles_count() == 1


def test_resaving_an_article_replaces_its_events(store):
    article = make_article()
    store.save_article_events(article, [make_event(article, "attacked"), make_event(article, "wounded")])
    store.save_article_events(article, [make_event(article, "killing")])
    assert [event.trigger.text for event in store.events()] == ["killing"]


def test_save_many_stores_a_batch_and_orders_events_by_date_with_undated_last(store):
    first = make_article()
    second_text = "Quiet day. Protesters marched in the old town on Friday."
    second = make_article(second_text)
    batch = [
        (first, [make_event(first, "attacked", event_date=date(2021, 3, 2))]),
        (second, [
            protest_event(second, "marched", None),
            protest_event(second, "Protesters", date(2021, 2, 26)),
        ]),
        (first, [make_event(first, "attacked", event_date=date(2021, 3, 2))]),
    ]
    store.save_many(batch)
    assert store.articles_count() == 2
    assert [event.trigger.text for event in store.events()] == ["Protesters", "attacked", "marched"]
    assert [event.trigger.text for event in store.events(limit=1)] == ["Protesters"]
    assert len(store.events(article_id=second.id)) == 2


def test_an_event_of_another_article_is_refused(store):
    article = make_article()
    stray = make_event(article).model_copy(update={"article_id": "someone-else"})
    with pytest.raises(ValueError):
        store.save_article_events(article, [stray])
    assert store.articles_count() == 0


def test_failures_are_stored_and_listed_per_run(store):
    run_a = store.start_run({"inputs": ["a.txt"]})
    run_b = store.start_run({"inputs": ["b.txt"]})
    broken = Failure(
        article_id="abc", source="a.txt", stage="geo", message="no gazetteer", detail="Traceback ..."
    )
    store.save_failure(broken, run_a)
    store.save_failure(Failure(source="b.txt", stage="read", message="not UTF-8"), run_b)
    store.save_failure(Failure(source="c.txt", stage="read", message="empty"), None)
    assert store.failures(run_a) == [broken]
    assert [failure.source for failure in store.failures()] == ["a.txt", "b.txt", "c.txt"]


def test_a_failed_article_is_stored_without_events_and_retried(store):
    article = make_article()
    store.save_article_events(article, [make_event(article)])
    failure = Failure(article_id=article.id, source="x", stage="coding", message="boom")
    store.save_failure(failure, None, article)
    assert store.article_status(article.id) == "failed"
    assert store.events_count() == 0
    assert not store.has_article(article.id)


def test_skipped_articles_are_stored_and_counted(store):
    run_id = store.start_run({})
    kept = make_article("Texte court dans une langue prise en charge plus tard.", language="xx")
    unsupported = Skipped(article_id=kept.id, source="x.txt", reason="unsupported language", language="xx")
    store.save_skipped(unsupported, kept, run_id)
    store.save_skipped(Skipped(article_id="no-text", source="y.txt", reason="empty"), None, run_id)
    assert store.skipped_count(run_id) == 2
    assert store.skipped_count(run_id + 1) == 0
    assert store.articles_count(status="skipped") == 1
    assert store.has_article(kept.id)
    assert not store.has_article("no-text")
    assert [item.reason for item in store.skipped(run_id)] == ["unsupported language", "empty"]


def test_runs_record_arguments_and_counts(store, tmp_path):
    run_id = store.start_run({"input": tmp_path, "workers": 2})
    store.save_failure(Failure(source="a", stage="read", message="m"), run_id)
    store.finish_run(run_id, {"n_articles": 5, "n_events": 7})
    run = store.run(run_id)
    assert run["arguments"] == {"input": str(tmp_path), "workers": 2}
    assert (run["n_articles"], run["n_events"], run["n_failures"], run["n_skipped"]) == (5, 7, 1, 0)
    assert run["finished_at"] >= run["started_at"]
    with pytest.raises(ValueError):
        store.finish_run(run_id, {"articles": 5})


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_has_article_is_false_for_unknown_ids(store):
    assert not store.has_article("missing")
    assert store.article("missing") is None


def test_plain_paths_become_sqlite_urls_and_urls_pass_through(tmp_path):
    url = database_url(str(tmp_path / "sub" / "veille.db"))
    assert url.drivername == "sqlite"
    assert url.database == str(tmp_path / "sub" / "veille.db")
    assert database_url("postgresql://user@db.example/veille").database == "veille"
    assert database_url("sqlite:///relative.db").database == "relative.db"
