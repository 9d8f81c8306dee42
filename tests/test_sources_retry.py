"""`veille run --retry-failures`: failed articles and failed input files are read and processed again."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.mixed_inputs import REPORTS
from veille.cli import app
from veille.records import Article, Failure
from veille.store import Store

pytestmark = pytest.mark.slow


def test_retry_failures_processes_fixed_inputs_and_failed_articles(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(REPORTS[1], encoding="utf-8")
    broken = corpus / "later.csv"
    broken.write_text("story\nnothing here\n", encoding="utf-8")
    db = tmp_path / "r.db"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(corpus), "--db", str(db)]).exit_code == 0
    with Store(db) as store:
        assert [f.message[:14] for f in store.failures()] == ["no text column"]
        failed = Article(id="failed-one", text=REPORTS[3], source_path="api")
        store.save_failure(Failure(article_id="failed-one", source="api", stage="extract", message="boom"),
                           None, failed)
    broken.write_text(f'text\n"{REPORTS[5]}"\n', encoding="utf-8")  # the user fixes the file
    result = runner.invoke(app, ["run", "--retry-failures", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.article_status("failed-one") == "processed"
        assert store.articles_count("processed") == 3
    assert runner.invoke(app, ["run", "--db", str(db)]).exit_code != 0  # no input and no --retry-failures
