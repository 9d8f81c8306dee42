"""Engines: a process pool and a Dask LocalCluster store the same events as one in-process worker."""

from __future__ import annotations

import json
import shutil

import pytest

from veille.engine.batches import Batch, batched, merge_results
from veille.engine.ordered import ordered_results
from veille.records import Article, Failure
from veille.resources import resource_path
from veille.store import Store

pytestmark = pytest.mark.slow


def _corpus(tmp_path):
    """The sample articles plus a JSON Lines file with a bad line and a repeated article."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(resource_path("sample", "articles").glob("*.txt"))[:6]:  # 3 French, 3 English
        shutil.copy(path, folder / path.name)
    lines = [
        json.dumps({"id": "wire-1", "language": "en", "published": "2024-02-02",
                    "text": "Two soldiers were killed on Thursday when gunmen attacked a checkpoint near Kirkuk, "
                            "police sources said."}),
        "{not json",
        json.dumps({"id": "wire-1", "language": "en", "text": "A repeat of the first wire."}),
    ]
    (folder / "wires.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _stored(db) -> tuple[list[str], list[tuple], list[tuple]]:
    with Store(db) as store:
        events = [e.model_dump_json() for e in store.events()]
        failures = [(f.source, f.stage, f.message) for f in store.failures()]
        counts = [(store.articles_count(), store.articles_count("processed"), store.events_count())]
    return events, failures, counts


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    from veille.engine.local import run_to_store
    from veille.pipeline import Pipeline

    tmp = tmp_path_factory.mktemp("engine")
    folder = _corpus(tmp)
    pipeline = Pipeline()
    with Store(tmp / "one.db") as store:
        summary = run_to_store([str(folder)], store, pipeline, workers=1, batch_size=4)
    return folder, tmp / "one.db", summary, pipeline


def test_one_worker_run_stores_events_and_failures(local_run):
    _, db, summary, _ = local_run
    events, failures, _ = _stored(db)
    assert summary.n_processed == 7 and summary.n_already == 1
    assert len(events) == summary.n_events > 10
    assert any("invalid JSON" in message for _, _, message in failures)


def test_process_pool_of_two_workers_stores_the_same_as_one(local_run, tmp_path):
    from veille.engine.local import run_to_store

    folder, one_db, one, pipeline = local_run
    with Store(tmp_path / "two.db") as store:  # workers forked from the loaded pipeline, as the CLI does
        two = run_to_store([str(folder)], store, pipeline, workers=2, batch_size=4)
    assert two.workers == 2 and len(two.worker_peak_rss_mb) == 2
    assert (two.n_processed, two.n_already, two.n_events) == (one.n_processed, one.n_already, one.n_events)
    assert _stored(tmp_path / "two.db") == _stored(one_db)


def test_dask_local_cluster_of_two_workers_stores_the_same_as_the_local_engine(local_run, tmp_path):
    pytest.importorskip("distributed")
    from veille.engine.dask_runner import run_on_dask

    folder, one_db, one, _ = local_run
    with Store(tmp_path / "dask.db") as store:
        summary = run_on_dask([str(folder)], store, workers=2, batch_size=4)
    assert summary.workers == 2
    assert summary.n_events == one.n_events
    assert _stored(tmp_path / "dask.db") == _stored(one_db)


def test_ordered_results_keep_input_order_and_bound_the_window():
    from concurrent.futures import ThreadPoolExecutor

    in_flight, peak = [0], [0]

    def work(n):
        in_flight[0] -= 1
        return n * n

    with ThreadPoolExecutor(2) as pool:
        def submit(n):
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
            return pool.submit(work, n)

        results = list(ordered_results(submit, range(50), window=3))
    assert [r for _, r in results] == [n * n for n in range(50)]
    assert peak[0] <= 3
    with pytest.raises(ValueError):
        list(ordered_results(submit, range(2), window=0))


def test_batches_pass_read_failures_through_in_order():
    article = Article(id="a", text="x")
    failure = Failure(source="bad.txt", stage="read", message="empty file")
    (batch,) = list(batched([failure, article], 5))
    assert batch.articles == [article]
    assert list(merge_results(batch, ["result of a"])) == [failure, "result of a"]
    assert [len(b.items) for b in batched(range(7), 3)] == [3, 3, 1]
    assert isinstance(batch, Batch)
