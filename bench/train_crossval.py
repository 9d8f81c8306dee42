"""K-fold cross-validation of `veille train` on an ACLED CSV, with and without encoder features, vs the default coder.

usage: python bench/train_crossval.py ACLED.csv [--folds 5] [--cache rows.pkl] [--embeddings e5.npy] [--encoder]

Prints sub_event_type / event_type weighted and macro F1 of the model (text + extraction features),
of the model with sentence-encoder features when asked, and of the default coder's main event, plus
the throughput of the pipeline and of the encoder measured in this run. --embeddings reuses
encoder vectors computed for the examples' texts (a .npy of shape rows x 384 in row order).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

from veille.train.collect import collect_rows
from veille.train.data import read_coded_csv
from veille.train.encoder import embed_texts
from veille.train.fit import cross_validate, usable

COLUMNS = ["event_type", "sub_event_type"]


def _rows(csv_path: str, cache: str | None):
    if cache and Path(cache).exists():
        with open(cache, "rb") as handle:
            return pickle.load(handle), None
    rows, _ = read_coded_csv(csv_path, "notes", COLUMNS)
    started, cpu = time.perf_counter(), time.process_time()
    collected = collect_rows(rows, "en")
    timing = {"rows": len(rows), "wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu}
    if cache:
        with open(cache, "wb") as handle:
            pickle.dump(collected, handle)
    return collected, timing


def _report(name: str, held, seconds: float) -> dict:
    result = {"fit_s_per_fold": round(seconds, 1)}
    for column in COLUMNS:
        scores = held.scores(column)
        result[column] = {k: {m: round(v, 3) for m, v in s.items() if m != "n"} for k, s in scores.items()}
        print(f"{name:28s} {column:15s} model weighted F1 {scores['model']['weighted_f1']:.3f} "
              f"macro F1 {scores['model']['macro_f1']:.3f} | default weighted F1 "
              f"{scores['default']['weighted_f1']:.3f} macro F1 {scores['default']['macro_f1']:.3f}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache")
    parser.add_argument("--embeddings")
    parser.add_argument("--encoder", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    collected, timing = _rows(args.csv, args.cache)
    rows = usable(collected)
    print(f"{len(rows)} usable rows; pipeline timing {timing}", flush=True)
    results = {"pipeline": timing, "n": len(rows)}
    held, seconds = cross_validate(rows, COLUMNS, args.folds)
    results["text+extraction"] = _report("text+extraction", held, seconds)
    if args.encoder:
        sample = [r.example.text for r in rows[:200]]
        started = time.perf_counter()
        embed_texts(sample)
        per_row = (time.perf_counter() - started) / len(sample)
        results["encoder_s_per_row"] = round(per_row, 4)
        print(f"encoder: {per_row * 1000:.0f} ms per row", flush=True)
        vectors = np.load(args.embeddings) if args.embeddings else embed_texts([r.example.text for r in rows])
        by_line = {c.row.line: i for i, c in enumerate(collected)}
        for row in rows:
            row.example.embedding = vectors[by_line[row.row.line]] if args.embeddings else None
        if not args.embeddings:
            for row, vector in zip(rows, vectors):
                row.example.embedding = vector
        held, seconds = cross_validate(rows, COLUMNS, args.folds, use_encoder=True)
        results["text+extraction+encoder"] = _report("text+extraction+encoder", held, seconds)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    json.dump(results, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
