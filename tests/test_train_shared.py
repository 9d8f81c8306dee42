"""`veille train` measured on the shared ACLED rows and POPCORN (skipped when ../shared/data is absent)."""

from __future__ import annotations

from tests.conftest import report_metric

import pytest

from veille.pipeline import Pipeline
from veille.train.apply import ModelCoder
from veille.train.collect import collect_rows
from veille.train.crosslingual import score_popcorn, score_sample_corpus
from veille.train.data import read_coded_csv
from veille.train.fit import cross_validate, fit_model, usable

COLUMNS = ["event_type", "sub_event_type"]
ROWS = 600  # a slice keeps the test fast; bench/train_crossval.py runs all 5,071 rows


@pytest.fixture(scope="module")
def acled_rows(shared_data):
    path = shared_data / "acled-2020" / "acled.csv"
    if not path.exists():
        pytest.skip("acled.csv is absent")
    rows, _ = read_coded_csv(path, "notes", COLUMNS)
    return usable(collect_rows(rows[:ROWS], "en", pipeline=Pipeline(languages=["en"])))


@pytest.mark.slow
@pytest.mark.shared_data
def test_cross_validation_on_acled_rows_beats_the_default_coder(acled_rows):
    held, seconds = cross_validate(acled_rows, COLUMNS, folds=3)
    scores = held.scores("sub_event_type")
    report_metric(f"\nACLED first {ROWS} rows, 3-fold, sub_event_type: model {scores['model']}, "
          f"default coder {scores['default']}, fit {seconds:.1f} s per fold")
    assert scores["model"]["weighted_f1"] > 0.6
    assert scores["model"]["weighted_f1"] > scores["default"]["weighted_f1"]


@pytest.mark.slow
@pytest.mark.shared_data
def test_model_trained_on_english_notes_codes_french_reports(acled_rows, shared_data):
    coder = ModelCoder(fit_model(acled_rows, COLUMNS))
    sample = score_sample_corpus(coder)
    report_metric(f"\nsample corpus, main event vs expected: {sample}")
    assert sample["fr event_type"]["n"] >= 8
    popcorn_path = shared_data / "popcorn" / "train.json"
    if popcorn_path.exists():
        popcorn = score_popcorn(popcorn_path, coder, limit=100)
        report_metric(f"POPCORN: {popcorn}")
        assert popcorn["documents"] == 100 and popcorn["matched_events"] > 0
