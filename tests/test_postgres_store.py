"""The store's test suite again, against the PostgreSQL server of VEILLE_TEST_POSTGRES_URL, plus the CLI on it."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from tests import test_store
from tests.test_store import *  # noqa: F401,F403  (the same tests, with the `store` fixture below)
from tests.web_fixtures import empty_postgres, fill_known, postgres_url
from veille.cli import app
from veille.store import Store

pytestmark = pytest.mark.postgres

# Tests about SQLite files themselves; everything else in test_store runs here on PostgreSQL.
SQLITE_ONLY = ("test_event_with_every_nested_field_round_trips_through_a_reopened_sqlite_file",
               "test_sqlite_runs_in_wal_mode_with_foreign_keys",
               "test_plain_paths_become_sqlite_urls_and_urls_pass_through",
               # reads event_date through raw SQL, where SQLite gives text; the PostgreSQL twin is below
               "test_flat_columns_are_filled_for_filtering")
for _name in SQLITE_ONLY:
    globals().pop(_name, None)
# Names imported from test_store that are not tests are harmless; keep the module's own tests unique.
assert all(hasattr(test_store, name) for name in SQLITE_ONLY)


@pytest.fixture
def store():  # noqa: F811  (replaces test_store's SQLite fixture)
    opened = Store(empty_postgres())
    yield opened
    opened.close()


def test_flat_columns_are_filled_for_filtering_on_postgres(store):
    from datetime import date

    article = test_store.make_article()
    store.save_article_events(article, [test_store.make_event(article)])
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT iso3, location, source, fatalities, event_date FROM events").one()
    assert tuple(row) == ("SYR", "Tal Kharab", "Example Wire; Agence Nord; Valley Monitor", 3, date(2021, 3, 2))


def test_postgres_uses_jsonb_and_psycopg(store):
    assert store.engine.dialect.name == "postgresql"
    assert store.engine.dialect.driver == "psycopg"
    with store.engine.connect() as conn:
        kind = conn.exec_driver_sql(
            "SELECT data_type FROM information_schema.columns WHERE table_name='events' AND column_name='record'"
        ).scalar()
    assert kind == "jsonb"


def test_an_event_round_trips_through_a_reopened_postgres_database():
    url = empty_postgres()
    article = test_store.make_article()
    event = test_store.make_event(article)
    with Store(url) as first:
        first.save_article_events(article, [event])
    with Store(url) as reopened:
        assert reopened.events() == [event]
        assert reopened.article(article.id) == article


@pytest.mark.slow
def test_every_command_accepts_a_postgres_url(tmp_path):
    url = empty_postgres()
    runner = CliRunner()
    text = tmp_path / "report.txt"
    text.write_text("---\noutlet: Levant Wire\npublished: 2024-03-12\n---\n"
                    "Two soldiers were killed when gunmen attacked a checkpoint in Saraqib on Monday.\n",
                    encoding="utf-8")
    ran = runner.invoke(app, ["run", str(text), "--db", url])
    assert ran.exit_code == 0, ran.output
    assert runner.invoke(app, ["failures", "--db", url]).exit_code == 0
    out = tmp_path / "events.csv"
    exported = runner.invoke(app, ["export", "--db", url, "--format", "acled", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and rows[0]["location"] == "Saraqib" and rows[0]["source"].startswith("Levant Wire")


def test_serve_refuses_a_missing_sqlite_file_but_takes_a_url(tmp_path):
    from veille.web.app import create_app

    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "missing.db"))
    app_on_postgres = create_app(fill_known(empty_postgres()))
    assert app_on_postgres.state.engine.dialect.name == "postgresql"
    app_on_postgres.state.engine.dispose()
    assert postgres_url()
