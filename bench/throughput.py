"""Throughput benchmark, measured in one run on generated French and English articles of realistic length.

(a) bare `nlp.pipe` with veille's spaCy pipelines (same components), (b) the full veille pipeline to
events in memory, (c) `veille run` into SQLite from a JSON Lines file, one process, (d) the same with
`--workers 2`. Each is timed `--rounds` times, interleaved, and the best wall time kept (the machine
may be shared). Prints articles/s, words/s, CPU seconds, peak RSS per worker, the cold start of
`veille extract` on one article, the ratios b/a, c/a and d/c; the last line is `ratio=<c/a>`.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_records, write_jsonl  # noqa: E402

from veille.engine.local import run_to_store  # noqa: E402
from veille.nlp import load_pipeline  # noqa: E402
from veille.pipeline import Pipeline  # noqa: E402
from veille.records import Article  # noqa: E402
from veille.store import Store  # noqa: E402


def timed(run) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bare_parse(articles: list[Article], batch_size: int) -> int:
    """(a) nlp.pipe over each language's texts, the same pipelines veille loads."""
    n = 0
    for language in sorted({a.language for a in articles}):
        texts = [a.text for a in articles if a.language == language]
        for _ in load_pipeline(language).pipe(texts, batch_size=batch_size):
            n += 1
    return n


def cold_start(workdir: Path, article: dict) -> tuple[float, float]:
    """Wall and CPU seconds of `veille extract` on one article in a fresh process (imports, model loading)."""
    path = workdir / "one.txt"
    path.write_text(f"---\nlanguage: {article['language']}\npublished: {article['published']}\n---\n"
                    f"{article['text']}\n", encoding="utf-8")
    veille = shutil.which("veille", path=str(Path(sys.executable).parent)) or "veille"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([veille, "extract", str(path)], check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="workers of run (d)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="veille-bench-"))
    records = list(generate_records(args.articles))
    articles = [Article(**record) for record in records]
    source = write_jsonl(workdir / "corpus.jsonl", args.articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} articles, {words} words ({words / len(articles):.0f} per article), "
          f"languages {sorted({a.language for a in articles})}")

    cold = cold_start(workdir, records[0])
    pipeline = Pipeline()
    pipeline.warm_up()
    list(pipeline.process(articles[:4]))  # warm the lexicon caches before timing

    def to_sqlite(workers: int, name: str):
        db = workdir / f"{name}.db"
        db.unlink(missing_ok=True)
        with Store(db) as store:
            return run_to_store([str(source)], store, pipeline, workers=workers, batch_size=args.batch_size)

    runs = {
        "a bare nlp.pipe": lambda: bare_parse(articles, args.batch_size),
        "b veille in memory": lambda: sum(len(r.events) for r in pipeline.process(articles, args.batch_size)),
        "c veille run, SQLite": lambda: to_sqlite(1, "one"),
        f"d veille run --workers {args.workers}": lambda: to_sqlite(args.workers, "many"),
    }
    best: dict[str, tuple[float, float, object]] = {}
    for _ in range(args.rounds):
        for name, run in runs.items():
            measured = timed(run)
            if name not in best or measured[0] < best[name][0]:
                best[name] = measured

    for name, (wall, cpu, _) in best.items():
        print(f"{name:28s} {len(articles) / wall:7.2f} articles/s {words / wall:8.0f} words/s "
              f"wall {wall:7.2f} s  cpu (this process) {cpu:7.2f} s")
    (a, a_cpu, _), (b, b_cpu, _), (c, c_cpu, one), (d, _, many) = best.values()
    print(f"events: in memory {best['b veille in memory'][2]}, SQLite {one.n_events}, "
          f"--workers {args.workers} {many.n_events}")
    print(f"peak RSS: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"workers of (d) {', '.join(f'{m:.0f} MB' for m in many.worker_peak_rss_mb)}")
    print(f"cold start of `veille extract` on one article: {cold[0]:.2f} s (cpu {cold[1]:.2f} s)")
    print(f"cpu ratios (less sensitive to a shared machine): b/a {a_cpu / b_cpu:.2f} c/a {a_cpu / c_cpu:.2f}")
    print(f"speedup --workers {args.workers} over one process: {c / d:.2f}x")
    print(f"b/a={a / b:.2f} c/a={a / c:.2f}")
    print(f"ratio={a / c:.2f}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
