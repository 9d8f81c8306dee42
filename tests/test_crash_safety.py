"""kill -9 during `veille run` leaves a consistent database; a rerun resumes with nothing lost or duplicated.

The normal suite kills one real `veille run` subprocess; the reference run and the resume run in this process
(same run_to_store as the CLI) to save two model loads. bench/crash_safety.py repeats the whole thing with
subprocesses only, 20 times.
"""

from __future__ import annotations

import random

import pytest

from tests.crash_harness import snapshot, veille_run, write_corpus

pytestmark = pytest.mark.slow


def run_in_process(corpus, db):
    from veille.engine.local import run_to_store
    from veille.pipeline import Pipeline
    from veille.store import Store

    with Store(db) as store:
        return run_to_store([str(corpus)], store, Pipeline())


def test_killed_run_resumes_to_the_same_database(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    run_in_process(corpus, tmp_path / "reference.db")
    reference = snapshot(tmp_path / "reference.db")
    assert reference["integrity"] == "ok" and len(reference["articles"]) == 48 and reference["events"]
    assert len(reference["failures"]) == 2
    delay = random.Random().uniform(0, 1.5)
    outcome = veille_run(corpus, tmp_path / "killed.db", kill_after=delay)
    partial = snapshot(tmp_path / "killed.db")
    print(f"trial: {outcome} {delay:.2f}s after the first article; {len(partial['articles'])} articles stored then")
    assert partial["integrity"] == "ok" and partial["orphan_events"] == 0
    assert partial["articles_with_wrong_event_count"] == 0
    run_in_process(corpus, tmp_path / "killed.db")
    assert snapshot(tmp_path / "killed.db") == reference
