"""Constant memory: `veille run` on a large generated JSON Lines file, its RSS sampled while it runs.

Writes N articles (default 100,000; `--lead-only` keeps the first paragraph of each, to finish in
reasonable time), runs `veille run FILE --workers W` in a child process, samples the resident memory
of it and its workers every second, and prints the RSS at each tenth of the run and the growth from
the first tenth to the last. Reading, batching and writing must not accumulate: growth stays small.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_records  # noqa: E402


def tree_rss_mb(process: psutil.Process) -> float:
    """Resident memory of a process and its children, MB."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--lead-only", action="store_true", help="first paragraph of each article only")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="veille-stream-"))
    source = workdir / "big.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for record in generate_records(args.articles):
            if args.lead_only:
                record["text"] = record["text"].split("\n\n")[0]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.articles} articles, {source.stat().st_size / 1e6:.0f} MB of JSON Lines")
    veille = shutil.which("veille", path=str(Path(sys.executable).parent)) or "veille"
    started = time.perf_counter()
    child = subprocess.Popen([veille, "run", str(source), "--db", str(workdir / "big.db"),
                              "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(child.pid)
    samples: list[tuple[float, float]] = []
    while child.poll() is None:
        samples.append((time.perf_counter() - started, tree_rss_mb(watched)))
        time.sleep(1.0)
    seconds = time.perf_counter() - started
    if child.returncode != 0 or len(samples) < 10:
        raise SystemExit(f"veille run exited {child.returncode} after {len(samples)} samples")
    buckets: dict[int, float] = {}
    for t, rss in samples:
        tenth = min(9, int(10 * t / seconds))
        buckets[tenth] = max(buckets.get(tenth, 0.0), rss)
    tenths = [buckets.get(k, float("nan")) for k in range(10)]
    print(f"run: {seconds:.0f} s, {args.articles / seconds:.1f} articles/s")
    print("peak RSS by tenth of the run (MB): " + " ".join(f"{value:.0f}" for value in tenths))
    growth = tenths[-1] - tenths[1]
    print(f"peak RSS {max(r for _, r in samples):.0f} MB; growth from the 2nd tenth to the last {growth:+.0f} MB")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
